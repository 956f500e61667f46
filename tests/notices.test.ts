// Journey of 通知公告: the provincial authority publishes a 政策 with a PDF; the login page lists it and it downloads.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, PHONE, launchBrowser, loginThroughForm, newPage, screenshot } from './support/browser.js';
import { journeyServer } from './support/server.js';

let browser: Browser;
const baseUrl = journeyServer().baseUrl;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

const TITLE = '医师定期考核管理办法（演示）';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
/** A dialog by its title (antd's title ids are not unique in a test build, so its accessible name is unreliable). */
const modal = (page: Page, title: string) => page.locator('.ant-modal').filter({ has: page.locator('.ant-modal-title', { hasText: title }) });
const row = (page: Page, title: string) => page.getByRole('row').filter({ has: page.getByRole('cell', { name: title, exact: true }) });

describe('通知公告', () => {
  it('wjw990000 creates a 政策 with a PDF attachment and publishes it', async () => {
    const page = await newPage(browser, baseUrl);
    await loginThroughForm(page, '机构', 'wjw990000', DEMO_PASSWORD);
    await page.getByText('当前身份：卫生行政部门').waitFor();
    await page.getByRole('menuitem', { name: '通知公告' }).click();
    await page.waitForURL('**/notices');
    await page.getByRole('button', { name: '新建' }).click();
    const dialog = modal(page, '新建通知公告');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.getByText('请选择类别').last().waitFor();
    await dialog.getByText('请输入标题').last().waitFor();

    await dialog.getByLabel('类别').click();
    await page.getByTitle('政策', { exact: true }).click();
    await dialog.getByLabel('标题').fill(TITLE);
    await dialog.locator('input[type=file]').setInputFiles({ name: '医师定期考核管理办法.pdf', mimeType: 'application/pdf', buffer: PDF });
    await dialog.getByText('医师定期考核管理办法.pdf').waitFor();
    await screenshot(page, 'notices-form');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('通知公告已创建，发布后公开显示').waitFor();
    await row(page, TITLE).getByText('未发布').waitFor();

    await row(page, TITLE).getByRole('button', { name: '发布' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: /确\s*定/ }).click();
    await page.getByText('已发布', { exact: true }).first().waitFor();
    await row(page, TITLE).getByText('已发布').waitFor();
    expect(await row(page, TITLE).innerText()).toContain('医师定期考核管理办法.pdf');
    await screenshot(page, 'notices');
    await page.context().close();
  });

  it('the login page lists it under 政策 (logged out), and its title downloads the PDF', async () => {
    const page = await newPage(browser, baseUrl);
    await page.goto('/login');
    const policies = page.getByRole('region', { name: '政策' });
    const link = policies.getByRole('link', { name: TITLE });
    await link.waitFor();
    await page.getByRole('region', { name: '通知' }).waitFor();
    await page.getByRole('region', { name: '手册' }).waitFor();
    await screenshot(page, 'login-notices-desktop');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('医师定期考核管理办法.pdf');
    const saved = await download.path();
    expect(fs.readFileSync(saved).equals(PDF)).toBe(true);
    await page.context().close();

    const phone = await newPage(browser, baseUrl, PHONE);
    await phone.goto('/login');
    await phone.getByRole('region', { name: '政策' }).getByRole('link', { name: TITLE }).waitFor();
    await screenshot(phone, 'login-notices-phone');
    const scrollWidth = await phone.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(PHONE.width);
    await phone.context().close();
  });

  it('an institution of the province sees it in the 通知公告 card of its home', async () => {
    const page = await newPage(browser, baseUrl);
    await loginThroughForm(page, '机构', 'DEMO0003', DEMO_PASSWORD);
    const card = page.locator('.ant-card').filter({ has: page.getByText('通知公告', { exact: true }) });
    await card.getByRole('link', { name: TITLE }).waitFor();
    await page.context().close();
  });
});
