// 批量导入医师: what the request's thread (import.ts) and the worker thread (import-worker.ts) say to each other.
import type { BulkColumn } from '../../db/bulk.js';
import type { PgArrayLiteral } from '../../db/pg-array.js';
import type { PiiKeys } from '../../lib/pii.js';
import type { RefusedRow } from './import-check.js';
import type { physicianRow } from './physician-row.js';

/** The worker's input: the upload, the institution, its enabled 科室 by name, the rows per write, the 证件号码 keys. */
export interface ImportInput {
  data: Uint8Array;
  institutionId: number;
  keys: PiiKeys;
  departments: [string, number][];
  chunkSize: number;
}

/** From the worker. A chunk: every column of `importColumns` by name, and each row's 证件号码 blind index in order. */
export type ImportMessage =
  | { kind: 'chunk'; columns: Record<string, PgArrayLiteral>; hashes: string[] }
  | { kind: 'refused'; rows: RefusedRow[] }
  | { kind: 'done'; total: number }
  | { kind: 'failed'; message: string; fields?: Record<string, string> };

/** To the worker, once a chunk is written: the positions of its rows whose 证件号码 the database already had. */
export interface ImportReply {
  known: number[];
}

/** The physician columns the import writes, each with its value in `physicianRow`. */
export const importColumns: [string, BulkColumn['type'], keyof ReturnType<typeof physicianRow>][] = [
  ['institution_id', 'int4', 'institutionId'], ['id_number_cipher', 'text', 'idNumberCipher'], ['id_number_hash', 'text', 'idNumberHash'],
  ['id_number_tail_hash', 'text', 'idNumberTailHash'], ['id_number_masked', 'text', 'idNumberMasked'], ['department_id', 'int4', 'departmentId'],
  ['name', 'text', 'name'], ['sex', 'text', 'sex'], ['birth_date', 'date', 'birthDate'],
  ['id_type', 'text', 'idType'], ['ethnicity', 'text', 'ethnicity'], ['education', 'text', 'education'], ['email', 'text', 'email'],
  ['mobile', 'text', 'mobile'], ['practice_category', 'text', 'practiceCategory'], ['practice_scope', 'text', 'practiceScope'],
  ['physician_level', 'text', 'physicianLevel'], ['title', 'text', 'title'], ['title_date', 'date', 'titleDate'],
  ['position', 'text', 'position'], ['position_date', 'date', 'positionDate'], ['resident_trainee', 'bool', 'residentTrainee'],
  ['license_number', 'text', 'licenseNumber'], ['license_date', 'date', 'licenseDate'], ['qualification_number', 'text', 'qualificationNumber'],
  ['qualification_date', 'date', 'qualificationDate'], ['first_registration_date', 'date', 'firstRegistrationDate'],
];
