import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD, DEMO_PHYSICIAN_ID, DESKTOP, PHONE, launchBrowser, loginThroughForm, newPage, screenshot } from './support/browser.js';
import { journeyServer } from './support/server.js';

let browser: Browser;
const baseUrl = journeyServer().baseUrl;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

const cases = [
  {
    name: 'authority', tab: '机构', account: 'wjw990000', org: '演示省卫生健康委员会', role: '卫生行政部门', fact: '医疗卫生机构数', viewport: DESKTOP,
    menu: ['首页', '考核周期', '机构账号', '考核机构审核', '指定考核机构', '医师列表', '进度管理', '测评管理', '监考管理', '补考管理', '考核统计', '合格证书', '通知公告', '考核政策'],
  },
  {
    name: 'institution', tab: '机构', account: 'DEMO0002', org: '长河市第二人民医院', role: '医疗卫生机构', fact: '演示省人民医院', viewport: DESKTOP,
    menu: ['首页', '机构信息', '医师管理', '考核管理', '补考管理', '进度管理', '信息审核', '考核统计', '历史考核结果查询'],
  },
  { name: 'physician', tab: '医师', account: DEMO_PHYSICIAN_ID, org: '李明华', role: '医师', fact: '4301*****11', viewport: PHONE, menu: ['首页', '我要报名', '考核信息查询', '考核管理', '信息修改申请', '账户设置'] },
] as const;

describe('each role gets its own layout and home', () => {
  for (const c of cases) {
    it(`${c.name}: its menu, the organisation in the top bar, the current cycle's schedule`, async () => {
      const page = await newPage(browser, baseUrl, c.viewport);
      await loginThroughForm(page, c.tab, c.account, DEMO_PASSWORD);
      await page.getByText(`当前身份：${c.role}`).waitFor();
      await page.getByText('考核时间安排').first().waitFor();
      await page.getByText('2024-2026年度').first().waitFor();
      for (const label of ['考核机构申请', '医师报名', '报名信息审核', '测评考核']) await page.getByText(label, { exact: true }).first().waitFor();
      await page.getByText(c.fact).first().waitFor();
      if (c.viewport === PHONE) {
        await screenshot(page, `home-${c.name}-phone`);
        await page.getByRole('button', { name: '打开菜单' }).click();
      } else {
        expect(await page.locator('header').innerText()).toContain(c.org);
        await screenshot(page, `home-${c.name}-desktop`);
      }
      const menu = page.getByRole('menu').last();
      await menu.getByText('首页').waitFor();
      expect((await menu.getByRole('menuitem').allInnerTexts()).map((t) => t.trim())).toEqual([...c.menu]);
      if (c.viewport === PHONE) await screenshot(page, `menu-${c.name}-phone`);
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth).toBeLessThanOrEqual(c.viewport.width);
      await page.context().close();
    });
  }

  it('退出 ends the session and a protected page then asks to log in', async () => {
    const page = await newPage(browser, baseUrl);
    await loginThroughForm(page, '机构', 'DEMO0003', DEMO_PASSWORD);
    await page.getByText('当前身份：医疗卫生机构').waitFor();
    await page.getByRole('button', { name: '退出' }).click();
    await page.waitForURL('**/login');
    await page.goto('/');
    await page.waitForURL('**/login');
    await page.context().close();
  });
});
