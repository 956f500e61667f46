// What backup and restore share: the archive's layout, the database connection per kind, the keys' fingerprint.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { Config } from '../config.js';
import { parseKeys, type PiiKeys } from '../lib/pii.js';

/** Archive entries: this manifest, the database (`database.dump`: pg_dump -Fc; `database.tar.gz`: PGlite), `files/`. */
export interface BackupManifest {
  format: 1;
  createdAt: string;
  database: 'pglite' | 'postgresql';
  /** Rows per table at backup time; restore checks the restored database against them. */
  tables: Record<string, number>;
  files: number;
  /** A one-way fingerprint of the 证件号码 keys (never the keys): restore refuses other keys. */
  keyFingerprint: string | null;
}

export const MANIFEST = 'manifest.json';
export const PG_DUMP = 'database.dump';
export const PGLITE_DUMP = 'database.tar.gz';
export const FILES = 'files';

export const KEYS_REMINDER =
  '提醒：证件号码密钥（ID_ENCRYPTION_KEY / ID_HMAC_KEY，或 DATA_DIR/keys.json）不在备份文件中，须另行加密保管；' +
  '恢复时使用同一对密钥，否则证件号码无法解密。';

export const pgliteDir = (config: Config) => path.join(config.dataDir, 'pgdata');

/** The keys in force, without generating any (a restore into a fresh folder must not invent new ones). */
export function currentKeys(config: Config): PiiKeys | null {
  if (config.idEncryptionKey && config.idHmacKey) return parseKeys(config.idEncryptionKey, config.idHmacKey);
  const file = path.join(config.dataDir, 'keys.json');
  if (config.databaseUrl || !fs.existsSync(file)) return null;
  const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as { idEncryptionKey: string; idHmacKey: string };
  return parseKeys(stored.idEncryptionKey, stored.idHmacKey);
}

export function keyFingerprint(keys: PiiKeys | null): string | null {
  if (!keys) return null;
  return crypto.createHash('sha256').update('backup-key-check').update(keys.encryptionKey).update(keys.hmacKey).digest('hex').slice(0, 16);
}

type Query = (text: string) => Promise<{ rows: Record<string, unknown>[] }>;

/** Rows per table of the application's schemas (public, drizzle). */
export async function countRows(query: Query): Promise<Record<string, number>> {
  const { rows } = await query(
    `select table_schema || '.' || table_name as name from information_schema.tables
     where table_schema in ('public', 'drizzle') and table_type = 'BASE TABLE' order by 1`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of rows as { name: string }[]) {
    const [schema, table] = name.split('.');
    const result = await query(`select count(*)::int as n from "${schema}"."${table}"`);
    counts[name] = result.rows[0].n as number;
  }
  return counts;
}

/** Runs `fn` with a query function on the configured database (PGlite: the caller holds the folder lock). */
export async function withDatabase<T>(config: Config, fn: (query: Query, pglite: PGlite | null) => Promise<T>): Promise<T> {
  if (config.databaseUrl) {
    const client = new pg.Client({ connectionString: config.databaseUrl });
    await client.connect();
    try {
      return await fn((text) => client.query(text), null);
    } finally {
      await client.end();
    }
  }
  // Loaded only here: a server on PostgreSQL never needs PGlite's 30 MB.
  const { PGlite } = await import('@electric-sql/pglite');
  const client = new PGlite(pgliteDir(config));
  await client.waitReady;
  try {
    return await fn((text) => client.query(text), client);
  } finally {
    await client.close();
  }
}

/** Every regular file under `dir`, relative to it; `.part` files are writes in progress. */
export function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => entry.isFile() && !entry.name.endsWith('.part'))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}
