import { sql } from 'drizzle-orm';
import { pgTable, serial, varchar, integer, date, timestamp, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { cycles } from './cycles.js';
import { enrolments } from './enrolments.js';
import { institutions } from './organizations.js';
import { physicians } from './physicians.js';

/**
 * 医师定期考核合格证书: one per enrolment completed 合格. The row is the truth (有效 / 已撤销); what the certificate
 * says is copied at issuance, so the PDF and the public 证书查验 read the same words whatever changes afterwards.
 * `number` = province code + the cycle's first year + a serial per (province, year): unique in the country.
 */
export const certificates = pgTable(
  'certificates',
  {
    id: serial('id').primaryKey(),
    number: varchar('number', { length: 24 }).notNull(),
    enrolmentId: integer('enrolment_id').notNull().references(() => enrolments.id),
    cycleId: integer('cycle_id').notNull().references(() => cycles.id),
    physicianId: integer('physician_id').notNull().references(() => physicians.id),
    /** The institution that held the enrolment when it completed: it finds the certificate in 历史考核结果查询. */
    institutionId: integer('institution_id').references(() => institutions.id),
    provinceCode: varchar('province_code', { length: 6 }).notNull(),
    name: varchar('name', { length: 64 }).notNull(),
    sex: varchar('sex', { length: 8 }).notNull(),
    idNumberMasked: varchar('id_number_masked', { length: 32 }).notNull(),
    practiceCategory: varchar('practice_category', { length: 16 }).notNull(),
    practiceScope: varchar('practice_scope', { length: 64 }).notNull(),
    physicianLevel: varchar('physician_level', { length: 16 }),
    institutionName: varchar('institution_name', { length: 128 }).notNull(),
    cycleName: varchar('cycle_name', { length: 64 }).notNull(),
    /** 发证机关: the provincial authority's name. */
    issuerName: varchar('issuer_name', { length: 128 }).notNull(),
    issuedOn: date('issued_on').notNull(),
    status: varchar('status', { length: 16 }).notNull().default('valid'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedReason: varchar('revoked_reason', { length: 200 }),
    revokedBy: integer('revoked_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('certificates_number_uq').on(t.number),
    uniqueIndex('certificates_enrolment_uq').on(t.enrolmentId),
    index('certificates_physician_idx').on(t.physicianId),
    index('certificates_cycle_institution_idx').on(t.cycleId, t.institutionId),
  ],
);

/** The last serial given per number prefix (province + year): incremented under the row's lock, so no two share one. */
export const certificateCounters = pgTable('certificate_counters', {
  prefix: varchar('prefix', { length: 16 }).primaryKey(),
  lastSerial: integer('last_serial').notNull().default(0),
});
