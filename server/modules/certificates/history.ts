// 历史考核结果查询 (seed 002 §1.10): the 考核进度 query for any cycle of the province, each row with its certificate;
// the batch PDF of the certificates a filter matches. The institution reads its own, an authority its jurisdiction.
import { and, desc, eq, inArray } from 'drizzle-orm';
import { BATCH_PDF_LIMIT, type HistoryFilters, type HistoryItem, type HistoryList, type HistoryListQuery } from '../../../common/schemas/certificates.js';
import { PROGRESS_COUNT_CAP } from '../../../common/schemas/assessment-progress.js';
import type { Actor } from '../../auth/access.js';
import { requireRole } from '../../auth/access.js';
import type { Database } from '../../db/client.js';
import { certificates, cycles } from '../../db/schema/index.js';
import { conflict, notFound } from '../../lib/errors.js';
import { isProvincialAuthority } from '../cycles/provincial.js';
import { allProgressRows, progressPage, type ProgressRow } from '../progress/repository.js';
import { whereOf } from '../progress/service.js';
import type { ProgressDeps } from '../progress/scope.js';
import type { CertificateRow } from './service.js';

export const historyRoles = ['institution', 'authority'] as const;

async function provinceCycles(db: Database, provinceCode: string) {
  return db
    .select({ id: cycles.id, name: cycles.name, isCurrent: cycles.isCurrent })
    .from(cycles)
    .where(eq(cycles.provinceCode, provinceCode))
    .orderBy(desc(cycles.startDate));
}

/** The cycle asked for (of the actor's province, else 404), or the current one, or the latest. */
async function chosenCycle(db: Database, actor: Actor, cycleId: number | undefined) {
  const all = await provinceCycles(db, actor.provinceCode);
  if (cycleId !== undefined) {
    const found = all.find((c) => c.id === cycleId);
    if (!found) throw notFound('未找到该考核周期');
    return { all, cycle: found };
  }
  return { all, cycle: all.find((c) => c.isCurrent) ?? all[0] ?? null };
}

async function withCertificates(db: Database, rows: ProgressRow[], cycleName: string): Promise<HistoryItem[]> {
  const certs = rows.length
    ? await db
        .select({ enrolmentId: certificates.enrolmentId, id: certificates.id, number: certificates.number, status: certificates.status, issuedOn: certificates.issuedOn })
        .from(certificates)
        .where(inArray(certificates.enrolmentId, rows.map((r) => r.enrolmentId)))
    : [];
  const byEnrolment = new Map(certs.map((c) => [c.enrolmentId, c]));
  return rows.map(({ birthDate: _b, ...row }) => {
    const c = byEnrolment.get(row.enrolmentId);
    return { ...row, cycleName, certificate: c ? { id: c.id, number: c.number, status: c.status as 'valid' | 'revoked', issuedOn: c.issuedOn } : null };
  });
}

export async function listHistory(deps: ProgressDeps, actor: Actor, query: HistoryListQuery): Promise<HistoryList> {
  requireRole(actor, historyRoles);
  const { all, cycle } = await chosenCycle(deps.db, actor, query.cycleId);
  const base = { cycles: all, canRevoke: isProvincialAuthority(actor), page: query.page, pageSize: query.pageSize };
  if (!cycle) return { ...base, items: [], total: 0, cycleId: null, totalCapped: false };
  const { cycleId: _c, page, pageSize, ...filters } = query;
  const { where, wholeProvince } = await whereOf(deps, actor, cycle.id, filters);
  const wide = actor.role === 'authority' && !filters.institutionId;
  const { rows, total, totalCapped } = await progressPage(deps.db, where, { page, pageSize, wholeProvince }, wide ? PROGRESS_COUNT_CAP : undefined);
  return { ...base, items: await withCertificates(deps.db, rows, cycle.name), total, cycleId: cycle.id, totalCapped };
}

export async function exportHistory(deps: ProgressDeps, actor: Actor, filters: HistoryFilters): Promise<AsyncIterable<HistoryItem[]>> {
  requireRole(actor, historyRoles);
  const { cycle } = await chosenCycle(deps.db, actor, filters.cycleId);
  if (!cycle) return (async function* () {})();
  const { cycleId: _c, ...rest } = filters;
  const { where, wholeProvince } = await whereOf(deps, actor, cycle.id, rest);
  const batches = allProgressRows(deps.db, where, wholeProvince);
  return (async function* () {
    for await (const batch of batches) yield withCertificates(deps.db, batch, cycle.name);
  })();
}

/**
 * The valid certificates of every row the filter matches, in batches (for the one multi-page PDF); refused with 409
 * past BATCH_PDF_LIMIT, or when there is none. Counted first, so the answer is known before the PDF starts.
 */
export async function historyCertificates(
  deps: ProgressDeps,
  actor: Actor,
  filters: HistoryFilters,
  options: { countOnly?: boolean } = {},
): Promise<{ count: number; batches: AsyncIterable<CertificateRow[]> }> {
  requireRole(actor, historyRoles);
  const { cycle } = await chosenCycle(deps.db, actor, filters.cycleId);
  if (!cycle) {
    if (options.countOnly) return { count: 0, batches: (async function* () {})() };
    throw conflict('没有符合条件的有效合格证书');
  }
  const { cycleId: _c, ...rest } = filters;
  const { where, wholeProvince } = await whereOf(deps, actor, cycle.id, { ...rest, result: 'passed' });
  const ids: number[] = [];
  for await (const batch of allProgressRows(deps.db, where, wholeProvince)) ids.push(...batch.map((r) => r.enrolmentId));
  const count = ids.length
    ? (await deps.db.$count(certificates, and(inArray(certificates.enrolmentId, ids), eq(certificates.status, 'valid'))))
    : 0;
  if (options.countOnly) return { count, batches: (async function* () {})() };
  if (count === 0) throw conflict('没有符合条件的有效合格证书');
  if (count > BATCH_PDF_LIMIT) throw conflict(`符合条件的合格证书有${count}份，一次最多下载${BATCH_PDF_LIMIT}份，请缩小筛选范围`);
  return {
    count,
    batches: (async function* () {
      for (let i = 0; i < ids.length; i += 500) {
        yield deps.db
          .select()
          .from(certificates)
          .where(and(inArray(certificates.enrolmentId, ids.slice(i, i + 500)), eq(certificates.status, 'valid')))
          .orderBy(certificates.id);
      }
    })(),
  };
}
