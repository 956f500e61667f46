// 已确认参加 / 未确认参加 read physicians.latest_confirmed_cycle_id, which triggers on enrolments keep (migration 0021),
// while the current cycle is the province's newest, and the enrolments otherwise: checked through the 医师列表 as
// people use it, across changes of the current cycle, and statement by statement.
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { enrolments, physicians } from '../../db/schema/index.js';
import { setupTenantWorld } from '../../test-support/access-matrix.js';
import { cycleBody, put } from '../../test-support/cycle-factories.js';
import { buildInstitution, buildPhysician } from '../../test-support/factories.js';
import { buildEnrolment } from '../../test-support/roster-factories.js';
import { rosterCycle } from './repository.js';

const ctx = setupTenantWorld();

const latestConfirmed = async (physicianId: number) =>
  (await ctx.t.db.select({ id: physicians.latestConfirmedCycleId }).from(physicians).where(eq(physicians.id, physicianId)))[0].id;

/** The row's transaction id: it changes whenever the row is written. */
const rowVersion = async (physicianId: number) =>
  ((await ctx.t.db.execute(sql`select xmin::text as v from physicians where id = ${physicianId}`)) as unknown as { rows: { v: string }[] }).rows[0].v;

describe('已确认参加 across cycles', () => {
  it('an earlier cycle’s 参加 does not count in a new current cycle, and counts again when that cycle is current again', async () => {
    const { db, pii } = ctx.t;
    const { institutionA, cycle } = ctx.world;
    const institutionId = institutionA.institution.id;
    // 跨周期者 is cancelled in the new cycle; 两周期者 stays confirmed in it, so the old cycle is not their latest.
    const once = await buildPhysician(db, pii, { institutionId, name: '跨周期者' });
    const twice = await buildPhysician(db, pii, { institutionId, name: '两周期者' });
    for (const p of [once, twice]) await buildEnrolment(db, { cycleId: cycle.id, physicianId: p.physician.id, institutionId });
    const tab = async (client: typeof ctx.clients.institutionA, which: string) =>
      ((await client.get(`/api/v1/physicians?tab=${which}&name=周期者&sortField=name&sortOrder=ascend`)).json().items as { name: string; enrolmentStatus: string }[]).map(
        (i) => `${i.name}:${i.enrolmentStatus}`,
      );
    expect(await tab(ctx.clients.institutionA, 'confirmed')).toEqual(['两周期者:PENDING_REGISTRATION', '跨周期者:PENDING_REGISTRATION']);

    // A cycle created later that holds no enrolment (entered ahead, or an earlier 年度 entered afterwards): the current
    // cycle still decides from the physician's row.
    const earlier = await ctx.clients.provinceAuthority.post('/api/v1/cycles', cycleBody({ name: '未启用周期' }));
    expect(earlier.statusCode).toBe(201);
    expect(await rosterCycle(ctx.t.db, '990000')).toEqual({ id: cycle.id, newest: true });

    const next = await ctx.clients.provinceAuthority.post('/api/v1/cycles', cycleBody({ name: '下一周期', isCurrent: true }));
    expect(next.statusCode).toBe(201);
    expect(await tab(ctx.clients.institutionA, 'confirmed')).toEqual([]);
    expect(await tab(ctx.clients.institutionA, 'unconfirmed')).toEqual(['两周期者:NOT_ENROLLED', '跨周期者:NOT_ENROLLED']);
    expect(await tab(ctx.clients.provinceAuthority, 'unconfirmed')).toEqual(['两周期者:NOT_ENROLLED', '跨周期者:NOT_ENROLLED']);

    const enrolled = await ctx.clients.institutionA.post('/api/v1/physicians/enrol', { physicianIds: [once.physician.id, twice.physician.id] });
    expect(enrolled.json()).toEqual({ enrolled: 2 });
    expect(await tab(ctx.clients.provinceAuthority, 'confirmed')).toEqual(['两周期者:PENDING_REGISTRATION', '跨周期者:PENDING_REGISTRATION']);
    expect(await latestConfirmed(once.physician.id)).toBe(next.json().id);
    const cancelled = await ctx.clients.institutionA.post(`/api/v1/physicians/${once.physician.id}/cancel-enrolment`, { reason: '本周期不参加' });
    expect(cancelled.statusCode).toBe(204);
    expect(await tab(ctx.clients.provinceAuthority, 'unconfirmed')).toEqual(['跨周期者:NOT_ENROLLED']);
    expect(await latestConfirmed(once.physician.id)).toBe(cycle.id);

    const listed = (await ctx.clients.provinceAuthority.get('/api/v1/cycles')).json();
    const { id: _id, ...first } = (listed.items ?? listed).find((c: { id: number }) => c.id === cycle.id);
    const back = await put(ctx.clients.provinceAuthority, `/api/v1/cycles/${cycle.id}`, { ...first, isCurrent: true });
    expect(back.statusCode).toBe(200);
    expect(await rosterCycle(ctx.t.db, '990000')).toEqual({ id: cycle.id, newest: false });
    for (const client of [ctx.clients.institutionA, ctx.clients.cityAAuthority]) {
      expect(await tab(client, 'confirmed')).toEqual(['两周期者:PENDING_REGISTRATION', '跨周期者:PENDING_REGISTRATION']);
      expect(await tab(client, 'unconfirmed')).toEqual([]);
    }
  });
});

describe('the triggers on enrolments', () => {
  it('set the cycle on a confirmed insert, clear it when the enrolment goes back to NOT_ENROLLED or is deleted', async () => {
    const { db, pii } = ctx.t;
    const { institutionA, cycle } = ctx.world;
    const p = await buildPhysician(db, pii, { institutionId: institutionA.institution.id });
    expect(await latestConfirmed(p.physician.id)).toBeNull();
    const enrolment = await buildEnrolment(db, { cycleId: cycle.id, physicianId: p.physician.id, institutionId: institutionA.institution.id, status: 'NOT_ENROLLED' });
    expect(await latestConfirmed(p.physician.id)).toBeNull();
    await db.update(enrolments).set({ status: 'PENDING_REGISTRATION' }).where(eq(enrolments.id, enrolment.id));
    expect(await latestConfirmed(p.physician.id)).toBe(cycle.id);
    await db.update(enrolments).set({ status: 'NOT_ENROLLED' }).where(eq(enrolments.id, enrolment.id));
    expect(await latestConfirmed(p.physician.id)).toBeNull();
    await db.update(enrolments).set({ status: 'PENDING_REGISTRATION' }).where(eq(enrolments.id, enrolment.id));
    await db.delete(enrolments).where(eq(enrolments.id, enrolment.id));
    expect(await latestConfirmed(p.physician.id)).toBeNull();
  });

  it('leave the physician row unwritten when a step keeps the enrolment confirmed (审核, 考核)', async () => {
    const { db, pii } = ctx.t;
    const { institutionA, cycle } = ctx.world;
    const p = await buildPhysician(db, pii, { institutionId: institutionA.institution.id });
    const enrolment = await buildEnrolment(db, { cycleId: cycle.id, physicianId: p.physician.id, institutionId: institutionA.institution.id });
    const before = await rowVersion(p.physician.id);
    await db.update(enrolments).set({ status: 'PENDING_INSTITUTION_REVIEW' }).where(eq(enrolments.id, enrolment.id));
    expect(await rowVersion(p.physician.id)).toBe(before);
    expect(await latestConfirmed(p.physician.id)).toBe(cycle.id);
  });

  it('handle a statement over many enrolments of several physicians at once', async () => {
    const { db, pii } = ctx.t;
    const { cycle } = ctx.world;
    const other = await buildInstitution(db, { authorityId: ctx.world.cityA.authority.id, regionCode: '990101' });
    const many = [];
    for (let i = 0; i < 5; i++) many.push((await buildPhysician(db, pii, { institutionId: other.institution.id })).physician.id);
    await db.insert(enrolments).values(many.map((physicianId, i) => ({ cycleId: cycle.id, physicianId, institutionId: other.institution.id, status: i < 3 ? 'PENDING_REGISTRATION' : 'NOT_ENROLLED' })));
    expect(await Promise.all(many.map(latestConfirmed))).toEqual([cycle.id, cycle.id, cycle.id, null, null]);
    await db.update(enrolments).set({ status: sql`case when ${enrolments.status} = 'NOT_ENROLLED' then 'PENDING_REGISTRATION' else 'NOT_ENROLLED' end` }).where(eq(enrolments.institutionId, other.institution.id));
    expect(await Promise.all(many.map(latestConfirmed))).toEqual([null, null, null, cycle.id, cycle.id]);
  });
});
