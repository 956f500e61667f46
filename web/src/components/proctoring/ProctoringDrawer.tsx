// 查看: the registration photo beside every snapshot with its time and similarity (opening it sets 已查看; the
// server records each opening).
import { Descriptions, Drawer, Empty, Flex, Image, Tag, Typography } from 'antd';
import { paperKindLabels } from '../../../../common/papers';
import { cameraIssueLabels, proctoringMarkLabels, snapshotOutcomeLabels } from '../../../../common/schemas/proctoring';
import { errorMessage } from '../../api/client';
import { filePhotoUrl, snapshotUrl, useProctoringRecord } from '../../api/proctoring';
import { LoadFailed } from '../LoadFailed';
import { PageSpin } from '../PageSpin';

const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '—');

export function ProctoringDrawer({ attemptId, onClose }: { attemptId: number | null; onClose: () => void }) {
  const record = useProctoringRecord(attemptId);
  const data = record.data;
  return (
    <Drawer open={attemptId !== null} onClose={onClose} title="监考照片" size="large" destroyOnHidden>
      {record.isPending ? (
        <PageSpin />
      ) : record.isError ? (
        <LoadFailed message={errorMessage(record.error)} onRetry={() => void record.refetch()} />
      ) : data ? (
        <Flex vertical gap={16}>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label="姓名">{data.item.name}</Descriptions.Item>
            <Descriptions.Item label="证件号码">{data.item.idNumberMasked}</Descriptions.Item>
            <Descriptions.Item label="试卷名称">{paperKindLabels[data.item.paper]}</Descriptions.Item>
            <Descriptions.Item label="最低相似度">{data.item.lowestSimilarity === null ? '未比对' : `${data.item.lowestSimilarity}%`}</Descriptions.Item>
            <Descriptions.Item label="标记状态">{proctoringMarkLabels[data.item.mark]}</Descriptions.Item>
            <Descriptions.Item label="同意监考时间">{time(data.consentedAt)}</Descriptions.Item>
            {data.item.cameraIssue && <Descriptions.Item label="摄像头">{`${cameraIssueLabels[data.item.cameraIssue]}（${time(data.cameraIssueAt)}）`}</Descriptions.Item>}
            {data.suspectedNote && <Descriptions.Item label="疑似备注">{`${data.suspectedNote}（${time(data.suspectedAt)}）`}</Descriptions.Item>}
            {data.confirmedReason && data.item.mark === 'confirmed' && <Descriptions.Item label="认定理由">{`${data.confirmedReason}（${time(data.confirmedAt)}）`}</Descriptions.Item>}
            {data.revokedReason && <Descriptions.Item label="撤销理由">{`${data.revokedReason}（${time(data.revokedAt)}）`}</Descriptions.Item>}
          </Descriptions>
          <Flex gap={16} wrap align="flex-start">
            <figure className="proctoring-photo">
              {data.referencePhotoId ? <Image width={150} src={filePhotoUrl(data.referencePhotoId)} alt="报名照片" /> : <Empty description="无报名照片" />}
              <figcaption>报名照片</figcaption>
            </figure>
            {data.snapshots.length === 0 && <Typography.Text type="secondary">{data.item.snapshotCount > 0 ? '抓拍照片已超过保存期限，已删除' : '本次考试没有抓拍照片'}</Typography.Text>}
            {data.snapshots.map((s) => (
              <figure key={s.id} className="proctoring-photo">
                <Image width={200} src={snapshotUrl(s.id)} alt={`抓拍照片 ${time(s.takenAt)}`} />
                <figcaption>
                  <div>{time(s.takenAt)}</div>
                  <div>
                    {s.similarity !== null ? `相似度 ${s.similarity}%` : s.status === 'done' || s.status === 'failed' ? '' : '比对中'}{' '}
                    {s.outcome && s.outcome !== 'matched' && <Tag color="warning">{snapshotOutcomeLabels[s.outcome]}</Tag>}
                  </div>
                </figcaption>
              </figure>
            ))}
          </Flex>
        </Flex>
      ) : null}
    </Drawer>
  );
}
