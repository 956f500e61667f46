import { sql } from 'drizzle-orm';
import { pgTable, serial, varchar, integer, date, timestamp, boolean, index, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { institutions, departments } from './organizations.js';

/**
 * A physician. 证件号码 is kept only encrypted, with an HMAC blind index for lookup, a keyed hash of its
 * last four characters for the 后几位 search, and a masked copy for lists.
 * `institutionId` is the 主要执业机构; after 调离 it stays the 原单位 and `transferredOutAt` is set,
 * so the physician leaves every roster until another institution 调入 them.
 */
export const physicians = pgTable(
  'physicians',
  {
    id: serial('id').primaryKey(),
    institutionId: integer('institution_id').notNull().references(() => institutions.id),
    departmentId: integer('department_id').references(() => departments.id),
    name: varchar('name', { length: 64 }).notNull(),
    sex: varchar('sex', { length: 8 }).notNull(),
    birthDate: date('birth_date'),
    idType: varchar('id_type', { length: 16 }).notNull(),
    idNumberCipher: varchar('id_number_cipher', { length: 256 }).notNull(),
    idNumberHash: varchar('id_number_hash', { length: 64 }).notNull(),
    idNumberTailHash: varchar('id_number_tail_hash', { length: 64 }),
    idNumberMasked: varchar('id_number_masked', { length: 32 }).notNull(),
    ethnicity: varchar('ethnicity', { length: 16 }),
    education: varchar('education', { length: 16 }),
    email: varchar('email', { length: 128 }),
    mobile: varchar('mobile', { length: 16 }),
    photoFileId: uuid('photo_file_id'),
    practiceCategory: varchar('practice_category', { length: 16 }).notNull(),
    practiceScope: varchar('practice_scope', { length: 64 }).notNull(),
    physicianLevel: varchar('physician_level', { length: 16 }),
    specialty: varchar('specialty', { length: 16 }),
    title: varchar('title', { length: 32 }),
    titleDate: date('title_date'),
    position: varchar('position', { length: 32 }),
    positionDate: date('position_date'),
    residentTrainee: boolean('resident_trainee'),
    licenseNumber: varchar('license_number', { length: 32 }).notNull(),
    licenseDate: date('license_date'),
    qualificationNumber: varchar('qualification_number', { length: 32 }).notNull(),
    qualificationDate: date('qualification_date'),
    firstRegistrationDate: date('first_registration_date'),
    transferredOutAt: timestamp('transferred_out_at', { withTimezone: true }),
    transferReason: varchar('transfer_reason', { length: 16 }),
    transferDetail: varchar('transfer_detail', { length: 200 }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('physicians_id_number_hash_uq').on(t.idNumberHash),
    index('physicians_institution_idx').on(t.institutionId, t.id),
    // Roster filters inside one institution; partial on the active roster (调离 rows are not listed).
    index('physicians_roster_name_idx').on(t.institutionId, t.name).where(sql`${t.transferredOutAt} is null`),
    index('physicians_roster_birth_idx').on(t.institutionId, t.birthDate).where(sql`${t.transferredOutAt} is null`),
    index('physicians_roster_registration_idx').on(t.institutionId, t.firstRegistrationDate).where(sql`${t.transferredOutAt} is null`),
    index('physicians_roster_department_idx').on(t.institutionId, t.departmentId).where(sql`${t.transferredOutAt} is null`),
    index('physicians_id_tail_idx').on(t.idNumberTailHash),
    // A jurisdiction's roster sorted by a column: walked in order and cut at the page, not sorted whole.
    index('physicians_sort_name_idx').on(t.name, t.id).where(sql`${t.transferredOutAt} is null`),
    index('physicians_sort_birth_idx').on(t.birthDate, t.id).where(sql`${t.transferredOutAt} is null`),
    index('physicians_sort_registration_idx').on(t.firstRegistrationDate, t.id).where(sql`${t.transferredOutAt} is null`),
    index('physicians_sort_license_idx').on(t.licenseDate, t.id).where(sql`${t.transferredOutAt} is null`),
  ],
);

/** 多点执业 / 多机构备案: other sites where the physician practises. */
export const physicianMultiSites = pgTable(
  'physician_multi_sites',
  {
    id: serial('id').primaryKey(),
    physicianId: integer('physician_id').notNull().references(() => physicians.id, { onDelete: 'cascade' }),
    institutionName: varchar('institution_name', { length: 128 }).notNull(),
    institutionId: integer('institution_id').references(() => institutions.id),
    departmentName: varchar('department_name', { length: 64 }),
  },
  (t) => [index('physician_multi_sites_physician_idx').on(t.physicianId)],
);

/** 教育经历 (大专及以上). */
export const physicianEducations = pgTable(
  'physician_educations',
  {
    id: serial('id').primaryKey(),
    physicianId: integer('physician_id').notNull().references(() => physicians.id, { onDelete: 'cascade' }),
    education: varchar('education', { length: 16 }).notNull(),
    school: varchar('school', { length: 128 }).notNull(),
    major: varchar('major', { length: 64 }),
    startDate: date('start_date'),
    endDate: date('end_date'),
  },
  (t) => [index('physician_educations_physician_idx').on(t.physicianId)],
);

/** 执业经历. */
export const physicianCareers = pgTable(
  'physician_careers',
  {
    id: serial('id').primaryKey(),
    physicianId: integer('physician_id').notNull().references(() => physicians.id, { onDelete: 'cascade' }),
    institutionName: varchar('institution_name', { length: 128 }).notNull(),
    title: varchar('title', { length: 32 }),
    startDate: date('start_date'),
    endDate: date('end_date'),
  },
  (t) => [index('physician_careers_physician_idx').on(t.physicianId)],
);
