import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD, launchBrowser, loginThroughForm, newPage, screenshot } from './support/browser.js';
import { journeyServer } from './support/server.js';

let browser: Browser;
const baseUrl = journeyServer().baseUrl;
const first = journeyServer().firstAuthority;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

describe('forced password change at first login', () => {
  it('a new provincial account must change its one-time password before anything else', async () => {
    const page = await newPage(browser, baseUrl);
    await loginThroughForm(page, '机构', first.account, first.password);
    await page.waitForURL('**/change-password');
    await page.getByText('首次登录请修改初始密码后再使用系统').waitFor();
    await page.goto('/');
    await page.waitForURL('**/change-password');
    await screenshot(page, 'forced-change');

    await page.getByLabel('原密码').fill(first.password);
    await page.getByLabel('新密码', { exact: true }).fill('abcdefgh');
    await page.getByLabel('确认新密码').fill('abcdefgh');
    await page.getByRole('button', { name: '确认修改' }).click();
    await page.locator('.ant-form-item-explain-error', { hasText: '密码至少8位' }).first().waitFor();
    await screenshot(page, 'forced-change-weak');

    await page.getByLabel('新密码', { exact: true }).fill('Hunan#2026');
    await page.getByLabel('确认新密码').fill('Hunan#2026');
    await page.getByRole('button', { name: '确认修改' }).click();
    await page.getByText('密码修改成功').waitFor();
    await page.getByText('当前身份：卫生行政部门').waitFor();
    await page.getByText('暂无考核周期').waitFor();
    expect(await page.locator('header').innerText()).toContain('湖南省卫生健康委员会');
    await screenshot(page, 'forced-change-done');
    await page.context().close();
  });
});

describe('切换 (institution ⇄ assessor)', () => {
  it('DEMO0001 switches to 考核机构 and back; DEMO0002 has no 切换', async () => {
    const page = await newPage(browser, baseUrl);
    await loginThroughForm(page, '机构', 'DEMO0001', DEMO_PASSWORD);
    await page.getByText('当前身份：医疗卫生机构').waitFor();
    await page.getByRole('button', { name: '切换为考核机构' }).click();
    await page.getByText('当前身份：考核机构').waitFor();
    await page.getByText('受委托医疗卫生机构数').waitFor();
    expect(await page.locator('header').innerText()).toContain('考核机构');
    await screenshot(page, 'switched-to-assessor');
    await page.getByRole('button', { name: '切换为医疗卫生机构' }).click();
    await page.getByText('当前身份：医疗卫生机构').waitFor();
    await page.getByRole('button', { name: '退出' }).click();
    await page.waitForURL('**/login');

    await loginThroughForm(page, '机构', 'DEMO0002', DEMO_PASSWORD);
    await page.getByText('当前身份：医疗卫生机构').waitFor();
    expect(await page.getByRole('button', { name: /切换/ }).count()).toBe(0);
    await page.context().close();
  });
});
