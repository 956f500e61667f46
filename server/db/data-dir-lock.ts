// PGlite has no lock between processes: two openers of one folder silently lose writes.
// The app therefore holds an exclusive lock on the data folder for as long as it runs: `.lock` (proper-lockfile: a
// directory whose mtime is refreshed every 5 s and counts as abandoned after 15 s) and `.lock-owner.json` naming the
// holder's process and host, so that the lock of a process killed on this machine is taken over at once.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';

export class DataDirLockedError extends Error {
  constructor(dataDir: string) {
    super(`数据目录 ${dataDir} 已被另一个正在运行的实例占用，本实例退出。请先停止另一个实例，或用 DATA_DIR 指定其他目录。`);
  }
}

interface Owner {
  pid: number;
  hostname: string;
}

function readOwner(file: string): Owner | null {
  try {
    const owner = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Owner>;
    return Number.isInteger(owner.pid) && typeof owner.hostname === 'string' ? (owner as Owner) : null;
  } catch {
    return null;
  }
}

/** True only when the owner is surely gone: a process of this machine that no longer exists. */
function ownerGone(owner: Owner | null): boolean {
  if (!owner || owner.hostname !== os.hostname() || owner.pid === process.pid) return false;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH'; // EPERM: it exists, under another user
  }
}

/** A guard older than this was left by a process killed in the milliseconds it takes to start. */
const GUARD_ABANDONED_MS = 10_000;

/**
 * Serialises taking the lock and naming its owner, so that two starters never both take over one dead owner's lock
 * (nor one take over the lock the other has just taken but not yet named).
 */
function takeGuard(guard: string, dataDir: string): void {
  try {
    fs.mkdirSync(guard);
    return;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const since = fs.statSync(guard, { throwIfNoEntry: false });
  if (since && Date.now() - since.mtimeMs < GUARD_ABANDONED_MS) throw new DataDirLockedError(dataDir);
  fs.rmSync(guard, { recursive: true, force: true });
  try {
    fs.mkdirSync(guard);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new DataDirLockedError(dataDir);
    throw err;
  }
}

/** Takes the lock or throws DataDirLockedError at once; returns the release function. */
export async function lockDataDir(dataDir: string, onLost: (err: Error) => void): Promise<() => Promise<void>> {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, '.lock');
  const ownerPath = path.join(dataDir, '.lock-owner.json');
  const guardPath = path.join(dataDir, '.lock-guard');
  const take = async () => {
    try {
      return await lockfile.lock(dataDir, { lockfilePath: lockPath, stale: 15_000, update: 5_000, retries: 0, onCompromised: onLost });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ELOCKED') return null;
      throw err;
    }
  };

  takeGuard(guardPath, dataDir);
  try {
    let release = await take();
    if (!release && ownerGone(readOwner(ownerPath))) {
      fs.rmSync(lockPath, { recursive: true, force: true });
      release = await take();
    }
    if (!release) throw new DataDirLockedError(dataDir);
    const owner: Owner = { pid: process.pid, hostname: os.hostname() };
    fs.writeFileSync(ownerPath, JSON.stringify(owner));
    const releaseLock = release;
    return async () => {
      // Only our own name: a holder that took over a lock we had lost keeps its own.
      if (readOwner(ownerPath)?.pid === owner.pid) fs.rmSync(ownerPath, { force: true });
      await releaseLock();
    };
  } finally {
    fs.rmSync(guardPath, { recursive: true, force: true });
  }
}
