// Debian's Chromium driven by playwright-core; screenshots go to test-results/screenshots/ to be looked at.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type APIRequestContext, type Browser, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { watchConsole } from './console-guard.js';

export { expectRefusal } from './console-guard.js';

export const DEMO_PASSWORD = 'Demo@2026';
export const DEMO_PHYSICIAN_ID = '430102198001010011';
const shots = path.resolve(import.meta.dirname, '../../test-results/screenshots');

/** Every context opened on this browser has its console watched (see console-guard.ts). */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...extraArgs],
  });
  const open = browser.newContext.bind(browser);
  // As a person who asked for less motion: the pages skip their animations (theme.ts), which on a busy 2-core
  // machine saves drawing and leaves no moving target for a click. A journey may still ask for motion.
  browser.newContext = async (options) => {
    const context = await open({ reducedMotion: process.env.JOURNEY_MOTION ? 'no-preference' : 'reduce', ...options });
    watchConsole(context);
    return context;
  };
  return browser;
}

export const DESKTOP = { width: 1366, height: 800 };
export const PHONE = { width: 390, height: 844 };

export async function newPage(browser: Browser, baseURL: string, viewport = DESKTOP): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport, locale: 'zh-CN' });
  return context.newPage();
}

/**
 * JOURNEY_SCREENSHOTS=off (set by .ci/run, whose clone nobody looks into) skips the picture and keeps the wait: a
 * full-page capture costs 0.5–3 s of a busy 2-core machine, about a third of some journeys.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(shots, { recursive: true });
  // Drawers and messages slide in: take the picture once the motion has settled (spinners loop for ever).
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  );
  if (process.env.JOURNEY_SCREENSHOTS === 'off') return;
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

/** Fills the login form as a person would (captcha is off on the test server, any text passes). */
export async function loginThroughForm(page: Page, tab: '医师' | '机构', account: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByRole('tab', { name: tab }).click();
  await page.getByLabel(tab === '医师' ? '证件号码' : '机构账号').fill(account);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByLabel('验证码').fill('abcd');
  await page.getByRole('checkbox').check();
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

/** A button by its text; antd puts a space between two CJK characters and may prefix an icon's name. */
export const button = (scope: Page | Locator, text: string) => scope.getByRole('button', { name: new RegExp(`^([\\w-]+ )?${[...text].join('\\s*')}$`) });

const pageOf = (scope: Page | Locator): Page => ('page' in scope && typeof scope.page === 'function' ? scope.page() : (scope as Page));
/** The form item whose label is `label` (the inner locator is matched inside each item, so it starts from the page). */
export const formItem = (scope: Page | Locator, label: string) =>
  scope.locator('.ant-form-item').filter({ has: pageOf(scope).locator(`label[title="${label}"]`) });

/** The page is no wider than the screen. */
export async function noSideways(page: Page, width: number) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

/** Signs in through the API as an organisation account: its request context and CSRF header. */
export async function signIn(browser: Browser, baseURL: string, account: string): Promise<{ api: APIRequestContext; headers: Record<string, string>; close: () => Promise<void> }> {
  const context = await browser.newContext({ baseURL });
  const api = context.request;
  const login = await api.post('/api/v1/auth/login', { data: { tab: 'organization', account, password: DEMO_PASSWORD, captcha: 'x' } });
  expect(login.status()).toBe(200);
  const headers = { 'x-csrf-token': (await context.cookies()).find((c) => c.name === 'csrf_token')?.value ?? '' };
  return { api, headers, close: () => context.close() };
}


/** The placeholders on the page that do not fit their field (a person sees them cut off), as "label: text". */
export function cutPlaceholders(page: Page): Promise<string[]> {
  // A string, so that no transpiler helper (esbuild's __name) ends up in the page.
  return page.evaluate<string[]>(`(() => {
    const canvas = document.createElement('canvas').getContext('2d');
    const cut = [];
    const note = (el, text) => cut.push((el.closest('.ant-form-item')?.querySelector('label')?.textContent ?? '') + ': ' + text);
    for (const input of document.querySelectorAll('input[placeholder]')) {
      if (!input.placeholder || input.offsetParent === null) continue;
      const style = getComputedStyle(input);
      canvas.font = style.font;
      const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      if (canvas.measureText(input.placeholder).width > room + 0.5) note(input, input.placeholder);
    }
    for (const shown of document.querySelectorAll('.ant-select-placeholder, .ant-select-selection-placeholder')) {
      if (shown.offsetParent !== null && shown.scrollWidth > shown.clientWidth) note(shown, shown.textContent);
    }
    return cut;
  })()`);
}

/**
 * Opens a page from the side menu as a person does: opens the submenu when its item is not showing, clicks the
 * item, and clicks again if the page did not change (a click that lands while the submenu still moves is lost).
 */
export async function openFromMenu(page: Page, submenu: string, item: string, path: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const entry = page.getByRole('menuitem', { name: item });
    if (!(await entry.isVisible())) await page.getByRole('menuitem', { name: submenu }).click();
    await entry.click();
    try {
      await page.waitForURL(`**${path}`, { timeout: 10_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/**
 * Clicks `buttonName` in the open dialog that says `dialogText` and waits until the dialog has gone. A click that
 * lands while the dialog still moves in is lost: a person sees it still open with its button idle and clicks again,
 * and so does this; while the button is busy (its request on its way) it only waits.
 */
export async function confirmInDialog(page: Page, dialogText: string, buttonName: string): Promise<void> {
  const dialog = page.getByRole('dialog').filter({ hasText: dialogText });
  for (let attempt = 1; ; attempt++) {
    await button(dialog, buttonName).click();
    try {
      await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
      return;
    } catch (error) {
      if (await dialog.locator('.ant-btn-loading').count()) return dialog.waitFor({ state: 'hidden', timeout: 120_000 });
      if (attempt === 3) throw error;
    }
  }
}
