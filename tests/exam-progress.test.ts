// 测评进度 with the demo accounts (seed 003 §2.2.9 (2), seed 000 §9): a DEMO0003 physician in 待参加考核 (one the 测评
// journey does not use) starts 医学人文·法律法规 and hands it in at once; DEMO0003 finds both of the physician's papers in
// 进度管理 › 测评进度 (已完成 / 不合格 and 未参加), opens 查看 (times, 提交方式, 成绩, 合格分) and exports the rows;
// DEMO0001, after 切换 to 考核机构, finds the same rows under 考核机构考核 › 测评进度.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, DESKTOP, button, launchBrowser, loginThroughForm, newPage, screenshot, signIn } from './support/browser.js';
import { JOURNEY_EXAMINEES } from './support/examinees.js';
import { journeyServer } from './support/server.js';
import { choose } from './support/select.js';

let browser: Browser;
const baseUrl = journeyServer().baseUrl;
let examinee: { name: string; idNumber: string };

beforeAll(async () => {
  browser = await launchBrowser();
  examinee = await chooseExaminee();
  await handInHumanities(examinee.idNumber);
});
afterAll(() => browser?.close());

/** DEMO0003 finds this journey's physician among those waiting for the test (the 证件号码 view is audited). */
async function chooseExaminee() {
  const { api, headers, close } = await signIn(browser, baseUrl, 'DEMO0003');
  try {
    const roster = (await (await api.get('/api/v1/physicians?tab=confirmed&pageSize=100')).json()) as { items: { id: number; name: string; enrolmentStatus: string }[] };
    for (const item of roster.items.filter((i) => i.enrolmentStatus === 'AWAITING_TEST').reverse()) {
      const shown = await api.post(`/api/v1/physicians/${item.id}/id-number`, { headers });
      expect(shown.status()).toBe(200);
      const { idNumber } = (await shown.json()) as { idNumber: string };
      if (idNumber === JOURNEY_EXAMINEES.examProgress) return { name: item.name, idNumber };
    }
    throw new Error("this journey's DEMO0003 physician does not wait for the test");
  } finally {
    await close();
  }
}

/** The physician starts 医学人文·法律法规 and submits it without answering (the page's own API, with its session). */
async function handInHumanities(idNumber: string) {
  const context = await browser.newContext({ baseURL: baseUrl });
  try {
    const api = context.request;
    expect((await api.post('/api/v1/auth/login', { data: { tab: 'physician', account: idNumber, password: DEMO_PASSWORD, captcha: 'x' } })).status()).toBe(200);
    const headers = { 'x-csrf-token': (await context.cookies()).find((c) => c.name === 'csrf_token')!.value };
    let started = await api.post('/api/v1/exams/start', { data: { paper: 'humanities' }, headers });
    // Starts are admitted at a bounded rate: wait as the page would.
    for (let i = 0; started.status() === 429 && i < 10; i++) {
      await new Promise((resolve) => setTimeout(resolve, 1000 * Number(started.headers()['retry-after'] ?? 1)));
      started = await api.post('/api/v1/exams/start', { data: { paper: 'humanities' }, headers });
    }
    expect(started.status(), await started.text()).toBe(200);
    const { attemptId } = (await started.json()) as { attemptId: number };
    expect((await api.post(`/api/v1/exams/attempts/${attemptId}/submit`, { data: { reason: 'physician' }, headers })).status()).toBe(200);
  } finally {
    await context.close();
  }
}

const rows = (page: Page) => page.locator('.ant-table-tbody tr.ant-table-row');

async function headers(page: Page): Promise<string[]> {
  return (await page.locator('.ant-table-thead th').allInnerTexts()).map((h) => h.trim()).filter(Boolean);
}

/** The cells of the rows, by header. */
async function table(page: Page): Promise<Record<string, string>[]> {
  const names = (await page.locator('.ant-table-thead th').allInnerTexts()).map((h) => h.trim());
  const out: Record<string, string>[] = [];
  for (const row of await rows(page).all()) {
    const cells = (await row.locator('td').allInnerTexts()).map((c) => c.trim());
    out.push(Object.fromEntries(names.map((n, i) => [n, cells[i]])));
  }
  return out;
}


async function openExamProgress(page: Page, group: '进度管理' | '考核机构考核') {
  const entry = page.getByRole('menuitem', { name: '测评进度' });
  if (!(await entry.isVisible())) await page.getByRole('menuitem', { name: group }).click();
  await entry.click();
  await page.waitForURL('**/exam-progress');
}

async function searchByName(page: Page, name: string) {
  await page.getByLabel('姓名').fill(name);
  await button(page, '查询').click();
  await expect.poll(async () => (await table(page)).map((r) => r['姓名'])).toEqual([name, name]);
}

describe('测评进度 (DEMO0003 and its 考核机构 DEMO0001)', () => {
  it('the institution sees the submitted paper and the one still to take, opens 查看 and exports', async () => {
    const page = await newPage(browser, baseUrl, DESKTOP);
    await loginThroughForm(page, '机构', 'DEMO0003', DEMO_PASSWORD);
    await page.getByText('当前身份：医疗卫生机构').waitFor();
    await openExamProgress(page, '进度管理');
    await page.getByRole('tab', { name: '一般程序', selected: true }).waitFor();
    await rows(page).first().waitFor();
    expect(await headers(page)).toEqual(['序号', '科室', '姓名', '证件号码', '执业类别', '考核机构', '考核程序', '试卷名称', '测评结果', '测评状态', '操作']);
    await screenshot(page, 'exam-progress-institution');

    await searchByName(page, examinee.name);
    const found = await table(page);
    expect(found.map((r) => [r['试卷名称'], r['测评结果'], r['测评状态'], r['考核程序']])).toEqual([
      ['医学人文·法律法规', '不合格', '已完成', '一般程序'],
      ['业务水平', '无', '未参加', '一般程序'],
    ]);
    expect(found[0]['考核机构']).toContain('人民医院');
    expect(found[0]['证件号码']).toMatch(/\*{5}/);
    expect(found[0]['证件号码']).not.toBe(examinee.idNumber);
    await screenshot(page, 'exam-progress-institution-physician');

    // 测评状态 已完成 keeps the submitted paper only.
    await choose(page, page.getByLabel('测评状态'), '已完成');
    await button(page, '查询').click();
    await expect.poll(async () => (await table(page)).map((r) => r['试卷名称'])).toEqual(['医学人文·法律法规']);

    // 查看: the attempt's times, how it was handed in, its score and the pass mark — no questions, no answers.
    await button(rows(page).first(), '查看').click();
    const drawer = page.locator('.ant-drawer').filter({ hasText: `测评情况 — ${examinee.name}` });
    await drawer.getByText('首次考核').waitFor();
    // The content cell beside a label of the attempt's bordered table.
    const cell = (label: string) =>
      drawer.locator('.ant-descriptions-bordered .ant-descriptions-item-label').filter({ hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::*[1]');
    for (const label of ['开始时间', '截止时间', '提交时间']) expect(await cell(label).innerText()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(await cell('提交方式').innerText()).toBe('本人提交');
    expect(await cell('成绩').innerText()).toMatch(/^0 分\s*不合格$/);
    expect(await cell('合格分').innerText()).toBe('60 分（总分 100 分，50 题）');
    expect(await drawer.locator('.ant-radio-wrapper, .ant-checkbox-wrapper').count()).toBe(0);
    await screenshot(page, 'exam-progress-view');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    // 导出: the page's columns, with 考核阶段.
    const download = page.waitForEvent('download');
    await button(page, '导出').click();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(fs.readFileSync(await (await download).path()) as unknown as ArrayBuffer);
    const sheet: string[][] = [];
    workbook.worksheets[0].eachRow((row) => sheet.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    expect(sheet[0]).toEqual(['序号', '科室', '姓名', '证件号码', '执业类别', '考核机构', '考核程序', '试卷名称', '测评结果', '测评状态', '考核阶段']);
    expect(sheet.slice(1).map((r) => [r[2], r[7], r[8], r[9], r[10]])).toEqual([[examinee.name, '医学人文·法律法规', '不合格', '已完成', '首次考核']]);

    // The 简易程序 tab has its own rows (the demo's examinees are 一般程序).
    await page.getByRole('tab', { name: '简易程序' }).click();
    await page.getByText('没有符合条件的记录').waitFor();
    await page.context().close();
  });

  it('the assessor follows the same physician under 考核机构考核', async () => {
    const page = await newPage(browser, baseUrl, DESKTOP);
    await loginThroughForm(page, '机构', 'DEMO0001', DEMO_PASSWORD);
    await page.getByText('当前身份：医疗卫生机构').waitFor();
    await page.getByRole('button', { name: '切换为考核机构' }).click();
    await page.getByText('当前身份：考核机构').waitFor();
    await openExamProgress(page, '考核机构考核');
    await rows(page).first().waitFor();
    expect(await headers(page)).toEqual(['序号', '医疗卫生机构 / 科室', '姓名', '证件号码', '执业类别', '考核机构', '考核程序', '试卷名称', '测评结果', '测评状态', '操作']);
    await page.getByLabel('医疗卫生机构').waitFor();
    await searchByName(page, examinee.name);
    const found = await table(page);
    expect(found.map((r) => [r['试卷名称'], r['测评结果'], r['测评状态']])).toEqual([
      ['医学人文·法律法规', '不合格', '已完成'],
      ['业务水平', '无', '未参加'],
    ]);
    await screenshot(page, 'exam-progress-assessor');
    await page.context().close();
  });
});
