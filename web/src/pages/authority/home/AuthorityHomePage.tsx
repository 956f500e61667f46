import { EnvironmentOutlined } from '@ant-design/icons';
import { Card, Empty, Flex, Typography } from 'antd';
import { errorMessage } from '../../../api/client';
import { useAuthorityHome } from '../../../api/authorityHome';
import { CycleSchedule } from '../../../components/home/CycleSchedule';
import { ProgressRates } from '../../../components/home/ProgressRates';
import { LoadFailed } from '../../../components/LoadFailed';
import { PageSpin } from '../../../components/PageSpin';
import { JurisdictionCounts } from './JurisdictionCounts';
import { WithoutAssessorCard } from './WithoutAssessorCard';
import '../../../components/home/home.css';
import './authority-home.css';

/** 首页 of the 卫生行政部门: the jurisdiction, its counts, 考核安排, 考核进度 and institutions still without 考核机构. */
export function AuthorityHomePage() {
  const { data: home, isPending, isError, error, refetch } = useAuthorityHome();
  if (isPending) return <PageSpin />;
  if (isError) return <LoadFailed message={errorMessage(error)} onRetry={() => void refetch()} />;

  return (
    <Flex vertical gap={16}>
      <Card>
        <Typography.Title level={4} className="home-greeting">
          {home.greeting}
        </Typography.Title>
        <span className="authority-muted">
          <EnvironmentOutlined /> 管辖区域：{home.jurisdiction.regionPath}
        </span>
      </Card>
      <JurisdictionCounts home={home} />
      <CycleSchedule cycle={home.cycle} />
      <Card title="考核进度">
        {home.progress ? <ProgressRates progress={home.progress} /> : <Empty description="尚未设置当前考核周期" />}
      </Card>
      <WithoutAssessorCard data={home.withoutAssessor} />
    </Flex>
  );
}
