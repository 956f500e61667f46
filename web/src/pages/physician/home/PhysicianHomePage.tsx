import { Card, Descriptions, Flex, Typography } from 'antd';
import { errorMessage } from '../../../api/client';
import { useHome } from '../../../api/home';
import { useTask } from '../../../api/registration';
import { CycleSchedule } from '../../../components/home/CycleSchedule';
import { LoadFailed } from '../../../components/LoadFailed';
import { PageSpin } from '../../../components/PageSpin';
import { CurrentTaskCard } from './CurrentTaskCard';
import { MessagesCard } from './MessagesCard';
import { TaskTimeline } from './TaskTimeline';
import './physician-home.css';

/** 首页 of the 医师: greeting and facts, 当前任务 (报名 or why not), 站内消息, 考核安排, 办理记录. */
export function PhysicianHomePage() {
  const home = useHome();
  const task = useTask();

  if (home.isPending || task.isPending) return <PageSpin />;
  if (home.isError || task.isError) {
    return (
      <LoadFailed
        message={errorMessage(home.error ?? task.error)}
        onRetry={() => {
          void home.refetch();
          void task.refetch();
        }}
      />
    );
  }

  return (
    <Flex vertical gap={16} className="physician-home">
      <Card>
        <Typography.Title level={4} className="home-greeting">
          {home.data.greeting}
        </Typography.Title>
        {home.data.facts.length > 0 && (
          <Descriptions
            className="home-facts"
            size="small"
            column={{ xs: 1, sm: 2, xl: 3 }}
            items={home.data.facts.map((fact) => ({ key: fact.label, label: fact.label, children: fact.value }))}
          />
        )}
      </Card>
      <CurrentTaskCard task={task.data} />
      <MessagesCard />
      <CycleSchedule cycle={task.data.cycle} />
      <TaskTimeline entries={task.data.timeline} />
    </Flex>
  );
}
