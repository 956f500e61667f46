// The filter forms at 1024×768, the smallest screen the Beijing manuals support: every placeholder is read whole.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD, button, cutPlaceholders, launchBrowser, loginThroughForm, newPage, screenshot } from './support/browser.js';
import { journeyServer } from './support/server.js';

let browser: Browser;
const baseUrl = journeyServer().baseUrl;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

const SMALL = { width: 1024, height: 768 };

async function expectWholePlaceholders(account: string, paths: string[]) {
  const page = await newPage(browser, baseUrl, SMALL);
  await loginThroughForm(page, '机构', account, DEMO_PASSWORD);
  await page.getByText('当前身份').first().waitFor();
  for (const path of paths) {
    await page.goto(path);
    await button(page, '查询').first().waitFor();
    expect(await cutPlaceholders(page), path).toEqual([]);
    await screenshot(page, `small-screen-${account}${path.replaceAll('/', '-')}`);
  }
  await page.context().close();
}

describe('filter forms at 1024×768', () => {
  it('医疗卫生机构: 医师列表, 一般程序审核 and 考核进度 show their placeholders whole', async () => {
    await expectWholePlaceholders('DEMO0001', ['/physicians', '/reviews/standard', '/progress']);
  });

  it('卫生行政部门: 医师列表, 机构账号 and 考核进度 show their placeholders whole', async () => {
    await expectWholePlaceholders('wjw990000', ['/physicians', '/institutions', '/progress']);
  });
});
