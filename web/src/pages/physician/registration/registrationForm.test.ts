import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { Registration } from '../../../../../common/schemas/registration';
import { bodyOf, formValuesOf, namePath, problemsOf, resumeStep } from './registrationForm';

const registration = (over: Partial<Registration> = {}): Registration => ({
  enrolmentId: 1,
  status: 'PENDING_REGISTRATION',
  savedSteps: [],
  editable: true,
  returnReason: null,
  identity: { idType: 'resident', idNumberMasked: '4301*****11', photoFileId: null },
  firstRegistrationDate: '2005-08-01',
  basic: { name: '张三', birthDate: '1980-01-01' },
  practice: null,
  experience: { multiSites: [], educations: [{ school: '湘雅', startDate: '1998-09-01', endDate: null }], careers: [] },
  conduct: null,
  procedure: null,
  files: [],
  workloadKinds: ['visits'],
  simplifiedCheck: null,
  exemptionStatus: 'none',
  submittedAt: null,
  ...over,
});

describe('报名 form values', () => {
  it('turns dates into Dayjs at any depth and back into YYYY-MM-DD', () => {
    const values = formValuesOf(registration(), 'experience');
    const row = (values.educations as Record<string, unknown>[])[0];
    expect(dayjs.isDayjs(row.startDate)).toBe(true);
    expect(row.endDate).toBeNull();
    expect(bodyOf('experience', values, [])).toEqual({ multiSites: [], educations: [{ school: '湘雅', startDate: '1998-09-01', endDate: null }], careers: [] });
  });

  it('starts an unsaved step from its defaults', () => {
    expect(formValuesOf(registration(), 'procedure')).toEqual({ procedure: 'standard', exemptionRequested: false });
  });

  it('sends the hidden answers empty', () => {
    const conduct = bodyOf('conduct', { hasGoodRecord: false, awards: 'x', hasBadRecord: false, badRecords: [{ cause: 'y' }], workload: { visits: 3, surgeries: 2 } }, ['visits']);
    expect(conduct).toMatchObject({ awards: null, tasks: null, research: null, badRecords: [], workload: { visits: 3, surgeries: null, examinations: null } });
    const procedure = bodyOf('procedure', { procedure: 'standard', simplifiedReason: 'provincial', statement: 's', exemptionRequested: false, exemptionReason: 'r' }, []);
    expect(procedure).toEqual({ procedure: 'standard', simplifiedReason: null, statement: null, exemptionRequested: false, exemptionReason: null });
  });

  it('names nested fields as antd does', () => {
    expect(namePath('badRecords.0.cause')).toEqual(['badRecords', 0, 'cause']);
  });
});

describe('提交 problems', () => {
  it('places each on its step, field, file slot or the photo, in step order', () => {
    const problems = problemsOf({ 'procedure.statement': '请填写个人述职', 'practice.files.licensePage2': '请上传执业证书第二页', 'basic.photo': '请上传照片', experience: '相关经历尚未填写', 'basic.email': '电子邮箱格式不正确' });
    expect(problems.map((p) => [p.step, p.target])).toEqual([
      ['basic', { kind: 'photo' }],
      ['basic', { kind: 'field', name: ['email'] }],
      ['practice', { kind: 'file', slot: 'licensePage2' }],
      ['experience', { kind: 'step' }],
      ['procedure', { kind: 'field', name: ['statement'] }],
    ]);
  });
});

describe('resuming', () => {
  it('opens the first unsaved step, or the last when all are saved', () => {
    expect(resumeStep(registration({ savedSteps: ['basic', 'practice'] }))).toBe(2);
    expect(resumeStep(registration({ savedSteps: ['basic', 'practice', 'experience', 'conduct', 'procedure'] }))).toBe(4);
  });
});
