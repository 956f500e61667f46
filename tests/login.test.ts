import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD, PHONE, expectRefusal, launchBrowser, loginThroughForm, newPage, screenshot } from './support/browser.js';
import { journeyServer } from './support/server.js';

let browser: Browser;
const baseUrl = journeyServer().baseUrl;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

describe('login page (seed 004)', () => {
  it('has the 医师 / 机构 tabs, the fields, a captcha image and the agreement', async () => {
    const page = await newPage(browser, baseUrl);
    await page.goto('/login');
    await page.getByText('医师定期考核信息登记管理系统').first().waitFor();
    expect(await page.getByRole('tab', { name: '机构' }).getAttribute('aria-selected')).toBe('true');
    await page.getByPlaceholder('请输入机构账号').waitFor();
    await page.getByRole('tab', { name: '医师' }).click();
    await page.getByPlaceholder('请输入证件号码').waitFor();
    const captcha = page.getByAltText('验证码');
    await captcha.waitFor();
    const first = await captcha.getAttribute('src');
    await captcha.click();
    await expect.poll(() => captcha.getAttribute('src')).not.toBe(first);
    await page.getByText('阅读并接受').waitFor();
    await screenshot(page, 'login-desktop');
    // The device remembers the tab: a physician comes back to 医师.
    await page.reload();
    await page.getByPlaceholder('请输入证件号码').waitFor();
    expect(await page.getByRole('tab', { name: '医师' }).getAttribute('aria-selected')).toBe('true');
    await page.context().close();
  });

  it('says what is missing, field by field', async () => {
    const page = await newPage(browser, baseUrl);
    await page.goto('/login');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    for (const text of ['请输入机构账号', '请输入密码', '请输入验证码', '请阅读并接受《服务协议》和《隐私条款》']) {
      await page.locator('.ant-form-item-explain-error', { hasText: text }).waitFor();
    }
    await screenshot(page, 'login-empty');
    await page.context().close();
  });

  it('the agreement pages exist without login', async () => {
    const page = await newPage(browser, baseUrl);
    await page.goto('/agreement/service');
    await page.getByRole('heading', { name: /服务协议/ }).first().waitFor();
    await page.goto('/agreement/privacy');
    await page.getByRole('heading', { name: /隐私/ }).first().waitFor();
    expect(await page.locator('body').innerText()).toContain('证件号码');
    await screenshot(page, 'agreement-privacy');
    await page.context().close();
  });

  it('a wrong password says only that account or password is wrong; after the fifth, the right one hears of the lock', async () => {
    const page = await newPage(browser, baseUrl, PHONE);
    expectRefusal(page, 401, 403); // the wrong password, then the lock
    for (let attempt = 1; attempt <= 5; attempt++) {
      await loginThroughForm(page, '机构', 'DEMO0005', 'Wrong@2026');
      await page.getByText('账号或密码错误', { exact: true }).waitFor();
    }
    await screenshot(page, 'login-wrong-password-phone');
    await loginThroughForm(page, '机构', 'DEMO0005', DEMO_PASSWORD);
    await page.getByText(/账号已锁定，请于\d\d:\d\d后再试/).waitFor();
    await screenshot(page, 'login-locked-phone');
    await page.context().close();
  });
});
