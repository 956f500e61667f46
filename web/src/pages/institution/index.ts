// The pages of the 医疗卫生机构 (institution); routes.tsx loads this module lazily, as one chunk.
export { InstitutionHomePage } from './home/InstitutionHomePage';
export { ProfilePage } from './profile/ProfilePage';
export { DepartmentsPage } from './departments/DepartmentsPage';
export { AssessorApplicationPage } from './assessor-application/AssessorApplicationPage';
export { PhysiciansPage } from './physicians/PhysiciansPage';
export { TransferInPage } from './transfer-in/TransferInPage';
export { ChangeRequestsPage } from './change-requests/ChangeRequestsPage';
export { StandardReviewsPage, SimplifiedReviewsPage, ExemptionReviewsPage, ReviewRecordPage } from './reviews/ReviewPages';
export { ProgressPage, ProgressSummaryPage } from './progress/ProgressPages';
export { RetakesPage } from './retakes/RetakesPage';
export { StatisticsPage } from './statistics/StatisticsPage';
export { ExamProgressPage } from './exam-progress/ExamProgressPage';
export { HistoryPage } from './history/HistoryPage';
export { ProctoringPage } from './proctoring/ProctoringPage';
export { HiddenPhysiciansPage } from './hidden-physicians/HiddenPhysiciansPage';
export { SiteEvaluationsPage } from './multi-site-evaluations/SiteEvaluationsPage';
