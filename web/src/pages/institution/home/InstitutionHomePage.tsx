import { Card, Col, Flex, Row, Typography } from 'antd';
import { errorMessage } from '../../../api/client';
import { useInstitutionHome } from '../../../api/institutionHome';
import { CycleSchedule } from '../../../components/home/CycleSchedule';
import { PendingTasksCard } from '../../../components/home/PendingTasksCard';
import { ProgressRates } from '../../../components/home/ProgressRates';
import { LoadFailed } from '../../../components/LoadFailed';
import { NoticeItems } from '../../../components/notices/NoticeItems';
import { PageSpin } from '../../../components/PageSpin';
import { ContactsCard } from './ContactsCard';
import { CycleNoticeModal } from './CycleNoticeModal';
import './institution-home.css';

/** 首页 of the 医疗卫生机构 (seed 002 §1.8): 考核安排, 待处理任务, 考核进度, 联系方式, 通知公告. */
export function InstitutionHomePage() {
  const { data: home, isPending, isError, error, refetch } = useInstitutionHome();

  if (isPending) return <PageSpin />;
  if (isError) return <LoadFailed message={errorMessage(error)} onRetry={() => void refetch()} />;

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={4} className="institution-home-greeting">
        {home.institutionName}，您好！当前身份：医疗卫生机构
      </Typography.Title>
      <CycleSchedule cycle={home.cycle} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <PendingTasksCard tasks={home.tasks} />
        </Col>
        <Col xs={24} xl={10}>
          <ContactsCard contacts={home.contacts} />
        </Col>
      </Row>
      <Card title="考核进度">
        {home.progress ? <ProgressRates progress={home.progress} /> : <Typography.Text type="secondary">暂无考核周期</Typography.Text>}
      </Card>
      <Card title="通知公告">
        <NoticeItems items={home.notices} showCategory empty="暂无通知公告" />
      </Card>
      {home.cycle && !home.cycleConfirmedAt && <CycleNoticeModal cycle={home.cycle} />}
    </Flex>
  );
}
