// 补考管理 with the demo accounts: a DEMO0003 physician fails 医学人文·法律法规 (待确认补考 at once); the provincial
// authority finds them in 补考管理 › 待确认补考 with the score and 允许补考; DEMO0003's 补考管理 lists them under 待参加补考,
// and the physician's 待参加的考试 names the 补考时间. (Taking the retake is covered by the API tests: the demo cycle's
// 补考时间 begins after its 测评考核, which the other journeys still use.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { AttemptView } from '../common/schemas/exams.js';
import { button, confirmInDialog, DEMO_PASSWORD, DESKTOP, launchBrowser, loginThroughForm, newPage, screenshot } from './support/browser.js';
import { JOURNEY_EXAMINEES } from './support/examinees.js';
import { journeyServer } from './support/server.js';

let browser: Browser;
const baseUrl = journeyServer().baseUrl;
const EXAMINEE = JOURNEY_EXAMINEES.retakes;
let name = '';

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

async function signedIn(tab: '医师' | '机构', account: string): Promise<Page> {
  const page = await newPage(browser, baseUrl, DESKTOP);
  await loginThroughForm(page, tab, account, DEMO_PASSWORD);
  await page.getByText(tab === '医师' ? '当前任务' : '当前身份').first().waitFor();
  return page;
}

describe('补考管理', () => {
  it('a physician who fails 医学人文·法律法规 waits for the province (待确认补考)', async () => {
    const page = await signedIn('医师', EXAMINEE);
    const csrf = (await page.context().cookies()).find((c) => c.name === 'csrf_token')!.value;
    const headers = { 'x-csrf-token': csrf };
    const started = await page.request.post('/api/v1/exams/start', { data: { paper: 'humanities' }, headers });
    expect(started.status()).toBe(200);
    const { attemptId } = (await started.json()) as { attemptId: number };
    // Answers every question with 'A' (or 正确): far from the pass mark.
    const view = (await (await page.request.get(`/api/v1/exams/attempts/${attemptId}`)).json()) as AttemptView;
    const answers = view.questions.map((q) => ({ position: q.position, answer: q.type === 'TF' ? 'T' : 'A', seq: 1 }));
    expect((await page.request.post(`/api/v1/exams/attempts/${attemptId}/answers`, { data: { answers }, headers })).status()).toBe(200);
    await page.goto(`/exams/attempts/${attemptId}`);
    await button(page, '提交试卷').click();
    await confirmInDialog(page, '确定提交试卷吗？', '提交试卷');
    await page.getByText(/医学人文·法律法规：[\d.]+ 分，不合格/).waitFor();
    await page.goto('/exams');
    await page.getByText('测评未通过，等待卫生行政部门确认补考').waitFor();
    await screenshot(page, 'retakes-physician-waiting');
    await page.context().close();
  });

  it('the provincial authority sees why (不合格 with the score) and allows the retake', async () => {
    const page = await signedIn('机构', 'wjw990000');
    await page.getByRole('menuitem', { name: '补考管理' }).click();
    await page.getByRole('menuitem', { name: '待确认补考' }).click();
    // Other journeys leave physicians in 待确认补考 too: this journey's examinee, found by 证件号码.
    await page.locator('.ant-table-row').first().waitFor();
    await page.getByLabel('证件号码').fill(EXAMINEE);
    await button(page, '查询').click();
    await page.locator('.ant-table-row').nth(1).waitFor({ state: 'detached' });
    const row = page.locator('.ant-table-row').filter({ hasText: '医学人文·法律法规：不合格' }).first();
    await row.waitFor();
    await row.getByText('业务水平：缺考').waitFor();
    await screenshot(page, 'retakes-authority-pending');
    const rowName = (await row.locator('td').nth(3).textContent()) ?? '';
    await button(row, '允许补考').click();
    await button(page.getByRole('dialog'), '允许补考').click();
    await page.getByText('已允许 1 名医师补考').waitFor();
    await page.getByRole('tab', { name: '待参加补考' }).click();
    await page.locator('.ant-table-row').filter({ hasText: rowName }).first().waitFor();
    name = rowName;
    await page.context().close();
  });

  it('DEMO0003 finds them under 待参加补考; the physician is told the 补考时间', async () => {
    const institution = await signedIn('机构', 'DEMO0003');
    await institution.getByRole('menuitem', { name: '补考管理' }).click();
    await institution.getByRole('tab', { name: '待参加补考' }).click();
    await institution.locator('.ant-table-row').filter({ hasText: name }).first().waitFor();
    await screenshot(institution, 'retakes-institution-allowed');
    await institution.context().close();

    const physician = await signedIn('医师', EXAMINEE);
    await physician.goto('/exams');
    await physician.getByRole('alert').getByText(/^补考时间未开始（/).waitFor();
    await physician.getByText(/补考时间 \d{4}-\d{2}-\d{2} ~/).waitFor();
    await screenshot(physician, 'retakes-physician-allowed');
    await physician.context().close();
  });
});
