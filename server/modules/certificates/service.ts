// Who may read a certificate, and a certificate's page as its reader gets it: the physician themself, the institution
// that held the enrolment, the authorities whose jurisdiction holds that institution. Anyone else: 404.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { physicianLevelLabels, practiceCategoryLabels, sexLabels, type PhysicianLevel, type PracticeCategory, type Sex } from '../../../common/enums.js';
import { regionPrefix } from '../../../common/regions.js';
import type { Actor } from '../../auth/access.js';
import { requireRole } from '../../auth/access.js';
import type { Database, Tx } from '../../db/client.js';
import { authorities, certificates, enrolments, files, physicians } from '../../db/schema/index.js';
import { conflict, notFound } from '../../lib/errors.js';
import type { Pii } from '../../lib/pii.js';
import type { Storage } from '../../lib/storage.js';
import { issueCertificates } from './issue.js';
import type { CertificatePage } from './pdf.js';

export interface CertificateDeps {
  db: Database;
  pii: Pii;
  storage: Storage;
  /** Origin of the /verify link in the QR code. */
  publicUrl: string;
}

export type CertificateRow = typeof certificates.$inferSelect;

export const certificateReaders = ['physician', 'institution', 'authority'] as const;

/** The certificates the actor may read, as a condition on `certificates`. */
export function readableCertificates(actor: Actor): SQL {
  switch (actor.role) {
    case 'physician':
      return eq(certificates.physicianId, actor.orgId);
    case 'institution':
      return eq(certificates.institutionId, actor.orgId);
    case 'authority':
      return sql`${certificates.institutionId} in (select i.id from institutions i where i.region_code like ${`${regionPrefix(actor.regionCode)}%`})`;
    default:
      return sql`false`;
  }
}

export async function readableCertificate(db: Database | Tx, actor: Actor, where: SQL, lock = false): Promise<CertificateRow> {
  requireRole(actor, certificateReaders);
  const query = db.select().from(certificates).where(and(where, readableCertificates(actor)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('未找到该合格证书');
  return row;
}

/**
 * The certificate of an enrolment (考核进度 / 历史考核结果查询 打印, the physician's 下载证书). One completed 合格 before
 * certificates were issued gets its certificate now (the job would issue it later otherwise).
 */
export async function certificateOfEnrolment(db: Database, actor: Actor, enrolmentId: number): Promise<CertificateRow> {
  requireRole(actor, certificateReaders);
  const existing = await db.select({ id: certificates.id }).from(certificates).where(eq(certificates.enrolmentId, enrolmentId));
  if (existing.length === 0) {
    const [enrolment] = await db.select({ status: enrolments.status, result: enrolments.result }).from(enrolments).where(eq(enrolments.id, enrolmentId));
    if (enrolment?.status === 'COMPLETED' && enrolment.result === 'passed') await db.transaction((tx) => issueCertificates(tx, [enrolmentId]));
  }
  return readableCertificate(db, actor, eq(certificates.enrolmentId, enrolmentId));
}

export const verifyUrl = (deps: Pick<CertificateDeps, 'pii' | 'publicUrl'>, number: string) =>
  `${deps.publicUrl}/verify?n=${number}&t=${deps.pii.certificateTag(number)}`;

async function readAll(storage: Storage, key: string): Promise<Buffer | null> {
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of storage.read(key)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  } catch {
    return null;
  }
}

/** The provincial authority's 公章 image (PNG), or null. */
export async function sealImage(deps: Pick<CertificateDeps, 'db' | 'storage'>, provinceCode: string): Promise<Buffer | null> {
  const [seal] = await deps.db
    .select({ key: files.storageKey })
    .from(files)
    .innerJoin(authorities, and(eq(files.ownerType, 'authoritySeal'), eq(files.ownerId, authorities.id)))
    .where(eq(authorities.regionCode, provinceCode))
    .orderBy(sql`${files.createdAt} desc`)
    .limit(1);
  return seal ? readAll(deps.storage, seal.key) : null;
}

/** Photos of the physicians (by id), read from storage. */
async function photos(deps: Pick<CertificateDeps, 'db' | 'storage'>, physicianIds: number[]): Promise<Map<number, Buffer>> {
  if (physicianIds.length === 0) return new Map();
  const rows = await deps.db
    .select({ physicianId: physicians.id, key: files.storageKey })
    .from(physicians)
    .innerJoin(files, eq(files.id, physicians.photoFileId))
    .where(sql`${physicians.id} = any(${`{${physicianIds.join(',')}}`}::int[])`);
  const out = new Map<number, Buffer>();
  for (const row of rows) {
    const data = await readAll(deps.storage, row.key);
    if (data) out.set(row.physicianId, data);
  }
  return out;
}

function page(deps: CertificateDeps, row: CertificateRow, idNumber: string, photo: Buffer | null, seal: Buffer | null): CertificatePage {
  return {
    number: row.number,
    name: row.name,
    sexLabel: sexLabels[row.sex as Sex] ?? row.sex,
    idNumber,
    practiceCategoryLabel: practiceCategoryLabels[row.practiceCategory as PracticeCategory] ?? row.practiceCategory,
    practiceScope: row.practiceScope,
    physicianLevelLabel: row.physicianLevel ? physicianLevelLabels[row.physicianLevel as PhysicianLevel] : '—',
    institutionName: row.institutionName,
    cycleName: row.cycleName,
    issuedOn: row.issuedOn,
    issuerName: row.issuerName,
    verifyUrl: verifyUrl(deps, row.number),
    photo,
    seal,
  };
}

/** The page of one certificate for its reader: the full 证件号码 only on the physician's own. Revoked: 409. */
export async function certificatePage(deps: CertificateDeps, actor: Actor, row: CertificateRow): Promise<CertificatePage> {
  if (row.status !== 'valid') throw conflict('该合格证书已撤销，不能下载或打印');
  let idNumber = row.idNumberMasked;
  if (actor.role === 'physician' && actor.orgId === row.physicianId) {
    const [own] = await deps.db.select({ cipher: physicians.idNumberCipher }).from(physicians).where(eq(physicians.id, row.physicianId));
    if (own) idNumber = deps.pii.decrypt(own.cipher);
  }
  const [photo, seal] = await Promise.all([photos(deps, [row.physicianId]), sealImage(deps, row.provinceCode)]);
  return page(deps, row, idNumber, photo.get(row.physicianId) ?? null, seal);
}

/** Pages of many valid certificates (the batch PDF), masked, with their photos read batch by batch. */
export async function* certificatePages(deps: CertificateDeps, batches: AsyncIterable<CertificateRow[]>, provinceCode: string): AsyncGenerator<CertificatePage> {
  const seal = await sealImage(deps, provinceCode);
  for await (const batch of batches) {
    const valid = batch.filter((r) => r.status === 'valid');
    for (let i = 0; i < valid.length; i += 100) {
      const slice = valid.slice(i, i + 100);
      const photo = await photos(deps, [...new Set(slice.map((r) => r.physicianId))]);
      for (const row of slice) yield page(deps, row, row.idNumberMasked, photo.get(row.physicianId) ?? null, seal);
    }
  }
}
