import { Card, Descriptions, Flex, Typography } from 'antd';
import { errorMessage } from '../../../api/client';
import { useMyChangeRequests } from '../../../api/changeRequests';
import { LoadFailed } from '../../../components/LoadFailed';
import { PageSpin } from '../../../components/PageSpin';
import { ChangeRequestForm } from './ChangeRequestForm';
import { MyRequests } from './MyRequests';
import './change-request.css';

/**
 * 信息修改申请 (seed 003: 医师信息 修改申请): the physician changes 科室, 从事专业 or other registry fields with a
 * reason; the change takes effect once their institution approves it. Below, their requests and how they went.
 */
export function ChangeRequestPage() {
  const mine = useMyChangeRequests();
  if (mine.isPending) return <PageSpin />;
  if (mine.isError) return <LoadFailed message={errorMessage(mine.error)} onRetry={() => void mine.refetch()} />;
  const data = mine.data;

  return (
    <Flex vertical gap={16} className="change-request-page">
      <Card title="信息修改申请">
        <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={[{ key: 'institution', label: '执业机构', children: data.institutionName }]} />
        <Typography.Paragraph type="secondary" className="change-request-tip">
          修改后的信息需经本机构审核通过后生效；同一时间只能有一条待审核的申请。
        </Typography.Paragraph>
        {/* Remount when the record changes (an approved request), so the form starts from the new values. */}
        <ChangeRequestForm key={JSON.stringify(data.current)} data={data} />
      </Card>
      <Card title="我的申请">
        <MyRequests items={data.items} />
      </Card>
    </Flex>
  );
}
