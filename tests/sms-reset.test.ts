// Journey of 账户设置 (seed 004 FAQ 9) and 重置密码 by SMS code (seed 001 §1.3): two physicians of DEMO0005
// (青山市疾病预防控制中心, whose physicians no other journey uses) bind a phone, then — logged out — reset their
// password with the code that arrives on it and log in with the new one; one at 390 px, one at desktop width.
// Codes are read where the default SMS provider puts them: the outbox file in the test server's DATA_DIR.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, DESKTOP, PHONE, button, expectRefusal, launchBrowser, loginThroughForm, newPage, screenshot } from './support/browser.js';
import { journeyServer } from './support/server.js';

let browser: Browser;
const baseUrl = journeyServer().baseUrl;
const outbox = path.join(journeyServer().dataDir, 'sms-outbox.log');

interface Physician {
  name: string;
  idNumber: string;
  phone: string;
}
let physicians: Physician[] = [];

// The button's spinner fades out after a request and stays in the accessibility tree meanwhile ("loading …").
const counting = /^(loading )?\d+秒后重新获取$/;
const resend = /^(loading )?重新获取$/;
const masked = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-4)}`;

/** Two physicians of DEMO0005 with their full 证件号码, found as the provincial authority would (显示 is audited). */
async function demo0005Physicians(): Promise<Physician[]> {
  const context = await browser.newContext({ baseURL: baseUrl });
  try {
    const api = context.request;
    const login = await api.post('/api/v1/auth/login', { data: { tab: 'organization', account: 'wjw990000', password: DEMO_PASSWORD, captcha: 'x' } });
    expect(login.status()).toBe(200);
    const csrf = (await context.cookies()).find((c) => c.name === 'csrf_token')?.value ?? '';
    const institutions = (await (await api.get(`/api/v1/institutions?name=${encodeURIComponent('青山市疾病预防控制中心')}`)).json()) as { items: { id: number; account: string }[] };
    const institution = institutions.items.find((i) => i.account === 'DEMO0005');
    if (!institution) throw new Error('DEMO0005 not found');
    const roster = (await (await api.get(`/api/v1/physicians?institutionId=${institution.id}&tab=confirmed&pageSize=10`)).json()) as { items: { id: number; name: string }[] };
    const found: Physician[] = [];
    for (const [i, item] of roster.items.slice(0, 2).entries()) {
      const shown = await api.post(`/api/v1/physicians/${item.id}/id-number`, { headers: { 'x-csrf-token': csrf } });
      expect(shown.status()).toBe(200);
      const { idNumber } = (await shown.json()) as { idNumber: string };
      found.push({ name: item.name, idNumber, phone: `1380013800${i + 1}` });
    }
    expect(found).toHaveLength(2);
    return found;
  } finally {
    await context.close();
  }
}

/** The code of the latest message to `phone` for `purpose`, once the outbox file has it. */
async function codeFromOutbox(phone: string, purpose: string, after: number): Promise<string> {
  let code: string | undefined;
  await expect
    .poll(() => {
      const lines = fs.existsSync(outbox) ? fs.readFileSync(outbox, 'utf8').trim().split('\n').slice(after) : [];
      const messages = lines.map((l) => JSON.parse(l) as { phone: string; content: string });
      const last = messages.filter((m) => m.phone === phone && m.content.includes(purpose)).at(-1);
      code = last ? /验证码为(\d{6})/.exec(last.content)?.[1] : undefined;
      return code;
    })
    .toMatch(/^\d{6}$/);
  return code!;
}

const outboxLength = () => (fs.existsSync(outbox) ? fs.readFileSync(outbox, 'utf8').trim().split('\n').filter(Boolean).length : 0);

async function noSideways(page: Page, width: number) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

async function openAccountSettings(page: Page, narrow: boolean) {
  if (narrow) await page.getByRole('button', { name: '打开菜单' }).click();
  await page.getByRole('menuitem', { name: '账户设置' }).click();
  await page.waitForURL('**/account-settings');
}

async function logout(page: Page, narrow: boolean) {
  if (narrow) {
    await page.getByRole('button', { name: '账号菜单' }).click();
    await page.getByRole('menuitem', { name: '退出' }).click();
  } else {
    await button(page, '退出').click();
  }
  await page.waitForURL('**/login');
}

/** 账户设置 → 绑定手机: the code goes to the new number, read from the outbox. */
async function bindPhone(page: Page, physician: Physician, narrow: boolean, shot: string) {
  await loginThroughForm(page, '医师', physician.idNumber, DEMO_PASSWORD);
  await page.getByRole('menuitem', { name: '首页' }).or(page.getByRole('button', { name: '打开菜单' })).first().waitFor();
  await openAccountSettings(page, narrow);
  const card = page.locator('.account-settings-card');
  await card.getByText('未绑定').waitFor();
  await card.getByRole('link', { name: '修改密码' }).waitFor();
  await screenshot(page, `${shot}-settings`);

  await button(card, '绑定手机').click();
  const modal = page.locator('.ant-modal').filter({ hasText: '绑定手机' });
  await button(modal, '确定').click();
  await modal.getByText('请输入手机号码').waitFor();
  await modal.getByLabel('新手机号').fill(physician.phone);
  const before = outboxLength();
  await button(modal, '获取验证码').click();
  await modal.getByText(`验证码已发送至 ${masked(physician.phone)}，5分钟内有效`).waitFor();
  await modal.getByRole('button', { name: counting }).waitFor();
  await screenshot(page, `${shot}-bind-modal`);
  const code = await codeFromOutbox(physician.phone, '绑定手机号', before);
  await modal.getByLabel('短信验证码').fill(code);
  await button(modal, '确定').click();
  await page.getByText('手机号绑定成功').waitFor();
  await card.getByText(masked(physician.phone)).waitFor();
  await button(card, '更换手机').waitFor();
  await screenshot(page, `${shot}-bound`);
  if (narrow) await noSideways(page, PHONE.width);
  await logout(page, narrow);
}

/** 登录 → 忘记密码？ → 证件号码 + 验证码 → 获取短信验证码 → code + new password → 重置密码 → 登录. */
async function resetPassword(page: Page, physician: Physician, account: string, newPassword: string, narrow: boolean, shot: string) {
  // A code asked for too soon (429), a wrong code (400), then the old password after the reset (401).
  expectRefusal(page, 400, 401, 429);
  await page.goto('/login');
  await page.getByRole('tab', { name: '医师' }).click();
  await page.getByRole('link', { name: '忘记密码？' }).click();
  await page.waitForURL('**/forgot-password');
  await page.getByRole('heading', { name: '重置密码' }).waitFor();

  // Nothing filled: each field says what it needs; 获取短信验证码 also wants the captcha.
  await button(page, '重置密码').click();
  for (const text of ['请输入证件号码', '请输入短信验证码', '请输入新密码', '请再次输入新密码']) {
    await page.locator('.ant-form-item-explain-error', { hasText: text }).waitFor();
  }
  await page.getByLabel('证件号码').fill(account);
  await page.getByRole('button', { name: '获取短信验证码' }).click();
  await page.locator('.ant-form-item-explain-error', { hasText: /^请输入验证码$/ }).waitFor();
  await screenshot(page, `${shot}-empty`);

  const before = outboxLength();
  const requestCode = async () => {
    await page.getByLabel('验证码', { exact: true }).fill('abcd');
    await page.getByRole('button', { name: /^(loading )?(获取短信验证码|重新获取)$/ }).click();
  };
  await requestCode();
  const sent = page.getByText(`短信验证码已发送至 ${masked(physician.phone)}，5分钟内有效`);
  const tooSoon = page.getByText(/^验证码发送过于频繁，请\d+秒后再试$/);
  await sent.or(tooSoon).waitFor();
  if (await tooSoon.isVisible()) {
    // The phone had its 绑定 code within the resend interval (20 s on the journeys' server): the page counts
    // down the server's Retry-After.
    await page.getByRole('button', { name: counting }).waitFor();
    await screenshot(page, `${shot}-too-soon`);
    await page.getByRole('button', { name: resend }).waitFor({ timeout: 75_000 });
    await requestCode();
    await sent.waitFor();
  }
  await page.getByRole('button', { name: counting }).waitFor();
  await screenshot(page, `${shot}-sent`);
  const code = await codeFromOutbox(physician.phone, '重置登录密码', before);

  // A wrong code is refused on its field; the right one sets the password.
  await page.getByLabel('短信验证码').fill(code === '000000' ? '111111' : '000000');
  await page.getByLabel('新密码', { exact: true }).fill(newPassword);
  await page.getByLabel('确认新密码').fill(newPassword);
  await button(page, '重置密码').click();
  await page.locator('.ant-form-item-explain-error', { hasText: '验证码错误或已过期' }).waitFor();
  await page.getByLabel('短信验证码').fill(code);
  await screenshot(page, `${shot}-filled`);
  if (narrow) await noSideways(page, PHONE.width);
  await button(page, '重置密码').click();

  await page.waitForURL('**/login');
  await page.getByText('密码重置成功，请使用新密码登录').waitFor();
  expect(await page.getByRole('tab', { name: '医师' }).getAttribute('aria-selected')).toBe('true');
  await screenshot(page, `${shot}-done`);

  await loginThroughForm(page, '医师', physician.idNumber, DEMO_PASSWORD);
  await page.getByText(/账号或密码错误/).waitFor();
  await loginThroughForm(page, '医师', physician.idNumber, newPassword);
  await page.waitForURL((url) => url.pathname === '/');
  await page.getByText(physician.name).first().waitFor();
}

beforeAll(async () => {
  browser = await launchBrowser();
  physicians = await demo0005Physicians();
});
afterAll(() => browser.close());
// A failed step leaves its page open: picture it, then close it.
afterEach(async (context) => {
  for (const page of browser.contexts().flatMap((c) => c.pages())) {
    if (context.task.result?.state === 'fail') await screenshot(page, `sms-failed-${context.task.name.slice(0, 24)}`).catch(() => undefined);
    await page.context().close();
  }
});

describe('账户设置 and 重置密码 by SMS code (DEMO0005 physicians)', () => {
  it('at 390 px a physician binds a phone in 账户设置', async () => {
    const page = await newPage(browser, baseUrl, PHONE);
    await bindPhone(page, physicians[0], true, 'sms-phone');
    await page.context().close();
  });

  it('at desktop width a physician binds a phone in 账户设置', async () => {
    const page = await newPage(browser, baseUrl, DESKTOP);
    await bindPhone(page, physicians[1], false, 'sms-desktop');
    await page.context().close();
  });

  it('at 390 px the first physician resets the password by SMS code and logs in with it', async () => {
    const page = await newPage(browser, baseUrl, PHONE);
    await resetPassword(page, physicians[0], physicians[0].idNumber, 'Phone#Reset2026', true, 'sms-phone-reset');
    await page.context().close();
  }, 150_000);

  it('at desktop width the second physician does the same with the 15-digit form of the 身份证', async () => {
    const { idNumber } = physicians[1];
    const id15 = idNumber.slice(0, 6) + idNumber.slice(8, 17);
    const page = await newPage(browser, baseUrl, DESKTOP);
    await resetPassword(page, physicians[1], id15, 'Desk#Reset2026', false, 'sms-desktop-reset');
    await page.context().close();
  }, 150_000);
});
