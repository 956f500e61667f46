// 行政区划 for cascaders and tree selects: fetched once (public, rarely changes), turned into a tree here.
import { useQuery } from '@tanstack/react-query';
import { apiGet } from './client';

export interface RegionRow {
  code: string;
  name: string;
  parentCode: string | null;
}

export interface RegionNode {
  value: string;
  label: string;
  children?: RegionNode[];
}

export function useRegions() {
  // The GB/T 2260 catalog does not change while the app runs: not even a menu click (which invalidates all) asks again.
  return useQuery({ queryKey: ['regions'], queryFn: () => apiGet<RegionRow[]>('/regions'), staleTime: 'static' });
}

/** The tree under `rootCode` (the root included), or every province when no root is given. */
export function regionTree(rows: RegionRow[], rootCode?: string): RegionNode[] {
  const children = new Map<string | null, RegionRow[]>();
  for (const row of rows) {
    const list = children.get(row.parentCode) ?? [];
    list.push(row);
    children.set(row.parentCode, list);
  }
  const build = (row: RegionRow): RegionNode => {
    const kids = children.get(row.code);
    return { value: row.code, label: row.name, ...(kids?.length ? { children: kids.map(build) } : {}) };
  };
  if (!rootCode) return (children.get(null) ?? []).map(build);
  const root = rows.find((r) => r.code === rootCode);
  return root ? [build(root)] : [];
}

/** The codes from the province down to `code`, e.g. ['990000', '990100', '990101']. */
export function regionCodePath(rows: RegionRow[], code: string): string[] {
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const path: string[] = [];
  for (let current = byCode.get(code); current; current = current.parentCode ? byCode.get(current.parentCode) : undefined) {
    path.unshift(current.code);
  }
  return path;
}
