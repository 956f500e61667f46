// One physician's record: 查看, 新增医师, 删除, 重置密码 and the photo.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { clinicalSubjectLabel } from '../../../common/clinical-subjects.js';
import type { EnrolmentStatus, IdType, PhysicianLevel, PracticeCategory, Sex } from '../../../common/enums.js';
import { PHYSICIAN_EXISTS, type PhysicianDetail, type physicianBodySchema } from '../../../common/schemas/physician.js';
import type { Actor } from '../../auth/access.js';
import { requireAccess, requireRole } from '../../auth/access.js';
import type { Database, Tx } from '../../db/client.js';
import {
  accounts,
  cycles,
  departments,
  enrolments,
  institutions,
  physicianCareers,
  physicianEducations,
  physicianMultiSites,
  physicians,
} from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError, badRequest, conflict, notFound } from '../../lib/errors.js';
import type { Storage } from '../../lib/storage.js';
import { MB, checkUpload } from '../../lib/uploads.js';
import { resetPassword } from '../accounts/service.js';
import { currentCycle } from '../cycles/service.js';
import { withStoredFiles } from '../files/service.js';
import { isUniqueViolation } from '../institutions/service.js';
import { physicianRow } from './physician-row.js';
import { everEnrolledSql } from './repository.js';
import { ageOn, rosterActionsFor, type RosterDeps } from './roster.js';

type PhysicianValues = z.output<typeof physicianBodySchema>;

export const physicianExistsError = () => new AppError(409, 'CONFLICT', PHYSICIAN_EXISTS, { idNumber: PHYSICIAN_EXISTS });

export async function physicianDetail(deps: RosterDeps, actor: Actor, id: number): Promise<PhysicianDetail> {
  const { db } = deps;
  await requireAccess(db, actor, 'physician.read', [id]);
  const cycle = await currentCycle(db, actor.provinceCode);
  const [row] = await db
    .select({
      p: physicians,
      institutionName: institutions.name,
      departmentName: departments.name,
      enrolmentStatus: sql<EnrolmentStatus>`coalesce(${enrolments.status}, 'NOT_ENROLLED')`,
      cancelReason: enrolments.cancelReason,
      everEnrolled: everEnrolledSql,
    })
    .from(physicians)
    .innerJoin(institutions, eq(institutions.id, physicians.institutionId))
    .leftJoin(departments, eq(departments.id, physicians.departmentId))
    .leftJoin(enrolments, and(eq(enrolments.cycleId, cycle?.id ?? 0), eq(enrolments.physicianId, physicians.id)))
    .where(eq(physicians.id, id));
  if (!row) throw notFound('医师不存在');
  const { p } = row;
  const [multiSites, educations, careers, history] = await Promise.all([
    db.select({ institutionName: physicianMultiSites.institutionName, departmentName: physicianMultiSites.departmentName }).from(physicianMultiSites).where(eq(physicianMultiSites.physicianId, id)).orderBy(physicianMultiSites.id),
    db.select({ education: physicianEducations.education, school: physicianEducations.school, major: physicianEducations.major, startDate: physicianEducations.startDate, endDate: physicianEducations.endDate }).from(physicianEducations).where(eq(physicianEducations.physicianId, id)).orderBy(physicianEducations.startDate),
    db.select({ institutionName: physicianCareers.institutionName, title: physicianCareers.title, startDate: physicianCareers.startDate, endDate: physicianCareers.endDate }).from(physicianCareers).where(eq(physicianCareers.physicianId, id)).orderBy(physicianCareers.startDate),
    db
      .select({ cycleName: cycles.name, institutionName: institutions.name, status: sql<EnrolmentStatus>`${enrolments.status}`, result: sql<'passed' | 'failed' | null>`${enrolments.result}` })
      .from(enrolments)
      .innerJoin(cycles, eq(cycles.id, enrolments.cycleId))
      .innerJoin(institutions, eq(institutions.id, enrolments.institutionId))
      .where(and(eq(enrolments.physicianId, id), sql`${enrolments.status} <> 'NOT_ENROLLED'`))
      .orderBy(desc(cycles.startDate)),
  ]);
  return {
    id: p.id,
    institutionId: p.institutionId,
    institutionName: row.institutionName,
    basic: {
      name: p.name,
      sex: p.sex as Sex,
      idType: p.idType as IdType,
      idNumberMasked: p.idNumberMasked,
      birthDate: p.birthDate,
      age: ageOn(p.birthDate),
      ethnicity: p.ethnicity,
      education: p.education,
      email: p.email,
      mobile: p.mobile,
      photoFileId: p.photoFileId,
    },
    practice: {
      departmentId: p.departmentId,
      departmentName: row.departmentName,
      specialty: p.specialty,
      specialtyName: p.specialty ? clinicalSubjectLabel(p.specialty) : null,
      title: p.title,
      titleDate: p.titleDate,
      position: p.position,
      positionDate: p.positionDate,
      physicianLevel: p.physicianLevel as PhysicianLevel | null,
      residentTrainee: p.residentTrainee,
      practiceCategory: p.practiceCategory as PracticeCategory,
      practiceScope: p.practiceScope,
      licenseNumber: p.licenseNumber,
      licenseDate: p.licenseDate,
      qualificationNumber: p.qualificationNumber,
      qualificationDate: p.qualificationDate,
      firstRegistrationDate: p.firstRegistrationDate,
    },
    multiSites,
    educations,
    careers,
    history,
    enrolmentStatus: row.enrolmentStatus,
    cancelReason: row.cancelReason,
    actions: rosterActionsFor(actor, { enrolmentStatus: row.enrolmentStatus, everEnrolled: row.everEnrolled }, Boolean(cycle)),
  };
}

/** 科室 must be an enabled department of the institution, 从事专业 one of its 诊疗科目. */
export async function checkDepartment(db: Database | Tx, institutionId: number, departmentId: number | null, specialty: string | null): Promise<void> {
  if (departmentId === null) {
    if (specialty) throw badRequest('请先选择科室，再选择从事专业', { departmentId: '请先选择科室' });
    return;
  }
  const [department] = await db.select().from(departments).where(and(eq(departments.id, departmentId), eq(departments.institutionId, institutionId)));
  if (!department || department.status !== 'enabled') throw badRequest('科室：请选择本机构启用的科室', { departmentId: '请选择本机构启用的科室' });
  if (specialty && !department.clinicalSubjects.includes(specialty)) {
    throw badRequest('从事专业须为所选科室关联的诊疗科目', { specialty: '从事专业须为所选科室关联的诊疗科目' });
  }
}

/**
 * 新增医师 (seed 004 slide 8): an existing 证件号码 — in its 15- or 18-digit form, at any institution — answers
 * 「医师已存在，请前往【调入医师】模块查询」. The account starts with the province's initial password.
 */
export async function createPhysician(deps: RosterDeps, actor: Actor, body: PhysicianValues, ip: string): Promise<PhysicianDetail> {
  requireRole(actor, ['institution']);
  const { db } = deps;
  await checkDepartment(db, actor.orgId, body.departmentId, body.specialty);
  const values = physicianRow(deps, actor.orgId, body);
  let id: number;
  try {
    id = await db.transaction(async (tx) => {
      const [existing] = await tx.select({ id: physicians.id }).from(physicians).where(eq(physicians.idNumberHash, values.idNumberHash));
      if (existing) throw physicianExistsError();
      const [physician] = await tx.insert(physicians).values(values).returning({ id: physicians.id });
      await tx.insert(accounts).values({ kind: 'physician', physicianId: physician.id, passwordHash: null, mustChangePassword: true });
      const { idNumberCipher: _c, idNumberHash: _h, idNumberTailHash: _t, ...logged } = values;
      await recordAudit(tx, { action: 'physician.created', actor, targetType: 'physician', targetId: physician.id, after: logged, ip });
      return physician.id;
    });
  } catch (error) {
    // Two institutions adding the same person at once: the unique blind index decides.
    if (isUniqueViolation(error)) throw physicianExistsError();
    throw error;
  }
  return physicianDetail(deps, actor, id);
}

/** 删除: only a physician never enrolled in any cycle (otherwise 调离 keeps their history). */
export async function deletePhysician(deps: RosterDeps & { storage: Storage }, actor: Actor, id: number, ip: string): Promise<void> {
  requireRole(actor, ['institution']);
  await requireAccess(deps.db, actor, 'physician.read', [id]);
  await withStoredFiles(deps.db, deps.storage, async (tx, stored) => {
    const [row] = await tx
      .select({ name: physicians.name, masked: physicians.idNumberMasked, everEnrolled: everEnrolledSql })
      .from(physicians)
      .where(eq(physicians.id, id))
      .for('update');
    if (!row) throw notFound('医师不存在');
    if (row.everEnrolled) throw conflict('该医师已参加过考核，不能删除；如已不在本机构执业，请使用【调离】');
    await tx.delete(enrolments).where(eq(enrolments.physicianId, id));
    await tx.delete(accounts).where(eq(accounts.physicianId, id));
    await tx.delete(physicians).where(eq(physicians.id, id));
    await stored.drop({ ownerType: 'physicianPhoto', ownerId: id });
    await recordAudit(tx, { action: 'physician.deleted', actor, targetType: 'physician', targetId: id, before: { name: row.name, idNumberMasked: row.masked }, ip });
  });
}

/** 重置密码 of a physician on the roster: the initial password, and the bound phone cleared. */
export async function resetPhysicianPassword(deps: RosterDeps, actor: Actor, id: number, ip: string): Promise<void> {
  requireRole(actor, ['institution']);
  await requireAccess(deps.db, actor, 'physician.read', [id]);
  const [account] = await deps.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.physicianId, id));
  if (!account) throw notFound('该医师没有账号');
  await resetPassword(deps.db, actor, account.id, ip);
}

export const PHOTO_MAX_BYTES = 2 * MB;

/** The 证件照 (jpg/png ≤ 2 MB, type read from the content). */
export async function setPhysicianPhoto(
  deps: RosterDeps & { storage: Storage },
  actor: Actor,
  id: number,
  upload: { data: Buffer; filename: string },
  ip: string,
): Promise<{ photoFileId: string }> {
  // The institution on its roster; the physician for themself while filling in 报名.
  requireRole(actor, ['institution', 'physician']);
  await requireAccess(deps.db, actor, 'physician.read', [id]);
  const checked = await checkUpload(upload.data, upload.filename, { allowed: ['jpg', 'png'], maxBytes: PHOTO_MAX_BYTES, field: 'file', fieldLabel: '照片' });
  return withStoredFiles(deps.db, deps.storage, async (tx, stored) => {
    const [before] = await tx.select({ photoFileId: physicians.photoFileId }).from(physicians).where(eq(physicians.id, id)).for('update');
    const fileId = await stored.save({ ownerType: 'physicianPhoto', ownerId: id, filename: upload.filename, data: upload.data, checked, uploadedBy: actor.accountId });
    await tx.update(physicians).set({ photoFileId: fileId }).where(eq(physicians.id, id));
    // The new photo replaces every earlier one.
    await stored.drop({ ownerType: 'physicianPhoto', ownerId: id, except: fileId });
    await recordAudit(tx, { action: 'physician.photoUpdated', actor, targetType: 'physician', targetId: id, before, after: { photoFileId: fileId }, ip });
    return { photoFileId: fileId };
  });
}
