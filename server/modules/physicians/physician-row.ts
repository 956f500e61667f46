// The columns of a new physician row, from checked values: no database here, so 批量导入's worker thread uses it too.
import { maskIdNumber } from '../../../common/id-number.js';
import type { PhysicianValues } from '../../../common/schemas/physician.js';
import type { Pii } from '../../lib/pii.js';

/** The columns of a new physician row (新增医师, and 批量导入 through import-protocol.ts's `importColumns`). */
export function physicianRow(deps: { pii: Pii }, institutionId: number, v: PhysicianValues) {
  return {
    institutionId,
    departmentId: v.departmentId,
    name: v.name,
    sex: v.sex,
    birthDate: v.birthDate,
    idType: v.idType,
    idNumberCipher: deps.pii.encrypt(v.idNumber),
    idNumberHash: deps.pii.idNumberHash(v.idNumber),
    idNumberTailHash: deps.pii.idNumberTailHash(v.idNumber),
    idNumberMasked: maskIdNumber(v.idNumber),
    ethnicity: v.ethnicity,
    education: v.education,
    email: v.email,
    mobile: v.mobile,
    practiceCategory: v.practiceCategory,
    practiceScope: v.practiceScope,
    physicianLevel: v.physicianLevel,
    specialty: v.specialty,
    title: v.title,
    titleDate: v.titleDate,
    position: v.position,
    positionDate: v.positionDate,
    residentTrainee: v.residentTrainee,
    licenseNumber: v.licenseNumber,
    licenseDate: v.licenseDate,
    qualificationNumber: v.qualificationNumber,
    qualificationDate: v.qualificationDate,
    firstRegistrationDate: v.firstRegistrationDate,
  };
}
