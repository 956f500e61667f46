// 考核周期 and 考核政策 are the province's: every authority of the province sees them, only the provincial one changes them.
import { regionLevel } from '../../../common/regions.js';
import { requireRole, type Actor } from '../../auth/access.js';
import { forbidden } from '../../lib/errors.js';

/** Any authority may read the province's setup; other roles get 403. */
export function requireAuthority(actor: Actor): void {
  requireRole(actor, ['authority']);
}

/** Whether the actor is the provincial authority (region level 'province'). */
export function isProvincialAuthority(actor: Actor): boolean {
  return actor.role === 'authority' && regionLevel(actor.regionCode) === 'province';
}

/** 403 unless the actor is the provincial authority; `what` names the action, e.g. 「维护考核周期」. */
export function requireProvincialAuthority(actor: Actor, what: string): void {
  requireAuthority(actor);
  if (!isProvincialAuthority(actor)) throw forbidden(`只有省级卫生行政部门可以${what}`);
}
