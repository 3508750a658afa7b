import { z } from 'zod';
import { positionSchema } from '../auth/roles.js';
import { daySchema, idSchema, localeSchema, requiredTextSchema, textSchema } from '../common/schema.js';
import {
  localizedTitleSchema,
  sheetEditionSchema,
  sheetKeySchema,
  sheetTemplateSchema,
  sheetVariantSchema,
} from './template-schema.js';

/**
 * Rounds (実施), responses (回答) and results: the API contract shared by server and web client.
 * Dates of a round are calendar days in Japan: a round is open from the start of opensOn to the end
 * of closesOn (Asia/Tokyo), or until someone closes it early.
 */

/** The anonymity threshold k: an aggregate over fewer responses is withheld. */
export const minAnonymityThreshold = 2;
export const maxAnonymityThreshold = 50;
export const defaultAnonymityThreshold = 3;

export const roundScopeKinds = ['org', 'departments', 'cohort'] as const;
export const roundScopeKindSchema = z.enum(roundScopeKinds);
export type RoundScopeKind = z.infer<typeof roundScopeKindSchema>;

export const roundStatuses = ['scheduled', 'open', 'closed'] as const;
export type RoundStatus = (typeof roundStatuses)[number];

/** Where the person asking stands in the round. */
export const myRoundStatuses = ['not_eligible', 'not_started', 'draft', 'submitted'] as const;
export type MyRoundStatus = (typeof myRoundStatuses)[number];

/**
 * An id the caller picked from a list (a sheet, a department, a person): a malformed one gets a
 * sentence a person can act on instead of Zod's 「無効なUUID」. Same shape as idSchema.
 */
const chosenIdSchema = z.uuid({ error: 'id.format' });

export const roundSummarySchema = z.object({
  id: idSchema,
  title: z.string(),
  templateId: idSchema,
  templateKey: z.string(),
  templateTitle: localizedTitleSchema,
  version: z.number().int(),
  edition: sheetEditionSchema,
  variant: sheetVariantSchema,
  itemCount: z.number().int(),
  scopeKind: roundScopeKindSchema,
  /** For a departments scope: the chosen departments (each with everything below it). */
  departments: z.array(z.object({ id: idSchema, name: z.string() })),
  opensOn: z.string(),
  closesOn: z.string(),
  /** Set when someone closed the round before its close date. */
  closedAt: z.string().nullable(),
  status: z.enum(roundStatuses),
  anonymous: z.boolean(),
  anonymityThreshold: z.number().int(),
  /** Submitted responses (drafts do not count). */
  responseCount: z.number().int(),
  myStatus: z.enum(myRoundStatuses),
  createdAt: z.string(),
});
export type RoundSummary = z.infer<typeof roundSummarySchema>;

export const roundDetailSchema = roundSummarySchema.extend({
  content: sheetTemplateSchema,
  /** For people who manage sheets: the link anyone in scope can open to answer (cohorts: to join). */
  joinPath: z.string().nullable(),
  /** For people who manage sheets: how many people are in scope and how many were invited by e-mail. */
  eligibleCount: z.number().int().nullable(),
  invitedCount: z.number().int().nullable(),
  /** For a cohort scope and people who manage sheets: its participants. */
  participants: z.array(z.object({ userId: idSchema, displayName: z.string(), email: z.string() })).nullable(),
  /** The earlier round of the same template and scope that results compare with by default. */
  previousRoundId: idSchema.nullable(),
});
export type RoundDetail = z.infer<typeof roundDetailSchema>;

export const createRoundSchema = z
  .strictObject({
    title: requiredTextSchema(100),
    templateId: chosenIdSchema,
    // Bounded as in the template routes: past 2^31 the database's integer column fails the query.
    version: z
      .number()
      .int({ error: 'round.version_unknown' })
      .min(1, { error: 'round.version_unknown' })
      .max(100_000, { error: 'round.version_unknown' }),
    scopeKind: roundScopeKindSchema,
    departmentIds: z.array(chosenIdSchema).max(200).default([]),
    /** For a cohort scope: members of the organisation who take part (more can join by the link). */
    participantIds: z.array(chosenIdSchema).max(2000).default([]),
    opensOn: daySchema,
    closesOn: daySchema,
    anonymityThreshold: z
      .number({ error: 'round.threshold_range' })
      .int({ error: 'round.threshold_range' })
      .min(minAnonymityThreshold, { error: 'round.threshold_range' })
      .max(maxAnonymityThreshold, { error: 'round.threshold_range' })
      .default(defaultAnonymityThreshold),
    anonymous: z.boolean().default(true),
  })
  .refine((r) => r.closesOn >= r.opensOn, { path: ['closesOn'], message: 'round.closes_before_opens' })
  .refine((r) => r.scopeKind !== 'departments' || r.departmentIds.length > 0, {
    path: ['departmentIds'],
    message: 'round.departments_required',
  });
export type CreateRoundInput = z.input<typeof createRoundSchema>;

/** What can change after creation: the title, and the dates while that keeps the round sensible. */
export const updateRoundSchema = z.strictObject({
  title: requiredTextSchema(100).optional(),
  opensOn: daySchema.optional(),
  closesOn: daySchema.optional(),
});
export type UpdateRoundInput = z.infer<typeof updateRoundSchema>;

export const inviteToRoundSchema = z.strictObject({
  /** everyone in scope; those who have not submitted yet; or the listed addresses. */
  to: z.enum(['everyone', 'not_submitted', 'emails']),
  emails: z.array(z.string().trim().max(254)).max(500).default([]),
  message: textSchema(1000).optional(),
});
export type InviteToRoundInput = z.input<typeof inviteToRoundSchema>;

export const inviteToRoundResultSchema = z.object({
  sent: z.number().int(),
  /** Addresses not sent to, each with why: not a member of the organisation, or not in the round's scope. */
  skipped: z.array(z.object({ email: z.string(), reason: z.enum(['not_member', 'not_in_scope', 'invalid']) })),
});

export const joinRoundSchema = z.strictObject({ token: z.string().min(10).max(100) });

/** One item's answer: a level (1 = the lowest) and an optional comment; a draft may leave the level empty. */
export const answerSchema = z.strictObject({
  itemKey: sheetKeySchema,
  level: z
    .number()
    .int({ error: 'response.level_out_of_range' })
    .min(1, { error: 'response.level_out_of_range' })
    .max(5, { error: 'response.level_out_of_range' })
    .nullable(),
  comment: textSchema(1000).nullable().optional(),
});

export const saveResponseSchema = z.strictObject({
  position: positionSchema,
  departmentId: chosenIdSchema.nullable(),
  mostImportantItemKey: sheetKeySchema.nullable(),
  answers: z.array(answerSchema).max(60),
  /**
   * true submits the response: every item needs a level. A submitted response stays editable until the
   * round closes. Problems come back as field errors: `body.answers.<i>.level` / `.itemKey` for a given
   * answer, `body.items.<itemKey>` (response.level_required) for an item without a level.
   */
  submit: z.boolean().default(false),
});
export type SaveResponseInput = z.input<typeof saveResponseSchema>;

export const myResponseSchema = z.object({
  roundId: idSchema,
  status: z.enum(['draft', 'submitted']),
  position: positionSchema,
  departmentId: idSchema.nullable(),
  mostImportantItemKey: z.string().nullable(),
  answers: z.array(
    z.object({ itemKey: z.string(), level: z.number().int().nullable(), comment: z.string().nullable() }),
  ),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type MyResponse = z.infer<typeof myResponseSchema>;

/** The defaults a new response starts from: the person's position and department in the organisation. */
export const responseDefaultsSchema = z.object({
  position: positionSchema,
  departmentId: idSchema.nullable(),
  /** Departments a respondent may name: the round's scope, or all of the organisation's. */
  departments: z.array(z.object({ id: idSchema, name: z.string(), parentId: idSchema.nullable() })),
});

export const resultsQuerySchema = z.strictObject({
  departmentId: chosenIdSchema.optional(),
  position: positionSchema.optional(),
  /** An earlier round of the same template to compare with; without it, the previous round of the same scope. */
  compareTo: z.uuid({ error: 'round.compare_unknown' }).optional(),
});
export type ResultsQuery = z.infer<typeof resultsQuerySchema>;

/**
 * Why an aggregate is withheld: fewer than k responses in the group; publishing it would let someone
 * subtract it from a larger group and learn about fewer than k people; or an anonymous round is still
 * open (watching results change as one person submits would tell their answers).
 */
export const withheldReasonSchema = z.enum(['below_threshold', 'protects_others', 'round_open']);

const groupSchema = z.object({
  /** null when withheld: even the count of a small group is not shown. */
  responseCount: z.number().int().nullable(),
  withheld: z.boolean(),
  withheldReason: withheldReasonSchema.nullable(),
});

export const nextMoveSchema = z.object({ level: z.number().int(), label: z.string(), descriptor: z.string() });

export const itemResultSchema = z.object({
  key: z.string(),
  sectionKey: z.string(),
  title: z.string(),
  levelCount: z.number().int(),
  /** Responses per level, index 0 = level 1; null when the group is withheld. */
  distribution: z.array(z.number().int()).nullable(),
  median: z.number().nullable(),
  /** The asking person's own level in this round, when they answered. */
  mine: z.number().int().nullable(),
  /** The level above the group's median (or above mine when the group is withheld); null at the top. */
  nextMove: nextMoveSchema.nullable(),
  /** How many chose this item as the most important; null when withheld. */
  mostImportantCount: z.number().int().nullable(),
  /** The same item in the compared round, matched by item key; null when absent or withheld. */
  previous: z.object({ median: z.number(), distribution: z.array(z.number().int()) }).nullable(),
});
export type ItemResult = z.infer<typeof itemResultSchema>;

export const positionResultSchema = groupSchema.extend({
  position: positionSchema,
  /** Median per item, in the order of `items`; null when withheld. */
  medians: z.array(z.number().nullable()).nullable(),
});

export const positionGapSchema = z.object({
  itemKey: z.string(),
  high: z.object({ position: positionSchema, median: z.number() }),
  low: z.object({ position: positionSchema, median: z.number() }),
  gap: z.number(),
});

export const roundResultsSchema = z.object({
  roundId: idSchema,
  anonymityThreshold: z.number().int(),
  filter: z.object({ departmentId: idSchema.nullable(), position: positionSchema.nullable() }),
  group: groupSchema,
  items: z.array(itemResultSchema),
  /** Split by position (only without a filter): each shown only when its group may be. */
  positions: z.array(positionResultSchema),
  /** Items by the gap between the highest and lowest shown position medians, largest first. */
  gaps: z.array(positionGapSchema),
  compare: z
    .object({
      roundId: idSchema,
      title: z.string(),
      opensOn: z.string(),
      closesOn: z.string(),
      group: groupSchema,
    })
    .nullable(),
  /** Departments the asker may filter by, each marked when its aggregate is withheld. */
  departmentFilters: z.array(
    z.object({ id: idSchema, name: z.string(), parentId: idSchema.nullable(), withheld: z.boolean() }),
  ),
});
export type RoundResults = z.infer<typeof roundResultsSchema>;

/** The distribution across units, without their names and in no ranked order (no league tables). */
export const unitSpreadSchema = z.object({
  roundId: idSchema,
  anonymityThreshold: z.number().int(),
  /** Units with enough responses to be shown; how many were withheld. */
  shownUnits: z.number().int(),
  withheldUnits: z.number().int(),
  items: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      levelCount: z.number().int(),
      /** The shown units' medians, sorted ascending so no order hints at a unit. */
      unitMedians: z.array(z.number()),
    }),
  ),
});
export type UnitSpread = z.infer<typeof unitSpreadSchema>;

/** Without templateId: the template of the organisation's most recent round. */
export const unitTrendQuerySchema = z.strictObject({ templateId: chosenIdSchema.optional() });

/** One unit's own trend over the rounds of one template; never set beside other units. */
export const unitTrendSchema = z.object({
  departmentId: idSchema,
  /** The template the trend follows; null when the organisation has run no round yet. */
  templateId: idSchema.nullable(),
  departmentName: z.string(),
  items: z.array(z.object({ key: z.string(), title: z.string(), levelCount: z.number().int() })),
  rounds: z.array(
    z.object({
      roundId: idSchema,
      title: z.string(),
      opensOn: z.string(),
      closesOn: z.string(),
      group: groupSchema,
      /** Median per item in the order of `items`; null where withheld or the item was not asked. */
      medians: z.array(z.number().nullable()).nullable(),
    }),
  ),
});
export type UnitTrend = z.infer<typeof unitTrendSchema>;

/** Individual answers: only in a round declared named (non-anonymous) up front, for people who manage sheets. */
export const namedResponsesSchema = z.array(
  z.object({
    displayName: z.string(),
    position: positionSchema,
    departmentName: z.string().nullable(),
    mostImportantItemKey: z.string().nullable(),
    submittedAt: z.string().nullable(),
    answers: z.array(
      z.object({ itemKey: z.string(), level: z.number().int().nullable(), comment: z.string().nullable() }),
    ),
  }),
);

export const roundExportQuerySchema = z.strictObject({
  format: z.enum(['csv', 'xlsx']).default('csv'),
  /** group: the results as shown; mine: my own answers; responses: individual answers (named rounds only). */
  kind: z.enum(['group', 'mine', 'responses']).default('group'),
  departmentId: chosenIdSchema.optional(),
  position: positionSchema.optional(),
  /** The language of headings; without it, the request's Accept-Language. */
  lang: localeSchema.optional(),
});

/** A new version of a template, written in the editor. */
export const saveTemplateVersionSchema = z.strictObject({ content: z.unknown() });
