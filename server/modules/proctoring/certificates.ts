// What 认定作弊 does to a certificate: a 合格证书 already issued for the enrolment must be revoked in the same
// transaction. This build issues no certificates yet (no `certificates` table), so there is nothing to revoke; the
// certificates module, when it lands, calls its revocation from here.
import type { Tx } from '../../db/client.js';

export async function onCheatingConfirmed(_tx: Tx, _enrolmentId: number): Promise<void> {}
