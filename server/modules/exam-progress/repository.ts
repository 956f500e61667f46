// Queries of 测评进度: rows are (enrolment × required paper), computed in one statement — the scope's enrolments past
// review under the tab's 考核程序, joined to the papers the 考核政策 requires (a VALUES list: with and without an
// approved 免考), then to the paper's 首次考核 and 补考 attempts (one each at most: a partial unique index).
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { PracticeCategory } from '../../../common/enums.js';
import type { PaperKind, Procedure } from '../../../common/papers.js';
import type { ExamProgressItem, ExamProgressOutcome, ExamProgressState } from '../../../common/schemas/exam-progress.js';
import type { ExamStage } from '../../../common/schemas/exams.js';
import type { Database } from '../../db/client.js';
import { examAttempts } from '../../db/schema/index.js';

/** The statuses whose enrolments have been or are being tested: 待参加考核 and after. */
export const testedStatuses = ['AWAITING_TEST', 'PENDING_RETAKE_CONFIRMATION', 'AWAITING_RETAKE', 'COMPLETED'] as const;

/** One paper an enrolment of the tab must take: with an approved 免考 (`exempted`) or without. */
export interface RequiredPaper {
  exempted: boolean;
  paper: PaperKind;
}

/** The latest attempt of the row: the 补考 one when there is one, else the 首次考核 one (either may be missing). */
const latestStatus = sql`coalesce(ar.status, af.status)`;
const latestPassed = sql`(case when ar.id is not null then ar.passed else af.passed end)`;

const stateSql = sql<ExamProgressState>`(case when ${latestStatus} is null then 'notTaken' when ${latestStatus} = 'in_progress' then 'inProgress' else 'submitted' end)`;
const outcomeSql = sql<ExamProgressOutcome>`(case when ${latestStatus} = 'submitted' then (case when ${latestPassed} then 'passed' else 'failed' end) else 'none' end)`;
const stageSql = sql<ExamStage>`(case when ar.id is not null then 'retake' else 'first' end)`;

export interface ExamProgressWhere {
  /** Conditions on `enrolments`, `physicians` (when `physicians`), `required`, `af` and `ar`. */
  conditions: SQL[];
  required: RequiredPaper[];
  physicians: boolean;
  /** 姓名 or 证件号码: few physicians match. */
  selective: boolean;
}

/**
 * The conditions of a 测评进度 filter on top of the scope (conditions on `enrolments`, from 考核进度's
 * `scopeConditions`) and the physician conditions (考核进度's `physicianConditions`).
 */
export function examProgressWhere(
  scope: SQL[],
  onPhysician: SQL[],
  filters: { procedure: Procedure; institutionId?: number; state?: ExamProgressState; outcome?: ExamProgressOutcome; stage?: ExamStage; selective: boolean },
  required: RequiredPaper[],
): ExamProgressWhere {
  const conditions = [
    ...scope,
    inArray(sql`enrolments.status`, [...testedStatuses]),
    sql`enrolments.procedure = ${filters.procedure}`,
    // Completed without a test: the institution's 工作成绩 or 职业道德 was 不合格 (never 待参加考核).
    sql`(enrolments.status <> 'COMPLETED' or not exists (select 1 from evaluations ev where ev.enrolment_id = enrolments.id and (ev.work_performance = 'failed' or ev.ethics = 'failed')))`,
    ...onPhysician,
  ];
  if (filters.institutionId) conditions.push(sql`enrolments.institution_id = ${filters.institutionId}`);
  if (filters.state === 'notTaken') conditions.push(sql`af.id is null and ar.id is null`);
  else if (filters.state === 'inProgress') conditions.push(sql`${latestStatus} = 'in_progress'`);
  else if (filters.state === 'submitted') conditions.push(sql`${latestStatus} = 'submitted'`);
  if (filters.outcome === 'none') conditions.push(sql`${latestStatus} is distinct from 'submitted'`);
  else if (filters.outcome === 'passed') conditions.push(sql`${latestStatus} = 'submitted' and ${latestPassed}`);
  else if (filters.outcome === 'failed') conditions.push(sql`${latestStatus} = 'submitted' and not ${latestPassed}`);
  if (filters.stage === 'retake') conditions.push(sql`ar.id is not null`);
  else if (filters.stage === 'first') conditions.push(sql`ar.id is null`);
  return { conditions, required, physicians: onPhysician.length > 0, selective: filters.selective };
}

/**
 * `from` … `where` of the rows: enrolments (and physicians when a filter needs them), the registration's 免考, the
 * required papers and the two attempts of each.
 */
function rowsFrom(where: ExamProgressWhere, extra: SQL[] = []): SQL {
  const required = sql.join(
    where.required.map((r) => sql`(${r.exempted}::boolean, ${r.paper}::text)`),
    sql`, `,
  );
  return sql`from enrolments
    ${where.physicians ? sql`join physicians on physicians.id = enrolments.physician_id` : sql``}
    left join registrations on registrations.enrolment_id = enrolments.id
    join (values ${required}) as required(exempted, paper) on required.exempted = coalesce(registrations.exemption_status = 'approved', false)
    left join exam_attempts af on af.enrolment_id = enrolments.id and af.kind = 'exam' and af.paper = required.paper and af.stage = 'first'
    left join exam_attempts ar on ar.enrolment_id = enrolments.id and ar.kind = 'exam' and ar.paper = required.paper and ar.stage = 'retake'
    where ${and(...where.conditions, ...extra)}`;
}

interface RawRow {
  enrolmentId: number;
  paper: PaperKind;
  stage: ExamStage;
  state: ExamProgressState;
  outcome: ExamProgressOutcome;
  institutionId: number;
  institutionName: string;
  departmentName: string | null;
  name: string;
  idNumberMasked: string;
  practiceCategory: PracticeCategory;
  assessorName: string | null;
  procedure: Procedure;
}

const rowsOf = async <T>(db: Database, query: SQL): Promise<T[]> => ((await db.execute(query)) as unknown as { rows: T[] }).rows;

const toItem = (r: RawRow): ExamProgressItem => ({ ...r, enrolmentId: Number(r.enrolmentId), institutionId: Number(r.institutionId) });

/** The display columns of the rows in `keys` (enrolment, paper and the attempt's state), in their order. */
const withColumns = (keys: SQL, order: SQL) => sql`
  select k."enrolmentId", k.paper, k.stage, k.state, k.outcome,
         e.institution_id as "institutionId", i.name as "institutionName", d.name as "departmentName",
         p.name, p.id_number_masked as "idNumberMasked", p.practice_category as "practiceCategory",
         ai.name as "assessorName", e.procedure
  from ${keys} k
  join enrolments e on e.id = k."enrolmentId"
  join physicians p on p.id = e.physician_id
  join institutions i on i.id = e.institution_id
  left join departments d on d.id = p.department_id
  left join assessor_assignments aa on aa.cycle_id = e.cycle_id and aa.institution_id = e.institution_id
  left join institutions ai on ai.id = aa.assigned_assessor_id
  order by ${order}`;

const keyColumns = sql`enrolments.id as "enrolmentId", required.paper, ${stageSql} as stage, ${stateSql} as state, ${outcomeSql} as outcome`;

/**
 * One page, newest enrolment first (医学人文·法律法规 before 业务水平 within one), and the number of rows the filter
 * matches (up to `countCap` when given). As in 考核进度: the page's keys are cut first, then the names are joined
 * for those rows only; a whole province's list walks `enrolments_pkey` backwards to the page, any other list sorts
 * `id + 0` so that PostgreSQL reads its rows through `enrolments_institution_status_idx`.
 */
export async function examProgressPage(
  db: Database,
  where: ExamProgressWhere,
  page: { page: number; pageSize: number; wholeProvince: boolean },
  countCap?: number,
): Promise<{ rows: ExamProgressItem[]; total: number; totalCapped: boolean }> {
  if (where.required.length === 0) return { rows: [], total: 0, totalCapped: false };
  const walkIdIndex = page.wholeProvince && !where.selective;
  const keys = sql`(select ${keyColumns} ${rowsFrom(where)}
    order by ${walkIdIndex ? sql`enrolments.id desc` : sql`enrolments.id + 0 desc`}, required.paper
    limit ${page.pageSize} offset ${(page.page - 1) * page.pageSize})`;
  const matching = sql`select 1 ${rowsFrom(where)}`;
  const counting = countCap ? sql`select count(*)::int as total from (${matching} limit ${countCap + 1}) capped` : sql`select count(*)::int as total from (${matching}) all_rows`;
  const [rows, [{ total }]] = await Promise.all([
    rowsOf<RawRow>(db, withColumns(keys, sql`k."enrolmentId" desc, k.paper`)),
    rowsOf<{ total: number }>(db, counting),
  ]);
  const totalCapped = countCap !== undefined && total > countCap;
  return { rows: rows.map(toItem), total: totalCapped ? countCap : Number(total), totalCapped };
}

/**
 * Every row the filter matches, by keyset on (enrolment, paper), `batchSize` rows at a time: an export never holds
 * the table. A whole province walks the primary key; a narrower scope reads its rows through its index and sorts.
 */
export async function* allExamProgressRows(db: Database, where: ExamProgressWhere, walkIdIndex: boolean, batchSize = 2000): AsyncGenerator<ExamProgressItem[]> {
  if (where.required.length === 0) return;
  let after: { enrolmentId: number; paper: string } = { enrolmentId: 0, paper: '' };
  for (;;) {
    const keys = sql`(select ${keyColumns} ${rowsFrom(where, [sql`(enrolments.id, required.paper) > (${after.enrolmentId}::int, ${after.paper}::text)`])}
      order by ${walkIdIndex ? sql`enrolments.id` : sql`enrolments.id + 0`}, required.paper
      limit ${batchSize})`;
    const batch = (await rowsOf<RawRow>(db, withColumns(keys, sql`k."enrolmentId", k.paper`))).map(toItem);
    if (batch.length === 0) return;
    yield batch;
    if (batch.length < batchSize) return;
    const last = batch[batch.length - 1];
    after = { enrolmentId: last.enrolmentId, paper: last.paper };
  }
}

/** The row of one enrolment's paper, when the filter (scope, required papers) lets it through. */
export async function examProgressRow(db: Database, where: ExamProgressWhere, enrolmentId: number, paper: PaperKind): Promise<ExamProgressItem | null> {
  if (where.required.length === 0) return null;
  const keys = sql`(select ${keyColumns} ${rowsFrom(where, [sql`enrolments.id = ${enrolmentId}`, sql`required.paper = ${paper}`])})`;
  const [row] = await rowsOf<RawRow>(db, withColumns(keys, sql`k."enrolmentId"`));
  return row ? toItem(row) : null;
}

/** The exam attempts of one enrolment's paper, 首次考核 first. */
export async function paperAttempts(db: Database, enrolmentId: number, paper: PaperKind) {
  return db
    .select({
      id: examAttempts.id,
      stage: examAttempts.stage,
      status: examAttempts.status,
      startedAt: examAttempts.startedAt,
      deadline: examAttempts.deadline,
      submittedAt: examAttempts.submittedAt,
      submittedBy: examAttempts.submittedBy,
      score: examAttempts.score,
      passed: examAttempts.passed,
      rule: examAttempts.rule,
      questionCount: examAttempts.questionCount,
    })
    .from(examAttempts)
    .where(and(eq(examAttempts.enrolmentId, enrolmentId), eq(examAttempts.paper, paper), eq(examAttempts.kind, 'exam')))
    .orderBy(asc(examAttempts.stage));
}
