// Issuing 合格证书: every enrolment completed 合格 gets one, with a number unique in the country — the province's
// code, the cycle's first year and a 7-digit serial per (province, year). Serials come from `certificate_counters`,
// bumped by `insert … on conflict do update` for a whole batch at once: the row's lock orders concurrent issuers, so no
// two certificates share a number. Issued in the transaction that completes the enrolment (测评 submitted, 复核 with every
// paper exempted), and by `issue-job.ts` for 合格 enrolments that have none (demo data, rows completed before this).
import { sql } from 'drizzle-orm';
import { todayInChina } from '../../../common/schedule.js';
import type { Database, Tx } from '../../db/client.js';

export const SERIAL_DIGITS = 7;

/** Added to the 站内消息 that tells the physician the cycle ended 合格. */
export const CERTIFICATE_READY = '合格证书已生成，可在【考核信息查询】中下载。';

/** The fallback 发证机关 when the province has no authority row (never in practice: the provincial account exists). */
const ISSUER_FALLBACK = '省级卫生行政部门';

export interface Issued {
  enrolmentId: number;
  number: string;
}

/**
 * Issues the certificates of those enrolments (or, with `'missing'`, of up to `limit` 合格 enrolments without one)
 * that are 考核完成 合格 and have none yet; returns what was issued. Call inside the transaction that completed them
 * (the rows are then already locked); the job's rows are claimed with SKIP LOCKED. Two issuers racing for one
 * enrolment cannot both insert (the unique index on the enrolment; the loser's serial is left unused), so numbers
 * are unique and nearly, not strictly, consecutive.
 */
export async function issueCertificates(
  tx: Database | Tx,
  which: readonly number[] | { missing: true; limit: number },
  issuedOn: string = todayInChina(),
): Promise<Issued[]> {
  if (Array.isArray(which) && which.length === 0) return [];
  // Chosen enrolments are locked (waiting for nobody: their completing transaction already holds them); the job takes
  // the first `limit` 合格 rows without a certificate that nobody else holds (SKIP LOCKED inside the limit).
  const chosen = Array.isArray(which) ? sql`e.id = any(${`{${which.join(',')}}`}::int[])` : sql`true`;
  const lock = Array.isArray(which) ? sql`for update of e` : sql`order by e.id limit ${(which as { limit: number }).limit} for update of e skip locked`;
  const result = await tx.execute(sql`
    with due as (
      select e.id, e.cycle_id, e.physician_id, e.institution_id, c.province_code, c.name as cycle_name,
             c.province_code || to_char(c.start_date, 'YYYY') as prefix
      from enrolments e join cycles c on c.id = e.cycle_id
      where ${chosen} and e.status = 'COMPLETED' and e.result = 'passed'
        and not exists (select 1 from certificates x where x.enrolment_id = e.id)
      ${lock}),
    numbered as (
      select due.*, row_number() over (partition by prefix order by id) as rn, count(*) over (partition by prefix) as n from due),
    bumped as (
      insert into certificate_counters (prefix, last_serial)
      select prefix, max(n) from numbered group by prefix
      on conflict (prefix) do update set last_serial = certificate_counters.last_serial + excluded.last_serial
      returning prefix, last_serial)
    insert into certificates (number, enrolment_id, cycle_id, physician_id, institution_id, province_code, name, sex, id_number_masked,
                              practice_category, practice_scope, physician_level, institution_name, cycle_name, issuer_name, issued_on)
    select d.prefix || lpad((b.last_serial - d.n + d.rn)::text, ${SERIAL_DIGITS}, '0'), d.id, d.cycle_id, d.physician_id,
           coalesce(d.institution_id, p.institution_id), d.province_code, p.name, p.sex, p.id_number_masked,
           p.practice_category, p.practice_scope, p.physician_level, coalesce(i.name, pi.name), d.cycle_name,
           coalesce(a.name, ${ISSUER_FALLBACK}), ${issuedOn}::date
    from numbered d
    join bumped b on b.prefix = d.prefix
    join physicians p on p.id = d.physician_id
    join institutions pi on pi.id = p.institution_id
    left join institutions i on i.id = d.institution_id
    left join authorities a on a.region_code = d.province_code
    on conflict (enrolment_id) do nothing
    returning enrolment_id as "enrolmentId", number`);
  return (result as unknown as { rows: Issued[] }).rows;
}
