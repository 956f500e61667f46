import { spawn, type ChildProcess } from 'node:child_process';
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

  it('takes over at once the lock of a holder killed with kill -9, and still refuses a live holder', async () => {
    const dir = tempDir();
    const holder = await holdInChild(dir);
    try {
      await expect(lockDataDir(dir, noLoss)).rejects.toBeInstanceOf(DataDirLockedError);
    } finally {
      holder.kill('SIGKILL');
      await new Promise((resolve) => holder.once('exit', resolve));
    }
    // Well inside the 15 s after which an unrefreshed lock counts as abandoned.
    releases.push(await lockDataDir(dir, noLoss));
    await expect(lockDataDir(dir, noLoss)).rejects.toBeInstanceOf(DataDirLockedError);
  });

  it('does not take over a lock whose owner runs on another host', async () => {
    const dir = tempDir();
    const holder = await holdInChild(dir);
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.once('exit', resolve));
    const ownerFile = path.join(dir, '.lock-owner.json');
    const owner = JSON.parse(fs.readFileSync(ownerFile, 'utf8')) as { pid: number };
    fs.writeFileSync(ownerFile, JSON.stringify({ ...owner, hostname: `not-${os.hostname()}` }));
    await expect(lockDataDir(dir, noLoss)).rejects.toBeInstanceOf(DataDirLockedError);
  });
});

/** A separate Node process that takes the lock on `dir` and keeps it until it is killed. */
async function holdInChild(dir: string): Promise<ChildProcess> {
  const script = `
    const { lockDataDir } = await import(${JSON.stringify(path.join(import.meta.dirname, 'data-dir-lock.ts'))});
    await lockDataDir(${JSON.stringify(dir)}, () => {});
    console.log('locked');
    setInterval(() => {}, 60_000);
  `;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', script], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('locked')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the lock holder exited early (${code})`)));
  });
  return child;
}
