import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, button, expectRefusal, launchBrowser, loginThroughForm, newPage, screenshot } from './support/browser.js';
import { journeyServer } from './support/server.js';

let browser: Browser;
const baseUrl = journeyServer().baseUrl;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

const HEADERS = ['题型', '分组号', '共用题干', '题干', '选项A', '选项B', '选项C', '选项D', '选项E', '选项F', '选项G', '选项H', '答案', '解析', '试卷', '执业类别', '诊疗科目', '难度'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const bankRows = (page: Page) => page.locator('.bank-table .ant-table-tbody tr.ant-table-row');
const modal = (page: Page, title: string) => page.locator('.ant-modal').filter({ has: page.locator('.ant-modal-title', { hasText: title }) });

async function sheetRows(file: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
  const rows: string[][] = [];
  workbook.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
}

/** A small 口腔 bank: four A1 and one A3 case of two; `broken` gives the second A1 an answer outside its options. */
async function bankFile(broken: boolean): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('题库');
  sheet.addRow(HEADERS);
  const row = (cells: Record<string, string>) => sheet.addRow(HEADERS.map((h) => cells[h] ?? ''));
  const tags = { 试卷: '业务水平', 执业类别: '口腔', 难度: '中' };
  const five = (values: string[]) => Object.fromEntries(values.map((v, i) => [`选项${'ABCDE'[i]}`, v]));
  row({ 题型: 'A1', 题干: '（导入）乳牙萌出的顺序中最先萌出的是', ...five(['下颌乳中切牙', '上颌乳中切牙', '乳侧切牙', '第一乳磨牙', '乳尖牙']), 答案: 'A', 解析: '乳牙最先萌出的是下颌乳中切牙，约在出生后6～8个月。', ...tags });
  row({ 题型: 'A1', 题干: '（导入）恒牙中最早萌出的牙是', ...five(['中切牙', '侧切牙', '第一恒磨牙', '尖牙', '第二恒磨牙']), 答案: broken ? 'G' : 'C', 解析: '第一恒磨牙约6岁萌出，是最早萌出的恒牙，俗称“六龄牙”。', ...tags });
  row({ 题型: 'A1', 题干: '（导入）牙周病最主要的致病因素是', ...five(['牙石', '菌斑生物膜', '食物嵌塞', '咬合创伤', '不良修复体']), 答案: 'B', 解析: '菌斑生物膜是牙周病的始动因子。', ...tags });
  row({ 题型: 'A1', 题干: '（导入）氟牙症的主要病因是', ...five(['牙发育期摄入过量氟', '四环素', '遗传', '外伤', '龋病']), 答案: 'A', 解析: '氟牙症是牙发育矿化期摄入过量氟所致。', ...tags });
  row({ 题型: 'A3', 分组号: 'K1', 共用题干: '（导入病例）患者女，25岁。右下后牙冷热刺激痛2周，刺激去除后疼痛立即消失，无自发痛。检查见右下6咬合面深龋洞。', 题干: '最可能的诊断是', ...five(['浅龋', '深龋', '急性牙髓炎', '慢性牙髓炎', '根尖周炎']), 答案: 'B', 解析: '刺激去除后疼痛立即消失、无自发痛，符合深龋。', ...tags });
  row({ 题型: 'A3', 分组号: 'K1', 题干: '首选的处理是', ...five(['拔除患牙', '根管治疗', '安抚后充填或垫底充填', '活髓切断术', '观察']), 答案: 'C', 解析: '深龋应去净腐质，视敏感程度安抚或垫底后充填。', ...tags });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The 口腔 row of 启用题目数量, cell of a 题型 column. */
async function dentalCount(page: Page, column: number): Promise<string> {
  const row = page.locator('.ant-card').filter({ hasText: '启用题目数量' }).locator('tr').filter({ hasText: '业务水平·口腔' });
  return row.locator('td').nth(column).innerText();
}

async function openMenu(page: Page, item: string) {
  const entry = page.getByRole('menuitem', { name: item });
  if (!(await entry.isVisible())) await page.getByRole('menuitem', { name: '测评管理' }).click();
  await entry.click();
}

const card = (page: Page, title: string): Locator => page.locator('.rule-card').filter({ has: page.locator('.ant-card-head-title', { hasText: title }) });

describe('测评管理 (provincial authority wjw990000)', () => {
  it('imports a small bank, sees the counts, previews and edits a question, and sets a rule the bank cannot fill', async () => {
    const page = await newPage(browser, baseUrl);
    await loginThroughForm(page, '机构', 'wjw990000', DEMO_PASSWORD);
    await page.getByText('当前身份：卫生行政部门').waitFor();
    await openMenu(page, '题库管理');
    await page.waitForURL('**/question-bank');
    await bankRows(page).first().waitFor();
    // The demo bank: 口腔 has 34 A1 and two A3 cases (7 questions).
    await expect.poll(() => dentalCount(page, 1)).toBe('34');
    expect(await dentalCount(page, 3)).toBe('7（2组）');
    await screenshot(page, 'question-bank');

    // 批量导入: the template, a file with one bad row (nothing imported, the report says why), then the corrected file.
    await page.getByRole('button', { name: '批量导入' }).click();
    const dialog = modal(page, '批量导入试题');
    const templateDownload = page.waitForEvent('download');
    await dialog.getByRole('button', { name: '下载导入模板' }).click();
    const template = await templateDownload;
    expect(template.suggestedFilename()).toBe('题库导入模板.xlsx');
    expect((await sheetRows((await template.path())!))[0]).toEqual(HEADERS);
    await dialog.locator('input[type=file]').setInputFiles({ name: '口腔题库.xlsx', mimeType: XLSX, buffer: await bankFile(true) });
    await dialog.getByRole('button', { name: '开始导入' }).click();
    await dialog.getByText('1行未通过校验，未导入任何数据，请修改后重新导入').waitFor();
    await dialog.getByText('答案须为A–E中的一个字母').waitFor();
    const reportDownload = page.waitForEvent('download');
    await dialog.getByRole('button', { name: '下载错误报告' }).click();
    const report = await sheetRows((await (await reportDownload).path())!);
    expect(report[0].at(-1)).toBe('失败原因');
    expect(report).toHaveLength(7);
    expect(report[2].at(-1)).toBe('答案须为A–E中的一个字母');
    await screenshot(page, 'question-bank-import-refused');
    expect(await dentalCount(page, 1)).toBe('34');

    await dialog.locator('input[type=file]').setInputFiles({ name: '口腔题库.xlsx', mimeType: XLSX, buffer: await bankFile(false) });
    await dialog.getByRole('button', { name: '开始导入' }).click();
    await dialog.getByText('导入成功6题').waitFor();
    await button(dialog.locator('.ant-modal-footer'), '关闭').click();
    await expect.poll(() => dentalCount(page, 1)).toBe('38');
    expect(await dentalCount(page, 3)).toBe('9（3组）');

    // The imported case, found by 关键字, previewed as the examinee sees it.
    await page.getByLabel('关键字').fill('导入病例');
    await button(page, '查询').click();
    await expect.poll(() => bankRows(page).count()).toBe(1);
    expect(await bankRows(page).first().innerText()).toContain('【共2题】（导入病例）患者女，25岁');
    await button(bankRows(page).first(), '预览').click();
    const preview = modal(page, '预览');
    await preview.getByText('（1～2题共用题干）').waitFor();
    await preview.getByText('最可能的诊断是').waitFor();
    await preview.getByText('B. 深龋').waitFor();
    // No key, no 解析.
    expect(await preview.innerText()).not.toContain('符合深龋');
    await screenshot(page, 'question-bank-preview');
    await preview.locator('.ant-modal-close').click();

    // 编辑 of an imported question (never drawn: saved in place).
    await page.getByLabel('关键字').fill('氟牙症');
    await button(page, '查询').click();
    await expect.poll(() => bankRows(page).count()).toBe(1);
    await button(bankRows(page).first(), '编辑').click();
    const drawer = page.locator('.ant-drawer').filter({ hasText: '编辑试题' });
    const stem = drawer.getByLabel('题干');
    await expect.poll(() => stem.inputValue()).toBe('（导入）氟牙症的主要病因是');
    await stem.fill('（导入）氟牙症（斑釉牙）的主要病因是');
    await screenshot(page, 'question-bank-edit');
    await button(drawer, '保存').click();
    await page.getByText('已保存', { exact: true }).waitFor();
    await expect.poll(() => bankRows(page).first().innerText()).toContain('氟牙症（斑釉牙）');

    // 试卷规则: 60 A1 for 口腔 is more than the bank's 38 — refused, naming the 题型; 30 fits.
    await openMenu(page, '试卷规则');
    await page.waitForURL('**/paper-rules');
    const dental = card(page, '业务水平·口腔');
    await dental.waitFor();
    expect(await dental.locator('tr').filter({ hasText: 'A1型题' }).innerText()).toContain('38题');
    const a1 = dental.getByLabel('A1型题题量');
    const original = Number(await a1.inputValue());
    const points = Number(await dental.getByLabel('A1型题每题分值').inputValue());
    const total = Number(/(\d+(?:\.\d)?)分/.exec(await dental.locator('.ant-table-summary').innerText())![1]);
    const totalWith = (count: number) => `${Math.round((total + (count - original) * points) * 10) / 10}分`;
    await a1.fill('60');
    await dental.locator('.ant-table-summary').getByText(totalWith(60)).waitFor();
    expectRefusal(page, 422);
    await button(dental, '保存').click();
    await dental.getByText('业务水平·口腔：A1型题题库中启用的题目不足60题（现有38题）').waitFor();
    await dental.locator('.ant-form-item-explain-error', { hasText: 'A1型题题库中启用的题目不足60题（现有38题）' }).waitFor();
    await dental.scrollIntoViewIfNeeded();
    await screenshot(page, 'paper-rules-shortage');
    await a1.fill('30');
    await button(dental, '保存').click();
    await page.getByText('已保存业务水平·口腔的试卷规则').waitFor();
    await dental.locator('.ant-table-summary').getByText(totalWith(30)).waitFor();
    // Back to the demo's own count, so other journeys find the demo rule.
    await a1.fill(String(original));
    const restored = page.waitForResponse((r) => r.url().endsWith('/api/v1/paper-rules') && r.request().method() === 'PUT');
    await button(dental, '保存').click();
    expect((await restored).status()).toBe(200);
    await dental.locator('.ant-table-summary').getByText(`${total}分`).waitFor();
    await page.context().close();
  });

  it('is not offered to a city authority', async () => {
    const page = await newPage(browser, baseUrl);
    await loginThroughForm(page, '机构', 'wjw990100', DEMO_PASSWORD);
    await page.getByText('当前身份：卫生行政部门').waitFor();
    await page.getByRole('menuitem', { name: '通知公告' }).waitFor();
    expect(await page.getByRole('menuitem', { name: '测评管理' }).count()).toBe(0);
    await page.context().close();
  });
});
