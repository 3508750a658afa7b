import { z } from 'zod';
import { caseSharingSchema } from '../cases/case-schema.js';
import { idSchema } from '../common/schema.js';

/**
 * Bulk import of an existing case list (xlsx or CSV): upload → mapping and preview → checks in
 * batches → commit of every row or none. The API contract shared by server and web client.
 */

/** The fields of a case a column can fill; sourceId is the list's own number for a row, if it has one. */
export const importTargets = [
  'title',
  'problem',
  'action',
  'result',
  'remaining',
  'department',
  'happenedOn',
  'policyField',
  'method',
  'scene',
  'hoursPerYear',
  'yenPerYear',
  'costYen',
  'tags',
  'sourceId',
] as const;
export const importTargetSchema = z.enum(importTargets);
export type ImportTarget = z.infer<typeof importTargetSchema>;

/** Target field → the 0-based index of the column that fills it; a field left out stays empty. */
export const importMappingSchema = z
  .partialRecord(importTargetSchema, z.number().int().min(0).max(199))
  .refine((m) => m.title !== undefined && m.happenedOn !== undefined, { message: 'caseImport.mapping_required' });
export type ImportMapping = z.infer<typeof importMappingSchema>;

export const importFormats = ['xlsx', 'utf-8', 'utf-8-bom', 'shift_jis'] as const;

/** The largest list one import takes, in data rows. */
export const importLimits = { maxBytes: 20 * 1024 * 1024, maxRows: 20_000, maxBatch: 1000 } as const;

export const caseImportSchema = z.object({
  id: idSchema,
  fileName: z.string(),
  format: z.enum(importFormats),
  headers: z.array(z.string()),
  rowCount: z.number().int(),
  /** A mapping guessed from the header names. */
  mapping: z.partialRecord(importTargetSchema, z.number().int()),
  /** The first rows as text, for the preview. */
  preview: z.array(z.object({ row: z.number().int(), cells: z.array(z.string()) })),
});
export type CaseImport = z.infer<typeof caseImportSchema>;

/**
 * An import not yet committed, to come back to after a reload or a break: kept for a day. `checked`
 * rows were checked with the saved mapping; `started` is when the file was uploaded.
 */
export const unfinishedImportSchema = z.object({
  id: idSchema,
  fileName: z.string(),
  rowCount: z.number().int(),
  checked: z.number().int(),
  startedAt: z.string(),
  startedBy: z.string().nullable(),
});
export type UnfinishedImport = z.infer<typeof unfinishedImportSchema>;
export const unfinishedImportsSchema = z.object({ imports: z.array(unfinishedImportSchema) });
export type UnfinishedImports = z.infer<typeof unfinishedImportsSchema>;

export const validateBatchSchema = z.strictObject({
  mapping: importMappingSchema,
  offset: z.number().int().min(0),
  limit: z.number().int().min(1).max(importLimits.maxBatch).default(500),
});
export type ValidateBatchInput = z.input<typeof validateBatchSchema>;

/** A problem of one row: the row number as in the file and the column by its header name. */
export const rowErrorSchema = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  field: importTargetSchema.nullable(),
  code: z.string(),
  messages: z.object({ ja: z.string(), en: z.string() }),
});
export type RowError = z.infer<typeof rowErrorSchema>;

export const validateBatchResultSchema = z.object({
  checked: z.number().int(),
  rowCount: z.number().int(),
  /** Where the next batch starts; null after the last one. */
  nextOffset: z.number().int().nullable(),
  errors: z.array(rowErrorSchema),
});
export type ValidateBatchResult = z.infer<typeof validateBatchResultSchema>;

export const commitImportSchema = z.strictObject({
  /** published: the organisation's published cases; draft: drafts to review first. */
  status: z.enum(['published', 'draft']).default('published'),
  sharing: caseSharingSchema.default('org'),
});
export type CommitImportInput = z.input<typeof commitImportSchema>;

export const commitImportResultSchema = z.object({
  imported: z.number().int(),
  /** Rows already imported before (or twice in this file): nothing was added for them. */
  skipped: z.number().int(),
});
export type CommitImportResult = z.infer<typeof commitImportResultSchema>;
