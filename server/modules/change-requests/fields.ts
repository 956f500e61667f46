// The fields of a 医师信息修改申请: what is stored, which asked values are really changes, the rules they must keep
// (科室 enabled in the physician's institution, 从事专业 among its 诊疗科目, 执业范围 of their 执业类别), and their words.
import { clinicalSubjectLabel } from '../../../common/clinical-subjects.js';
import { physicianLevelLabels, type PhysicianLevel, type PracticeCategory } from '../../../common/enums.js';
import { practiceScopes } from '../../../common/physician-catalogs.js';
import { changeFieldLabels, changeFields, type ChangeField, type ChangeLine, type ChangeValues } from '../../../common/schemas/change-requests.js';
import type { physicians } from '../../db/schema/index.js';

type PhysicianRow = typeof physicians.$inferSelect;
type Value = string | number | null;

/** The `changes` column: per field, the value recorded when asked (then when applied) and the value asked for. */
export type StoredChanges = Partial<Record<ChangeField, { from: Value; to: Value }>>;

export function currentValue(p: PhysicianRow, field: ChangeField): Value {
  return p[field] ?? null;
}

/** The asked values that differ from the record, with the record's value beside each. */
export function realChanges(p: PhysicianRow, asked: ChangeValues): StoredChanges {
  const changes: StoredChanges = {};
  for (const field of changeFields) {
    const to = asked[field];
    if (to === undefined || to === currentValue(p, field)) continue;
    changes[field] = { from: currentValue(p, field), to };
  }
  return changes;
}

/** Reads the stored JSON back, keeping only known fields (it is ours, but the column is untyped). */
export function storedChanges(json: unknown): StoredChanges {
  const changes: StoredChanges = {};
  if (!json || typeof json !== 'object') return changes;
  for (const field of changeFields) {
    const entry = (json as Record<string, unknown>)[field];
    if (entry && typeof entry === 'object' && 'to' in entry) {
      const { from, to } = entry as { from?: Value; to: Value };
      changes[field] = { from: from ?? null, to };
    }
  }
  return changes;
}

export interface DepartmentFacts {
  id: number;
  institutionId: number;
  status: string;
  clinicalSubjects: string[];
}

/**
 * What is wrong with applying `changes` to the physician now, per field: the asked 科室 must be an enabled department
 * of their institution; 从事专业 must be one of the 诊疗科目 of the 科室 they will be in (asked or kept); a new 科室
 * needs a 从事专业 it covers; 执业范围 must belong to their 执业类别.
 */
export function changeProblems(p: PhysicianRow, changes: StoredChanges, departmentOf: (id: number) => DepartmentFacts | undefined): Partial<Record<ChangeField, string>> {
  const problems: Partial<Record<ChangeField, string>> = {};
  const departmentId = (changes.departmentId?.to as number | undefined) ?? p.departmentId;
  const department = departmentId === null ? undefined : departmentOf(departmentId);
  if (changes.departmentId && (!department || department.institutionId !== p.institutionId || department.status !== 'enabled')) {
    problems.departmentId = '请选择本机构启用的科室';
  }
  const specialty = (changes.specialty?.to as string | undefined) ?? p.specialty;
  if (changes.specialty && departmentId === null) problems.specialty = '请先选择科室，再选择从事专业';
  else if (department && specialty && !department.clinicalSubjects.includes(specialty)) {
    problems.specialty = changes.specialty ? '从事专业须为所选科室关联的诊疗科目' : '更换科室后，请选择新科室关联的从事专业';
  }
  const scope = changes.practiceScope?.to as string | undefined;
  if (scope && !practiceScopes[p.practiceCategory as PracticeCategory]?.includes(scope)) {
    problems.practiceScope = `执业范围「${scope}」不属于您的执业类别`;
  }
  return problems;
}

/** The physicians columns to set when a request is approved. */
export function columnsOf(changes: StoredChanges): Partial<Pick<PhysicianRow, ChangeField>> {
  const columns: Record<string, Value> = {};
  for (const field of changeFields) if (changes[field]) columns[field] = changes[field].to;
  return columns as Partial<Pick<PhysicianRow, ChangeField>>;
}

/** The department ids a set of requests mentions, to name them with one query. */
export function departmentIdsOf(all: StoredChanges[]): number[] {
  const ids = new Set<number>();
  for (const changes of all) {
    for (const v of [changes.departmentId?.from, changes.departmentId?.to]) if (typeof v === 'number') ids.add(v);
  }
  return [...ids];
}

/** Each changed field in the form's order, its values as words (科室 names, 诊疗科目 names, 医师级别 labels). */
export function describeChanges(changes: StoredChanges, departmentNames: Map<number, string>): ChangeLine[] {
  const words = (field: ChangeField, value: Value): string | null => {
    if (value === null || value === '') return null;
    if (field === 'departmentId') return departmentNames.get(Number(value)) ?? '（已删除的科室）';
    if (field === 'specialty') return clinicalSubjectLabel(String(value));
    if (field === 'physicianLevel') return physicianLevelLabels[value as PhysicianLevel] ?? String(value);
    return String(value);
  };
  return changeFields
    .filter((field) => changes[field])
    .map((field) => ({ field, label: changeFieldLabels[field], from: words(field, changes[field]!.from), to: words(field, changes[field]!.to) }));
}
