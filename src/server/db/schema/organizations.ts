import { boolean, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind', { enum: ['municipality', 'npo', 'other'] }).notNull(),
    name: text('name').notNull(),
    nameKana: text('name_kana'),
    lgCode: text('lg_code'),
    prefectureCode: text('prefecture_code'),
    municipalityType: text('municipality_type', {
      enum: ['prefecture', 'designated_city', 'core_city', 'city', 'special_ward', 'town', 'village'],
    }),
    population: integer('population'),
    /** The NPO that runs the platform; its platform_admin members manage every organisation. */
    isPlatform: boolean('is_platform').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('organizations_lg_code_key').on(t.lgCode)],
);
