// A fresh, migrated database per test file, copied from the run's template (template-setup.ts): in-memory PGlite
// started from the template's data folder, or (TEST_DB=postgres) a new database on the server of
// TEST_DATABASE_URL made with CREATE DATABASE … TEMPLATE, dropped again at the end.
import crypto from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { openPglite, openPostgres, type DatabaseHandle } from '../db/client.js';
import { databaseUrl } from './template-setup.js';

export async function openTestDatabase(): Promise<DatabaseHandle> {
  if (process.env.TEST_DB !== 'postgres') {
    const template = inject('pgliteTemplate');
    if (!template) throw new Error('no PGlite template: run the API tests through their vitest project');
    return openPglite(null, new Blob([fs.readFileSync(template)]));
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  const template = inject('postgresTemplate');
  if (!adminUrl || !template) throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL and the api-postgres project');
  const name = `t_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${template}`);
  await admin.end();
  const handle = await openPostgres(databaseUrl(adminUrl, name), 4);
  return {
    ...handle,
    async close() {
      await handle.close();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      // The pool's clients close asynchronously: terminating one mid-goodbye makes it raise an error nobody hears.
      for (let waited = 0; waited < 2000; waited += 20) {
        const { rows } = await dropper.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
        if (rows[0].n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
