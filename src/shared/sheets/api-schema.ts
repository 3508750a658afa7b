import { z } from 'zod';
import { idSchema } from '../common/schema.js';
import { sheetEditionSchema, sheetKeySchema, sheetTemplateSchema, sheetVariantSchema } from './template-schema.js';

/** A template as listed: what it is, and its newest version. */
export const sheetTemplateSummarySchema = z.object({
  id: idSchema,
  key: z.string(),
  title: z.string(),
  edition: sheetEditionSchema,
  variant: sheetVariantSchema,
  itemCount: z.number().int(),
  latestVersion: z.number().int(),
  sourceSampleKey: z.string().nullable(),
  updatedAt: z.string(),
});
export type SheetTemplateSummary = z.infer<typeof sheetTemplateSummarySchema>;

export const sheetTemplateVersionSchema = z.object({
  templateId: idSchema,
  version: z.number().int(),
  content: sheetTemplateSchema,
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});

export const sheetSampleSchema = z.object({
  key: z.string(),
  title: z.string(),
  edition: sheetEditionSchema,
  variant: sheetVariantSchema,
  itemCount: z.number().int(),
  description: z.string().nullable(),
});

export const copySampleSchema = z.strictObject({ sampleKey: sheetKeySchema });

/** A template file's text, as YAML or JSON; a key the organisation already has becomes its next version. */
export const importTemplateSchema = z.strictObject({
  format: z.enum(['yaml', 'json']),
  text: z
    .string()
    .min(1)
    .max(256 * 1024),
});

export const exportFormatSchema = z.strictObject({ format: z.enum(['yaml', 'json']).default('yaml') });
