// Choosing in an antd Select as a person does, and looking that the field shows the choice.
import type { Locator, Page } from 'playwright-core';

const openList = (page: Page) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');

/** The Select or TreeSelect around `field` (its labelled input) shows `option` as its value or one of its tags. */
export const showsChoice = (field: Locator, option: string) =>
  field.locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " ant-select ")][1]').locator(`[title="${option}"]`).first();

/**
 * Opens the Select, clicks `option`, and waits until the field shows it. A click that lands while the list is
 * still moving in is lost; a person sees the field unchanged and chooses again, and so does this.
 */
export async function choose(page: Page, field: Locator, option: string) {
  for (let attempt = 1; ; attempt++) {
    const item = openList(page).getByTitle(option, { exact: true }).first();
    if (!(await item.isVisible())) await field.click();
    await item.click();
    try {
      await showsChoice(field, option).waitFor({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/**
 * Types `search` into a Select whose options come from the server, clicks the option that contains `option`, and
 * waits until the field shows it. The list is redrawn when the server's answer comes: a click on the list as it was
 * before is lost, and a person sees the field still empty and the list still open, and clicks again.
 */
export async function chooseSearched(page: Page, field: Locator, search: string, option: string) {
  const select = field.locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " ant-select ")][1]');
  for (let attempt = 1; ; attempt++) {
    if (attempt === 1 || !(await openList(page).isVisible())) await field.fill(search);
    await openList(page).locator('.ant-select-item-option').filter({ hasText: option }).first().click();
    try {
      await select.locator(`[title*="${option}"]`).first().waitFor({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}
