import { Card, Tabs } from 'antd';
import { useState } from 'react';
import { PermissionTab } from './PermissionTab';
import { ReviewTab } from './ReviewTab';

/** 考核机构审核: 申请审核 (review the applications) and 开通申请权限 (who may apply). */
export function AssessorApplicationsPage() {
  const [tab, setTab] = useState('review');
  return (
    <Card>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={[
          { key: 'review', label: '申请审核', children: <ReviewTab /> },
          { key: 'permissions', label: '开通申请权限', children: <PermissionTab /> },
        ]}
      />
    </Card>
  );
}
