// The logins the generator creates and the benchmark uses (organisation accounts only; physicians keep the
// province's initial password, as after a real import).
export const BENCH_PASSWORD = 'Bench#2024roster';
/** The flagship hospital: the biggest institution, 6,200 physicians of whom 5,000 are not enrolled. */
export const BENCH_INSTITUTION = 'BENCH0001';
export const authorityLogin = (provinceCode: string) => `wjw${provinceCode}`;
/** Physicians the benchmark imports carry this 执业证书编码 prefix, so a rerun can remove them first. */
export const IMPORTED_LICENSE_PREFIX = 'BENCHIMP';
