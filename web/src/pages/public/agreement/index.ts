// The public legal texts; routes.tsx loads this module lazily, as one chunk.
export { PrivacyPolicyPage } from './PrivacyPolicyPage';
export { ServiceAgreementPage } from './ServiceAgreementPage';
