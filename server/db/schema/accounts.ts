import { sql } from 'drizzle-orm';
import { pgTable, serial, varchar, integer, boolean, timestamp, index, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { authorities, institutions } from './organizations.js';
import { physicians } from './physicians.js';

/**
 * A login. `loginName` is the 机构账号 / authority account; a physician logs in by 证件号码 (matched through
 * the physician's blind index). A null `passwordHash` means the province's initial password is in force.
 */
export const accounts = pgTable(
  'accounts',
  {
    id: serial('id').primaryKey(),
    kind: varchar('kind', { length: 16 }).notNull(),
    loginName: varchar('login_name', { length: 64 }),
    authorityId: integer('authority_id').references(() => authorities.id),
    institutionId: integer('institution_id').references(() => institutions.id),
    physicianId: integer('physician_id').references(() => physicians.id),
    passwordHash: varchar('password_hash', { length: 256 }),
    /** A physician's bound phone (for SMS password reset); cleared when the institution resets the password. */
    boundPhone: varchar('bound_phone', { length: 16 }),
    mustChangePassword: boolean('must_change_password').notNull().default(true),
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    disabled: boolean('disabled').notNull().default(false),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('accounts_login_name_uq').on(sql`lower(${t.loginName})`),
    uniqueIndex('accounts_physician_uq').on(t.physicianId),
    index('accounts_institution_idx').on(t.institutionId),
    index('accounts_authority_idx').on(t.authorityId),
  ],
);

/** Server-side sessions: the cookie carries a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: varchar('token_hash', { length: 64 }).primaryKey(),
    accountId: integer('account_id').notNull().references(() => accounts.id, { onDelete: 'cascade' }),
    role: varchar('role', { length: 16 }).notNull(),
    csrfToken: varchar('csrf_token', { length: 64 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    ip: varchar('ip', { length: 64 }),
    userAgent: varchar('user_agent', { length: 256 }),
  },
  (t) => [index('sessions_account_idx').on(t.accountId), index('sessions_last_seen_idx').on(t.lastSeenAt)],
);

/** Captcha answers, kept server-side so that any app instance can check them. */
export const captchas = pgTable(
  'captchas',
  {
    id: uuid('id').primaryKey(),
    answer: varchar('answer', { length: 16 }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('captchas_expires_idx').on(t.expiresAt)],
);
