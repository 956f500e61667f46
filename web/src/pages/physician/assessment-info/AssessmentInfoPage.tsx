import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Empty, Flex, Table, Tag, Typography } from 'antd';
import type { AssessmentCycle, AssessmentSite } from '../../../../../common/schemas/assessment-info';
import { useAssessmentInfo } from '../../../api/assessmentInfo';
import { errorMessage } from '../../../api/client';
import { LoadFailed } from '../../../components/LoadFailed';
import { PageSpin } from '../../../components/PageSpin';
import { formatDateRange } from '../../../lib/format';
import { certificatePdfUrl } from '../../../api/certificates';
import { downloadUrl } from '../../../lib/download';
import type { AssessmentScore } from '../../../../../common/schemas/assessment-info';
import './assessment-info.css';

const resultColors: Record<string, string> = { 合格: 'green', 不合格: 'red' };

function SiteRow({ site }: { site: AssessmentSite }) {
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 3 }}
      className="assessment-site"
      items={[
        {
          key: 'site',
          label: '执业地点',
          children: (
            <span>
              {site.institutionName}
              {site.departmentName && `（${site.departmentName}）`}
              {site.kind === 'multiSite' && <Tag className="assessment-site-tag">多点执业</Tag>}
            </span>
          ),
        },
        { key: 'status', label: '审核或评定情况', children: site.statusLabel },
        { key: 'result', label: '考核结果', children: resultColors[site.resultLabel] ? <Tag color={resultColors[site.resultLabel]}>{site.resultLabel}</Tag> : site.resultLabel },
      ]}
    />
  );
}

function CycleCard({ cycle }: { cycle: AssessmentCycle }) {
  return (
    <Card
      className="assessment-cycle"
      aria-label={`考核周期 ${cycle.cycleName}`}
      title={
        <Flex gap={8} align="center" wrap>
          <span>{cycle.cycleName}</span>
          {cycle.isCurrent && <Tag color="blue">本届</Tag>}
        </Flex>
      }
      extra={<Typography.Text type="secondary">{formatDateRange(cycle.startDate, cycle.endDate)}</Typography.Text>}
    >
      <Flex vertical gap={8}>
        {cycle.sites.map((site, i) => (
          <SiteRow key={i} site={site} />
        ))}
        {cycle.scores.length > 0 && (
          <Table<AssessmentScore>
            size="small"
            rowKey={(_, i) => String(i)}
            pagination={false}
            aria-label="测评成绩"
            dataSource={cycle.scores}
            columns={[
              { title: '试卷名称', dataIndex: 'paperLabel' },
              { title: '考试类型', dataIndex: 'stageLabel' },
              { title: '成绩', dataIndex: 'score', render: (v: number | null) => (v === null ? '—' : `${v}分`) },
              { title: '测评结果', dataIndex: 'passed', render: (v: boolean) => <Tag color={v ? 'green' : 'red'}>{v ? '合格' : '不合格'}</Tag> },
            ]}
          />
        )}
        {cycle.certificate?.status === 'valid' && (
          <Flex justify="space-between" align="center" wrap gap={8} className="assessment-certificate">
            <Typography.Text>
              合格证书编号：{cycle.certificate.number}（{cycle.certificate.issuedOn} 发证）
            </Typography.Text>
            <Button type="primary" icon={<DownloadOutlined />} onClick={() => downloadUrl(certificatePdfUrl(cycle.certificate!.id, true))}>
              下载证书
            </Button>
          </Flex>
        )}
        {cycle.certificate?.status === 'revoked' && <Alert type="error" showIcon title={`合格证书（编号${cycle.certificate.number}）已撤销`} />}
      </Flex>
    </Card>
  );
}

/** 考核信息查询 (seed 001 §1.5): per 执业地点 the review or evaluation state, for 本届 and 前两届, with the results. */
export function AssessmentInfoPage() {
  const info = useAssessmentInfo();
  if (info.isPending) return <PageSpin />;
  if (info.isError) return <LoadFailed message={errorMessage(info.error)} onRetry={() => void info.refetch()} />;

  return (
    <Flex vertical gap={16} className="assessment-info-page">
      <Typography.Paragraph type="secondary" className="assessment-info-tip">
        可查询本届各执业地点的审核或评定情况，以及前两届定期考核的考核结果。如发现考核成绩有问题，请联系所在区的定期考核办公室处理。
      </Typography.Paragraph>
      {info.data.items.length === 0 ? (
        <Card>
          <Empty description="暂无考核周期" />
        </Card>
      ) : (
        info.data.items.map((cycle) => <CycleCard key={cycle.cycleId} cycle={cycle} />)
      )}
      {info.data.items.length > 0 && info.data.items.length < 3 && (
        // The province's earlier cycles were run on another system or not at all: say so rather than show nothing.
        <Typography.Text type="secondary" className="assessment-info-tip">
          {info.data.items.length === 1 ? '前两届：本系统中没有更早的考核周期。' : '前一届之前：本系统中没有更早的考核周期。'}
        </Typography.Text>
      )}
    </Flex>
  );
}
