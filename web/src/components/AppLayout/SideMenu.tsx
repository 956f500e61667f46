import { useQueryClient } from '@tanstack/react-query';
import { Menu, type MenuProps } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { usePolicyRules } from '../../api/policy';
import { useCurrentUser } from '../../auth/currentUser';
import { regionLevel } from '../../../../common/regions';
import { allowedBy, menus, selectedMenuKey, type MenuEntry } from '../../menus';

type MenuItem = Required<MenuProps>['items'][number];

function toItems(entries: MenuEntry[], disabled: boolean): MenuItem[] {
  return entries.map((entry) =>
    entry.children
      ? { key: entry.path, icon: entry.icon, label: entry.label, children: toItems(entry.children, disabled) }
      : { key: entry.path, icon: entry.icon, label: entry.label, disabled },
  );
}

/** The keys of the groups that hold `selected`, so a reload or a direct link opens the right group. */
function groupsOf(entries: MenuEntry[], selected: string | undefined): string[] {
  if (!selected) return [];
  return entries
    .filter((entry) => entry.children?.some((child) => child.path === selected || groupsOf([child], selected).length))
    .map((entry) => entry.path);
}

/**
 * The current role's left menu; items stay disabled until the initial password is changed. An item opens its page
 * as it is now, also the page already open (the layout starts it anew): everything read so far becomes stale and is
 * fetched again as the page asks for it.
 */
export function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const location = useLocation();
  const navigate = useNavigate();
  const provincial = me.role === 'authority' && regionLevel(me.organization?.regionCode ?? '') === 'province';
  const needsRules = menus[me.role].some(function hasRule(entry): boolean {
    return Boolean(entry.policyRule) || (entry.children ?? []).some(hasRule);
  });
  // Until the options are read, items that depend on them stay hidden.
  const rules = usePolicyRules(needsRules && !me.mustChangePassword).data;
  const entries = allowedBy(
    menus[me.role]
      .filter((entry) => provincial || !entry.provincialOnly)
      .map((entry) => (entry.children && !provincial ? { ...entry, children: entry.children.filter((child) => !child.provincialOnly) } : entry)),
    rules,
  );
  const selected = selectedMenuKey(entries, location.pathname);

  return (
    <Menu
      mode="inline"
      className="side-menu"
      items={toItems(entries, me.mustChangePassword)}
      selectedKeys={selected ? [selected] : []}
      defaultOpenKeys={groupsOf(entries, selected)}
      onClick={({ key }) => {
        void queryClient.invalidateQueries({ refetchType: 'none' });
        void navigate(key);
        onNavigate?.();
      }}
    />
  );
}
