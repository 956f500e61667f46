// Queries of 测评进度: rows are (enrolment × required paper), computed in one statement — the scope's enrolments past
// review under the tab's 考核程序, multiplied by the papers the 考核政策 requires (less the one an approved 免考 takes
// away), with the paper's latest attempt (the 补考 one, else the 首次考核 one; one each at most: a unique index).
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { PracticeCategory } from '../../../common/enums.js';
import type { PaperKind, Procedure } from '../../../common/papers.js';
import type { ExamProgressItem, ExamProgressOutcome, ExamProgressState } from '../../../common/schemas/exam-progress.js';
import type { ExamStage } from '../../../common/schemas/exams.js';
import type { Database } from '../../db/client.js';
import { examAttempts } from '../../db/schema/index.js';

/** The statuses whose enrolments have been or are being tested: 待参加考核 and after. */
export const testedStatuses = ['AWAITING_TEST', 'PENDING_RETAKE_CONFIRMATION', 'AWAITING_RETAKE', 'COMPLETED'] as const;

/** The papers the tab's enrolments must take, and the one of them an approved 免考 takes away (if any). */
export interface RequiredPapers {
  papers: PaperKind[];
  exemptedAway: PaperKind | null;
}

/**
 * Three shapes of the same rows, so that PostgreSQL can pick a plan for each filter (it cannot see through an
 * outer join's NULLs):
 * - `attempt`: filters that need an attempt (测评状态 已参加 / 已完成, 测评结果 合格 / 不合格, 考核阶段 补考) join the latest
 *   attempt `a` — it may start from the attempts when few match (已参加, 补考) or from the enrolments when many do;
 * - `none`: 未参加 is an anti-join (no attempt of the paper);
 * - `any`: the rest (no filter, 无, 首次考核) left-join the paper's 首次考核 (`af`) and 补考 (`ar`) attempts.
 */
type Shape = 'attempt' | 'none' | 'any';

/** The latest attempt of a row in the `any` shape. */
const latestStatus = sql`coalesce(ar.status, af.status)`;
const latestPassed = sql`(case when ar.id is not null then ar.passed else af.passed end)`;

const columnsOf = (shape: Shape) => {
  if (shape === 'attempt') {
    return {
      stage: sql<ExamStage>`a.stage`,
      state: sql<ExamProgressState>`(case when a.status = 'in_progress' then 'inProgress' else 'submitted' end)`,
      outcome: sql<ExamProgressOutcome>`(case when a.status <> 'submitted' then 'none' when a.passed then 'passed' else 'failed' end)`,
    };
  }
  if (shape === 'none') return { stage: sql<ExamStage>`'first'`, state: sql<ExamProgressState>`'notTaken'`, outcome: sql<ExamProgressOutcome>`'none'` };
  return {
    stage: sql<ExamStage>`(case when ar.id is not null then 'retake' else 'first' end)`,
    state: sql<ExamProgressState>`(case when ${latestStatus} is null then 'notTaken' when ${latestStatus} = 'in_progress' then 'inProgress' else 'submitted' end)`,
    outcome: sql<ExamProgressOutcome>`(case when ${latestStatus} = 'submitted' then (case when ${latestPassed} then 'passed' else 'failed' end) else 'none' end)`,
  };
};

export interface ExamProgressWhere {
  shape: Shape;
  cycleId: number;
  /** Conditions on `enrolments`, `physicians` (when `physicians`), `required` and the attempts of the shape. */
  conditions: SQL[];
  papers: PaperKind[];
  physicians: boolean;
  /** 姓名 or 证件号码: few physicians match. */
  selective: boolean;
}

type AttemptFilters = { state?: ExamProgressState; outcome?: ExamProgressOutcome; stage?: ExamStage };

/** The attempt conditions of the 测评状态, 测评结果 and 考核阶段 filters, in the shape they call for. */
function attemptConditions({ state, outcome, stage }: AttemptFilters): { shape: Shape; conditions: SQL[] } {
  if (state === 'inProgress' || state === 'submitted' || outcome === 'passed' || outcome === 'failed' || stage === 'retake') {
    const conditions: SQL[] = [];
    if (state === 'notTaken') conditions.push(sql`false`);
    else if (state) conditions.push(sql`a.status = ${state === 'inProgress' ? 'in_progress' : 'submitted'}`);
    if (outcome === 'none') conditions.push(sql`a.status <> 'submitted'`);
    else if (outcome === 'passed') conditions.push(sql`a.status = 'submitted' and a.passed`);
    else if (outcome === 'failed') conditions.push(sql`a.status = 'submitted' and not a.passed`);
    if (stage) conditions.push(sql`a.stage = ${stage}`);
    return { shape: 'attempt', conditions };
  }
  // 未参加 is 无 and 首次考核 as well.
  if (state === 'notTaken') return { shape: 'none', conditions: [] };
  const conditions: SQL[] = [];
  if (outcome === 'none') conditions.push(sql`${latestStatus} is distinct from 'submitted'`);
  if (stage === 'first') conditions.push(sql`ar.id is null`);
  return { shape: 'any', conditions };
}

/**
 * The conditions of a 测评进度 filter on top of the scope (conditions on `enrolments`, from 考核进度's
 * `scopeConditions`) and the physician conditions (考核进度's `physicianConditions`).
 */
export function examProgressWhere(
  scope: SQL[],
  onPhysician: SQL[],
  filters: AttemptFilters & { cycleId: number; procedure: Procedure; institutionId?: number; selective: boolean },
  required: RequiredPapers,
): ExamProgressWhere {
  const onAttempts = attemptConditions(filters);
  const conditions = [
    ...scope,
    inArray(sql`enrolments.status`, [...testedStatuses]),
    sql`enrolments.procedure = ${filters.procedure}`,
    // Completed 不合格 without a test: the institution's 工作成绩 or 职业道德 was 不合格 (never 待参加考核).
    sql`not (enrolments.status = 'COMPLETED' and enrolments.result = 'failed' and exists (select 1 from evaluations ev where ev.enrolment_id = enrolments.id and (ev.work_performance = 'failed' or ev.ethics = 'failed')))`,
    ...onPhysician,
    ...onAttempts.conditions,
  ];
  // The paper an approved 免考 takes away: the cycle's approved 免考 are few (a hashed subplan, read once per query).
  if (required.exemptedAway && required.papers.includes(required.exemptedAway)) {
    conditions.push(sql`(required.paper <> ${required.exemptedAway} or enrolments.id not in (select rx.enrolment_id from registrations rx where rx.cycle_id = ${filters.cycleId} and rx.exemption_status = 'approved'))`);
  }
  if (filters.institutionId) conditions.push(sql`enrolments.institution_id = ${filters.institutionId}`);
  return { shape: onAttempts.shape, cycleId: filters.cycleId, conditions, papers: required.papers, physicians: onPhysician.length > 0, selective: filters.selective };
}

/** `from` … `where` of the rows, in the filter's shape. */
function rowsFrom(where: ExamProgressWhere, extra: SQL[] = []): SQL {
  const physiciansJoin = where.physicians ? sql`join physicians on physicians.id = enrolments.physician_id` : sql``;
  const papers = sql`(values ${sql.join(where.papers.map((p) => sql`(${p}::text)`), sql`, `)}) as required(paper)`;
  const conditions = and(...where.conditions, ...extra);
  if (where.shape === 'attempt') {
    return sql`from exam_attempts a
      join enrolments on enrolments.id = a.enrolment_id
      ${physiciansJoin}
      join ${papers} on required.paper = a.paper
      where a.kind = 'exam' and a.cycle_id = ${where.cycleId}
        and (a.stage = 'retake' or not exists (select 1 from exam_attempts r where r.enrolment_id = a.enrolment_id and r.paper = a.paper and r.kind = 'exam' and r.stage = 'retake'))
        and ${conditions}`;
  }
  if (where.shape === 'none') {
    return sql`from enrolments
      ${physiciansJoin}
      cross join ${papers}
      where not exists (select 1 from exam_attempts x where x.enrolment_id = enrolments.id and x.paper = required.paper and x.kind = 'exam')
        and ${conditions}`;
  }
  return sql`from enrolments
    ${physiciansJoin}
    cross join ${papers}
    left join exam_attempts af on af.enrolment_id = enrolments.id and af.kind = 'exam' and af.paper = required.paper and af.stage = 'first'
    left join exam_attempts ar on ar.enrolment_id = enrolments.id and ar.kind = 'exam' and ar.paper = required.paper and ar.stage = 'retake'
    where ${conditions}`;
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

/** The display columns of the rows in `keys` (the enrolment's columns, the paper and the attempt's state), in their order. */
const withColumns = (keys: SQL, order: SQL) => sql`
  select k."enrolmentId", k.paper, k.stage, k.state, k.outcome, k.procedure,
         k.institution_id as "institutionId", i.name as "institutionName", d.name as "departmentName",
         p.name, p.id_number_masked as "idNumberMasked", p.practice_category as "practiceCategory",
         ai.name as "assessorName"
  from ${keys} k
  join physicians p on p.id = k.physician_id
  join institutions i on i.id = k.institution_id
  left join departments d on d.id = p.department_id
  left join assessor_assignments aa on aa.cycle_id = k.cycle_id and aa.institution_id = k.institution_id
  left join institutions ai on ai.id = aa.assigned_assessor_id
  order by ${order}`;

/** What the names are joined by: the enrolment's own columns travel with the key, so it is not read again. */
const keyColumns = (where: ExamProgressWhere) => {
  const c = columnsOf(where.shape);
  return sql`enrolments.id as "enrolmentId", required.paper, ${c.stage} as stage, ${c.state} as state, ${c.outcome} as outcome,
    enrolments.procedure, enrolments.institution_id, enrolments.physician_id, enrolments.cycle_id`;
};

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
  if (where.papers.length === 0) return { rows: [], total: 0, totalCapped: false };
  const walkIdIndex = page.wholeProvince && !where.selective;
  const keys = sql`(select ${keyColumns(where)} ${rowsFrom(where)}
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
  if (where.papers.length === 0) return;
  // The keyset as a range on the enrolment id too, so that each batch starts where the last one ended in the index.
  let after: { enrolmentId: number; paper: string } = { enrolmentId: 0, paper: '' };
  for (;;) {
    const keys = sql`(select ${keyColumns(where)} ${rowsFrom(where, [sql`enrolments.id >= ${after.enrolmentId}`, sql`(enrolments.id, required.paper) > (${after.enrolmentId}::int, ${after.paper}::text)`])}
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
  if (where.papers.length === 0) return null;
  const keys = sql`(select ${keyColumns(where)} ${rowsFrom(where, [sql`enrolments.id = ${enrolmentId}`, sql`required.paper = ${paper}`])})`;
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
