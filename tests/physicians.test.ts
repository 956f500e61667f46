import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { residentIdCheckChar } from '../common/id-number.js';
import { DEMO_PASSWORD, DEMO_PHYSICIAN_ID, button, expectRefusal, launchBrowser, loginThroughForm, newPage, screenshot } from './support/browser.js';
import { choose, showsChoice } from './support/select.js';
import { journeyServer } from './support/server.js';

let browser: Browser;
const baseUrl = journeyServer().baseUrl;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

// An icon before the text lends the button its aria-label ("plus 新增医师").
const dialog = (page: Page, title: string | RegExp) => page.locator('.ant-modal, .ant-drawer').filter({ has: page.locator('.ant-modal-title, .ant-drawer-title', { hasText: title }) });
const rows = (page: Page) => page.locator('.ant-table-tbody tr.ant-table-row');
const tab = (page: Page, name: string) => page.getByRole('tab', { name });

/** A valid 身份证 number not in the demo data (born 1986-06-0x, 长河市芙蓉区 code 430102). */
function freshId(serial: number): string {
  const first17 = `4301021986060${serial}${String(700 + serial).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

async function sheetRows(path: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(fs.readFileSync(path) as unknown as ArrayBuffer);
  const out: string[][] = [];
  workbook.worksheets[0].eachRow((row) => out.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return out;
}

async function openRoster(page: Page, account: string) {
  await loginThroughForm(page, '机构', account, DEMO_PASSWORD);
  await page.getByRole('menuitem', { name: '医师管理' }).click();
  await page.getByRole('menuitem', { name: '医师列表' }).click();
  await page.waitForURL('**/physicians');
  await rows(page).first().waitFor();
}

describe('医师列表 (DEMO0006 青山市北岭区妇幼保健院)', () => {
  it('enrols two physicians in a batch, then cancels one with a reason that shows in 未确认参加', async () => {
    const page = await newPage(browser, baseUrl);
    await openRoster(page, 'DEMO0006');
    await tab(page, '未确认参加').click();
    await rows(page).first().waitFor();
    const names = [await rows(page).nth(0).locator('td').nth(3).innerText(), await rows(page).nth(1).locator('td').nth(3).innerText()];
    await rows(page).nth(0).getByRole('checkbox').check();
    await rows(page).nth(1).getByRole('checkbox').check();
    await button(page, '批量参加').click();
    await page.getByText('确定将选中的2名医师纳入本周期考核吗？').waitFor();
    await screenshot(page, 'physicians-batch-confirm');
    await button(page.locator('.ant-modal-confirm'), '确定').click();
    await page.getByText('已将2名医师纳入本周期考核').waitFor();

    await tab(page, '已确认参加').click();
    const enrolled = rows(page).filter({ hasText: names[0] });
    await enrolled.waitFor();
    await screenshot(page, 'physicians-confirmed');

    // 取消参加: the reason is required, then the physician returns to 未确认参加 with it.
    await button(enrolled, '取消参加').click();
    const cancel = dialog(page, '取消参加');
    await cancel.getByText('确定将该医师退出考核周期吗？').waitFor();
    await button(cancel, '确定').click();
    await cancel.getByText('请输入取消原因').waitFor();
    await cancel.getByLabel('取消原因').fill('产假，本周期不参加');
    await button(cancel, '确定').click();
    await page.getByText(`已将${names[0]}退出本周期考核`).waitFor();
    await tab(page, '未确认参加').click();
    const back = rows(page).filter({ hasText: names[0] });
    await back.getByText('取消原因：产假，本周期不参加').waitFor();
    await screenshot(page, 'physicians-cancel-reason');
    await page.context().close();
  });

  it('adds a physician, then meets 「医师已存在」 for a number already in the system', async () => {
    const page = await newPage(browser, baseUrl);
    await openRoster(page, 'DEMO0006');
    await button(page, '新增医师').click();
    const form = dialog(page, '新增医师');
    await button(form, '保存').click();
    await form.getByText('请输入姓名').waitFor();
    await form.getByLabel('姓名').fill('韩新来');
    await choose(page, form.getByLabel('证件类型'), '居民身份证');
    await form.getByLabel('证件号码').fill(freshId(1));
    // 出生年月 and 性别 are filled from the 身份证.
    await expect.poll(() => form.getByLabel('出生年月').inputValue()).toBe('1986-06-01');
    await choose(page, form.getByLabel('科室'), '妇产科');
    await choose(page, form.getByLabel('执业类别'), '临床');
    await choose(page, form.getByLabel('执业范围'), '妇产科专业');
    await form.getByLabel('执业证书编码').fill('110990220260001');
    await form.getByLabel('资格证书编码').fill('200899110990220260001');
    await screenshot(page, 'physicians-create');
    await button(form, '保存').click();
    await page.getByText('已新增医师「韩新来」').waitFor();
    const added = rows(page).filter({ hasText: '韩新来' });
    await added.waitFor();

    // 重置密码 says what the password becomes, so the clerk can tell the physician (seed 002).
    await button(added, '重置密码').click();
    const confirm = page.locator('.ant-popconfirm').filter({ hasText: '确认重置密码？' });
    await confirm.getByText('密码将恢复为初始密码（初始密码为666666），并清除该医师绑定的手机号').waitFor();
    await screenshot(page, 'physicians-reset-password');
    await button(confirm, '确定').click();
    await page.getByText('密码已重置，初始密码为666666').waitFor();

    expectRefusal(page, 409); // 医师已存在
    await button(page, '新增医师').click();
    const again = dialog(page, '新增医师');
    await again.getByLabel('姓名').fill('李明华');
    await choose(page, again.getByLabel('证件类型'), '居民身份证');
    await again.getByLabel('证件号码').fill(DEMO_PHYSICIAN_ID);
    // 执业类别 chosen at once after the 证件号码 (choose() clicks again, as a person would, when a click lands while
    // the list is still moving in): filling 出生年月 and 性别 from the 身份证 keeps the choice.
    await choose(page, again.getByLabel('执业类别'), '临床');
    await expect.poll(() => again.getByLabel('出生年月').inputValue()).toBe('1980-01-01');
    await showsChoice(again.getByLabel('执业类别'), '临床').waitFor();
    await expect.poll(() => again.getByLabel('执业范围').isEnabled()).toBe(true);
    await choose(page, again.getByLabel('执业范围'), '内科专业');
    await again.getByLabel('执业证书编码').fill('110990220260002');
    await again.getByLabel('资格证书编码').fill('200899110990220260002');
    await button(again, '保存').click();
    await again.getByText('医师已存在，请前往【调入医师】模块查询').first().waitFor();
    await screenshot(page, 'physicians-duplicate');
    await button(again, '前往调入医师').click();
    await page.waitForURL('**/transfer-in**');
    await page.context().close();
  });

  it('imports a file with good and bad rows and gives the rejected rows back as Excel', async () => {
    const page = await newPage(browser, baseUrl);
    await openRoster(page, 'DEMO0006');
    await button(page, '批量导入医师').click();
    const importer = dialog(page, '批量导入医师');
    const templateDownload = page.waitForEvent('download');
    await button(importer, '下载导入模板').click();
    const template = await sheetRows(await (await templateDownload).path());
    const headers = template[0];
    expect(headers.slice(0, 4)).toEqual(['姓名', '性别', '证件类型', '证件号码']);

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('医师信息');
    sheet.addRow(headers);
    const line = (cells: Record<string, string>) => headers.map((h) => cells[h] ?? '');
    const base = { 性别: '女', 证件类型: '居民身份证', 科室: '儿科', 执业类别: '临床', 执业范围: '儿科专业', 执业证书编码: '110990220269001', 资格证书编码: '200899110990220269001' };
    sheet.addRow(line({ ...base, 姓名: '导入一', 证件号码: freshId(2) }));
    sheet.addRow(line({ ...base, 姓名: '导入二', 证件号码: freshId(4) }));
    sheet.addRow(line({ ...base, 姓名: '导入三', 证件号码: '430102198606050000' }));
    await importer.locator('input[type=file]').setInputFiles({ name: '导入医师.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await workbook.xlsx.writeBuffer()) });
    await button(importer, '开始导入').click();
    await importer.getByText('导入成功2条，失败1条').waitFor();
    await importer.getByText('证件号码校验位不正确，请核对').waitFor();
    await screenshot(page, 'physicians-import-result');
    const failed = page.waitForEvent('download');
    await button(importer, '下载失败数据').click();
    const failedRows = await sheetRows(await (await failed).path());
    expect(failedRows).toHaveLength(2);
    expect(failedRows[0].at(-1)).toBe('失败原因');
    expect(failedRows[1][0]).toBe('导入三');
    expect(failedRows[1].at(-1)).toContain('证件号码校验位不正确');
    await page.context().close();
  });

  it('transfers a physician out at DEMO0006 and in at DEMO0001', async () => {
    const idNumber = freshId(2); // 导入一, imported above
    const page = await newPage(browser, baseUrl);
    await openRoster(page, 'DEMO0006');
    await page.locator('#rosterFilter_idNumber').fill(idNumber.slice(-6));
    await button(page, '查询').click();
    await expect.poll(() => rows(page).count()).toBe(1);
    await button(rows(page).first(), '调离').click();
    const out = dialog(page, '调离医师');
    await choose(page, out.getByLabel('调离原因'), '离职');
    await out.getByLabel('具体理由').fill('已于2026年11月1日辞职');
    await screenshot(page, 'physicians-transfer-out');
    await button(out, '确定').click();
    await page.getByText('已将导入一调离本机构').waitFor();
    await expect.poll(() => rows(page).count()).toBe(0);
    await page.context().close();

    const other = await newPage(browser, baseUrl);
    await loginThroughForm(other, '机构', 'DEMO0001', DEMO_PASSWORD);
    await other.getByRole('menuitem', { name: '医师管理' }).click();
    await other.getByRole('menuitem', { name: '调入医师' }).click();
    await other.waitForURL('**/transfer-in');
    await other.getByText('1、医师被原单位调离，新单位才能调入本单位').waitFor();
    // The 证件号码 goes in request bodies only: no address the 调入 page asks for may carry it.
    const addresses: string[] = [];
    other.on('request', (request) => addresses.push(request.url()));
    const shortForm = `${idNumber.slice(0, 6)}${idNumber.slice(8, 17)}`;
    await other.getByLabel('证件号码').fill(shortForm);
    await button(other, '查询').click();
    const found = rows(other).filter({ hasText: '导入一' });
    await found.getByText('青山市北岭区妇幼保健院').waitFor();
    await found.getByText('离职').waitFor();
    await screenshot(other, 'physicians-transfer-search');
    await button(found, '调入').click();
    await button(other.locator('.ant-popover'), '确定').click();
    await other.getByText('已将导入一调入本机构').waitFor();
    expect(addresses.some((url) => url.includes('/physicians/transfer-search'))).toBe(true);
    expect(addresses.filter((url) => url.includes(shortForm) || url.includes(idNumber))).toEqual([]);
    await other.getByRole('menuitem', { name: '医师列表' }).click();
    await other.locator('#rosterFilter_idNumber').fill(idNumber);
    await button(other, '查询').click();
    await rows(other).filter({ hasText: '导入一' }).waitFor();
    await screenshot(other, 'physicians-transferred-in');
    await other.context().close();
  });
});

describe('医师列表 (provincial authority, read-only)', () => {
  it('lists the jurisdiction with a 机构 column and only 查看', async () => {
    const page = await newPage(browser, baseUrl);
    await loginThroughForm(page, '机构', 'wjw990000', DEMO_PASSWORD);
    await page.getByRole('menuitem', { name: '医师列表' }).click();
    await page.waitForURL('**/physicians');
    await rows(page).first().waitFor();
    expect(await page.getByRole('button', { name: /^参\s*加$/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '新增医师' }).count()).toBe(0);
    await button(rows(page).first(), '查看').click();
    await page.locator('.ant-drawer').getByText('执业信息').first().waitFor();
    await screenshot(page, 'physicians-authority-view');
    await page.context().close();
  });
});
