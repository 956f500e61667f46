import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, button, launchBrowser, loginThroughForm, newPage, screenshot } from './support/browser.js';
import { journeyServer } from './support/server.js';
import { choose } from './support/select.js';

let browser: Browser;
const baseUrl = journeyServer().baseUrl;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

const rows = (page: Page) => page.locator('.ant-table-tbody tr.ant-table-row');
const total = (page: Page) => page.locator('.ant-pagination-total-text');


/** Full-page pictures from the top (the sticky top bar would otherwise be drawn across the middle). */
async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

async function sheetRows(path: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(fs.readFileSync(path) as unknown as ArrayBuffer);
  const out: string[][] = [];
  workbook.worksheets[0].eachRow((row) => out.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return out;
}

async function openProgress(page: Page, item: '考核进度' | '考核情况综合查询') {
  const entry = page.getByRole('menuitem', { name: item });
  if (!(await entry.isVisible())) await page.getByRole('menuitem', { name: '进度管理' }).click();
  await entry.click();
  await page.waitForURL(item === '考核进度' ? '**/progress' : '**/progress/summary');
}

/** The column index of a header in the progress table. */
async function columnOf(page: Page, header: string): Promise<number> {
  const headers = await page.locator('.ant-table-thead th').allInnerTexts();
  return headers.findIndex((h) => h.trim() === header);
}

describe('考核进度 (DEMO0002 长河市第二人民医院)', () => {
  it('lists the enrolled physicians, filters by 考核状态 and 姓名, exports them and sums them up in 综合查询', async () => {
    const page = await newPage(browser, baseUrl);
    await loginThroughForm(page, '机构', 'DEMO0002', DEMO_PASSWORD);
    await openProgress(page, '考核进度');
    await rows(page).first().waitFor();
    await page.getByText(/^考核周期：/).waitFor();
    const all = Number(/共 (\d+) 条/.exec(await total(page).innerText())?.[1]);
    expect(all).toBeGreaterThan(0);
    // Other journeys move some of DEMO0002's physicians along the review chain: ask how many still wait to register.
    const waiting = ((await (await page.request.get('/api/v1/progress?status=PENDING_REGISTRATION')).json()) as { total: number }).total;
    expect(waiting).toBeGreaterThan(1);
    // The institution's own list: no 卫生机构 column; every column of the seed.
    const headers = (await page.locator('.ant-table-thead th').allInnerTexts()).map((h) => h.trim()).filter(Boolean);
    expect(headers).toEqual(['序号', '科室', '姓名', '年龄', '证件号码', '执业类别', '医师级别', '考核程序', '考核状态', '免考状态', '考核结果', '操作']);
    await shot(page, 'progress-institution');

    // 考核状态: the options explain themselves (seed 003 §2.2.9).
    await page.getByLabel('考核状态').click();
    const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
    await dropdown.getByText('本单位已允许医师报名，医师尚未提交报名信息').waitFor();
    await screenshot(page, 'progress-status-options');
    await dropdown.getByText('待报名', { exact: true }).click();
    await button(page, '查询').click();
    await expect.poll(async () => (await total(page).innerText()).trim()).toBe(`共 ${waiting} 条`);
    const statusColumn = await columnOf(page, '考核状态');
    const procedureColumn = await columnOf(page, '考核程序');
    expect(await rows(page).first().locator('td').nth(statusColumn).innerText()).toBe('待报名');
    expect(await rows(page).first().locator('td').nth(procedureColumn).innerText()).toBe('待填报信息');

    // A status nobody has in the demo data: the table says so.
    await choose(page, page.getByLabel('考核状态'), '待确认补考');
    await button(page, '查询').click();
    await page.getByText('没有符合条件的医师').waitFor();
    await shot(page, 'progress-empty');

    // 姓名 narrows to one physician (with 待报名 again).
    await choose(page, page.getByLabel('考核状态'), '待报名');
    await button(page, '查询').click();
    await expect.poll(async () => (await total(page).innerText()).trim()).toBe(`共 ${waiting} 条`);
    const nameColumn = await columnOf(page, '姓名');
    const name = (await rows(page).first().locator('td').nth(nameColumn).innerText()).trim();
    await page.getByLabel('姓名').fill(name);
    await button(page, '查询').click();
    await expect.poll(async () => Number(/共 (\d+) 条/.exec(await total(page).innerText())?.[1])).toBeLessThan(waiting);
    const found = Number(/共 (\d+) 条/.exec(await total(page).innerText())?.[1]);
    expect((await rows(page).locator(`td:nth-child(${nameColumn + 1})`).allInnerTexts()).every((n) => n.includes(name))).toBe(true);
    await shot(page, 'progress-filtered');

    // 导出 writes what the filters match, with the page's columns.
    const download = page.waitForEvent('download');
    await button(page, '导出').click();
    const sheet = await sheetRows(await (await download).path());
    expect(sheet[0]).toEqual(['序号', '科室', '姓名', '年龄', '证件号码', '执业类别', '医师级别', '考核程序', '考核状态', '免考状态', '考核结果']);
    expect(sheet).toHaveLength(found + 1);
    expect(sheet.slice(1).every((r) => r[2].includes(name) && r[8] === '待报名')).toBe(true);

    // 查看 before the first 提交: the physician's information (there is no registration record yet).
    await button(rows(page).first(), '查看').click();
    const drawer = page.locator('.ant-drawer').filter({ hasText: `医师信息 — ${name}` });
    await drawer.getByText('待报名', { exact: true }).first().waitFor();
    await screenshot(page, 'progress-view-physician');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    // 重置 brings the whole list back.
    await button(page, '重置').click();
    await expect.poll(async () => (await total(page).innerText()).trim()).toBe(`共 ${all} 条`);

    // 综合查询: the same physicians counted by 考核状态, 考核程序, 考核结果 and 执业类别.
    await openProgress(page, '考核情况综合查询');
    const enrolled = page.locator('.ant-statistic').filter({ hasText: '参加考核医师' });
    await expect.poll(async () => (await enrolled.locator('.ant-statistic-content-value').innerText()).trim()).toBe(String(all));
    const byStatus = page.locator('.ant-card').filter({ has: page.getByText('按考核状态', { exact: true }) });
    const pending = byStatus.locator('tr').filter({ hasText: /^待报名/ });
    expect((await pending.locator('td').nth(1).innerText()).trim()).toBe(String(waiting));
    await page.getByText('按执业类别', { exact: true }).waitFor();
    await shot(page, 'progress-summary-institution');
    await page.context().close();
  });
});

describe('考核进度 across institutions', () => {
  it('the assessor (DEMO0001 after 切换) sees its 卫生机构 and picks one', async () => {
    const page = await newPage(browser, baseUrl);
    await loginThroughForm(page, '机构', 'DEMO0001', DEMO_PASSWORD);
    await page.getByRole('button', { name: '切换为考核机构' }).click();
    await page.getByText('当前身份：考核机构').waitFor();
    await openProgress(page, '考核进度');
    await rows(page).first().waitFor();
    // Across institutions each row says whose physician it is (the department under the institution).
    const institutionColumn = await columnOf(page, '卫生机构 / 科室');
    expect(institutionColumn).toBe(1);
    const all = Number(/共 (\d+) 条/.exec(await total(page).innerText())?.[1]);
    await choose(page, page.getByLabel('卫生机构'), '长河市第二人民医院');
    await button(page, '查询').click();
    await expect
      .poll(async () => new Set((await rows(page).locator(`td:nth-child(${institutionColumn + 1}) > div > span:first-child`).allInnerTexts()).map((t) => t.trim())))
      .toEqual(new Set(['长河市第二人民医院']));
    const one = Number(/共 (\d+) 条/.exec(await total(page).innerText())?.[1]);
    expect(one).toBeLessThan(all);
    await shot(page, 'progress-assessor');

    await openProgress(page, '考核情况综合查询');
    await page.locator('.ant-statistic').filter({ hasText: '参加考核医师' }).getByText(String(all)).waitFor();
    await shot(page, 'progress-summary-assessor');
    await page.context().close();
  });

  it('the authority (wjw990000) sees its province by 区划 and 机构', async () => {
    const page = await newPage(browser, baseUrl);
    await loginThroughForm(page, '机构', 'wjw990000', DEMO_PASSWORD);
    await openProgress(page, '考核进度');
    await rows(page).first().waitFor();
    const all = Number(/共 (\d+)\+? 条/.exec(await total(page).innerText())?.[1]);
    await page.getByLabel('区划').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTitle('青山市', { exact: true }).click();
    await button(page, '查询').click();
    await expect.poll(async () => Number(/共 (\d+)\+? 条/.exec(await total(page).innerText())?.[1])).toBeLessThan(all);
    await shot(page, 'progress-authority');

    await openProgress(page, '考核情况综合查询');
    await page.getByText('按执业类别', { exact: true }).waitFor();
    await page.locator('.ant-statistic').filter({ hasText: '参加考核医师' }).getByText(String(all)).waitFor();
    await shot(page, 'progress-summary-authority');
    await page.context().close();
  });
});
