// A reusable tenant world and access matrix: each route's test states, for every kind of actor,
// the status it must get. Later routes plug in by calling `checkAccessMatrix`.
import { afterAll, beforeAll, expect } from 'vitest';
import type { Role } from '../../common/enums.js';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Database } from '../db/client.js';
import type { Pii } from '../lib/pii.js';
import { Client, createTestApp, loginAs, type TestApp } from './app.js';
import { TEST_PASSWORD, buildAssessor, buildAuthority, buildCycle, buildInstitution, buildPhysician } from './factories.js';

export const actorNames = [
  'anonymous',
  'provinceAuthority',
  'cityAAuthority',
  'cityBAuthority',
  'institutionA',
  'institutionB',
  'assessorOfA',
  'physicianA',
  'physicianB',
] as const;
export type ActorName = (typeof actorNames)[number];

/** The role each signed-in actor of the world acts in. */
const actorRoles: Record<Exclude<ActorName, 'anonymous'>, Role> = {
  provinceAuthority: 'authority',
  cityAAuthority: 'authority',
  cityBAuthority: 'authority',
  institutionA: 'institution',
  institutionB: 'institution',
  assessorOfA: 'assessor',
  physicianA: 'physician',
  physicianB: 'physician',
};

/**
 * The expected statuses of a route that depends on the role only: `statuses` per role, `otherwise`
 * (403) for the other roles, 401 without login.
 */
export function byRole(statuses: Partial<Record<Role, number>>, otherwise = 403): Record<ActorName, number> {
  const expected = { anonymous: 401 } as Record<ActorName, number>;
  for (const [actor, role] of Object.entries(actorRoles) as [Exclude<ActorName, 'anonymous'>, Role][]) {
    expected[actor] = statuses[role] ?? otherwise;
  }
  return expected;
}

/**
 * 演示省 990000 → city A 990100 (institution A in district 990101, the assessor in 990102, assigned to A)
 *               → city B 990200 (institution B in district 990201). One physician at A, one at B.
 */
export async function buildTenantWorld(db: Database, pii: Pii) {
  const province = await buildAuthority(db, { regionCode: '990000' });
  const cityA = await buildAuthority(db, { regionCode: '990100' });
  const cityB = await buildAuthority(db, { regionCode: '990200' });
  const institutionA = await buildInstitution(db, { authorityId: cityA.authority.id, regionCode: '990101' });
  const institutionB = await buildInstitution(db, { authorityId: cityB.authority.id, regionCode: '990201' });
  const assessor = await buildInstitution(db, { authorityId: cityA.authority.id, regionCode: '990102' });
  const cycle = await buildCycle(db, '990000');
  await buildAssessor(db, cycle.id, assessor.institution.id, [institutionA.institution.id]);
  const physicianA = await buildPhysician(db, pii, { institutionId: institutionA.institution.id });
  const physicianB = await buildPhysician(db, pii, { institutionId: institutionB.institution.id });
  return { province, cityA, cityB, institutionA, institutionB, assessor, cycle, physicianA, physicianB };
}
export type TenantWorld = Awaited<ReturnType<typeof buildTenantWorld>>;

export async function loginWorld(app: FastifyInstance, world: TenantWorld): Promise<Record<ActorName, Client>> {
  const assessor = await loginAs(app, world.assessor.loginName, TEST_PASSWORD);
  const switched = await assessor.post('/api/v1/auth/switch-role', { role: 'assessor' });
  if (switched.statusCode !== 200) throw new Error(`switch to assessor failed: ${switched.body}`);
  return {
    anonymous: new Client(app),
    provinceAuthority: await loginAs(app, world.province.loginName, TEST_PASSWORD),
    cityAAuthority: await loginAs(app, world.cityA.loginName, TEST_PASSWORD),
    cityBAuthority: await loginAs(app, world.cityB.loginName, TEST_PASSWORD),
    institutionA: await loginAs(app, world.institutionA.loginName, TEST_PASSWORD),
    institutionB: await loginAs(app, world.institutionB.loginName, TEST_PASSWORD),
    assessorOfA: assessor,
    physicianA: await loginAs(app, world.physicianA.idNumber, TEST_PASSWORD, 'physician'),
    physicianB: await loginAs(app, world.physicianB.idNumber, TEST_PASSWORD, 'physician'),
  };
}

/** Calls `send` as every actor and checks each status; a 4xx body must carry a Chinese message. */
export async function checkAccessMatrix(
  clients: Record<ActorName, Client>,
  send: (client: Client) => Promise<LightMyRequestResponse>,
  expected: Record<ActorName, number>,
): Promise<void> {
  const actual = {} as Record<ActorName, number>;
  for (const name of actorNames) {
    const response = await send(clients[name]);
    actual[name] = response.statusCode;
    if (response.statusCode >= 400) expect(response.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
  }
  expect(actual).toEqual(expected);
}

export interface TenantWorldContext {
  t: TestApp;
  world: TenantWorld;
  clients: Record<ActorName, Client>;
}

/** Registers beforeAll/afterAll for a test file: a fresh app, the tenant world, every actor logged in. */
export function setupTenantWorld(): TenantWorldContext {
  const ctx = {} as TenantWorldContext;
  beforeAll(async () => {
    ctx.t = await createTestApp();
    ctx.world = await buildTenantWorld(ctx.t.db, ctx.t.pii);
    ctx.clients = await loginWorld(ctx.t.app, ctx.world);
  });
  afterAll(() => ctx.t.close());
  return ctx;
}
