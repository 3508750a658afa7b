import { z } from 'zod';
import { idSchema, localeSchema } from '../common/schema.js';
import { caseMethodSchema, effectKindSchema, policyFieldSchema } from './case-schema.js';
import { sceneIdSchema } from './scene-grid.js';

/**
 * Statistics of one organisation's published kaizen cases in one fiscal year (年度, April to March):
 * where and when cases happen, who takes part, what they saved, which scenes nobody has tried yet,
 * and how the last five years compare. Drafts and cases under review are never counted.
 */

const fiscalYearSchema = z.coerce.number().int().min(2000).max(2100);

export const caseStatsQuerySchema = z.strictObject({
  /** Without it, the fiscal year of today in Japan. */
  fiscalYear: fiscalYearSchema.optional(),
});
export type CaseStatsQuery = z.infer<typeof caseStatsQuerySchema>;

export const caseStatsExportQuerySchema = caseStatsQuerySchema.extend({
  format: z.enum(['csv', 'xlsx']).default('csv'),
  /** The language of headings; without it, the request's Accept-Language. */
  lang: localeSchema.optional(),
});
export type CaseStatsExportQuery = z.infer<typeof caseStatsExportQuerySchema>;

/** How many years the trend looks back, the chosen year included. */
export const caseStatsTrendYears = 5;

const count = z.number().int().min(0);

export const caseStatsSchema = z.object({
  fiscalYear: z.number().int(),
  /** Fiscal years with at least one published case, newest first, for choosing a year. */
  yearsWithCases: z.array(z.number().int()),
  totalCases: count,
  /** By department, most cases first; `departmentId` null for cases without one. */
  byDepartment: z.array(z.object({ departmentId: idSchema.nullable(), departmentName: z.string().nullable(), count })),
  /** Always 12 entries, April of the fiscal year to March of the next calendar year. */
  byMonth: z.array(z.object({ year: z.number().int(), month: z.number().int().min(1).max(12), count })),
  /** Members who reported (alone or in a team) at least one case of the year, among today's members. */
  participation: z.object({ reporters: count, members: count }),
  /**
   * Every kind of effect in a fixed order. Sums leave out cases without a number; `other` has no
   * sums, as each such effect has its own unit.
   */
  effects: z.array(
    z.object({
      kind: effectKindSchema,
      cases: count,
      actual: z.number().nullable(),
      target: z.number().nullable(),
    }),
  ),
  /** All 12 scenes, zeros included: an empty cell is the next frontier. */
  scenes: z.array(z.object({ sceneId: sceneIdSchema, count })),
  /** Cases not placed on the grid. */
  unplacedCases: count,
  /** Every policy field (zeros included) and then `null` for cases without one, when there are any. */
  byPolicyField: z.array(z.object({ policyField: policyFieldSchema.nullable(), count })),
  byMethod: z.array(z.object({ method: caseMethodSchema.nullable(), count })),
  awards: z.array(
    z.object({ caseId: idSchema, title: z.string(), name: z.string(), departmentName: z.string().nullable() }),
  ),
  /** The chosen year and the four before it, oldest first. */
  trend: z.array(z.object({ fiscalYear: z.number().int(), count, hoursPerYear: z.number(), yenPerYear: z.number() })),
});
export type CaseStats = z.infer<typeof caseStatsSchema>;
