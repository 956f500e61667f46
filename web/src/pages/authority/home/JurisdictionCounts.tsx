import { ApartmentOutlined, BankOutlined, CheckCircleOutlined, TeamOutlined } from '@ant-design/icons';
import { Card, Col, Row, Statistic } from 'antd';
import type { ReactNode } from 'react';
import type { AuthorityHome } from '../../../../../common/schemas/authority-home';

/** The jurisdiction's counts as four cards. */
export function JurisdictionCounts({ home }: { home: AuthorityHome }) {
  const cards: { title: string; value: number | string; icon: ReactNode; suffix: string }[] = [
    { title: '医疗卫生机构数', value: home.counts.institutions, icon: <BankOutlined />, suffix: '家' },
    { title: '医师数', value: home.counts.physicians, icon: <TeamOutlined />, suffix: '人' },
    { title: '已确认参加医师数', value: home.counts.enrolled, icon: <CheckCircleOutlined />, suffix: '人' },
    { title: '未指定考核机构的机构', value: home.withoutAssessor?.total ?? '—', icon: <ApartmentOutlined />, suffix: home.withoutAssessor ? '家' : '' },
  ];
  return (
    <Row gutter={[16, 16]}>
      {cards.map((card) => (
        <Col key={card.title} xs={24} sm={12} xl={6}>
          <Card className="authority-count">
            <Statistic title={card.title} value={card.value} prefix={card.icon} suffix={card.suffix} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
