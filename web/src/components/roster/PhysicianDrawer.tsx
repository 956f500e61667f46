import { Drawer, Space, Tag, Typography } from 'antd';
import { enrolmentStatusLabels } from '../../../../common/enums';
import { errorMessage } from '../../api/client';
import { usePhysicianDetail } from '../../api/physicians';
import { LoadFailed } from '../LoadFailed';
import { PageSpin } from '../PageSpin';
import { PhysicianDetailSections } from './PhysicianDetailSections';
import './roster.css';

/** 查看: one physician's record, read-only; full width on a phone. */
export function PhysicianDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const detail = usePhysicianDetail(id);
  const data = detail.data;
  return (
    <Drawer
      title={data ? `医师信息 — ${data.basic.name}` : '医师信息'}
      size="min(960px, 100vw)"
      open={id !== null}
      onClose={onClose}
      destroyOnHidden
      extra={
        data && (
          <Space size={4} wrap>
            <Tag color={data.enrolmentStatus === 'NOT_ENROLLED' ? 'default' : 'blue'}>{enrolmentStatusLabels[data.enrolmentStatus]}</Tag>
            {data.enrolmentStatus === 'NOT_ENROLLED' && data.cancelReason && (
              <Typography.Text type="secondary">取消原因：{data.cancelReason}</Typography.Text>
            )}
          </Space>
        )
      }
    >
      {detail.isError ? (
        <LoadFailed message={errorMessage(detail.error)} onRetry={() => void detail.refetch()} />
      ) : !data ? (
        <PageSpin />
      ) : (
        <PhysicianDetailSections detail={data} />
      )}
    </Drawer>
  );
}
