// A physician's 审核 record, read-only for the 卫生行政部门.
export { ReviewRecordPage } from '../../../components/review/ReviewRecordPage';
