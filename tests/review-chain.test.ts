// The whole review chain with the demo accounts (seed 002 §1.6–1.9, seed 003 §2.2.6–2.2.9): a physician of DEMO0002
// (长河市第二人民医院) submits under 简易程序 with 免考; DEMO0002 rejects with a reason; the physician corrects and
// submits again; DEMO0002 evaluates and passes it (and the 免考); DEMO0001 as 考核机构 rejects; DEMO0002 passes again;
// DEMO0001 approves the 免考 and passes, which completes the cycle 合格 (简易程序 takes only the humanities paper, and
// 免考 exempts it). 考核进度 finds the physician under each status on the way, and the physician's home and
// 考核信息查询 show every step with its reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, DESKTOP, PHONE, button, formItem, launchBrowser, loginThroughForm, newPage, noSideways, openFromMenu, screenshot, signIn } from './support/browser.js';
import { PDF, fillFirstFourSteps, idPhoto, upload } from './support/registration.js';
import { journeyServer } from './support/server.js';

let browser: Browser;
const baseUrl = journeyServer().baseUrl;
let physician: { id: number; name: string; idNumber: string };

const REJECTED_BY_INSTITUTION = '简易程序申请材料缺少表彰文件，请补充后重新提交';
const REJECTED_BY_ASSESSOR = '良好行为记录与申请材料不一致，请医疗卫生机构重新核对';

/** DEMO0002 picks an enrolled physician no other journey uses and looks up the 证件号码 (audited). */
async function prepare() {
  const { api, headers, close } = await signIn(browser, baseUrl, 'DEMO0002');
  try {
    const roster = (await (await api.get('/api/v1/physicians?tab=confirmed&pageSize=20')).json()) as { items: { id: number; name: string; enrolmentStatus: string }[] };
    const candidates = roster.items.filter((item) => item.enrolmentStatus === 'PENDING_REGISTRATION' && item.name !== '李明华');
    const item = candidates.at(-1)!;
    const shown = await api.post(`/api/v1/physicians/${item.id}/id-number`, { headers });
    expect(shown.status()).toBe(200);
    return { id: item.id, name: item.name, idNumber: ((await shown.json()) as { idNumber: string }).idNumber };
  } finally {
    await close();
  }
}

async function organisation(account: string, asAssessor = false): Promise<Page> {
  const page = await newPage(browser, baseUrl, DESKTOP);
  await loginThroughForm(page, '机构', account, DEMO_PASSWORD);
  await page.getByText('当前身份：医疗卫生机构').waitFor();
  if (asAssessor) {
    await page.getByRole('button', { name: '切换为考核机构' }).click();
    await page.getByText('当前身份：考核机构').waitFor();
  }
  return page;
}

/** 考核进度 as DEMO0002: the physician, found by 姓名 and 考核状态, shows that status (and 免考 / 结果 when given). */
async function expectProgress(status: string, extra: string[] = []) {
  const page = await organisation('DEMO0002');
  await page.goto('/progress');
  await page.getByLabel('姓名').fill(physician.name);
  await page.getByLabel('考核状态').click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByText(status, { exact: true }).first().click();
  await button(page, '查询').click();
  const row = page.locator('.ant-table-row').filter({ hasText: physician.name });
  await row.getByText(status, { exact: true }).first().waitFor();
  for (const text of extra) await row.getByText(text, { exact: true }).first().waitFor();
  await screenshot(page, `review-chain-progress-${status.replace(/[()（）]/g, '')}`);
  await page.context().close();
}

/** Opens the physician's record from a 审核 / 复核 list. */
async function openRecord(page: Page, list: string, tab?: string) {
  await page.goto(list);
  if (tab) await page.getByRole('tab', { name: tab }).click();
  await page.getByRole('row', { name: new RegExp(physician.name) }).getByRole('button', { name: /审\s*核/ }).click();
  await page.getByRole('tab', { name: '医师信息' }).waitFor();
}

async function reject(page: Page, reason: string, shot: string) {
  await button(page, '驳回').click();
  const dialog = page.getByRole('dialog', { name: '驳回报名' });
  await dialog.getByRole('button', { name: /确认驳回/ }).click();
  await dialog.getByText(/请输入驳回理由/).waitFor();
  await dialog.getByLabel('驳回理由').fill(reason);
  await screenshot(page, shot);
  await dialog.getByRole('button', { name: /确认驳回/ }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** The institution's 提交: both evaluations 合格 on the 工作成绩、职业道德 tab, then the confirm. */
async function passAsInstitution(page: Page, shot: string) {
  await button(page, '下一步').click();
  await page.getByText('医疗卫生机构评定意见').waitFor();
  await page.locator('#evaluation_workPerformance').getByText('合格', { exact: true }).click();
  await page.locator('#evaluation_ethics').getByText('合格', { exact: true }).click();
  await screenshot(page, shot);
  await button(page, '提交').click();
  await page.getByRole('dialog', { name: '提交审核结果' }).getByRole('button', { name: /确\s*定/ }).click();
  await page.getByText('已提交，等待考核机构复核').waitFor();
}

beforeAll(async () => {
  browser = await launchBrowser();
  physician = await prepare();
});
afterAll(() => browser.close());

describe('审核 and 复核, the whole chain', () => {
  it('the physician submits under 简易程序 with 免考', async () => {
    const page = await newPage(browser, baseUrl, DESKTOP);
    await loginThroughForm(page, '医师', physician.idNumber, DEMO_PASSWORD);
    await button(page, '我要报名').click();
    await page.waitForURL('**/registration');
    const procedure = await fillFirstFourSteps(page, await idPhoto(page), 'review-chain-physician');
    await formItem(procedure, '考核程序').getByLabel('简易程序').check();
    await formItem(procedure, '简易程序申请理由').getByLabel('具有5年以上执业经历，在考核周期内有良好行为记录').check();
    await upload(procedure.locator('[data-slot=simplifiedMaterial]'), { name: '述职材料.pdf', mimeType: 'application/pdf', buffer: PDF });
    await procedure.getByText('述职材料.pdf').waitFor();
    await formItem(procedure, '个人述职').locator('textarea').fill('本周期内坚持门诊和病房工作，参与基层帮扶。');
    await formItem(procedure, '申请免考').getByLabel('是').check();
    await formItem(procedure, '免考理由').locator('textarea').fill('本周期内获评市级优秀医师，依规申请免考。');
    await upload(procedure.locator('[data-slot=exemptionMaterial]'), { name: '表彰文件.pdf', mimeType: 'application/pdf', buffer: PDF });
    await procedure.getByText('表彰文件.pdf').waitFor();
    await button(page, '提交').click();
    await page.getByText('报名信息已提交，等待医疗卫生机构审核').waitFor();
    await page.context().close();
    await expectProgress('待医疗卫生机构审核', ['简易程序', '待医疗卫生机构审核']);
  }, 150_000);

  it('DEMO0002 rejects with a reason; the physician reads it, corrects and submits again', async () => {
    const page = await organisation('DEMO0002');
    await openFromMenu(page, '考核管理', '简易程序审核', '/reviews/simplified');
    await page.getByRole('row', { name: new RegExp(physician.name) }).waitFor();
    await screenshot(page, 'review-chain-institution-list');
    await page.getByRole('row', { name: new RegExp(physician.name) }).getByRole('button', { name: /审\s*核/ }).click();
    await page.getByRole('tab', { name: '医师信息' }).waitFor();
    await page.getByText(physician.name).first().waitFor();
    await screenshot(page, 'review-chain-institution-record');
    await button(page, '下一步').click();
    // The 简易程序 claim is checked against the data; the materials are there to open.
    await page.getByText('具有5年以上执业经历，在考核周期内有良好行为记录').first().waitFor();
    await page.getByText('述职材料.pdf').waitFor();
    await page.getByText('本周期内获评市级优秀医师，依规申请免考。').waitFor();
    await screenshot(page, 'review-chain-institution-conduct');
    await reject(page, REJECTED_BY_INSTITUTION, 'review-chain-institution-reject');
    await page.waitForURL('**/reviews/simplified');
    // The list stays open while the physician resubmits elsewhere: 查询 then shows them without a reload.
    const listed = page.getByRole('row', { name: new RegExp(physician.name) });
    await listed.waitFor({ state: 'detached' });
    await expectProgress('待报名(被机构驳回)');

    const phone = await newPage(browser, baseUrl, PHONE);
    await loginThroughForm(phone, '医师', physician.idNumber, DEMO_PASSWORD);
    await phone.getByText('待报名(被机构驳回)').first().waitFor();
    await phone.getByText(REJECTED_BY_INSTITUTION).first().waitFor();
    await phone.getByText('报名信息被驳回').first().waitFor();
    await screenshot(phone, 'review-chain-physician-rejected-phone');
    await noSideways(phone, PHONE.width);
    await phone.context().close();

    const desktop = await newPage(browser, baseUrl, DESKTOP);
    await loginThroughForm(desktop, '医师', physician.idNumber, DEMO_PASSWORD);
    await button(desktop, '修改报名').click();
    await desktop.waitForURL('**/registration');
    await desktop.locator('.registration-page').getByText(`驳回理由：${REJECTED_BY_INSTITUTION}`).waitFor();
    await desktop.locator('.ant-steps-item').filter({ hasText: '考核程序' }).click();
    await upload(desktop.locator('[data-slot=simplifiedMaterial]'), { name: '市级优秀医师表彰文件.pdf', mimeType: 'application/pdf', buffer: PDF });
    await desktop.getByText('市级优秀医师表彰文件.pdf').waitFor();
    await button(desktop, '提交').click();
    await desktop.getByText('报名信息已提交，等待医疗卫生机构审核').waitFor();
    await desktop.context().close();

    await button(page, '查询').click();
    await listed.waitFor();
    await page.context().close();
  }, 150_000);

  it('DEMO0002 evaluates and passes it, and passes the 免考 to the assessor', async () => {
    const page = await organisation('DEMO0002');
    await openRecord(page, '/reviews/simplified');
    await passAsInstitution(page, 'review-chain-institution-evaluation');
    await openRecord(page, '/reviews/exemption');
    await button(page, '下一步').click();
    await button(page, '通过').click();
    await page.getByRole('dialog', { name: '免考审核通过' }).getByRole('button', { name: /确\s*定/ }).click();
    await page.waitForURL('**/reviews/exemption');
    await page.context().close();
    await expectProgress('待考核机构复核', ['待考核机构复核']);
  });

  it('DEMO0001 as 考核机构 rejects; DEMO0002 finds it under 考核机构驳回待审核 with the reason and passes it again', async () => {
    const assessor = await organisation('DEMO0001', true);
    await openFromMenu(assessor, '考核管理', '简易程序复核', '/reviews/simplified');
    await openRecord(assessor, '/reviews/simplified');
    await button(assessor, '下一步').click();
    // The institution's evaluation is there to read, not to change.
    await assessor.getByText('医疗卫生机构评定意见').waitFor();
    await screenshot(assessor, 'review-chain-assessor-record');
    await reject(assessor, REJECTED_BY_ASSESSOR, 'review-chain-assessor-reject');
    await assessor.waitForURL('**/reviews/simplified');
    // The 复核 list stays open while DEMO0002 passes it again: its menu item then shows the physician without a reload.
    const listed = assessor.getByRole('row', { name: new RegExp(physician.name) });
    await listed.waitFor({ state: 'detached' });
    await expectProgress('待医疗卫生机构审核(被考核机构驳回)');

    const page = await organisation('DEMO0002');
    await openRecord(page, '/reviews/simplified', '考核机构驳回待审核');
    await page.getByText(REJECTED_BY_ASSESSOR).first().waitFor();
    await screenshot(page, 'review-chain-institution-returned');
    await passAsInstitution(page, 'review-chain-institution-again');
    await page.context().close();

    await assessor.getByRole('menuitem', { name: '简易程序复核' }).click();
    await listed.waitFor();
    await screenshot(assessor, 'review-chain-assessor-list-refreshed');
    await assessor.context().close();
  }, 150_000);

  it('DEMO0001 approves the 免考 and passes: with every paper exempted the cycle completes 合格', async () => {
    const assessor = await organisation('DEMO0001', true);
    await openRecord(assessor, '/reviews/exemption');
    await button(assessor, '下一步').click();
    await button(assessor, '通过').click();
    await assessor.getByRole('dialog', { name: '免考审核通过' }).getByRole('button', { name: /确\s*定/ }).click();
    await assessor.waitForURL('**/reviews/exemption');
    await openRecord(assessor, '/reviews/simplified');
    await button(assessor, '下一步').click();
    await button(assessor, '通过').click();
    await assessor.getByRole('dialog', { name: '复核通过' }).getByRole('button', { name: /确\s*定/ }).click();
    await assessor.waitForURL('**/reviews/simplified');
    await assessor.getByRole('tab', { name: '已审核' }).click();
    const row = assessor.getByRole('row', { name: new RegExp(physician.name) });
    await row.getByText('考核完成').waitFor();
    await screenshot(assessor, 'review-chain-assessor-reviewed');
    await assessor.context().close();
    await expectProgress('考核完成', ['免考通过', '合格']);
  });

  it('the physician sees every step with its reason, and the result in 考核信息查询', async () => {
    const page = await newPage(browser, baseUrl, PHONE);
    await loginThroughForm(page, '医师', physician.idNumber, DEMO_PASSWORD);
    const record = page.locator('.task-timeline');
    for (const label of ['提交报名信息', '医疗卫生机构驳回', '医疗卫生机构审核通过', '医疗卫生机构免考审核通过', '考核机构驳回', '考核机构免考复核通过', '考核机构复核通过']) {
      await record.getByText(label, { exact: true }).first().waitFor();
    }
    await record.getByText(REJECTED_BY_INSTITUTION).waitFor();
    await record.getByText(REJECTED_BY_ASSESSOR).waitFor();
    expect(await record.getByText('考核机构复核通过', { exact: true }).count()).toBe(1);
    await screenshot(page, 'review-chain-physician-timeline');
    await page.goto('/assessment-info');
    await page.getByText('考核完成').first().waitFor();
    await page.getByText('合格', { exact: true }).first().waitFor();
    await screenshot(page, 'review-chain-physician-assessment-info');
    await noSideways(page, PHONE.width);
    await page.context().close();
  });
});
