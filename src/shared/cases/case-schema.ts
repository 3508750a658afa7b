import { z } from 'zod';
import { daySchema, idSchema, requiredTextSchema, textSchema } from '../common/schema.js';
import { municipalityTypeSchema } from '../orgs/schema.js';
import { resultsQuerySchema } from '../sheets/round-schema.js';
import { sceneIdSchema } from './scene-grid.js';

/**
 * Kaizen cases (カイゼン事例): the API contract shared by server and web client. A case is
 * reported by one person or a team, goes through review (draft → submitted → returned /
 * approved → published), and is read inside its organisation, across member organisations, or
 * by anyone, depending on its sharing.
 */

export const caseStatuses = ['draft', 'submitted', 'returned', 'approved', 'published'] as const;
export const caseStatusSchema = z.enum(caseStatuses);
export type CaseStatus = z.infer<typeof caseStatusSchema>;

/** org: inside the organisation; network: every member organisation; public: anyone, without login. */
export const caseSharings = ['org', 'network', 'public'] as const;
export const caseSharingSchema = z.enum(caseSharings);
export type CaseSharing = z.infer<typeof caseSharingSchema>;

/** やめる / へらす / かえる / ICT: the four ways of changing work that case lists use. */
export const caseMethods = ['stop', 'reduce', 'change', 'ict'] as const;
export const caseMethodSchema = z.enum(caseMethods);
export type CaseMethod = z.infer<typeof caseMethodSchema>;

/** 分野: the policy field a case belongs to. */
export const policyFields = [
  'counter',
  'ict',
  'facilities',
  'collaboration',
  'private_sector',
  'revenue',
  'internal_affairs',
  'welfare',
  'disaster',
  'environment',
  'other',
] as const;
export const policyFieldSchema = z.enum(policyFields);
export type PolicyField = z.infer<typeof policyFieldSchema>;

/** Kinds of measured effect, each with the unit people compare across cities. */
export const effectKinds = [
  'hours_per_year',
  'yen_per_year',
  'paper_sheets',
  'waiting_minutes',
  'satisfaction',
  'other',
] as const;
export const effectKindSchema = z.enum(effectKinds);
export type EffectKind = z.infer<typeof effectKindSchema>;

/** Fields a reporter may mark internal: they are left out of every copy read outside the organisation. */
export const internalFieldNames = [
  'problem',
  'action',
  'result',
  'remaining',
  'cost',
  'effects',
  'attachments',
  'department',
  'reporters',
] as const;
export const internalFieldSchema = z.enum(internalFieldNames);
export type InternalField = z.infer<typeof internalFieldSchema>;

const amountSchema = z.number().finite().min(-1e12).max(1e12);

export const caseEffectInputSchema = z.strictObject({
  kind: effectKindSchema,
  /** What was measured, in the reporter's words (required for `other`). */
  label: textSchema(60).nullish(),
  /** A unit for `other` (e.g. 件, 人); the other kinds have their own. */
  unit: textSchema(20).nullish(),
  target: amountSchema.nullish(),
  actual: amountSchema.nullish(),
  note: textSchema(200).nullish(),
});
export type CaseEffectInput = z.infer<typeof caseEffectInputSchema>;

export const caseInputSchema = z.strictObject({
  title: requiredTextSchema(100),
  problem: textSchema(4000).default(''),
  action: textSchema(4000).default(''),
  result: textSchema(4000).default(''),
  remaining: textSchema(2000).default(''),
  costYen: z.number().int().min(0).max(1e12).nullish(),
  costNote: textSchema(200).nullish(),
  departmentId: idSchema.nullish(),
  happenedOn: daySchema,
  sceneId: sceneIdSchema.nullish(),
  policyField: policyFieldSchema.nullish(),
  method: caseMethodSchema.nullish(),
  sharing: caseSharingSchema.default('org'),
  internalFields: z.array(internalFieldSchema).max(internalFieldNames.length).default([]),
  tags: z.array(requiredTextSchema(30)).max(10).default([]),
  /** The team that reported it; the person saving is always one of them. */
  reporterIds: z.array(idSchema).max(20).default([]),
  effects: z.array(caseEffectInputSchema).max(10).default([]),
  adoptedFromId: idSchema.nullish(),
});
export type CaseInput = z.input<typeof caseInputSchema>;
export type ParsedCaseInput = z.infer<typeof caseInputSchema>;

export const caseEffectSchema = z.object({
  kind: effectKindSchema,
  label: z.string().nullable(),
  unit: z.string().nullable(),
  target: z.number().nullable(),
  actual: z.number().nullable(),
  note: z.string().nullable(),
});

export const caseOrgSchema = z.object({
  id: idSchema,
  name: z.string(),
  prefectureCode: z.string().nullable(),
  municipalityType: municipalityTypeSchema.nullable(),
  population: z.number().int().nullable(),
});

export const caseReviewSchema = z.object({
  action: z.enum(['submit', 'return', 'approve', 'publish', 'unpublish', 'comment']),
  comment: z.string().nullable(),
  actorName: z.string().nullable(),
  createdAt: z.string(),
});

/** before / after photos for the one-page presentation, other photos, or a document. */
export const attachmentRoles = ['before', 'after', 'photo', 'document'] as const;
export const attachmentRoleSchema = z.enum(attachmentRoles);
export type AttachmentRole = z.infer<typeof attachmentRoleSchema>;

/**
 * What a case may carry. The type is read from the file's first bytes, never from its name or
 * the type the browser declares; photos (before, after, photo) must be images.
 */
export const attachmentImageTypes = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const;
export const attachmentDocumentTypes = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
] as const;
export const attachmentLimits = { maxBytes: 10 * 1024 * 1024, maxPerCase: 10 } as const;

export const caseAttachmentSchema = z.object({
  id: idSchema,
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  role: attachmentRoleSchema,
  createdAt: z.string(),
});
export type CaseAttachment = z.infer<typeof caseAttachmentSchema>;

/** The form fields of an upload besides the file itself (multipart/form-data, field `file`). */
export const attachmentFieldsSchema = z.strictObject({
  /** Without it: photo for an image, document otherwise. */
  role: attachmentRoleSchema.optional(),
});

/** A case linked by adoption (横展開), as the caller may see it. */
export const caseLinkSchema = z.object({ id: idSchema, title: z.string(), orgName: z.string() });

/** A case as the caller may read it: fields marked internal are null outside its organisation. */
export const caseDetailSchema = z.object({
  id: idSchema,
  org: caseOrgSchema,
  status: caseStatusSchema,
  sharing: caseSharingSchema,
  title: z.string(),
  problem: z.string().nullable(),
  action: z.string().nullable(),
  result: z.string().nullable(),
  remaining: z.string().nullable(),
  costYen: z.number().nullable(),
  costNote: z.string().nullable(),
  departmentId: idSchema.nullable(),
  departmentName: z.string().nullable(),
  happenedOn: z.string(),
  fiscalYear: z.number().int(),
  sceneId: sceneIdSchema.nullable(),
  policyField: policyFieldSchema.nullable(),
  method: caseMethodSchema.nullable(),
  /** Only for the case's own organisation. */
  internalFields: z.array(internalFieldSchema).nullable(),
  tags: z.array(z.string()),
  reporters: z.array(z.object({ id: idSchema, displayName: z.string() })).nullable(),
  effects: z.array(caseEffectSchema).nullable(),
  attachments: z.array(caseAttachmentSchema).nullable(),
  adoptedFrom: z.object({ id: idSchema, title: z.string(), orgName: z.string() }).nullable(),
  /** Cases that took this one up (横展開), counted across organisations. */
  adoptionCount: z.number().int(),
  /** Up to 10 of the adopting cases the caller may read, newest first. */
  adoptedBy: z.array(caseLinkSchema).optional(),
  managerOpinion: z.string().nullable(),
  awards: z.array(z.object({ fiscalYear: z.number().int(), name: z.string() })),
  reviews: z.array(caseReviewSchema).nullable(),
  submittedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** What the caller may do with it, so the UI offers only that. */
  can: z.object({
    edit: z.boolean(),
    submit: z.boolean(),
    review: z.boolean(),
    publish: z.boolean(),
    award: z.boolean(),
  }),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

export const reviewActionSchema = z.strictObject({
  action: z.enum(['submit', 'return', 'approve', 'publish', 'unpublish', 'comment']),
  comment: textSchema(2000).nullish(),
  /** 所属長の意見, given with an approval. */
  managerOpinion: textSchema(2000).nullish(),
});
export type ReviewActionInput = z.infer<typeof reviewActionSchema>;

export const awardInputSchema = z.strictObject({
  fiscalYear: z.number().int().min(2000).max(2100),
  name: requiredTextSchema(60),
});

/** Population bands for "cities like mine", in people. */
export const populationBands = ['under_10k', '10k_50k', '50k_100k', '100k_300k', '300k_1m', 'over_1m'] as const;
export const populationBandSchema = z.enum(populationBands);
export type PopulationBand = z.infer<typeof populationBandSchema>;

export const caseSorts = ['relevance', 'date', 'hours', 'yen'] as const;

export const caseSearchQuerySchema = z.object({
  /** Free text; punctuation alone or nothing lists every case the caller may see. */
  q: z.string().max(10_000).optional(),
  /** own: this organisation's cases in any status the caller may see; others: other organisations' shared cases. */
  from: z.enum(['all', 'own', 'others']).default('all'),
  status: caseStatusSchema.optional(),
  /** One organisation's cases (among those the caller may see). */
  orgId: idSchema.optional(),
  /** One department of the caller's own organisation. */
  departmentId: idSchema.optional(),
  sceneId: sceneIdSchema.optional(),
  policyField: policyFieldSchema.optional(),
  method: caseMethodSchema.optional(),
  municipalityType: municipalityTypeSchema.optional(),
  prefectureCode: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  populationBand: populationBandSchema.optional(),
  fiscalYear: z.coerce.number().int().min(2000).max(2100).optional(),
  tag: z.string().max(30).optional(),
  effectKind: effectKindSchema.optional(),
  sort: z.enum(caseSorts).default('relevance'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});
export type CaseSearchQuery = z.infer<typeof caseSearchQuerySchema>;

export const snippetPartSchema = z.object({ text: z.string(), highlight: z.boolean() });

export const caseHitSchema = z.object({
  id: idSchema,
  title: z.string(),
  titleParts: z.array(snippetPartSchema),
  snippet: z.array(snippetPartSchema),
  orgId: idSchema,
  orgName: z.string(),
  status: caseStatusSchema,
  sharing: caseSharingSchema,
  happenedOn: z.string(),
  fiscalYear: z.number().int(),
  sceneId: sceneIdSchema.nullable(),
  policyField: policyFieldSchema.nullable(),
  method: caseMethodSchema.nullable(),
  departmentName: z.string().nullable(),
  hoursPerYear: z.number().nullable(),
  yenPerYear: z.number().nullable(),
});

const facetSchema = z.array(z.object({ value: z.string(), count: z.number().int() }));

export const caseSearchResultSchema = z.object({
  total: z.number().int(),
  hits: z.array(caseHitSchema),
  /** Counts over the whole match for each facet, with the other filters applied. */
  facets: z.object({
    sceneId: facetSchema,
    policyField: facetSchema,
    method: facetSchema,
    fiscalYear: facetSchema,
    municipalityType: facetSchema,
    prefectureCode: facetSchema,
    populationBand: facetSchema,
    org: z.array(z.object({ value: z.string(), label: z.string(), count: z.number().int() })),
    /** Departments of the caller's own organisation; empty for readers without one. */
    department: z.array(z.object({ value: z.string(), label: z.string(), count: z.number().int() })),
    tag: facetSchema,
    effectKind: facetSchema,
  }),
  /** The terms the query was cut into, for "no results" advice. */
  terms: z.array(z.string()),
  /**
   * Set when the match is too broad to count exactly at interactive speed: `total` and the
   * facet counts are estimates from a uniform sample (shown as 約), and a relevance or effect
   * ordering ranks the `sampled` cases of that sample; newest-first ordering stays exact.
   */
  estimate: z.object({ total: z.boolean(), facets: z.boolean(), sampled: z.number().int().nullable() }).nullable(),
});
export type CaseSearchResult = z.infer<typeof caseSearchResultSchema>;

/** Search over public published cases, for people without login: no `from` or `status`. */
export const publicCaseSearchQuerySchema = caseSearchQuerySchema.omit({ from: true, status: true, departmentId: true });
export type PublicCaseSearchQuery = z.infer<typeof publicCaseSearchQuerySchema>;

export const similarCasesQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(20).default(5) });

/** Cases like one case: the most shared words first; no highlights, as there is no query. */
export const similarCasesSchema = z.object({ hits: z.array(caseHitSchema) });
export type SimilarCases = z.infer<typeof similarCasesSchema>;

export const caseSuggestionsQuerySchema = resultsQuerySchema.omit({ compareTo: true });

/**
 * Cases for the weakest items of a step-up sheet round. `basis` says whose levels chose the items:
 * the group's medians, the caller's own answers when the group is withheld, or null when there are
 * neither; `reason` says why the group's medians were not used.
 */
export const caseSuggestionsSchema = z.object({
  roundId: idSchema,
  basis: z.enum(['group', 'mine']).nullable(),
  reason: z.enum(['below_threshold', 'protects_others', 'round_open', 'no_answers']).nullable(),
  items: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      /** The group's median (or the caller's own level) that made it one of the weakest. */
      level: z.number(),
      levelCount: z.number().int(),
      cases: z.array(caseHitSchema),
    }),
  ),
});
export type CaseSuggestions = z.infer<typeof caseSuggestionsSchema>;

/** A search's cases as a file: the same filters and order, without paging. */
export const caseExportQuerySchema = caseSearchQuerySchema.omit({ limit: true, offset: true }).extend({
  format: z.enum(['csv', 'xlsx']).default('csv'),
  lang: z.enum(['ja', 'en']).optional(),
});
export type CaseExportQuery = Omit<z.infer<typeof caseExportQuerySchema>, 'lang'>;
