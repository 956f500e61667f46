// 监考管理: the list of proctored attempts by 相似度 (lowest first), 查看 (the registration photo beside each snapshot;
// opening it sets 已查看 and is audited), 标记疑似 by the institution (a mark only, no undo: 「疑似作弊标记仅作为标记操作，
// 不代表最终监考处理结果」), and the provincial authority's 认定作弊 (the paper fails, the cycle is 不合格 through the
// state machine) and 撤销认定 (what it replaced comes back). Whoever may see the physician may see their 监考; others 404.
import { and, asc, count, eq, gt, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { transition } from '../../../common/enrolment-machine.js';
import type { EnrolmentStatus } from '../../../common/enums.js';
import { paperKindLabels, type PaperKind, type Procedure } from '../../../common/papers.js';
import type {
  CameraIssue,
  ProctoringAction,
  ProctoringItem,
  ProctoringList,
  ProctoringListQuery,
  ProctoringMark,
  ProctoringRecord,
  SnapshotOutcome,
} from '../../../common/schemas/proctoring.js';
import { regionLevel } from '../../../common/regions.js';
import type { Actor } from '../../auth/access.js';
import { requireAccess, requireRole } from '../../auth/access.js';
import type { Tx } from '../../db/client.js';
import { authorities, enrolments, examAttempts, files, institutions, physicians, proctoringCases, proctoringSnapshots, type ProctoringPrevious } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { conflict, forbidden, notFound } from '../../lib/errors.js';
import type { Storage } from '../../lib/storage.js';
import { currentCycle } from '../cycles/service.js';
import { notifyPhysicians, type PendingSms } from '../messages/notify.js';
import { cachedPolicy } from '../policies/cache.js';
import { scopeConditions } from '../progress/repository.js';
import { idNumberCondition, progressRoles, scopeOf, type ProgressDeps } from '../progress/scope.js';
import { restoreCertificate, revokeCertificate } from '../certificates/revoke.js';

export type ProctoringDeps = ProgressDeps;

const isProvincialAuthority = (actor: Actor) => actor.role === 'authority' && regionLevel(actor.regionCode) === 'province';

function actionsFor(actor: Actor, mark: ProctoringMark): ProctoringAction[] {
  const actions: ProctoringAction[] = ['view'];
  if (actor.role === 'institution' && mark === 'none') actions.push('suspect');
  if (isProvincialAuthority(actor)) actions.push(mark === 'confirmed' ? 'revoke' : 'confirm');
  return actions;
}

const columns = {
  attemptId: proctoringCases.attemptId,
  physicianId: proctoringCases.physicianId,
  authorityName: authorities.name,
  institutionName: institutions.name,
  name: physicians.name,
  age: sql<number | null>`extract(year from age(${physicians.birthDate}))::int`,
  idNumberMasked: physicians.idNumberMasked,
  procedure: enrolments.procedure,
  paper: proctoringCases.paper,
  lowestSimilarity: proctoringCases.lowestSimilarity,
  snapshotCount: proctoringCases.snapshotCount,
  cameraIssue: proctoringCases.cameraIssue,
  mark: proctoringCases.mark,
  viewedAt: proctoringCases.viewedAt,
};

type Row = { [K in keyof typeof columns]: unknown } & {
  attemptId: number;
  physicianId: number;
  authorityName: string | null;
  institutionName: string;
  name: string;
  age: number | null;
  idNumberMasked: string;
  procedure: string | null;
  paper: string;
  lowestSimilarity: number | null;
  snapshotCount: number;
  cameraIssue: string | null;
  mark: string;
  viewedAt: Date | null;
};

function itemOf(actor: Actor, r: Row): ProctoringItem {
  return {
    attemptId: r.attemptId,
    authorityName: r.authorityName,
    institutionName: r.institutionName,
    name: r.name,
    age: r.age === null ? null : Number(r.age),
    idNumberMasked: r.idNumberMasked,
    procedure: (r.procedure as Procedure | null) ?? null,
    paper: r.paper as PaperKind,
    lowestSimilarity: r.lowestSimilarity,
    snapshotCount: r.snapshotCount,
    cameraIssue: (r.cameraIssue as CameraIssue | null) ?? null,
    mark: r.mark as ProctoringMark,
    viewed: r.viewedAt !== null,
    actions: actionsFor(actor, r.mark as ProctoringMark),
  };
}

const baseQuery = (db: ProctoringDeps['db']) =>
  db
    .select(columns)
    .from(proctoringCases)
    .innerJoin(enrolments, eq(enrolments.id, proctoringCases.enrolmentId))
    .innerJoin(physicians, eq(physicians.id, proctoringCases.physicianId))
    .innerJoin(institutions, eq(institutions.id, enrolments.institutionId))
    .leftJoin(authorities, eq(authorities.id, institutions.authorityId));

/** 监考管理: the current cycle's proctored attempts in the actor's scope, lowest similarity first. */
export async function listProctoring(deps: ProctoringDeps, actor: Actor, query: ProctoringListQuery): Promise<ProctoringList> {
  requireRole(actor, progressRoles);
  const threshold = (await cachedPolicy(deps.db, actor.provinceCode)).fields.proctoringThreshold;
  const similarityBelow = query.similarityBelow ?? threshold;
  const within = await scopeOf(deps.db, actor, query);
  const cycle = await currentCycle(deps.db, actor.provinceCode);
  const empty = { items: [], total: 0, page: query.page, pageSize: query.pageSize, threshold, similarityBelow };
  if (!cycle) return empty;
  const scope = scopeConditions(cycle.id, within);
  const idNumber = await idNumberCondition(deps, scope, query.idNumber);
  const conditions: (SQL | undefined)[] = [
    ...scope,
    eq(proctoringCases.cycleId, cycle.id),
    // Below the value, or with something else to review: a camera problem, or a registration photo without a face.
    similarityBelow > 0
      ? or(lt(proctoringCases.lowestSimilarity, similarityBelow), isNotNull(proctoringCases.cameraIssue), gt(proctoringCases.referenceUnusable, 0))
      : undefined,
    query.mark ? eq(proctoringCases.mark, query.mark) : undefined,
    query.viewed ? (query.viewed === 'viewed' ? isNotNull(proctoringCases.viewedAt) : isNull(proctoringCases.viewedAt)) : undefined,
    query.paper ? eq(proctoringCases.paper, query.paper) : undefined,
    query.procedure ? eq(enrolments.procedure, query.procedure) : undefined,
    query.name ? sql`${physicians.name} like ${`%${query.name.replace(/[\\%_]/g, '\\$&')}%`}` : undefined,
    idNumber,
  ];
  const where = and(...conditions);
  const [rows, [{ total }]] = await Promise.all([
    baseQuery(deps.db)
      .where(where)
      .orderBy(sql`${proctoringCases.lowestSimilarity} asc nulls last`, asc(proctoringCases.attemptId))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    deps.db
      .select({ total: count() })
      .from(proctoringCases)
      .innerJoin(enrolments, eq(enrolments.id, proctoringCases.enrolmentId))
      .innerJoin(physicians, eq(physicians.id, proctoringCases.physicianId))
      .where(where),
  ]);
  return { ...empty, items: rows.map((r) => itemOf(actor, r as Row)), total };
}

const caseNotFound = () => notFound('未找到该监考记录');

/** The case, when the actor may see its physician (the one physician rule); otherwise 404. */
async function visibleCase(deps: ProctoringDeps, actor: Actor, attemptId: number): Promise<Row> {
  requireRole(actor, progressRoles);
  const [row] = await baseQuery(deps.db).where(eq(proctoringCases.attemptId, attemptId));
  if (!row) throw caseNotFound();
  await requireAccess(deps.db, actor, 'physician.read', [row.physicianId]).catch(() => {
    throw caseNotFound();
  });
  return row as Row;
}

/** 查看: the registration photo and every snapshot with its time and score; sets 已查看; every opening is audited. */
export async function proctoringRecord(deps: ProctoringDeps, actor: Actor, attemptId: number, ip: string | null): Promise<ProctoringRecord> {
  const row = await visibleCase(deps, actor, attemptId);
  const viewedAt = await deps.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(proctoringCases)
      .set({ viewedAt: sql`coalesce(${proctoringCases.viewedAt}, now())` })
      .where(eq(proctoringCases.attemptId, attemptId))
      .returning({ viewedAt: proctoringCases.viewedAt });
    await recordAudit(tx, { action: 'proctoring.viewed', actor, targetType: 'examAttempt', targetId: attemptId, ip });
    return updated.viewedAt;
  });
  const [detail] = await deps.db
    .select({ c: proctoringCases, photoFileId: physicians.photoFileId })
    .from(proctoringCases)
    .innerJoin(physicians, eq(physicians.id, proctoringCases.physicianId))
    .where(eq(proctoringCases.attemptId, attemptId));
  const snapshots = await deps.db.select().from(proctoringSnapshots).where(eq(proctoringSnapshots.attemptId, attemptId)).orderBy(asc(proctoringSnapshots.takenAt), asc(proctoringSnapshots.id));
  const c = detail.c;
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    item: itemOf(actor, { ...row, viewedAt }),
    referencePhotoId: detail.photoFileId,
    consentedAt: c.consentedAt.toISOString(),
    cameraIssueAt: iso(c.cameraIssueAt),
    snapshots: snapshots.map((s) => ({
      id: s.id,
      trigger: s.trigger as 'start' | 'random',
      takenAt: s.takenAt.toISOString(),
      status: s.status,
      similarity: s.similarity,
      faces: s.faces,
      outcome: (s.outcome as SnapshotOutcome | null) ?? null,
    })),
    suspectedNote: c.suspectedNote,
    suspectedAt: iso(c.suspectedAt),
    confirmedReason: c.confirmedReason,
    confirmedAt: iso(c.confirmedAt),
    revokedReason: c.revokedReason,
    revokedAt: iso(c.revokedAt),
  };
}

/** A snapshot's bytes, for those who may open its attempt's 监考. */
/** One snapshot image; each opening is audited like 查看 (a face image is sensitive personal data). */
export async function openSnapshot(deps: ProctoringDeps & { storage: Storage }, actor: Actor, snapshotId: number, ip: string | null) {
  requireRole(actor, progressRoles);
  const [snapshot] = await deps.db
    .select({ attemptId: proctoringSnapshots.attemptId, storageKey: files.storageKey, mimeType: files.mimeType })
    .from(proctoringSnapshots)
    .innerJoin(files, eq(files.id, proctoringSnapshots.fileId))
    .where(eq(proctoringSnapshots.id, snapshotId));
  if (!snapshot) throw notFound('照片不存在');
  await visibleCase(deps, actor, snapshot.attemptId);
  await recordAudit(deps.db, { action: 'proctoring.snapshotOpened', actor, targetType: 'examAttempt', targetId: snapshot.attemptId, after: { snapshotId }, ip });
  return { mimeType: snapshot.mimeType, stream: deps.storage.read(snapshot.storageKey) };
}

/** 标记疑似 (institution, its own physicians): a mark with a note; it cannot be undone here. */
export async function markSuspected(deps: ProctoringDeps, actor: Actor, attemptId: number, note: string, ip: string | null): Promise<ProctoringItem> {
  requireRole(actor, ['institution']);
  await visibleCase(deps, actor, attemptId);
  await deps.db.transaction(async (tx) => {
    const [locked] = await tx.select({ mark: proctoringCases.mark }).from(proctoringCases).where(eq(proctoringCases.attemptId, attemptId)).for('update');
    if (locked.mark === 'suspected') throw conflict('已标记疑似作弊；如需撤销，请联系隶属卫生行政部门');
    if (locked.mark === 'confirmed') throw conflict('该记录已由卫生行政部门认定作弊');
    await tx.update(proctoringCases).set({ mark: 'suspected', suspectedNote: note, suspectedAt: new Date() }).where(eq(proctoringCases.attemptId, attemptId));
    await recordAudit(tx, { action: 'proctoring.suspected', actor, targetType: 'examAttempt', targetId: attemptId, before: { mark: locked.mark }, after: { mark: 'suspected', note }, ip });
  });
  return itemOf(actor, (await visibleCase(deps, actor, attemptId)) as Row);
}

function requireProvincialAuthority(actor: Actor): void {
  requireRole(actor, ['authority']);
  if (!isProvincialAuthority(actor)) throw forbidden('认定作弊和撤销认定须由省级卫生行政部门处理');
}

interface Locked {
  mark: string;
  previous: ProctoringPrevious | null;
  attemptStatus: string;
  passed: boolean | null;
  enrolmentId: number;
  status: EnrolmentStatus;
  result: string | null;
  institutionId: number | null;
  physicianId: number;
  paper: string;
}

async function lockCase(tx: Tx, attemptId: number): Promise<Locked> {
  const [row] = await tx
    .select({
      mark: proctoringCases.mark,
      previous: proctoringCases.previous,
      attemptStatus: examAttempts.status,
      passed: examAttempts.passed,
      enrolmentId: enrolments.id,
      status: enrolments.status,
      result: enrolments.result,
      institutionId: enrolments.institutionId,
      physicianId: proctoringCases.physicianId,
      paper: proctoringCases.paper,
    })
    .from(proctoringCases)
    .innerJoin(examAttempts, eq(examAttempts.id, proctoringCases.attemptId))
    .innerJoin(enrolments, eq(enrolments.id, proctoringCases.enrolmentId))
    .where(eq(proctoringCases.attemptId, attemptId))
    .for('update');
  return row as Locked;
}

/** The institution hears of a decision on one of its physicians (its own 站内消息). */
async function tellInstitution(tx: Tx, institutionId: number | null, title: string, content: string): Promise<void> {
  if (!institutionId) return;
  await tx.execute(sql`
    insert into messages (account_id, title, content)
    select a.id, ${title}::text, ${content}::text from accounts a where a.institution_id = ${institutionId} and a.kind = 'institution'`);
}

/** 认定作弊 (provincial authority): the paper counts as failed and the cycle result is 不合格. */
export async function confirmCheating(deps: ProctoringDeps, actor: Actor, attemptId: number, reason: string, ip: string | null): Promise<{ item: ProctoringItem; sms: PendingSms[] }> {
  requireProvincialAuthority(actor);
  const row = await visibleCase(deps, actor, attemptId);
  const sms = await deps.db.transaction(async (tx) => {
    const locked = await lockCase(tx, attemptId);
    if (locked.mark === 'confirmed') throw conflict('该记录已认定作弊');
    if (locked.attemptStatus !== 'submitted') throw conflict('考试尚未结束，不能认定作弊');
    const outcome = transition(locked.status, 'cheatingConfirm', 'authority');
    if (!outcome.ok) throw conflict(outcome.reason);
    // A 合格证书 already issued for the cycle goes with the result (audited and told by the certificates module).
    const revoked = await revokeCertificate(tx, { enrolmentId: locked.enrolmentId }, { actor, reason: `认定作弊：${reason}`, ip });
    const previous: ProctoringPrevious = { status: locked.status, result: locked.result, passed: locked.passed, mark: locked.mark, revokedCertificateId: revoked?.certificateId ?? null };
    await tx.update(examAttempts).set({ passed: false }).where(eq(examAttempts.id, attemptId));
    await tx
      .update(enrolments)
      .set({ status: outcome.status, result: outcome.result, version: sql`${enrolments.version} + 1`, updatedAt: new Date() })
      .where(eq(enrolments.id, locked.enrolmentId));
    await tx
      .update(proctoringCases)
      .set({ mark: 'confirmed', confirmedReason: reason, confirmedAt: new Date(), previous, revokedReason: null, revokedAt: null })
      .where(eq(proctoringCases.attemptId, attemptId));
    await recordAudit(tx, {
      action: 'proctoring.cheatingConfirmed',
      actor,
      targetType: 'enrolment',
      targetId: locked.enrolmentId,
      before: previous,
      after: { attemptId, status: outcome.status, result: outcome.result, passed: false, reason },
      ip,
    });
    const paperLabel = paperKindLabels[locked.paper as PaperKind];
    await tellInstitution(tx, locked.institutionId, '认定作弊', `卫生行政部门认定本机构医师${row.name}的${paperLabel}测评存在作弊行为，理由：${reason}。该医师本周期定期考核结果为不合格。`);
    const told = await notifyPhysicians(tx, [locked.physicianId], {
      title: '认定作弊',
      content: `卫生行政部门认定您的${paperLabel}测评存在作弊行为，理由：${reason}。该试卷按不合格处理，本周期定期考核结果：不合格。`,
    });
    return [...told, ...(revoked?.sms ?? [])];
  });
  return { item: itemOf(actor, (await visibleCase(deps, actor, attemptId)) as Row), sms };
}

/** 撤销认定 (provincial authority): the result, the paper's own outcome and the mark before 认定 come back. */
export async function revokeCheating(deps: ProctoringDeps, actor: Actor, attemptId: number, reason: string, ip: string | null): Promise<{ item: ProctoringItem; sms: PendingSms[] }> {
  requireProvincialAuthority(actor);
  const row = await visibleCase(deps, actor, attemptId);
  const sms = await deps.db.transaction(async (tx) => {
    const locked = await lockCase(tx, attemptId);
    if (locked.mark !== 'confirmed' || !locked.previous) throw conflict('该记录未被认定作弊');
    const previous = locked.previous;
    const outcome = transition(locked.status, 'cheatingRevoke', 'authority', {
      beforeCheating: { status: previous.status as EnrolmentStatus, result: previous.result as 'passed' | 'failed' | null },
    });
    if (!outcome.ok) throw conflict(outcome.reason);
    await tx.update(examAttempts).set({ passed: previous.passed }).where(eq(examAttempts.id, attemptId));
    await tx
      .update(enrolments)
      .set({ status: outcome.status, result: outcome.result, version: sql`${enrolments.version} + 1`, updatedAt: new Date() })
      .where(eq(enrolments.id, locked.enrolmentId));
    await tx
      .update(proctoringCases)
      .set({ mark: previous.mark, previous: null, revokedReason: reason, revokedAt: new Date() })
      .where(eq(proctoringCases.attemptId, attemptId));
    await recordAudit(tx, {
      action: 'proctoring.cheatingRevoked',
      actor,
      targetType: 'enrolment',
      targetId: locked.enrolmentId,
      before: { status: locked.status, result: locked.result, passed: false },
      after: { attemptId, status: outcome.status, result: outcome.result, passed: previous.passed, reason },
      ip,
    });
    // The certificate 认定作弊 revoked comes back with the 合格 it belonged to.
    const restored =
      previous.revokedCertificateId && outcome.result === 'passed'
        ? await restoreCertificate(tx, previous.revokedCertificateId, { actor, reason: `撤销认定作弊：${reason}`, ip })
        : null;
    const paperLabel = paperKindLabels[locked.paper as PaperKind];
    await tellInstitution(tx, locked.institutionId, '撤销认定作弊', `卫生行政部门撤销了对本机构医师${row.name}${paperLabel}测评的作弊认定，理由：${reason}。`);
    return notifyPhysicians(tx, [locked.physicianId], {
      title: '撤销认定作弊',
      content: `卫生行政部门撤销了对您${paperLabel}测评的作弊认定，理由：${reason}。考核结果已恢复。`,
    }).then((told) => [...told, ...(restored?.sms ?? [])]);
  });
  return { item: itemOf(actor, (await visibleCase(deps, actor, attemptId)) as Row), sms };
}
