import { Card } from 'antd';
import { errorMessage } from '../../../api/client';
import { useMyInstitution } from '../../../api/institutions';
import { LoadFailed } from '../../../components/LoadFailed';
import { PageSpin } from '../../../components/PageSpin';
import { ProfileForm } from './ProfileForm';
import './profile.css';

/** 本机构信息 (seed 004 slide 5). */
export function ProfilePage() {
  const { data, isPending, isError, error, refetch } = useMyInstitution();
  if (isPending) return <PageSpin />;
  if (isError) return <LoadFailed message={errorMessage(error)} onRetry={() => void refetch()} />;
  return (
    <Card title="本机构信息" className="profile-card">
      <ProfileForm profile={data} />
    </Card>
  );
}
