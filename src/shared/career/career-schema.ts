import { z } from 'zod';
import { sceneIdSchema } from '../cases/scene-grid.js';
import { daySchema, idSchema, requiredTextSchema, textSchema } from '../common/schema.js';

/**
 * The improvement career map (改善キャリアマップ): a person's improvement history, their own
 * kaizen cases (automatically) and entries they write (roles, projects, cross-boundary work,
 * seminars) on a timeline and the 12-scene grid, with a reflection per entry. It belongs to the
 * person: it survives transfers and moves with them to another organisation. Private by default,
 * shared with chosen facilitators for one-to-one support.
 */

export const careerEntryKinds = ['role', 'project', 'cross_boundary', 'seminar', 'other'] as const;
export const careerEntryKindSchema = z.enum(careerEntryKinds);
export type CareerEntryKind = z.infer<typeof careerEntryKindSchema>;

export const careerEntryInputSchema = z.strictObject({
  kind: careerEntryKindSchema,
  title: requiredTextSchema(100),
  description: textSchema(2000).default(''),
  startedOn: daySchema,
  endedOn: daySchema.nullable().default(null),
  orgName: textSchema(100).default(''),
  departmentName: textSchema(100).default(''),
  sceneId: sceneIdSchema.nullable().default(null),
  reflection: textSchema(2000).default(''),
});
export type CareerEntryInput = z.input<typeof careerEntryInputSchema>;

export const careerEntrySchema = z.object({
  id: idSchema,
  kind: careerEntryKindSchema,
  title: z.string(),
  description: z.string(),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  orgName: z.string(),
  departmentName: z.string(),
  sceneId: sceneIdSchema.nullable(),
  reflection: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CareerEntry = z.infer<typeof careerEntrySchema>;

/** A case the person reported (alone or in a team), in any organisation they were in. */
export const careerCaseSchema = z.object({
  id: idSchema,
  orgId: idSchema,
  orgName: z.string(),
  title: z.string(),
  happenedOn: z.string(),
  sceneId: sceneIdSchema.nullable(),
  departmentName: z.string().nullable(),
  status: z.enum(['approved', 'published']),
});
export type CareerCase = z.infer<typeof careerCaseSchema>;

export const careerShareSchema = z.object({
  facilitatorId: idSchema,
  displayName: z.string(),
  since: z.string(),
});

export const careerMapSchema = z.object({
  person: z.object({ id: idSchema, displayName: z.string() }),
  entries: z.array(careerEntrySchema),
  cases: z.array(careerCaseSchema),
  /** Facilitators who can read this map (only its owner sees this list). */
  shares: z.array(careerShareSchema),
});
export type CareerMap = z.infer<typeof careerMapSchema>;

/** Facilitators one may share with: facilitators of the organisations one belongs to. */
export const careerFacilitatorsSchema = z.object({
  facilitators: z.array(z.object({ id: idSchema, displayName: z.string(), orgNames: z.array(z.string()) })),
});

export const careerSharesInputSchema = z.strictObject({ facilitatorIds: z.array(idSchema).max(20) });

/** People who share their map with me as a facilitator. */
export const sharedCareerMapsSchema = z.object({
  people: z.array(z.object({ id: idSchema, displayName: z.string(), since: z.string() })),
});

export const careerExportQuerySchema = z.object({
  format: z.enum(['csv', 'xlsx', 'json']).default('csv'),
  lang: z.enum(['ja', 'en']).optional(),
});
