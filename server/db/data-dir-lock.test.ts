import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './data-dir-lock.js';

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lock-test-'));
  tempDirs.push(dir);
  return dir;
}
const releases: Array<() => Promise<void>> = [];
afterEach(async () => {
  // Release anything a failing test left held, so its update timer does not outlive the file.
  while (releases.length) await releases.pop()!().catch(() => undefined);
});
afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

const noLoss = (err: Error) => {
  throw err;
};

describe('lockDataDir', () => {
  it('takes the lock on a free folder and marks it with a .lock entry', async () => {
    const dir = tempDir();
    const release = await lockDataDir(dir, noLoss);
    releases.push(release);
    expect(typeof release).toBe('function');
    expect(fs.existsSync(path.join(dir, '.lock'))).toBe(true);
  });

  it('creates the folder when it does not exist yet', async () => {
    const dir = path.join(tempDir(), 'nested', 'data');
    const release = await lockDataDir(dir, noLoss);
    releases.push(release);
    expect(fs.statSync(dir).isDirectory()).toBe(true);
  });

  it('refuses a second lock on the same folder at once with DataDirLockedError naming the folder', async () => {
    const dir = tempDir();
    releases.push(await lockDataDir(dir, noLoss));

    const started = Date.now();
    const error = await lockDataDir(dir, noLoss).then(
      () => null,
      (err: unknown) => err,
    );
    const elapsed = Date.now() - started;

    expect(error).toBeInstanceOf(DataDirLockedError);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toContain(dir);
    expect(message).toContain('已被另一个正在运行的实例占用');
    expect(message).toContain('DATA_DIR');
    expect(elapsed).toBeLessThan(1_000);
  });

  it('lets a new lock be taken after the first is released', async () => {
    const dir = tempDir();
    const first = await lockDataDir(dir, noLoss);
    await first();
    expect(fs.existsSync(path.join(dir, '.lock'))).toBe(false);

    const second = await lockDataDir(dir, noLoss);
    releases.push(second);
    expect(fs.existsSync(path.join(dir, '.lock'))).toBe(true);
    await expect(lockDataDir(dir, noLoss)).rejects.toBeInstanceOf(DataDirLockedError);
  });

  it('locks different folders independently', async () => {
    const a = tempDir();
    const b = tempDir();
    releases.push(await lockDataDir(a, noLoss));
    releases.push(await lockDataDir(b, noLoss));
    await expect(lockDataDir(a, noLoss)).rejects.toBeInstanceOf(DataDirLockedError);
    await expect(lockDataDir(b, noLoss)).rejects.toBeInstanceOf(DataDirLockedError);
  });
});
