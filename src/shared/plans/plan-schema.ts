import { z } from 'zod';
import { sceneIdSchema } from '../cases/scene-grid.js';
import { daySchema, idSchema, requiredTextSchema, textSchema } from '../common/schema.js';

/**
 * Action plans (アクションプラン): the API contract shared by server and web client. A plan is
 * owned by a person or a team; its draft is edited freely and frozen as versions: the 時点版 when
 * presented, a revision after each follow-up (+6 and +12 months by default), and the 完成版.
 */

/** 攻め (new value) or 守り (efficient, safe operation). */
export const planAims = ['offense', 'defense'] as const;
export const planAimSchema = z.enum(planAims);

export const planVisibilities = ['private', 'facilitator', 'team', 'org'] as const;
export const planVisibilitySchema = z.enum(planVisibilities);
export type PlanVisibility = z.infer<typeof planVisibilitySchema>;

/**
 * A step's status: planned, under way, done; and at a follow-up what became of it: sustained
 * (定着), standardised (標準化, made the way of working), or abandoned (中止).
 */
export const stepStatuses = ['planned', 'in_progress', 'done', 'sustained', 'standardised', 'abandoned'] as const;
export const stepStatusSchema = z.enum(stepStatuses);
export type StepStatus = z.infer<typeof stepStatusSchema>;
/** The statuses a follow-up records for each step. */
export const followupStepStatuses = ['sustained', 'standardised', 'abandoned', 'in_progress', 'done'] as const;

export const maxSteps = 50;
export const maxSheetItems = 30;
/** Highest version number a request may name (a plan has a handful). */
const versionNumberSchema = z.coerce.number().int().min(1).max(10_000);

export const stepSchema = z.strictObject({
  /** Stable within the plan across versions (s1, s2…), so versions compare step by step. */
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  text: requiredTextSchema(300),
  /** Who does it: a name, or a role (e.g. 係長). */
  owner: textSchema(60).default(''),
  dueOn: daySchema.nullable().default(null),
  status: stepStatusSchema.default('planned'),
  /** Steps that must come first; they may not lead back to this one. */
  after: z.array(z.string()).max(10).default([]),
});
export type PlanStep = z.infer<typeof stepSchema>;

/** The four circles a plan means to move (the documents' four outcomes). */
export const involveSchema = z.strictObject({
  colleagues: textSchema(500).default(''),
  bosses: textSchema(500).default(''),
  executives: textSchema(500).default(''),
  hr: textSchema(500).default(''),
});

export const sheetItemLinkSchema = z.strictObject({
  itemKey: z.string().min(1).max(64),
  itemTitle: requiredTextSchema(200),
});

/** What a plan says; the draft and every version hold one. */
export const planContentSchema = z.strictObject({
  title: requiredTextSchema(100),
  /** e.g. 5年後に、自分の市で改善をリードする */
  goal: requiredTextSchema(500),
  aim: planAimSchema,
  startsOn: daySchema,
  steps: z.array(stepSchema).max(maxSteps).default([]),
  involve: involveSchema.default({ colleagues: '', bosses: '', executives: '', hr: '' }),
  sheetItems: z.array(sheetItemLinkSchema).max(maxSheetItems).default([]),
  scenes: z.array(sceneIdSchema).max(12).default([]),
});
export type PlanContent = z.infer<typeof planContentSchema>;
export type PlanContentInput = z.input<typeof planContentSchema>;

export const createPlanSchema = z.strictObject({
  ownerKind: z.enum(['person', 'team']).default('person'),
  /** A team plan's name (e.g. 市民課 窓口係). */
  teamName: textSchema(100).optional(),
  /** A team plan's people besides the one who keeps it (members of the organisation). */
  memberIds: z.array(idSchema).max(30).default([]),
  visibility: planVisibilitySchema.default('private'),
  facilitatorId: idSchema.nullable().default(null),
  followupMonths: z.array(z.number().int().min(1).max(36)).min(1).max(4).default([6, 12]),
  content: planContentSchema,
});
export type CreatePlanInput = z.input<typeof createPlanSchema>;

/** A team plan in one step from a workshop group's agreed next moves. */
export const planFromWorkshopSchema = z.strictObject({
  workshopId: idSchema,
  /** 'all', or the group's id. */
  scope: z.union([z.literal('all'), idSchema]),
});

/** When the plan was as the editor saw it: a save over someone else's later change is refused. */
const baseUpdatedAtSchema = z.iso.datetime({ offset: true }).optional();

export const updatePlanSchema = z.strictObject({
  baseUpdatedAt: baseUpdatedAtSchema,
  content: planContentSchema.optional(),
  teamName: textSchema(100).optional(),
  memberIds: z.array(idSchema).max(30).optional(),
  visibility: planVisibilitySchema.optional(),
  facilitatorId: idSchema.nullable().optional(),
  followupMonths: z.array(z.number().int().min(1).max(36)).min(1).max(4).optional(),
});
export type UpdatePlanInput = z.input<typeof updatePlanSchema>;

/** Freezes the draft: a 時点版 when presented, or the 完成版 (final; no follow-up after it). */
export const freezeSchema = z.strictObject({
  kind: z.enum(['snapshot', 'final']),
  /** Where or when it was presented, e.g. 第6回 発表会. */
  note: textSchema(200).default(''),
});

/** Only a version's note may change; its content is frozen. */
export const versionPatchSchema = z.strictObject({
  note: textSchema(200).optional(),
  content: z.unknown().optional(),
});

export const stepResultSchema = z.strictObject({
  stepId: z.string().min(1).max(40),
  status: z.enum(followupStepStatuses),
  comment: textSchema(300).default(''),
});
export type StepResult = z.infer<typeof stepResultSchema>;

/** A follow-up: what happened, the gap, each step's outcome, and the revised plan (the next version). */
export const followupInputSchema = z.strictObject({
  baseUpdatedAt: baseUpdatedAtSchema,
  happened: requiredTextSchema(2000),
  gap: textSchema(2000).default(''),
  revisionNote: textSchema(2000).default(''),
  stepResults: z.array(stepResultSchema).max(maxSteps).default([]),
  /** The plan as revised; it becomes the next version and the new draft. */
  revised: planContentSchema,
});
export type FollowupInput = z.input<typeof followupInputSchema>;

export const planCommentInputSchema = z.strictObject({
  body: requiredTextSchema(2000),
  versionNumber: z.number().int().min(1).max(10_000).nullable().default(null),
});

const personSchema = z.object({ id: idSchema, displayName: z.string() });

export const planVersionSummarySchema = z.object({
  number: z.number().int(),
  kind: z.enum(['snapshot', 'revision', 'final']),
  note: z.string(),
  frozenAt: z.string(),
  frozenBy: personSchema.nullable(),
});

export const planVersionSchema = planVersionSummarySchema.extend({ content: planContentSchema });
export type PlanVersion = z.infer<typeof planVersionSchema>;

export const followupSchema = z.object({
  id: idSchema,
  sequence: z.number().int(),
  months: z.number().int(),
  dueOn: z.string(),
  status: z.enum(['scheduled', 'done', 'cancelled']),
  happened: z.string(),
  gap: z.string(),
  revisionNote: z.string(),
  stepResults: z.array(stepResultSchema),
  reviewedVersion: z.number().int().nullable(),
  resultVersion: z.number().int().nullable(),
  doneAt: z.string().nullable(),
  doneBy: personSchema.nullable(),
});
export type Followup = z.infer<typeof followupSchema>;

export const planCommentSchema = z.object({
  id: idSchema,
  versionNumber: z.number().int().nullable(),
  author: personSchema.nullable(),
  body: z.string(),
  createdAt: z.string(),
});

/** A version's number in a path. */
export const versionNumberParamSchema = versionNumberSchema;

export const planSummarySchema = z.object({
  id: idSchema,
  orgId: idSchema,
  orgName: z.string(),
  title: z.string(),
  ownerKind: z.enum(['person', 'team']),
  owner: personSchema,
  teamName: z.string().nullable(),
  visibility: planVisibilitySchema,
  status: z.enum(['draft', 'presented', 'final']),
  versions: z.number().int(),
  /** The next scheduled follow-up's day, if any. */
  nextFollowupOn: z.string().nullable(),
  /** Steps past their day and not done. */
  overdueSteps: z.number().int(),
  updatedAt: z.string(),
});
export type PlanSummary = z.infer<typeof planSummarySchema>;

export const planListSchema = z.object({ plans: z.array(planSummarySchema) });

export const planListQuerySchema = z.object({
  /** mine: plans I own or am in; shared: plans others let me see in this organisation. */
  scope: z.enum(['mine', 'shared']).default('mine'),
});

/** A plan with its draft, every version's summary, follow-ups, comments, and what the caller may do. */
export const planDetailSchema = planSummarySchema.extend({
  draft: planContentSchema,
  members: z.array(personSchema),
  facilitator: personSchema.nullable(),
  followupMonths: z.array(z.number().int()),
  versionList: z.array(planVersionSummarySchema),
  followups: z.array(followupSchema),
  comments: z.array(planCommentSchema),
  sourceWorkshop: z.object({ id: idSchema, title: z.string(), scope: z.string() }).nullable(),
  /** Every step id the draft or any version has used: a new step takes another, so versions compare. */
  usedStepIds: z.array(z.string()),
  can: z.object({ edit: z.boolean(), comment: z.boolean() }),
  createdAt: z.string(),
});
export type PlanDetail = z.infer<typeof planDetailSchema>;

/** One difference between two versions, for a side-by-side view with the changes marked. */
export const planChangeSchema = z.object({
  /** goal, aim, title, startsOn, involve.bosses, sheetItems, scenes, or steps.<id>.<field> */
  path: z.string(),
  kind: z.enum(['added', 'removed', 'changed']),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type PlanChange = z.infer<typeof planChangeSchema>;

export const planCompareSchema = z.object({
  from: planVersionSchema,
  /** The later version, or the current draft: then `number` is 0. */
  to: planVersionSchema,
  changes: z.array(planChangeSchema),
});
export type PlanCompare = z.infer<typeof planCompareSchema>;

export const planCompareQuerySchema = z.object({
  /** A version number; the first by default. */
  from: versionNumberSchema.default(1),
  /** A version number, or omitted for the current draft. */
  to: versionNumberSchema.optional(),
});

/** Plans shared with me as a facilitator, across the organisations I support. */
export const facilitatedPlansSchema = z.object({ plans: z.array(planSummarySchema) });

/** Days before a follow-up when its reminder goes out. */
export const followupReminderDays = 7;
