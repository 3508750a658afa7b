import {
  type AnyPgColumn,
  bigint,
  customType,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { departments } from './departments.js';
import { organizations } from './organizations.js';
import { users } from './users.js';

/** A tsvector written from our own tokens (features/cases/search-text.ts), never by a parser. */
const tsvector = customType<{ data: string; driverData: string }>({
  dataType: () => 'tsvector',
});

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** An organisation's own labels for the stages and change levels of the scene grid. */
export const sceneLabels = pgTable(
  'scene_labels',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    axis: text('axis', { enum: ['stage', 'level'] }).notNull(),
    key: text('key').notNull(),
    labelJa: text('label_ja').notNull(),
    labelEn: text('label_en').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.axis, t.key] })],
);

/** An organisation's own tags for cases (e.g. Smile / Smart / Speedy). */
export const caseTags = pgTable(
  'case_tags',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('case_tags_org_name_key').on(t.orgId, t.name)],
);

/**
 * A kaizen case (カイゼン事例): the problem before, what was done and the result after, placed on
 * the scene grid. It belongs to the organisation that reported it; sharing decides who else reads it.
 */
export const kaizenCases = pgTable(
  'kaizen_cases',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['draft', 'submitted', 'returned', 'approved', 'published'] }).notNull(),
    sharing: text('sharing', { enum: ['org', 'network', 'public'] }).notNull(),
    title: text('title').notNull(),
    problem: text('problem').notNull().default(''),
    action: text('action').notNull().default(''),
    result: text('result').notNull().default(''),
    remaining: text('remaining').notNull().default(''),
    costYen: bigint('cost_yen', { mode: 'number' }),
    costNote: text('cost_note'),
    departmentId: uuid('department_id').references(() => departments.id, { onDelete: 'set null' }),
    /** The department's name when the case was last saved, kept for shared copies and after a reorganisation. */
    departmentName: text('department_name'),
    happenedOn: date('happened_on').notNull(),
    /** 年度 of happenedOn (April to March), kept for facets and statistics. */
    fiscalYear: integer('fiscal_year').notNull(),
    sceneId: text('scene_id'),
    policyField: text('policy_field'),
    method: text('method', { enum: ['stop', 'reduce', 'change', 'ict'] }),
    /** Fields the reporter marked internal: left out of every copy read outside the organisation. */
    internalFields: text('internal_fields').array().notNull().default([]),
    adoptedFromId: uuid('adopted_from_id').references((): AnyPgColumn => kaizenCases.id, { onDelete: 'set null' }),
    /** 所属長の意見: the manager's opinion given on approval. */
    managerOpinion: text('manager_opinion'),
    /** An identifier from an imported list, so the same file imported twice adds nothing. */
    sourceKey: text('source_key'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Tokens of the fields everyone who may read the case sees; internal fields are not indexed. */
    searchVector: tsvector('search_vector').notNull(),
  },
  (t) => [
    index('kaizen_cases_org_status_idx').on(t.orgId, t.status),
    index('kaizen_cases_sharing_idx').on(t.sharing, t.status),
    index('kaizen_cases_search_idx').using('gin', t.searchVector),
    index('kaizen_cases_adopted_from_idx').on(t.adoptedFromId),
    /** Newest first over a broad match: walked in order, the text checked row by row. */
    index('kaizen_cases_happened_idx').on(t.happenedOn.desc(), t.id),
    uniqueIndex('kaizen_cases_org_source_key').on(t.orgId, t.sourceKey),
  ],
);

/** The people who reported a case: one, or a team. */
export const caseReporters = pgTable(
  'case_reporters',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => kaizenCases.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.userId] }), index('case_reporters_user_idx').on(t.userId)],
);

/** A measured effect of a case, as target and actual, in a unit people compare across cities. */
export const caseEffects = pgTable(
  'case_effects',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => kaizenCases.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    position: smallint('position').notNull(),
    kind: text('kind', {
      enum: ['hours_per_year', 'yen_per_year', 'paper_sheets', 'waiting_minutes', 'satisfaction', 'other'],
    }).notNull(),
    label: text('label'),
    unit: text('unit'),
    target: numeric('target', { mode: 'number' }),
    actual: numeric('actual', { mode: 'number' }),
    note: text('note'),
  },
  (t) => [index('case_effects_case_idx').on(t.caseId)],
);

export const caseTagLinks = pgTable(
  'case_tag_links',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => kaizenCases.id, { onDelete: 'cascade' }),
    tagId: uuid('tag_id')
      .notNull()
      .references(() => caseTags.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.tagId] }), index('case_tag_links_tag_idx').on(t.tagId)],
);

/** A photo or document of a case, kept in the database so it survives restarts and backups. */
export const caseAttachments = pgTable(
  'case_attachments',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => kaizenCases.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    /** before / after photo, or a document. */
    role: text('role', { enum: ['before', 'after', 'photo', 'document'] }).notNull(),
    content: bytea('content').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_attachments_case_idx').on(t.caseId)],
);

/** Each step of the review workflow with its comment: submitted, returned, approved, published. */
export const caseReviews = pgTable(
  'case_reviews',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => kaizenCases.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    action: text('action', { enum: ['submit', 'return', 'approve', 'publish', 'unpublish', 'comment'] }).notNull(),
    comment: text('comment'),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_reviews_case_idx').on(t.caseId)],
);

/** 表彰: a case recognised in a fiscal year under an award name. */
export const caseAwards = pgTable(
  'case_awards',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => kaizenCases.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    fiscalYear: integer('fiscal_year').notNull(),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('case_awards_case_year_name_key').on(t.caseId, t.fiscalYear, t.name)],
);
