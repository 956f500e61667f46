import { BarChartOutlined, EyeOutlined, SafetyCertificateOutlined, RedoOutlined, AuditOutlined, BankOutlined, CalendarOutlined, FileTextOutlined, HomeOutlined, LineChartOutlined, NodeIndexOutlined, NotificationOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';
import type { MenuEntry } from './types';

/** The left menu of the 卫生行政部门 (authority), in the order of the manuals. Add items here as pages are built. */
export const authorityMenu: MenuEntry[] = [
  { path: '/', label: '首页', icon: <HomeOutlined /> },
  { path: '/cycles', label: '考核周期', icon: <CalendarOutlined /> },
  { path: '/institutions', label: '机构账号', icon: <BankOutlined /> },
  { path: '/assessor-applications', label: '考核机构审核', icon: <AuditOutlined /> },
  { path: '/assessor-assignments', label: '指定考核机构', icon: <NodeIndexOutlined /> },
  { path: '/physicians', label: '医师列表', icon: <TeamOutlined /> },
  { path: '/progress-management', label: '进度管理', icon: <LineChartOutlined />, children: [{ path: '/progress', label: '考核进度' }, { path: '/exam-progress', label: '测评进度' }, { path: '/progress/summary', label: '考核情况综合查询' }] },
  {
    path: '/assessment-tests',
    label: '测评管理',
    icon: <FileTextOutlined />,
    provincialOnly: true,
    children: [
      { path: '/question-bank', label: '题库管理' },
      { path: '/paper-rules', label: '试卷规则' },
    ],
  },
  { path: '/proctoring', label: '监考管理', icon: <EyeOutlined /> },
  { path: '/retake-management', label: '补考管理', icon: <RedoOutlined />, children: [{ path: '/retakes', label: '待确认补考' }] },
  { path: '/statistics', label: '考核统计', icon: <BarChartOutlined /> },
  {
    path: '/certificate-management',
    label: '合格证书',
    icon: <SafetyCertificateOutlined />,
    children: [
      { path: '/history', label: '历史考核结果查询' },
      { path: '/certificate-seal', label: '发证机关公章', provincialOnly: true },
    ],
  },
  { path: '/notices', label: '通知公告', icon: <NotificationOutlined /> },
  { path: '/policy', label: '考核政策', icon: <SettingOutlined /> },
];
