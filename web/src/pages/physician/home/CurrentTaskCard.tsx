import { Alert, Button, Card, Descriptions, Flex, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { exemptionStatusLabels, type PhysicianTask } from '../../../../../common/schemas/registration';
import { EnrolmentStatusTag } from '../../../components/StatusTags';

/** An enrolled physician may always open their registration (read-only once submitted or outside the window). */
function canView(task: PhysicianTask): boolean {
  return task.status !== null && task.status !== 'NOT_ENROLLED' && task.block !== 'noCycle';
}

/**
 * 当前任务 (seed 004 FAQ 7): the status in words, 【我要报名】 / 【修改报名】 / 【查看报名】, or why registering is
 * not possible and whom to contact; a 驳回 shows its reason.
 */
export function CurrentTaskCard({ task }: { task: PhysicianTask }) {
  const navigate = useNavigate();
  const returned = task.returnReason !== null || task.status === 'RETURNED_BY_INSTITUTION' || task.status === 'RETURNED_BY_AUTHORITY';
  const open = () => void navigate('/registration');

  // 本机构未维护科室 stops 提交 only: the draft can still be filled in (the page says why 科室 is empty).
  const draftable = task.canRegister || task.block === 'noDepartments';
  let action = null;
  if (draftable) {
    action = (
      <Button type="primary" size="large" onClick={open}>
        {returned ? '修改报名' : '我要报名'}
      </Button>
    );
  } else if (canView(task)) {
    action = <Button onClick={open}>查看报名</Button>;
  }

  return (
    <Card title="当前任务" className="current-task">
      <Flex vertical gap={16}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, xl: 3 }}
          items={[
            { key: 'cycle', label: '考核周期', children: task.cycle?.name ?? '暂无考核周期' },
            { key: 'institution', label: '主要执业机构', children: task.institutionName },
            { key: 'status', label: '报名状态', children: <EnrolmentStatusTag status={task.status} label={task.statusLabel} /> },
            ...(task.exemptionStatus !== 'none'
              ? [{ key: 'exemption', label: '免考状态', children: exemptionStatusLabels[task.exemptionStatus] }]
              : []),
          ]}
        />
        {task.returnReason !== null && (
          <Alert type="warning" showIcon title="报名信息被驳回，请修改后重新提交" description={`驳回理由：${task.returnReason}`} />
        )}
        {task.blockMessage && (
          <Alert
            type={task.block === 'submitted' ? 'success' : task.block === 'noDepartments' || task.block === 'ended' || task.block === 'transferredOut' ? 'warning' : 'info'}
            showIcon
            title={task.blockMessage}
            description={task.block === 'notEnrolled' ? '提醒：主要执业机构需将医师纳入当前考核周期，医师才允许提交报名信息。' : undefined}
          />
        )}
        {task.canRegister && !returned && (
          <Typography.Text type="secondary">当前任务：已开通报名，请点击【我要报名】填报本周期考核信息，每一步都会保存为草稿。</Typography.Text>
        )}
        {action && <div className="current-task-action">{action}</div>}
      </Flex>
    </Card>
  );
}
