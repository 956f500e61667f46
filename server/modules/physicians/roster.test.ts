import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, enrolments, physicians } from '../../db/schema/index.js';
import { byRole, checkAccessMatrix, setupTenantWorld } from '../../test-support/access-matrix.js';
import { buildDepartment, assignDepartment } from '../../test-support/departments-factories.js';
import { buildInstitution, buildPhysician, residentId } from '../../test-support/factories.js';
import { buildEnrolment } from '../../test-support/roster-factories.js';
import { insertUnnest } from '../../db/bulk.js';

const ctx = setupTenantWorld();

interface Item {
  id: number;
  name: string;
  age: number | null;
  idNumberMasked: string;
  enrolmentStatus: string;
  cancelReason: string | null;
  actions: string[];
  departmentName: string | null;
}
const names = (body: { items: Item[] }) => body.items.map((i) => i.name).sort();

/** A roster of its own: institution C in city A, with physicians of known ages, dates and ID numbers. */
let c: Awaited<ReturnType<typeof buildInstitution>>;
let cClient: typeof ctx.clients.institutionA;
const people: Record<string, Awaited<ReturnType<typeof buildPhysician>>> = {};

beforeAll(async () => {
  const { db, pii } = ctx.t;
  c = await buildInstitution(db, { authorityId: ctx.world.cityA.authority.id, regionCode: '990101' });
  const { loginAs } = await import('../../test-support/app.js');
  const { TEST_PASSWORD } = await import('../../test-support/factories.js');
  cClient = await loginAs(ctx.t.app, c.loginName, TEST_PASSWORD);
  const internal = await buildDepartment(db, { institutionId: c.institution.id, name: '内科' });
  const specs: [string, string, string, string | null, string | null][] = [
    // name, birth, seq (last digits), 首次注册时间, physician level
    ['甲医师', '19600510', '101', '1985-07-01', 'physician'],
    ['乙医师', '19750620', '202', '2000-08-01', 'physician'],
    ['丙医师', '19900101', '303', '2015-09-01', 'assistant'],
    ['丁医师', '19950808', '404', '2020-10-01', 'physician'],
  ];
  for (const [name, birth, seq, registered, level] of specs) {
    const idNumber = residentId(Number(seq), birth);
    const p = await buildPhysician(db, pii, { institutionId: c.institution.id, name, idNumber });
    await db
      .update(physicians)
      .set({ birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}`, firstRegistrationDate: registered, physicianLevel: level, licenseDate: registered })
      .where(eq(physicians.id, p.physician.id));
    people[name] = p;
  }
  await assignDepartment(db, people['甲医师'].physician.id, internal.id);
  await buildEnrolment(db, { cycleId: ctx.world.cycle.id, physicianId: people['乙医师'].physician.id, institutionId: c.institution.id });
});

describe('GET /api/v1/physicians (医师列表)', () => {
  it('is for institutions and authorities', async () => {
    await checkAccessMatrix(ctx.clients, (cl) => cl.get('/api/v1/physicians'), byRole({ institution: 200, authority: 200 }));
  });

  it('splits the roster into 未确认参加 and 已确认参加, with the row actions the seeds show', async () => {
    const unconfirmed = (await cClient.get('/api/v1/physicians?tab=unconfirmed')).json();
    expect(names(unconfirmed)).toEqual(['丁医师', '丙医师', '甲医师']);
    const jia = unconfirmed.items.find((i: Item) => i.name === '甲医师');
    expect(jia).toMatchObject({ departmentName: '内科', enrolmentStatus: 'NOT_ENROLLED', actions: ['enrol', 'view', 'resetPassword', 'delete', 'transferOut'] });
    expect(jia.idNumberMasked).toMatch(/^4301\*{5}\d[\dX]$/);
    expect(jia.age).toBeGreaterThanOrEqual(65);
    const confirmed = (await cClient.get('/api/v1/physicians?tab=confirmed')).json();
    expect(names(confirmed)).toEqual(['乙医师']);
    expect(confirmed.items[0]).toMatchObject({ enrolmentStatus: 'PENDING_REGISTRATION', actions: ['cancel', 'view', 'resetPassword', 'transferOut'] });
    expect(confirmed.hasCurrentCycle).toBe(true);
  });

  it('filters by 姓名, 年龄, 首次注册时间, 医师级别 and 科室', async () => {
    const get = async (query: string) => names((await cClient.get(`/api/v1/physicians?${query}`)).json());
    expect(await get('name=丙')).toEqual(['丙医师']);
    expect(await get('ageMin=35&ageMax=40')).toEqual(['丙医师']);
    expect(await get('firstRegistrationFrom=2010-01-01&firstRegistrationTo=2020-12-31')).toEqual(['丁医师', '丙医师']);
    expect(await get('physicianLevel=assistant')).toEqual(['丙医师']);
    const [{ departmentId }] = await ctx.t.db.select({ departmentId: physicians.departmentId }).from(physicians).where(eq(physicians.id, people['甲医师'].physician.id));
    expect(await get(`departmentId=${departmentId}`)).toEqual(['甲医师']);
  });

  it('finds a physician by the full 证件号码 (18 or 15 digits) or by its last digits', async () => {
    const id = people['丁医师'].idNumber;
    const get = async (query: string) => names((await cClient.get(`/api/v1/physicians?idNumber=${encodeURIComponent(query)}`)).json());
    expect(await get(id)).toEqual(['丁医师']);
    expect(await get(`${id.slice(0, 6)}${id.slice(8, 17)}`)).toEqual(['丁医师']);
    expect(await get(id.slice(-4))).toEqual(['丁医师']);
    expect(await get(id.slice(-6))).toEqual(['丁医师']);
    expect(await get('0000')).toEqual([]);
  });

  it('refuses a too short 证件号码 and reversed ranges with the field named', async () => {
    const short = await cClient.get('/api/v1/physicians?idNumber=12');
    expect(short.statusCode).toBe(400);
    expect(short.json().error.message).toContain('证件号码请输入完整号码或至少后4位');
    const ages = await cClient.get('/api/v1/physicians?ageMin=50&ageMax=30');
    expect(ages.statusCode).toBe(400);
    expect(ages.json().error.message).toContain('年龄上限不能小于下限');
    expect((await cClient.get('/api/v1/physicians?pageSize=7')).statusCode).toBe(400);
    expect((await cClient.get('/api/v1/physicians?firstRegistrationFrom=2020-13-01')).json().error.message).toContain('首次注册时间（开始）不是有效日期');
  });

  it('pages and sorts on the server', async () => {
    const byAge = (await cClient.get('/api/v1/physicians?sortField=age&sortOrder=ascend&pageSize=10')).json();
    expect(byAge.items.map((i: Item) => i.name)).toEqual(['丁医师', '丙医师', '甲医师']);
    const page = (await cClient.get('/api/v1/physicians?sortField=age&sortOrder=descend&page=2&pageSize=10')).json();
    expect(page).toMatchObject({ total: 3, page: 2, pageSize: 10, items: [] });
    const byRegistration = (await cClient.get('/api/v1/physicians?sortField=firstRegistrationDate&sortOrder=descend&pageSize=10')).json();
    expect(byRegistration.items.map((i: Item) => i.name)).toEqual(['丁医师', '丙医师', '甲医师']);
    expect((await cClient.get('/api/v1/physicians?sortField=department')).statusCode).toBe(400);
    // The order of names is the database collation's; descending is ascending reversed.
    const byName = async (order: string) =>
      (await ctx.clients.cityAAuthority.get(`/api/v1/physicians?institutionId=${c.institution.id}&sortField=name&sortOrder=${order}&pageSize=10`)).json().items.map((i: Item) => i.name);
    const ascending = await byName('ascend');
    expect([...ascending].sort()).toEqual(['丁医师', '丙医师', '甲医师']);
    expect(await byName('descend')).toEqual([...ascending].reverse());
  });

  it('shows an institution only its own roster, whatever institutionId it sends', async () => {
    const body = (await ctx.clients.institutionA.get(`/api/v1/physicians?institutionId=${c.institution.id}`)).json();
    expect(body.items.map((i: Item) => i.id)).toEqual([ctx.world.physicianA.physician.id]);
  });

  it('gives an authority its jurisdiction, read-only, with a 机构 filter', async () => {
    const cityA = (await ctx.clients.cityAAuthority.get(`/api/v1/physicians?institutionId=${c.institution.id}`)).json();
    expect(names(cityA)).toEqual(['丁医师', '丙医师', '甲医师']);
    expect(cityA.items.every((i: Item) => i.actions.join() === 'view')).toBe(true);
    const cityB = (await ctx.clients.cityBAuthority.get(`/api/v1/physicians?institutionId=${c.institution.id}`)).json();
    expect(cityB.total).toBe(0);
    const province = (await ctx.clients.provinceAuthority.get('/api/v1/physicians?name=医师')).json();
    expect(province.total).toBeGreaterThanOrEqual(3);
  });
});

describe('姓名 contains, range filters sorted by their own column, and 未确认参加', () => {
  it('finds names holding the characters in that order, wherever they were written from (insertUnnest too)', async () => {
    const { db, pii } = ctx.t;
    const e = await buildInstitution(db, { authorityId: ctx.world.cityA.authority.id, regionCode: '990101' });
    for (const name of ['欧阳建国', '国建华', '建设国']) await buildPhysician(db, pii, { institutionId: e.institution.id, name });
    await insertUnnest(db, 'physicians', [
      { name: 'institution_id', type: 'int4', values: [e.institution.id] },
      { name: 'name', type: 'text', values: ['司马建国'] },
      { name: 'sex', type: 'text', values: ['male'] },
      { name: 'id_type', type: 'text', values: ['passport'] },
      { name: 'id_number_cipher', type: 'text', values: ['v1.x.x.x'] },
      { name: 'id_number_hash', type: 'text', values: ['name-chars-1'] },
      { name: 'id_number_masked', type: 'text', values: ['E*****01'] },
      { name: 'practice_category', type: 'text', values: ['clinical'] },
      { name: 'practice_scope', type: 'text', values: ['内科专业'] },
      { name: 'license_number', type: 'text', values: ['1'] },
      { name: 'qualification_number', type: 'text', values: ['1'] },
    ]);
    const search = async (name: string) =>
      names((await ctx.clients.cityAAuthority.get(`/api/v1/physicians?institutionId=${e.institution.id}&name=${encodeURIComponent(name)}`)).json());
    expect(await search('建国')).toEqual(['司马建国', '欧阳建国'].sort());
    expect(await search('国')).toEqual(['司马建国', '国建华', '建设国', '欧阳建国'].sort());
    expect(await search('国建')).toEqual(['国建华']);
    expect(await search('华国')).toEqual([]);
    // Across the jurisdiction (the path that uses the characters' index) the same holds.
    const wide = (await ctx.clients.cityAAuthority.get(`/api/v1/physicians?name=${encodeURIComponent('建国')}`)).json();
    expect(names(wide)).toEqual(['司马建国', '欧阳建国'].sort());
    // A renamed physician is found by the new name only.
    const [renamed] = await db.select().from(physicians).where(eq(physicians.name, '建设国'));
    await db.update(physicians).set({ name: '建设华' }).where(eq(physicians.id, renamed.id));
    expect(await search('国')).toEqual(['司马建国', '国建华', '欧阳建国'].sort());
  });

  it('sorts a 年龄 or 首次注册时间 range by that column in either direction', async () => {
    const list = async (query: string) => (await cClient.get(`/api/v1/physicians?${query}&pageSize=10`)).json().items.map((i: Item) => i.name);
    expect(await list('firstRegistrationFrom=1986-01-01&sortField=firstRegistrationDate&sortOrder=ascend')).toEqual(['丙医师', '丁医师']);
    expect(await list('firstRegistrationFrom=1986-01-01&sortField=firstRegistrationDate&sortOrder=descend')).toEqual(['丁医师', '丙医师']);
    expect(await list('ageMax=40&sortField=age&sortOrder=ascend')).toEqual(['丁医师', '丙医师']);
    const wide = (await ctx.clients.cityAAuthority.get('/api/v1/physicians?firstRegistrationTo=1990-01-01&sortField=firstRegistrationDate&sortOrder=ascend&pageSize=100')).json();
    expect(wide.items.map((i: Item) => i.name)).toContain('甲医师');
    expect(wide.items.map((i: Item) => i.name)).not.toContain('丙医师');
  });

  it('keeps a cancelled enrolment (NOT_ENROLLED) in 未确认参加 and an enrolled one out, also jurisdiction-wide', async () => {
    const { db, pii } = ctx.t;
    const f = await buildInstitution(db, { authorityId: ctx.world.cityA.authority.id, regionCode: '990101' });
    const none = await buildPhysician(db, pii, { institutionId: f.institution.id, name: '未参加者' });
    const cancelled = await buildPhysician(db, pii, { institutionId: f.institution.id, name: '已取消者' });
    const enrolled = await buildPhysician(db, pii, { institutionId: f.institution.id, name: '已参加者' });
    const cycleId = ctx.world.cycle.id;
    await buildEnrolment(db, { cycleId, physicianId: cancelled.physician.id, institutionId: f.institution.id, status: 'NOT_ENROLLED' });
    await buildEnrolment(db, { cycleId, physicianId: enrolled.physician.id, institutionId: f.institution.id });
    const one = (await ctx.clients.cityAAuthority.get(`/api/v1/physicians?institutionId=${f.institution.id}&tab=unconfirmed`)).json();
    expect(names(one)).toEqual(['已取消者', '未参加者'].sort());
    const wide = (await ctx.clients.cityAAuthority.get('/api/v1/physicians?tab=unconfirmed&pageSize=100')).json();
    expect(wide.items.map((i: Item) => i.name)).toEqual(expect.arrayContaining(['已取消者', '未参加者']));
    expect(wide.items.map((i: Item) => i.name)).not.toContain('已参加者');
    expect(none.physician.id).toBeGreaterThan(0);
  });
});

describe('a jurisdiction-wide 医师列表', () => {
  it('counts up to 10000 and says so, while one institution’s list counts exactly', async () => {
    const { db } = ctx.t;
    const big = await buildInstitution(db, { authorityId: ctx.world.cityB.authority.id, regionCode: '990201' });
    const n = 10_001;
    const ids = Array.from({ length: n }, (_, i) => i);
    await insertUnnest(db, 'physicians', [
      { name: 'institution_id', type: 'int4', values: ids.map(() => big.institution.id) },
      { name: 'name', type: 'text', values: ids.map((i) => `规模${i}`) },
      { name: 'sex', type: 'text', values: ids.map(() => 'male') },
      { name: 'id_type', type: 'text', values: ids.map(() => 'passport') },
      { name: 'id_number_cipher', type: 'text', values: ids.map(() => 'v1.x.x.x') },
      { name: 'id_number_hash', type: 'text', values: ids.map((i) => `scale-${i}`) },
      { name: 'id_number_masked', type: 'text', values: ids.map(() => 'E*****01') },
      { name: 'practice_category', type: 'text', values: ids.map(() => 'clinical') },
      { name: 'practice_scope', type: 'text', values: ids.map(() => '内科专业') },
      { name: 'license_number', type: 'text', values: ids.map(() => '1') },
      { name: 'qualification_number', type: 'text', values: ids.map(() => '1') },
    ]);
    const wide = (await ctx.clients.cityBAuthority.get('/api/v1/physicians?pageSize=10')).json();
    expect(wide).toMatchObject({ total: 10_000, totalCapped: true });
    expect(wide.items).toHaveLength(10);
    const one = (await ctx.clients.cityBAuthority.get(`/api/v1/physicians?institutionId=${big.institution.id}&pageSize=10`)).json();
    expect(one).toMatchObject({ total: n, totalCapped: false });
  });
});

describe('POST /api/v1/physicians/enrol (参加 / 批量参加)', () => {
  it('is for institutions; foreign physicians answer 404', async () => {
    const expected = { ...byRole({ institution: 404 }), institutionA: 200 };
    await checkAccessMatrix(ctx.clients, (cl) => cl.post('/api/v1/physicians/enrol', { physicianIds: [ctx.world.physicianA.physician.id] }), expected);
  });

  it('enrols one physician through the state machine and audits it; a second 参加 is refused', async () => {
    const id = people['丙医师'].physician.id;
    const res = await cClient.post('/api/v1/physicians/enrol', { physicianIds: [id] });
    expect(res.json()).toEqual({ enrolled: 1 });
    const [row] = await ctx.t.db.select().from(enrolments).where(and(eq(enrolments.physicianId, id), eq(enrolments.cycleId, ctx.world.cycle.id)));
    expect(row.status).toBe('PENDING_REGISTRATION');
    const audit = await ctx.t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'enrolment.enrolled'), eq(auditEvents.targetId, String(row.id))));
    expect(audit).toHaveLength(1);
    const again = await cClient.post('/api/v1/physicians/enrol', { physicianIds: [id] });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('医师已确认参加本周期考核');
  });

  it('enrols every 未确认参加 row the filter matches, and nothing outside it', async () => {
    const { db, pii } = ctx.t;
    const d = await buildInstitution(db, { authorityId: ctx.world.cityA.authority.id, regionCode: '990101' });
    for (let i = 0; i < 5; i++) await buildPhysician(db, pii, { institutionId: d.institution.id, name: i < 3 ? `批量甲${i}` : `批量乙${i}` });
    const { loginAs } = await import('../../test-support/app.js');
    const { TEST_PASSWORD } = await import('../../test-support/factories.js');
    const client = await loginAs(ctx.t.app, d.loginName, TEST_PASSWORD);
    const res = await client.post('/api/v1/physicians/enrol', { filters: { tab: 'unconfirmed', name: '批量甲' } });
    expect(res.json()).toEqual({ enrolled: 3 });
    const confirmed = (await client.get('/api/v1/physicians?tab=confirmed')).json();
    expect(confirmed.items.map((i: Item) => i.name).sort()).toEqual(['批量甲0', '批量甲1', '批量甲2']);
    const rest = await client.post('/api/v1/physicians/enrol', { filters: { tab: 'unconfirmed' } });
    expect(rest.json()).toEqual({ enrolled: 2 });
  });

  it('refuses an empty choice', async () => {
    const res = await cClient.post('/api/v1/physicians/enrol', { physicianIds: [] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('请选择医师');
  });
});

describe('POST /api/v1/physicians/:id/cancel-enrolment (取消参加)', () => {
  it('needs a reason', async () => {
    const res = await cClient.post(`/api/v1/physicians/${people['乙医师'].physician.id}/cancel-enrolment`, { reason: ' ' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.reason).toBe('请输入取消原因');
  });

  it('answers 404 for another institution’s physician and 403 for other roles', async () => {
    const url = `/api/v1/physicians/${ctx.world.physicianA.physician.id}/cancel-enrolment`;
    // physicianA was enrolled by the 参加 access test above, so their own institution may cancel.
    await checkAccessMatrix(ctx.clients, (cl) => cl.post(url, { reason: '测试' }), { ...byRole({ institution: 404 }), institutionA: 204 });
  });

  it('moves the physician back to 未确认参加 with the reason shown there', async () => {
    const id = people['乙医师'].physician.id;
    const res = await cClient.post(`/api/v1/physicians/${id}/cancel-enrolment`, { reason: '长期病休，本周期不参加' });
    expect(res.statusCode).toBe(204);
    const row = (await cClient.get('/api/v1/physicians?tab=unconfirmed&name=乙')).json().items[0];
    expect(row).toMatchObject({ enrolmentStatus: 'NOT_ENROLLED', cancelReason: '长期病休，本周期不参加' });
    // Once enrolled and cancelled, the physician can no longer be deleted.
    expect(row.actions).not.toContain('delete');
  });

  it('is refused once the physician has submitted', async () => {
    const { db, pii } = ctx.t;
    const p = await buildPhysician(db, pii, { institutionId: c.institution.id, name: '已提交医师' });
    await buildEnrolment(db, { cycleId: ctx.world.cycle.id, physicianId: p.physician.id, institutionId: c.institution.id, status: 'PENDING_INSTITUTION_REVIEW' });
    const res = await cClient.post(`/api/v1/physicians/${p.physician.id}/cancel-enrolment`, { reason: '不参加' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('医师已提交报名信息，需由隶属卫生行政部门驳回');
    const [row] = await db.select().from(enrolments).where(eq(enrolments.physicianId, p.physician.id));
    expect(row.status).toBe('PENDING_INSTITUTION_REVIEW');
  });
});

describe('GET /api/v1/physicians/export (导出)', () => {
  it('streams every row the filter matches as Excel, 证件号码 masked', async () => {
    const res = await cClient.get('/api/v1/physicians/export?tab=unconfirmed&name=医师');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const header = (sheet.getRow(1).values as string[]).slice(1);
    expect(header.slice(0, 6)).toEqual(['序号', '医疗卫生机构', '科室', '姓名', '年龄', '证件号码']);
    const rows: string[][] = [];
    sheet.eachRow((row, n) => n > 1 && rows.push((row.values as string[]).slice(1).map(String)));
    expect(rows.map((r) => r[3]).sort()).toEqual(['丁医师', '丙医师', '乙医师', '甲医师'].filter((n) => n !== '丙医师').sort());
    expect(rows.every((r) => /\*{5}/.test(r[5]))).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(people['丁医师'].idNumber);
  });

  it('is not for physicians or assessors', async () => {
    await checkAccessMatrix(ctx.clients, (cl) => cl.get('/api/v1/physicians/export'), byRole({ institution: 200, authority: 200 }));
  });
});
