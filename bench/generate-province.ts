// Loads a province-size data set (default 400k physicians over 20k institutions) with set-based SQL.
// Usage (PostgreSQL): DATABASE_URL=postgres://… ID_ENCRYPTION_KEY=… ID_HMAC_KEY=… npx tsx bench/generate-province.ts
//        (PGlite):     DATA_DIR=/tmp/bench-pglite npx tsx bench/generate-province.ts
// Options: --province 430000 --institutions 20000 --physicians 400000. Refuses a province that already has an authority.
import { parseArgs } from 'node:util';
import { Faker, base, zh_CN } from '@faker-js/faker';
import dayjs from 'dayjs';
import { eq, sql } from 'drizzle-orm';
import { maskIdNumber, residentIdCheckChar } from '../common/id-number.js';
import { regionCatalog } from '../common/regions.js';
import { loadConfig } from '../server/config.js';
import { insertUnnest } from '../server/db/bulk.js';
import { authorities, cycles } from '../server/db/schema/index.js';
import { openRuntime } from '../server/runtime.js';

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
const runtime = await openRuntime(loadConfig());
const { db } = runtime.database;
const { pii } = runtime;
const started = Date.now();
const lap = (label: string) => console.log(`${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s  ${label}`);

try {
  const [existing] = await db.select().from(authorities).where(eq(authorities.regionCode, provinceCode));
  if (existing) throw new Error(`${province.name} already has data; use an empty database or another --province`);

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
    { name: 'login_name', type: 'text', values: authorityRows.map((r) => `wjw${r.region_code}`) },
    { name: 'authority_id', type: 'int4', values: authorityRows.map((r) => Number(r.id)) },
  ]);
  lap(`regions and ${authorityRows.length} authorities`);

  // Institutions: a few large hospitals, many small clinics; sizes sum to the physician count.
  const tiers = [
    { share: 0.005, level: 'level3', type: 'medical', weight: 160 },
    { share: 0.04, level: 'level2', type: 'medical', weight: 30 },
    { share: 0.015, level: 'level2', type: 'maternal', weight: 12 },
    { share: 0.01, level: 'unrated', type: 'prevention', weight: 8 },
    { share: 0.93, level: 'level1', type: 'primary', weight: 2.2 },
  ];
  const institutionTiers = Array.from({ length: institutionCount }, (_, i) => {
    let x = (i + 0.5) / institutionCount;
    for (const tier of tiers) {
      if (x < tier.share) return tier;
      x -= tier.share;
    }
    return tiers[tiers.length - 1];
  });
  const totalWeight = institutionTiers.reduce((n, t) => n + t.weight, 0);
  const sizes = institutionTiers.map((t) => Math.max(1, Math.round((t.weight * physicianCount) / totalWeight)));
  sizes[0] += physicianCount - sizes.reduce((a, b) => a + b, 0);
  const instRegion = institutionTiers.map((t, i) => (t.level === 'level3' ? cities[i % cities.length] : districts[i % districts.length]));
  const institutionRows = await insertUnnest<{ id: number }>(db, 'institutions', [
    { name: 'name', type: 'text', values: institutionTiers.map((t, i) => `${t.type === 'primary' ? '社区卫生服务中心' : '医院'}${String(i + 1).padStart(5, '0')}`) },
    { name: 'authority_id', type: 'int4', values: instRegion.map((r, i) => authorityOf.get(institutionTiers[i].level === 'level3' ? provinceCode : r)!) },
    { name: 'region_code', type: 'text', values: instRegion },
    { name: 'type', type: 'text', values: institutionTiers.map((t) => t.type) },
    { name: 'level', type: 'text', values: institutionTiers.map((t) => t.level) },
    { name: 'grade', type: 'text', values: institutionTiers.map((t) => (t.level === 'level1' ? 'ungraded' : 'gradeA')) },
    { name: 'physician_total', type: 'int4', values: sizes },
  ], { returning: 'id' });
  const institutionIds = institutionRows.map((r) => Number(r.id));
  await insertUnnest(db, 'accounts', [
    { name: 'kind', type: 'text', values: institutionIds.map(() => 'institution') },
    { name: 'login_name', type: 'text', values: institutionIds.map((_, i) => `B${provinceCode.slice(0, 2)}${String(i + 1).padStart(6, '0')}`) },
    { name: 'institution_id', type: 'int4', values: institutionIds },
  ]);
  const departmentNames = ['内科', '外科', '妇产科', '儿科', '急诊医学科', '医学影像科', '口腔科', '中医科'];
  const departmentSubjects = ['03.01', '04.01', '05.01', '07.01', '20', '32', '12.01', '50.01'];
  const deptInstitution: number[] = [];
  const deptIndex: number[] = [];
  institutionIds.forEach((id, i) => {
    const n = Math.min(departmentNames.length, Math.max(1, Math.ceil(Math.log2(sizes[i] + 1))));
    for (let d = 0; d < n; d++) {
      deptInstitution.push(id);
      deptIndex.push(d);
    }
  });
  const departmentRows = await insertUnnest<{ id: number }>(db, 'departments', [
    { name: 'institution_id', type: 'int4', values: deptInstitution },
    { name: 'name', type: 'text', values: deptIndex.map((d) => departmentNames[d]) },
  ], { returning: 'id' });
  await db.execute(sql`update departments set clinical_subjects = array[(${sql.param(departmentSubjects)}::text[])[
    array_position(${sql.param(departmentNames)}::text[], name)]] where institution_id = any(${sql.param(institutionIds)}::int4[])`);
  const departmentsOf = new Map<number, number[]>();
  departmentRows.forEach((row, i) => departmentsOf.set(deptInstitution[i], [...(departmentsOf.get(deptInstitution[i]) ?? []), Number(row.id)]));
  lap(`${institutionIds.length} institutions, ${departmentRows.length} departments`);

  // Physicians in batches; every 证件号码 valid and unique, encrypted, indexed and masked like real ones.
  const used = new Set<string>();
  const BATCH = 20_000;
  const owners = sizes.flatMap((size, i) => Array<number>(size).fill(i));
  const categories = ['clinical', 'clinical', 'clinical', 'clinical', 'clinical', 'clinical', 'clinical', 'tcm', 'dental', 'publicHealth'];
  for (let offset = 0; offset < physicianCount; offset += BATCH) {
    const batch = owners.slice(offset, offset + BATCH);
    const ids: string[] = [];
    const births: string[] = [];
    for (let k = 0; k < batch.length; k++) {
      let id: string;
      do {
        const birth = dayjs('1958-01-01').add(faker.number.int({ min: 0, max: 40 * 365 }), 'day');
        const first17 = `${provinceCode.slice(0, 2)}${faker.string.numeric(4)}${birth.format('YYYYMMDD')}${faker.string.numeric(3)}`;
        id = first17 + residentIdCheckChar(first17);
      } while (used.has(id));
      used.add(id);
      ids.push(id);
      births.push(`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`);
    }
    const serials = batch.map((_, k) => offset + k + 1);
    const categoryOf = serials.map((s) => categories[s % categories.length]);
    const firstRegistration = births.map((b, k) => dayjs(b).add(25 + (serials[k] % 5), 'year').add(serials[k] % 300, 'day').format('YYYY-MM-DD'));
    await insertUnnest(db, 'physicians', [
      { name: 'institution_id', type: 'int4', values: batch.map((i) => institutionIds[i]) },
      { name: 'department_id', type: 'int4', values: batch.map((i, k) => { const d = departmentsOf.get(institutionIds[i])!; return d[serials[k] % d.length]; }) },
      { name: 'name', type: 'text', values: batch.map(() => `${faker.person.lastName()}${faker.person.firstName()}`) },
      { name: 'sex', type: 'text', values: ids.map((id) => (Number(id[16]) % 2 ? 'male' : 'female')) },
      { name: 'birth_date', type: 'date', values: births },
      { name: 'id_type', type: 'text', values: ids.map(() => 'resident') },
      { name: 'id_number_cipher', type: 'text', values: ids.map((id) => pii.encrypt(id)) },
      { name: 'id_number_hash', type: 'text', values: ids.map((id) => pii.idNumberHash(id)) },
      { name: 'id_number_masked', type: 'text', values: ids.map(maskIdNumber) },
      { name: 'practice_category', type: 'text', values: categoryOf },
      { name: 'practice_scope', type: 'text', values: categoryOf.map((c) => ({ clinical: '内科专业', tcm: '中医专业', dental: '口腔专业', publicHealth: '公共卫生类别专业' })[c]!) },
      { name: 'physician_level', type: 'text', values: serials.map((s) => (s % 7 === 0 ? 'assistant' : 'physician')) },
      { name: 'license_number', type: 'text', values: serials.map((s) => `1${provinceCode.slice(0, 2)}${String(s).padStart(12, '0')}`) },
      { name: 'license_date', type: 'date', values: firstRegistration },
      { name: 'qualification_number', type: 'text', values: serials.map((s) => `2${provinceCode.slice(0, 2)}${String(s).padStart(17, '0')}`) },
      { name: 'first_registration_date', type: 'date', values: firstRegistration },
    ]);
    lap(`physicians ${Math.min(offset + BATCH, physicianCount)} / ${physicianCount}`);
  }

  const inProvince = sql`select id from institutions where region_code like ${`${provinceCode.slice(0, 2)}%`}`;
  await db.execute(sql`insert into accounts (kind, physician_id) select 'physician', id from physicians where institution_id in (${inProvince})`);
  const today = dayjs();
  const [cycle] = await db.insert(cycles).values({
    provinceCode, name: '2024-2026年度', startDate: '2024-01-01', endDate: '2026-12-31', isCurrent: true,
    assessorApplicationStart: today.subtract(10, 'day').format('YYYY-MM-DD'), assessorApplicationEnd: today.add(30, 'day').format('YYYY-MM-DD'),
    registrationStart: today.subtract(10, 'day').format('YYYY-MM-DD'), registrationEnd: today.add(30, 'day').format('YYYY-MM-DD'),
    reviewStart: today.subtract(10, 'day').format('YYYY-MM-DD'), reviewEnd: today.add(30, 'day').format('YYYY-MM-DD'),
    testStart: today.subtract(10, 'day').format('YYYY-MM-DD'), testEnd: today.add(30, 'day').format('YYYY-MM-DD'),
  }).returning({ id: cycles.id });
  // Mid-cycle mix: 60% confirmed (待报名), a share submitted, the rest not yet confirmed.
  await db.execute(sql`insert into enrolments (cycle_id, physician_id, institution_id, status)
    select ${cycle.id}, id, institution_id,
      case when id % 10 < 4 then 'NOT_ENROLLED' when id % 10 < 8 then 'PENDING_REGISTRATION'
           when id % 10 = 8 then 'PENDING_INSTITUTION_REVIEW' else 'PENDING_ASSESSOR_REVIEW' end
    from physicians where institution_id in (${inProvince})`);
  await db.execute(sql`analyze`);
  lap(`accounts, cycle and enrolments; done`);
} finally {
  await runtime.close();
}
