// 所有多点执业机构均须评价 (seed 000 FAQ 11.2): with the 考核政策 on, no test starts until every 多点执业 site of the
// enrolment recorded 职业道德 and 工作业绩. A 不合格 at a site keeps the test blocked too: the physician is told which
// site and what, and the site may 保存 again after talking it over (the main institution's own verdicts are in 审核).
import { sql } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client.js';

interface SiteRow {
  name: string;
  ethics: string | null;
  workPerformance: string | null;
}

/** Why the enrolment may not take a test yet because of its 多点执业 sites, or null. */
export async function siteEvaluationBlock(db: Database | Tx, enrolmentId: number): Promise<string | null> {
  const result = await db.execute(sql`
    select i.name, v.ethics, v.work_performance as "workPerformance"
    from enrolments e
    join physician_multi_sites m on m.physician_id = e.physician_id and m.institution_id is not null and m.institution_id <> e.institution_id
    join institutions i on i.id = m.institution_id
    left join multi_site_evaluations v on v.enrolment_id = e.id and v.institution_id = m.institution_id
    where e.id = ${enrolmentId}
    group by i.id, i.name, v.ethics, v.work_performance
    order by i.id`);
  const sites = (result as unknown as { rows: SiteRow[] }).rows;
  const missing = sites.filter((s) => !s.ethics);
  if (missing.length > 0) return `多点执业机构（${missing.map((s) => s.name).join('、')}）尚未完成职业道德、工作业绩评价，暂不能参加考试`;
  const failed = sites.filter((s) => s.ethics === 'failed' || s.workPerformance === 'failed');
  if (failed.length > 0) {
    const what = (s: SiteRow) => [s.ethics === 'failed' ? '职业道德' : null, s.workPerformance === 'failed' ? '工作业绩' : null].filter(Boolean).join('、');
    return `多点执业机构（${failed.map((s) => `${s.name}：${what(s)}`).join('；')}）评价不合格，暂不能参加考试，请联系该机构`;
  }
  return null;
}
