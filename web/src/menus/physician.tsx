import { EditOutlined, FileSearchOutlined, FormOutlined, HomeOutlined, ReadOutlined, SettingOutlined } from '@ant-design/icons';
import type { MenuEntry } from './types';

/** The left menu of the 医师 (physician), in the order of the manuals. Add items here as pages are built. */
export const physicianMenu: MenuEntry[] = [
  { path: '/', label: '首页', icon: <HomeOutlined /> },
  { path: '/registration', label: '我要报名', icon: <FormOutlined /> },
  { path: '/assessment-info', label: '考核信息查询', icon: <FileSearchOutlined /> },
  {
    path: '/exam-management',
    label: '考核管理',
    icon: <ReadOutlined />,
    children: [
      { path: '/exams', label: '待参加的考试' },
      { path: '/exams/completed', label: '已完成的考试' },
      { path: '/exams/practice', label: '待参加的练习' },
    ],
  },
  { path: '/change-request', label: '信息修改申请', icon: <EditOutlined /> },
  { path: '/account-settings', label: '账户设置', icon: <SettingOutlined /> },
];
