import { pgTable, serial, varchar, integer, date, timestamp, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { institutions, departments } from './organizations.js';

/** A physician. 证件号码 is kept only encrypted, with an HMAC blind index for lookup and a masked copy for lists. */
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
    idNumberMasked: varchar('id_number_masked', { length: 32 }).notNull(),
    ethnicity: varchar('ethnicity', { length: 16 }),
    education: varchar('education', { length: 16 }),
    email: varchar('email', { length: 128 }),
    mobile: varchar('mobile', { length: 16 }),
    practiceCategory: varchar('practice_category', { length: 16 }).notNull(),
    practiceScope: varchar('practice_scope', { length: 64 }).notNull(),
    physicianLevel: varchar('physician_level', { length: 16 }).notNull(),
    specialty: varchar('specialty', { length: 16 }),
    title: varchar('title', { length: 32 }),
    licenseNumber: varchar('license_number', { length: 32 }).notNull(),
    licenseDate: date('license_date'),
    qualificationNumber: varchar('qualification_number', { length: 32 }).notNull(),
    qualificationDate: date('qualification_date'),
    firstRegistrationDate: date('first_registration_date'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('physicians_id_number_hash_uq').on(t.idNumberHash),
    index('physicians_institution_idx').on(t.institutionId, t.id),
  ],
);
