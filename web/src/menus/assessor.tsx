import { HomeOutlined, SolutionOutlined, TeamOutlined } from '@ant-design/icons';
import type { MenuEntry } from './types';

/** The left menu of the 考核机构 (assessor), in the order of the manuals. Add items here as pages are built. */
export const assessorMenu: MenuEntry[] = [
  { path: '/', label: '首页', icon: <HomeOutlined /> },
  { path: '/committee', label: '考核委员会', icon: <TeamOutlined /> },
  { path: '/committee/office', label: '考核办公室', icon: <SolutionOutlined /> },
];
