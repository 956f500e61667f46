import { sql } from 'drizzle-orm';
import { pgTable, serial, varchar, integer, text, timestamp, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { regions } from './regions.js';

/** 卫生行政部门: one per region, forming the tree province → city → district. */
export const authorities = pgTable(
  'authorities',
  {
    id: serial('id').primaryKey(),
    name: varchar('name', { length: 128 }).notNull(),
    regionCode: varchar('region_code', { length: 6 }).notNull().references(() => regions.code),
    contactPerson: varchar('contact_person', { length: 64 }),
    contactPhone: varchar('contact_phone', { length: 32 }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('authorities_region_uq').on(t.regionCode)],
);

/** 医疗卫生机构 with the fields of 本机构信息 (seed 004 slide 5). */
export const institutions = pgTable(
  'institutions',
  {
    id: serial('id').primaryKey(),
    name: varchar('name', { length: 128 }).notNull(),
    /** 管辖关系: the authority the institution answers to. */
    authorityId: integer('authority_id').notNull().references(() => authorities.id),
    regionCode: varchar('region_code', { length: 6 }).notNull().references(() => regions.code),
    street: varchar('street', { length: 200 }),
    type: varchar('type', { length: 24 }).notNull(),
    level: varchar('level', { length: 16 }).notNull(),
    grade: varchar('grade', { length: 16 }).notNull(),
    bedCount: integer('bed_count').notNull().default(0),
    physicianTotal: integer('physician_total').notNull().default(0),
    licensedPhysicianCount: integer('licensed_physician_count').notNull().default(0),
    assistantPhysicianCount: integer('assistant_physician_count').notNull().default(0),
    legalRepresentative: varchar('legal_representative', { length: 64 }),
    contactPerson: varchar('contact_person', { length: 64 }),
    contactPhone: varchar('contact_phone', { length: 32 }),
    mobile: varchar('mobile', { length: 16 }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('institutions_authority_idx').on(t.authorityId),
    index('institutions_region_idx').using('btree', sql`${t.regionCode} varchar_pattern_ops`),
  ],
);

/** 科室 with its 诊疗科目 codes. */
export const departments = pgTable(
  'departments',
  {
    id: serial('id').primaryKey(),
    institutionId: integer('institution_id').notNull().references(() => institutions.id),
    name: varchar('name', { length: 64 }).notNull(),
    status: varchar('status', { length: 16 }).notNull().default('enabled'),
    clinicalSubjects: text('clinical_subjects').array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('departments_institution_name_uq').on(t.institutionId, t.name)],
);
