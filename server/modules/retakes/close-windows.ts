// When a cycle's 测评考核 window has closed, an enrolment still in 待参加考核 has a required paper it did not pass (never
// started — 缺考 — or failed): it moves through the state machine as failed, to 待确认补考 where the province allows
// retakes, otherwise to 考核完成 不合格. When the 补考时间 has closed, one still in 待参加补考 ends 考核完成 不合格. Set-based
// (one UPDATE per province and stage), run under `runExclusive` so one instance does it; a re-run finds nothing to move.
// An enrolment with an attempt still open waits for the sweeper to close it (its deadline is within the window).
import { sql } from 'drizzle-orm';
import { transition } from '../../../common/enrolment-machine.js';
import { todayInChina } from '../../../common/schedule.js';
import type { Database, Tx } from '../../db/client.js';
import { runExclusive } from '../../lib/jobs.js';
import { notifyPhysicians, type PendingSms } from '../messages/notify.js';

export const WINDOW_CLOSE_EVERY_MS = 10 * 60_000;

type Rows<T> = { rows: T[] };

/** The status each stage moves to (the state machine decides; the SQL applies it to every row at once). */
function outcomeOf(stage: 'first' | 'retake', retakeAllowed: boolean) {
  const outcome = stage === 'first' ? transition('AWAITING_TEST', 'testFailed', 'system', { retakeAllowed }) : transition('AWAITING_RETAKE', 'retakeFailed', 'system');
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome;
}

async function closeStage(tx: Tx, stage: 'first' | 'retake', today: string): Promise<{ moved: number; sms: PendingSms[] }> {
  const from = stage === 'first' ? 'AWAITING_TEST' : 'AWAITING_RETAKE';
  const windowEnd = stage === 'first' ? sql`c.test_end` : sql`c.retake_end`;
  const provinces = ((await tx.execute(sql`
    select c.id as "cycleId", coalesce(p.retake_allowed, true) as "retakeAllowed"
    from cycles c left join policies p on p.province_code = c.province_code
    where ${windowEnd} < ${today}::date`)) as unknown as Rows<{ cycleId: number; retakeAllowed: boolean }>).rows;
  let moved = 0;
  const sms: PendingSms[] = [];
  for (const { cycleId, retakeAllowed } of provinces) {
    const outcome = outcomeOf(stage, retakeAllowed);
    if (!outcome.ok) continue;
    const changed = ((await tx.execute(sql`
      with due as (
        select e.id from enrolments e
        where e.cycle_id = ${cycleId} and e.status = ${from}
          and not exists (select 1 from exam_attempts a where a.enrolment_id = e.id and a.kind = 'exam' and a.status = 'in_progress')
        for update of e skip locked),
      moved as (
        update enrolments e set status = ${outcome.status}, result = ${outcome.result}, version = e.version + 1, updated_at = now()
        from due where e.id = due.id
        returning e.id, e.physician_id),
      audited as (
        insert into audit_events (action, target_type, target_id, before, after)
        select 'enrolment.testFailed', 'enrolment', moved.id::text, jsonb_build_object('status', ${from}::text),
               jsonb_build_object('status', ${outcome.status}::text, 'result', ${outcome.result}::text, 'reason', 'windowClosed')
        from moved)
      select physician_id as "physicianId" from moved`)) as unknown as Rows<{ physicianId: number }>).rows;
    if (changed.length === 0) continue;
    moved += changed.length;
    const content =
      outcome.status === 'PENDING_RETAKE_CONFIRMATION'
        ? '测评考核时间已结束，您尚有试卷未通过（不合格或缺考），请等待卫生行政部门确认补考安排。'
        : `${stage === 'first' ? '测评考核' : '补考'}时间已结束，您尚有试卷未通过（不合格或缺考），本周期定期考核结果：不合格。`;
    sms.push(...(await notifyPhysicians(tx, changed.map((r) => Number(r.physicianId)), { title: '测评结果', content })));
  }
  return { moved, sms };
}

/** One pass over every province's closed windows; returns how many enrolments moved and the SMS to send. */
export async function closeEndedWindows(db: Database, today = todayInChina()): Promise<{ ran: boolean; moved: number; sms: PendingSms[] }> {
  const run = await runExclusive(db, 'test-window-close', async (tx) => {
    const first = await closeStage(tx, 'first', today);
    const retake = await closeStage(tx, 'retake', today);
    return { moved: first.moved + retake.moved, sms: [...first.sms, ...retake.sms] };
  });
  return run.ran ? { ran: true, ...run.result } : { ran: false, moved: 0, sms: [] };
}
