// The demo province's previous cycle, 2021-2023年度, finished: three quarters of the physicians took part, most 合格
// (each with its 合格证书, issued by the provincial authority in January 2024), some 不合格 — so 历史考核结果查询,
// 证书查验 and 考核信息查询's 前两届 show real rows on a fresh start.
import type { Tx } from '../client.js';
import { insertUnnest } from '../bulk.js';
import { cycles } from '../schema/index.js';
import { issueCertificates } from '../../modules/certificates/issue.js';

export const PREVIOUS_CYCLE_NAME = '2021-2023年度';
export const PREVIOUS_CYCLE_ISSUED_ON = '2024-01-15';

export function previousCycle() {
  return {
    provinceCode: '990000', name: PREVIOUS_CYCLE_NAME, startDate: '2021-01-01', endDate: '2023-12-31', isCurrent: false,
    assessorApplicationStart: '2023-03-01', assessorApplicationEnd: '2023-03-31', registrationStart: '2023-04-01', registrationEnd: '2023-05-31',
    reviewStart: '2023-04-15', reviewEnd: '2023-06-30', testStart: '2023-07-01', testEnd: '2023-08-31', retakeStart: '2023-09-15', retakeEnd: '2023-09-30',
  };
}

/** `physicians`: each demo physician's id and institution, in the order of the generated people; `keep` always 合格. */
export async function seedPreviousCycle(tx: Tx, physicians: { id: number; institutionId: number; passed?: boolean }[]): Promise<number> {
  const [cycle] = await tx.insert(cycles).values(previousCycle()).returning({ id: cycles.id });
  const taking = physicians.filter((p, i) => p.passed || i % 4 !== 3);
  await insertUnnest(tx, 'enrolments', [
    { name: 'cycle_id', type: 'int4', values: taking.map(() => cycle.id) },
    { name: 'physician_id', type: 'int4', values: taking.map((p) => p.id) },
    { name: 'institution_id', type: 'int4', values: taking.map((p) => p.institutionId) },
    { name: 'status', type: 'text', values: taking.map(() => 'COMPLETED') },
    { name: 'result', type: 'text', values: taking.map((p, i) => (p.passed || i % 9 !== 4 ? 'passed' : 'failed')) },
    { name: 'procedure', type: 'text', values: taking.map((_, i) => (i % 5 === 0 ? 'simplified' : 'standard')) },
  ]);
  const issued = await issueCertificates(tx, { missing: true, limit: taking.length }, PREVIOUS_CYCLE_ISSUED_ON);
  return issued.length;
}
