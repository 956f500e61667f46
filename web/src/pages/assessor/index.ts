// The pages of the 考核机构 (assessor); routes.tsx loads this module lazily, as one chunk.
export { AssessorHomePage } from './home/AssessorHomePage';
export { CommitteePage } from './committee/CommitteePage';
export { StandardReviewsPage, SimplifiedReviewsPage, ExemptionReviewsPage, ReviewRecordPage } from './reviews/ReviewPages';
export { ProgressPage, ProgressSummaryPage } from './progress/ProgressPages';
export { StatisticsPage } from './statistics/StatisticsPage';
export { ExamProgressPage } from './exam-progress/ExamProgressPage';
export { ProctoringPage } from './proctoring/ProctoringPage';
