// 撤销证书: the provincial authority revokes a certificate with a reason (audited), e.g. when cheating is confirmed.
// `revokeCertificate` is also what other modules call inside their own transaction (监考 认定作弊).
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../auth/access.js';
import type { Database, Tx } from '../../db/client.js';
import { certificates } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { conflict } from '../../lib/errors.js';
import { notifyPhysicians, type PendingSms } from '../messages/notify.js';
import { requireProvincialAuthority } from '../cycles/provincial.js';
import { readableCertificate } from './service.js';

export interface Revocation {
  /** Whose decision: the authority's account, or null for the system. */
  actor: Pick<Actor, 'accountId' | 'role'> | null;
  reason: string;
  ip?: string | null;
}

/**
 * Revokes the valid certificate of the enrolment (or with that id), writes the audit row and tells the physician, in
 * the caller's transaction. Returns null when there is no valid certificate (never issued, or already revoked): the
 * caller need not ask first. Access is the caller's to check.
 */
export async function revokeCertificate(
  tx: Database | Tx,
  target: { enrolmentId: number } | { certificateId: number },
  revocation: Revocation,
): Promise<{ certificateId: number; number: string; sms: PendingSms[] } | null> {
  const which = 'enrolmentId' in target ? eq(certificates.enrolmentId, target.enrolmentId) : eq(certificates.id, target.certificateId);
  const [row] = await tx
    .update(certificates)
    .set({ status: 'revoked', revokedAt: sql`now()`, revokedReason: revocation.reason, revokedBy: revocation.actor?.accountId ?? null })
    .where(and(which, eq(certificates.status, 'valid')))
    .returning({ id: certificates.id, number: certificates.number, physicianId: certificates.physicianId, cycleName: certificates.cycleName });
  if (!row) return null;
  await recordAudit(tx, {
    action: 'certificate.revoked',
    actor: revocation.actor,
    targetType: 'certificate',
    targetId: row.id,
    before: { status: 'valid' },
    after: { status: 'revoked', reason: revocation.reason },
    ip: revocation.ip ?? null,
  });
  const sms = await notifyPhysicians(tx, [row.physicianId], {
    title: '合格证书已撤销',
    content: `您${row.cycleName}的医师定期考核合格证书（编号${row.number}）已被撤销，理由：${revocation.reason}。`,
  });
  return { certificateId: row.id, number: row.number, sms };
}

/**
 * Gives back a certificate revoked by a decision that is itself undone (监考 撤销认定), in the caller's transaction:
 * valid again under its own number, audited, the physician told. Null when it is not revoked.
 */
export async function restoreCertificate(
  tx: Database | Tx,
  certificateId: number,
  restoration: Revocation,
): Promise<{ certificateId: number; number: string; sms: PendingSms[] } | null> {
  const [row] = await tx
    .update(certificates)
    .set({ status: 'valid', revokedAt: null, revokedReason: null, revokedBy: null })
    .where(and(eq(certificates.id, certificateId), eq(certificates.status, 'revoked')))
    .returning({ id: certificates.id, number: certificates.number, physicianId: certificates.physicianId, cycleName: certificates.cycleName });
  if (!row) return null;
  await recordAudit(tx, {
    action: 'certificate.restored',
    actor: restoration.actor,
    targetType: 'certificate',
    targetId: row.id,
    before: { status: 'revoked' },
    after: { status: 'valid', reason: restoration.reason },
    ip: restoration.ip ?? null,
  });
  const sms = await notifyPhysicians(tx, [row.physicianId], {
    title: '合格证书已恢复',
    content: `您${row.cycleName}的医师定期考核合格证书（编号${row.number}）已恢复有效，理由：${restoration.reason}。`,
  });
  return { certificateId: row.id, number: row.number, sms };
}

/** The route's 撤销证书: the provincial authority, a certificate of its province; a second revocation is 409. */
export async function revokeByAuthority(db: Database, actor: Actor, certificateId: number, reason: string, ip: string) {
  requireProvincialAuthority(actor, '撤销证书');
  return db.transaction(async (tx) => {
    const row = await readableCertificate(tx, actor, eq(certificates.id, certificateId), true);
    if (row.status !== 'valid') throw conflict('该合格证书已撤销');
    const done = await revokeCertificate(tx, { certificateId }, { actor, reason, ip });
    if (!done) throw conflict('该合格证书已撤销');
    return done;
  });
}
