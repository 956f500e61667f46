// Journey of an institution (DEMO0003): the 考核周期 告知栏 on first login, the home's 联系方式, and 科室信息.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, expectRefusal, launchBrowser, loginThroughForm, newPage, screenshot } from './support/browser.js';
import { journeyServer } from './support/server.js';

let browser: Browser;
const baseUrl = journeyServer().baseUrl;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

/** A dialog by its title (antd's title ids are not unique in a test build, so its accessible name is unreliable). */
const modal = (page: Page, title: string) => page.locator('.ant-modal').filter({ has: page.locator('.ant-modal-title', { hasText: title }) });
const row = (page: Page, name: string) => page.getByRole('row').filter({ has: page.getByRole('cell', { name, exact: true }) });

/** Searches the 诊疗科目 tree and ticks the one node whose title matches. */
async function pickSubject(page: Page, search: string, title: string) {
  const input = page.getByLabel('关联诊疗科目');
  await input.click();
  await input.fill(search);
  const node = page.locator('.ant-select-tree-treenode').filter({ hasText: title });
  await expect.poll(() => node.count()).toBe(1);
  await node.locator('.ant-select-tree-checkbox').click();
}

describe('institution home and 科室信息 (DEMO0003)', () => {
  it('shows the cycle 告知栏 once: 去确认, and after a reload it does not come back', async () => {
    const page = await newPage(browser, baseUrl);
    await loginThroughForm(page, '机构', 'DEMO0003', DEMO_PASSWORD);
    const notice = modal(page, '考核周期起止日期告知');
    await notice.waitFor();
    await notice.getByText(/当前考核周期信息：2024-01-01 ~ \d{4}-\d{2}-\d{2}/).waitFor();
    await screenshot(page, 'institution-home-cycle-notice');
    await notice.getByRole('button', { name: '去确认' }).click();
    await page.getByText('已确认考核周期').waitFor();
    await notice.waitFor({ state: 'hidden' });

    await page.reload();
    await page.getByText('待处理任务').waitFor();
    await page.getByText('联系方式').waitFor();
    expect(await modal(page, '考核周期起止日期告知').count()).toBe(0);
    await page.context().close();
  });

  it('home: 考核安排, 待处理任务 with 去处理, 考核进度, and 联系方式 naming 演示省人民医院 as 考核机构', async () => {
    const page = await newPage(browser, baseUrl);
    await loginThroughForm(page, '机构', 'DEMO0003', DEMO_PASSWORD);
    await page.getByText('当前身份：医疗卫生机构').waitFor();
    const contacts = page.locator('.home-contacts');
    await contacts.getByText('演示省人民医院').waitFor();
    expect(await contacts.innerText()).toMatch(/考核机构[\s\S]*演示省人民医院[\s\S]*李娜[\s\S]*0991-86660001/);
    expect(await contacts.innerText()).toMatch(/行政机构[\s\S]*长河市东城区卫生健康局[\s\S]*刘洋/);
    for (const label of ['一般程序待审核', '简易程序待审核', '免考申请待审核', '医师信息修改申请']) await page.getByText(label).waitFor();
    expect(await page.getByText('去处理').count()).toBe(4);
    for (const label of ['报名完成率', '审核完成率', '最终完成率']) await page.getByText(label).waitFor();
    await page.getByText('考核时间安排').waitFor();
    await screenshot(page, 'institution-home');
    await page.context().close();
  });

  it('科室信息: create 康复科 with two 诊疗科目 found by search, refuse the name twice, 停用 / 启用, delete', async () => {
    const page = await newPage(browser, baseUrl);
    await loginThroughForm(page, '机构', 'DEMO0003', DEMO_PASSWORD);
    await page.getByText('当前身份：医疗卫生机构').waitFor();
    await page.getByRole('menuitem', { name: '机构信息' }).click();
    await page.getByRole('menuitem', { name: '科室信息' }).click();
    await page.waitForURL('**/departments');
    await row(page, '全科医疗科').waitFor();
    expect(await row(page, '全科医疗科').innerText()).toContain('正常');
    await screenshot(page, 'departments');

    await page.getByRole('button', { name: '创建科室' }).click();
    const dialog = modal(page, '添加科室');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await dialog.getByText('请输入科室名称').waitFor();
    await dialog.getByText('请选择关联诊疗科目').waitFor();
    await dialog.getByLabel('科室', { exact: true }).fill('康复科');
    await pickSubject(page, '康复医学科', '康复医学科');
    await pickSubject(page, '50.15', '康复医学专业');
    await screenshot(page, 'departments-modal-tree');
    await dialog.getByText('科室', { exact: true }).click();
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await page.getByText('科室已创建').waitFor();
    await row(page, '康复科').waitFor();
    expect(await row(page, '康复科').innerText()).toContain('康复医学科，中医康复医学专业');

    // 编辑 right after 创建科室 shows the row's values (it once opened an empty form).
    await row(page, '康复科').getByRole('button', { name: '编辑' }).click();
    const editDialog = modal(page, '编辑科室');
    await editDialog.locator('.ant-select-selection-item', { hasText: '中医康复医学专业' }).waitFor();
    expect(await editDialog.locator('.ant-select-selection-item').allInnerTexts()).toEqual(['康复医学科', '中医康复医学专业']);
    expect(await editDialog.getByLabel('科室', { exact: true }).inputValue()).toBe('康复科');
    await screenshot(page, 'departments-edit-after-create');
    await editDialog.getByRole('button', { name: /取\s*消/ }).click();
    await editDialog.waitFor({ state: 'hidden' });

    // The name taken and the delete refused are answered 409, shown as messages.
    expectRefusal(page, 409);
    await page.getByRole('button', { name: '创建科室' }).click();
    await dialog.getByLabel('科室', { exact: true }).fill('康复科');
    await pickSubject(page, '康复医学科', '康复医学科');
    await dialog.getByText('科室', { exact: true }).click();
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await dialog.getByText('科室名称已存在').waitFor();
    await screenshot(page, 'departments-duplicate');
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await dialog.waitFor({ state: 'hidden' });

    await row(page, '康复科').getByRole('button', { name: '停用' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: /确\s*定/ }).click();
    await page.getByText('科室已停用').waitFor();
    await row(page, '康复科').getByText('已停用').waitFor();
    await page.getByLabel('状态').click();
    await page.getByTitle('已停用').click();
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await row(page, '全科医疗科').waitFor({ state: 'detached' });
    await row(page, '康复科').waitFor();
    await page.getByRole('button', { name: /重\s*置/ }).click();
    await row(page, '全科医疗科').waitFor();
    await row(page, '康复科').getByRole('button', { name: '启用' }).click();
    await page.getByText('科室已启用').waitFor();
    await row(page, '康复科').getByText('正常').waitFor();

    await row(page, '全科医疗科').getByRole('button', { name: '删除' }).click();
    await page.getByText('确认删除?').waitFor();
    await page.getByRole('tooltip').getByRole('button', { name: /确\s*定/ }).click();
    await page.getByText('该科室已有医师，无法删除，请先停用').waitFor();
    await screenshot(page, 'departments-delete-refused');
    expect(await row(page, '全科医疗科').count()).toBe(1);

    await row(page, '康复科').getByRole('button', { name: '删除' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: /确\s*定/ }).click();
    await page.getByText('科室已删除').waitFor();
    await row(page, '康复科').waitFor({ state: 'detached' });
    await page.context().close();
  }, 150_000);
});
