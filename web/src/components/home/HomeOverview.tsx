import { Card, Descriptions, Flex, Typography } from 'antd';
import { useHome } from '../../api/home';
import { errorMessage } from '../../api/client';
import { LoadFailed } from '../LoadFailed';
import { PageSpin } from '../PageSpin';
import { CycleSchedule } from './CycleSchedule';
import { PendingTasksCard } from './PendingTasksCard';
import './home.css';

/** What every role's home page starts with: the greeting, the account's facts, 待处理任务 if the role has any, and the schedule. */
export function HomeOverview() {
  const { data: home, isPending, isError, error, refetch } = useHome();

  if (isPending) return <PageSpin />;
  if (isError) return <LoadFailed message={errorMessage(error)} onRetry={() => void refetch()} />;

  return (
    <Flex vertical gap={16}>
      <Card>
        <Typography.Title level={4} className="home-greeting">
          {home.greeting}
        </Typography.Title>
        {home.facts.length > 0 && (
          <Descriptions
            className="home-facts"
            size="small"
            column={{ xs: 1, sm: 2, xl: 3 }}
            items={home.facts.map((fact) => ({ key: fact.label, label: fact.label, children: fact.value }))}
          />
        )}
      </Card>
      {home.tasks.length > 0 && <PendingTasksCard tasks={home.tasks} />}
      <CycleSchedule cycle={home.cycle} />
    </Flex>
  );
}
