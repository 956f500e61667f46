import { afterEach, describe, expect, it, vi } from 'vitest';

async function themeWhere(reduce: boolean) {
  vi.resetModules();
  vi.stubGlobal('window', { matchMedia: (query: string) => ({ matches: reduce && query === '(prefers-reduced-motion: reduce)' }) });
  return (await import('./theme')).theme;
}

describe('theme', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('turns antd motion off for people who asked their system for less motion', async () => {
    expect((await themeWhere(true)).token?.motion).toBe(false);
  });

  it('keeps motion for everyone else', async () => {
    expect((await themeWhere(false)).token?.motion).toBe(true);
  });
});
