import { CalendarOutlined } from '@ant-design/icons';
import { Card, Col, Empty, Row, Tag, Typography } from 'antd';
import type { CycleSummary } from '../../../../common/schemas/home';
import { windowStateLabels, type ScheduleKey } from '../../../../common/enums';
import { formatDateRange } from '../../lib/format';
import './home.css';

type WindowState = keyof typeof windowStateLabels;

const stateColors: Record<WindowState, string> = { notStarted: 'blue', open: 'green', ended: 'default' };

/** Who each window is for, in the words of the manuals (seed 004). */
const windowHints: Record<ScheduleKey, string> = {
  assessorApplication: '符合条件的医疗、预防、保健机构和行业、学术组织',
  registration: '医师填报本周期考核信息',
  review: '医疗卫生机构审核与考核机构复核',
  test: '参加本周期所有简易程序和一般程序的医师',
  retake: '测评不合格或缺考、经卫生行政部门允许补考的医师',
};

/** 考核时间安排: the cycle and its four windows, each with its dates and whether it is open. */
export function CycleSchedule({ cycle }: { cycle: CycleSummary | null }) {
  if (!cycle) {
    return (
      <Card title="考核时间安排">
        <Empty description="暂无考核周期" />
      </Card>
    );
  }
  return (
    <Card title="考核时间安排">
      <div className="cycle-heading">
        <Typography.Title level={5} className="cycle-name">
          {cycle.name}
        </Typography.Title>
        <span className="cycle-period">
          <CalendarOutlined /> 周期起止：{formatDateRange(cycle.startDate, cycle.endDate)}
        </span>
      </div>
      <Row gutter={[16, 16]}>
        {cycle.windows.map((window) => (
          <Col key={window.key} xs={24} sm={12} xl={6}>
            <div className={`schedule-window schedule-window-${window.state}`}>
              <div className="schedule-window-head">
                <span className="schedule-window-label">{window.label}</span>
                <Tag color={stateColors[window.state]}>{windowStateLabels[window.state]}</Tag>
              </div>
              <div className="schedule-window-dates">{formatDateRange(window.start, window.end)}</div>
              <div className="schedule-window-hint">{windowHints[window.key]}</div>
            </div>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
