// Journey of becoming and assigning a 考核机构: the province (wjw990000) opens the application for
// 青山市中医医院 (DEMO0004); DEMO0004 applies with its attachments; the province rejects, DEMO0004
// applies again, the province approves and assigns DEMO0004 to 青山市疾病预防控制中心 (DEMO0005);
// DEMO0004 switches to 考核机构 and adds a 考核委员会 member. Touches only DEMO0004 and DEMO0005.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, launchBrowser, loginThroughForm, newPage, screenshot } from './support/browser.js';
import { chooseSearched } from './support/select.js';
import { journeyServer } from './support/server.js';

let browser: Browser;
const baseUrl = journeyServer().baseUrl;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

// The page of the running step: pictured when the step fails, so a failure can be looked at.
let current: Page | null = null;
async function open(): Promise<Page> {
  current = await newPage(browser, baseUrl);
  return current;
}
afterEach(async (context) => {
  if (current && context.task.result?.state === 'fail') await screenshot(current, `assessors-failed-${context.task.name.slice(0, 20)}`).catch(() => undefined);
  await current?.context().close();
  current = null;
});

const APPLICANT = '青山市中医医院';
const ASSIGNEE = '青山市疾病预防控制中心';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const slotFiles: Record<number, { name: string; mimeType: string; buffer: Buffer }> = {
  1: { name: '考核机构信息登记表.pdf', mimeType: 'application/pdf', buffer: PDF },
  2: { name: '执业许可证副本.png', mimeType: 'image/png', buffer: PNG },
  3: { name: '考核委员会组织架构及成员名单.pdf', mimeType: 'application/pdf', buffer: PDF },
  4: { name: '考核工作制度和实施方案.pdf', mimeType: 'application/pdf', buffer: PDF },
};

const modal = (page: Page, title: string) => page.locator('.ant-modal').filter({ has: page.locator('.ant-modal-title', { hasText: title }) });
const row = (page: Page, name: string) => page.locator('.ant-table-row').filter({ has: page.getByRole('cell', { name, exact: true }) });
const menu = (page: Page) => page.getByRole('menu').last();
const ok = /^确\s*定$/;

/** The sticky top bar would be drawn mid-page in a full-page picture of a scrolled page. */
async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

async function loginAuthority(page: Page) {
  await loginThroughForm(page, '机构', 'wjw990000', DEMO_PASSWORD);
  await page.getByText('当前身份：卫生行政部门').waitFor();
}

/** Logs an institution in (DEMO0004 unless told); on its first login of the cycle the 告知栏 comes up and is confirmed. */
async function loginApplicant(page: Page, account = 'DEMO0004') {
  await loginThroughForm(page, '机构', account, DEMO_PASSWORD);
  await page.getByText(/当前身份：医疗卫生机构/).first().waitFor();
  const notice = page.getByRole('button', { name: '去确认' });
  if (await notice.count()) await notice.click();
}

async function openApplicationPage(page: Page) {
  await page.getByRole('menuitem', { name: '机构信息' }).click();
  // The sub-menu slides open; a click while it moves can land on its neighbour, so click until the page is there.
  const item = page.getByRole('menuitem', { name: '申请考核机构' });
  await expect
    .poll(async () => {
      await item.click();
      return new URL(page.url()).pathname;
    })
    .toBe('/assessor-application');
  await page.getByText('申请考核机构', { exact: true }).and(page.locator('.ant-card-head-title')).waitFor();
}

async function uploadSlot(page: Page, slot: number) {
  const slotRow = page.locator(`.slot-row[data-slot="${slot}"]`);
  await slotRow.locator('input[type=file]').setInputFiles(slotFiles[slot]);
  await slotRow.getByText('已上传').waitFor();
}

/** 考核机构审核 › 申请审核, filtered to 青山市中医医院, then the drawer of its newest application. */
async function openApplicationDrawer(page: Page) {
  await menu(page).getByRole('menuitem', { name: '考核机构审核' }).click();
  await page.waitForURL('**/assessor-applications');
  await page.getByLabel('名称').fill(APPLICANT);
  await page.getByRole('button', { name: /查\s*询/ }).click();
  const first = row(page, APPLICANT).first();
  await first.getByRole('button', { name: '审核' }).click();
  const drawer = page.locator('.ant-drawer-section');
  await drawer.getByText('附件信息').waitFor();
  return drawer;
}

describe('考核机构: open, apply, reject, re-apply, approve, assign, switch, committee', () => {
  it('an institution whose authority has not opened the permission is told so (DEMO0005)', async () => {
    const page = await open();
    await loginApplicant(page, 'DEMO0005');
    await openApplicationPage(page);
    await page.getByText('本机构未开通申请考核机构权限，请联系隶属卫生行政部门').waitFor();
    expect(await page.getByRole('button', { name: '提交申请' }).count()).toBe(0);
    await shot(page, 'assessors-00-not-opened');
  });

  it('wjw990000 opens the application permission for 青山市中医医院', async () => {
    const page = await open();
    await loginAuthority(page);
    const items = (await menu(page).getByRole('menuitem').allInnerTexts()).map((t) => t.trim());
    expect(items.indexOf('考核机构审核')).toBe(items.indexOf('机构账号') + 1);
    expect(items.indexOf('指定考核机构')).toBe(items.indexOf('考核机构审核') + 1);

    await menu(page).getByRole('menuitem', { name: '考核机构审核' }).click();
    await page.getByRole('tab', { name: '申请审核' }).waitFor();
    await page.getByRole('tab', { name: '开通申请权限' }).click();
    await page.getByLabel('名称').fill(APPLICANT);
    await page.getByRole('button', { name: /查\s*询/ }).click();
    const target = row(page, APPLICANT);
    // The unfiltered list holds the row too: wait for the filtered answer.
    await expect.poll(() => page.locator('.ant-table-row').count()).toBe(1);
    await target.getByText('未开通').waitFor();
    await shot(page, 'assessors-01-permission-list');

    await target.getByRole('button', { name: '开通' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: ok }).click();
    await page.getByText('已开通 1 家机构的申请权限').waitFor();
    await target.getByText('已开通未申请').waitFor();
    await shot(page, 'assessors-02-permission-opened');
  });

  it('DEMO0004 applies: a missing attachment is named, then it submits all four', async () => {
    const page = await open();
    await loginApplicant(page);
    await openApplicationPage(page);
    for (const slot of [1, 2, 3, 4, 5]) await page.locator(`.slot-row[data-slot="${slot}"]`).getByText('未上传').waitFor();
    await shot(page, 'assessors-03-apply-empty');

    for (const slot of [1, 2, 4]) await uploadSlot(page, slot);
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.getByText('请上传附件：3. 拟成立的医师定期考核委员会组织架构、成员名单及个人简历').waitFor();
    await page.locator('.slot-row[data-slot="3"]').getByText('请上传拟成立的医师定期考核委员会组织架构、成员名单及个人简历').waitFor();
    await shot(page, 'assessors-04-apply-missing-slot');

    await uploadSlot(page, 3);
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.getByText('申请已提交，请等待卫生行政部门审核').waitFor();
    const info = page.locator('.ant-card').filter({ hasText: '审核信息' });
    await info.getByText('待审核').waitFor();
    expect(await info.innerText()).toMatch(/周期[\s\S]*2024-2026年度[\s\S]*申请时间[\s\S]*\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
    await page.getByRole('link', { name: /考核机构信息登记表\.pdf/ }).waitFor();
    await shot(page, 'assessors-05-apply-submitted');
  });

  it('wjw990000 opens the attachments and rejects with a reason', async () => {
    const page = await open();
    await loginAuthority(page);
    const drawer = await openApplicationDrawer(page);
    await drawer.getByText('待审核').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), drawer.getByRole('link', { name: /考核机构信息登记表\.pdf/ }).click()]);
    expect(download.suggestedFilename()).toBe('考核机构信息登记表.pdf');
    const saved = await download.path();
    expect(saved).toBeTruthy();
    await shot(page, 'assessors-06-review-drawer');

    await drawer.getByRole('button', { name: /驳\s*回/ }).click();
    const reject = modal(page, '驳回申请');
    await reject.getByRole('button', { name: '确认驳回' }).click();
    await reject.getByText('请输入驳回理由').waitFor();
    await reject.getByLabel('驳回理由').fill('考核委员会成员名单缺少个人简历，请补充后重新提交');
    await shot(page, 'assessors-07-reject-modal');
    await reject.getByRole('button', { name: '确认驳回' }).click();
    await page.getByText('已驳回', { exact: true }).first().waitFor();
    await drawer.getByText('考核委员会成员名单缺少个人简历，请补充后重新提交').waitFor();
    expect(await drawer.getByRole('button', { name: /通\s*过/ }).count()).toBe(0);
    await shot(page, 'assessors-08-rejected');
  });

  it('DEMO0004 sees the 驳回理由 and applies again', async () => {
    const page = await open();
    await loginApplicant(page);
    await openApplicationPage(page);
    await page.getByText('驳回理由：考核委员会成员名单缺少个人简历，请补充后重新提交').waitFor();
    await page.locator('.ant-card').filter({ hasText: '审核信息' }).getByText('已驳回').waitFor();
    await shot(page, 'assessors-09-rejected-seen');

    await page.getByRole('button', { name: '重新申请' }).first().click();
    for (const slot of [1, 2, 3, 4]) await uploadSlot(page, slot);
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.getByText('申请已提交，请等待卫生行政部门审核').waitFor();
    await page.locator('.ant-card').filter({ hasText: '审核信息' }).getByText('待审核').waitFor();
    await shot(page, 'assessors-10-reapplied');
  });

  it('wjw990000 approves: effective at once', async () => {
    const page = await open();
    await loginAuthority(page);
    const drawer = await openApplicationDrawer(page);
    await drawer.getByText('待审核').waitFor();
    await drawer.getByRole('button', { name: /通\s*过/ }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: ok }).click();
    await page.getByText('已通过，该机构即刻成为本周期考核机构').waitFor();
    await drawer.getByText('已通过').waitFor();
    await shot(page, 'assessors-11-approved');
    await page.locator('.ant-drawer-close').click();
    await row(page, APPLICANT).first().getByText('已通过').waitFor();
    await shot(page, 'assessors-12-review-list');
  });

  it('wjw990000 assigns 青山市中医医院 as 考核机构 of 青山市疾病预防控制中心 only', async () => {
    const page = await open();
    await loginAuthority(page);
    await menu(page).getByRole('menuitem', { name: '指定考核机构' }).click();
    await page.waitForURL('**/assessor-assignments');
    await row(page, ASSIGNEE).waitFor();
    const before = await row(page, '青山市北岭区妇幼保健院').locator('td').nth(4).innerText();

    await page.getByLabel('是否已指定').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '未指定' }).click();
    await page.getByRole('button', { name: /查\s*询/ }).click();
    // Every row left is one without 考核机构 (in the demo data at least DEMO0001 itself).
    const rows = page.locator('.ant-table-row');
    await expect.poll(async () => (await rows.count()) > 0 && (await rows.count()) === (await rows.filter({ hasText: '未指定' }).count())).toBe(true);
    await shot(page, 'assessors-13-unassigned-filter');
    await page.getByRole('button', { name: /重\s*置/ }).click();

    const target = row(page, ASSIGNEE);
    await target.getByRole('checkbox').check();
    await page.getByRole('button', { name: '指定考核机构（1）' }).click();
    const dialog = modal(page, '指定考核机构');
    await dialog.getByText(`为 ${ASSIGNEE} 指定考核机构`).waitFor();
    await dialog.getByLabel('考核机构').click();
    await chooseSearched(page, dialog.getByLabel('考核机构'), '中医', APPLICANT);
    await shot(page, 'assessors-14-assign-modal');
    await dialog.getByRole('button', { name: ok }).click();
    await page.getByText('已为 1 家机构指定考核机构').waitFor();
    await target.getByText(APPLICANT).waitFor();
    // Only DEMO0005 changed: its neighbour keeps its 考核机构.
    expect(await row(page, '青山市北岭区妇幼保健院').locator('td').nth(4).innerText()).toBe(before);
    await shot(page, 'assessors-15-assigned');
  });

  it('DEMO0004 switches to 考核机构 and adds a 考核委员会 member', async () => {
    const page = await open();
    await loginApplicant(page);
    await page.getByRole('button', { name: '切换为考核机构' }).click();
    await page.getByText('当前身份：考核机构').waitFor();
    const items = (await menu(page).getByRole('menuitem').allInnerTexts()).map((t) => t.trim());
    expect(items).toEqual(expect.arrayContaining(['考核委员会', '考核办公室']));
    await menu(page).getByRole('menuitem', { name: '考核委员会' }).click();
    await page.waitForURL('**/committee');
    await page.getByText('暂无考核委员会成员').waitFor();

    await page.getByRole('button', { name: '添加成员' }).click();
    const dialog = modal(page, '添加考核委员会成员');
    await dialog.getByRole('button', { name: ok }).click();
    await dialog.getByText('请输入姓名').waitFor();
    await dialog.getByLabel('姓名').fill('郭仁和');
    await dialog.getByLabel('职称').fill('主任医师');
    await dialog.getByLabel('职务', { exact: true }).fill('院长');
    await dialog.getByLabel('委员会职务').fill('主任委员');
    await dialog.getByLabel('联系电话').fill('12345');
    await dialog.getByRole('button', { name: ok }).click();
    await dialog.getByText('联系电话格式不正确，请输入手机号码或带区号的固定电话').waitFor();
    await shot(page, 'assessors-16-committee-form');
    await dialog.getByLabel('联系电话').fill('13800990004');
    await dialog.getByRole('button', { name: ok }).click();
    await page.getByText('已添加').waitFor();
    const member = row(page, '郭仁和');
    await member.getByText('主任委员').waitFor();
    await member.getByText('13800990004').waitFor();
    await shot(page, 'assessors-17-committee-member');

    await menu(page).getByRole('menuitem', { name: '考核办公室' }).click();
    await page.waitForURL('**/committee/office');
    await page.getByText('暂无考核办公室成员').waitFor();
  });
});
