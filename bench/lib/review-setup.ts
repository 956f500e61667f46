// Before the 审核 benchmark, with the server stopped: the flagship's first REVIEW_BATCH physicians have submitted
// (一般程序, 待医疗卫生机构审核, registration rows), the flagship has a 考核机构 and the 报名信息审核 window is open.
// Earlier runs' evaluations and messages for them are removed, so every run starts from the same state.
// What it moves is saved first (bench_review_saved: each chosen physician's enrolment and registration as they were
// before the first 审核 run); `restoreReview` puts them back, so the other benchmarks run after this one in any order.
import { sql } from 'drizzle-orm';
import type { Database } from '../../server/db/client.js';
import { loadConfig } from '../../server/config.js';
import { openRuntime } from '../../server/runtime.js';
import { BENCH_INSTITUTION } from './bench-accounts.js';

export const REVIEW_BATCH = 5000;

type Rows<T> = { rows: T[] };

export async function prepareReview(): Promise<{ flagshipId: number; submitted: number }> {
  const runtime = await openRuntime(loadConfig());
  const { db } = runtime.database;
  const rows = async <T>(query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as Rows<T>).rows;
  try {
    const [flagship] = await rows<{ id: number; region_code: string }>(sql`select i.id, i.region_code from accounts a join institutions i on i.id = a.institution_id where a.login_name = ${BENCH_INSTITUTION}`);
    if (!flagship) throw new Error(`no ${BENCH_INSTITUTION}: run bench/generate-province.ts first`);
    const flagshipId = Number(flagship.id);
    const provinceCode = `${flagship.region_code.slice(0, 2)}0000`;
    const [cycle] = await rows<{ id: number }>(sql`select id from cycles where province_code = ${provinceCode} and is_current`);
    if (!cycle) throw new Error('the province has no current cycle');
    await db.transaction(async (tx) => {
      await tx.execute(sql`update cycles set review_start = least(review_start, current_date - 1), review_end = greatest(review_end, current_date + 30) where id = ${cycle.id}`);
      const [assessor] = ((await tx.execute(sql`select id from institutions where region_code like ${`${provinceCode.slice(0, 2)}%`} and id <> ${flagshipId} order by physician_total desc limit 1`)) as unknown as Rows<{ id: number }>).rows;
      await tx.execute(sql`insert into assessors (cycle_id, institution_id) values (${cycle.id}, ${assessor.id}) on conflict do nothing`);
      await tx.execute(sql`insert into assessor_assignments (cycle_id, institution_id, assigned_assessor_id) values (${cycle.id}, ${flagshipId}, ${assessor.id})
        on conflict (cycle_id, institution_id) do update set assigned_assessor_id = excluded.assigned_assessor_id`);
      const chosen = sql`(select id from physicians where institution_id = ${flagshipId} and transferred_out_at is null order by id limit ${REVIEW_BATCH})`;
      // Kept from the first run on (on conflict do nothing): the state before any 审核 run.
      await tx.execute(sql`create table if not exists bench_review_saved (physician_id int primary key, enrolment jsonb, registration jsonb)`);
      await tx.execute(sql`insert into bench_review_saved (physician_id, enrolment, registration)
        select p.id, to_jsonb(e), to_jsonb(r) from ${chosen} p
        left join enrolments e on e.cycle_id = ${cycle.id} and e.physician_id = p.id
        left join registrations r on r.enrolment_id = e.id
        on conflict do nothing`);
      await tx.execute(sql`insert into enrolments (cycle_id, physician_id, institution_id, status, procedure)
        select ${cycle.id}, id, ${flagshipId}, 'PENDING_INSTITUTION_REVIEW', 'standard' from ${chosen} p
        on conflict (cycle_id, physician_id) do update set status = 'PENDING_INSTITUTION_REVIEW', procedure = 'standard', result = null, version = enrolments.version + 1`);
      const theirs = sql`(select id from enrolments where cycle_id = ${cycle.id} and physician_id in ${chosen})`;
      await tx.execute(sql`delete from evaluations where enrolment_id in ${theirs}`);
      await tx.execute(sql`delete from messages where account_id in (select id from accounts where physician_id in ${chosen})`);
      await tx.execute(sql`insert into registrations (enrolment_id, physician_id, cycle_id, submitted_at, procedure)
        select e.id, e.physician_id, e.cycle_id, now(), '{"procedure":"standard","exemptionRequested":false}'::jsonb from enrolments e where e.id in ${theirs}
        on conflict (enrolment_id) do update set submitted_at = now(), exemption_status = 'none'`);
    });
    await db.execute(sql`vacuum analyze enrolments`);
    const [{ n }] = await rows<{ n: number }>(sql`select count(*)::int n from enrolments where institution_id = ${flagshipId} and status = 'PENDING_INSTITUTION_REVIEW'`);
    return { flagshipId, submitted: n };
  } finally {
    await runtime.close();
  }
}

/**
 * Undoes what `prepareReview` and the 审核 run changed (server stopped): the saved physicians' enrolments, registrations,
 * evaluations, opinions and messages (and any certificate or attempt made of them) go back to how they were before the
 * first 审核 run. A no-op when nothing is saved.
 */
export async function restoreReview(db: Database): Promise<number> {
  const [{ saved }] = ((await db.execute(sql`select to_regclass('bench_review_saved') is not null as saved`)) as unknown as Rows<{ saved: boolean }>).rows;
  if (!saved) return 0;
  return db.transaction(async (tx) => {
    const theirs = sql`(select e.id from enrolments e join bench_review_saved s on s.physician_id = e.physician_id
      join cycles c on c.id = e.cycle_id and c.is_current)`;
    // What the server's jobs made of them meanwhile (a 合格证书 for a generated 考核完成 合格, an attempt) goes too.
    await tx.execute(sql`delete from proctoring_snapshots where attempt_id in (select attempt_id from proctoring_cases where enrolment_id in ${theirs})`);
    await tx.execute(sql`delete from proctoring_cases where enrolment_id in ${theirs}`);
    await tx.execute(sql`delete from exam_answers where attempt_id in (select id from exam_attempts where enrolment_id in ${theirs})`);
    await tx.execute(sql`delete from exam_attempts where enrolment_id in ${theirs}`);
    await tx.execute(sql`delete from certificates where enrolment_id in ${theirs}`);
    await tx.execute(sql`delete from evaluations where enrolment_id in ${theirs}`);
    await tx.execute(sql`delete from review_opinions where enrolment_id in ${theirs}`);
    await tx.execute(sql`delete from registrations where enrolment_id in ${theirs}`);
    await tx.execute(sql`delete from messages where account_id in (select a.id from accounts a join bench_review_saved s on s.physician_id = a.physician_id)`);
    await tx.execute(sql`delete from enrolments where id in ${theirs}`);
    await tx.execute(sql`insert into enrolments select (jsonb_populate_record(null::enrolments, enrolment)).* from bench_review_saved where enrolment is not null`);
    await tx.execute(sql`insert into registrations select (jsonb_populate_record(null::registrations, registration)).* from bench_review_saved where registration is not null`);
    const [{ n }] = ((await tx.execute(sql`select count(*)::int n from bench_review_saved`)) as unknown as Rows<{ n: number }>).rows;
    await tx.execute(sql`drop table bench_review_saved`);
    return n;
  });
}
