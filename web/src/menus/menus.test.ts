import { describe, expect, it } from 'vitest';
import { roles } from '../../../common/enums';
import { routesFor } from '../routes';
import { allowedBy, menus, selectedMenuKey, type MenuEntry } from './index';

const leaves = (entries: MenuEntry[]): MenuEntry[] =>
  entries.flatMap((entry) => (entry.children ? leaves(entry.children) : [entry]));

describe('role menus', () => {
  it.each(roles)('every %s menu item opens a route that role may see', (role) => {
    const paths = new Set(routesFor(role).map((route) => route.path));
    for (const item of leaves(menus[role])) expect(paths, item.label).toContain(item.path);
  });

  it('starts every menu with 首页', () => {
    for (const role of roles) expect(menus[role][0]).toMatchObject({ path: '/', label: '首页' });
  });
});

describe('selectedMenuKey', () => {
  const entries: MenuEntry[] = [
    { path: '/', label: '首页' },
    { path: '/physicians', label: '医师管理' },
    { path: '/settings', label: '设置', children: [{ path: '/settings/departments', label: '科室管理' }] },
  ];

  it('highlights 首页 only on the root', () => {
    expect(selectedMenuKey(entries, '/')).toBe('/');
    expect(selectedMenuKey(entries, '/change-password')).toBeUndefined();
  });

  it('highlights an item for its own pages and their sub-pages, not for look-alike paths', () => {
    expect(selectedMenuKey(entries, '/physicians')).toBe('/physicians');
    expect(selectedMenuKey(entries, '/physicians/12')).toBe('/physicians');
    expect(selectedMenuKey(entries, '/physicians-import')).toBeUndefined();
  });

  it('highlights a nested item, never its group', () => {
    expect(selectedMenuKey(entries, '/settings/departments/3')).toBe('/settings/departments');
    expect(selectedMenuKey(entries, '/settings')).toBeUndefined();
  });
});

describe('allowedBy (考核政策 options)', () => {
  const labels = (entries: MenuEntry[]) => entries.flatMap((e) => [e.label, ...(e.children ?? []).map((c) => c.label)]);
  const off = { institutionReturnEnabled: false, physicianHidingEnabled: false, passwordChangeSmsRequired: false, multiSiteEvaluationRequired: false };

  it('shows 医师暂存 to institutions only while 机构隐藏医师 is on', () => {
    expect(labels(allowedBy(menus.institution, undefined))).not.toContain('医师暂存');
    expect(labels(allowedBy(menus.institution, off))).not.toContain('医师暂存');
    const on = labels(allowedBy(menus.institution, { ...off, physicianHidingEnabled: true }));
    expect(on.slice(on.indexOf('医师管理'), on.indexOf('医师管理') + 4)).toEqual(['医师管理', '医师列表', '医师暂存', '调入医师']);
  });

  it('shows 医疗机构考核 to institutions only while 所有多点执业机构均须评价 is on', () => {
    expect(labels(allowedBy(menus.institution, off))).not.toContain('医疗机构考核');
    const on = labels(allowedBy(menus.institution, { ...off, multiSiteEvaluationRequired: true }));
    expect(on.slice(on.indexOf('考核管理'), on.indexOf('考核管理') + 5)).toEqual(['考核管理', '一般程序审核', '简易程序审核', '免考审核', '医疗机构考核']);
  });
});
