// `backup <file>`: the database (pg_dump -Fc on PostgreSQL; PGlite's own data-folder dump) and the uploaded
// files in one tar archive, with a manifest. The keys are never in it.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import * as tar from 'tar';
import type { Config } from '../config.js';
import { lockDataDir } from '../db/data-dir-lock.js';
import { FILES, MANIFEST, PGLITE_DUMP, PG_DUMP, countRows, currentKeys, keyFingerprint, listFiles, pgliteDir, withDatabase, type BackupManifest } from './common.js';

const run = promisify(execFile);

export async function createBackup(config: Config, file: string): Promise<BackupManifest> {
  const target = path.resolve(file);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'backup-'));
  // On the embedded database the server must be stopped: the folder has one opener.
  const release = config.databaseUrl ? null : await lockDataDir(config.dataDir, () => {});
  try {
    if (!config.databaseUrl && !fs.existsSync(pgliteDir(config))) throw new Error(`没有可备份的数据库：${pgliteDir(config)} 不存在`);
    const tables = await withDatabase(config, async (query, pglite) => {
      if (pglite) {
        const dump = await pglite.dumpDataDir('gzip');
        fs.writeFileSync(path.join(work, PGLITE_DUMP), Buffer.from(await dump.arrayBuffer()));
      }
      return countRows(query);
    });
    if (config.databaseUrl) {
      await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${path.join(work, PG_DUMP)}`, `--dbname=${config.databaseUrl}`]);
    }
    const files = listFiles(config.filesDir);
    const manifest: BackupManifest = {
      format: 1,
      createdAt: new Date().toISOString(),
      database: config.databaseUrl ? 'postgresql' : 'pglite',
      tables,
      files: files.length,
      keyFingerprint: keyFingerprint(currentKeys(config)),
    };
    fs.writeFileSync(path.join(work, MANIFEST), JSON.stringify(manifest, null, 2));

    // Written beside the target and renamed at the end, so a failed backup never looks like a good one.
    const partial = `${target}.part`;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    await tar.create({ file: partial, cwd: work, portable: true }, [MANIFEST, config.databaseUrl ? PG_DUMP : PGLITE_DUMP]);
    if (files.length > 0) {
      await tar.replace({ file: partial, cwd: config.filesDir, portable: true, prefix: FILES }, files);
    }
    fs.chmodSync(partial, 0o600);
    fs.renameSync(partial, target);
    return manifest;
  } finally {
    if (release) await release();
    fs.rmSync(work, { recursive: true, force: true });
  }
}
