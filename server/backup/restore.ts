// `restore <file> [--force]`: puts a backup's database and files back into the configured (empty) target and
// checks every table's row count and the file count against the backup's manifest.
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

export class RestoreRefusedError extends Error {}

async function databaseIsEmpty(config: Config): Promise<boolean> {
  if (!config.databaseUrl) {
    const dir = pgliteDir(config);
    return !fs.existsSync(dir) || fs.readdirSync(dir).length === 0;
  }
  return withDatabase(config, async (query) => {
    const { rows } = await query(`select count(*)::int as n from information_schema.tables where table_schema in ('public', 'drizzle')`);
    return rows[0].n === 0;
  });
}

async function restoreDatabase(config: Config, work: string, force: boolean): Promise<void> {
  if (config.databaseUrl) {
    if (force) {
      await withDatabase(config, (query) => query('drop schema if exists drizzle cascade; drop schema if exists public cascade; create schema public'));
    }
    await run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', `--dbname=${config.databaseUrl}`, path.join(work, PG_DUMP)]);
    return;
  }
  fs.rmSync(pgliteDir(config), { recursive: true, force: true });
  const dump = fs.readFileSync(path.join(work, PGLITE_DUMP));
  const { PGlite } = await import('@electric-sql/pglite');
  const client = new PGlite(pgliteDir(config), { loadDataDir: new Blob([dump]) });
  await client.waitReady;
  await client.close();
}

export async function restoreBackup(config: Config, file: string, options: { force?: boolean } = {}): Promise<BackupManifest> {
  const force = options.force ?? false;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'restore-'));
  // The embedded database must not be open elsewhere while it is replaced.
  const release = config.databaseUrl ? null : await lockDataDir(config.dataDir, () => {});
  try {
    await tar.extract({ file: path.resolve(file), cwd: work });
    if (!fs.existsSync(path.join(work, MANIFEST))) throw new RestoreRefusedError(`${file} 不是本系统的备份文件`);
    const manifest = JSON.parse(fs.readFileSync(path.join(work, MANIFEST), 'utf8')) as BackupManifest;
    const kind = config.databaseUrl ? 'postgresql' : 'pglite';
    if (manifest.format !== 1 || manifest.database !== kind) {
      throw new RestoreRefusedError(`备份的数据库类型为 ${manifest.database}，当前配置为 ${kind}：请使用相同类型的数据库恢复`);
    }
    const keys = keyFingerprint(currentKeys(config));
    if (manifest.keyFingerprint && keys !== manifest.keyFingerprint) {
      throw new RestoreRefusedError(
        keys
          ? '当前密钥与备份时的密钥不同：请配置备份时使用的 ID_ENCRYPTION_KEY / ID_HMAC_KEY（或放回原 keys.json）后再恢复'
          : '未找到证件号码密钥：请先配置备份时使用的 ID_ENCRYPTION_KEY / ID_HMAC_KEY（或将原 keys.json 放回 DATA_DIR）后再恢复',
      );
    }
    const filesPresent = listFiles(config.filesDir).length > 0;
    if (!force && (!(await databaseIsEmpty(config)) || filesPresent)) {
      throw new RestoreRefusedError('目标数据库或文件目录非空，恢复会覆盖现有数据；如确需覆盖，请加 --force');
    }

    await restoreDatabase(config, work, force);
    if (force) fs.rmSync(config.filesDir, { recursive: true, force: true });
    const restoredFiles = path.join(work, FILES);
    if (fs.existsSync(restoredFiles)) fs.cpSync(restoredFiles, config.filesDir, { recursive: true });

    const tables = await withDatabase(config, (query) => countRows(query));
    const files = listFiles(config.filesDir).length;
    const differing = Object.keys({ ...manifest.tables, ...tables }).filter((t) => manifest.tables[t] !== tables[t]);
    if (differing.length > 0 || files !== manifest.files) {
      throw new Error(`恢复结果与备份清单不一致：${[...differing, ...(files !== manifest.files ? ['files'] : [])].join('、')}`);
    }
    return manifest;
  } finally {
    if (release) await release();
    fs.rmSync(work, { recursive: true, force: true });
  }
}
