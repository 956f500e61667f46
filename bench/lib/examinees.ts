// Examinees for the exam benchmarks: physicians of DEMO0003 waiting for the test, with sessions written directly
// (logging hundreds of people in would measure argon2, not the exam).
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { maskIdNumber, residentIdCheckChar } from '../../common/id-number.js';
import { hashToken } from '../../server/auth/sessions.js';
import { insertUnnest } from '../../server/db/bulk.js';
import type { Database } from '../../server/db/client.js';
import type { Pii } from '../../server/lib/pii.js';

export interface BenchExaminee {
  cookie: string;
  csrf: string;
  physicianId: number;
}

/** N physicians of DEMO0003 (the demo data must be loaded) in 待参加考核 (一般程序), each with a session: cookie and CSRF token. */
export async function seedExaminees(db: Database, pii: Pii, count: number): Promise<BenchExaminee[]> {
  const examinees: BenchExaminee[] = [];
  const rows = async <T>(q: ReturnType<typeof sql>) => ((await db.execute(q)) as unknown as { rows: T[] }).rows;
  const [{ institution_id: institutionId, cycle_id: cycleId, department_id: departmentId }] = await rows<{ institution_id: number; cycle_id: number; department_id: number }>(sql`
    select a.institution_id, (select id from cycles where is_current) as cycle_id, (select id from departments d where d.institution_id = a.institution_id limit 1) as department_id
    from accounts a where a.login_name = 'DEMO0003'`);
  // The 证件号码 only need a plausible masked copy and a unique blind index: nobody logs in with them here.
  const ids = Array.from({ length: count }, (_, i) => {
    const first17 = `99010119800101${String(i % 1000).padStart(3, '0')}`;
    return first17 + residentIdCheckChar(first17);
  });
  await db.transaction(async (tx) => {
    const physicians = await insertUnnest<{ id: number }>(
      tx,
      'physicians',
      [
        { name: 'institution_id', type: 'int4', values: ids.map(() => institutionId) },
        { name: 'department_id', type: 'int4', values: ids.map(() => departmentId) },
        { name: 'name', type: 'text', values: ids.map((_, i) => `考生${i + 1}`) },
        { name: 'sex', type: 'text', values: ids.map(() => 'male') },
        { name: 'id_type', type: 'text', values: ids.map(() => 'resident') },
        { name: 'id_number_cipher', type: 'text', values: ids.map((id) => pii.encrypt(id)) },
        { name: 'id_number_hash', type: 'text', values: ids.map((_, i) => pii.idNumberHash(`bench-examinee-${i}`)) },
        { name: 'id_number_tail_hash', type: 'text', values: ids.map((id) => pii.idNumberTailHash(id)) },
        { name: 'id_number_masked', type: 'text', values: ids.map(maskIdNumber) },
        { name: 'practice_category', type: 'text', values: ids.map(() => 'clinical') },
        { name: 'practice_scope', type: 'text', values: ids.map(() => '内科专业') },
        { name: 'physician_level', type: 'text', values: ids.map(() => 'physician') },
        { name: 'license_number', type: 'text', values: ids.map((_, i) => `BENCHEXAM${i}`) },
        { name: 'qualification_number', type: 'text', values: ids.map((_, i) => `BENCHEXAM${i}`) },
      ],
      { returning: 'id' },
    );
    const physicianIds = physicians.map((p) => Number(p.id));
    const accounts = await insertUnnest<{ id: number }>(
      tx,
      'accounts',
      [
        { name: 'kind', type: 'text', values: physicianIds.map(() => 'physician') },
        { name: 'physician_id', type: 'int4', values: physicianIds },
        { name: 'must_change_password', type: 'bool', values: physicianIds.map(() => false) },
      ],
      { returning: 'id' },
    );
    const enrolments = await insertUnnest<{ id: number }>(
      tx,
      'enrolments',
      [
        { name: 'cycle_id', type: 'int4', values: physicianIds.map(() => cycleId) },
        { name: 'physician_id', type: 'int4', values: physicianIds },
        { name: 'institution_id', type: 'int4', values: physicianIds.map(() => institutionId) },
        { name: 'status', type: 'text', values: physicianIds.map(() => 'AWAITING_TEST') },
        { name: 'procedure', type: 'text', values: physicianIds.map(() => 'standard') },
      ],
      { returning: 'id' },
    );
    await insertUnnest(tx, 'registrations', [
      { name: 'enrolment_id', type: 'int4', values: enrolments.map((e) => Number(e.id)) },
      { name: 'physician_id', type: 'int4', values: physicianIds },
      { name: 'cycle_id', type: 'int4', values: physicianIds.map(() => cycleId) },
      { name: 'submitted_at', type: 'timestamptz', values: physicianIds.map(() => new Date().toISOString()) },
    ]);
    const tokens = accounts.map(() => crypto.randomBytes(32).toString('base64url'));
    const csrfs = accounts.map(() => crypto.randomBytes(24).toString('base64url'));
    await insertUnnest(tx, 'sessions', [
      { name: 'token_hash', type: 'text', values: tokens.map(hashToken) },
      { name: 'account_id', type: 'int4', values: accounts.map((a) => Number(a.id)) },
      { name: 'role', type: 'text', values: accounts.map(() => 'physician') },
      { name: 'csrf_token', type: 'text', values: csrfs },
    ]);
    examinees.push(...tokens.map((token, i) => ({ cookie: `sid=${token}; csrf_token=${csrfs[i]}`, csrf: csrfs[i], physicianId: physicianIds[i] })));
  });
  await db.execute(sql`analyze`);
  return examinees;
}
