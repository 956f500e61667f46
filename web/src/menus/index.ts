import type { Role } from '../../../common/enums';
import type { PolicyRules } from '../../../common/schemas/policy';
import { assessorMenu } from './assessor';
import { authorityMenu } from './authority';
import { institutionMenu } from './institution';
import { physicianMenu } from './physician';
import type { MenuEntry } from './types';

export type { MenuEntry } from './types';

export const menus: Record<Role, MenuEntry[]> = {
  authority: authorityMenu,
  institution: institutionMenu,
  assessor: assessorMenu,
  physician: physicianMenu,
};

/** The menu key to highlight for a location: the longest entry path that the pathname starts with. */
export function selectedMenuKey(entries: MenuEntry[], pathname: string): string | undefined {
  let best: string | undefined;
  const visit = (items: MenuEntry[]) => {
    for (const item of items) {
      const matches =
        item.path === '/' ? pathname === '/' : pathname === item.path || pathname.startsWith(`${item.path}/`);
      if (matches && !item.children && (!best || item.path.length > best.length)) best = item.path;
      if (item.children) visit(item.children);
    }
  };
  visit(entries);
  return best;
}

/** The entries the province's 考核政策 allows: one whose option is off (or not read yet) is left out, also from its group. */
export function allowedBy(entries: MenuEntry[], rules: PolicyRules | undefined): MenuEntry[] {
  return entries
    .filter((entry) => !entry.policyRule || rules?.[entry.policyRule])
    .map((entry) => (entry.children ? { ...entry, children: allowedBy(entry.children, rules) } : entry));
}
