import { Card, Col, Row } from 'antd';
import { Link } from 'react-router';
import type { PendingTask } from '../../../../common/schemas/home';
import './pending-tasks.css';

/**
 * 待处理任务 (seed 003 §2.2.2): a tile per task with its count and 去处理 — the institution's four (审核 and
 * 医师信息修改申请), the assessor's three (复核).
 */
export function PendingTasksCard({ tasks }: { tasks: PendingTask[] }) {
  const span = 24 / Math.max(tasks.length, 1);
  return (
    <Card title="待处理任务" className="pending-tasks">
      <Row gutter={[12, 12]}>
        {tasks.map((task) => (
          <Col key={task.key} xs={12} md={span}>
            <div className={`pending-task${task.count > 0 ? ' pending-task-busy' : ''}`} aria-label={`${task.label} ${task.count}条`}>
              <div className="pending-task-count">
                {task.count}
                <span className="pending-task-unit">条</span>
              </div>
              <div className="pending-task-label">{task.label}</div>
              <Link to={task.path} className="pending-task-link">
                去处理
              </Link>
            </div>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
