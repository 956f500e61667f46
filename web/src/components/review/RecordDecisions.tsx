import { App, Button, Flex, Tooltip, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import type { ReviewAction, ReviewRecord } from '../../../../common/schemas/review';
import { errorMessage, isApiRequestError } from '../../api/client';
import { isStaleReview, useApproveExemption, useApproveReview, useRejectExemption, useRejectReview } from '../../api/reviews';
import { useInFlight } from '../../lib/useInFlight';
import { RejectReasonModal } from './RejectReasonModal';
import { decisionsShown, evaluationBodyOf, evaluationFails, type EvaluationValues } from './reviewForms';

/** Which decision the page offers: the registration (一般 / 简易程序) or the 免考 application. */
export type DecisionMode = 'registration' | 'exemption';

interface Props {
  record: ReviewRecord;
  mode: DecisionMode;
  /** The institution's 提交 carries its evaluation; the assessor's 通过 does not. */
  reviewer: 'institution' | 'assessor' | 'authority';
  /** The 评定意见 form (mounted on the 工作成绩、职业道德 tab). */
  form: FormInstance<EvaluationValues>;
  /** Where the page is: 提交 / 通过 only after 医师信息 has been read (seed 002 §1.7). */
  showApprove: boolean;
  /** 返回, 上一步, 下一步: the page's own buttons, before the decisions. */
  navigation: ReactNode;
  /** Shows the 评定意见 (its tab) when the form holds a problem. */
  onShowEvaluation: () => void;
  /** After a decision went through: back to the list. */
  onDecided: () => void;
}

const fieldName = (key: string) => key.replace(/^evaluation\./, '') as keyof EvaluationValues;

/** The bottom bar: navigation, then 提交 / 通过 and 驳回 as the record's actions allow; off while blocked. */
export function RecordDecisions({ record, mode, reviewer, form, showApprove, navigation, onShowEvaluation, onDecided }: Props) {
  const { message, modal } = App.useApp();
  const approve = useApproveReview();
  const reject = useRejectReview();
  const approveExemption = useApproveExemption();
  const rejectExemption = useRejectExemption();
  const once = useInFlight();
  const [rejecting, setRejecting] = useState(false);
  const blocked = record.blockMessage;
  const shown = decisionsShown(reviewer, record);
  const has = (action: ReviewAction) => shown.includes(action);
  const canApprove = mode === 'registration' ? has('approve') : has('approveExemption');
  const canReject = mode === 'registration' ? has('reject') : has('rejectExemption');
  const approveLabel = mode === 'registration' && reviewer === 'institution' ? '提交' : '通过';

  /** Runs a decision; on success the list, on failure the server's message (a 409: someone else acted; the record reloads). */
  const decide = async (call: () => Promise<unknown>, done: string): Promise<void> => {
    try {
      await call();
      void message.success(done);
      onDecided();
    } catch (error) {
      void message.error(errorMessage(error));
      if (isStaleReview(error)) return;
      const fields = isApiRequestError(error) ? Object.entries(error.fields).filter(([key]) => key.startsWith('evaluation.')) : [];
      if (fields.length > 0) {
        form.setFields(fields.map(([key, text]) => ({ name: fieldName(key), errors: [text] })));
        onShowEvaluation();
      }
    }
  };

  const confirmApprove = async () => {
    if (mode === 'exemption') {
      modal.confirm({
        title: '免考审核通过',
        content: reviewer === 'institution' ? '确定通过该医师的免考申请？通过后将提交考核机构复核。' : '确定通过该医师的免考申请？',
        okText: '确定',
        cancelText: '取消',
        onOk: () =>
          once(() => decide(() => approveExemption.mutateAsync({ enrolmentId: record.enrolmentId, version: record.exemption.version }), '免考申请已通过')),
      });
      return;
    }
    if (reviewer === 'assessor') {
      modal.confirm({
        title: '复核通过',
        content: '确定复核通过该医师的报名信息？',
        okText: '确定',
        cancelText: '取消',
        onOk: () => once(() => decide(() => approve.mutateAsync({ enrolmentId: record.enrolmentId, body: { version: record.version } }), '复核通过')),
      });
      return;
    }
    let values: EvaluationValues;
    try {
      values = await form.validateFields();
    } catch {
      onShowEvaluation();
      void message.warning('请完成医疗卫生机构评定意见');
      return;
    }
    const evaluation = evaluationBodyOf(values);
    modal.confirm({
      title: '提交审核结果',
      content: evaluationFails(values)
        ? '已评定为不合格，该医师本次考核结果将为不合格。确定提交考核机构复核？'
        : '工作成绩、职业道德均评定为合格。确定提交考核机构复核？',
      okText: '确定',
      okButtonProps: { danger: evaluationFails(values) },
      cancelText: '取消',
      onOk: () =>
        once(() => decide(() => approve.mutateAsync({ enrolmentId: record.enrolmentId, body: { version: record.version, evaluation } }), '已提交，等待考核机构复核')),
    });
  };

  const submitReject = (reason: string) =>
    decide(
      () =>
        mode === 'registration'
          ? reject.mutateAsync({ enrolmentId: record.enrolmentId, body: { version: record.version, reason } })
          : rejectExemption.mutateAsync({ enrolmentId: record.enrolmentId, body: { version: record.exemption.version, reason } }),
      '已驳回',
    ).finally(() => setRejecting(false));

  const off = blocked !== null;
  return (
    <Flex className="review-bar" gap={8} wrap justify="center">
      {navigation}
      {showApprove && canApprove && (
        <Tooltip title={blocked}>
          <Button type="primary" disabled={off} onClick={() => void confirmApprove()}>
            {approveLabel}
          </Button>
        </Tooltip>
      )}
      {canReject && (
        <Tooltip title={blocked}>
          <Button danger disabled={off} onClick={() => setRejecting(true)}>
            驳回
          </Button>
        </Tooltip>
      )}
      <RejectReasonModal
        open={rejecting}
        title={mode === 'registration' ? '驳回报名' : '驳回免考申请'}
        prompt={
          mode === 'registration'
            ? reviewer === 'assessor'
              ? '驳回后退回医疗卫生机构重新审核，驳回理由将告知医疗卫生机构。'
              : '驳回后医师可修改报名信息重新提交，驳回理由将告知医师。'
            : '驳回后医师可重新申请免考，驳回理由将告知医师。'
        }
        pending={reject.isPending || rejectExemption.isPending}
        onSubmit={submitReject}
        onClose={() => setRejecting(false)}
      />
    </Flex>
  );
}
