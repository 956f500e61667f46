import type { ReactNode } from 'react';
import type { PolicyRules } from '../../../common/schemas/policy';

/** One item of a role's left menu; `path` must be a route that role can open (see routes.tsx). */
export interface MenuEntry {
  path: string;
  label: string;
  icon?: ReactNode;
  /** Sub-items; a group's own path is only its key. */
  children?: MenuEntry[];
  /** Only for the provincial authority (题库, 试卷规则): hidden from city and district authorities. */
  provincialOnly?: boolean;
  /** Only where the province's 考核政策 turns this option on (医师暂存). */
  policyRule?: keyof PolicyRules;
}
