// Test data for 考核周期, 考核政策 and the authority home: a valid cycle body, an authority of another province, enrolments.
import type { EnrolmentStatus } from '../../common/enums.js';
import type { CycleBody } from '../../common/schemas/cycle.js';
import { enrolments } from '../db/schema/index.js';
import { Client, loginAs, type TestApp } from './app.js';
import { TEST_PASSWORD, buildAuthority } from './factories.js';

/** A valid, non-current 2027–2029 cycle; `overrides` break or change one field at a time. */
export function cycleBody(overrides: Partial<CycleBody> = {}): CycleBody {
  return {
    name: '2027-2029年度',
    startDate: '2027-01-01',
    endDate: '2029-12-31',
    assessorApplicationStart: '2027-03-01',
    assessorApplicationEnd: '2027-04-30',
    registrationStart: '2027-04-01',
    registrationEnd: '2027-05-31',
    reviewStart: '2027-04-15',
    reviewEnd: '2027-06-30',
    testStart: '2027-07-01',
    testEnd: '2027-08-31',
    isCurrent: false,
    ...overrides,
  };
}

/** The provincial authority of 湖南省 (430000), signed in: another tenant for the 404 cases. */
export async function otherProvinceAuthority(t: TestApp): Promise<{ client: Client; authorityId: number; accountId: number }> {
  const built = await buildAuthority(t.db, { regionCode: '430000' });
  return { client: await loginAs(t.app, built.loginName, TEST_PASSWORD), authorityId: built.authority.id, accountId: built.account.id };
}

export const put = (client: Client, url: string, payload: unknown) => client.request('PUT', url, payload);

/** An enrolment of a physician in a cycle, in the given status (the state machine is not the point here). */
export async function buildEnrolment(db: TestApp['db'], input: { cycleId: number; physicianId: number; institutionId: number; status: EnrolmentStatus }) {
  const [row] = await db.insert(enrolments).values(input).returning();
  return row;
}
