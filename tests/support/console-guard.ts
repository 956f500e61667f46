// Every journey ends with a clean browser console: an uncaught exception, a console.error or a failed request the
// journey did not provoke on purpose fails the test that was running (registered once in vitest.config.ts as a
// setup file of the browser project, so no test body has to ask for it).
//
// Chromium logs "Failed to load resource: … status of 409 (Conflict)" for every non-2xx response. Such a line
// fails the journey unless the journey declared that refusal with `expectRefusal(page, status)`: a wrong password
// (401) or a conflict shown as a message (409) is part of the story, an unexpected 404 or any 5xx is a fault.
// React warnings (console.warning, e.g. a list without keys) are recorded and printed but do not fail.
import type { BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { afterEach, expect } from 'vitest';

const errors: string[] = [];
const warnings: string[] = [];
const expected = new WeakMap<Page, Set<number>>();

/** The journey provokes a refusal with this HTTP status on purpose (0: the page is offline): Chromium's line for it is not a fault. */
export function expectRefusal(page: Page, ...statuses: number[]): void {
  const set = expected.get(page) ?? new Set<number>();
  for (const s of statuses) set.add(s);
  expected.set(page, set);
}

function onConsole(message: ConsoleMessage): void {
  const type = message.type();
  if (type !== 'error' && type !== 'warning') return;
  const text = message.text();
  const where = message.location().url;
  if (type === 'warning') {
    warnings.push(`${text} (${where})`);
    return;
  }
  const failed = /^Failed to load resource: the server responded with a status of (\d{3})/.exec(text);
  const page = message.page();
  if (failed && page && expected.get(page)?.has(Number(failed[1]))) return;
  // A journey that takes the page offline on purpose declares it as `expectRefusal(page, 0)`.
  if (/net::ERR_INTERNET_DISCONNECTED/.test(text) && page && expected.get(page)?.has(0)) return;
  errors.push(failed ? `${text} — ${where}` : `console.error: ${text} (${where})`);
}

/** Records what the pages of this context log (popups included). */
export function watchConsole(context: BrowserContext): void {
  context.on('console', onConsole);
  context.on('weberror', (error) => errors.push(`uncaught: ${error.error().stack ?? error.error().message}`));
}

afterEach(() => {
  const seen = errors.splice(0);
  const warned = warnings.splice(0);
  if (warned.length) console.warn(`browser warnings:\n${warned.join('\n')}`);
  expect(seen, 'the browser console stays clean').toEqual([]);
});
