import { Alert, Form, type FormInstance } from 'antd';
import { checkSimplified } from '../../../../../../common/registration-rules';
import type { Registration, SimplifiedReason } from '../../../../../../common/schemas/registration';

interface Props {
  registration: Registration;
  reason: SimplifiedReason | null;
  /** The 工作成绩、职业道德 form: its 有/无 answers count even before they are saved. */
  conductForm: FormInstance;
}

/** Whether the data supports the chosen 简易程序 reason, recomputed as the answers change. */
export function SimplifiedCheckAlert({ registration, reason, conductForm }: Props) {
  const good = Form.useWatch('hasGoodRecord', conductForm) as boolean | undefined;
  const bad = Form.useWatch('hasBadRecord', conductForm) as boolean | undefined;
  if (!reason) return null;
  const check = checkSimplified(reason, { firstRegistrationDate: registration.firstRegistrationDate, hasGoodRecord: good ?? null, hasBadRecord: bad ?? null });
  const type = check.supported === true ? 'success' : check.supported === false ? 'warning' : 'info';
  return (
    <Alert
      type={type}
      showIcon
      title={`数据核对：${check.message}`}
      description={check.supported === false ? '所填数据与申请理由不符，仍可提交，由审核机构核实；如不符合简易程序条件，请选择一般程序。' : undefined}
      className="registration-alert simplified-check"
    />
  );
}
