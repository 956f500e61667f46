import { CheckCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Typography } from 'antd';
import { SITE_EVALUATION_BATCH_WARNING, type SiteEvaluationBatchBody } from '../../../../../common/schemas/multi-site-evaluation';
import { errorMessage } from '../../../api/client';
import { usePassAllSiteEvaluations } from '../../../api/multi-site-evaluations';

interface Props {
  /** The filters of the list (without 评价状态). */
  filters: Omit<SiteEvaluationBatchBody, 'expected'>;
  /** 未评价 physicians those filters match. */
  pending: number;
}

/** 「职业道德 工作成绩合格」 (seed 000 §8): every listed 未评价 physician passes, after a confirm with the count. */
export function PassAllButton({ filters, pending }: Props) {
  const { message, modal } = App.useApp();
  const passAll = usePassAllSiteEvaluations();
  const confirm = () =>
    modal.confirm({
      title: '职业道德 工作成绩合格',
      width: 460,
      content: (
        <Flex vertical gap={12}>
          <Typography.Text>{`将当前查询条件下 ${pending} 名未评价的医师评价为职业道德、工作业绩合格，确定吗？`}</Typography.Text>
          <Alert type="warning" showIcon title={SITE_EVALUATION_BATCH_WARNING} />
        </Flex>
      ),
      okText: '确定',
      cancelText: '取消',
      onOk: () =>
        passAll.mutateAsync({ ...filters, expected: pending }).then(
          ({ passed }) => void message.success(`已评价合格 ${passed} 名医师`),
          (error: unknown) => void message.error(errorMessage(error)),
        ),
    });
  return (
    <Button type="primary" block icon={<CheckCircleOutlined />} disabled={pending === 0} onClick={confirm}>
      职业道德 工作成绩合格
    </Button>
  );
}
