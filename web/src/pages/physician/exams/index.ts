export { ExamsPage } from './ExamsPage';
export { CompletedExamsPage } from './CompletedExamsPage';
export { PracticePage } from './PracticePage';
export { AttemptPage } from './AttemptPage';
