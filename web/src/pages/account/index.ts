// Pages every logged-in role shares; routes.tsx loads this module lazily, as one chunk.
export { ChangePasswordPage } from './change-password/ChangePasswordPage';
