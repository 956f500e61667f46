import { Card, Empty, Table, Typography } from 'antd';
import type { AuthorityHome } from '../../../../../common/schemas/authority-home';

type Item = NonNullable<AuthorityHome['withoutAssessor']>['items'][number];

/** 未指定考核机构的机构: the first ten of the jurisdiction, and how many there are in all. */
export function WithoutAssessorCard({ data }: { data: AuthorityHome['withoutAssessor'] }) {
  const total = data?.total ?? 0;
  return (
    <Card title="未指定考核机构的机构" extra={data && <span className="authority-muted">共 {total} 家</span>}>
      {!data ? (
        <Empty description="尚未设置当前考核周期" />
      ) : total === 0 ? (
        <Empty description="辖区内的机构均已指定考核机构" />
      ) : (
        <>
          <Table<Item>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={data.items}
            columns={[
              { title: '序号', key: 'index', width: 64, render: (_, __, i) => i + 1 },
              { title: '机构名称', dataIndex: 'name' },
              { title: '区划', dataIndex: 'regionName' },
            ]}
          />
          <Typography.Paragraph type="secondary" className="authority-hint">
            {total > data.items.length ? `仅显示前 ${data.items.length} 家；` : ''}请在【指定考核机构】中为这些机构指定考核机构，否则其医师的报名信息无法审核。
          </Typography.Paragraph>
        </>
      )}
    </Card>
  );
}
