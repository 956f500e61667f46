import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startTsWorker, workerMessages } from './ts-worker.js';

const entry = new URL('../test-support/echo-worker.ts', import.meta.url);

describe('a TypeScript worker thread', () => {
  it('runs its entry with its input, and no message is lost while its starter is busy elsewhere', async () => {
    const worker = await startTsWorker(entry, '甲');
    const messages = workerMessages<string>(worker);
    // The starter waits (as an import waits for the database) while the thread has long posted its first message.
    await sleep(1500);
    worker.postMessage('乙');
    worker.postMessage('stop');
    const received: string[] = [];
    for await (const message of messages) received.push(message);
    expect(received).toEqual(['甲', '乙']);
  });

  it('runs an entry from a folder whose name has Chinese characters and a space', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), '医师 考核-'));
    try {
      for (const file of ['test-support/echo-worker.ts', 'lib/worker-input.ts']) {
        fs.mkdirSync(path.join(root, path.dirname(file)), { recursive: true });
        fs.copyFileSync(new URL(`../${file}`, import.meta.url), path.join(root, file));
      }
      const worker = await startTsWorker(pathToFileURL(path.join(root, 'test-support/echo-worker.ts')), '丁');
      expect((await workerMessages<string>(worker).next()).value).toBe('丁');
      await worker.terminate();
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('starts again after its bundle file was removed (a cleaner of the temporary folder)', async () => {
    const folder = path.join(os.tmpdir(), 'physician-assessment-workers');
    const bundles = () => fs.readdirSync(folder).filter((f) => f.startsWith('echo-worker-'));
    expect(bundles().length).toBeGreaterThan(0);
    for (const file of bundles()) fs.rmSync(path.join(folder, file));
    const worker = await startTsWorker(entry, '丙');
    expect((await workerMessages<string>(worker).next()).value).toBe('丙');
    await worker.terminate();
    expect(bundles().length).toBe(1);
  });

  it("deletes its entry's bundles of other versions and partial files a day old, and nothing newer or of other entries", async () => {
    // An entry of a name of its own: the API projects run this file in two processes at once, on one temporary folder.
    const name = `sweep-${crypto.randomBytes(4).toString('hex')}`;
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sweep-'));
    fs.mkdirSync(path.join(root, 'test-support'));
    fs.mkdirSync(path.join(root, 'lib'));
    fs.copyFileSync(new URL('../test-support/echo-worker.ts', import.meta.url), path.join(root, 'test-support', `${name}.ts`));
    fs.copyFileSync(new URL('./worker-input.ts', import.meta.url), path.join(root, 'lib/worker-input.ts'));
    const folder = path.join(os.tmpdir(), 'physician-assessment-workers');
    fs.mkdirSync(folder, { recursive: true });
    const dayOld = new Date(Date.now() - 25 * 60 * 60 * 1000);
    const file = (file: string, old: boolean) => {
      fs.writeFileSync(path.join(folder, file), '');
      if (old) fs.utimesSync(path.join(folder, file), dayOld, dayOld);
      return file;
    };
    const stale = [file(`${name}-0000000000000001.mjs`, true), file(`${name}-0000000000000002.mjs.123.456`, true)];
    const kept = [file(`${name}-0000000000000003.mjs`, false), file(`${name}x-0000000000000004.mjs`, true)];
    try {
      const worker = await startTsWorker(pathToFileURL(path.join(root, 'test-support', `${name}.ts`)), '戊');
      expect((await workerMessages<string>(worker).next()).value).toBe('戊');
      await worker.terminate();
      const left = fs.readdirSync(folder);
      for (const f of stale) expect(left).not.toContain(f);
      for (const f of kept) expect(left).toContain(f);
      // and its own new bundle
      expect(left.filter((f) => new RegExp(`^${name}-[0-9a-f]{16}\\.mjs$`).test(f) && !kept.includes(f))).toHaveLength(1);
    } finally {
      for (const f of fs.readdirSync(folder).filter((f) => f.startsWith(name))) fs.rmSync(path.join(folder, f), { force: true });
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
