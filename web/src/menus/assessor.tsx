import { BarChartOutlined, ExperimentOutlined, FileDoneOutlined, HomeOutlined, LineChartOutlined, SolutionOutlined, TeamOutlined } from '@ant-design/icons';
import type { MenuEntry } from './types';

/** The left menu of the 考核机构 (assessor), in the order of the manuals. Add items here as pages are built. */
export const assessorMenu: MenuEntry[] = [
  { path: '/', label: '首页', icon: <HomeOutlined /> },
  { path: '/committee', label: '考核委员会', icon: <TeamOutlined /> },
  { path: '/committee/office', label: '考核办公室', icon: <SolutionOutlined /> },
  {
    path: '/review-management',
    label: '考核管理',
    icon: <FileDoneOutlined />,
    children: [{ path: '/reviews/standard', label: '一般程序复核' }, { path: '/reviews/simplified', label: '简易程序复核' }, { path: '/reviews/exemption', label: '免考复核' }],
  },
  // Seed 000 §9: the assessor follows the tests of the physicians entrusted to it (考核机构考核).
  { path: '/assessor-assessment', label: '考核机构考核', icon: <ExperimentOutlined />, children: [{ path: '/exam-progress', label: '测评进度' }] },
  { path: '/progress-management', label: '进度管理', icon: <LineChartOutlined />, children: [{ path: '/progress', label: '考核进度' }, { path: '/proctoring', label: '监考管理' }, { path: '/progress/summary', label: '考核情况综合查询' }] },
  { path: '/statistics', label: '考核统计', icon: <BarChartOutlined /> },
];
