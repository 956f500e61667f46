// The restore drill: the demo province plus new records and uploaded files, backed up, wiped, restored —
// every row and file is back, the 证件号码 still decrypt and are still found by their blind index.
// On PGlite in the api project; on PostgreSQL (pg_dump / pg_restore) when TEST_DB=postgres.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../config.js';
import { openPglite, openPostgres, type DatabaseHandle } from '../db/client.js';
import { institutions, physicians } from '../db/schema/index.js';
import { ensureRegions } from '../db/seed/regions.js';
import { seedDemo } from '../db/seed/demo.js';
import { createPii, loadOrCreateKeyFile, parseKeys, type Pii } from '../lib/pii.js';
import { localStorage } from '../lib/storage.js';
import { withStoredFiles } from '../modules/files/service.js';
import { buildPhysician, residentId } from '../test-support/factories.js';
import { createBackup } from './backup.js';
import { countRows, listFiles, withDatabase } from './common.js';
import { RestoreRefusedError, restoreBackup } from './restore.js';

const onPostgres = process.env.TEST_DB === 'postgres';
const newKey = () => crypto.randomBytes(32).toString('base64');

async function adminQuery(text: string) {
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(text);
  } finally {
    await admin.end();
  }
}

function fileHashes(dir: string): Record<string, string> {
  return Object.fromEntries(listFiles(dir).map((f) => [f, crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, f))).digest('hex')]));
}

describe(`backup and restore drill (${onPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'drill-'));
  const dbName = `drill_${crypto.randomBytes(5).toString('hex')}`;
  let config: Config;
  let pii: Pii;
  let before: { tables: Record<string, number>; files: Record<string, string>; idNumbers: string[] };
  const archive = path.join(root, 'backups', 'nightly.tar');

  const open = async (): Promise<DatabaseHandle> => (onPostgres ? openPostgres(config.databaseUrl!, 2) : openPglite(path.join(config.dataDir, 'pgdata')));

  async function readIdNumbers(): Promise<string[]> {
    const database = await open();
    try {
      const rows = await database.db.select({ cipher: physicians.idNumberCipher, hash: physicians.idNumberHash }).from(physicians);
      return rows
        .map((row) => {
          const idNumber = pii.decrypt(row.cipher);
          expect(pii.idNumberHash(idNumber)).toBe(row.hash);
          return idNumber;
        })
        .sort();
    } finally {
      await database.close();
    }
  }

  beforeAll(async () => {
    const dataDir = path.join(root, 'data');
    if (onPostgres) {
      await adminQuery(`create database ${dbName}`);
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.pathname = `/${dbName}`;
      config = { ...loadConfig({ DATA_DIR: dataDir }), databaseUrl: url.toString(), idEncryptionKey: newKey(), idHmacKey: newKey() };
      pii = createPii(parseKeys(config.idEncryptionKey!, config.idHmacKey!));
    } else {
      config = loadConfig({ DATA_DIR: dataDir });
      pii = createPii(loadOrCreateKeyFile(dataDir));
    }
    const database = await open();
    try {
      await database.migrate();
      await ensureRegions(database.db);
      await seedDemo(database.db, pii);
      // Records and files added after the demo data: a physician and two uploads.
      const storage = localStorage(config.filesDir);
      const [institution] = await database.db.select({ id: institutions.id }).from(institutions).limit(1);
      const added = await buildPhysician(database.db, pii, { institutionId: institution.id, idNumber: residentId(1, '19750505') });
      for (const [slot, text] of [[1, '执业证书'], [2, '学历证书']] as const) {
        await withStoredFiles(database.db, storage, (_tx, files) => files.save({
          ownerType: 'registration',
          ownerId: added.physician.id,
          slot,
          filename: `${text}.png`,
          data: Buffer.from(`${text} ${crypto.randomUUID()}`),
          checked: { kind: 'png', mimeType: 'image/png', extension: 'png' },
          uploadedBy: added.account.id,
        }));
      }
    } finally {
      await database.close();
    }
    before = { tables: await withDatabase(config, countRows), files: fileHashes(config.filesDir), idNumbers: await readIdNumbers() };
  }, 240_000);

  afterAll(async () => {
    fs.rmSync(root, { recursive: true, force: true });
    if (onPostgres) await adminQuery(`drop database if exists ${dbName} with (force)`);
  });

  async function wipe() {
    if (onPostgres) {
      await adminQuery(`drop database ${dbName} with (force)`);
      await adminQuery(`create database ${dbName}`);
    } else {
      fs.rmSync(path.join(config.dataDir, 'pgdata'), { recursive: true });
    }
    fs.rmSync(config.filesDir, { recursive: true });
  }

  it('brings back every record and file after a wipe, and the 证件号码 still decrypt', async () => {
    const manifest = await createBackup(config, archive);
    expect(manifest.tables).toEqual(before.tables);
    expect(manifest.tables['public.physicians']).toBeGreaterThan(300);
    expect(manifest.files).toBe(2);
    // The keys stay out of the archive.
    const bytes = fs.readFileSync(archive);
    expect(bytes.includes(Buffer.from('keys.json'))).toBe(false);
    expect(bytes.includes(Buffer.from(config.idEncryptionKey ?? JSON.parse(fs.readFileSync(path.join(config.dataDir, 'keys.json'), 'utf8')).idEncryptionKey))).toBe(false);

    await wipe();
    expect(listFiles(config.filesDir)).toEqual([]);

    await restoreBackup(config, archive);
    expect(await withDatabase(config, countRows)).toEqual(before.tables);
    expect(fileHashes(config.filesDir)).toEqual(before.files);
    expect(await readIdNumbers()).toEqual(before.idNumbers);
  }, 240_000);

  it('refuses to overwrite a database that is not empty unless forced', async () => {
    await expect(restoreBackup(config, archive)).rejects.toThrow(RestoreRefusedError);
    await expect(restoreBackup(config, archive)).rejects.toThrow('如确需覆盖，请加 --force');
    // A file uploaded after the backup is gone after a forced restore: the target is the backup, exactly.
    fs.writeFileSync(path.join(config.filesDir, 'registration', 'later'), 'later');
    await restoreBackup(config, archive, { force: true });
    expect(fileHashes(config.filesDir)).toEqual(before.files);
    expect(await withDatabase(config, countRows)).toEqual(before.tables);
  }, 240_000);

  it('refuses other keys than the backup was made with', async () => {
    const otherKeys = { ...config, idEncryptionKey: newKey(), idHmacKey: newKey() };
    await expect(restoreBackup(otherKeys, archive, { force: true })).rejects.toThrow('当前密钥与备份时的密钥不同');
  }, 120_000);
});
