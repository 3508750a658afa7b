import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { SheetTemplate } from '../../../shared/sheets/template-schema.js';
import { organizations } from './organizations.js';
import { users } from './users.js';

/** A step-up sheet template of one organisation; its content lives in immutable versions. */
export const sheetTemplates = pgTable(
  'sheet_templates',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    /** The sample it was copied from, when it was. */
    sourceSampleKey: text('source_sample_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('sheet_templates_org_key_key').on(t.orgId, t.key)],
);

/** One version of a template. Never updated: editing makes the next version, so answers keep their questions. */
export const sheetTemplateVersions = pgTable(
  'sheet_template_versions',
  {
    id: uuid('id').primaryKey(),
    templateId: uuid('template_id')
      .notNull()
      .references(() => sheetTemplates.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    content: jsonb('content').$type<SheetTemplate>().notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('sheet_template_versions_template_version_key').on(t.templateId, t.version),
    index('sheet_template_versions_org_idx').on(t.orgId),
  ],
);
