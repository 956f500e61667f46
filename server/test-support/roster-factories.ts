// Factories for 医师管理 tests: enrolments in a given status, and 新增医师 bodies.
import type { EnrolmentStatus } from '../../common/enums.js';
import type { Procedure } from '../../common/papers.js';
import type { PhysicianBody } from '../../common/schemas/physician.js';
import type { ExemptionStatus } from '../../common/schemas/registration.js';
import type { Database } from '../db/client.js';
import { enrolments, registrations } from '../db/schema/index.js';
import { residentId } from './factories.js';

export async function buildEnrolment(
  db: Database,
  input: { cycleId: number; physicianId: number; institutionId: number; status?: EnrolmentStatus; cancelReason?: string; procedure?: Procedure },
) {
  const [enrolment] = await db
    .insert(enrolments)
    .values({
      cycleId: input.cycleId,
      physicianId: input.physicianId,
      institutionId: input.institutionId,
      status: input.status ?? 'PENDING_REGISTRATION',
      cancelReason: input.cancelReason ?? null,
      procedure: input.procedure ?? null,
    })
    .returning();
  return enrolment;
}

/** The registration row of an enrolment: submitted now, with its 免考 status (no step data). */
export async function buildRegistration(db: Database, enrolment: { id: number; physicianId: number; cycleId: number }, input: { exemptionStatus?: ExemptionStatus } = {}) {
  const [registration] = await db
    .insert(registrations)
    .values({ enrolmentId: enrolment.id, physicianId: enrolment.physicianId, cycleId: enrolment.cycleId, submittedAt: new Date(), exemptionStatus: input.exemptionStatus ?? 'none' })
    .returning();
  return registration;
}

let sequence = 500;

/** A valid 新增医师 body for a fresh 身份证 number (a man born on 1985-03-15 unless `idNumber` says otherwise). */
export function physicianBody(overrides: Partial<PhysicianBody> = {}): PhysicianBody {
  const idNumber = overrides.idNumber ?? residentId(++sequence * 2 + 1, '19850315');
  return {
    name: '新增测试医师',
    sex: Number(idNumber[16]) % 2 === 1 ? 'male' : 'female',
    idType: 'resident',
    idNumber,
    practiceCategory: 'clinical',
    practiceScope: '内科专业',
    licenseNumber: `11043010${sequence}`,
    qualificationNumber: `2005431104301${sequence}`,
    ...overrides,
  };
}
