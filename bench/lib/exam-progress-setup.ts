// Before the 测评进度 benchmark, with the server stopped: the 考核进度 setup (考核程序, 免考 statuses, the flagship as
// 考核机构 of 400 institutions), then exam attempts for a share of the enrolments past review, set-based and
// idempotent (one INSERT … SELECT per paper and stage; `on conflict do nothing` on the attempt's unique key):
//   - 待参加考核: 60% started 医学人文·法律法规 (50% submitted, 45% passed); of those who passed, two in three started
//     业务水平 (一般程序 without 免考), most of them submitted;
//   - 待确认补考 / 待参加补考: 医学人文·法律法规 submitted and failed; half of 待参加补考 started the 补考;
//   - 考核完成: every required paper submitted, passed or (考核结果 不合格) 医学人文·法律法规 failed.
// Papers follow the national default 考核政策 (一般程序 both, 简易程序 医学人文 only; 免考 takes away 业务水平 for
// 一般程序, 医学人文 for 简易程序). Papers last 120 minutes; attempts in progress started minutes ago, and
// each run moves them to now again: the server's sweeper submits any attempt past its deadline (and moves the
// enrolment on), which would rewrite the data set under the benchmark.
import { sql } from 'drizzle-orm';
import { loadConfig } from '../../server/config.js';
import { openRuntime } from '../../server/runtime.js';
import { prepareProgress, type ProgressSample } from './progress-setup.js';

export interface ExamProgressSample extends ProgressSample {
  attempts: number;
  /** Rows of 测评进度 across the province, per tab. */
  rows: { standard: number; simplified: number };
  /** Enrolments of the flagship past review. */
  flagshipTested: number;
}

type Rows<T> = { rows: T[] };

export async function prepareExamProgress(): Promise<ExamProgressSample> {
  const sample = await prepareProgress();
  const runtime = await openRuntime(loadConfig());
  const { db } = runtime.database;
  const rows = async <T>(query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as Rows<T>).rows;
  try {
    const cycleId = sample.cycleId;
    const h = sql`abs(hashint4(e.id + 13)) % 100`;
    const exempted = sql`coalesce(r.exemption_status = 'approved', false)`;
    const humanitiesRequired = sql`not (e.procedure = 'simplified' and ${exempted})`;
    const proficiencyRequired = sql`(e.procedure = 'standard' and not ${exempted})`;
    /** One INSERT … SELECT: `status` and `passed` are SQL over `e` and `h`; rows where `status` is null are skipped. */
    const insert = (paper: string, stage: string, where: ReturnType<typeof sql>, status: ReturnType<typeof sql>, passed: ReturnType<typeof sql>, startedAgo: ReturnType<typeof sql>) =>
      db.execute(sql`insert into exam_attempts (physician_id, enrolment_id, cycle_id, kind, paper, stage, status, draw, question_count, rule,
          started_at, deadline, submitted_at, submitted_by, score, passed)
        select x.physician_id, x.id, ${cycleId}, 'exam', ${paper}, ${stage}, x.status, '[]'::jsonb, 100,
          '{"passScore": 60, "totalPoints": 100, "durationMinutes": 120, "multipleScoring": "all_or_nothing", "reviewAllowed": true}'::jsonb,
          x.started, x.started + interval '120 minutes',
          case when x.status = 'submitted' then x.started + make_interval(mins => 20 + x.h % 40) end,
          case when x.status = 'submitted' then (case when x.h % 10 = 0 then 'timeout' else 'physician' end) end,
          case when x.status = 'submitted' then (case when x.passed then 60 + x.h % 41 else 20 + x.h % 40 end) end,
          case when x.status = 'submitted' then x.passed end
        from (
          select e.id, e.physician_id, ${h} as h, ${status} as status, ${passed} as passed,
            case when ${status} = 'submitted' then now() - ${startedAgo} else now() - make_interval(mins => ${h} % 30) end as started
          from enrolments e left join registrations r on r.enrolment_id = e.id
          where e.cycle_id = ${cycleId} and e.procedure is not null and ${where}
        ) x
        where x.status is not null
        on conflict (enrolment_id, paper, stage) where kind = 'exam' do nothing`);
    const days = (n: number) => sql`make_interval(days => ${n}) + make_interval(mins => (${h}) * 7)`;
    const written = [
      // 待参加考核
      await insert('humanities', 'first', sql`e.status = 'AWAITING_TEST' and ${humanitiesRequired}`,
        sql`case when ${h} < 50 then 'submitted' when ${h} < 60 then 'in_progress' end`, sql`${h} < 45`, days(3)),
      await insert('proficiency', 'first', sql`e.status = 'AWAITING_TEST' and ${proficiencyRequired} and (${h} < 30 or (not ${humanitiesRequired} and ${h} < 60))`,
        sql`case when ${h} < 24 then 'submitted' else 'in_progress' end`, sql`${h} < 22`, days(1)),
      // 待确认补考 / 待参加补考
      await insert('humanities', 'first', sql`e.status in ('PENDING_RETAKE_CONFIRMATION', 'AWAITING_RETAKE') and ${humanitiesRequired}`, sql`'submitted'`, sql`false`, days(9)),
      await insert('humanities', 'retake', sql`e.status = 'AWAITING_RETAKE' and ${humanitiesRequired} and ${h} < 50`,
        sql`case when ${h} < 30 then 'submitted' else 'in_progress' end`, sql`${h} < 25`, days(1)),
      // 考核完成
      await insert('humanities', 'first', sql`e.status = 'COMPLETED' and ${humanitiesRequired}`, sql`'submitted'`, sql`coalesce(e.result, 'passed') = 'passed'`, days(12)),
      await insert('proficiency', 'first', sql`e.status = 'COMPLETED' and ${proficiencyRequired} and coalesce(e.result, 'passed') = 'passed'`, sql`'submitted'`, sql`true`, days(11)),
    ].map((r) => (r as unknown as { rowCount?: number; affectedRows?: number }).rowCount ?? (r as unknown as { affectedRows?: number }).affectedRows ?? 0);
    await db.execute(sql`update exam_attempts set started_at = now() - make_interval(mins => abs(hashint4(id)) % 30),
      deadline = now() - make_interval(mins => abs(hashint4(id)) % 30) + interval '120 minutes' where status = 'in_progress' and kind = 'exam'`);
    if (written.some((n) => n > 0)) {
      console.log(`setup: ${written.reduce((a, b) => a + b, 0)} exam attempts written`);
      await db.execute(sql`vacuum analyze exam_attempts`);
    }
    const [{ n: attempts }] = await rows<{ n: number }>(sql`select count(*)::int n from exam_attempts where cycle_id = ${cycleId} and kind = 'exam'`);
    const counted = await rows<{ procedure: string; n: number }>(sql`select e.procedure, sum(case when e.procedure = 'standard' then (case when coalesce(r.exemption_status = 'approved', false) then 1 else 2 end)
        else (case when coalesce(r.exemption_status = 'approved', false) then 0 else 1 end) end)::int n
      from enrolments e left join registrations r on r.enrolment_id = e.id
      where e.cycle_id = ${cycleId} and e.status in ('AWAITING_TEST', 'PENDING_RETAKE_CONFIRMATION', 'AWAITING_RETAKE', 'COMPLETED') and e.procedure is not null
      group by 1`);
    const [{ n: flagshipTested }] = await rows<{ n: number }>(sql`select count(*)::int n from enrolments e
      where e.cycle_id = ${cycleId} and e.institution_id = ${sample.flagshipId} and e.status in ('AWAITING_TEST', 'PENDING_RETAKE_CONFIRMATION', 'AWAITING_RETAKE', 'COMPLETED')`);
    const of = (p: string) => Number(counted.find((c) => c.procedure === p)?.n ?? 0);
    return { ...sample, attempts, rows: { standard: of('standard'), simplified: of('simplified') }, flagshipTested };
  } finally {
    await runtime.close();
  }
}
