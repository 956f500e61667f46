// The pure parts of the 审核 / 复核 pages: filter values → the list's query, the 评定意见 form → the body of 提交.
import type { Dayjs } from 'dayjs';
import type { PhysicianLevel, PracticeCategory, Role } from '../../../../common/enums';
import type { Procedure } from '../../../../common/papers';
import { availableEvents } from '../../../../common/enrolment-machine';
import { searchValues } from '../list/searchValues';
import type { EvaluationBody, PendingKind, ReviewAction, ReviewKind, ReviewListQueryInput, ReviewRecord, ReviewTab, Verdict } from '../../../../common/schemas/review';

/** The values of the filter form. */
export interface ReviewFilterValues {
  departmentId?: number | null;
  name?: string;
  idNumber?: string;
  firstRegistration?: [Dayjs | null, Dayjs | null] | null;
  practiceCategory?: PracticeCategory | null;
  physicianLevel?: PhysicianLevel | null;
  procedure?: Procedure | null;
}

/** The filters a search sets (the 卫生机构 of the assessor's list is chosen from the table, not the form). */
export type ReviewSearch = Pick<
  ReviewListQueryInput,
  'institutionId' | 'departmentId' | 'name' | 'idNumber' | 'firstRegistrationFrom' | 'firstRegistrationTo' | 'practiceCategory' | 'physicianLevel' | 'procedure'
>;

/** Only what was filled in; empty fields mean "all". */
export const reviewSearchOf = (values: ReviewFilterValues): ReviewSearch => searchValues<ReviewSearch>(values);

/** The roles that review: the institution (审核) and its assessor (复核). */
export type ReviewerRole = Extract<Role, 'institution' | 'assessor'>;

/** 报名待审核 / 考核机构驳回待审核 exist only under the institution's 未审核 of 一般程序 and 简易程序. */
export function hasPendingKinds(role: ReviewerRole, kind: ReviewKind, tab: ReviewTab): boolean {
  return role === 'institution' && kind !== 'exemption' && tab === 'pending';
}

/** 批量审核: the institution, in 未审核 › 报名待审核 of 一般程序 or 简易程序. */
export function canBatchApprove(role: ReviewerRole, kind: ReviewKind, tab: ReviewTab, pendingKind: PendingKind): boolean {
  return hasPendingKinds(role, kind, tab) && pendingKind === 'submitted';
}

export interface ListState {
  kind: ReviewKind;
  role: ReviewerRole;
  tab: ReviewTab;
  pendingKind: PendingKind;
  search: ReviewSearch;
  page: number;
  pageSize: number;
}

/** The query of `GET /reviews`: the sub-tab only where it exists, and the 考核程序 filter only in the 免考 lists. */
export function reviewListQueryOf(state: ListState): ReviewListQueryInput & { kind: ReviewKind; page: number; pageSize: number } {
  const { procedure, ...search } = state.search;
  return {
    kind: state.kind,
    tab: state.tab,
    ...(hasPendingKinds(state.role, state.kind, state.tab) ? { pendingKind: state.pendingKind } : {}),
    ...search,
    ...(state.kind === 'exemption' && procedure ? { procedure } : {}),
    page: state.page,
    pageSize: state.pageSize,
  };
}

/** The record page of a list row; `kind` says which list to go back to and which decision the page offers. */
export function recordPath(enrolmentId: number, kind: ReviewKind): string {
  return `/reviews/record/${enrolmentId}?kind=${kind}`;
}

/** The question of 批量审核. */
export function batchConfirmText(count: number): string {
  return `确定将选中的 ${count} 名医师审核通过？工作成绩、职业道德均评定为合格。`;
}

/** The 医疗卫生机构评定意见 form. */
export interface EvaluationValues {
  workPerformance?: Verdict | null;
  workPerformanceReason?: string | null;
  ethics?: Verdict | null;
  ethicsReason?: string | null;
}

/**
 * The evaluation sent with 提交: a reason only for 不合格 (a reason typed before switching back to 合格 is
 * dropped), trimmed. Call it on values the form has validated (both verdicts given).
 */
export function evaluationBodyOf(values: EvaluationValues): EvaluationBody {
  const reason = (verdict: Verdict | null | undefined, value: string | null | undefined) => (verdict === 'failed' ? value?.trim() || null : null);
  if (!values.workPerformance || !values.ethics) throw new Error('evaluation is incomplete');
  return {
    workPerformance: values.workPerformance,
    workPerformanceReason: reason(values.workPerformance, values.workPerformanceReason),
    ethics: values.ethics,
    ethicsReason: reason(values.ethics, values.ethicsReason),
  };
}

/** Whether the evaluation makes the cycle's result 不合格 (either item 不合格). */
export function evaluationFails(values: EvaluationValues): boolean {
  return values.workPerformance === 'failed' || values.ethics === 'failed';
}

/**
 * The decision buttons of the record. The server sends no actions while the reviewer is blocked (no assessor
 * assigned, 审核时间 over); the buttons the record would have are still shown, disabled with the reason, so the
 * reviewer sees what is waiting and why it cannot be done.
 */
export function decisionsShown(reviewer: Role, record: Pick<ReviewRecord, 'actions' | 'blockMessage' | 'status' | 'exemption'>): ReviewAction[] {
  if (!record.blockMessage) return record.actions;
  if (reviewer !== 'institution' && reviewer !== 'assessor') return [];
  const shown: ReviewAction[] = [];
  const approve = reviewer === 'institution' ? 'institutionApprove' : 'assessorApprove';
  if (availableEvents(record.status, reviewer).includes(approve)) shown.push('approve', 'reject');
  if (record.exemption.status === (reviewer === 'institution' ? 'pendingInstitution' : 'pendingAssessor')) shown.push('approveExemption', 'rejectExemption');
  return shown;
}
