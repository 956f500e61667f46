// The unmasked 证件号码 is shown only on an explicit request, and every such view is audited.
import { eq } from 'drizzle-orm';
import type { Actor } from '../../auth/access.js';
import { requireAccess } from '../../auth/access.js';
import type { Database } from '../../db/client.js';
import { physicians } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import type { Pii } from '../../lib/pii.js';

export async function viewIdNumber(deps: { db: Database; pii: Pii }, actor: Actor, physicianId: number, ip: string): Promise<string> {
  const { db, pii } = deps;
  await requireAccess(db, actor, 'physician.idNumber.view', [physicianId]);
  return db.transaction(async (tx) => {
    const [row] = await tx.select({ cipher: physicians.idNumberCipher }).from(physicians).where(eq(physicians.id, physicianId));
    await recordAudit(tx, { action: 'physician.idNumberViewed', actor, targetType: 'physician', targetId: physicianId, ip });
    return pii.decrypt(row.cipher);
  });
}
