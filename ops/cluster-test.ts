// `npm run test:cluster`: the cluster (local PostgreSQL, 3 instances, nginx) with two roles' journeys driven
// through nginx over real HTTP while instance 2 is killed -9 and restarted. Afterwards SQL must hold exactly
// what users were told was done: every acknowledged 新增医师 once, every acknowledged 参加, every physician's
// last acknowledged save. Not part of `npm test` (it starts its own cluster; see docs/operations.md).
import { execFileSync, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { residentIdCheckChar } from '../common/id-number.js';
import { createPii, parseKeys } from '../server/lib/pii.js';

const root = path.resolve(import.meta.dirname, '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cluster-test-'));
const db = `cluster_test_${crypto.randomBytes(4).toString('hex')}`;
const port = Number(process.env.CLUSTER_PORT ?? 8190);
const env = { ...process.env, CLUSTER_DIR: dir, CLUSTER_DB: db, CLUSTER_PORT: String(port), CLUSTER_BASE_PORT: process.env.CLUSTER_BASE_PORT ?? '3201', CLUSTER_BUILD_WEB: '0', CAPTCHA: 'off' };
const pgBase = process.env.CLUSTER_PG ?? 'postgres://postgres@127.0.0.1:5432';
const base = `http://127.0.0.1:${port}`;
const ROUNDS = Number(process.env.CLUSTER_ROUNDS ?? 12);
const cluster = (...args: string[]): void => void execFileSync('ops/cluster.sh', args, { cwd: root, env, stdio: 'inherit' });
/** The same, without stopping the journeys' event loop meanwhile. */
const clusterAsync = (...args: string[]) =>
  new Promise<void>((resolve, reject) => {
    const child = spawn('ops/cluster.sh', args, { cwd: root, env, stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`cluster.sh ${args.join(' ')} exited ${code}`))));
  });

const stats = { requests: 0, retried: 0, userFailures: 0, statuses: new Map<number | string, number>() };
const count = (key: number | string) => stats.statuses.set(key, (stats.statuses.get(key) ?? 0) + 1);

/** A browser-like user: cookies, the CSRF header, and pressing again (up to 5 times) when the page says 系统繁忙. */
class User {
  cookies = new Map<string, string>();
  async call(method: string, url: string, body?: unknown): Promise<{ status: number; json: any }> {
    for (let attempt = 1; ; attempt++) {
      stats.requests++;
      let status: number | string;
      try {
        const res = await fetch(base + url, {
          method,
          headers: {
            ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
            cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
            ...(method !== 'GET' && this.cookies.has('csrf_token') ? { 'x-csrf-token': this.cookies.get('csrf_token')! } : {}),
          },
          body: body !== undefined ? JSON.stringify(body) : undefined,
        });
        for (const c of res.headers.getSetCookie()) {
          const [pair] = c.split(';');
          const [k, v] = pair.split('=');
          if (v) this.cookies.set(k, v);
          else this.cookies.delete(k);
        }
        status = res.status;
        count(status);
        const text = await res.text();
        if (status < 500) return { status, json: text ? JSON.parse(text) : null };
      } catch (err) {
        status = (err as Error).message;
        count('network error');
      }
      if (attempt === 5) {
        stats.userFailures++;
        return { status: typeof status === 'number' ? status : 0, json: null };
      }
      stats.retried++;
      await new Promise((r) => setTimeout(r, 300 * attempt));
    }
  }
  async login(tab: 'organization' | 'physician', account: string) {
    const res = await this.call('POST', '/api/v1/auth/login', { tab, account, password: 'Demo@2026', captcha: '' });
    if (res.status !== 200) throw new Error(`login ${tab} failed: ${res.status} ${JSON.stringify(res.json)}`);
  }
}

let seq = 0;
function newIdNumber(worker: number): string {
  const n = ++seq;
  const first17 = `430102${1970 + worker}${String(1 + (n % 12)).padStart(2, '0')}${String(1 + (n % 28)).padStart(2, '0')}${String(100 + n).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

/** 新增医师 then 参加, ROUNDS times; remembers what the institution was told was done. */
async function institutionJourney(account: string, worker: number, acked: { created: Map<string, number>; enrolled: Set<number> }, tick: () => void) {
  const user = new User();
  await user.login('organization', account);
  for (let round = 0; round < ROUNDS; round++) {
    const idNumber = newIdNumber(worker);
    const sexDigit = Number(idNumber[16]);
    const body = {
      name: `集群${account}${round}`, sex: sexDigit % 2 ? 'male' : 'female', idType: 'resident', idNumber,
      practiceCategory: 'clinical', practiceScope: '内科专业', licenseNumber: `L${idNumber.slice(-8)}`, qualificationNumber: `Q${idNumber.slice(-8)}`,
    };
    const created = await user.call('POST', '/api/v1/physicians', body);
    tick();
    let physicianId: number | undefined;
    if (created.status === 201) physicianId = created.json.id;
    else if (created.status === 409 || created.status === 400) {
      // Pressed again after an answer was lost: the first one went through; find it as a person would.
      const list = await user.call('GET', `/api/v1/physicians?idNumber=${idNumber}`);
      physicianId = list.json?.items?.[0]?.id;
      if (!physicianId) throw new Error(`新增医师 refused: ${created.status} ${JSON.stringify(created.json)}`);
    } else if (created.status !== 0) throw new Error(`新增医师 failed: ${created.status} ${JSON.stringify(created.json)}`);
    if (!physicianId) continue;
    acked.created.set(idNumber, physicianId);
    const enrol = await user.call('POST', '/api/v1/physicians/enrol', { physicianIds: [physicianId] });
    tick();
    if (enrol.status === 200) acked.enrolled.add(physicianId);
  }
}

/** 我要报名: saves the 相关经历 step as a draft ROUNDS times, reading the registration between saves. */
async function physicianJourney(idNumber: string, acked: Map<string, string>, tick: () => void) {
  const user = new User();
  await user.login('physician', idNumber);
  for (let round = 0; round < ROUNDS; round++) {
    const name = `集群测试机构${round}`;
    const saved = await user.call('PUT', '/api/v1/registration/steps/experience?draft=true', { multiSites: [{ institutionName: name, departmentName: null }], educations: [], careers: [] });
    tick();
    if (saved.status === 200) acked.set(idNumber, name);
    else if (saved.status !== 0) throw new Error(`保存报名 failed: ${saved.status} ${JSON.stringify(saved.json)}`);
    const read = await user.call('GET', '/api/v1/registration');
    tick();
    if (read.status !== 200) throw new Error(`报名 read failed: ${read.status}`);
  }
}

async function main() {
  const started = Date.now();
  cluster('start');
  const keys = Object.fromEntries(fs.readFileSync(path.join(dir, 'keys.env'), 'utf8').trim().split('\n').map((l) => l.split(/=(.*)/s).slice(0, 2)));
  const pii = createPii(parseKeys(keys.ID_ENCRYPTION_KEY, keys.ID_HMAC_KEY));
  const sql = new pg.Client({ connectionString: `${pgBase}/${db}` });
  await sql.connect();
  let failed = false;
  try {
    const { rows: people } = await sql.query<{ cipher: string }>(
      `select p.id_number_cipher as cipher from physicians p join enrolments e on e.physician_id = p.id
       where e.status = 'PENDING_REGISTRATION' order by p.id limit 4`,
    );
    const physicianIds = people.map((p) => pii.decrypt(p.cipher));
    const institutions = ['DEMO0002', 'DEMO0003', 'DEMO0004', 'DEMO0005'];
    const total = ROUNDS * 2 * (institutions.length + physicianIds.length);

    // Instance 2 is killed -9 after a third of the steps and started again after two thirds.
    let done = 0;
    const chaos: Promise<void>[] = [];
    const tick = () => {
      done++;
      if (done === Math.floor(total / 3)) chaos.push(clusterAsync('kill', '2'));
      if (done === Math.floor((2 * total) / 3)) chaos.push(clusterAsync('start-instance', '2'));
    };
    const ackedInstitutions = { created: new Map<string, number>(), enrolled: new Set<number>() };
    const ackedSaves = new Map<string, string>();
    await Promise.all([
      ...institutions.map((account, i) => institutionJourney(account, i, ackedInstitutions, tick)),
      ...physicianIds.map((id) => physicianJourney(id, ackedSaves, tick)),
    ]);
    await Promise.all(chaos);

    // What the database holds against what users were told.
    const problems: string[] = [];
    const { rows: created } = await sql.query<{ id: number; cipher: string; audits: number; enrolled: boolean }>(
      `select p.id, p.id_number_cipher as cipher,
              (select count(*)::int from audit_events a where a.action = 'physician.created' and a.target_id = p.id::text) as audits,
              exists (select 1 from enrolments e where e.physician_id = p.id and e.status = 'PENDING_REGISTRATION') as enrolled
       from physicians p where p.name like '集群%'`,
    );
    const inDb = new Map(created.map((r) => [pii.decrypt(r.cipher), r]));
    for (const [idNumber, id] of ackedInstitutions.created) if (inDb.get(idNumber)?.id !== id) problems.push(`新增医师 acknowledged but missing: ${id}`);
    for (const row of created) if (row.audits !== 1) problems.push(`新增医师 ${row.id} carried out ${row.audits} times`);
    for (const id of ackedInstitutions.enrolled) if (!created.find((r) => r.id === id)?.enrolled) problems.push(`参加 acknowledged but not enrolled: ${id}`);
    const { rows: enrolAudits } = await sql.query<{ target_id: string; n: number }>(
      `select target_id, count(*)::int as n from audit_events where action = 'enrolment.enrolled' group by target_id having count(*) > 1`,
    );
    for (const row of enrolAudits) problems.push(`参加 of enrolment ${row.target_id} recorded ${row.n} times`);
    for (const [idNumber, name] of ackedSaves) {
      const { rows } = await sql.query<{ saved: string | null }>(
        `select r.experience -> 'multiSites' -> 0 ->> 'institutionName' as saved from registrations r
         join enrolments e on e.id = r.enrolment_id where e.physician_id = (select id from physicians where id_number_hash = $1)`,
        [pii.idNumberHash(idNumber)],
      );
      if (rows[0]?.saved !== name) problems.push(`报名 save acknowledged as ${name}, database has ${rows[0]?.saved}`);
    }

    console.log('\n== cluster test (3 instances behind nginx; instance 2 killed -9 and restarted mid-run) ==');
    console.log(`journeys: ${institutions.length} institutions × ${ROUNDS} (新增医师 + 参加), ${physicianIds.length} physicians × ${ROUNDS} (保存相关经历 + 读取)`);
    console.log(`HTTP requests: ${stats.requests}, pressed again after 5xx/network error: ${stats.retried}, gave up: ${stats.userFailures}`);
    console.log(`statuses: ${[...stats.statuses].map(([k, v]) => `${k}×${v}`).join(', ')}`);
    console.log(`acknowledged: 新增医师 ${ackedInstitutions.created.size} (in database: ${created.length}), 参加 ${ackedInstitutions.enrolled.size}, 报名 saves: ${ackedSaves.size} physicians`);
    if (stats.userFailures > 0) problems.push(`${stats.userFailures} actions failed after 5 tries`);
    if (problems.length) {
      failed = true;
      console.log(`FAILED:\n  ${problems.join('\n  ')}`);
    } else console.log('PASSED: nothing acknowledged was lost, nothing was carried out twice');
    console.log(`time: ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await sql.end();
    cluster('stop');
    execFileSync('psql', [`${pgBase}/postgres`, '-qc', `drop database if exists "${db}" with (force)`]);
    if (!failed) fs.rmSync(dir, { recursive: true, force: true });
    else console.log(`logs kept in ${dir}/logs`);
  }
  process.exit(failed ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  try {
    cluster('stop');
  } catch {}
  console.error(`logs kept in ${dir}/logs`);
  process.exit(1);
});
