// The pages of the 医师 (physician); routes.tsx loads this module lazily, as one chunk.
export { PhysicianHomePage } from './home/PhysicianHomePage';
export { RegistrationPage } from './registration';
export { AccountSettingsPage } from './account-settings/AccountSettingsPage';
export { AssessmentInfoPage } from './assessment-info/AssessmentInfoPage';
export { ChangeRequestPage } from './change-request/ChangeRequestPage';
export { MessagesPage } from './messages/MessagesPage';
export { ExamsPage, CompletedExamsPage, PracticePage, AttemptPage } from './exams';
