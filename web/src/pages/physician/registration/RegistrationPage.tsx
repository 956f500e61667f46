import { Alert, Button, Flex, Result } from 'antd';
import { useNavigate } from 'react-router';
import { errorMessage, isApiRequestError } from '../../../api/client';
import { useRegistration, useTask } from '../../../api/registration';
import { LoadFailed } from '../../../components/LoadFailed';
import { PageSpin } from '../../../components/PageSpin';
import { EnrolmentStatusTag } from '../../../components/StatusTags';
import { ReadOnlyRegistration } from './ReadOnlyRegistration';
import { RegistrationWizard } from './RegistrationWizard';
import './registration.css';

/**
 * 我要报名 (seed 001 §1.4, seed 004 slides 12–17): the five steps while registering is open; afterwards (or
 * outside the 报名 window) the registration read-only, with why.
 */
export function RegistrationPage() {
  const navigate = useNavigate();
  const registration = useRegistration();
  const task = useTask();

  if (registration.isPending) return <PageSpin />;
  if (registration.isError) {
    // 409: not enrolled in the current cycle — an answer with whom to contact, not a failure.
    if (isApiRequestError(registration.error) && registration.error.status === 409) {
      return (
        <Result
          status="info"
          title="暂不能报名"
          subTitle={registration.error.message}
          extra={<Button onClick={() => void navigate('/')}>返回首页</Button>}
        />
      );
    }
    return <LoadFailed message={errorMessage(registration.error)} onRetry={() => void registration.refetch()} />;
  }

  const data = registration.data;
  // 本机构未维护科室 blocks 提交, not the draft: the physician may fill in the other steps meanwhile (FAQ 8).
  const editable = data.editable || task.data?.block === 'noDepartments';

  return (
    <Flex vertical gap={16} className="registration-page">
      <Flex align="center" gap={8} wrap>
        <span>报名状态：</span>
        <EnrolmentStatusTag status={data.status} />
      </Flex>
      {editable ? (
        <RegistrationWizard registration={data} />
      ) : (
        <>
          <Alert
            type={data.submittedAt ? 'success' : 'info'}
            showIcon
            title={task.data?.blockMessage ?? '报名信息不可修改'}
            description={
              data.submittedAt
                ? '报名信息提交后不可修改；如发现信息有误（如报考专业报错），请联系所在医疗卫生机构处理。'
                : data.returnReason
                  ? `驳回理由：${data.returnReason}`
                  : undefined
            }
          />
          <ReadOnlyRegistration registration={data} />
        </>
      )}
    </Flex>
  );
}
