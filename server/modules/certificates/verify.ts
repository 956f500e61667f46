// 证书查验 (public): a certificate is found by its number together with the holder's 姓名, or with the QR code's keyed
// tag. A wrong name or tag answers exactly as an unknown number does, so numbers cannot be tried one after another.
import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { maskName, type VerifyQuery, type VerifyResult } from '../../../common/schemas/certificates.js';
import type { PracticeCategory } from '../../../common/enums.js';
import type { Database } from '../../db/client.js';
import { certificates } from '../../db/schema/index.js';
import type { Pii } from '../../lib/pii.js';
import { todayInChina } from '../../../common/schedule.js';

const NOT_FOUND: VerifyResult = { status: 'notFound', certificate: null };

function sameTag(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

export async function verifyCertificate(deps: { db: Database; pii: Pii }, query: VerifyQuery): Promise<VerifyResult> {
  const [row] = await deps.db.select().from(certificates).where(eq(certificates.number, query.number));
  const matches = row && (query.tag ? sameTag(query.tag, deps.pii.certificateTag(row.number)) : row.name === query.name?.trim());
  if (!row || !matches) return NOT_FOUND;
  return {
    status: row.status === 'revoked' ? 'revoked' : 'valid',
    certificate: {
      number: row.number,
      nameMasked: maskName(row.name),
      practiceCategory: row.practiceCategory as PracticeCategory,
      cycleName: row.cycleName,
      resultLabel: '合格',
      issuerName: row.issuerName,
      issuedOn: row.issuedOn,
      revokedOn: row.revokedAt ? todayInChina(row.revokedAt) : null,
    },
  };
}
