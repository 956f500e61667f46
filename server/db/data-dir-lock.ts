// PGlite has no lock between processes: two openers of one folder silently lose writes.
// The app therefore holds an exclusive lock on the data folder for as long as it runs.
import fs from 'node:fs';
import lockfile from 'proper-lockfile';

export class DataDirLockedError extends Error {
  constructor(dataDir: string) {
    super(`数据目录 ${dataDir} 已被另一个正在运行的实例占用，本实例退出。请先停止另一个实例，或用 DATA_DIR 指定其他目录。`);
  }
}

/** Takes the lock or throws DataDirLockedError at once; returns the release function. */
export async function lockDataDir(dataDir: string, onLost: (err: Error) => void): Promise<() => Promise<void>> {
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    return await lockfile.lock(dataDir, {
      lockfilePath: `${dataDir}/.lock`,
      stale: 15_000,
      update: 5_000,
      retries: 0,
      onCompromised: onLost,
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOCKED') throw new DataDirLockedError(dataDir);
    throw err;
  }
}
