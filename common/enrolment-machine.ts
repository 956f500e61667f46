// The enrolment state machine (DESIGN §3): the only way an enrolment's status changes. The server
// enforces it; the client asks it which buttons to show.
import type { EnrolmentStatus, Role } from './enums.js';

export const enrolmentEvents = [
  'enrol',
  'cancel',
  'withdraw',
  'submit',
  'institutionApprove',
  'institutionReject',
  'assessorApprove',
  'assessorReject',
  'exemptionApprove',
  'authorityReturn',
  'institutionReturn',
  'hide',
  'testPassed',
  'testFailed',
  'retakeAllow',
  'retakeDecline',
  'retakePassed',
  'retakeFailed',
  'cheatingConfirm',
  'cheatingRevoke',
] as const;
export type EnrolmentEvent = (typeof enrolmentEvents)[number];

/** Who causes an event: a role, or the system (test results, the window closing). */
export type EnrolmentActor = Role | 'system';

export const eventActors: Record<EnrolmentEvent, EnrolmentActor> = {
  enrol: 'institution',
  cancel: 'institution',
  withdraw: 'institution',
  submit: 'physician',
  institutionApprove: 'institution',
  institutionReject: 'institution',
  assessorApprove: 'assessor',
  assessorReject: 'assessor',
  exemptionApprove: 'assessor',
  authorityReturn: 'authority',
  institutionReturn: 'institution',
  hide: 'institution',
  testPassed: 'system',
  testFailed: 'system',
  retakeAllow: 'authority',
  retakeDecline: 'authority',
  retakePassed: 'system',
  retakeFailed: 'system',
  cheatingConfirm: 'authority',
  cheatingRevoke: 'authority',
};

export type EnrolmentResult = 'passed' | 'failed';

/** Facts some transitions depend on; the service supplies them. */
export interface TransitionContext {
  /** 工作成绩 or 职业道德 evaluated 不合格. */
  evaluationFailed?: boolean;
  /** Every paper the procedure requires is exempted (免考). */
  allPapersExempted?: boolean;
  /** The province allows retakes (考核政策). */
  retakeAllowed?: boolean;
  /** A test attempt has begun: the authority can no longer return the registration. */
  testStarted?: boolean;
  /** 撤销认定: the status and result 认定作弊 replaced. */
  beforeCheating?: { status: EnrolmentStatus; result: EnrolmentResult | null };
}

/** `unchanged`: the event is allowed but moves nothing; the stored status and result stay as they are. */
export type TransitionOutcome =
  | { ok: true; status: EnrolmentStatus; result: EnrolmentResult | null; unchanged?: true }
  | { ok: false; reason: string };

/** The physician may (re)submit: not yet submitted, or returned to them. */
export const SUBMITTABLE: readonly EnrolmentStatus[] = ['PENDING_REGISTRATION', 'RETURNED_BY_INSTITUTION', 'RETURNED_BY_AUTHORITY'];
/** Not (or no longer) submitted: not enrolled, or the registration is the physician's to fill in. */
export const NOT_SUBMITTED: readonly EnrolmentStatus[] = ['NOT_ENROLLED', ...SUBMITTABLE];
/** Submitted and waiting for a reviewer: the physician cannot be 调离 meanwhile. */
export const REVIEW_PENDING: readonly EnrolmentStatus[] = ['PENDING_INSTITUTION_REVIEW', 'RETURNED_BY_ASSESSOR', 'PENDING_ASSESSOR_REVIEW'];
const INSTITUTION_REVIEWABLE: readonly EnrolmentStatus[] = ['PENDING_INSTITUTION_REVIEW', 'RETURNED_BY_ASSESSOR'];
/** Past re-review with a paper still to take: a 免考 granted now may leave none. */
const PAPERS_PENDING: readonly EnrolmentStatus[] = ['AWAITING_TEST', 'PENDING_RETAKE_CONFIRMATION', 'AWAITING_RETAKE'];
/** An attempt has been taken: 认定作弊 may rule on it. */
const TESTED: readonly EnrolmentStatus[] = ['AWAITING_TEST', 'PENDING_RETAKE_CONFIRMATION', 'AWAITING_RETAKE', 'COMPLETED'];
const AUTHORITY_RETURNABLE: readonly EnrolmentStatus[] = [
  'PENDING_INSTITUTION_REVIEW',
  'RETURNED_BY_ASSESSOR',
  'PENDING_ASSESSOR_REVIEW',
  'AWAITING_TEST',
];

const to = (status: EnrolmentStatus, result: EnrolmentResult | null = null): TransitionOutcome => ({ ok: true, status, result });
const stay = (status: EnrolmentStatus): TransitionOutcome => ({ ok: true, status, result: null, unchanged: true });
const no = (reason: string): TransitionOutcome => ({ ok: false, reason });

function next(status: EnrolmentStatus, event: EnrolmentEvent, context: TransitionContext): TransitionOutcome {
  switch (event) {
    case 'enrol':
      return status === 'NOT_ENROLLED' ? to('PENDING_REGISTRATION') : no('医师已确认参加本周期考核');
    case 'cancel':
      if (status === 'PENDING_REGISTRATION') return to('NOT_ENROLLED');
      if (status === 'NOT_ENROLLED') return no('医师尚未确认参加本周期考核');
      return no('医师已提交报名信息，需由隶属卫生行政部门驳回');
    case 'withdraw':
      // 调离 takes a physician out of the cycle while their registration is still theirs to fill in.
      if (SUBMITTABLE.includes(status)) return to('NOT_ENROLLED');
      if (status === 'NOT_ENROLLED') return no('医师尚未确认参加本周期考核');
      if (REVIEW_PENDING.includes(status)) return no('医师报名信息正在审核中，不能调离');
      return no('医师已通过报名审核，考核记录保留');
    case 'submit':
      if (SUBMITTABLE.includes(status)) return to('PENDING_INSTITUTION_REVIEW');
      if (status === 'NOT_ENROLLED') return no('未纳入考核周期，请联系所在医疗卫生机构');
      return no('报名信息已提交，不能重复提交');
    case 'institutionApprove':
      return INSTITUTION_REVIEWABLE.includes(status) ? to('PENDING_ASSESSOR_REVIEW') : no('当前状态不是待医疗卫生机构审核');
    case 'institutionReject':
      return INSTITUTION_REVIEWABLE.includes(status) ? to('RETURNED_BY_INSTITUTION') : no('当前状态不是待医疗卫生机构审核');
    case 'assessorApprove':
      if (status !== 'PENDING_ASSESSOR_REVIEW') return no('当前状态不是待考核机构复核');
      if (context.evaluationFailed) return to('COMPLETED', 'failed');
      if (context.allPapersExempted) return to('COMPLETED', 'passed');
      return to('AWAITING_TEST');
    case 'assessorReject':
      return status === 'PENDING_ASSESSOR_REVIEW' ? to('RETURNED_BY_ASSESSOR') : no('当前状态不是待考核机构复核');
    case 'exemptionApprove':
      // The assessor's 免考复核 通过 may come before or after its 复核 of the registration; either way the outcome is
      // the same. Before: 复核 reads the granted 免考 (assessorApprove). After: the papers still to take are re-evaluated here.
      if (NOT_SUBMITTED.includes(status)) return no('报名信息未提交，不能审核免考申请');
      if (PAPERS_PENDING.includes(status) && context.allPapersExempted) return to('COMPLETED', 'passed');
      return stay(status);
    case 'authorityReturn':
      if (!AUTHORITY_RETURNABLE.includes(status)) return no('只能驳回已提交且尚未参加测评的报名信息');
      if (context.testStarted) return no('医师已开始测评，不能驳回');
      return to('RETURNED_BY_AUTHORITY');
    case 'institutionReturn':
      // 打回报名 (seed 000 §6): before the institution has reviewed it; after that only 驳回 in 审核.
      if (status === 'PENDING_INSTITUTION_REVIEW') return to('RETURNED_BY_INSTITUTION');
      if (NOT_SUBMITTED.includes(status)) return no('医师尚未提交报名信息');
      return no('报名信息已审核，不能打回');
    case 'hide':
      // 隐藏 (seed 000 §6) takes the physician off the list to assess: only while the registration is not submitted.
      if (status === 'NOT_ENROLLED') return stay(status);
      if (status === 'PENDING_REGISTRATION') return to('NOT_ENROLLED');
      return no('医师已提交过报名信息，不能隐藏');
    case 'testPassed':
      return status === 'AWAITING_TEST' ? to('COMPLETED', 'passed') : no('当前状态不是待参加考核');
    case 'testFailed':
      if (status !== 'AWAITING_TEST') return no('当前状态不是待参加考核');
      return context.retakeAllowed ? to('PENDING_RETAKE_CONFIRMATION') : to('COMPLETED', 'failed');
    case 'retakeAllow':
      return status === 'PENDING_RETAKE_CONFIRMATION' ? to('AWAITING_RETAKE') : no('当前状态不是待确认补考');
    case 'retakeDecline':
      return status === 'PENDING_RETAKE_CONFIRMATION' ? to('COMPLETED', 'failed') : no('当前状态不是待确认补考');
    case 'retakePassed':
      return status === 'AWAITING_RETAKE' ? to('COMPLETED', 'passed') : no('当前状态不是待参加补考');
    case 'retakeFailed':
      return status === 'AWAITING_RETAKE' ? to('COMPLETED', 'failed') : no('当前状态不是待参加补考');
    case 'cheatingConfirm':
      // Confirmed cheating fails the paper and makes the cycle 不合格, whatever came before.
      return TESTED.includes(status) ? to('COMPLETED', 'failed') : no('医师尚未参加测评，不能认定作弊');
    case 'cheatingRevoke':
      if (status !== 'COMPLETED' || !context.beforeCheating) return no('当前记录未被认定作弊');
      return to(context.beforeCheating.status, context.beforeCheating.result);
  }
}

/** The status after `event`, or why it cannot happen (wrong actor, or not from this status). */
export function transition(
  status: EnrolmentStatus,
  event: EnrolmentEvent,
  actor: EnrolmentActor,
  context: TransitionContext = {},
): TransitionOutcome {
  if (eventActors[event] !== actor) return no('当前身份无权执行此操作');
  return next(status, event, context);
}

/** The events an actor may cause from a status: what the client shows as buttons. */
export function availableEvents(status: EnrolmentStatus, actor: EnrolmentActor, context: TransitionContext = {}): EnrolmentEvent[] {
  return enrolmentEvents.filter((event) => transition(status, event, actor, context).ok);
}
