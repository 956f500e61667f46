// Journey of 我要报名 (seed 001 §1.4, seed 004 slides 12–17): two physicians of DEMO0003 (长河市东城区社区卫生服务中心, whose
// physicians no other journey uses) get their password reset by the institution, log in with the initial password,
// must change it, then fill in the five steps with a photo and submit — one on a phone at 390 px (简易程序 with 免考),
// one at desktop width (一般程序, who first forgets the photo). The provincial authority then returns (退回报名) the
// desktop physician's registration and the physician reads why, also as a 站内消息. Last, the authority closes the
// 报名 window and a third physician is told why 我要报名 is not possible; the window is opened again afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, DESKTOP, PHONE, button, expectRefusal, formItem, launchBrowser, loginThroughForm, newPage, noSideways, screenshot, signIn as signInAs } from './support/browser.js';
import { PDF, fillFirstFourSteps, idPhoto, stepCard, upload, uploadPhoto } from './support/registration.js';
import { journeyServer } from './support/server.js';

let browser: Browser;
const baseUrl = journeyServer().baseUrl;

interface Physician {
  id: number;
  name: string;
  idNumber: string;
}
let physicians: Physician[] = [];

const INITIAL_PASSWORD = '666666';
const NEW_PASSWORD = 'Yisheng#2026';

const signIn = (account: string) => signInAs(browser, baseUrl, account);

/** DEMO0003 looks up three enrolled physicians (显示 the 证件号码, audited) and resets two passwords (重置密码). */
async function prepare(): Promise<Physician[]> {
  const { api, headers, close } = await signIn('DEMO0003');
  try {
    const roster = (await (await api.get('/api/v1/physicians?tab=confirmed&pageSize=10')).json()) as { items: { id: number; name: string }[] };
    const found: Physician[] = [];
    for (const item of roster.items.slice(0, 3)) {
      const shown = await api.post(`/api/v1/physicians/${item.id}/id-number`, { headers });
      expect(shown.status()).toBe(200);
      found.push({ id: item.id, name: item.name, idNumber: ((await shown.json()) as { idNumber: string }).idNumber });
    }
    for (const physician of found.slice(0, 2)) {
      expect((await api.post(`/api/v1/physicians/${physician.id}/reset-password`, { headers })).status()).toBe(204);
    }
    return found;
  } finally {
    await close();
  }
}

/** First login with the initial password: the forced change, then the home with 当前任务. */
async function firstLogin(page: Page, physician: Physician, shot: string) {
  await loginThroughForm(page, '医师', physician.idNumber, INITIAL_PASSWORD);
  await page.waitForURL('**/change-password');
  await page.getByText('首次登录请修改初始密码后再使用系统').waitFor();
  await screenshot(page, `${shot}-forced-change`);
  await page.getByLabel('原密码').fill(INITIAL_PASSWORD);
  await page.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('确认新密码').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: '确认修改' }).click();
  await page.getByText('密码修改成功').waitFor();
  await page.getByText('当前身份：医师').waitFor();
  await page.getByText('已开通报名').waitFor();
  await screenshot(page, `${shot}-home`);
}

/** After 提交: the status says who has it now, and the registration can no longer be changed. */
async function expectSubmitted(page: Page, shot: string) {
  await page.getByText('报名信息已提交，等待医疗卫生机构审核').waitFor();
  await page.locator('.registration-page').getByText('待医疗卫生机构审核').first().waitFor();
  await page.getByText('报名信息提交后不可修改').waitFor();
  expect(await button(page, '提交').count()).toBe(0);
  await screenshot(page, `${shot}-submitted`);
  await page.goto('/');
  await page.getByText('待医疗卫生机构审核').first().waitFor();
  await page.getByText('提交报名').first().waitFor();
  await screenshot(page, `${shot}-home-after`);
}

beforeAll(async () => {
  browser = await launchBrowser();
  physicians = await prepare();
});
afterAll(() => browser.close());

describe('我要报名', () => {
  it('at 390 px: first login, forced change, five steps with a photo, 简易程序 with 免考, 提交', async () => {
    const page = await newPage(browser, baseUrl, PHONE);
    const shot = 'registration-phone';
    await firstLogin(page, physicians[0], shot);
    await noSideways(page, PHONE.width);
    await button(page, '我要报名').click();
    await page.waitForURL('**/registration');
    const procedure = await fillFirstFourSteps(page, await idPhoto(page), shot);
    await noSideways(page, PHONE.width);

    await formItem(procedure, '考核程序').getByLabel('简易程序').check();
    await formItem(procedure, '简易程序申请理由').getByLabel('具有5年以上执业经历，在考核周期内有良好行为记录').check();
    // The page checks the claim against what was entered: years since 首次注册 and the good record of step 4.
    await procedure.getByText(/数据核对：/).waitFor();
    await upload(procedure.locator('[data-slot=simplifiedMaterial]'), { name: '优秀医师证书.pdf', mimeType: 'application/pdf', buffer: PDF });
    await procedure.getByText('优秀医师证书.pdf').waitFor();
    const statement = formItem(procedure, '个人述职').locator('textarea');
    await statement.fill('本人在急诊一线工作，本周期内接诊五千余人次，参与院内多次应急救治演练。');
    await procedure.getByText(/\d+ \/ 2000/).waitFor();
    await formItem(procedure, '申请免考').getByLabel('是').check();
    await procedure.getByText('按简易程序，申请免考通过后可免于医学人文测评').waitFor();
    await formItem(procedure, '免考理由').locator('textarea').fill('本周期内获评省级优秀医师，依规申请免考。');
    await upload(procedure.locator('[data-slot=exemptionMaterial]'), { name: '省级表彰文件.pdf', mimeType: 'application/pdf', buffer: PDF });
    await procedure.getByText('省级表彰文件.pdf').waitFor();
    await screenshot(page, `${shot}-5-procedure`);
    await noSideways(page, PHONE.width);

    await button(page, '提交').click();
    await expectSubmitted(page, shot);
    await noSideways(page, PHONE.width);
    await page.context().close();
  });

  it('at desktop width: 一般程序; 提交 without a photo names the step and the field, then goes through', async () => {
    const page = await newPage(browser, baseUrl, DESKTOP);
    const shot = 'registration-desktop';
    await firstLogin(page, physicians[1], shot);
    await button(page, '我要报名').click();
    await page.waitForURL('**/registration');
    const procedure = await fillFirstFourSteps(page, null, shot);
    await formItem(procedure, '考核程序').getByLabel('一般程序').check();
    await formItem(procedure, '申请免考').getByLabel('否').check();
    await screenshot(page, `${shot}-5-procedure`);

    expectRefusal(page, 422); // the missing photo
    await button(page, '提交').click();
    // The server checks every step: the photo is missing, so 基本信息 opens with the message on the photo.
    await page.getByText(/基本信息.*请上传照片|请上传照片/).first().waitFor();
    await stepCard(page, '1 基本信息').waitFor({ state: 'visible' });
    await screenshot(page, `${shot}-missing-photo`);
    await uploadPhoto(page, stepCard(page, '1 基本信息'), await idPhoto(page));
    await page.locator('.ant-steps-item').filter({ hasText: '考核程序' }).click();
    await button(page, '提交').click();
    await expectSubmitted(page, shot);
    await page.context().close();
  });

  it('the provincial authority returns the desktop registration with a reason; the physician sees it and may change it', async () => {
    const page = await newPage(browser, baseUrl, DESKTOP);
    await loginThroughForm(page, '机构', 'wjw990000', DEMO_PASSWORD);
    await page.getByText('当前身份：卫生行政部门').waitFor();
    await page.getByRole('menuitem', { name: '医师列表' }).click();
    await page.getByRole('tab', { name: '已确认参加' }).click();
    await page.getByLabel('证件号码').fill(physicians[1].idNumber);
    await button(page, '查询').click();
    const row = page.locator('.ant-table-row').filter({ hasText: physicians[1].name });
    await row.getByText('待医疗卫生机构审核').waitFor();
    await expect.poll(() => page.locator('.ant-table-row').count()).toBe(1);
    await row.getByRole('button', { name: '退回报名' }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '退回报名' });
    await button(modal, '确定').click();
    await modal.getByText('请输入退回理由').waitFor();
    await modal.getByLabel('退回理由').fill('执业证书第二页不清晰，请重新上传');
    await screenshot(page, 'registration-authority-return');
    await button(modal, '确定').click();
    await page.getByText(`已将${physicians[1].name}的报名信息退回`).waitFor();
    await row.getByText('待报名(被行政机构驳回)').waitFor();
    expect(await row.getByRole('button', { name: '退回报名' }).count()).toBe(0);
    await page.context().close();

    const physician = await newPage(browser, baseUrl, PHONE);
    await loginThroughForm(physician, '医师', physicians[1].idNumber, NEW_PASSWORD);
    await physician.getByText('待报名(被行政机构驳回)').first().waitFor();
    await physician.getByText('执业证书第二页不清晰，请重新上传').first().waitFor();
    // The 退回 also came as a 站内消息: on the home page, and counted by the bell until it is read.
    await physician.locator('.home-messages').getByRole('button', { name: /报名信息被卫生行政部门退回/ }).waitFor();
    await physician.getByRole('link', { name: '站内消息，1条未读' }).waitFor();
    await button(physician, '修改报名').click();
    await physician.waitForURL('**/registration');
    await physician.getByRole('alert').getByText('驳回理由：执业证书第二页不清晰，请重新上传').waitFor();
    await button(physician, '保存草稿').waitFor();
    await screenshot(physician, 'registration-returned-phone');
    await noSideways(physician, PHONE.width);

    await physician.getByRole('link', { name: '站内消息，1条未读' }).click();
    await physician.waitForURL('**/messages');
    const unread = physician.getByRole('button', { name: '未读消息：报名信息被卫生行政部门退回，点击标为已读' });
    await unread.getByText('退回理由：执业证书第二页不清晰，请重新上传').waitFor();
    await screenshot(physician, 'registration-returned-messages-phone');
    await noSideways(physician, PHONE.width);
    await unread.click();
    await expect.poll(() => unread.count()).toBe(0);
    await physician.locator('.message-item').filter({ hasText: '报名信息被卫生行政部门退回' }).waitFor();
    await physician.getByRole('link', { name: '站内消息', exact: true }).waitFor();
    await physician.context().close();
  });

  it('outside the 报名 window 我要报名 says why and whom to contact', async () => {
    const province = await signIn('wjw990000');
    const cycles = (await (await province.api.get('/api/v1/cycles')).json()) as { items: ({ id: number; isCurrent: boolean; updatedAt: string } & Record<string, unknown>)[] };
    const cycle = cycles.items.find((c) => c.isCurrent)!;
    const keys = ['name', 'startDate', 'endDate', 'isCurrent', 'assessorApplicationStart', 'assessorApplicationEnd', 'registrationStart', 'registrationEnd', 'reviewStart', 'reviewEnd', 'testStart', 'testEnd', 'retakeStart', 'retakeEnd'];
    // Every field of 考核安排 goes back as it was (a PUT replaces the schedule: a field left out is cleared).
    const body = Object.fromEntries(keys.map((k) => [k, cycle[k]]));
    const yesterday = new Date(Date.now() - 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    const put = (data: Record<string, unknown>) => province.api.put(`/api/v1/cycles/${cycle.id}`, { headers: province.headers, data: { ...data, updatedAt: cycle.updatedAt } });
    const closed = await put({ ...body, registrationEnd: yesterday });
    expect(closed.status(), await closed.text()).toBe(200);
    try {
      const page = await newPage(browser, baseUrl, PHONE);
      await loginThroughForm(page, '医师', physicians[2].idNumber, DEMO_PASSWORD);
      await page.getByText('当前身份：医师').waitFor();
      await page.getByText(`医师报名时间已结束（${String(body.registrationStart)} 至 ${yesterday}），请联系您的主要执业机构（长河市东城区社区卫生服务中心）`).first().waitFor();
      expect(await button(page, '我要报名').count()).toBe(0);
      await screenshot(page, 'registration-closed-home');
      await page.goto('/registration');
      await page.getByText(/医师报名时间已结束/).first().waitFor();
      expect(await button(page, '提交').count()).toBe(0);
      await screenshot(page, 'registration-closed-page');
      await noSideways(page, PHONE.width);
      await page.context().close();
    } finally {
      const latest = (await (await province.api.get('/api/v1/cycles')).json()) as { items: { id: number; updatedAt: string }[] };
      const reopened = await province.api.put(`/api/v1/cycles/${cycle.id}`, {
        headers: province.headers,
        data: { ...body, updatedAt: latest.items.find((c) => c.id === cycle.id)!.updatedAt },
      });
      expect(reopened.status(), await reopened.text()).toBe(200);
      await province.close();
    }
  });
});
