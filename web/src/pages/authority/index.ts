// The pages of the 卫生行政部门 (authority); routes.tsx loads this module lazily, as one chunk.
export { AuthorityHomePage } from './home/AuthorityHomePage';
export { InstitutionsPage } from './institutions/InstitutionsPage';
export { NoticesPage } from './notices/NoticesPage';
export { CyclesPage } from './cycles/CyclesPage';
export { PolicyPage } from './policy/PolicyPage';
export { AssessorApplicationsPage } from './assessor-applications/AssessorApplicationsPage';
export { AssessorAssignmentsPage } from './assessor-assignments/AssessorAssignmentsPage';
export { PhysiciansPage } from './physicians/PhysiciansPage';
export { ReviewRecordPage } from './reviews/ReviewPages';
export { ProgressPage, ProgressSummaryPage } from './progress/ProgressPages';
export { RetakesPage } from './retakes/RetakesPage';
export { StatisticsPage } from './statistics/StatisticsPage';
export { QuestionBankPage } from './question-bank/QuestionBankPage';
export { PaperRulesPage } from './paper-rules/PaperRulesPage';
export { ExamProgressPage } from './exam-progress/ExamProgressPage';
export { HistoryPage } from './history/HistoryPage';
export { CertificateSealPage } from './certificate-seal/CertificateSealPage';
export { ProctoringPage } from './proctoring/ProctoringPage';
