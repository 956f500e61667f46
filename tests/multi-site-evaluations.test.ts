// 所有多点执业机构均须评价 (seed 000 FAQ 11.2, §8): the provincial authority turns the 考核政策 option on in its form; 演示省人民医院
// (DEMO0001) opens 医疗机构考核, finds the physicians of 青山市中医医院 who also practise there (demo data), saves one
// row, and reads the confirm of 「职业道德 工作成绩合格」 without passing everyone. The option is off again at the end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD, DESKTOP, button, formItem, launchBrowser, loginThroughForm, newPage, openFromMenu, screenshot, signIn } from './support/browser.js';
import { choose } from './support/select.js';
import { journeyServer } from './support/server.js';

let browser: Browser;
const baseUrl = journeyServer().baseUrl;

/** The provincial authority sets the option through the API, as the 考核政策 form sends it. */
async function setOption(on: boolean) {
  const { api, headers, close } = await signIn(browser, baseUrl, 'wjw990000');
  try {
    const { provinceCode: _p, canEdit: _c, ...fields } = (await (await api.get('/api/v1/policy')).json()) as Record<string, unknown>;
    const saved = await api.put('/api/v1/policy', { headers, data: { ...fields, multiSiteEvaluationRequired: on } });
    expect(saved.status()).toBe(200);
  } finally {
    await close();
  }
}

/** Chooses in a Select and waits until its list has closed (two lists of one row hold the same options). */
async function pick(page: Page, field: Locator, option: string) {
  await choose(page, field, option);
  await expect.poll(() => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').count()).toBe(0);
}

async function institution(account = 'DEMO0001'): Promise<Page> {
  const page = await newPage(browser, baseUrl, DESKTOP);
  await loginThroughForm(page, '机构', account, DEMO_PASSWORD);
  await page.getByText(/当前身份：/).waitFor();
  return page;
}

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  if (browser) {
    await setOption(false);
    await browser.close();
  }
});

describe('医疗机构考核 (所有多点执业机构均须评价)', () => {
  it('is not in the menu while the option is off', async () => {
    await setOption(false);
    const page = await institution();
    await page.getByRole('menuitem', { name: '考核管理' }).click();
    await page.getByRole('menuitem', { name: '一般程序审核' }).waitFor();
    expect(await page.getByRole('menuitem', { name: '医疗机构考核' }).count()).toBe(0);
    await page.context().close();
  });

  it('turned on in 考核政策, the site saves one physician’s 职业道德 / 工作业绩 and sees the batch confirm with its count', async () => {
    const authority = await institution('wjw990000');
    await authority.getByRole('menuitem', { name: '考核政策' }).click();
    await authority.waitForURL('**/policy');
    const option = formItem(authority, '多点执业机构均须评价');
    expect(await option.getByLabel('否').isChecked()).toBe(true);
    await option.getByLabel('是').check();
    await button(authority, '保存').click();
    await authority.getByText('考核政策已保存').waitFor();
    await authority.context().close();

    const page = await institution();
    await openFromMenu(page, '考核管理', '医疗机构考核', '/multi-site-evaluations');
    const rows = page.locator('.ant-table-row').filter({ hasText: '青山市中医医院' });
    await rows.first().waitFor();
    await page.getByText(/共 \d+ 条/).waitFor();
    await screenshot(page, 'multi-site-evaluations');

    const row = rows.first();
    const name = (await row.locator('td').nth(1).innerText()).trim();
    await pick(page, page.getByLabel(`${name}职业道德`), '合格');
    await pick(page, page.getByLabel(`${name}工作业绩`), '不合格');
    await row.getByRole('button', { name: `保存${name}的评价` }).click();
    await page.getByText(`${name}：请输入不合格理由`).waitFor();
    await page.getByLabel(`${name}不合格理由`).fill('本院出勤不足');
    await row.getByRole('button', { name: `保存${name}的评价` }).click();
    await page.getByText(`已保存${name}的评价`).waitFor();
    await row.getByText('已评价').waitFor();
    await screenshot(page, 'multi-site-evaluations-saved');

    // 已评价 only: the row just saved is there.
    await pick(page, formItem(page, '评价状态').getByRole('combobox'), '已评价');
    await button(page, '查询').click();
    await page.locator('.ant-table-row').filter({ hasText: name }).waitFor();
    await pick(page, formItem(page, '评价状态').getByRole('combobox'), '未评价');
    await button(page, '查询').click();
    await page.locator('.ant-table-row').filter({ hasText: name }).waitFor({ state: 'detached' });
    const pending = Number((await page.getByText(/共 \d+ 条/).innerText()).match(/\d+/)![0]);

    await button(page, '职业道德 工作成绩合格').click();
    const confirm = page.locator('.ant-modal-confirm');
    await confirm.getByText(`将当前查询条件下 ${pending} 名未评价的医师评价为职业道德、工作业绩合格，确定吗？`).waitFor();
    await confirm.getByText('此功能影响数据量比较多，慎用！').waitFor();
    await screenshot(page, 'multi-site-evaluations-batch-confirm');
    await button(confirm, '取消').click();
    await confirm.waitFor({ state: 'detached' });
    await page.context().close();
  }, 120_000);
});
