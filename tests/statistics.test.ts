import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Statistics } from '../common/schemas/statistics.js';
import { DEMO_PASSWORD, button, launchBrowser, loginThroughForm, newPage, screenshot as fullPage } from './support/browser.js';
import { journeyServer } from './support/server.js';

let browser: Browser;
const baseUrl = journeyServer().baseUrl;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

/** The top-level rows of the statistics table: the first cell of each (split rows and the totals excluded). */
const rowLabels = (page: Page) => page.locator('.statistics-table .ant-table-tbody tr.ant-table-row-level-0 td:first-child').allInnerTexts();
const totalRow = (page: Page) => page.locator('.statistics-table tr.statistics-total');

/** What the server says the page should show (other journeys move demo physicians along, so counts are read, not assumed). */
async function expected(page: Page, query = ''): Promise<Statistics> {
  const response = await page.request.get(`/api/v1/statistics${query}`);
  expect(response.status()).toBe(200);
  return response.json();
}

async function sheetRows(path: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(fs.readFileSync(path) as unknown as ArrayBuffer);
  const out: string[][] = [];
  workbook.worksheets[0].eachRow((row) => out.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return out;
}

/** Full-page pictures from the top (the sticky top bar would otherwise be drawn across the middle). */
async function screenshot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await fullPage(page, name);
}

async function openStatistics(page: Page) {
  await page.getByRole('menu').last().getByText('考核统计', { exact: true }).click();
  await page.waitForURL('**/statistics');
  await page.locator('.statistics-table .ant-table-tbody tr.ant-table-row').first().waitFor();
}

/** The four charts are drawn (ECharts as SVG, each with its description). */
async function chartsDrawn(page: Page, bars: string) {
  for (const label of ['考核进度漏斗', '考核状态分布', '每日报名、审核、测评人数', bars]) {
    await page.getByRole('img', { name: new RegExp(`^${label}`) }).locator('svg').first().waitFor();
  }
}

describe('考核统计', () => {
  it('the provincial authority drills from the province to a city, a district and one institution, and exports', async () => {
    const page = await newPage(browser, baseUrl);
    // The login page does not download the chart library.
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await page.goto('/login');
    await page.getByRole('tab', { name: '机构' }).waitFor();
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((url) => /\/assets\/Chart-/.test(url))).toEqual([]);
    await loginThroughForm(page, '机构', 'wjw990000', DEMO_PASSWORD);
    await page.getByText('当前身份：卫生行政部门').waitFor();
    // 首页 draws its 考核进度 rates as gauges (the chart chunk comes now).
    await page.getByRole('img', { name: /^报名完成率仪表盘 \d+%$/ }).locator('svg').waitFor();
    expect(scripts.some((url) => /\/assets\/Chart-/.test(url))).toBe(true);

    await openStatistics(page);
    const province = await expected(page);
    expect(await rowLabels(page)).toEqual(province.rows.map((r) => r.label));
    expect(province.rows.map((r) => r.label)).toEqual(['长河市', '青山市']);
    const totalCells = await totalRow(page).locator('td').allInnerTexts();
    expect(totalCells.slice(0, 3)).toEqual(['合计', String(province.total.figures.enrolled), String(province.total.figures.submitted)]);
    await page.locator('.statistics-breadcrumb').getByText('演示省').waitFor();
    await chartsDrawn(page, '按区划 / 机构');
    await screenshot(page, 'statistics-province');
    // Each rate says how it is computed.
    await page.getByRole('columnheader', { name: /合格率/ }).locator('.statistics-heading').hover();
    await page.getByRole('tooltip').getByText('合格 ÷（合格 + 不合格），即考核完成医师中合格的比例').waitFor();
    await page.mouse.move(0, 0);

    // 导出: the same rows and columns as the screen.
    const download = page.waitForEvent('download');
    await button(page, '导出').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('考核统计-2024-2026年度-演示省.xlsx');
    const sheet = await sheetRows(await file.path());
    const headers = (await page.locator('.statistics-table .ant-table-thead th').allInnerTexts()).map((h) => h.trim()).filter(Boolean);
    expect(sheet[0].map((h) => h.replace('(%)', ''))).toEqual(headers);
    expect(sheet.slice(1).map((r) => [r[0], r[1]])).toEqual([...province.rows, province.total].map((r) => [r.label, String(r.figures.enrolled)]));

    // Down to 长河市 by its row.
    await page.locator('.statistics-table tr.ant-table-row').filter({ hasText: '长河市' }).click();
    await page.waitForURL('**/statistics?regionCode=990100');
    await expect.poll(() => rowLabels(page)).toEqual(['东城区', '西城区']);
    expect(await page.locator('.statistics-breadcrumb').innerText()).toMatch(/演示省\s*\/\s*长河市/);
    const city = await expected(page, '?regionCode=990100');
    expect((await totalRow(page).locator('td').nth(1).innerText()).trim()).toBe(String(city.total.figures.enrolled));
    await screenshot(page, 'statistics-city');

    // 拆分 by 执业类别: every row gets its split values under it.
    await page.getByLabel('拆分').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByText('执业类别', { exact: true }).click();
    await page.waitForURL('**/statistics?regionCode=990100&split=practiceCategory');
    await page.locator('.statistics-table tr.ant-table-row-level-1').first().waitFor();
    const split = await expected(page, '?regionCode=990100&split=practiceCategory');
    expect(await page.locator('.statistics-table tr.ant-table-row-level-1').count()).toBe(split.rows.reduce((n, r) => n + r.parts.length, 0));
    await screenshot(page, 'statistics-city-by-category');

    // 东城区 → its institutions → 演示省人民医院 by 科室.
    await page.locator('.statistics-table tr.ant-table-row-level-0').filter({ hasText: '东城区' }).click();
    await page.waitForURL('**/statistics?regionCode=990101&split=practiceCategory');
    await expect.poll(() => rowLabels(page)).toContain('演示省人民医院');
    await page.locator('.statistics-table tr.ant-table-row-level-0').filter({ hasText: '演示省人民医院' }).click();
    await page.waitForURL(/institutionId=\d+/);
    await expect.poll(async () => (await page.locator('.statistics-breadcrumb').innerText()).replace(/\s+/g, '')).toBe('演示省/长河市/东城区/演示省人民医院');
    await page.getByRole('columnheader', { name: '科室' }).waitFor();
    await chartsDrawn(page, '按科室');
    await screenshot(page, 'statistics-institution-drill');

    // Back up by the breadcrumb.
    await page.locator('.statistics-breadcrumb').getByText('演示省', { exact: true }).click();
    await expect.poll(() => rowLabels(page)).toEqual(['长河市', '青山市']);
    await page.context().close();
  });

  it('the institution sees its own physicians by 科室', async () => {
    const page = await newPage(browser, baseUrl);
    await loginThroughForm(page, '机构', 'DEMO0002', DEMO_PASSWORD);
    await openStatistics(page);
    const own = await expected(page);
    expect(own.rowHeader).toBe('科室');
    expect(own.breadcrumb.map((b) => b.label)).toEqual(['长河市第二人民医院']);
    await page.getByRole('columnheader', { name: '科室' }).waitFor();
    expect(await rowLabels(page)).toEqual(own.rows.map((r) => r.label));
    expect(own.rows.length).toBeGreaterThan(1);
    expect((await totalRow(page).locator('td').nth(1).innerText()).trim()).toBe(String(own.total.figures.enrolled));
    // 科室 rows lead nowhere further.
    expect(await page.locator('.statistics-table .ant-table-tbody a').count()).toBe(0);
    await chartsDrawn(page, '按科室');
    await screenshot(page, 'statistics-institution');
    await page.context().close();
  });
});
