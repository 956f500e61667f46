// 监考 with the demo accounts and Chromium's fake camera (a still video of a face that is not the registration photo's):
// the provincial authority turns 监考 on; a DEMO0003 physician reads the 人脸识别监考告知, agrees, takes
// 医学人文·法律法规 while the page takes snapshots and hands it in; the server's worker scores them below the threshold;
// DEMO0003 finds the physician in 进度管理 › 监考管理 (相似度 below its default), opens 查看 and marks 标记疑似; the
// provincial authority opens 监考管理 and 认定作弊; the physician's 考核信息查询 shows 不合格 and a 站内消息 says why;
// the authority 撤销认定. A second physician whose browser refuses the camera is told so and keeps answering.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { faceFixtures, y4mOf } from '../server/test-support/face-fixtures.js';
import { button, confirmInDialog, DEMO_PASSWORD, DESKTOP, launchBrowser, loginThroughForm, screenshot, signIn } from './support/browser.js';
import { JOURNEY_EXAMINEES } from './support/examinees.js';
import { journeyServer } from './support/server.js';

let camera: Browser;
const baseUrl = journeyServer().baseUrl;
let examinees: { id: number; name: string; idNumber: string }[] = [];

async function setProctoring(enabled: boolean) {
  const { api, headers, close } = await signIn(camera, baseUrl, 'wjw990000');
  try {
    const { provinceCode: _p, canEdit: _c, ...policy } = (await (await api.get('/api/v1/policy')).json()) as Record<string, unknown>;
    const saved = await api.put('/api/v1/policy', { data: { ...policy, proctoringEnabled: enabled }, headers });
    expect(saved.status(), await saved.text()).toBe(200);
  } finally {
    await close();
  }
}

/** DEMO0003 finds this journey's two physicians waiting for the test, and gives them a registration photo. */
async function chooseExaminees() {
  const { api, headers, close } = await signIn(camera, baseUrl, 'DEMO0003');
  try {
    const roster = (await (await api.get('/api/v1/physicians?tab=confirmed&pageSize=100')).json()) as { items: { id: number; name: string; enrolmentStatus: string }[] };
    const found: typeof examinees = [];
    for (const item of roster.items.filter((i) => i.enrolmentStatus === 'AWAITING_TEST')) {
      const { idNumber } = (await (await api.post(`/api/v1/physicians/${item.id}/id-number`, { headers })).json()) as { idNumber: string };
      if ((JOURNEY_EXAMINEES.proctoring as readonly string[]).includes(idNumber)) found.push({ id: item.id, name: item.name, idNumber });
    }
    found.sort((a, b) => JOURNEY_EXAMINEES.proctoring.indexOf(a.idNumber as never) - JOURNEY_EXAMINEES.proctoring.indexOf(b.idNumber as never));
    expect(found.length).toBe(2);
    for (const e of found.slice(0, 2)) {
      const photo = await api.put(`/api/v1/physicians/${e.id}/photo`, { multipart: { file: { name: '照片.jpg', mimeType: 'image/jpeg', buffer: faceFixtures().reference } }, headers });
      expect(photo.status(), await photo.text()).toBe(200);
    }
    return found.slice(0, 2);
  } finally {
    await close();
  }
}

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-camera-'));
  const video = path.join(dir, 'face.y4m');
  fs.writeFileSync(video, y4mOf(faceFixtures().otherPersonFrame));
  // The fake device plays the file; permission is granted or refused per context (grantPermissions), as a person would.
  camera = await launchBrowser(['--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`]);
  await setProctoring(true);
  examinees = await chooseExaminees();
});
afterAll(async () => {
  if (camera) await setProctoring(false);
  await camera?.close();
});

async function signedIn(tab: '医师' | '机构', account: string, grantCamera = false): Promise<{ page: Page; context: BrowserContext }> {
  const context = await camera.newContext({ baseURL: baseUrl, viewport: DESKTOP, locale: 'zh-CN' });
  if (grantCamera) await context.grantPermissions(['camera'], { origin: baseUrl });
  const page = await context.newPage();
  await loginThroughForm(page, tab, account, DEMO_PASSWORD);
  await page.getByText(tab === '医师' ? '当前任务' : '当前身份').first().waitFor();
  return { page, context };
}

async function startWithConsent(page: Page) {
  await page.goto('/exams');
  await button(page.getByLabel('试卷 医学人文·法律法规'), '参加考试').click();
  const notice = page.getByRole('dialog');
  await notice.getByText('人脸识别监考告知（须单独同意）').waitFor();
  await notice.getByText(/考核周期结束后 180 天，到期自动删除/).waitFor();
  expect(await button(notice, '开始考试').isDisabled()).toBe(true);
  return notice;
}

const rows = (page: Page) => page.locator('.ant-table-tbody tr.ant-table-row');

describe('监考', () => {
  it('the physician agrees, is photographed while answering, and hands in the paper', async () => {
    const { page } = await signedIn('医师', examinees[0].idNumber, true);
    const notice = await startWithConsent(page);
    await button(notice, '不同意').click();
    await notice.getByText('您未同意人脸识别监考，不能在线开始考试').waitFor();
    await screenshot(page, 'proctoring-consent-declined');
    await button(notice, '同意').click();
    await button(notice, '已同意采集人脸照片用于监考').waitFor();
    await screenshot(page, 'proctoring-consent');
    await button(notice, '开始考试').click();
    await page.waitForURL(/\/exams\/attempts\/\d+/);
    await page.getByText('监考中').waitFor();
    await page.getByLabel('第1题', { exact: true }).locator('.ant-radio-wrapper').first().click();
    await page.getByLabel('保存状态').getByText('已保存').waitFor();
    const attemptId = Number(/attempts\/(\d+)/.exec(page.url())![1]);
    // The start snapshot has reached the server (what 监考管理 will show).
    await expect.poll(async () => ((await (await page.request.get(`/api/v1/proctoring/attempts/${attemptId}/plan`)).json()) as { received: number }).received, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
    await screenshot(page, 'proctoring-attempt');
    await button(page, '提交试卷').click();
    await confirmInDialog(page, '确定提交试卷吗？', '提交试卷');
    await page.getByText(/医学人文·法律法规：\d+ 分，不合格/).waitFor();
  });

  it('DEMO0003 finds them below the threshold in 监考管理, opens 查看 and marks 标记疑似', async () => {
    const { page } = await signedIn('机构', 'DEMO0003');
    await page.getByRole('menuitem', { name: '进度管理' }).click();
    await page.getByRole('menuitem', { name: '监考管理' }).click();
    await page.getByText('建议筛选相似度40%以下的医师重点进行监考审核。').waitFor();
    // The worker scores the snapshot off the request path: 查询 again until the row is there, as a person would.
    const row = rows(page).filter({ hasText: examinees[0].name });
    await expect
      .poll(async () => {
        await button(page, '查询').click();
        return row.count();
      }, { timeout: 90_000, interval: 2000 })
      .toBe(1);
    const headers = (await page.locator('.ant-table-thead th').allInnerTexts()).map((h) => h.trim());
    expect(headers).toEqual(expect.arrayContaining(['序号', '姓名', '年龄', '证件号码', '考核程序', '试卷名称', '相似度', '标记状态', '查看状态', '操作']));
    await row.getByText('未查看').waitFor();
    const similarity = Number(/(\d+)%/.exec(await row.locator('td').nth(headers.indexOf('相似度')).innerText())![1]);
    expect(similarity).toBeLessThan(40);
    await screenshot(page, 'proctoring-list-institution');
    await button(row, '查看').click();
    const drawer = page.locator('.ant-drawer').filter({ hasText: '监考照片' });
    await drawer.getByRole('img', { name: '报名照片' }).waitFor();
    await drawer.getByText(/相似度 \d+%/).first().waitFor();
    await screenshot(page, 'proctoring-view');
    await page.keyboard.press('Escape');
    await row.getByText('已查看').waitFor();
    await button(row, '标记疑似').click();
    const dialog = page.getByRole('dialog').filter({ hasText: '疑似作弊标记仅作为标记操作' });
    await dialog.getByLabel('备注').fill('抓拍照片与报名照片不是同一人');
    await button(dialog, '标记疑似').click();
    await row.getByText('疑似', { exact: true }).waitFor();
    expect(await button(row, '标记疑似').count()).toBe(0);
  });

  it('the provincial authority confirms cheating; the physician’s result is 不合格; then it is revoked', async () => {
    const { page } = await signedIn('机构', 'wjw990000');
    await page.getByRole('menuitem', { name: '监考管理' }).click();
    const row = rows(page).filter({ hasText: examinees[0].name });
    await row.getByText('疑似', { exact: true }).waitFor();
    await button(row, '认定作弊').click();
    const confirm = page.getByRole('dialog').filter({ hasText: '认定后该试卷按不合格处理' });
    await confirm.getByLabel('理由').fill('经核实非本人参加考试');
    await screenshot(page, 'proctoring-confirm');
    await button(confirm, '认定作弊').click();
    await row.getByText('已认定').waitFor();

    const physician = await signedIn('医师', examinees[0].idNumber);
    await physician.page.goto('/assessment-info');
    await physician.page.getByText('不合格').first().waitFor();
    await physician.page.goto('/messages');
    await physician.page.getByText(/认定您的医学人文·法律法规测评存在作弊行为，理由：经核实非本人参加考试/).waitFor();
    await screenshot(physician.page, 'proctoring-physician-message');

    await button(row, '撤销认定').click();
    const revoke = page.getByRole('dialog').filter({ hasText: '撤销后恢复认定前的试卷结果和考核结果' });
    await revoke.getByLabel('理由').fill('复核后确认为本人');
    await button(revoke, '撤销认定').click();
    await row.getByText('疑似', { exact: true }).waitFor();
    await button(row, '认定作弊').waitFor();
    await physician.page.reload();
    await physician.page.getByText(/撤销了对您医学人文·法律法规测评的作弊认定/).waitFor();
  });

  it('a physician whose browser refuses the camera is told what to do and keeps answering', async () => {
    const { page } = await signedIn('医师', examinees[1].idNumber, false);
    const notice = await startWithConsent(page);
    await button(notice, '同意采集人脸照片用于监考').click();
    await button(notice, '开始考试').click();
    await page.waitForURL(/\/exams\/attempts\/\d+/);
    const alert = page.getByRole('alert').filter({ hasText: '未授权使用摄像头' });
    await alert.getByText(/请在浏览器地址栏左侧的权限设置中允许本网站使用摄像头/).waitFor();
    await alert.getByText(/考试可继续作答/).waitFor();
    await page.getByLabel('第1题', { exact: true }).locator('.ant-radio-wrapper').first().click();
    await page.getByLabel('保存状态').getByText('已保存').waitFor();
    await screenshot(page, 'proctoring-camera-denied');
    const attemptId = Number(/attempts\/(\d+)/.exec(page.url())![1]);
    // 监考管理 lists the attempt for review with its camera problem.
    const { api, close } = await signIn(camera, baseUrl, 'DEMO0003');
    try {
      await expect
        .poll(async () => ((await (await api.get(`/api/v1/proctoring/cases?name=${encodeURIComponent(examinees[1].name)}`)).json()) as { items: { attemptId: number; cameraIssue: string | null }[] }).items.find((i) => i.attemptId === attemptId)?.cameraIssue)
        .toBe('denied');
    } finally {
      await close();
    }
    await button(page, '提交试卷').click();
    await confirmInDialog(page, '确定提交试卷吗？', '提交试卷');
    await page.getByText(/医学人文·法律法规：\d+ 分，不合格/).waitFor();
  });
});
