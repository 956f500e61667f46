import { Alert, Button, Card, Flex, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useMyApplication } from '../../../api/assessors';
import { meQueryKey } from '../../../api/auth';
import { errorMessage } from '../../../api/client';
import { useCurrentUser } from '../../../auth/currentUser';
import { AttachmentList } from '../../../components/assessor/AttachmentList';
import { LoadFailed } from '../../../components/LoadFailed';
import { PageSpin } from '../../../components/PageSpin';
import { ReviewInfoCard } from './ReviewInfoCard';
import { SlotUploadForm } from './SlotUploadForm';
import './assessor-application.css';

/** 机构信息 › 申请考核机构 (seed 004 slide 4, seed 002 §1.4): upload the attachments, submit, follow the review. */
export function AssessorApplicationPage() {
  const me = useCurrentUser();
  const client = useQueryClient();
  const mine = useMyApplication();
  const [reapplying, setReapplying] = useState(false);
  const approved = mine.data?.application?.status === 'approved' || mine.data?.isAssessor === true;

  // Approval takes effect at once: fetch the account again so the top bar offers 切换为考核机构.
  useEffect(() => {
    if (approved && me.switchableTo !== 'assessor') void client.invalidateQueries({ queryKey: meQueryKey });
  }, [approved, me.switchableTo, client]);

  if (mine.isPending) return <PageSpin />;
  if (mine.isError) return <LoadFailed message={errorMessage(mine.error)} onRetry={() => void mine.refetch()} />;

  const { application, canApply, reason, isAssessor } = mine.data;
  const status = application?.status;
  const showForm = canApply && (!application || reapplying);
  const reapply = status === 'rejected' && canApply && !reapplying ? <Button type="primary" onClick={() => setReapplying(true)}>重新申请</Button> : null;

  return (
    <Flex vertical gap={16}>
      <Card title="申请考核机构">
        <Typography.Paragraph className="apply-intro">
          符合条件的医疗、预防、保健机构和行业、学术组织可向主管卫生行政部门提出申请，由主管行政开通申请权限，机构提交相应材料，经同意后承担本单位及相应范围的医师考核工作。
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">注：不是所有机构都有权限申请考核机构，已经是考核机构身份的无需再次申请；具体附件表格请咨询上级行政机构获取。</Typography.Paragraph>
        {!canApply && reason && (!application || status === 'rejected') && <Alert type={isAssessor ? 'success' : 'warning'} showIcon title={reason} />}
        {status === 'pending' && <Alert type="info" showIcon title="申请已提交，等待隶属卫生行政部门审核" />}
        {status === 'approved' && <Alert type="success" showIcon title="审核已通过，本机构为本周期考核机构，可点击右上角【切换为考核机构】进入考核机构功能" />}
        {status === 'rejected' && !reapplying && <Alert type="error" showIcon title="申请已被驳回" description={`驳回理由：${application?.rejectReason ?? ''}`} action={reapply} />}
      </Card>
      {showForm && (
        <Card title="附件信息" extra={reapplying ? <Button onClick={() => setReapplying(false)}>取消</Button> : null}>
          <SlotUploadForm onSubmitted={() => setReapplying(false)} />
        </Card>
      )}
      {application && !showForm && (
        <Card title="附件信息">
          <AttachmentList files={application.files} />
        </Card>
      )}
      {application && <ReviewInfoCard application={application} />}
    </Flex>
  );
}
