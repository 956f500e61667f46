import { describe, expect, it } from 'vitest';
import { enrolmentStatuses, type EnrolmentStatus } from './enums.js';
import { availableEvents, enrolmentEvents, eventActors, transition, type EnrolmentEvent, type TransitionContext } from './enrolment-machine.js';

/** Every allowed (status, event) with the status it leads to; everything else must be refused. */
const allowed: [EnrolmentStatus, EnrolmentEvent, EnrolmentStatus, TransitionContext?, ('passed' | 'failed')?][] = [
  ['NOT_ENROLLED', 'enrol', 'PENDING_REGISTRATION'],
  ['PENDING_REGISTRATION', 'cancel', 'NOT_ENROLLED'],
  ['PENDING_REGISTRATION', 'withdraw', 'NOT_ENROLLED'],
  ['RETURNED_BY_INSTITUTION', 'withdraw', 'NOT_ENROLLED'],
  ['RETURNED_BY_AUTHORITY', 'withdraw', 'NOT_ENROLLED'],
  ['PENDING_REGISTRATION', 'submit', 'PENDING_INSTITUTION_REVIEW'],
  ['RETURNED_BY_INSTITUTION', 'submit', 'PENDING_INSTITUTION_REVIEW'],
  ['RETURNED_BY_AUTHORITY', 'submit', 'PENDING_INSTITUTION_REVIEW'],
  ['PENDING_INSTITUTION_REVIEW', 'institutionApprove', 'PENDING_ASSESSOR_REVIEW'],
  ['PENDING_INSTITUTION_REVIEW', 'institutionReject', 'RETURNED_BY_INSTITUTION'],
  ['RETURNED_BY_ASSESSOR', 'institutionApprove', 'PENDING_ASSESSOR_REVIEW'],
  ['RETURNED_BY_ASSESSOR', 'institutionReject', 'RETURNED_BY_INSTITUTION'],
  ['PENDING_ASSESSOR_REVIEW', 'assessorApprove', 'AWAITING_TEST'],
  ['PENDING_ASSESSOR_REVIEW', 'assessorReject', 'RETURNED_BY_ASSESSOR'],
  ['PENDING_INSTITUTION_REVIEW', 'authorityReturn', 'RETURNED_BY_AUTHORITY'],
  ['RETURNED_BY_ASSESSOR', 'authorityReturn', 'RETURNED_BY_AUTHORITY'],
  ['PENDING_ASSESSOR_REVIEW', 'authorityReturn', 'RETURNED_BY_AUTHORITY'],
  ['AWAITING_TEST', 'authorityReturn', 'RETURNED_BY_AUTHORITY'],
  ['PENDING_INSTITUTION_REVIEW', 'institutionReturn', 'RETURNED_BY_INSTITUTION'],
  ['PENDING_REGISTRATION', 'hide', 'NOT_ENROLLED'],
  ['AWAITING_TEST', 'testPassed', 'COMPLETED', {}, 'passed'],
  ['AWAITING_TEST', 'testFailed', 'COMPLETED', {}, 'failed'],
  ['PENDING_RETAKE_CONFIRMATION', 'retakeAllow', 'AWAITING_RETAKE'],
  ['PENDING_RETAKE_CONFIRMATION', 'retakeDecline', 'COMPLETED', {}, 'failed'],
  ['AWAITING_RETAKE', 'retakePassed', 'COMPLETED', {}, 'passed'],
  ['AWAITING_RETAKE', 'retakeFailed', 'COMPLETED', {}, 'failed'],
  ['AWAITING_TEST', 'exemptionApprove', 'COMPLETED', { allPapersExempted: true }, 'passed'],
  ['PENDING_RETAKE_CONFIRMATION', 'exemptionApprove', 'COMPLETED', { allPapersExempted: true }, 'passed'],
  ['AWAITING_RETAKE', 'exemptionApprove', 'COMPLETED', { allPapersExempted: true }, 'passed'],
  ['AWAITING_TEST', 'cheatingConfirm', 'COMPLETED', {}, 'failed'],
  ['PENDING_RETAKE_CONFIRMATION', 'cheatingConfirm', 'COMPLETED', {}, 'failed'],
  ['AWAITING_RETAKE', 'cheatingConfirm', 'COMPLETED', {}, 'failed'],
  ['COMPLETED', 'cheatingConfirm', 'COMPLETED', {}, 'failed'],
  ['COMPLETED', 'cheatingRevoke', 'PENDING_RETAKE_CONFIRMATION', { beforeCheating: { status: 'PENDING_RETAKE_CONFIRMATION', result: null } }],
];

/** Allowed (status, event) pairs that move nothing: the stored status and result stay. */
const unchanged: [EnrolmentStatus, EnrolmentEvent][] = [
  ['PENDING_INSTITUTION_REVIEW', 'exemptionApprove'],
  ['RETURNED_BY_ASSESSOR', 'exemptionApprove'],
  ['PENDING_ASSESSOR_REVIEW', 'exemptionApprove'],
  ['COMPLETED', 'exemptionApprove'],
  ['NOT_ENROLLED', 'hide'],
];

describe('enrolment state machine', () => {
  for (const status of enrolmentStatuses) {
    for (const event of enrolmentEvents) {
      const entry = allowed.find(([s, e]) => s === status && e === event);
      const stays = unchanged.some(([s, e]) => s === status && e === event);
      it(`${status} --${event}--> ${entry ? entry[2] : stays ? 'unchanged' : 'refused'}`, () => {
        const outcome = transition(status, event, eventActors[event], entry?.[3]);
        if (stays) {
          expect(outcome).toEqual({ ok: true, status, result: null, unchanged: true });
        } else if (entry) {
          expect(outcome).toEqual({ ok: true, status: entry[2], result: entry[4] ?? null });
        } else {
          expect(outcome.ok).toBe(false);
          if (!outcome.ok) expect(outcome.reason).toMatch(/[\u4e00-\u9fa5]/);
        }
      });
    }
  }

  it('refuses every event to every actor but its own', () => {
    const actors = ['authority', 'institution', 'assessor', 'physician', 'system'] as const;
    for (const [status, event] of [...allowed, ...unchanged]) {
      for (const actor of actors.filter((a) => a !== eventActors[event])) {
        expect(transition(status, event, actor)).toEqual({ ok: false, reason: '当前身份无权执行此操作' });
      }
    }
  });

  it('调离 is refused while a review is pending', () => {
    for (const status of ['PENDING_INSTITUTION_REVIEW', 'RETURNED_BY_ASSESSOR', 'PENDING_ASSESSOR_REVIEW'] as const) {
      expect(transition(status, 'withdraw', 'institution')).toEqual({ ok: false, reason: '医师报名信息正在审核中，不能调离' });
    }
  });

  it('cancelling after the first submit says the authority must return it', () => {
    for (const status of ['PENDING_INSTITUTION_REVIEW', 'PENDING_ASSESSOR_REVIEW', 'RETURNED_BY_INSTITUTION'] as const) {
      expect(transition(status, 'cancel', 'institution')).toEqual({ ok: false, reason: '医师已提交报名信息，需由隶属卫生行政部门驳回' });
    }
  });

  it('an evaluation of 不合格 ends the cycle as 不合格 at re-review; full exemption ends it as 合格', () => {
    expect(transition('PENDING_ASSESSOR_REVIEW', 'assessorApprove', 'assessor', { evaluationFailed: true })).toEqual({ ok: true, status: 'COMPLETED', result: 'failed' });
    expect(transition('PENDING_ASSESSOR_REVIEW', 'assessorApprove', 'assessor', { allPapersExempted: true })).toEqual({ ok: true, status: 'COMPLETED', result: 'passed' });
    expect(transition('PENDING_ASSESSOR_REVIEW', 'assessorApprove', 'assessor', { evaluationFailed: true, allPapersExempted: true })).toMatchObject({ result: 'failed' });
  });

  it('免考复核 通过 after 复核 completes the cycle 合格 only when no paper is left to take', () => {
    for (const status of ['AWAITING_TEST', 'PENDING_RETAKE_CONFIRMATION', 'AWAITING_RETAKE'] as const) {
      expect(transition(status, 'exemptionApprove', 'assessor', { allPapersExempted: true })).toEqual({ ok: true, status: 'COMPLETED', result: 'passed' });
      expect(transition(status, 'exemptionApprove', 'assessor', { allPapersExempted: false })).toEqual({ ok: true, status, result: null, unchanged: true });
    }
    // Before 复核, or once completed, the 免考 changes nothing here (复核 reads it; a result stands).
    expect(transition('PENDING_ASSESSOR_REVIEW', 'exemptionApprove', 'assessor', { allPapersExempted: true })).toMatchObject({ unchanged: true });
    expect(transition('COMPLETED', 'exemptionApprove', 'assessor', { allPapersExempted: true })).toMatchObject({ unchanged: true });
    expect(transition('RETURNED_BY_INSTITUTION', 'exemptionApprove', 'assessor', { allPapersExempted: true })).toEqual({ ok: false, reason: '报名信息未提交，不能审核免考申请' });
  });

  it('a failed test goes to 待确认补考 only where the province allows retakes', () => {
    expect(transition('AWAITING_TEST', 'testFailed', 'system', { retakeAllowed: true })).toEqual({ ok: true, status: 'PENDING_RETAKE_CONFIRMATION', result: null });
    expect(transition('AWAITING_TEST', 'testFailed', 'system', { retakeAllowed: false })).toEqual({ ok: true, status: 'COMPLETED', result: 'failed' });
  });

  it('认定作弊 ends the cycle 不合格 once a test was taken; 撤销认定 restores what it replaced', () => {
    expect(transition('AWAITING_TEST', 'cheatingConfirm', 'authority')).toEqual({ ok: true, status: 'COMPLETED', result: 'failed' });
    expect(transition('PENDING_ASSESSOR_REVIEW', 'cheatingConfirm', 'authority')).toEqual({ ok: false, reason: '医师尚未参加测评，不能认定作弊' });
    expect(transition('COMPLETED', 'cheatingRevoke', 'authority', { beforeCheating: { status: 'COMPLETED', result: 'passed' } })).toEqual({ ok: true, status: 'COMPLETED', result: 'passed' });
    expect(transition('COMPLETED', 'cheatingRevoke', 'authority')).toEqual({ ok: false, reason: '当前记录未被认定作弊' });
    expect(transition('COMPLETED', 'cheatingConfirm', 'institution')).toEqual({ ok: false, reason: '当前身份无权执行此操作' });
  });

  it('the authority cannot return a registration once a test has begun', () => {
    expect(transition('AWAITING_TEST', 'authorityReturn', 'authority', { testStarted: true })).toEqual({ ok: false, reason: '医师已开始测评，不能驳回' });
  });

  it('打回报名 only before the institution has reviewed; 隐藏 only before the first submit', () => {
    expect(transition('RETURNED_BY_ASSESSOR', 'institutionReturn', 'institution')).toEqual({ ok: false, reason: '报名信息已审核，不能打回' });
    expect(transition('PENDING_REGISTRATION', 'institutionReturn', 'institution')).toEqual({ ok: false, reason: '医师尚未提交报名信息' });
    for (const status of ['RETURNED_BY_INSTITUTION', 'PENDING_INSTITUTION_REVIEW', 'COMPLETED'] as const) {
      expect(transition(status, 'hide', 'institution')).toEqual({ ok: false, reason: '医师已提交过报名信息，不能隐藏' });
    }
  });

  it('tells the client which buttons each actor has', () => {
    expect(availableEvents('PENDING_REGISTRATION', 'institution')).toEqual(['cancel', 'withdraw', 'hide']);
    expect(availableEvents('NOT_ENROLLED', 'institution')).toEqual(['enrol', 'hide']);
    expect(availableEvents('PENDING_INSTITUTION_REVIEW', 'institution')).toEqual(['institutionApprove', 'institutionReject', 'institutionReturn']);
    expect(availableEvents('PENDING_INSTITUTION_REVIEW', 'authority')).toEqual(['authorityReturn']);
    expect(availableEvents('RETURNED_BY_AUTHORITY', 'physician')).toEqual(['submit']);
    expect(availableEvents('COMPLETED', 'authority')).toEqual(['cheatingConfirm']);
  });
});
