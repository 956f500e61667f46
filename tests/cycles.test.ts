// 考核周期, 考核政策 and the authority's home, as the provincial and a city authority see them.
// Creates and edits only its own non-current cycle 「2027-2029年度」; the current 2024-2026年度 and the policy stay as seeded.
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

/** Types both ends of the RangePicker whose label is `label`, as a person would. */
async function fillRange(page: Page, label: string, start: string, end: string) {
  const startInput = page.getByRole('dialog').getByLabel(label, { exact: true });
  const picker = startInput.locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " ant-picker-range ")]');
  await startInput.click();
  await startInput.fill(start);
  await startInput.press('Enter');
  const endInput = picker.locator('input').nth(1);
  await endInput.fill(end);
  await endInput.press('Enter');
  await expect.poll(() => picker.locator('input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toEqual([start, end]);
}

const fieldError = (page: Page, text: string) => page.locator('.ant-form-item-explain-error', { hasText: text });

async function openMenu(page: Page, label: string, path: string) {
  await page.getByRole('menu').last().getByText(label, { exact: true }).click();
  await page.waitForURL(`**${path}`);
}

describe('考核周期, 考核政策 and the home of the provincial authority', () => {
  it('wjw990000 sees the rates, creates 2027-2029年度 (refused while a window lies outside it), edits it, and views the policy', async () => {
    const page = await newPage(browser, baseUrl);
    await loginThroughForm(page, '机构', 'wjw990000', DEMO_PASSWORD);

    // 首页: jurisdiction, counts, 考核安排, the three rates, institutions without 考核机构.
    await page.getByText('当前身份：卫生行政部门').waitFor();
    await page.getByText('管辖区域：演示省').waitFor();
    for (const title of ['医疗卫生机构数', '医师数', '已确认参加医师数', '报名完成率', '审核完成率', '最终完成率']) {
      await page.getByText(title, { exact: true }).first().waitFor();
    }
    await page.getByText('2024-2026年度').waitFor();
    const registrationRate = await page.getByLabel(/^报名完成率 \d+% \d+\/\d+$/).getAttribute('aria-label');
    const [, , done, total] = /(\d+)% (\d+)\/(\d+)/.exec(registrationRate ?? '')!;
    expect(Number(total)).toBeGreaterThan(0);
    expect(Number(done)).toBeLessThanOrEqual(Number(total));
    await page.getByText('未指定考核机构的机构', { exact: true }).first().waitFor();
    await screenshot(page, 'authority-home');

    // 考核周期: the seeded current cycle is listed and marked.
    await openMenu(page, '考核周期', '/cycles');
    const current = page.getByRole('row', { name: /2024-2026年度/ });
    await current.getByText('当前周期').waitFor();
    await screenshot(page, 'cycles-list');

    // 新建: a 医师报名 window after the cycle ends is refused on that field.
    await page.getByRole('button', { name: '新建考核周期' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('新建考核周期').waitFor();
    await dialog.getByLabel('名称').fill('2027-2029年度');
    await fillRange(page, '周期起止', '2027-01-01', '2029-12-31');
    await fillRange(page, '考核机构申请', '2027-03-01', '2027-04-30');
    await fillRange(page, '医师报名', '2030-01-01', '2030-02-28');
    await fillRange(page, '报名信息审核', '2027-04-15', '2027-06-30');
    await fillRange(page, '测评考核', '2027-07-01', '2027-08-31');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await fieldError(page, '医师报名须在周期起止（2027-01-01 至 2029-12-31）之内').waitFor();
    await screenshot(page, 'cycles-create-invalid');

    // Fixed, it is created — not current — and listed.
    await fillRange(page, '医师报名', '2027-04-01', '2027-05-31');
    await expect.poll(() => fieldError(page, '医师报名须在周期起止').count()).toBe(0);
    expect(await dialog.getByRole('switch').getAttribute('aria-checked')).toBe('false');
    await screenshot(page, 'cycles-create-form');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('考核周期已创建').waitFor();
    await dialog.waitFor({ state: 'detached' });
    const created = page.getByRole('row', { name: /2027-2029年度/ });
    await created.getByText('2027-01-01 ~ 2029-12-31').waitFor();
    await created.getByText('2027-04-01 ~ 2027-05-31').waitFor();
    expect(await created.getByText('当前周期').count()).toBe(0);
    await current.getByText('当前周期').waitFor();

    // 编辑: a name the province already has is refused by the server, on the 名称 field; then the test window moves.
    expectRefusal(page, 409);
    await created.getByRole('button', { name: /编\s*辑/ }).click();
    await dialog.getByText('编辑考核周期').waitFor();
    await dialog.getByLabel('名称').fill('2024-2026年度');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await fieldError(page, '该名称的考核周期已存在').waitFor();
    await screenshot(page, 'cycles-edit-duplicate');
    await dialog.getByLabel('名称').fill('2027-2029年度');
    await fillRange(page, '测评考核', '2027-07-01', '2027-09-30');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('考核周期已保存').waitFor();
    await created.getByText('2027-07-01 ~ 2027-09-30').waitFor();
    await screenshot(page, 'cycles-edited');

    // 考核政策: the seeded values, editable by the province.
    await openMenu(page, '考核政策', '/policy');
    await page.getByText('初始密码规则').waitFor();
    expect(await page.getByRole('radio', { name: '666666' }).isChecked()).toBe(true);
    expect(await page.getByLabel('连续错误次数上限').inputValue()).toBe('5');
    expect(await page.getByLabel('锁定时长（分钟）').inputValue()).toBe('15');
    expect(await page.getByLabel('人脸相似度阈值（%）').inputValue()).toBe('40');
    const standardPapers = page.locator('.ant-form-item').filter({ hasText: '一般程序测评试卷' });
    expect(await standardPapers.getByRole('checkbox', { name: '医学人文·法律法规' }).isChecked()).toBe(true);
    expect(await standardPapers.getByRole('checkbox', { name: '业务水平' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: /保\s*存/ }).waitFor();
    await screenshot(page, 'policy-province');
    await page.context().close();
  });

  it('the city authority wjw990100 sees the cycles and the policy but changes neither, and its own home', async () => {
    const page = await newPage(browser, baseUrl);
    await loginThroughForm(page, '机构', 'wjw990100', DEMO_PASSWORD);
    await page.getByText('管辖区域：演示省 长河市').waitFor();
    await page.getByText('报名完成率', { exact: true }).waitFor();
    await screenshot(page, 'authority-home-city');

    await openMenu(page, '考核周期', '/cycles');
    await page.getByRole('row', { name: /2024-2026年度/ }).waitFor();
    expect(await page.getByRole('button', { name: '新建考核周期' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /编\s*辑/ }).count()).toBe(0);
    await screenshot(page, 'cycles-list-city');

    await openMenu(page, '考核政策', '/policy');
    await page.getByText('考核政策由省级卫生行政部门设置，此处仅供查看').waitFor();
    expect(await page.getByLabel('连续错误次数上限').isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: /保\s*存/ }).count()).toBe(0);
    await screenshot(page, 'policy-city');
    await page.context().close();
  });
});
