// Opens what a running process needs: the data-folder lock (embedded), the keys, the migrated database.
import path from 'node:path';
import type { Config } from './config.js';
import { lockDataDir } from './db/data-dir-lock.js';
import { openPglite, openPostgres, type DatabaseHandle } from './db/client.js';
import { ensureRegions } from './db/seed/regions.js';
import { createPii, loadOrCreateKeyFile, parseKeys, type Pii } from './lib/pii.js';
import { localStorage, type Storage } from './lib/storage.js';
import { backfillIdTailHashes } from './modules/physicians/backfill.js';

export interface Runtime {
  database: DatabaseHandle;
  pii: Pii;
  storage: Storage;
  close(): Promise<void>;
}

export async function openRuntime(config: Config, onLockLost: (err: Error) => void = () => {}): Promise<Runtime> {
  let release: (() => Promise<void>) | null = null;
  let database: DatabaseHandle;
  let pii: Pii;
  if (config.databaseUrl) {
    if (!config.idEncryptionKey || !config.idHmacKey) {
      throw new Error('使用 DATABASE_URL 时必须配置 ID_ENCRYPTION_KEY 和 ID_HMAC_KEY（各为32字节的base64），所有实例使用同一对密钥');
    }
    pii = createPii(parseKeys(config.idEncryptionKey, config.idHmacKey));
    database = await openPostgres(config.databaseUrl, 10, { parallelWorkers: config.pgParallelWorkers, randomPageCost: config.pgRandomPageCost });
  } else {
    release = await lockDataDir(config.dataDir, onLockLost);
    pii = createPii(
      config.idEncryptionKey && config.idHmacKey
        ? parseKeys(config.idEncryptionKey, config.idHmacKey)
        : loadOrCreateKeyFile(config.dataDir),
    );
    database = await openPglite(path.join(config.dataDir, 'pgdata'));
  }
  await database.migrate();
  await ensureRegions(database.db);
  await backfillIdTailHashes(database.db, pii);
  return {
    database,
    pii,
    storage: localStorage(config.filesDir),
    async close() {
      await database.close();
      if (release) await release();
    },
  };
}
