import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, button, launchBrowser, loginThroughForm, newPage, screenshot } from './support/browser.js';
import { journeyServer } from './support/server.js';
import { choose } from './support/select.js';

let browser: Browser;
const baseUrl = journeyServer().baseUrl;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

// By its title: the test build's ids (aria-labelledby) are not unique, so the dialog's accessible name is unreliable.
const modal = (page: Page, title: string) => page.locator('.ant-modal').filter({ has: page.locator('.ant-modal-title', { hasText: title }) });
const rows = (page: Page) => page.locator('.ant-table-tbody tr.ant-table-row');

/** Picks an option of the open antd Select / TreeSelect popup. */

async function sheetRows(data: Buffer | string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((typeof data === 'string' ? fs.readFileSync(data) : data) as unknown as ArrayBuffer);
  const out: string[][] = [];
  workbook.worksheets[0].eachRow((row) => out.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return out;
}

async function importFile(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('机构账号');
  sheet.addRow(['机构名称', '机构账号', '区划代码', '机构类型', '机构级别', '机构等次', '联系人', '手机号码']);
  sheet.addRow(['长河市测试卫生室甲', 'TEST0002', '990101', '基层医疗卫生机构', '未定级', '未评等', '赵一', '13900000002']);
  sheet.addRow(['长河市测试卫生室乙', 'TEST0003', '990102', '基层医疗卫生机构', '未定级', '未评等', '钱二', '13900000003']);
  sheet.addRow(['青山市测试卫生室', 'TEST0004', '990201', '基层医疗卫生机构', '未定级', '未评等', '孙三', '13900000004']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('机构账号 (city authority wjw990100)', () => {
  it('filters, creates, imports, disables and enables, and exports institutions', async () => {
    const page = await newPage(browser, baseUrl);
    await loginThroughForm(page, '机构', 'wjw990100', DEMO_PASSWORD);
    await page.getByText('当前身份：卫生行政部门').waitFor();
    await page.getByRole('menuitem', { name: '机构账号' }).click();
    await page.waitForURL('**/institutions');
    await rows(page).filter({ hasText: '长河市第二人民医院' }).waitFor();
    // The city sees its own institutions only.
    expect(await rows(page).filter({ hasText: '青山市' }).count()).toBe(0);

    // 名称 filter
    await page.getByLabel('名称', { exact: true }).fill('第二人民');
    await button(page, '查询').click();
    await expect.poll(() => rows(page).count()).toBe(1);
    await expect.poll(() => rows(page).first().innerText()).toContain('DEMO0002');
    await screenshot(page, 'institutions-filtered');
    await button(page, '重置').click();
    await expect.poll(() => rows(page).count()).toBeGreaterThan(1);

    // 新增机构
    await page.getByRole('button', { name: '新增机构' }).click();
    const create = modal(page, '新增机构');
    await create.getByText('新机构账号使用本省初始密码登录（初始密码为666666），首次登录须修改密码。').waitFor();
    await button(create, '确定').click();
    await create.getByText('请输入机构名称').waitFor();
    await create.getByLabel('机构名称').fill('长河市测试诊所');
    await create.getByLabel('机构账号').fill('TEST0001');
    await choose(page, create.getByLabel('区划'), '东城区');
    await choose(page, create.getByLabel('机构类型'), '基层医疗卫生机构');
    await choose(page, create.getByLabel('机构级别'), '一级');
    await choose(page, create.getByLabel('机构等次'), '未评等');
    await create.getByLabel('联系人').fill('测试联系人');
    await create.getByLabel('手机号码').fill('13900000001');
    await screenshot(page, 'institutions-create');
    await button(create, '确定').click();
    await page.getByText('已新增机构「长河市测试诊所」，初始密码为666666').waitFor();
    const created = rows(page).filter({ hasText: 'TEST0001' });
    await created.waitFor();
    expect(await created.innerText()).toContain('长河市测试诊所');
    expect(await created.innerText()).toContain('长河市卫生健康委员会');
    expect(await created.innerText()).toContain('正常');
    await screenshot(page, 'institutions-created');

    // 重置密码 says what the password becomes, so the clerk can tell the institution.
    await button(created, '重置密码').click();
    const reset = page.locator('.ant-popconfirm').filter({ hasText: '确认重置密码？' });
    await reset.getByText('密码将恢复为初始密码（初始密码为666666），该机构下次登录须修改密码').waitFor();
    await screenshot(page, 'institutions-reset-password');
    await button(reset, '确定').click();
    await page.getByText('密码已重置，初始密码为666666').waitFor();

    // 批量导入: the template, then a file with two good rows and one outside the city
    await page.getByRole('button', { name: '批量导入' }).click();
    const dialog = modal(page, '批量导入');
    const templateDownload = page.waitForEvent('download');
    await dialog.getByRole('button', { name: '下载导入模板' }).click();
    const template = await templateDownload;
    expect(template.suggestedFilename()).toBe('机构账号导入模板.xlsx');
    expect((await sheetRows(await template.path()))[0]).toEqual(['机构名称', '机构账号', '区划代码', '机构类型', '机构级别', '机构等次', '联系人', '手机号码']);
    await dialog.locator('input[type=file]').setInputFiles({ name: '导入机构.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await importFile() });
    await dialog.getByRole('button', { name: '开始导入' }).click();
    await dialog.getByText('导入成功2条，失败1条').waitFor();
    await dialog.getByText('区划代码「990201」不在本部门管辖范围内').waitFor();
    const failedDownload = page.waitForEvent('download');
    await dialog.getByRole('button', { name: '下载失败数据' }).click();
    const failedRows = await sheetRows(await (await failedDownload).path());
    expect(failedRows[1]).toContain('TEST0004');
    expect(failedRows[0].at(-1)).toBe('失败原因');
    await screenshot(page, 'institutions-imported');
    await button(dialog.locator('.ant-modal-footer'), '关闭').click();
    await rows(page).filter({ hasText: 'TEST0002' }).waitFor();
    await rows(page).filter({ hasText: 'TEST0003' }).waitFor();

    // 停用 then 启用 TEST0001
    await button(created, '停用').click();
    await button(page.locator('.ant-popconfirm'), '确定').click();
    await page.getByText('已停用').waitFor();
    await expect.poll(() => created.locator('.ant-tag').innerText()).toBe('停用');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'institutions-disabled');
    await button(created, '启用').click();
    await button(page.locator('.ant-popconfirm').filter({ hasText: '确认启用' }), '确定').click();
    await page.getByText('已启用').waitFor();
    await expect.poll(() => created.locator('.ant-tag').innerText()).toBe('正常');

    // 导出 with a filter: the file holds what the filter matches
    await page.getByLabel('名称', { exact: true }).fill('长河市测试');
    await button(page, '查询').click();
    await expect.poll(() => rows(page).count()).toBe(3);
    const exportDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出' }).click();
    const exported = await exportDownload;
    expect(exported.suggestedFilename()).toBe('机构账号.xlsx');
    const exportedRows = await sheetRows(await exported.path());
    expect(exportedRows.length).toBe(4);
    expect(exportedRows.map((r) => r[2]).sort()).toEqual(['TEST0001', 'TEST0002', 'TEST0003', '机构账号']);
    await page.context().close();
  });
});

describe('本机构信息 (institution DEMO0003)', () => {
  it('edits 联系人 and 核定床位数, shows a bad 手机号码 on its field, saves and keeps the values', async () => {
    const page = await newPage(browser, baseUrl);
    await loginThroughForm(page, '机构', 'DEMO0003', DEMO_PASSWORD);
    await page.getByText('当前身份：医疗卫生机构').waitFor();
    await page.getByRole('menuitem', { name: '机构信息' }).click();
    await page.getByRole('menuitem', { name: '本机构信息' }).click();
    await page.waitForURL('**/profile');
    const name = page.getByLabel('机构名称');
    await expect.poll(() => name.inputValue()).toBe('长河市东城区社区卫生服务中心');
    expect(await page.getByLabel('机构账号').inputValue()).toBe('DEMO0003');
    expect(await page.getByLabel('机构账号').isDisabled()).toBe(true);
    await page.getByText('演示省 / 长河市 / 东城区').waitFor();
    await screenshot(page, 'profile');

    await page.getByLabel('联系人', { exact: true }).fill('林测试');
    await page.getByLabel('核定床位数').fill('55');
    await page.getByLabel('手机号码').fill('1380099');
    await button(page, '保存').click();
    const mobileItem = page.locator('.ant-form-item').filter({ has: page.getByLabel('手机号码') });
    await mobileItem.getByText('手机号码须为11位手机号').waitFor();
    // A full-page picture of a scrolled page would draw the fixed top bar in the middle.
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'profile-bad-mobile');

    await page.getByLabel('手机号码').fill('13800990333');
    await button(page, '保存').click();
    await page.getByText('保存成功').waitFor();
    await page.reload();
    await expect.poll(() => page.getByLabel('联系人', { exact: true }).inputValue()).toBe('林测试');
    expect(await page.getByLabel('核定床位数').inputValue()).toBe('55');
    expect(await page.getByLabel('手机号码').inputValue()).toBe('13800990333');
    await screenshot(page, 'profile-saved');
    await page.context().close();
  });
});
