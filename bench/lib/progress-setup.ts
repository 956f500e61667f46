// Before the 考核进度 benchmark, with the server stopped: gives the generated province what the review chain would
// have written by mid-cycle (set-based, idempotent) and samples the inputs of the requests.
//   - 考核程序 on every enrolment submitted at least once (70% 一般程序, 30% 简易程序, by a hash of the id);
//   - a registration row for each of them, with a 免考 status spread (90% 未申请, 5% 免考通过, 2% 待机构审核,
//     2% 待考核机构复核, 1% 免考驳回);
//   - the flagship BENCH0001 approved as 考核机构 and assigned the 400 biggest other institutions of its city.
import { sql } from 'drizzle-orm';
import { loadConfig } from '../../server/config.js';
import { openRuntime } from '../../server/runtime.js';
import { BENCH_INSTITUTION } from './bench-accounts.js';
import { restoreReview } from './review-setup.js';

export const ASSIGNED_INSTITUTIONS = 400;

export interface ProgressSample {
  provinceCode: string;
  cityCode: string;
  flagshipId: number;
  cycleId: number;
  /** Institutions of the province, big and small, for the authority's 机构 filter. */
  institutionIds: number[];
  /** One- and two-character name fragments of the province. */
  names: string[];
  enrolled: number;
  assigned: number;
  assignedEnrolled: number;
}

type Rows<T> = { rows: T[] };

export async function prepareProgress(): Promise<ProgressSample> {
  const runtime = await openRuntime(loadConfig());
  const { db } = runtime.database;
  const rows = async <T>(query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as Rows<T>).rows;
  try {
    const [flagship] = await rows<{ id: number; region_code: string }>(sql`select i.id, i.region_code from accounts a join institutions i on i.id = a.institution_id where a.login_name = ${BENCH_INSTITUTION}`);
    if (!flagship) throw new Error(`no ${BENCH_INSTITUTION}: run bench/generate-province.ts first`);
    const flagshipId = Number(flagship.id);
    // A 审核 run moved the flagship's first 5,000 (statuses, registrations): put them back first.
    await restoreReview(db);
    const provinceCode = `${flagship.region_code.slice(0, 2)}0000`;
    const cityCode = `${flagship.region_code.slice(0, 4)}00`;
    const [cycle] = await rows<{ id: number }>(sql`select id from cycles where province_code = ${provinceCode} and is_current`);
    const cycleId = Number(cycle.id);
    const procedures = await db.execute(sql`update enrolments set procedure = case when abs(hashint4(id)) % 10 < 3 then 'simplified' else 'standard' end
      where cycle_id = ${cycleId} and status not in ('NOT_ENROLLED', 'PENDING_REGISTRATION') and procedure is null`);
    const exemption = sql`abs(hashint4(e.id + 7)) % 100`;
    const registrations = await db.execute(sql`insert into registrations (enrolment_id, physician_id, cycle_id, exemption_status, submitted_at)
      select e.id, e.physician_id, e.cycle_id,
        case when ${exemption} < 5 then 'approved' when ${exemption} < 7 then 'pendingInstitution'
             when ${exemption} < 9 then 'pendingAssessor' when ${exemption} < 10 then 'rejected' else 'none' end,
        now()
      from enrolments e where e.cycle_id = ${cycleId} and e.status not in ('NOT_ENROLLED', 'PENDING_REGISTRATION')
      on conflict (enrolment_id) do nothing`);
    await db.execute(sql`insert into assessors (cycle_id, institution_id) values (${cycleId}, ${flagshipId}) on conflict do nothing`);
    const assignments = await db.execute(sql`insert into assessor_assignments (cycle_id, institution_id, assigned_assessor_id)
      select ${cycleId}, id, ${flagshipId} from institutions
      where region_code like ${`${cityCode.slice(0, 4)}%`} and id <> ${flagshipId}
      order by physician_total desc, id limit ${ASSIGNED_INSTITUTIONS}
      on conflict do nothing`);
    const changed = [procedures, registrations, assignments].map((r) => (r as unknown as { rowCount?: number; affectedRows?: number }).rowCount ?? (r as unknown as { affectedRows?: number }).affectedRows ?? 0);
    if (changed.some((n) => n > 0)) {
      console.log(`setup: 考核程序 on ${changed[0]} enrolments, ${changed[1]} registrations, ${changed[2]} institutions assigned to ${BENCH_INSTITUTION}`);
      for (const table of ['enrolments', 'registrations', 'assessor_assignments']) await db.execute(sql.raw(`vacuum analyze ${table}`));
    }

    const institutions = await rows<{ id: number }>(sql`(select id from institutions where region_code like ${`${provinceCode.slice(0, 2)}%`} order by physician_total desc limit 10)
      union all (select id from institutions where region_code like ${`${provinceCode.slice(0, 2)}%`} order by hashint4(id) limit 20)`);
    const names = await rows<{ name: string }>(sql`(select left(name, 1) as name from physicians group by 1 order by count(*) desc limit 10)
      union all (select left(name, 2) from physicians order by hashint4(id) limit 10)`);
    const [{ n: enrolled }] = await rows<{ n: number }>(sql`select count(*)::int n from enrolments where cycle_id = ${cycleId} and status <> 'NOT_ENROLLED'`);
    const [{ n: assigned, e: assignedEnrolled }] = await rows<{ n: number; e: number }>(sql`select count(distinct a.institution_id)::int n, count(e.id)::int e
      from assessor_assignments a left join enrolments e on e.institution_id = a.institution_id and e.cycle_id = a.cycle_id and e.status <> 'NOT_ENROLLED'
      where a.cycle_id = ${cycleId} and a.assigned_assessor_id = ${flagshipId}`);
    return {
      provinceCode,
      cityCode,
      flagshipId,
      cycleId,
      institutionIds: institutions.map((i) => Number(i.id)),
      names: names.map((r) => r.name),
      enrolled,
      assigned,
      assignedEnrolled,
    };
  } finally {
    await runtime.close();
  }
}
