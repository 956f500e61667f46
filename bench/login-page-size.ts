// Measures what a first visit to the login page downloads: every JS and CSS file, raw and gzip-compressed.
// Usage: start the app (npm start), then `npx tsx bench/login-page-size.ts [http://localhost:3000]`.
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';

const baseUrl = process.argv[2] ?? 'http://localhost:3000';
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage();
const files: { url: string; type: string; raw: number; gzip: number }[] = [];
page.on('response', async (response) => {
  const url = response.url();
  const type = url.endsWith('.js') ? 'js' : url.endsWith('.css') ? 'css' : null;
  if (!type) return;
  const body = await response.body();
  files.push({ url: new URL(url).pathname, type, raw: body.length, gzip: zlib.gzipSync(body, { level: 9 }).length });
});
await page.goto(`${baseUrl}/login`, { waitUntil: 'networkidle' });
await page.getByRole('button', { name: /登\s*录/ }).waitFor();
await browser.close();

const sum = (type: string, key: 'raw' | 'gzip') => files.filter((f) => f.type === type).reduce((n, f) => n + f[key], 0);
for (const f of files.sort((a, b) => b.gzip - a.gzip)) console.log(`${String(f.gzip).padStart(8)} gz ${String(f.raw).padStart(9)} raw  ${f.url}`);
console.log(`login page JS: ${files.filter((f) => f.type === 'js').length} files, ${sum('js', 'raw')} bytes raw, ${sum('js', 'gzip')} bytes gzip`);
console.log(`login page CSS: ${sum('css', 'raw')} bytes raw, ${sum('css', 'gzip')} bytes gzip`);
