import { BarChartOutlined, HistoryOutlined, RedoOutlined, ApartmentOutlined, AuditOutlined, FileDoneOutlined, HomeOutlined, LineChartOutlined, TeamOutlined } from '@ant-design/icons';
import type { MenuEntry } from './types';

/** The left menu of the 医疗卫生机构 (institution), in the order of the manuals. Add items here as pages are built. */
export const institutionMenu: MenuEntry[] = [
  { path: '/', label: '首页', icon: <HomeOutlined /> },
  { path: '/org-info', label: '机构信息', icon: <ApartmentOutlined />, children: [{ path: '/profile', label: '本机构信息' }, { path: '/departments', label: '科室信息' }, { path: '/assessor-application', label: '申请考核机构' }] },
  { path: '/physician-management', label: '医师管理', icon: <TeamOutlined />, children: [{ path: '/physicians', label: '医师列表' }, { path: '/hidden-physicians', label: '医师暂存', policyRule: 'physicianHidingEnabled' }, { path: '/transfer-in', label: '调入医师' }] },
  {
    path: '/review-management',
    label: '考核管理',
    icon: <FileDoneOutlined />,
    children: [{ path: '/reviews/standard', label: '一般程序审核' }, { path: '/reviews/simplified', label: '简易程序审核' }, { path: '/reviews/exemption', label: '免考审核' },
      { path: '/multi-site-evaluations', label: '医疗机构考核', policyRule: 'multiSiteEvaluationRequired' },
    ],
  },
  { path: '/retakes', label: '补考管理', icon: <RedoOutlined /> },
  { path: '/progress-management', label: '进度管理', icon: <LineChartOutlined />, children: [{ path: '/progress', label: '考核进度' }, { path: '/exam-progress', label: '测评进度' }, { path: '/proctoring', label: '监考管理' }, { path: '/progress/summary', label: '考核情况综合查询' }] },
  { path: '/info-review', label: '信息审核', icon: <AuditOutlined />, children: [{ path: '/change-requests', label: '信息修改申请' }] },
  { path: '/statistics', label: '考核统计', icon: <BarChartOutlined /> },
  { path: '/history', label: '历史考核结果查询', icon: <HistoryOutlined /> },
];
