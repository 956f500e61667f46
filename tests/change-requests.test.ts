// Journey of 信息修改申请 and 考核信息查询: a physician of DEMO0006 (青山市北岭区妇幼保健院) in 妇产科, on a phone,
// asks to move to 儿科; DEMO0006 opens it from the home's 待处理任务 and approves it; the physician sees the new 科室,
// asks again, DEMO0006 rejects with a reason; and 考核信息查询 shows 本届 and 前两届 (the two earlier cycles are
// created here by the provincial authority: the demo province starts with only 2024-2026年度).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, DESKTOP, PHONE, button, launchBrowser, loginThroughForm, newPage, screenshot } from './support/browser.js';
import { journeyServer } from './support/server.js';
import { choose } from './support/select.js';

let browser: Browser;
const baseUrl = journeyServer().baseUrl;
let physician: { name: string; idNumber: string };

const rows = (page: Page) => page.locator('.ant-table-tbody tr.ant-table-row');


async function noSideways(page: Page, width: number) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

/** As the provincial authority: one physician of DEMO0006 in 妇产科 with the full 证件号码, and two earlier cycles. */
async function prepare(): Promise<{ name: string; idNumber: string }> {
  const context = await browser.newContext({ baseURL: baseUrl });
  try {
    const api = context.request;
    expect((await api.post('/api/v1/auth/login', { data: { tab: 'organization', account: 'wjw990000', password: DEMO_PASSWORD, captcha: 'x' } })).status()).toBe(200);
    const headers = { 'x-csrf-token': (await context.cookies()).find((c) => c.name === 'csrf_token')?.value ?? '' };
    const institutions = (await (await api.get(`/api/v1/institutions?name=${encodeURIComponent('青山市北岭区妇幼保健院')}`)).json()) as { items: { id: number; account: string }[] };
    const institution = institutions.items.find((i) => i.account === 'DEMO0006')!;
    const roster = (await (await api.get(`/api/v1/physicians?institutionId=${institution.id}&tab=confirmed&pageSize=50`)).json()) as {
      items: { id: number; name: string; departmentName: string | null }[];
    };
    // The last one of 妇产科: the 医师列表 journey works on the first rows.
    const chosen = roster.items.filter((p) => p.departmentName === '妇产科').at(-1)!;
    const shown = await api.post(`/api/v1/physicians/${chosen.id}/id-number`, { headers });
    expect(shown.status()).toBe(200);
    // 2021-2023年度 comes with the demo data (finished, with results); an earlier one is added.
    for (const year of [2018]) {
      const w = (m: string) => `${year}-${m}`;
      const res = await api.post('/api/v1/cycles', {
        headers,
        data: {
          name: `${year}-${year + 2}年度`, startDate: w('01-01'), endDate: `${year + 2}-12-31`, isCurrent: false,
          assessorApplicationStart: w('03-01'), assessorApplicationEnd: w('04-30'), registrationStart: w('04-01'), registrationEnd: w('05-31'),
          reviewStart: w('04-15'), reviewEnd: w('06-30'), testStart: w('07-01'), testEnd: w('08-31'),
        },
      });
      expect(res.status(), await res.text()).toBe(201);
    }
    return { name: chosen.name, idNumber: ((await shown.json()) as { idNumber: string }).idNumber };
  } finally {
    await context.close();
  }
}

async function openPhysicianMenu(page: Page, label: string, path: string) {
  await page.getByRole('button', { name: '打开菜单' }).click();
  await page.getByRole('menuitem', { name: label }).click();
  await page.waitForURL(`**${path}`);
}

async function openInstitutionRequests(page: Page) {
  await loginThroughForm(page, '机构', 'DEMO0006', DEMO_PASSWORD);
  const tile = page.getByLabel(/^医师信息修改申请 \d+条$/);
  await expect.poll(async () => Number(/(\d+)条/.exec((await tile.getAttribute('aria-label')) ?? '')?.[1])).toBeGreaterThan(0);
  await screenshot(page, 'change-requests-home-tile');
  await tile.getByRole('link', { name: '去处理' }).click();
  await page.waitForURL('**/change-requests');
}

beforeAll(async () => {
  browser = await launchBrowser();
  physician = await prepare();
});
afterAll(() => browser.close());

describe('信息修改申请 and 考核信息查询', () => {
  it('the physician asks to move from 妇产科 to 儿科 on a phone; DEMO0006 approves it from 待处理任务', async () => {
    const page = await newPage(browser, baseUrl, PHONE);
    await loginThroughForm(page, '医师', physician.idNumber, DEMO_PASSWORD);
    await openPhysicianMenu(page, '信息修改申请', '/change-request');
    const form = page.locator('form#change-request');
    const department = form.locator('.ant-select').first();
    await expect.poll(() => department.innerText()).toContain('妇产科');
    await page.getByText('暂无修改申请').waitFor();

    // Nothing changed yet: the reason alone is refused.
    await form.getByLabel('申请理由').fill('已调至儿科工作');
    await button(form, '提交申请').click();
    await page.getByText('请至少修改一项信息').waitFor();

    await choose(page, form.getByLabel('科室', { exact: true }), '儿科');
    await choose(page, form.getByLabel('从事专业'), '新生儿专业');
    await page.getByText('本次修改：科室、从事专业').waitFor();
    await screenshot(page, 'change-request-form-phone');
    await noSideways(page, PHONE.width);
    await button(form, '提交申请').click();
    await page.getByText('修改申请已提交，请等待本机构审核').waitFor();
    const mine = page.locator('.my-change-request').first();
    await mine.getByText('待审核').waitFor();
    await mine.getByText('儿科', { exact: true }).waitFor();
    await page.getByText('已有待审核的修改申请，请等待机构审核后再提交').waitFor();
    await expect.poll(() => button(form, '提交申请').isDisabled()).toBe(true);
    await screenshot(page, 'change-request-pending-phone');
    await noSideways(page, PHONE.width);

    const office = await newPage(browser, baseUrl, DESKTOP);
    await openInstitutionRequests(office);
    const row = rows(office).filter({ hasText: physician.name });
    await row.getByText('妇产科 → 儿科').waitFor();
    await row.getByText('新生儿专业').waitFor();
    await row.getByText('已调至儿科工作').waitFor();
    await screenshot(office, 'change-requests-list');
    await button(row, '通过').click();
    await office.getByText('确认通过该修改申请？').waitFor();
    await button(office.locator('.ant-popover'), '确定').click();
    await office.getByText('已通过，医师信息已修改').waitFor();
    await expect.poll(() => rows(office).filter({ hasText: physician.name }).count()).toBe(0);
    await office.getByRole('tab', { name: '已通过' }).click();
    const approved = rows(office).filter({ hasText: physician.name });
    await approved.getByText('已通过').waitFor();
    await approved.getByText('妇产科 → 儿科').waitFor();
    await screenshot(office, 'change-requests-approved');

    // The physician's record now says 儿科; the request shows 已通过.
    await page.reload();
    await mine.getByText('已通过').waitFor();
    await expect.poll(() => department.innerText()).toContain('儿科');

    // A second request, rejected: the reason is required, and the physician reads it.
    await choose(page, form.getByLabel('职务', { exact: true }), '医疗组长');
    await form.getByLabel('申请理由').fill('已任医疗组长');
    await button(form, '提交申请').click();
    await page.getByText('修改申请已提交，请等待本机构审核').waitFor();

    // Back to the home page: the tile counts it again, and 去处理 lists it.
    await office.getByRole('menuitem', { name: '首页' }).click();
    await office.getByLabel('医师信息修改申请 1条').getByRole('link', { name: '去处理' }).click();
    await office.waitForURL('**/change-requests');
    const second = rows(office).filter({ hasText: '已任医疗组长' });
    await button(second, '驳回').click();
    const modal = office.locator('.ant-modal').filter({ hasText: '驳回理由' });
    await button(modal, '确认驳回').click();
    await modal.getByText('请输入驳回理由').waitFor();
    await modal.getByLabel('驳回理由').fill('请先提交任职文件');
    await screenshot(office, 'change-requests-reject');
    await button(modal, '确认驳回').click();
    await office.getByText('已驳回', { exact: true }).first().waitFor();
    await expect.poll(() => rows(office).filter({ hasText: '已任医疗组长' }).count()).toBe(0);
    await office.context().close();

    await page.reload();
    await page.locator('.my-change-request').first().getByText('驳回理由：请先提交任职文件').waitFor();
    await expect.poll(() => button(form, '提交申请').isDisabled()).toBe(false);
    await screenshot(page, 'change-request-rejected-phone');
    await page.context().close();
  });

  it('考核信息查询 shows 本届 and 前两届 on a phone, 无 where there was no enrolment', async () => {
    const page = await newPage(browser, baseUrl, PHONE);
    await loginThroughForm(page, '医师', physician.idNumber, DEMO_PASSWORD);
    await openPhysicianMenu(page, '考核信息查询', '/assessment-info');
    const cycles = page.locator('.assessment-cycle');
    await expect.poll(() => cycles.count()).toBe(3);
    const titles = await cycles.locator('.ant-card-head-title').allInnerTexts();
    expect(titles.map((t) => t.slice(0, 11))).toEqual(['2024-2026年度', '2021-2023年度', '2018-2020年度']);
    await cycles.nth(0).getByText('本届').waitFor();
    await cycles.nth(0).getByText('青山市北岭区妇幼保健院').waitFor();
    await cycles.nth(0).getByText('待报名').waitFor();
    // 2021-2023年度 is the demo data's finished cycle: 考核完成 with its result where the physician took part, else 无.
    const previous = await cycles.nth(1).locator('.ant-descriptions-item-content').allInnerTexts();
    expect(previous[1] === '无' ? previous : previous.slice(1)).toEqual(previous[1] === '无' ? ['无', '无', '无'] : ['考核完成', expect.stringMatching(/^(合格|不合格)$/)]);
    expect(await cycles.nth(2).locator('.ant-descriptions-item-content').allInnerTexts()).toEqual(['无', '无', '无']);
    await screenshot(page, 'assessment-info-phone');
    await noSideways(page, PHONE.width);
    await page.context().close();
  });
});
