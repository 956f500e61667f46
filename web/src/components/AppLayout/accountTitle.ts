import type { Me } from '../../../../common/schemas/auth';

/** Who is logged in, as the top bar names them: the organisation, or the physician's own name. */
export function accountTitle(me: Me): string {
  if (me.role === 'physician') return me.displayName;
  return me.organization?.name ?? me.displayName;
}

/** A second line for the narrow account menu: the role, and a physician's institution. */
export function accountSubtitle(me: Me, roleLabel: string): string {
  if (me.role === 'physician' && me.organization) return `${roleLabel} · ${me.organization.name}`;
  return roleLabel;
}
