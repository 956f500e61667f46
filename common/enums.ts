// Enumerations shared by server and web, each with its Chinese label as the manuals word it.

export const roles = ['authority', 'institution', 'assessor', 'physician'] as const;
export type Role = (typeof roles)[number];
export const roleLabels: Record<Role, string> = {
  authority: '卫生行政部门',
  institution: '医疗卫生机构',
  assessor: '考核机构',
  physician: '医师',
};

/** What an account is; the role of a session may differ (an institution account can act as assessor). */
export const accountKinds = ['authority', 'institution', 'physician'] as const;
export type AccountKind = (typeof accountKinds)[number];

export const idTypes = ['resident', 'officer', 'hkmo', 'taiwan', 'passport'] as const;
export type IdType = (typeof idTypes)[number];
export const idTypeLabels: Record<IdType, string> = {
  resident: '居民身份证',
  officer: '军官证',
  hkmo: '港澳居民来往内地通行证',
  taiwan: '台湾居民来往大陆通行证',
  passport: '护照',
};

export const sexes = ['male', 'female'] as const;
export type Sex = (typeof sexes)[number];
export const sexLabels: Record<Sex, string> = { male: '男', female: '女' };

export const practiceCategories = ['clinical', 'dental', 'publicHealth', 'tcm'] as const;
export type PracticeCategory = (typeof practiceCategories)[number];
export const practiceCategoryLabels: Record<PracticeCategory, string> = {
  clinical: '临床',
  dental: '口腔',
  publicHealth: '公共卫生',
  tcm: '中医',
};

export const physicianLevels = ['physician', 'assistant'] as const;
export type PhysicianLevel = (typeof physicianLevels)[number];
export const physicianLevelLabels: Record<PhysicianLevel, string> = {
  physician: '执业医师',
  assistant: '执业助理医师',
};

export const institutionTypes = ['medical', 'prevention', 'maternal', 'primary', 'other'] as const;
export type InstitutionType = (typeof institutionTypes)[number];
export const institutionTypeLabels: Record<InstitutionType, string> = {
  medical: '医疗机构',
  prevention: '疾病预防控制机构',
  maternal: '妇幼保健机构',
  primary: '基层医疗卫生机构',
  other: '其他',
};

export const institutionLevels = ['level3', 'level2', 'level1', 'unrated'] as const;
export type InstitutionLevel = (typeof institutionLevels)[number];
export const institutionLevelLabels: Record<InstitutionLevel, string> = {
  level3: '三级',
  level2: '二级',
  level1: '一级',
  unrated: '未定级',
};

export const institutionGrades = ['gradeA', 'gradeB', 'gradeC', 'ungraded'] as const;
export type InstitutionGrade = (typeof institutionGrades)[number];
export const institutionGradeLabels: Record<InstitutionGrade, string> = {
  gradeA: '甲等',
  gradeB: '乙等',
  gradeC: '丙等',
  ungraded: '未评等',
};

/** Enrolment statuses and their labels from seed 003. */
export const enrolmentStatuses = [
  'NOT_ENROLLED',
  'PENDING_REGISTRATION',
  'RETURNED_BY_INSTITUTION',
  'RETURNED_BY_AUTHORITY',
  'PENDING_INSTITUTION_REVIEW',
  'RETURNED_BY_ASSESSOR',
  'PENDING_ASSESSOR_REVIEW',
  'AWAITING_TEST',
  'PENDING_RETAKE_CONFIRMATION',
  'AWAITING_RETAKE',
  'COMPLETED',
] as const;
export type EnrolmentStatus = (typeof enrolmentStatuses)[number];
export const enrolmentStatusLabels: Record<EnrolmentStatus, string> = {
  NOT_ENROLLED: '未确认参加',
  PENDING_REGISTRATION: '待报名',
  RETURNED_BY_INSTITUTION: '待报名(被机构驳回)',
  RETURNED_BY_AUTHORITY: '待报名(被行政机构驳回)',
  PENDING_INSTITUTION_REVIEW: '待医疗卫生机构审核',
  RETURNED_BY_ASSESSOR: '待医疗卫生机构审核(被考核机构驳回)',
  PENDING_ASSESSOR_REVIEW: '待考核机构复核',
  AWAITING_TEST: '待参加考核',
  PENDING_RETAKE_CONFIRMATION: '待确认补考',
  AWAITING_RETAKE: '待参加补考',
  COMPLETED: '考核完成',
};

export const initialPasswordRules = ['fixed666666', 'idSuffixDk'] as const;
export type InitialPasswordRule = (typeof initialPasswordRules)[number];
export const initialPasswordRuleLabels: Record<InitialPasswordRule, string> = {
  fixed666666: '666666',
  idSuffixDk: '账号后6位+*Dk',
};

export const departmentStatuses = ['enabled', 'disabled'] as const;
export type DepartmentStatus = (typeof departmentStatuses)[number];
export const departmentStatusLabels: Record<DepartmentStatus, string> = { enabled: '启用', disabled: '停用' };

/** 考核安排 windows of a cycle. */
export const windowKeys = ['assessorApplication', 'registration', 'review', 'test'] as const;
export type WindowKey = (typeof windowKeys)[number];
export const windowLabels: Record<WindowKey, string> = {
  assessorApplication: '考核机构申请',
  registration: '医师报名',
  review: '报名信息审核',
  test: '测评考核',
};
/** The optional 补考时间 shown after the four windows when the cycle has one. */
export const scheduleKeys = [...windowKeys, 'retake'] as const;
export type ScheduleKey = (typeof scheduleKeys)[number];
export const RETAKE_WINDOW_LABEL = '补考时间';
export const windowStates = ['notStarted', 'open', 'ended'] as const;
export type WindowState = (typeof windowStates)[number];
export const windowStateLabels: Record<WindowState, string> = { notStarted: '未开始', open: '进行中', ended: '已结束' };

/** Statuses by how far the registration got, for the three rates of 考核进度 (seed 002 §1.8). */
export const submittedStatuses: readonly EnrolmentStatus[] = [
  'PENDING_INSTITUTION_REVIEW',
  'RETURNED_BY_ASSESSOR',
  'PENDING_ASSESSOR_REVIEW',
  'AWAITING_TEST',
  'PENDING_RETAKE_CONFIRMATION',
  'AWAITING_RETAKE',
  'COMPLETED',
];
export const institutionReviewedStatuses: readonly EnrolmentStatus[] = [
  'PENDING_ASSESSOR_REVIEW',
  'AWAITING_TEST',
  'PENDING_RETAKE_CONFIRMATION',
  'AWAITING_RETAKE',
  'COMPLETED',
];
