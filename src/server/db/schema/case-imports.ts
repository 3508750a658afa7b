import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './organizations.js';
import { users } from './users.js';

/**
 * A case list being imported: the file's header row and, once checked, the column mapping.
 * Its rows wait in case_import_rows until the commit copies them into kaizen_cases in one
 * statement; housekeeping removes what was left a day ago.
 */
export const caseImports = pgTable(
  'case_imports',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    /** xlsx, utf-8, utf-8-bom or shift_jis: what the file turned out to be. */
    format: text('format').notNull(),
    headers: jsonb('headers').$type<string[]>().notNull(),
    rowCount: integer('row_count').notNull(),
    /** The mapping the rows were last checked with (target field → column index). */
    mapping: jsonb('mapping').$type<Record<string, number>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_imports_created_idx').on(t.createdAt)],
);

/** One data row of an import: its cells as text and, once checked, the case it becomes or its problems. */
export const caseImportRows = pgTable(
  'case_import_rows',
  {
    importId: uuid('import_id')
      .notNull()
      .references(() => caseImports.id, { onDelete: 'cascade' }),
    /** 0-based among the data rows; the file's own row number is kept for messages. */
    position: integer('position').notNull(),
    rowNumber: integer('row_number').notNull(),
    cells: jsonb('cells').$type<string[]>().notNull(),
    /** The id the case gets at commit, chosen when the row is checked. */
    caseId: uuid('case_id'),
    sourceKey: text('source_key'),
    /** The checked values of the case (see case-import/rows.ts); null until checked or when it has errors. */
    prepared: jsonb('prepared'),
    errors: jsonb('errors'),
  },
  (t) => [primaryKey({ columns: [t.importId, t.position] })],
);
