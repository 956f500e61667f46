import { Button, Card, Col, Row, Tooltip } from 'antd';
import { Link } from 'react-router';
import type { PendingTask } from '../../../../../common/schemas/institution-home';
import { routesFor } from '../../../routes';

/** 待处理任务: four tiles with their counts and 去处理 (seed 003 §2.2.2). */
export function PendingTasksCard({ tasks }: { tasks: PendingTask[] }) {
  const open = new Set(routesFor('institution').map((r) => r.path));
  return (
    <Card title="待处理任务" className="pending-tasks">
      <Row gutter={[12, 12]}>
        {tasks.map((task) => (
          <Col key={task.key} xs={12} md={6}>
            <div className={`pending-task${task.count > 0 ? ' pending-task-busy' : ''}`} aria-label={`${task.label} ${task.count}条`}>
              <div className="pending-task-count">
                {task.count}
                <span className="pending-task-unit">条</span>
              </div>
              <div className="pending-task-label">{task.label}</div>
              {open.has(task.path) ? (
                <Link to={task.path} className="pending-task-link">
                  去处理
                </Link>
              ) : (
                <Tooltip title="该功能尚未开放">
                  <Button type="link" size="small" disabled className="pending-task-link">
                    去处理
                  </Button>
                </Tooltip>
              )}
            </div>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
