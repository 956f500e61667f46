// 考核委员会 / 考核办公室 (seed 000 §5): the institution keeps the members of both bodies, whichever of
// its two roles (医疗卫生机构 or 考核机构) the account acts in.
import { and, asc, count, eq } from 'drizzle-orm';
import type { CommitteeBody, CommitteeListQuery, CommitteeMember, CommitteeMemberList, committeeMemberFieldsSchema } from '../../../common/schemas/assessor.js';
import type { z } from 'zod';
import type { Actor } from '../../auth/access.js';
import { requireAccess, requireRole } from '../../auth/access.js';
import type { Database } from '../../db/client.js';
import { assessorCommitteeMembers } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { notFound } from '../../lib/errors.js';
import { offsetOf } from './shared.js';

type Fields = z.infer<typeof committeeMemberFieldsSchema>;
type MemberRow = typeof assessorCommitteeMembers.$inferSelect;

const ROLES = ['institution', 'assessor'] as const;

function toMember(r: MemberRow): CommitteeMember {
  return { id: r.id, body: r.body as CommitteeBody, name: r.name, title: r.title, position: r.position, committeeRole: r.committeeRole, phone: r.phone };
}

const columns = (f: Fields) => ({
  name: f.name,
  title: f.title ?? null,
  position: f.position ?? null,
  committeeRole: f.committeeRole ?? null,
  phone: f.phone ?? null,
});

export async function listMembers(db: Database, actor: Actor, input: CommitteeListQuery): Promise<CommitteeMemberList> {
  requireRole(actor, ROLES);
  const where = and(eq(assessorCommitteeMembers.institutionId, actor.orgId), eq(assessorCommitteeMembers.body, input.body));
  const [{ total }] = await db.select({ total: count() }).from(assessorCommitteeMembers).where(where);
  const rows = await db
    .select()
    .from(assessorCommitteeMembers)
    .where(where)
    .orderBy(asc(assessorCommitteeMembers.createdAt), asc(assessorCommitteeMembers.id))
    .limit(input.pageSize)
    .offset(offsetOf(input));
  return { items: rows.map(toMember), total, page: input.page, pageSize: input.pageSize };
}

export async function createMember(db: Database, actor: Actor, input: Fields & { body: CommitteeBody }, ip: string): Promise<CommitteeMember> {
  requireRole(actor, ROLES);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(assessorCommitteeMembers).values({ institutionId: actor.orgId, body: input.body, ...columns(input) }).returning();
    await recordAudit(tx, { action: 'committeeMember.created', actor, targetType: 'committeeMember', targetId: row.id, after: toMember(row), ip });
    return toMember(row);
  });
}

export async function updateMember(db: Database, actor: Actor, id: number, input: Fields, ip: string): Promise<CommitteeMember> {
  requireRole(actor, ROLES);
  await requireAccess(db, actor, 'committeeMember.manage', [id]);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(assessorCommitteeMembers).where(eq(assessorCommitteeMembers.id, id)).for('update');
    if (!before) throw notFound('成员不存在');
    const [row] = await tx.update(assessorCommitteeMembers).set(columns(input)).where(eq(assessorCommitteeMembers.id, id)).returning();
    await recordAudit(tx, { action: 'committeeMember.updated', actor, targetType: 'committeeMember', targetId: id, before: toMember(before), after: toMember(row), ip });
    return toMember(row);
  });
}

export async function deleteMember(db: Database, actor: Actor, id: number, ip: string): Promise<void> {
  requireRole(actor, ROLES);
  await requireAccess(db, actor, 'committeeMember.manage', [id]);
  await db.transaction(async (tx) => {
    const [row] = await tx.delete(assessorCommitteeMembers).where(eq(assessorCommitteeMembers.id, id)).returning();
    // Removed by someone else in the meantime.
    if (!row) throw notFound('成员不存在');
    await recordAudit(tx, { action: 'committeeMember.deleted', actor, targetType: 'committeeMember', targetId: id, before: toMember(row), ip });
  });
}
