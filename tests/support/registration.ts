// What the 我要报名 journeys share: a photo drawn by the browser, pickers and uploads, and steps 1 to 4 of the wizard.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { button, formItem, screenshot } from './browser.js';

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');

/** A passport-style photo drawn by the browser itself (the server checks the content, so it must be a real PNG). */
export async function idPhoto(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 300;
    canvas.height = 400;
    const g = canvas.getContext('2d')!;
    g.fillStyle = '#d9e8f7';
    g.fillRect(0, 0, 300, 400);
    g.fillStyle = '#f1c9a5';
    g.beginPath();
    g.ellipse(150, 160, 70, 90, 0, 0, Math.PI * 2);
    g.fill();
    g.fillStyle = '#2b3a55';
    g.fillRect(50, 290, 200, 110);
    return canvas.toDataURL('image/png');
  });
  return Buffer.from(dataUrl.split(',')[1], 'base64');
}


export async function pickFirst(page: Page, item: Locator) {
  await item.locator('.ant-select').click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').first().click();
}

export async function pickDate(item: Locator, date: string) {
  const input = item.locator('input');
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

export async function upload(scope: Locator, file: { name: string; mimeType: string; buffer: Buffer }) {
  await scope.locator('input[type=file]').setInputFiles(file);
}

/** 上传照片 opens the cropper (一寸证件照); 确定 uploads the cropped picture. */
export async function uploadPhoto(page: Page, basic: Locator, photo: Buffer, shot?: string) {
  await upload(basic, { name: '证件照.png', mimeType: 'image/png', buffer: photo });
  const cropper = page.locator('.ant-modal').filter({ hasText: '裁剪照片' });
  await cropper.locator('img').first().waitFor();
  if (shot) await screenshot(page, shot);
  await cropper.getByRole('button', { name: /^确\s*定$/ }).click();
  await page.getByText('照片已上传').waitFor();
  await basic.getByRole('img', { name: '医师照片' }).waitFor();
}

export const stepCard = (page: Page, title: string) => page.locator('.registration-step-card').filter({ has: page.locator('.ant-card-head-title', { hasText: title }) });

/** Steps 1 to 4, from the registry's values; what the registry does not have is filled in here. */
export async function fillFirstFourSteps(page: Page, photo: Buffer | null, shot: string) {
  const basic = stepCard(page, '1 基本信息');
  await basic.waitFor();
  // The registry's values are there already: the physician only checks them.
  expect(await formItem(basic, '姓名').locator('input').inputValue()).not.toBe('');
  expect(await formItem(basic, '证件号码').locator('input').inputValue()).toMatch(/\*{5}/);
  if (photo) await uploadPhoto(page, basic, photo, `${shot}-1-crop`);
  await screenshot(page, `${shot}-1-basic`);
  await button(page, '保存并下一步').click();

  const practice = stepCard(page, '2 执业信息');
  await practice.waitFor({ state: 'visible' });
  // Nothing chosen yet for 从事专业: saving names the step and the field.
  await button(page, '保存并下一步').click();
  await page.getByText('执业信息：请选择从事专业').waitFor();
  // 保存草稿 keeps the step as it is, gaps and all.
  await button(page, '保存草稿').click();
  await page.getByText('执业信息已保存为草稿').waitFor();
  await pickFirst(page, formItem(practice, '从事专业'));
  await pickDate(formItem(practice, '职称取得时间'), '2016-09-01');
  await formItem(practice, '规培生').getByLabel('否').check();
  await upload(practice.locator('[data-slot=licensePage1]'), { name: '执业证书第一页.png', mimeType: 'image/png', buffer: await idPhoto(page) });
  await practice.locator('[data-slot=licensePage1]').getByText('执业证书第一页.png').waitFor();
  await upload(practice.locator('[data-slot=licensePage2]'), { name: '执业证书第二页.png', mimeType: 'image/png', buffer: await idPhoto(page) });
  await practice.locator('[data-slot=licensePage2]').getByText('执业证书第二页.png').waitFor();
  await screenshot(page, `${shot}-2-practice`);
  await button(page, '保存并下一步').click();

  const experience = stepCard(page, '3 相关经历');
  await experience.waitFor({ state: 'visible' });
  await button(experience, '添加教育经历').click();
  const education = experience.locator('.ant-card').filter({ hasText: '教育经历 1' });
  await pickFirst(page, formItem(education, '学历'));
  await formItem(education, '毕业院校').locator('input').fill('中南大学湘雅医学院');
  await formItem(education, '专业').locator('input').fill('临床医学');
  await pickDate(formItem(education, '开始时间'), '1998-09-01');
  await pickDate(formItem(education, '结束时间'), '2003-07-01');
  await screenshot(page, `${shot}-3-experience`);
  await button(page, '保存并下一步').click();

  const conduct = stepCard(page, '4 工作成绩、职业道德');
  await conduct.waitFor({ state: 'visible' });
  await formItem(conduct, '良好执业行为记录').getByLabel('有').check();
  await formItem(conduct, '受到的表彰、奖励').locator('textarea').fill('2025年度长河市优秀医师');
  await formItem(conduct, '不良执业行为记录').getByLabel('无').check();
  await formItem(conduct, '接诊人次').locator('input').fill('5200');
  await formItem(conduct, '职业道德自我评价').locator('textarea').fill('遵守医德规范，尊重患者，廉洁行医，本周期内无投诉。');
  await screenshot(page, `${shot}-4-conduct`);
  await button(page, '保存并下一步').click();
  const procedure = stepCard(page, '5 考核程序');
  await procedure.waitFor({ state: 'visible' });
  return procedure;
}

