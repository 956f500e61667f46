// 我要报名: the draft of the five steps (saved step by step), its files, and 提交 through the state machine.
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { transition } from '../../../common/enrolment-machine.js';
import type { EnrolmentStatus, IdType } from '../../../common/enums.js';
import { checkSimplified, workloadKindsFor } from '../../../common/registration-rules.js';
import {
  MATERIALS_MAX,
  registrationFileSlots,
  registrationStepLabels,
  registrationSteps,
  stepSchemas,
  type ConductStep,
  type ExemptionStatus,
  type ExperienceStep,
  type PracticeStep,
  type ProcedureStep,
  type Registration,
  type RegistrationFileSlot,
  type RegistrationStep,
  type SubmitProblem,
} from '../../../common/schemas/registration.js';
import type { Actor } from '../../auth/access.js';
import type { Database, Tx } from '../../db/client.js';
import { departments, enrolments, files, physicianCareers, physicianEducations, physicianMultiSites, physicians, registrations } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError, badRequest, conflict, notFound } from '../../lib/errors.js';
import type { Pii } from '../../lib/pii.js';
import type { Storage } from '../../lib/storage.js';
import { MB, checkUpload, type FileKind } from '../../lib/uploads.js';
import { requireWindowOpen } from '../cycles/windows.js';
import { filesOf, withStoredFiles } from '../files/service.js';
import { setPhysicianPhoto } from '../physicians/records.js';
import { loadContext, registrationOf, latestReturnReason, type RegistrationContext } from './context.js';
import { registrationBlock } from './task.js';

export interface RegistrationDeps {
  db: Database;
  pii: Pii;
  storage: Storage;
}

const NOT_ENROLLED_MESSAGE = (ctx: RegistrationContext) => `您未纳入本周期考核，请联系您的主要执业机构（${ctx.institutionName}）确认参加`;

/** The registry's values, so a first draft starts from what the institution entered. */
function registryBasic(p: RegistrationContext['physician']) {
  return { name: p.name, sex: p.sex, birthDate: p.birthDate, ethnicity: p.ethnicity, education: p.education, email: p.email, mobile: p.mobile };
}
function registryPractice(p: RegistrationContext['physician']) {
  return {
    departmentId: p.departmentId, specialty: p.specialty, title: p.title, titleDate: p.titleDate, position: p.position, positionDate: p.positionDate,
    physicianLevel: p.physicianLevel, residentTrainee: p.residentTrainee, practiceCategory: p.practiceCategory, practiceScope: p.practiceScope,
    qualificationNumber: p.qualificationNumber, qualificationDate: p.qualificationDate, licenseNumber: p.licenseNumber, licenseDate: p.licenseDate,
  };
}

async function departmentSubjects(db: Database | Tx, departmentId: unknown): Promise<string[]> {
  if (typeof departmentId !== 'number') return [];
  const [row] = await db.select({ subjects: departments.clinicalSubjects }).from(departments).where(eq(departments.id, departmentId));
  return row?.subjects ?? [];
}

async function view(db: Database, ctx: RegistrationContext, editable: boolean): Promise<Registration> {
  const enrolment = ctx.enrolment!;
  const row = await registrationOf(db, enrolment.id);
  const saved = registrationSteps.filter((step) => row?.[step] != null && stepSchemas[step].safeParse(row[step]).success);
  const practice = (row?.practice as Record<string, unknown> | null) ?? registryPractice(ctx.physician);
  const conduct = row?.conduct as ConductStep | null;
  const procedure = row?.procedure as ProcedureStep | null;
  const status = enrolment.status as EnrolmentStatus;
  return {
    enrolmentId: enrolment.id,
    status,
    savedSteps: saved,
    editable,
    returnReason: status === 'RETURNED_BY_INSTITUTION' || status === 'RETURNED_BY_AUTHORITY' ? await latestReturnReason(db, enrolment.id) : null,
    identity: { idType: ctx.physician.idType as IdType, idNumberMasked: ctx.physician.idNumberMasked, photoFileId: ctx.physician.photoFileId },
    firstRegistrationDate: ctx.physician.firstRegistrationDate,
    basic: (row?.basic as Record<string, unknown> | null) ?? registryBasic(ctx.physician),
    practice,
    experience: (row?.experience as Record<string, unknown> | null) ?? null,
    conduct: (conduct as unknown as Record<string, unknown>) ?? null,
    procedure: (procedure as unknown as Record<string, unknown>) ?? null,
    files: row ? (await filesOf(db, 'registration', row.id)).map((f) => ({ id: f.id, slot: f.slot, name: f.name, size: f.size })) : [],
    workloadKinds: workloadKindsFor(await departmentSubjects(db, practice.departmentId)),
    simplifiedCheck: procedure?.procedure === 'simplified'
      ? checkSimplified(procedure.simplifiedReason, { firstRegistrationDate: ctx.physician.firstRegistrationDate, hasGoodRecord: conduct?.hasGoodRecord ?? null, hasBadRecord: conduct?.hasBadRecord ?? null })
      : null,
    exemptionStatus: (row?.exemptionStatus as ExemptionStatus | undefined) ?? 'none',
    submittedAt: row?.submittedAt?.toISOString() ?? null,
  };
}

export async function getRegistration(db: Database, actor: Actor): Promise<Registration> {
  const ctx = await loadContext(db, actor);
  if (!ctx.enrolment || ctx.status === 'NOT_ENROLLED') throw conflict(NOT_ENROLLED_MESSAGE(ctx));
  // Without 科室 the physician may still fill in the other steps; the page shows FAQ 8's message at 执业信息.
  const blocked = await registrationBlock(db, ctx);
  return view(db, ctx, blocked === null || blocked.block === 'noDepartments');
}

/** Editing is possible only while enrolled, not yet submitted (or returned), inside the 报名 window. */
async function requireEditable(db: Database, actor: Actor): Promise<RegistrationContext> {
  const ctx = await loadContext(db, actor);
  const blocked = await registrationBlock(db, ctx);
  if (blocked && blocked.block !== 'noDepartments') throw new AppError(409, blocked.block.toUpperCase(), blocked.message);
  return ctx;
}

/** Zod issues as `fields` keyed by their path ('badRecords.0.cause'). */
function fieldsOf(issues: { path: PropertyKey[]; message: string }[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) fields[issue.path.map(String).join('.')] ??= issue.message;
  return fields;
}

async function checkPractice(db: Database | Tx, institutionId: number, practice: PracticeStep): Promise<Record<string, string>> {
  const [department] = await db.select().from(departments).where(and(eq(departments.id, practice.departmentId), eq(departments.institutionId, institutionId)));
  if (!department || department.status !== 'enabled') return { departmentId: '请选择本机构启用的科室' };
  if (!department.clinicalSubjects.includes(practice.specialty)) return { specialty: '从事专业须为所选科室关联的诊疗科目' };
  return {};
}

async function ensureRow(db: Database | Tx, ctx: RegistrationContext): Promise<number> {
  const enrolment = ctx.enrolment!;
  const [row] = await db
    .insert(registrations)
    .values({ enrolmentId: enrolment.id, physicianId: ctx.physician.id, cycleId: enrolment.cycleId })
    .onConflictDoUpdate({ target: registrations.enrolmentId, set: { updatedAt: new Date() } })
    .returning({ id: registrations.id });
  return row.id;
}

/** 保存 of one step: validated in full (下一步 saves it), stored as the draft. */
const isBlank = (value: unknown) => value == null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);

/**
 * 保存草稿: what has been filled in so far, each field checked on its own; blanks wait for later (提交 checks the
 * whole step), but a value that is wrong is refused like any other.
 */
function parseDraft(step: RegistrationStep, body: Record<string, unknown>): { success: true; data: Record<string, unknown> } | { success: false; fields: Record<string, string> } {
  const data: Record<string, unknown> = {};
  const fields: Record<string, string> = {};
  for (const [key, schema] of Object.entries(stepSchemas[step].shape as Record<string, z.ZodType>)) {
    const value = body[key];
    if (isBlank(value)) {
      data[key] = Array.isArray(value) ? [] : null;
      continue;
    }
    const parsed = schema.safeParse(value);
    if (parsed.success) data[key] = parsed.data;
    else for (const issue of parsed.error.issues) fields[[key, ...issue.path].map(String).join('.')] ??= issue.message;
  }
  return Object.keys(fields).length > 0 ? { success: false, fields } : { success: true, data };
}

/** 保存并下一步 saves a complete step; 保存草稿 (`draft`) also one with gaps. */
export async function saveStep(deps: RegistrationDeps, actor: Actor, step: RegistrationStep, body: Record<string, unknown>, { draft = false } = {}): Promise<Registration> {
  const { db } = deps;
  const ctx = await requireEditable(db, actor);
  const strict = stepSchemas[step].safeParse(body);
  let data: unknown;
  if (strict.success) data = strict.data;
  else {
    const loose = draft ? parseDraft(step, body) : null;
    if (!loose?.success) {
      const fields = loose ? loose.fields : fieldsOf(strict.error.issues);
      throw badRequest(`${registrationStepLabels[step]}：${Object.values(fields)[0]}`, fields);
    }
    data = loose.data;
  }
  if (step === 'practice' && strict.success) {
    const fields = await checkPractice(db, ctx.physician.institutionId, strict.data as PracticeStep);
    if (Object.keys(fields).length > 0) throw badRequest(`${registrationStepLabels.practice}：${Object.values(fields)[0]}`, fields);
  }
  await db.transaction(async (tx) => {
    await ensureRow(tx, ctx);
    await tx
      .update(registrations)
      .set({ [step]: data, version: sql`${registrations.version} + 1`, updatedAt: new Date() })
      .where(eq(registrations.enrolmentId, ctx.enrolment!.id));
  });
  return view(db, ctx, true);
}

const slotRules: Record<RegistrationFileSlot, { allowed: FileKind[]; maxBytes: number; label: string; many: boolean }> = {
  licensePage1: { allowed: ['jpg', 'png'], maxBytes: 2 * MB, label: '执业证书第一页', many: false },
  licensePage2: { allowed: ['jpg', 'png'], maxBytes: 2 * MB, label: '执业证书第二页', many: false },
  electronicLicense: { allowed: ['jpg', 'png', 'pdf'], maxBytes: 5 * MB, label: '电子证照', many: false },
  simplifiedMaterial: { allowed: ['pdf', 'jpg', 'png'], maxBytes: 10 * MB, label: '简易程序申请材料', many: true },
  exemptionMaterial: { allowed: ['pdf', 'jpg', 'png'], maxBytes: 10 * MB, label: '免考申请材料', many: true },
};

export async function uploadFile(deps: RegistrationDeps, actor: Actor, slotName: RegistrationFileSlot, upload: { data: Buffer; filename: string }): Promise<Registration> {
  const { db } = deps;
  const ctx = await requireEditable(db, actor);
  const rule = slotRules[slotName];
  const checked = await checkUpload(upload.data, upload.filename, { allowed: rule.allowed, maxBytes: rule.maxBytes, field: 'file', fieldLabel: rule.label });
  const slot = registrationFileSlots[slotName];
  await withStoredFiles(db, deps.storage, async (tx, stored) => {
    const registrationId = await ensureRow(tx, ctx);
    const existing = await tx.select({ id: files.id }).from(files).where(and(eq(files.ownerType, 'registration'), eq(files.ownerId, registrationId), eq(files.slot, slot)));
    if (rule.many && existing.length >= MATERIALS_MAX) throw badRequest(`${rule.label}最多上传${MATERIALS_MAX}个文件`, { file: `最多上传${MATERIALS_MAX}个文件` });
    // A page replaces the one before it.
    if (!rule.many && existing.length > 0) await stored.drop({ ownerType: 'registration', ownerId: registrationId, slot });
    await stored.save({ ownerType: 'registration', ownerId: registrationId, slot, filename: upload.filename, data: upload.data, checked, uploadedBy: actor.accountId });
  });
  return view(db, ctx, true);
}

export async function deleteFile(deps: RegistrationDeps, actor: Actor, fileId: string): Promise<Registration> {
  const { db } = deps;
  const ctx = await requireEditable(db, actor);
  const row = await registrationOf(db, ctx.enrolment!.id);
  const deleted = row ? await withStoredFiles(db, deps.storage, (_tx, stored) => stored.drop({ ownerType: 'registration', ownerId: row.id, ids: [fileId] })) : [];
  if (deleted.length === 0) throw notFound('文件不存在');
  return view(db, ctx, true);
}

export async function uploadPhoto(deps: RegistrationDeps, actor: Actor, upload: { data: Buffer; filename: string }, ip: string) {
  await requireEditable(deps.db, actor);
  return setPhysicianPhoto(deps, actor, actor.orgId, upload, ip);
}

/** Every problem that stops 提交, each naming its step and field. */
async function submitProblems(db: Database | Tx, ctx: RegistrationContext, row: typeof registrations.$inferSelect | null): Promise<SubmitProblem[]> {
  const problems: SubmitProblem[] = [];
  for (const step of registrationSteps) {
    const data = row?.[step];
    if (data == null) {
      problems.push({ step, field: '', message: `${registrationStepLabels[step]}尚未填写` });
      continue;
    }
    const parsed = stepSchemas[step].safeParse(data);
    if (!parsed.success) for (const [field, message] of Object.entries(fieldsOf(parsed.error.issues))) problems.push({ step, field, message });
    else if (step === 'practice') {
      for (const [field, message] of Object.entries(await checkPractice(db, ctx.physician.institutionId, parsed.data as PracticeStep))) problems.push({ step, field, message });
    }
  }
  if (!ctx.physician.photoFileId) problems.push({ step: 'basic', field: 'photo', message: '请上传照片' });
  const uploaded = row ? await filesOf(db, 'registration', row.id) : [];
  const has = (slot: RegistrationFileSlot) => uploaded.some((f) => f.slot === registrationFileSlots[slot]);
  const practice = row?.practice as PracticeStep | null;
  if (practice?.licenseKind === 'paper') {
    for (const slot of ['licensePage1', 'licensePage2'] as const) if (!has(slot)) problems.push({ step: 'practice', field: `files.${slot}`, message: `请上传${slotRules[slot].label}` });
  } else if (practice?.licenseKind === 'electronic' && !has('electronicLicense')) {
    problems.push({ step: 'practice', field: 'files.electronicLicense', message: '请上传电子证照' });
  }
  const procedure = row?.procedure as ProcedureStep | null;
  if (procedure?.procedure === 'simplified' && !has('simplifiedMaterial')) problems.push({ step: 'procedure', field: 'files.simplifiedMaterial', message: '请上传简易程序申请材料' });
  if (procedure?.exemptionRequested && !has('exemptionMaterial')) problems.push({ step: 'procedure', field: 'files.exemptionMaterial', message: '请上传免考申请材料' });
  return problems;
}

/**
 * 提交: inside the 报名 window, every step valid, then the state machine's `submit`; the registry fields are
 * copied to the physician's record and the draft becomes read-only. A double click submits once.
 */
export async function submitRegistration(deps: RegistrationDeps, actor: Actor, ip: string): Promise<Registration> {
  const { db } = deps;
  const ctx = await loadContext(db, actor);
  if (!ctx.enrolment || ctx.status === 'NOT_ENROLLED') throw conflict(NOT_ENROLLED_MESSAGE(ctx));
  await requireWindowOpen(db, actor.provinceCode, 'registration');
  await db.transaction(async (tx) => {
    const [enrolment] = await tx.select().from(enrolments).where(eq(enrolments.id, ctx.enrolment!.id)).for('update');
    const status = enrolment.status as EnrolmentStatus;
    const outcome = transition(status, 'submit', 'physician');
    if (!outcome.ok) throw conflict(outcome.reason);
    const [row] = await tx.select().from(registrations).where(eq(registrations.enrolmentId, enrolment.id)).for('update');
    const problems = await submitProblems(tx, ctx, row ?? null);
    if (problems.length > 0) {
      const first = problems[0];
      throw new AppError(
        422,
        'UNPROCESSABLE',
        `${registrationStepLabels[first.step]}：${first.message}${problems.length > 1 ? `（另有${problems.length - 1}处待完善）` : ''}`,
        Object.fromEntries(problems.map((p) => [p.field ? `${p.step}.${p.field}` : p.step, p.message])),
      );
    }
    const basic = stepSchemas.basic.parse(row.basic);
    const practice = stepSchemas.practice.parse(row.practice);
    const experience = stepSchemas.experience.parse(row.experience) as ExperienceStep;
    const procedure = stepSchemas.procedure.parse(row.procedure);
    await tx
      .update(physicians)
      .set({
        name: basic.name, sex: basic.sex, birthDate: basic.birthDate, ethnicity: basic.ethnicity, education: basic.education, email: basic.email, mobile: basic.mobile,
        departmentId: practice.departmentId, specialty: practice.specialty, title: practice.title, titleDate: practice.titleDate, position: practice.position,
        positionDate: practice.positionDate, physicianLevel: practice.physicianLevel, residentTrainee: practice.residentTrainee,
        practiceCategory: practice.practiceCategory, practiceScope: practice.practiceScope, qualificationNumber: practice.qualificationNumber,
        qualificationDate: practice.qualificationDate, licenseNumber: practice.licenseNumber, licenseDate: practice.licenseDate,
      })
      .where(eq(physicians.id, ctx.physician.id));
    await tx.delete(physicianMultiSites).where(eq(physicianMultiSites.physicianId, ctx.physician.id));
    await tx.delete(physicianEducations).where(eq(physicianEducations.physicianId, ctx.physician.id));
    await tx.delete(physicianCareers).where(eq(physicianCareers.physicianId, ctx.physician.id));
    if (experience.multiSites.length) await tx.insert(physicianMultiSites).values(experience.multiSites.map((m) => ({ ...m, physicianId: ctx.physician.id })));
    if (experience.educations.length) await tx.insert(physicianEducations).values(experience.educations.map((e) => ({ ...e, physicianId: ctx.physician.id })));
    if (experience.careers.length) await tx.insert(physicianCareers).values(experience.careers.map((c) => ({ ...c, physicianId: ctx.physician.id })));
    await tx
      .update(enrolments)
      .set({ status: outcome.status, procedure: procedure.procedure, version: enrolment.version + 1, updatedAt: new Date() })
      .where(and(eq(enrolments.id, enrolment.id), eq(enrolments.version, enrolment.version)));
    const exemptionStatus: ExemptionStatus = procedure.exemptionRequested ? 'pendingInstitution' : 'none';
    await tx.update(registrations).set({ submittedAt: new Date(), exemptionStatus, exemptionRejectReason: null }).where(eq(registrations.id, row.id));
    await recordAudit(tx, {
      action: 'enrolment.submitted',
      actor,
      targetType: 'enrolment',
      targetId: enrolment.id,
      before: { status },
      after: { status: outcome.status, procedure: procedure.procedure, exemptionRequested: procedure.exemptionRequested },
      ip,
    });
  });
  return view(db, await loadContext(db, actor), false);
}

