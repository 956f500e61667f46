// The Beijing system's own rules as 考核政策 options (seed 000 §6, seed 001 FAQ 3.1): the provincial authority turns
// on 机构打回报名 and 机构隐藏医师; DEMO0002 打回 a registration it has not reviewed, and the physician reads the reason,
// corrects and submits again; DEMO0002 隐藏 a physician, who is told so at login, finds them in 医师暂存 and 取消隐藏;
// with 修改密码须短信验证 on, a physician with a bound phone changes the password with the code sent to it (seed 001 §1.6).
// Two physicians of DEMO0002 no other journey uses (by name; the others pick among the first rows or by 科室 elsewhere);
// the options are turned off again at the end, so the journeys after this one find the policy as it was.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, DESKTOP, PHONE, button, expectRefusal, formItem, launchBrowser, loginThroughForm, newPage, noSideways, screenshot, signIn } from './support/browser.js';
import { fillFirstFourSteps, idPhoto } from './support/registration.js';
import { journeyServer } from './support/server.js';

let browser: Browser;
const baseUrl = journeyServer().baseUrl;
const outbox = path.join(journeyServer().dataDir, 'sms-outbox.log');
/** The returned physician's phone (no other journey binds it). */
const PHONE_NUMBER = '13700990135';
const NEW_PASSWORD = 'Beijing#2026x';

interface Physician {
  id: number;
  name: string;
  idNumber: string;
}
/** 一般程序, submitted here and returned by the institution. */
const RETURNED_NAME = '魏国辉';
/** Hidden and shown again. */
const HIDDEN_NAME = '石宇';
let returned: Physician;
let hidden: Physician;

const RETURN_REASON = '从事专业与执业范围不一致，请核对后重新提交';
const HIDE_REASON = '长期外出进修，本周期无法参加考核';
const OPTIONS = ['机构打回报名', '机构隐藏医师', '修改密码须短信验证'] as const;

/** DEMO0002 finds each physician by name (still 待报名, as the demo data has them) and looks up the 证件号码 (audited). */
async function prepare(name: string): Promise<Physician> {
  const { api, headers, close } = await signIn(browser, baseUrl, 'DEMO0002');
  try {
    const roster = (await (await api.get(`/api/v1/physicians?tab=confirmed&name=${encodeURIComponent(name)}`)).json()) as {
      items: { id: number; name: string; enrolmentStatus: string }[];
    };
    const item = roster.items.find((i) => i.name === name);
    expect(item?.enrolmentStatus).toBe('PENDING_REGISTRATION');
    const shown = await api.post(`/api/v1/physicians/${item!.id}/id-number`, { headers });
    expect(shown.status()).toBe(200);
    return { id: item!.id, name, idNumber: ((await shown.json()) as { idNumber: string }).idNumber };
  } finally {
    await close();
  }
}

/** The latest code sent to `phone` for `purpose`, once the outbox file (the default SMS provider's) has it. */
async function codeFromOutbox(phone: string, purpose: string): Promise<string> {
  let code: string | undefined;
  await expect
    .poll(() => {
      const lines = fs.existsSync(outbox) ? fs.readFileSync(outbox, 'utf8').trim().split('\n').filter(Boolean) : [];
      const last = lines.map((l) => JSON.parse(l) as { phone: string; content: string }).filter((m) => m.phone === phone && m.content.includes(purpose)).at(-1);
      code = last ? /验证码为(\d{6})/.exec(last.content)?.[1] : undefined;
      return code;
    })
    .toMatch(/^\d{6}$/);
  return code!;
}

/** The returned physician binds a phone as 账户设置 does it (that page's journey is sms-reset's): a code to it, then 绑定. */
async function bindPhone(idNumber: string) {
  const context = await browser.newContext({ baseURL: baseUrl });
  try {
    const api = context.request;
    expect((await api.post('/api/v1/auth/login', { data: { tab: 'physician', account: idNumber, password: DEMO_PASSWORD, captcha: 'x' } })).status()).toBe(200);
    const headers = { 'x-csrf-token': (await context.cookies()).find((c) => c.name === 'csrf_token')!.value };
    expect((await api.post('/api/v1/account/phone/code', { headers, data: { phone: PHONE_NUMBER } })).status()).toBe(200);
    const code = await codeFromOutbox(PHONE_NUMBER, '绑定手机号');
    expect((await api.post('/api/v1/account/phone', { headers, data: { phone: PHONE_NUMBER, code } })).status()).toBe(200);
  } finally {
    await context.close();
  }
}

/** The provincial authority sets the options through the API (as the form sends them), e.g. to leave them off. */
async function setOptions(on: boolean) {
  const { api, headers, close } = await signIn(browser, baseUrl, 'wjw990000');
  try {
    const { provinceCode: _p, canEdit: _c, ...fields } = (await (await api.get('/api/v1/policy')).json()) as Record<string, unknown>;
    const saved = await api.put('/api/v1/policy', { headers, data: { ...fields, institutionReturnEnabled: on, physicianHidingEnabled: on, passwordChangeSmsRequired: on } });
    expect(saved.status()).toBe(200);
  } finally {
    await close();
  }
}

async function organisation(account: string): Promise<Page> {
  const page = await newPage(browser, baseUrl, DESKTOP);
  await loginThroughForm(page, '机构', account, DEMO_PASSWORD);
  await page.getByText(/当前身份：/).waitFor();
  return page;
}

/** DEMO0002's 医师列表, on `tab`, filtered by the physician's name: their row. */
async function rosterRow(page: Page, tab: '未确认参加' | '已确认参加', name: string) {
  await page.goto('/physicians');
  await page.getByRole('tab', { name: tab }).click();
  await formItem(page, '姓名').locator('input').fill(name);
  await button(page, '查询').click();
  return page.locator('.ant-table-row').filter({ hasText: name });
}

beforeAll(async () => {
  browser = await launchBrowser();
  returned = await prepare(RETURNED_NAME);
  hidden = await prepare(HIDDEN_NAME);
});

afterAll(async () => {
  if (browser) {
    await setOptions(false);
    await browser.close();
  }
});

describe('北京市规则 as 考核政策 options', () => {
  it('they are off until the provincial authority turns them on in 考核政策', async () => {
    const institution = await organisation('DEMO0002');
    await institution.getByRole('menuitem', { name: '医师管理' }).click();
    await institution.getByRole('menuitem', { name: '医师列表' }).waitFor();
    expect(await institution.getByRole('menuitem', { name: '医师暂存' }).count()).toBe(0);
    const row = await rosterRow(institution, '已确认参加', HIDDEN_NAME);
    await row.getByRole('button', { name: '查看' }).waitFor();
    expect(await row.getByRole('button', { name: '隐藏' }).count()).toBe(0);
    await institution.context().close();

    const page = await organisation('wjw990000');
    await page.getByRole('menuitem', { name: '考核政策' }).click();
    await page.waitForURL('**/policy');
    await page.getByText('医师信息管理').waitFor();
    for (const label of OPTIONS) {
      const item = formItem(page, label);
      expect(await item.getByLabel('否').isChecked()).toBe(true);
      await item.getByLabel('是').check();
    }
    await screenshot(page, 'beijing-rules-policy');
    await button(page, '保存').click();
    await page.getByText('考核政策已保存').waitFor();
    await page.reload();
    for (const label of OPTIONS) expect(await formItem(page, label).getByLabel('是').isChecked()).toBe(true);
    await page.context().close();
  });

  it('打回报名: DEMO0002 returns a registration before reviewing it; the physician reads why, corrects and submits again', async () => {
    // For the last step (修改密码 with a code), bound now: the phone's resend limit then has long passed.
    await bindPhone(returned.idNumber);
    const physician = await newPage(browser, baseUrl, DESKTOP);
    await loginThroughForm(physician, '医师', returned.idNumber, DEMO_PASSWORD);
    await button(physician, '我要报名').click();
    await physician.waitForURL('**/registration');
    const procedure = await fillFirstFourSteps(physician, await idPhoto(physician), 'beijing-rules-physician');
    await formItem(procedure, '考核程序').getByLabel('一般程序').check();
    await formItem(procedure, '申请免考').getByLabel('否').check();
    await button(physician, '提交').click();
    await physician.getByText('报名信息已提交，等待医疗卫生机构审核').waitFor();
    await physician.context().close();

    const page = await organisation('DEMO0002');
    const row = await rosterRow(page, '已确认参加', RETURNED_NAME);
    await row.getByText('待医疗卫生机构审核').waitFor();
    await row.getByRole('button', { name: '打回报名' }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '打回报名' });
    await button(modal, '确定').click();
    await modal.getByText('请输入打回原因').waitFor();
    await modal.getByLabel('打回原因').fill(RETURN_REASON);
    await screenshot(page, 'beijing-rules-institution-return');
    await button(modal, '确定').click();
    await page.getByText(`已将${RETURNED_NAME}的报名信息打回`).waitFor();
    await row.getByText('待报名(被机构驳回)').waitFor();
    expect(await row.getByRole('button', { name: '打回报名' }).count()).toBe(0);
    await screenshot(page, 'beijing-rules-institution-returned');

    // The physician: the status and the reason on 首页, the 站内消息, and 修改报名 → 提交 again.
    const phone = await newPage(browser, baseUrl, PHONE);
    await loginThroughForm(phone, '医师', returned.idNumber, DEMO_PASSWORD);
    await phone.getByText('待报名(被机构驳回)').first().waitFor();
    await phone.getByText(RETURN_REASON).first().waitFor();
    await phone.locator('.home-messages').getByRole('button', { name: /报名信息被打回/ }).waitFor();
    await screenshot(phone, 'beijing-rules-physician-returned-phone');
    await noSideways(phone, PHONE.width);
    await button(phone, '修改报名').click();
    await phone.waitForURL('**/registration');
    await phone.getByText(RETURN_REASON).first().waitFor();
    await phone.locator('.ant-steps-item').filter({ hasText: '考核程序' }).click();
    await button(phone, '提交').click();
    await phone.getByText('报名信息已提交，等待医疗卫生机构审核').waitFor();
    await phone.context().close();

    await button(page, '查询').click();
    await row.getByText('待医疗卫生机构审核').waitFor();
    await page.context().close();
  }, 180_000);

  it('隐藏: DEMO0002 hides a physician with a reason, who is told so at login; 医师暂存 lists them and 取消隐藏 brings them back', async () => {
    const page = await organisation('DEMO0002');
    const row = await rosterRow(page, '已确认参加', HIDDEN_NAME);
    await row.getByText('待报名').waitFor();
    await row.getByRole('button', { name: '隐藏' }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '隐藏原因' });
    await modal.getByLabel('隐藏原因').fill(HIDE_REASON);
    await screenshot(page, 'beijing-rules-hide');
    await button(modal, '确定').click();
    await page.getByText(`已隐藏${HIDDEN_NAME}`).waitFor();
    await row.waitFor({ state: 'detached' });
    // Off the list to assess: in neither tab.
    await page.getByRole('tab', { name: '未确认参加' }).click();
    await page.getByText('共 0 条').or(page.locator('.ant-empty')).first().waitFor();
    expect(await page.locator('.ant-table-row').filter({ hasText: HIDDEN_NAME }).count()).toBe(0);

    // The physician, with the right password, hears only that the account is hidden.
    const physician = await newPage(browser, baseUrl, PHONE);
    expectRefusal(physician, 403);
    await loginThroughForm(physician, '医师', hidden.idNumber, DEMO_PASSWORD);
    await physician.getByText('您的账号已被机构隐藏，请联系机构解除隐藏').waitFor();
    expect(physician.url()).toContain('/login');
    await screenshot(physician, 'beijing-rules-hidden-login-phone');

    // 医师暂存: the row with its reason; 取消隐藏.
    await page.getByRole('menuitem', { name: '医师暂存' }).click();
    await page.waitForURL('**/hidden-physicians');
    const stashed = page.locator('.ant-table-row').filter({ hasText: HIDDEN_NAME });
    await stashed.getByText(HIDE_REASON).waitFor();
    await screenshot(page, 'beijing-rules-stash');
    await stashed.getByRole('button', { name: '取消隐藏' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /^确\s*定$/ }).click();
    await page.getByText(`已取消隐藏${HIDDEN_NAME}`).waitFor();
    await stashed.waitFor({ state: 'detached' });

    // Back on the 医师列表 (未确认参加); 参加 puts them back where the demo data had them (待报名).
    const back = await rosterRow(page, '未确认参加', HIDDEN_NAME);
    await back.getByRole('button', { name: '参加' }).click();
    await page.getByText(`已将${HIDDEN_NAME}纳入本周期考核`).waitFor();
    await page.context().close();

    await loginThroughForm(physician, '医师', hidden.idNumber, DEMO_PASSWORD);
    await physician.getByText('待报名').first().waitFor();
    await physician.context().close();
  }, 120_000);

  it('修改密码须短信验证: a physician with a bound phone changes the password with the code sent to that phone', async () => {
    const page = await newPage(browser, baseUrl, DESKTOP);
    expectRefusal(page, 429);
    await loginThroughForm(page, '医师', returned.idNumber, DEMO_PASSWORD);
    await page.getByText(/当前身份：医师/).waitFor();
    await page.goto('/change-password');
    const codeItem = formItem(page, '短信验证码');
    await codeItem.getByText(`验证码将发送至绑定的手机 ${PHONE_NUMBER.slice(0, 3)}****${PHONE_NUMBER.slice(-4)}`).waitFor();
    await formItem(page, '原密码').locator('input').fill(DEMO_PASSWORD);
    await formItem(page, '新密码').locator('input').fill(NEW_PASSWORD);
    await formItem(page, '确认新密码').locator('input').fill(NEW_PASSWORD);
    await button(page, '确认修改').click();
    await codeItem.getByText('请输入短信验证码').waitFor();
    await codeItem.getByRole('button', { name: /获取验证码/ }).click();
    // Within a minute of the binding code the phone's resend limit answers with a countdown: a person waits for it.
    const sent = codeItem.getByText(/验证码已发送至/);
    await sent.or(codeItem.getByRole('button', { name: /秒后重新获取/ })).first().waitFor();
    if (!(await sent.isVisible())) {
      const resend = codeItem.getByRole('button', { name: /^(loading )?重新获取$/ });
      await resend.waitFor({ timeout: 90_000 });
      await resend.click();
      await sent.waitFor();
    }
    await codeItem.getByLabel('短信验证码').fill(await codeFromOutbox(PHONE_NUMBER, '修改登录密码'));
    await screenshot(page, 'beijing-rules-change-password-code');
    await button(page, '确认修改').click();
    await page.getByText('密码修改成功').waitFor();
    await page.context().close();

    const again = await newPage(browser, baseUrl, DESKTOP);
    await loginThroughForm(again, '医师', returned.idNumber, NEW_PASSWORD);
    await again.getByText(/当前身份：医师/).waitFor();
    await again.context().close();
  }, 120_000);
});
