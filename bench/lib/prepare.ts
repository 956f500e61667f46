// Before a run, with the server stopped: puts the generated province back as the generator left it (a previous
// run enrolled the flagship's 5,000 and imported 100k), then samples what the varied list requests need.
import { sql } from 'drizzle-orm';
import { loadConfig } from '../../server/config.js';
import { openRuntime } from '../../server/runtime.js';
import { BENCH_INSTITUTION, IMPORTED_LICENSE_PREFIX } from './bench-accounts.js';
import { FLAGSHIP_ENROLLED } from './province-shape.js';
import { restoreReview } from './review-setup.js';

export interface BenchSample {
  provinceCode: string;
  flagshipId: number;
  flagshipDepartmentIds: number[];
  flagshipDepartmentNames: string[];
  /** Institutions of the province, big and small, for the authority's institutionId filter. */
  institutionIds: number[];
  /** Ids of institutions with departments, each with one of its department ids. */
  institutionDepartments: [number, number][];
  /** Last four characters of real 证件号码 (flagship, province). */
  flagshipTails: string[];
  provinceTails: string[];
  /** One- and two-character name fragments as users type them. */
  names: string[];
  physicians: number;
}

type Rows<T> = { rows: T[] };

export async function prepare(): Promise<BenchSample> {
  const runtime = await openRuntime(loadConfig());
  const { db } = runtime.database;
  const rows = async <T>(query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as Rows<T>).rows;
  try {
    const [flagship] = await rows<{ id: number; region_code: string }>(sql`select i.id, i.region_code from accounts a join institutions i on i.id = a.institution_id where a.login_name = ${BENCH_INSTITUTION}`);
    if (!flagship) throw new Error(`no ${BENCH_INSTITUTION}: run bench/generate-province.ts first`);
    const flagshipId = Number(flagship.id);
    // A 审核 run moved the flagship's first 5,000 (statuses, registrations): put them back first.
    const restored = await restoreReview(db);
    if (restored > 0) console.log(`reset: restored ${restored} physicians the 审核 benchmark had moved`);
    const imported = sql`(select id from physicians where license_number like ${`${IMPORTED_LICENSE_PREFIX}%`})`;
    const [{ n: removed }] = await rows<{ n: number }>(sql`select count(*)::int n from physicians where license_number like ${`${IMPORTED_LICENSE_PREFIX}%`}`);
    if (removed > 0) {
      await db.execute(sql`delete from sessions where account_id in (select id from accounts where physician_id in ${imported})`);
      await db.execute(sql`delete from accounts where physician_id in ${imported}`);
      await db.execute(sql`delete from enrolments where physician_id in ${imported}`);
      await db.execute(sql`delete from physicians where id in ${imported}`);
    }
    // The generator enrolled the flagship's first 1,200 physicians (by id) and left the rest without a row.
    const reverted = await db.execute(sql`delete from enrolments where institution_id = ${flagshipId} and physician_id in
      (select id from physicians where institution_id = ${flagshipId} order by id offset ${FLAGSHIP_ENROLLED})`);
    const revertedCount = (reverted as unknown as { affectedRows?: number; rowCount?: number }).rowCount ?? (reverted as unknown as { affectedRows?: number }).affectedRows ?? 0;
    // Vacuumed as autovacuum would (this machine runs without it): dead row versions would send index-only scans to the
    // table.
    if (restored > 0 || removed > 0 || revertedCount > 0) {
      console.log(`reset: removed ${removed} imported physicians, reverted ${revertedCount} flagship enrolments`);
      // An import run's 100,000 rows, deleted again, leave the flagship's stretch of every physicians index as empty
      // pages (the covering index 77 MB instead of 32 after a dozen runs): rebuilt, as production never deletes so.
      if (removed > 0) await db.execute(sql`reindex table physicians`);
      await db.execute(sql`vacuum analyze physicians`);
      await db.execute(sql`vacuum analyze enrolments`);
      await db.execute(sql`vacuum analyze accounts`);
    }

    const provinceCode = `${flagship.region_code.slice(0, 2)}0000`;
    const departments = await rows<{ id: number; name: string }>(sql`select id, name from departments where institution_id = ${flagshipId} order by id`);
    const institutions = await rows<{ id: number }>(sql`(select id from institutions where region_code like ${`${provinceCode.slice(0, 2)}%`} order by physician_total desc limit 15)
      union all (select id from institutions where region_code like ${`${provinceCode.slice(0, 2)}%`} order by hashint4(id) limit 25)`);
    const institutionDepartments = await rows<{ institution_id: number; id: number }>(sql`select distinct on (d.institution_id) d.institution_id, d.id
      from departments d where d.institution_id = any(${sql.param(institutions.map((i) => Number(i.id)))}::int4[]) order by d.institution_id, hashint4(d.id)`);
    const ciphers = async (where: ReturnType<typeof sql>) =>
      (await rows<{ c: string }>(sql`select id_number_cipher c from physicians where ${where} order by hashint4(id) limit 40`)).map((r) => runtime.pii.decrypt(r.c).slice(-4));
    // The flagship's 15 commonest surnames and 10 two-character name beginnings, as people type them.
    const names = await rows<{ name: string }>(sql`(select left(name, 1) as name from physicians where institution_id = ${flagshipId} group by 1 order by count(*) desc limit 15)
      union all (select left(name, 2) from physicians where institution_id = ${flagshipId} order by hashint4(id) limit 10)`);
    const [{ n: physicians }] = await rows<{ n: number }>(sql`select count(*)::int n from physicians`);
    return {
      provinceCode,
      flagshipId,
      flagshipDepartmentIds: departments.map((d) => Number(d.id)),
      flagshipDepartmentNames: departments.map((d) => d.name),
      institutionIds: institutions.map((i) => Number(i.id)),
      institutionDepartments: institutionDepartments.map((d) => [Number(d.institution_id), Number(d.id)]),
      flagshipTails: await ciphers(sql`institution_id = ${flagshipId}`),
      provinceTails: await ciphers(sql`true`),
      names: names.map((r) => r.name),
      physicians,
    };
  } finally {
    await runtime.close();
  }
}
