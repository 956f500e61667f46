// Every route of the client, with the roles that may see it (access flags).
// Pages are loaded on demand: one chunk per role, so a role never downloads another role's pages,
// and the login page pulls in neither the layout nor any role's pages.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { roles, type Role } from '../../common/enums';

type Page = LazyExoticComponent<ComponentType>;

function lazyNamed<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): Page {
  return lazy(async () => ({ default: (await load())[name] }));
}

const loadAuthority = () => import('./pages/authority');
const loadInstitution = () => import('./pages/institution');
const loadAssessor = () => import('./pages/assessor');
const loadPhysician = () => import('./pages/physician');
const loadAccount = () => import('./pages/account');
const loadAgreements = () => import('./pages/public/agreement');

export interface PublicRoute {
  path: string;
  title: string;
  Page: Page;
}

export interface AppRoute extends PublicRoute {
  /** The roles that see this route; for any other role it does not exist (404). */
  access: readonly Role[];
}

/** Pages anyone may open without logging in. */
export const publicRoutes: readonly PublicRoute[] = [
  { path: '/login', title: '登录', Page: lazyNamed(() => import('./pages/public/login'), 'LoginPage') },
  { path: '/forgot-password', title: '重置密码', Page: lazyNamed(() => import('./pages/public/forgot-password'), 'ForgotPasswordPage') },
  { path: '/agreement/service', title: '服务协议', Page: lazyNamed(loadAgreements, 'ServiceAgreementPage') },
  { path: '/agreement/privacy', title: '隐私条款', Page: lazyNamed(loadAgreements, 'PrivacyPolicyPage') },
  { path: '/verify', title: '证书查验', Page: lazyNamed(() => import('./pages/public/verify'), 'VerifyPage') },
];

/** Pages inside the logged-in layout. */
export const appRoutes: readonly AppRoute[] = [
  { path: '/', title: '首页', access: ['authority'], Page: lazyNamed(loadAuthority, 'AuthorityHomePage') },
  { path: '/', title: '首页', access: ['institution'], Page: lazyNamed(loadInstitution, 'InstitutionHomePage') },
  { path: '/', title: '首页', access: ['assessor'], Page: lazyNamed(loadAssessor, 'AssessorHomePage') },
  { path: '/', title: '首页', access: ['physician'], Page: lazyNamed(loadPhysician, 'PhysicianHomePage') },
  { path: '/account-settings', title: '账户设置', access: ['physician'], Page: lazyNamed(loadPhysician, 'AccountSettingsPage') },
  { path: '/registration', title: '我要报名', access: ['physician'], Page: lazyNamed(loadPhysician, 'RegistrationPage') },
  { path: '/assessment-info', title: '考核信息查询', access: ['physician'], Page: lazyNamed(loadPhysician, 'AssessmentInfoPage') },
  { path: '/change-request', title: '信息修改申请', access: ['physician'], Page: lazyNamed(loadPhysician, 'ChangeRequestPage') },
  { path: '/messages', title: '站内消息', access: ['physician'], Page: lazyNamed(loadPhysician, 'MessagesPage') },
  { path: '/retakes', title: '待确认补考', access: ['authority'], Page: lazyNamed(loadAuthority, 'RetakesPage') },
  { path: '/retakes', title: '补考管理', access: ['institution'], Page: lazyNamed(loadInstitution, 'RetakesPage') },
  { path: '/history', title: '历史考核结果查询', access: ['institution'], Page: lazyNamed(loadInstitution, 'HistoryPage') },
  { path: '/history', title: '历史考核结果查询', access: ['authority'], Page: lazyNamed(loadAuthority, 'HistoryPage') },
  { path: '/certificate-seal', title: '发证机关公章', access: ['authority'], Page: lazyNamed(loadAuthority, 'CertificateSealPage') },
  { path: '/exams', title: '待参加的考试', access: ['physician'], Page: lazyNamed(loadPhysician, 'ExamsPage') },
  { path: '/exams/completed', title: '已完成的考试', access: ['physician'], Page: lazyNamed(loadPhysician, 'CompletedExamsPage') },
  { path: '/exams/practice', title: '待参加的练习', access: ['physician'], Page: lazyNamed(loadPhysician, 'PracticePage') },
  { path: '/exams/attempts/:attemptId', title: '考试', access: ['physician'], Page: lazyNamed(loadPhysician, 'AttemptPage') },
  { path: '/change-password', title: '修改密码', access: roles, Page: lazyNamed(loadAccount, 'ChangePasswordPage') },
  { path: '/departments', title: '科室信息', access: ['institution'], Page: lazyNamed(loadInstitution, 'DepartmentsPage') },
  { path: '/notices', title: '通知公告', access: ['authority'], Page: lazyNamed(loadAuthority, 'NoticesPage') },
  { path: '/institutions', title: '机构账号', access: ['authority'], Page: lazyNamed(loadAuthority, 'InstitutionsPage') },
  { path: '/profile', title: '本机构信息', access: ['institution'], Page: lazyNamed(loadInstitution, 'ProfilePage') },
  { path: '/cycles', title: '考核周期', access: ['authority'], Page: lazyNamed(loadAuthority, 'CyclesPage') },
  { path: '/policy', title: '考核政策', access: ['authority'], Page: lazyNamed(loadAuthority, 'PolicyPage') },
  { path: '/assessor-applications', title: '考核机构审核', access: ['authority'], Page: lazyNamed(loadAuthority, 'AssessorApplicationsPage') },
  { path: '/assessor-assignments', title: '指定考核机构', access: ['authority'], Page: lazyNamed(loadAuthority, 'AssessorAssignmentsPage') },
  { path: '/assessor-application', title: '申请考核机构', access: ['institution'], Page: lazyNamed(loadInstitution, 'AssessorApplicationPage') },
  { path: '/committee', title: '考核委员会', access: ['assessor'], Page: lazyNamed(loadAssessor, 'CommitteePage') },
  { path: '/committee/office', title: '考核办公室', access: ['assessor'], Page: lazyNamed(loadAssessor, 'CommitteePage') },
  { path: '/physicians', title: '医师列表', access: ['institution'], Page: lazyNamed(loadInstitution, 'PhysiciansPage') },
  { path: '/hidden-physicians', title: '医师暂存', access: ['institution'], Page: lazyNamed(loadInstitution, 'HiddenPhysiciansPage') },
  { path: '/multi-site-evaluations', title: '医疗机构考核', access: ['institution'], Page: lazyNamed(loadInstitution, 'SiteEvaluationsPage') },
  { path: '/transfer-in', title: '调入医师', access: ['institution'], Page: lazyNamed(loadInstitution, 'TransferInPage') },
  { path: '/change-requests', title: '信息修改申请', access: ['institution'], Page: lazyNamed(loadInstitution, 'ChangeRequestsPage') },
  { path: '/physicians', title: '医师列表', access: ['authority'], Page: lazyNamed(loadAuthority, 'PhysiciansPage') },
  { path: '/progress', title: '考核进度', access: ['institution'], Page: lazyNamed(loadInstitution, 'ProgressPage') },
  { path: '/progress', title: '考核进度', access: ['assessor'], Page: lazyNamed(loadAssessor, 'ProgressPage') },
  { path: '/progress', title: '考核进度', access: ['authority'], Page: lazyNamed(loadAuthority, 'ProgressPage') },
  { path: '/progress/summary', title: '考核情况综合查询', access: ['institution'], Page: lazyNamed(loadInstitution, 'ProgressSummaryPage') },
  { path: '/progress/summary', title: '考核情况综合查询', access: ['assessor'], Page: lazyNamed(loadAssessor, 'ProgressSummaryPage') },
  { path: '/progress/summary', title: '考核情况综合查询', access: ['authority'], Page: lazyNamed(loadAuthority, 'ProgressSummaryPage') },
  { path: '/statistics', title: '考核统计', access: ['institution'], Page: lazyNamed(loadInstitution, 'StatisticsPage') },
  { path: '/statistics', title: '考核统计', access: ['assessor'], Page: lazyNamed(loadAssessor, 'StatisticsPage') },
  { path: '/statistics', title: '考核统计', access: ['authority'], Page: lazyNamed(loadAuthority, 'StatisticsPage') },
  { path: '/exam-progress', title: '测评进度', access: ['institution'], Page: lazyNamed(loadInstitution, 'ExamProgressPage') },
  { path: '/exam-progress', title: '测评进度', access: ['assessor'], Page: lazyNamed(loadAssessor, 'ExamProgressPage') },
  { path: '/exam-progress', title: '测评进度', access: ['authority'], Page: lazyNamed(loadAuthority, 'ExamProgressPage') },
  { path: '/proctoring', title: '监考管理', access: ['institution'], Page: lazyNamed(loadInstitution, 'ProctoringPage') },
  { path: '/proctoring', title: '监考管理', access: ['assessor'], Page: lazyNamed(loadAssessor, 'ProctoringPage') },
  { path: '/proctoring', title: '监考管理', access: ['authority'], Page: lazyNamed(loadAuthority, 'ProctoringPage') },
  { path: '/reviews/standard', title: '一般程序审核', access: ['institution'], Page: lazyNamed(loadInstitution, 'StandardReviewsPage') },
  { path: '/reviews/simplified', title: '简易程序审核', access: ['institution'], Page: lazyNamed(loadInstitution, 'SimplifiedReviewsPage') },
  { path: '/reviews/exemption', title: '免考审核', access: ['institution'], Page: lazyNamed(loadInstitution, 'ExemptionReviewsPage') },
  { path: '/reviews/record/:enrolmentId', title: '审核', access: ['institution'], Page: lazyNamed(loadInstitution, 'ReviewRecordPage') },
  { path: '/reviews/standard', title: '一般程序复核', access: ['assessor'], Page: lazyNamed(loadAssessor, 'StandardReviewsPage') },
  { path: '/reviews/simplified', title: '简易程序复核', access: ['assessor'], Page: lazyNamed(loadAssessor, 'SimplifiedReviewsPage') },
  { path: '/reviews/exemption', title: '免考复核', access: ['assessor'], Page: lazyNamed(loadAssessor, 'ExemptionReviewsPage') },
  { path: '/reviews/record/:enrolmentId', title: '复核', access: ['assessor'], Page: lazyNamed(loadAssessor, 'ReviewRecordPage') },
  { path: '/reviews/record/:enrolmentId', title: '审核', access: ['authority'], Page: lazyNamed(loadAuthority, 'ReviewRecordPage') },
  { path: '/question-bank', title: '题库管理', access: ['authority'], Page: lazyNamed(loadAuthority, 'QuestionBankPage') },
  { path: '/paper-rules', title: '试卷规则', access: ['authority'], Page: lazyNamed(loadAuthority, 'PaperRulesPage') },
];

export function routesFor(role: Role): AppRoute[] {
  return appRoutes.filter((route) => route.access.includes(role));
}

export const NotFoundPage: Page = lazyNamed(() => import('./pages/errors/not-found'), 'NotFoundPage');

/** The logged-in shell (top bar, menu); its own chunk so the login page does not load it. */
export const AppLayout = lazy(async () => ({
  default: (await import('./components/AppLayout/AppLayout')).AppLayout,
}));
