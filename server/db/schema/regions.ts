import { pgTable, varchar, index } from 'drizzle-orm/pg-core';

export const regions = pgTable(
  'regions',
  {
    code: varchar('code', { length: 6 }).primaryKey(),
    name: varchar('name', { length: 64 }).notNull(),
    parentCode: varchar('parent_code', { length: 6 }),
  },
  (t) => [index('regions_parent_idx').on(t.parentCode)],
);
