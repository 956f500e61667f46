// Loads the demo province into an empty database in one transaction, with set-based inserts.
import { count } from 'drizzle-orm';
import dayjs from 'dayjs';
import { maskIdNumber } from '../../../common/id-number.js';
import { todayInChina } from '../../../common/schedule.js';
import { hashPassword } from '../../auth/passwords.js';
import type { Pii } from '../../lib/pii.js';
import { insertUnnest } from '../bulk.js';
import type { Database } from '../client.js';
import { accounts, assessorAssignments, assessors, authorities, cycles, departments, institutions, physicianMultiSites, policies } from '../schema/index.js';
import { ensureRegions } from './regions.js';
import { DEMO_PASSWORD, DEMO_PHYSICIAN_ID, demoAuthorities, demoInstitutions } from './demo-data.js';
import { seedPreviousCycle } from './demo-history.js';
import { seedDemoBanks, seedDemoExaminees, seedDemoPaperRules } from './demo-tests.js';

export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(accounts);
  return row.n === 0;
}

/** The 2024–2026 cycle, with every window open on the day the demo is loaded. */
export function demoCycle(today: string = todayInChina()) {
  const endDate = dayjs(today).isAfter('2026-11-30') ? dayjs(today).add(60, 'day').format('YYYY-MM-DD') : '2026-12-31';
  const from = dayjs(today).subtract(10, 'day').format('YYYY-MM-DD');
  const to = dayjs(today).add(30, 'day').format('YYYY-MM-DD');
  const retakeStart = dayjs(to).add(1, 'day').format('YYYY-MM-DD');
  const retakeEnd = [dayjs(to).add(15, 'day').format('YYYY-MM-DD'), endDate].sort()[0];
  return {
    provinceCode: '990000', name: '2024-2026年度', startDate: '2024-01-01', endDate, isCurrent: true,
    assessorApplicationStart: from, assessorApplicationEnd: to, registrationStart: from, registrationEnd: to,
    reviewStart: from, reviewEnd: to, testStart: from, testEnd: to,
    // 补考时间 after 测评考核, when the cycle leaves room for it.
    ...(retakeStart <= retakeEnd ? { retakeStart, retakeEnd } : {}),
  };
}

export async function seedDemo(db: Database, pii: Pii, today: string = todayInChina()): Promise<{ physicians: number; examinees: string[] }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  let examinees: string[] = [];
  // Loaded here, not with this module: its name generator (faker's locales, 38 MB) would stay in every server.
  const { generateDemoPhysicians } = await import('./demo-physicians.js');
  const people = generateDemoPhysicians(demoInstitutions);
  await db.transaction(async (tx) => {
    await ensureRegions(tx);
    await tx.insert(policies).values({ provinceCode: '990000' }).onConflictDoNothing();
    const authorityRows = await tx
      .insert(authorities)
      .values(demoAuthorities.map((a) => ({ name: a.name, regionCode: a.regionCode, contactPerson: a.contact, contactPhone: a.phone })))
      .returning();
    const authorityByRegion = new Map(authorityRows.map((a) => [a.regionCode, a.id]));
    const institutionRows = await tx
      .insert(institutions)
      .values(
        demoInstitutions.map((i) => ({
          name: i.name, authorityId: authorityByRegion.get(i.authorityRegion)!, regionCode: i.regionCode, street: i.street,
          type: i.type, level: i.level, grade: i.grade, bedCount: i.beds, physicianTotal: i.physicians,
          licensedPhysicianCount: people.filter((p) => p.institutionAccount === i.account && p.physicianLevel === 'physician').length,
          assistantPhysicianCount: people.filter((p) => p.institutionAccount === i.account && p.physicianLevel === 'assistant').length,
          legalRepresentative: i.legalRepresentative, contactPerson: i.contactPerson, contactPhone: i.contactPhone, mobile: i.mobile,
        })),
      )
      .returning({ id: institutions.id });
    const institutionId = new Map(demoInstitutions.map((i, index) => [i.account, institutionRows[index].id]));
    const departmentRows = await tx
      .insert(departments)
      .values(demoInstitutions.flatMap((i) => i.departments.map(([name, subjects]) => ({ institutionId: institutionId.get(i.account)!, name, clinicalSubjects: subjects }))))
      .returning({ id: departments.id, institutionId: departments.institutionId, name: departments.name });
    const departmentId = new Map(departmentRows.map((d) => [`${d.institutionId}/${d.name}`, d.id]));

    await tx.insert(accounts).values([
      ...demoAuthorities.map((a) => ({ kind: 'authority', loginName: a.account, authorityId: authorityByRegion.get(a.regionCode)!, passwordHash, mustChangePassword: false })),
      ...demoInstitutions.map((i) => ({ kind: 'institution', loginName: i.account, institutionId: institutionId.get(i.account)!, passwordHash, mustChangePassword: false })),
    ]);

    const col = <K extends keyof (typeof people)[number]>(key: K) => people.map((p) => p[key]);
    const physicianRows = await insertUnnest<{ id: number }>(
      tx,
      'physicians',
      [
        { name: 'institution_id', type: 'int4', values: people.map((p) => institutionId.get(p.institutionAccount)!) },
        { name: 'department_id', type: 'int4', values: people.map((p) => departmentId.get(`${institutionId.get(p.institutionAccount)}/${p.departmentName}`)!) },
        { name: 'name', type: 'text', values: col('name') },
        { name: 'sex', type: 'text', values: col('sex') },
        { name: 'birth_date', type: 'date', values: col('birthDate') },
        { name: 'id_type', type: 'text', values: people.map(() => 'resident') },
        { name: 'id_number_cipher', type: 'text', values: people.map((p) => pii.encrypt(p.idNumber)) },
        { name: 'id_number_hash', type: 'text', values: people.map((p) => pii.idNumberHash(p.idNumber)) },
        { name: 'id_number_tail_hash', type: 'text', values: people.map((p) => pii.idNumberTailHash(p.idNumber)) },
        { name: 'id_number_masked', type: 'text', values: people.map((p) => maskIdNumber(p.idNumber)) },
        { name: 'ethnicity', type: 'text', values: col('ethnicity') },
        { name: 'education', type: 'text', values: col('education') },
        { name: 'email', type: 'text', values: col('email') },
        { name: 'mobile', type: 'text', values: col('mobile') },
        { name: 'practice_category', type: 'text', values: col('practiceCategory') },
        { name: 'practice_scope', type: 'text', values: col('practiceScope') },
        { name: 'physician_level', type: 'text', values: col('physicianLevel') },
        { name: 'title', type: 'text', values: col('title') },
        { name: 'license_number', type: 'text', values: col('licenseNumber') },
        { name: 'license_date', type: 'date', values: col('licenseDate') },
        { name: 'qualification_number', type: 'text', values: col('qualificationNumber') },
        { name: 'qualification_date', type: 'date', values: col('qualificationDate') },
        { name: 'first_registration_date', type: 'date', values: col('firstRegistrationDate') },
      ],
      { returning: 'id' },
    );
    // `insert … select from unnest` keeps the order of the arrays, so ids line up with `people`.
    const physicianIds = physicianRows.map((r) => Number(r.id));
    await insertUnnest(tx, 'accounts', [
      { name: 'kind', type: 'text', values: physicianIds.map(() => 'physician') },
      { name: 'physician_id', type: 'int4', values: physicianIds },
      { name: 'password_hash', type: 'text', values: physicianIds.map(() => passwordHash) },
      { name: 'must_change_password', type: 'bool', values: physicianIds.map(() => false) },
    ]);

    // The previous cycle, finished, with its results and certificates (the named demo physician 合格).
    await seedPreviousCycle(
      tx,
      physicianIds.map((id, i) => ({ id, institutionId: institutionId.get(people[i].institutionAccount)!, passed: people[i].idNumber === DEMO_PHYSICIAN_ID })),
    );
    const [cycle] = await tx.insert(cycles).values(demoCycle(today)).returning({ id: cycles.id });
    const main = institutionId.get('DEMO0001')!;
    await tx.insert(assessors).values({ cycleId: cycle.id, institutionId: main });
    await tx.insert(assessorAssignments).values(
      demoInstitutions.filter((i) => i.account !== 'DEMO0001').map((i) => ({ cycleId: cycle.id, institutionId: institutionId.get(i.account)!, assignedAssessorId: main })),
    );
    // About two thirds confirmed (待报名), the rest not yet (未确认参加); the named demo physician is enrolled.
    const enrolled = await insertUnnest<{ id: number; physician_id: number }>(tx, 'enrolments', [
      { name: 'cycle_id', type: 'int4', values: physicianIds.map(() => cycle.id) },
      { name: 'physician_id', type: 'int4', values: physicianIds },
      { name: 'institution_id', type: 'int4', values: people.map((p) => institutionId.get(p.institutionAccount)!) },
      {
        name: 'status',
        type: 'text',
        values: people.map((p, i) => (p.idNumber === DEMO_PHYSICIAN_ID || i % 3 !== 2 ? 'PENDING_REGISTRATION' : 'NOT_ENROLLED')),
      },
    ], { returning: 'id, physician_id' });
    // 多点执业: five enrolled physicians of 青山市中医医院 also practise at 演示省人民医院, whose 医疗机构考核 lists them when
    // the 考核政策 「所有多点执业机构均须评价」 is on (no journey uses DEMO0004's physicians otherwise).
    const site = demoInstitutions.find((i) => i.account === 'DEMO0001')!;
    const multiSite = people.flatMap((p, i) => (p.institutionAccount === 'DEMO0004' && i % 3 !== 2 ? [physicianIds[i]] : [])).slice(0, 5);
    await tx.insert(physicianMultiSites).values(multiSite.map((physicianId) => ({ physicianId, institutionId: main, institutionName: site.name, departmentName: '中医科' })));
    await seedDemoBanks(tx);
    await seedDemoPaperRules(tx, cycle.id);
    examinees = await seedDemoExaminees(tx, {
      cycleId: cycle.id,
      people,
      physicianIds,
      // Only those confirmed (待报名) can have registered.
      enrolmentIds: new Map(enrolled.filter((_, i) => people[i].idNumber === DEMO_PHYSICIAN_ID || i % 3 !== 2).map((e) => [Number(e.physician_id), Number(e.id)])),
      departmentId: (p) => departmentId.get(`${institutionId.get(p.institutionAccount)}/${p.departmentName}`)!,
    });
  });
  return { physicians: people.length, examinees };
}
