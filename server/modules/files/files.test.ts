// Stored bytes follow their rows: replaced and deleted files leave no bytes behind, a failed insert removes
// what it wrote, and the orphan check finds (and only when asked removes) bytes that no row names.
import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { files } from '../../db/schema/index.js';
import { setupTenantWorld } from '../../test-support/access-matrix.js';
import { loginAs, type Client } from '../../test-support/app.js';
import { PDF_BYTES, PNG_BYTES, multipart } from '../../test-support/assessor-factories.js';
import { TEST_PASSWORD, buildPhysician } from '../../test-support/factories.js';
import { buildEnrolment } from '../../test-support/roster-factories.js';
import { findOrphanFiles } from './orphans.js';

const ctx = setupTenantWorld();

async function upload(client: Client, method: 'PUT' | 'POST', url: string, data: Buffer, name: string) {
  const { payload, headers } = await multipart({ file: { name, data } });
  return client.request(method, url, payload, headers);
}

const keyOf = async (id: string) => (await ctx.t.db.select({ key: files.storageKey }).from(files).where(eq(files.id, id)))[0]?.key;
async function storedKeys(): Promise<Set<string>> {
  const keys = new Set<string>();
  for await (const object of ctx.t.storage.list()) keys.add(object.key);
  return keys;
}

async function physicianOfA() {
  return buildPhysician(ctx.t.db, ctx.t.pii, { institutionId: ctx.world.institutionA.institution.id });
}

describe('照片', () => {
  it('replacing a photo removes the old one’s row and bytes', async () => {
    const { physician } = await physicianOfA();
    const first = (await upload(ctx.clients.institutionA, 'PUT', `/api/v1/physicians/${physician.id}/photo`, PNG_BYTES, 'old.png')).json().photoFileId;
    const oldKey = await keyOf(first);
    expect(await ctx.t.storage.exists(oldKey!)).toBe(true);
    const second = await upload(ctx.clients.institutionA, 'PUT', `/api/v1/physicians/${physician.id}/photo`, PNG_BYTES, 'new.png');
    expect(second.statusCode).toBe(200);
    expect(await keyOf(first)).toBeUndefined();
    expect(await ctx.t.storage.exists(oldKey!)).toBe(false);
    expect((await ctx.clients.institutionA.get(`/api/v1/files/${first}`)).statusCode).toBe(404);
    expect((await ctx.clients.institutionA.get(`/api/v1/files/${second.json().photoFileId}`)).statusCode).toBe(200);
  });

  it('deleting a physician removes their photo', async () => {
    const { physician } = await physicianOfA();
    const photo = (await upload(ctx.clients.institutionA, 'PUT', `/api/v1/physicians/${physician.id}/photo`, PNG_BYTES, 'p.png')).json().photoFileId;
    const key = await keyOf(photo);
    expect((await ctx.clients.institutionA.delete(`/api/v1/physicians/${physician.id}`)).statusCode).toBe(204);
    expect(await keyOf(photo)).toBeUndefined();
    expect(await ctx.t.storage.exists(key!)).toBe(false);
  });

  it('a failed insert leaves no bytes behind', async () => {
    const { physician } = await physicianOfA();
    // A real constraint of the database refuses this one name, so the files row cannot be written.
    await ctx.t.db.execute(sql`alter table files add constraint test_refuse_name check (original_name <> 'refused.png')`);
    try {
      const before = await storedKeys();
      const res = await upload(ctx.clients.institutionA, 'PUT', `/api/v1/physicians/${physician.id}/photo`, PNG_BYTES, 'refused.png');
      expect(res.statusCode).toBe(500);
      expect([...(await storedKeys())].filter((k) => !before.has(k))).toEqual([]);
    } finally {
      await ctx.t.db.execute(sql`alter table files drop constraint test_refuse_name`);
    }
  });
});

describe('报名 files', () => {
  it('deleting a file and replacing a page remove their bytes', async () => {
    const p = await physicianOfA();
    await buildEnrolment(ctx.t.db, { cycleId: ctx.world.cycle.id, physicianId: p.physician.id, institutionId: ctx.world.institutionA.institution.id, status: 'PENDING_REGISTRATION' });
    const client = await loginAs(ctx.t.app, p.idNumber, TEST_PASSWORD, 'physician');

    const material = await upload(client, 'POST', '/api/v1/registration/files/simplifiedMaterial', PDF_BYTES, '材料.pdf');
    expect(material.statusCode, material.body).toBe(200);
    const fileId = material.json().files.find((f: { name: string }) => f.name === '材料.pdf').id as string;
    const key = await keyOf(fileId);
    expect(await ctx.t.storage.exists(key!)).toBe(true);
    expect((await client.delete(`/api/v1/registration/files/${fileId}`)).statusCode).toBe(200);
    expect(await ctx.t.storage.exists(key!)).toBe(false);

    const page = (await upload(client, 'POST', '/api/v1/registration/files/electronicLicense', PNG_BYTES, 'first.png')).json();
    const firstKey = await keyOf(page.files.find((f: { name: string }) => f.name === 'first.png').id);
    const replaced = await upload(client, 'POST', '/api/v1/registration/files/electronicLicense', PNG_BYTES, 'second.png');
    expect(replaced.json().files.map((f: { name: string }) => f.name)).toEqual(['second.png']);
    expect(await ctx.t.storage.exists(firstKey!)).toBe(false);
  });
});

describe('files-orphans', () => {
  it('reports bytes without a row and rows without bytes, and removes the orphans only when asked', async () => {
    const orphan = `registration/${crypto.randomUUID()}`;
    await ctx.t.storage.put(orphan, PDF_BYTES);
    const ghost = crypto.randomUUID();
    await ctx.t.db.insert(files).values({ id: ghost, ownerType: 'notice', ownerId: 1, originalName: 'lost.pdf', mimeType: 'application/pdf', size: 1, storageKey: `notice/${ghost}` });
    const later = new Date(Date.now() + 60 * 60_000);

    // Just written: it may be an upload whose transaction has not committed yet.
    expect((await findOrphanFiles(ctx.t.db, ctx.t.storage)).orphans).not.toContain(orphan);

    const report = await findOrphanFiles(ctx.t.db, ctx.t.storage, { now: later });
    expect(report.orphans).toEqual([orphan]);
    expect(report.missing.map((m) => m.id)).toEqual([ghost]);
    expect(await ctx.t.storage.exists(orphan)).toBe(true);

    const removed = await findOrphanFiles(ctx.t.db, ctx.t.storage, { now: later, remove: true });
    expect(removed).toMatchObject({ orphans: [orphan], removed: 1 });
    expect(await ctx.t.storage.exists(orphan)).toBe(false);
    expect((await findOrphanFiles(ctx.t.db, ctx.t.storage, { now: later })).orphans).toEqual([]);
    await ctx.t.db.delete(files).where(eq(files.id, ghost));
  });
});
