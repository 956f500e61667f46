// Before the 考核统计 benchmark, with the server stopped: the 考核进度 setup (考核程序, registrations with 免考 statuses,
// the flagship as 考核机构 of 400 institutions), then what the statistics read besides (set-based, idempotent):
//   - a 工作成绩 不合格 evaluation for one in five 考核完成 不合格 enrolments (completed without a test);
//   - the audit events of the daily line: a 提交 for every enrolment submitted at least once, and a 复核通过 for every
//     one past both reviews, spread over the days from the 医师报名 window's start to today (marked `ip = 'bench'`).
import { sql } from 'drizzle-orm';
import { loadConfig } from '../../server/config.js';
import { openRuntime } from '../../server/runtime.js';
import { prepareProgress, type ProgressSample } from './progress-setup.js';

export interface StatisticsSample extends ProgressSample {
  /** The district with the most institutions in the flagship's city. */
  districtCode: string;
  auditEvents: number;
}

const rowCount = (r: unknown) => (r as { rowCount?: number; affectedRows?: number }).rowCount ?? (r as { affectedRows?: number }).affectedRows ?? 0;

export async function prepareStatistics(): Promise<StatisticsSample> {
  const sample = await prepareProgress();
  const runtime = await openRuntime(loadConfig());
  const { db } = runtime.database;
  try {
    const failed = await db.execute(sql`insert into evaluations (enrolment_id, work_performance, work_performance_reason, ethics)
      select id, 'failed', '工作成绩不合格', 'passed' from enrolments
      where cycle_id = ${sample.cycleId} and status = 'COMPLETED' and result = 'failed' and abs(hashint4(id + 3)) % 5 = 0
      on conflict (enrolment_id) do nothing`);
    const rows = async <T>(query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as { rows: T[] }).rows;
    const [{ n: present }] = await rows<{ n: number }>(sql`select count(*)::int n from audit_events where ip = 'bench' and target_type = 'enrolment'`);
    let written = 0;
    if (Number(present) === 0) {
      // Days since the window opened, at least one; each enrolment on a day of its own (by a hash of its id).
      const span = sql`greatest(1, (current_date - c.registration_start) + 1)`;
      const day = (salt: number) => sql`(c.registration_start + (abs(hashint4(e.id + ${salt})) % ${span}))::timestamp at time zone 'UTC' + interval '2 hours'`;
      const submitted = await db.execute(sql`insert into audit_events (at, action, actor_role, target_type, target_id, ip)
        select ${day(11)}, 'enrolment.submitted', 'physician', 'enrolment', e.id::text, 'bench'
        from enrolments e join cycles c on c.id = e.cycle_id
        where e.cycle_id = ${sample.cycleId} and e.status in ('PENDING_INSTITUTION_REVIEW', 'RETURNED_BY_ASSESSOR', 'PENDING_ASSESSOR_REVIEW',
          'AWAITING_TEST', 'PENDING_RETAKE_CONFIRMATION', 'AWAITING_RETAKE', 'COMPLETED')`);
      const reviewed = await db.execute(sql`insert into audit_events (at, action, actor_role, target_type, target_id, ip)
        select ${day(29)}, 'enrolment.approvedByAssessor', 'assessor', 'enrolment', e.id::text, 'bench'
        from enrolments e join cycles c on c.id = e.cycle_id
        where e.cycle_id = ${sample.cycleId} and e.status in ('AWAITING_TEST', 'PENDING_RETAKE_CONFIRMATION', 'AWAITING_RETAKE', 'COMPLETED')`);
      written = rowCount(submitted) + rowCount(reviewed);
    }
    if (rowCount(failed) > 0 || written > 0) {
      console.log(`setup: ${rowCount(failed)} failed evaluations, ${written} audit events`);
      for (const table of ['evaluations', 'audit_events']) await db.execute(sql.raw(`vacuum analyze ${table}`));
    }
    // The district of the flagship's city with the most institutions (the flagship itself sits at the city).
    const [{ code }] = await rows<{ code: string }>(sql`select region_code as code from institutions
      where region_code like ${`${sample.cityCode.slice(0, 4)}%`} and region_code <> ${sample.cityCode} group by 1 order by count(*) desc, 1 limit 1`);
    const [{ n }] = await rows<{ n: number }>(sql`select count(*)::int n from audit_events where ip = 'bench'`);
    return { ...sample, districtCode: code, auditEvents: Number(n) };
  } finally {
    await runtime.close();
  }
}
