// Choosing in an antd Select as a person does, and looking that the field shows the choice.
import type { Locator, Page } from 'playwright-core';

const openList = (page: Page) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');

/** The Select or TreeSelect around `field` (its labelled input). */
const selectAround = (field: Locator) => field.locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " ant-select ")][1]');

/** The Select or TreeSelect around `field` shows `option` as its value or one of its tags. */
export const showsChoice = (field: Locator, option: string) => selectAround(field).locator(`[title="${option}"]`).first();

/**
 * Picks until the field shows the choice, three times at most: a click that is lost (see below) leaves the field
 * unchanged, and a person sees that and chooses again.
 */
async function untilShown(pick: (attempt: number) => Promise<void>, shown: Locator) {
  for (let attempt = 1; ; attempt++) {
    await pick(attempt);
    try {
      await shown.waitFor({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/** Opens the Select, clicks `option`, and waits until the field shows it. A click while the list still moves in is lost. */
export async function choose(page: Page, field: Locator, option: string) {
  const item = openList(page).getByTitle(option, { exact: true }).first();
  await untilShown(async () => {
    if (!(await item.isVisible())) await field.click();
    await item.click();
  }, showsChoice(field, option));
}

/**
 * Types `search` into a Select whose options come from the server, clicks the option that contains `option`, and
 * waits until the field shows it. The list is redrawn when the server's answer comes: a click on the list as it was
 * before is lost, the list stays open, and the search is typed again if it has closed.
 */
export async function chooseSearched(page: Page, field: Locator, search: string, option: string) {
  await untilShown(async (attempt) => {
    if (attempt === 1 || !(await openList(page).isVisible())) await field.fill(search);
    await openList(page).locator('.ant-select-item-option').filter({ hasText: option }).first().click();
  }, selectAround(field).locator(`[title*="${option}"]`).first());
}
