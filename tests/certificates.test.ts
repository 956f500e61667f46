// 合格证书 with the demo data's finished 2021-2023年度: the demo physician 李明华 (DEMO0002) downloads the certificate from
// 考核信息查询; the public 证书查验 page (linked from the login page) finds it 有效, and an invented number 未找到; DEMO0002
// finds it in 历史考核结果查询 (查看, 下载证书, 批量下载证书); the provincial authority revokes another physician's certificate.
// The PDFs are read back with pdftotext and rendered with pdftoppm.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Download, Page } from 'playwright-core';
import { DEMO_PASSWORD, DEMO_PHYSICIAN_ID, DESKTOP, PHONE, button, launchBrowser, loginThroughForm, newPage, screenshot } from './support/browser.js';
import { journeyServer } from './support/server.js';

let browser: Browser;
const baseUrl = journeyServer().baseUrl;
const NAME = '李明华';
const shots = path.resolve('test-results/screenshots');
let number = '';

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** The downloaded PDF's text (pdftotext), after rendering its first page to a PNG next to the screenshots. */
async function pdfText(download: Download, name: string): Promise<string> {
  const file = await download.path();
  fs.mkdirSync(shots, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', file, path.join(shots, name)]);
  expect(fs.statSync(path.join(shots, `${name}.png`)).size).toBeGreaterThan(10_000);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

async function signedIn(tab: '医师' | '机构', account: string, viewport = DESKTOP): Promise<Page> {
  const page = await newPage(browser, baseUrl, viewport);
  await loginThroughForm(page, tab, account, DEMO_PASSWORD);
  await page.getByText(tab === '医师' ? '当前任务' : '当前身份').first().waitFor();
  return page;
}

describe('合格证书', () => {
  it('the physician downloads the certificate of 2021-2023年度 from 考核信息查询', async () => {
    const page = await signedIn('医师', DEMO_PHYSICIAN_ID, PHONE);
    await page.goto('/assessment-info');
    const card = page.locator('.assessment-cycle').filter({ hasText: '2021-2023年度' });
    await card.getByText('考核完成').waitFor();
    const line = card.getByText(/^合格证书编号：\d{17}/);
    number = /(\d{17})/.exec(await line.innerText())![1];
    await screenshot(page, 'certificates-physician-info');
    const download = page.waitForEvent('download');
    await button(card, '下载证书').click();
    const text = await pdfText(await download, 'certificates-physician-pdf');
    for (const words of ['医师定期考核合格证书', NAME, number, '合格', DEMO_PHYSICIAN_ID, '2021-2023年度', '演示省卫生健康委员会']) expect(text).toContain(words);
    await page.context().close();
  });

  it('证书查验 from the login page: 有效 with the masked name; an invented number 未找到', async () => {
    const page = await newPage(browser, baseUrl, DESKTOP);
    await page.goto('/login');
    await page.getByRole('link', { name: '证书查验' }).click();
    await page.waitForURL('**/verify');
    await page.getByLabel('证书编号').fill(number);
    await page.getByLabel('姓名').fill(NAME);
    await button(page, '查验').click();
    await page.getByText('有效', { exact: true }).waitFor();
    await page.getByText('李*华').waitFor();
    await page.getByText('演示省卫生健康委员会').waitFor();
    await screenshot(page, 'certificates-verify-valid');
    await page.getByLabel('证书编号').fill('99000020219999999');
    await button(page, '查验').click();
    await page.getByText('未找到', { exact: true }).waitFor();
    await screenshot(page, 'certificates-verify-not-found');
    await page.context().close();
  });

  it('the institution finds it in 历史考核结果查询 and downloads it from 查看', async () => {
    const page = await signedIn('机构', 'DEMO0002');
    await page.getByRole('menuitem', { name: '历史考核结果查询' }).click();
    await page.waitForURL('**/history');
    await page.getByLabel('考核周期').click();
    await page.getByTitle('2021-2023年度').click();
    await page.getByLabel('姓名').fill(NAME);
    await button(page, '查询').click();
    const row = page.locator('.ant-table-row').filter({ hasText: NAME });
    await row.getByText('合格', { exact: true }).waitFor();
    await expect.poll(() => page.locator('.ant-table-row').count()).toBe(1);
    await screenshot(page, 'certificates-history');
    await row.getByRole('button', { name: `查看 ${NAME}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(number).waitFor();
    await dialog.getByText('定期考核合格证书需加盖发证机关公章后方可生效', { exact: false }).waitFor();
    await screenshot(page, 'certificates-history-view');
    const download = page.waitForEvent('download');
    await button(dialog, '下载证书').click();
    const text = await pdfText(await download, 'certificates-institution-pdf');
    expect(text).toContain(number);
    expect(text).not.toContain(DEMO_PHYSICIAN_ID);
    await dialog.locator('.ant-modal-close').click();
    await dialog.waitFor({ state: 'hidden' });

    // 批量下载证书 of the filtered set (this one physician): the confirm states the count, the PDF has that many pages.
    await button(page, '批量下载证书').click();
    const confirm = page.getByRole('dialog').filter({ hasText: '批量下载证书' });
    await confirm.getByText('将当前筛选结果中的 1 份有效合格证书合并为一个PDF（1页）下载', { exact: false }).waitFor();
    await screenshot(page, 'certificates-batch-confirm');
    const batch = page.waitForEvent('download');
    await button(confirm, '下载').click();
    const file = await (await batch).path();
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/);
    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')).toContain(number);
    await page.context().close();
  });

  it('the provincial authority sees the 公章 page and revokes another certificate with a reason', async () => {
    const page = await signedIn('机构', 'wjw990000');
    await page.getByRole('menuitem', { name: '合格证书' }).click();
    await page.getByRole('menuitem', { name: '发证机关公章' }).click();
    await page.waitForURL('**/certificate-seal');
    await page.getByText('尚未上传公章', { exact: false }).waitFor();
    await screenshot(page, 'certificates-seal');
    await page.getByRole('menuitem', { name: '历史考核结果查询' }).click();
    await page.waitForURL('**/history');
    await page.getByLabel('考核周期').click();
    await page.getByTitle('2021-2023年度').click();
    const row = page.locator('.ant-table-row').filter({ has: page.getByText('合格', { exact: true }) }).filter({ hasNotText: NAME }).first();
    await row.waitFor();
    const name = (await row.locator('td').nth(3).innerText()).trim();
    await row.getByRole('button', { name: `查看 ${name}` }).click();
    const dialog = page.getByRole('dialog');
    await button(dialog, '撤销证书').click();
    await button(dialog, '确认撤销').click();
    await dialog.getByText('请输入撤销理由').waitFor();
    await dialog.getByLabel('撤销理由').fill('测评中认定作弊');
    await screenshot(page, 'certificates-revoke');
    await button(dialog, '确认撤销').click();
    await page.getByText(/^已撤销证书 \d{17}$/).waitFor();
    await page.locator('.ant-table-row').filter({ hasText: name }).first().getByText('证书已撤销').waitFor();
    await page.context().close();
  });
});
