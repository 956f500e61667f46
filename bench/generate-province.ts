// Loads a province-size data set (default 400k physicians over 20k institutions) with set-based SQL.
// Usage (PostgreSQL): DATABASE_URL=postgres://… ID_ENCRYPTION_KEY=… ID_HMAC_KEY=… npx tsx bench/generate-province.ts
//        (PGlite):     DATA_DIR=/tmp/bench-pglite npx tsx bench/generate-province.ts
// Options: --province 430000 --institutions 20000 --physicians 400000. Refuses a province that already has an authority.
// Shape (bench/lib/province-shape.ts): a flagship hospital of 6,200 (login BENCH0001, 5,000 not enrolled), majors of
// 3–6k, hospitals, township centres and a long tail of 2–10-physician clinics; ages 25–65; 70% enrolled mid-cycle.
import { parseArgs } from 'node:util';
import { Faker, base, zh_CN } from '@faker-js/faker';
import dayjs from 'dayjs';
import { eq, sql } from 'drizzle-orm';
import type { EnrolmentStatus } from '../common/enums.js';
import { maskIdNumber, residentIdCheckChar } from '../common/id-number.js';
import { educations } from '../common/physician-catalogs.js';
import { regionCatalog } from '../common/regions.js';
import { hashPassword } from '../server/auth/passwords.js';
import { loadConfig } from '../server/config.js';
import { insertUnnest } from '../server/db/bulk.js';
import { issueMissingCertificates } from '../server/modules/certificates/issue-job.js';
import { authorities, cycles, policies } from '../server/db/schema/index.js';
import { openRuntime } from '../server/runtime.js';
import { BENCH_INSTITUTION, BENCH_PASSWORD, authorityLogin } from './lib/bench-accounts.js';
import {
  FLAGSHIP_ENROLLED, departmentCatalog, departmentCount, institutionShapes, pickCategory, pickDepartment, pickEnrolledStatus,
  pickEnrolment, pickLevel, pickTitle, scopeOf, seededRandom, weighted,
} from './lib/province-shape.js';

const { values } = parseArgs({
  options: {
    province: { type: 'string', default: '430000' },
    institutions: { type: 'string', default: '20000' },
    physicians: { type: 'string', default: '400000' },
  },
});
const provinceCode = values.province!;
const institutionCount = Number(values.institutions);
const physicianCount = Number(values.physicians);
const province = regionCatalog.find((r) => r.code === provinceCode && r.parentCode === null);
if (!province) throw new Error(`unknown province ${provinceCode}`);

const faker = new Faker({ locale: [zh_CN, base], seed: 400_000 });
const random = seededRandom(400_000);
const runtime = await openRuntime(loadConfig());
const { db } = runtime.database;
const { pii } = runtime;
const started = Date.now();
const lap = (label: string) => console.log(`${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s  ${label}`);
const day = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD');
const earlier = (a: dayjs.Dayjs, b: dayjs.Dayjs) => (a.isBefore(b) ? a : b);

try {
  const [existing] = await db.select().from(authorities).where(eq(authorities.regionCode, provinceCode));
  if (existing) throw new Error(`${province.name} already has data; use an empty database or another --province`);
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  await db.insert(policies).values({ provinceCode }).onConflictDoNothing();

  // 14 cities of 8 districts each, with synthetic names (the catalog ships only the provinces).
  const cities = Array.from({ length: 14 }, (_, c) => `${provinceCode.slice(0, 2)}${String(c + 1).padStart(2, '0')}00`);
  const districts = cities.flatMap((city) => Array.from({ length: 8 }, (_, d) => `${city.slice(0, 4)}${String(d + 1).padStart(2, '0')}`));
  await insertUnnest(db, 'regions', [
    { name: 'code', type: 'text', values: [...cities, ...districts] },
    { name: 'name', type: 'text', values: [...cities.map((c) => `第${c.slice(2, 4)}市`), ...districts.map((d) => `第${d.slice(2, 4)}市第${d.slice(4)}区`)] },
    { name: 'parent_code', type: 'text', values: [...cities.map(() => provinceCode), ...districts.map((d) => `${d.slice(0, 4)}00`)] },
  ], { onConflictDoNothing: true });

  const authorityRegions = [provinceCode, ...cities, ...districts];
  const authorityRows = await insertUnnest<{ id: number; region_code: string }>(db, 'authorities', [
    { name: 'name', type: 'text', values: authorityRegions.map((r) => `${r}卫生健康委员会`) },
    { name: 'region_code', type: 'text', values: authorityRegions },
  ], { returning: 'id, region_code' });
  const authorityOf = new Map(authorityRows.map((r) => [r.region_code, Number(r.id)]));
  await insertUnnest(db, 'accounts', [
    { name: 'kind', type: 'text', values: authorityRows.map(() => 'authority') },
    { name: 'login_name', type: 'text', values: authorityRows.map((r) => authorityLogin(r.region_code)) },
    { name: 'authority_id', type: 'int4', values: authorityRows.map((r) => Number(r.id)) },
    { name: 'password_hash', type: 'text', values: authorityRows.map(() => passwordHash) },
    { name: 'must_change_password', type: 'bool', values: authorityRows.map(() => false) },
  ]);
  lap(`regions and ${authorityRows.length} authorities`);

  // Institutions: 省直 flagship and majors under the province, hospitals under a city, the rest under a district.
  const shapes = institutionShapes(random, institutionCount, physicianCount);
  const regionOf = shapes.map((s, i) => (s.tier === 'flagship' || s.tier === 'major' || s.tier === 'hospital' ? cities[i % cities.length] : districts[i % districts.length]));
  const authorityIdOf = shapes.map((s, i) => authorityOf.get(s.tier === 'flagship' || s.tier === 'major' ? provinceCode : regionOf[i])!);
  const nameOf = (i: number) => {
    const s = shapes[i];
    const n = String(i + 1).padStart(5, '0');
    if (s.tier === 'clinic') return `${regionOf[i].slice(2, 4)}市${n}诊所`;
    if (s.type === 'primary') return `${regionOf[i].slice(2, 4)}市${n}卫生院`;
    if (s.type === 'maternal') return `${regionOf[i].slice(2, 4)}市${n}妇幼保健院`;
    if (s.type === 'prevention') return `${regionOf[i].slice(2, 4)}市${n}疾病预防控制中心`;
    return i === 0 ? `${province.name}人民医院` : `${regionOf[i].slice(2, 4)}市第${n}人民医院`;
  };
  const institutionRows = await insertUnnest<{ id: number }>(db, 'institutions', [
    { name: 'name', type: 'text', values: shapes.map((_, i) => nameOf(i)) },
    { name: 'authority_id', type: 'int4', values: authorityIdOf },
    { name: 'region_code', type: 'text', values: regionOf },
    { name: 'type', type: 'text', values: shapes.map((s) => s.type) },
    { name: 'level', type: 'text', values: shapes.map((s) => s.level) },
    { name: 'grade', type: 'text', values: shapes.map((s) => s.grade) },
    { name: 'bed_count', type: 'int4', values: shapes.map((s) => (s.tier === 'clinic' ? 0 : Math.round(s.size * 1.6))) },
    { name: 'physician_total', type: 'int4', values: shapes.map((s) => s.size) },
  ], { returning: 'id' });
  const institutionIds = institutionRows.map((r) => Number(r.id));
  await insertUnnest(db, 'accounts', [
    { name: 'kind', type: 'text', values: institutionIds.map(() => 'institution') },
    { name: 'login_name', type: 'text', values: institutionIds.map((_, i) => (i === 0 ? BENCH_INSTITUTION : `B${provinceCode.slice(0, 2)}${String(i + 1).padStart(6, '0')}`)) },
    { name: 'institution_id', type: 'int4', values: institutionIds },
    { name: 'password_hash', type: 'text', values: institutionIds.map(() => passwordHash) },
    { name: 'must_change_password', type: 'bool', values: institutionIds.map(() => false) },
  ]);

  const deptInstitution: number[] = [];
  const deptIndex: number[] = [];
  institutionIds.forEach((id, i) => {
    for (let d = 0; d < departmentCount(shapes[i].size); d++) {
      deptInstitution.push(id);
      deptIndex.push(d);
    }
  });
  const departmentRows = await insertUnnest<{ id: number }>(db, 'departments', [
    { name: 'institution_id', type: 'int4', values: deptInstitution },
    { name: 'name', type: 'text', values: deptIndex.map((d) => departmentCatalog[d][0]) },
  ], { returning: 'id' });
  // text[][] cannot go through unnest row by row, so the subjects follow by name in one update.
  await db.execute(sql`update departments d set clinical_subjects = array(select jsonb_array_elements_text(c.subjects))
    from jsonb_each(${JSON.stringify(Object.fromEntries(departmentCatalog))}::jsonb) c(name, subjects)
    where d.name = c.name and d.institution_id >= ${institutionIds[0]}`);
  const departmentsOf = new Map<number, number[]>();
  departmentRows.forEach((row, i) => departmentsOf.set(deptInstitution[i], [...(departmentsOf.get(deptInstitution[i]) ?? []), Number(row.id)]));
  lap(`${institutionIds.length} institutions (biggest ${shapes[0].size}, median ${shapes[Math.floor(shapes.length / 2)].size}), ${departmentRows.length} departments`);

  const today = dayjs();
  const window = { from: day(today.subtract(10, 'day')), to: day(today.add(30, 'day')) };
  const [cycle] = await db.insert(cycles).values({
    provinceCode, name: '2024-2026年度', startDate: '2024-01-01', endDate: '2026-12-31', isCurrent: true,
    assessorApplicationStart: window.from, assessorApplicationEnd: window.to, registrationStart: window.from, registrationEnd: window.to,
    reviewStart: window.from, reviewEnd: window.to, testStart: window.from, testEnd: window.to,
  }).returning({ id: cycles.id });

  // Physicians in batches, each with its account and enrolment; every 证件号码 valid and unique, encrypted and indexed.
  const used = new Set<string>();
  const BATCH = 20_000;
  const owners = shapes.flatMap((s, i) => Array<number>(s.size).fill(i));
  const cancelReasons = ['外出进修，本周期不参加', '长期病假', '即将退休', '已调往外省'];
  for (let offset = 0; offset < physicianCount; offset += BATCH) {
    const batch = owners.slice(offset, offset + BATCH);
    const rows = batch.map((owner, k) => {
      // Ages 25–65, most between 30 and 50 (the sum of two uniforms).
      const age = 25 + ((random() + random()) / 2) * 40;
      const birth = today.subtract(Math.floor(age * 365.25), 'day');
      let id: string;
      do {
        const first17 = `${provinceCode.slice(0, 2)}${faker.string.numeric(4)}${birth.format('YYYYMMDD')}${faker.string.numeric(3)}`;
        id = first17 + residentIdCheckChar(first17);
      } while (used.has(id));
      used.add(id);
      const firstRegistration = earlier(birth.add(Math.floor((24 + random() * 6) * 365.25), 'day'), today.subtract(30, 'day'));
      const category = pickCategory(random);
      const departments = departmentsOf.get(institutionIds[owner])!;
      const serial = offset + k + 1;
      const status: EnrolmentStatus | null = owner === 0 ? (serial <= FLAGSHIP_ENROLLED ? pickEnrolledStatus(random) : null) : pickEnrolment(random);
      return {
        owner, id, birth: day(birth), category, status, serial,
        department: departments[pickDepartment(random, departments.length)],
        name: `${faker.person.lastName()}${faker.person.firstName()}`,
        scope: weighted(random, scopeOf[category]),
        level: pickLevel(random, shapes[owner].tier),
        title: pickTitle(random),
        education: weighted(random, [[educations[0], 8], [educations[1], 22], [educations[2], 50], [educations[3], 15], [educations[4], 5]] as const),
        ethnicity: weighted(random, [['汉族', 90], ['土家族', 5], ['苗族', 3], ['侗族', 1], ['瑶族', 1]] as const),
        mobile: random() < 0.8 ? `1${3 + Math.floor(random() * 7)}${faker.string.numeric(9)}` : null,
        firstRegistration: day(firstRegistration),
        licenseDate: day(random() < 0.7 ? firstRegistration : earlier(firstRegistration.add(Math.floor(random() * 15 * 365.25), 'day'), today.subtract(1, 'day'))),
        qualificationDate: day(firstRegistration.subtract(Math.floor(30 + random() * 600), 'day')),
      };
    });
    const col = <T>(f: (r: (typeof rows)[number]) => T) => rows.map(f);
    const inserted = await insertUnnest<{ id: number }>(db, 'physicians', [
      { name: 'institution_id', type: 'int4', values: col((r) => institutionIds[r.owner]) },
      { name: 'department_id', type: 'int4', values: col((r) => r.department) },
      { name: 'name', type: 'text', values: col((r) => r.name) },
      { name: 'sex', type: 'text', values: col((r) => (Number(r.id[16]) % 2 ? 'male' : 'female')) },
      { name: 'birth_date', type: 'date', values: col((r) => r.birth) },
      { name: 'id_type', type: 'text', values: col(() => 'resident') },
      { name: 'id_number_cipher', type: 'text', values: col((r) => pii.encrypt(r.id)) },
      { name: 'id_number_hash', type: 'text', values: col((r) => pii.idNumberHash(r.id)) },
      { name: 'id_number_tail_hash', type: 'text', values: col((r) => pii.idNumberTailHash(r.id)) },
      { name: 'id_number_masked', type: 'text', values: col((r) => maskIdNumber(r.id)) },
      { name: 'ethnicity', type: 'text', values: col((r) => r.ethnicity) },
      { name: 'education', type: 'text', values: col((r) => r.education) },
      { name: 'mobile', type: 'text', values: col((r) => r.mobile) },
      { name: 'practice_category', type: 'text', values: col((r) => r.category) },
      { name: 'practice_scope', type: 'text', values: col((r) => r.scope) },
      { name: 'physician_level', type: 'text', values: col((r) => r.level) },
      { name: 'title', type: 'text', values: col((r) => r.title) },
      { name: 'license_number', type: 'text', values: col((r) => `1${provinceCode.slice(0, 2)}${String(r.serial).padStart(12, '0')}`) },
      { name: 'license_date', type: 'date', values: col((r) => r.licenseDate) },
      { name: 'qualification_number', type: 'text', values: col((r) => `2${provinceCode.slice(0, 2)}${String(r.serial).padStart(17, '0')}`) },
      { name: 'qualification_date', type: 'date', values: col((r) => r.qualificationDate) },
      { name: 'first_registration_date', type: 'date', values: col((r) => r.firstRegistration) },
    ], { returning: 'id' });
    // `insert … select from unnest` keeps the order of the arrays, so ids line up with `rows`.
    const ids = inserted.map((r) => Number(r.id));
    await insertUnnest(db, 'accounts', [
      { name: 'kind', type: 'text', values: ids.map(() => 'physician') },
      { name: 'physician_id', type: 'int4', values: ids },
    ]);
    const enrolled = rows.flatMap((r, k) => (r.status ? [{ ...r, physicianId: ids[k] }] : []));
    await insertUnnest(db, 'enrolments', [
      { name: 'cycle_id', type: 'int4', values: enrolled.map(() => cycle.id) },
      { name: 'physician_id', type: 'int4', values: enrolled.map((r) => r.physicianId) },
      { name: 'institution_id', type: 'int4', values: enrolled.map((r) => institutionIds[r.owner]) },
      { name: 'status', type: 'text', values: enrolled.map((r) => r.status) },
      { name: 'result', type: 'text', values: enrolled.map((r) => (r.status === 'COMPLETED' ? (r.serial % 40 === 0 ? 'failed' : 'passed') : null)) },
      { name: 'cancel_reason', type: 'text', values: enrolled.map((r) => (r.status === 'NOT_ENROLLED' ? cancelReasons[r.serial % cancelReasons.length] : null)) },
    ]);
    lap(`physicians ${Math.min(offset + BATCH, physicianCount)} / ${physicianCount}`);
  }

  await db.execute(sql`update institutions i set licensed_physician_count = c.licensed, assistant_physician_count = c.assistant
    from (select institution_id, count(*) filter (where physician_level = 'physician') licensed, count(*) filter (where physician_level = 'assistant') assistant
          from physicians group by institution_id) c
    where c.institution_id = i.id and i.id >= ${institutionIds[0]}`);
  // The 合格 enrolments' certificates, which the server's job would otherwise issue beside the first bench runs.
  let issued = 0;
  for (let batch = await issueMissingCertificates(db, { maxBatches: 100 }); batch > 0; batch = await issueMissingCertificates(db, { maxBatches: 100 })) issued += batch;
  lap(`${issued} certificates`);
  await db.execute(sql`vacuum analyze`);
  lap(`done: log in as ${BENCH_INSTITUTION} or ${authorityLogin(provinceCode)} with ${BENCH_PASSWORD}`);
} finally {
  await runtime.close();
}
