// Vitest globalSetup of the API projects: migrate one template database per run, which every test file then
// copies (migrating per file was most of an API file's time). PGlite: a dumped data folder in a temporary
// file; PostgreSQL (TEST_DB=postgres): a database on the TEST_DATABASE_URL server, copied with CREATE DATABASE … TEMPLATE.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { dumpPglite, openPglite, openPostgres, type DatabaseHandle } from '../db/client.js';
import { ensureRegions } from '../db/seed/regions.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A tarball of a migrated PGlite data folder (project `api`). */
    pgliteTemplate: string;
    /** The name of a migrated PostgreSQL database to copy (project `api-postgres`). */
    postgresTemplate: string;
  }
}

async function prepare(handle: DatabaseHandle) {
  await handle.migrate();
  await ensureRegions(handle.db);
}

export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs one statement on the server of `adminUrl` (CREATE / DROP DATABASE cannot run in a pool's transaction). */
export async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export default async function setup(project: TestProject) {
  if (project.config.env?.TEST_DB !== 'postgres') {
    const handle = await openPglite(null);
    await prepare(handle);
    const dump = await dumpPglite(handle);
    await handle.close();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pglite-template-'));
    const file = path.join(dir, 'pgdata.tar');
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    project.provide('pgliteTemplate', file);
    return () => fs.rmSync(dir, { recursive: true, force: true });
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL');
  const name = `tpl_${crypto.randomBytes(6).toString('hex')}`;
  const admin = (sql: string) => adminQuery(adminUrl, sql);
  await admin(`create database ${name}`);
  const handle = await openPostgres(databaseUrl(adminUrl, name), 1);
  await prepare(handle);
  // A template is copied only while nobody is connected to it: the pool must be gone before the first file starts.
  await handle.close();
  project.provide('postgresTemplate', name);
  return () => admin(`drop database if exists ${name} with (force)`);
}
