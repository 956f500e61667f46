// 测评 with the demo accounts (seed 001 §2): a DEMO0003 physician in 待参加考核 opens 待参加的考试, reads the 考试须知 and
// starts 医学人文·法律法规; answers, reloads mid-test (answers and time kept), answers while offline (banner, then
// saved when back), submits and passes; then takes 业务水平, which completes the cycle 合格. The physician knows the
// answers the way a well-prepared one does: from the demo bank, matched by the question's text. A second examinee
// answers on a phone, and practice shows each answer's key at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { AttemptView } from '../common/schemas/exams.js';
import { isGroup } from '../common/question-bank.js';
import { demoQuestionBanks } from '../server/db/seed/question-bank/index.js';
import { button, confirmInDialog, DEMO_PASSWORD, DESKTOP, expectRefusal, launchBrowser, loginThroughForm, newPage, noSideways, PHONE, screenshot } from './support/browser.js';
import { JOURNEY_EXAMINEES } from './support/examinees.js';
import { journeyServer } from './support/server.js';

let browser: Browser;
const baseUrl = journeyServer().baseUrl;
const EXAMINEE = JOURNEY_EXAMINEES.exams;
const PHONE_EXAMINEE = JOURNEY_EXAMINEES.examsPhone;
const LETTERS = 'ABCDEFGH';

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** Every demo question by its stem: its options (a B1 child: the group's) and its key, in the bank's order. */
const known = new Map<string, { options: string[]; answer: string }[]>();
for (const bank of demoQuestionBanks) {
  for (const item of bank.items) {
    const children = isGroup(item) ? item.questions.map((q) => ({ ...q, options: item.type === 'B1' ? item.sharedOptions : (q as { options: string[] }).options })) : [item];
    for (const q of children) known.set(q.stem, [...(known.get(q.stem) ?? []), { options: q.options ?? [], answer: q.answer }]);
  }
}

/** The right answer to a question as the page shows it (letters of the shown options, or T / F). */
function rightAnswer(question: AttemptView['questions'][number]): string {
  const shown = question.type === 'B1' ? (question.group?.sharedOptions ?? []) : question.options;
  const candidates = known.get(question.stem) ?? [];
  const match = candidates.find((c) => c.options.length === shown.length && c.options.every((o) => shown.includes(o))) ?? candidates[0];
  if (!match) throw new Error(`unknown question: ${question.stem}`);
  if (match.answer === 'T' || match.answer === 'F') return match.answer;
  return [...match.answer]
    .map((letter) => LETTERS[shown.indexOf(match.options[LETTERS.indexOf(letter)])])
    .sort()
    .join('');
}

async function physician(idNumber: string, viewport = DESKTOP): Promise<Page> {
  const page = await newPage(browser, baseUrl, viewport);
  await loginThroughForm(page, '医师', idNumber, DEMO_PASSWORD);
  await page.getByText('当前任务').first().waitFor();
  return page;
}

const attemptId = (page: Page) => Number(/\/exams\/attempts\/(\d+)/.exec(page.url())![1]);

async function attemptView(page: Page): Promise<AttemptView> {
  const response = await page.request.get(`/api/v1/exams/attempts/${attemptId(page)}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as AttemptView;
}

/** Clicks the right answer of the question on screen, as the physician would. */
async function answerOnScreen(page: Page, view: AttemptView, position: number) {
  const question = view.questions[position];
  const answer = rightAnswer(question);
  const card = page.getByLabel(`第${position + 1}题`, { exact: true });
  if (question.type === 'TF') await card.getByText(answer === 'T' ? '正确' : '错误', { exact: true }).click();
  else if (question.type === 'B1') await card.locator('.ant-radio-wrapper').nth(LETTERS.indexOf(answer)).click();
  else for (const letter of answer) await card.locator(question.type === 'X' ? '.ant-checkbox-wrapper' : '.ant-radio-wrapper').nth(LETTERS.indexOf(letter)).click();
}

/** The rest of the paper through the page's own API, with its session: the physician answering quickly. */
async function answerTheRest(page: Page, view: AttemptView, from: number) {
  const csrf = (await page.context().cookies()).find((c) => c.name === 'csrf_token')!.value;
  const answers = view.questions.slice(from).map((q) => ({ position: q.position, answer: rightAnswer(q), seq: 1000 + q.position }));
  const saved = await page.request.post(`/api/v1/exams/attempts/${view.id}/answers`, { data: { answers }, headers: { 'x-csrf-token': csrf } });
  expect(saved.status()).toBe(200);
}

async function startPaper(page: Page, paperLabel: string) {
  await page.goto('/exams');
  const card = page.getByLabel(`试卷 ${paperLabel}`);
  await button(card, '参加考试').click();
  const notice = page.getByRole('dialog');
  await notice.getByText('共 50 题').waitFor();
  await screenshot(page, `exams-notice-${paperLabel}`);
  await button(notice, '开始考试').click();
  await page.waitForURL(/\/exams\/attempts\/\d+/);
  await page.getByLabel('第1题', { exact: true }).waitFor();
}

async function submit(page: Page) {
  await button(page, '提交试卷').click();
  await page.getByRole('dialog').filter({ hasText: '确定提交试卷吗？' }).getByText('全部题目已作答').waitFor();
  await confirmInDialog(page, '确定提交试卷吗？', '提交试卷');
}

const remainingSeconds = async (page: Page) => {
  const [m, s] = ((await page.getByLabel('剩余时间').textContent()) ?? '').replace('剩余', '').trim().split(':').map(Number);
  return m * 60 + s;
};

describe('测评 (DEMO0003 physician in 待参加考核)', () => {
  it('takes 医学人文·法律法规: answers survive a reload and a lost connection; submitting passes', async () => {
    const page = await physician(EXAMINEE);
    await page.getByRole('menuitem', { name: '考核管理' }).click();
    await page.getByRole('menuitem', { name: '待参加的考试' }).click();
    await page.getByLabel('试卷 业务水平').getByText('须先通过医学人文·法律法规考试').waitFor();
    await screenshot(page, 'exams-list');
    await startPaper(page, '医学人文·法律法规');
    const view = await attemptView(page);
    expect(view.questions).toHaveLength(50);
    for (let position = 0; position < 3; position++) {
      await answerOnScreen(page, view, position);
      await button(page, '下一题').click();
    }
    await page.getByLabel('保存状态').getByText('已保存').waitFor();
    await page.getByLabel('答题卡').getByText('已答 3 / 50 题').waitFor();
    await screenshot(page, 'exams-attempt');

    // A reload resumes where it was: the three answers, the next question, the server's time.
    const before = await remainingSeconds(page);
    await page.reload();
    await page.getByLabel('第4题', { exact: true }).waitFor();
    await page.getByLabel('答题卡').getByText('已答 3 / 50 题').waitFor();
    expect(await remainingSeconds(page)).toBeLessThanOrEqual(before);
    expect(await remainingSeconds(page)).toBeGreaterThan(before - 120);

    // Offline: the answers stay in the browser, the banner says so, and they go out when the connection is back.
    expectRefusal(page, 0);
    await page.context().setOffline(true);
    await answerOnScreen(page, view, 3);
    await button(page, '下一题').click();
    await answerOnScreen(page, view, 4);
    await page.getByText('网络连接中断').waitFor();
    await page.getByLabel('保存状态').getByText('未连接').waitFor();
    await screenshot(page, 'exams-offline');
    await page.context().setOffline(false);
    await page.getByLabel('保存状态').getByText('已保存').waitFor();
    await expect.poll(async () => (await attemptView(page)).answers.length).toBe(5);

    await answerTheRest(page, view, 5);
    await page.reload();
    await page.getByLabel('答题卡').getByText('已答 50 / 50 题').waitFor();
    await submit(page);
    await page.getByText('医学人文·法律法规：100 分，合格').waitFor();
    await page.getByText('答题情况').waitFor();
    await screenshot(page, 'exams-result');
    await page.context().close();
  });

  it('then takes 业务水平, which completes the cycle 合格; 已完成的考试 lists both', async () => {
    const page = await physician(EXAMINEE);
    await startPaper(page, '业务水平');
    const view = await attemptView(page);
    await answerOnScreen(page, view, 0);
    await page.getByLabel('保存状态').getByText('已保存').waitFor();
    await answerTheRest(page, view, 1);
    await page.reload();
    await page.getByLabel('答题卡').getByText('已答 50 / 50 题').waitFor();
    await submit(page);
    await page.getByText('业务水平：100 分，合格').waitFor();
    await button(page, '已完成的考试').click();
    const rows = page.locator('.ant-table-row');
    await rows.filter({ hasText: '医学人文·法律法规' }).getByText('合格', { exact: true }).waitFor();
    await rows.filter({ hasText: '业务水平' }).getByText('合格', { exact: true }).waitFor();
    await screenshot(page, 'exams-completed');
    await page.goto('/');
    await page.getByText('考核完成').first().waitFor();
    await page.context().close();
  });

  it('on a phone: one question at a time, 答题卡 in a drawer, nothing wider than the screen', async () => {
    const page = await physician(PHONE_EXAMINEE, PHONE);
    await page.goto('/exams');
    await noSideways(page, PHONE.width);
    await startPaper(page, '医学人文·法律法规');
    const view = await attemptView(page);
    await answerOnScreen(page, view, 0);
    await page.getByLabel('保存状态').getByText('已保存').waitFor();
    await noSideways(page, PHONE.width);
    await screenshot(page, 'exams-phone-attempt');
    await button(page, '答题卡').click();
    await page.getByRole('dialog').getByText('已答 1 / 50 题').waitFor();
    await screenshot(page, 'exams-phone-sheet');
    await page.getByRole('dialog').getByRole('button', { name: '第5题（未答）' }).click();
    await page.getByLabel('第5题', { exact: true }).waitFor();
    await page.context().close();
  });

  it('练习 shows the right answer and 解析 at once', async () => {
    const page = await physician(PHONE_EXAMINEE, PHONE);
    await page.goto('/exams/practice');
    await button(page.getByLabel('练习 医学人文·法律法规'), '开始练习').click();
    await page.waitForURL(/\/exams\/attempts\/\d+/);
    const view = await attemptView(page);
    expect(view.kind).toBe('practice');
    await answerOnScreen(page, view, 0);
    await page.getByText(/回答正确，正确答案：/).waitFor();
    await page.getByText(/^解析：/).waitFor();
    await screenshot(page, 'exams-practice');
    await page.context().close();
  });
});
