import { z } from 'zod';
import { positionSchema } from '../auth/roles.js';
import { idSchema, requiredTextSchema, textSchema } from '../common/schema.js';
import { judgeKeySchema } from './presentation-schema.js';

/**
 * Live workshops (グループワーク): the API contract shared by server and web client. A facilitator
 * opens a workshop on a round; people join with a code, answer on their phones and watch the
 * anonymous spread; the facilitator walks the items, writes notes and agreed next moves, and locks it.
 */

/** Six characters a person can read off a projector and type: no 0/O, 1/I/L. */
export const workshopCodeAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const workshopCodeLength = 6;
export const workshopCodeSchema = z
  .string()
  .trim()
  .transform((s) => s.normalize('NFKC').toUpperCase().replace(/[\s-]/g, ''))
  .pipe(z.string().regex(new RegExp(`^[${workshopCodeAlphabet}]{${workshopCodeLength}}$`), { error: 'workshop.code' }));

export const workshopGroupings = ['position', 'table', 'assigned'] as const;
export const workshopGroupingSchema = z.enum(workshopGroupings);

/** Most tables a workshop is split into. */
export const maxTables = 40;
/** Longest note, next move or reason: a paragraph or two, not a document. */
export const maxNoteLength = 2000;

export const createWorkshopSchema = z.strictObject({
  roundId: idSchema,
  title: requiredTextSchema(100),
  grouping: workshopGroupingSchema,
  /** For grouping by table: how many tables (2 to 40). */
  tableCount: z.number().int().min(2).max(maxTables).optional(),
  /** For grouping by the facilitator: the names of the groups. */
  groupNames: z.array(requiredTextSchema(40)).min(2).max(maxTables).optional(),
  /** Only signed-in members of the organisation may join, each once (no invented participants). */
  requireAccount: z.boolean().default(false),
});
export type CreateWorkshopInput = z.input<typeof createWorkshopSchema>;

export const joinWorkshopSchema = z.strictObject({
  code: workshopCodeSchema,
  nickname: requiredTextSchema(30),
  position: positionSchema,
  departmentName: textSchema(100).optional(),
  /** The table number, when the workshop groups by table. */
  tableNumber: z.number().int().min(1).max(maxTables).optional(),
  /** At a presentation event, the judges' key makes this person a judge. */
  judgeKey: judgeKeySchema.optional(),
});
export type JoinWorkshopInput = z.input<typeof joinWorkshopSchema>;

export const answerSchema = z.strictObject({
  itemKey: z.string().min(1).max(64),
  /** 1-based level; null takes the answer back. */
  level: z.number().int().min(1).max(5).nullable(),
});

export const pollVoteSchema = z.strictObject({ itemKey: z.string().min(1).max(64) });

export const workshopControlSchema = z.strictObject({
  currentItemKey: z.string().min(1).max(64).nullable().optional(),
  /** Items whose spread participants see. */
  revealed: z.array(z.string().min(1).max(64)).max(200).optional(),
  pollOpen: z.boolean().optional(),
  status: z.enum(['open', 'locked']).optional(),
});
export type WorkshopControlInput = z.input<typeof workshopControlSchema>;

export const noteSchema = z.strictObject({
  /** 'all' for the whole workshop, or a group's id. */
  scope: z.union([z.literal('all'), idSchema]),
  itemKey: z.string().min(1).max(64),
  notes: textSchema(maxNoteLength).default(''),
  nextMove: textSchema(maxNoteLength).default(''),
  agreedLevel: z.number().int().min(1).max(5).nullable().default(null),
  agreedReason: textSchema(maxNoteLength).default(''),
});
export type NoteInput = z.input<typeof noteSchema>;

export const moveParticipantSchema = z.strictObject({ groupId: idSchema.nullable() });

const levelSchema = z.object({ label: z.string(), descriptor: z.string() });
export const workshopItemSchema = z.object({
  key: z.string(),
  title: z.string(),
  question: z.string().nullable(),
  sectionTitle: z.string(),
  levels: z.array(levelSchema),
});

export const workshopGroupSchema = z.object({ id: idSchema, key: z.string(), name: z.string() });

/**
 * The anonymous spread of one item: counts per level for everyone and per group, each null while
 * fewer than k people answered it (or when showing it would give away a withheld group). `n`, how
 * many answered, is null below k too: even that says who has not answered yet.
 */
export const itemTallySchema = z.object({
  itemKey: z.string(),
  overall: z.object({ n: z.number().int().nullable(), counts: z.array(z.number().int()).nullable() }),
  groups: z.array(
    z.object({ groupId: idSchema, n: z.number().int().nullable(), counts: z.array(z.number().int()).nullable() }),
  ),
});
export const workshopTallySchema = z.object({
  k: z.number().int(),
  /** When the server counted: every answer saved before this is in it. */
  computedAt: z.string(),
  participants: z.number().int(),
  items: z.array(itemTallySchema),
  /** The closing poll: votes per item, withheld (and how many voted) below k votes in all. */
  poll: z.object({
    n: z.number().int().nullable(),
    counts: z.array(z.object({ itemKey: z.string(), n: z.number().int() })).nullable(),
  }),
  /** Items whose spread participants may see when this was counted; their streams get no other. */
  revealed: z.array(z.string()),
  /**
   * On an anonymous round the tally moves k people at a time: how many answers and votes wait for
   * enough others before they count (never which or whose). Null on a named round, which is live.
   */
  waiting: z.number().int().nullable(),
});
export type WorkshopTally = z.infer<typeof workshopTallySchema>;

export const workshopNoteSchema = z.object({
  scope: z.string(),
  itemKey: z.string(),
  notes: z.string(),
  nextMove: z.string(),
  agreedLevel: z.number().int().nullable(),
  agreedReason: z.string(),
  updatedAt: z.string(),
});
export type WorkshopNote = z.infer<typeof workshopNoteSchema>;

/** What every screen of a workshop shows: its state, items, groups, notes and tally. */
export const workshopViewSchema = z.object({
  id: idSchema,
  title: z.string(),
  code: z.string(),
  roundTitle: z.string(),
  grouping: workshopGroupingSchema,
  status: z.enum(['open', 'locked']),
  currentItemKey: z.string().nullable(),
  revealed: z.array(z.string()),
  pollOpen: z.boolean(),
  items: z.array(workshopItemSchema),
  groups: z.array(workshopGroupSchema),
  notes: z.array(workshopNoteSchema),
  tally: workshopTallySchema,
  /** The last event this view includes: a live stream resumes after it. */
  lastEventId: z.number().int(),
});
export type WorkshopView = z.infer<typeof workshopViewSchema>;

/** A participant's own view: the workshop, who they are and their answers. */
export const participantViewSchema = workshopViewSchema.extend({
  me: z.object({
    id: idSchema,
    nickname: z.string(),
    position: positionSchema,
    groupId: idSchema.nullable(),
    answers: z.array(z.object({ itemKey: z.string(), level: z.number().int() })),
    pollItemKey: z.string().nullable(),
  }),
});
export type ParticipantView = z.infer<typeof participantViewSchema>;

/**
 * The facilitator's progress list: who is here and, on a named round, how many items each
 * answered (never which levels). On an anonymous round nobody's own progress is shown (null), only
 * how many answered each item: a name beside a count that rises as a spread moves would tell
 * that person's level.
 */
export const workshopProgressSchema = z.object({
  anonymous: z.boolean(),
  participants: z.array(
    z.object({
      id: idSchema,
      nickname: z.string(),
      position: positionSchema,
      groupId: idSchema.nullable(),
      answered: z.number().int().nullable(),
      voted: z.boolean().nullable(),
    }),
  ),
  answeredByItem: z.array(z.object({ itemKey: z.string(), n: z.number().int() })),
});
export type WorkshopProgress = z.infer<typeof workshopProgressSchema>;

/** A workshop on a round's sheet, or a presentation event (事例発表会) on the same machinery. */
export const workshopModes = ['sheet', 'presentations'] as const;
export const workshopModeSchema = z.enum(workshopModes);
export type WorkshopMode = z.infer<typeof workshopModeSchema>;

export const workshopSummarySchema = z.object({
  id: idSchema,
  mode: workshopModeSchema,
  title: z.string(),
  code: z.string(),
  /** The round a sheet workshop runs; null for a presentation event. */
  roundId: idSchema.nullable(),
  roundTitle: z.string().nullable(),
  status: z.enum(['open', 'locked']),
  participants: z.number().int(),
  createdAt: z.string(),
});
export const workshopListSchema = z.object({ workshops: z.array(workshopSummarySchema) });

/**
 * Draft action plans from a workshop: per group (and for everyone, scope 'all'), the items where it
 * agreed a next move, with the level it agreed and why. The plans feature adopts one as a team plan.
 */
export const workshopPlanDraftsSchema = z.object({
  drafts: z.array(
    z.object({
      scope: z.string(),
      groupName: z.string().nullable(),
      moves: z.array(
        z.object({
          itemKey: z.string(),
          itemTitle: z.string(),
          agreedLevel: z.number().int().nullable(),
          agreedReason: z.string(),
          nextMove: z.string(),
        }),
      ),
    }),
  ),
});

export const workshopExportQuerySchema = z.object({
  format: z.enum(['csv', 'xlsx']).default('csv'),
  lang: z.enum(['ja', 'en']).optional(),
});

/** Kinds of live events and what they carry. */
export type WorkshopEvent =
  | {
      id: number;
      kind: 'state';
      payload: Pick<WorkshopView, 'status' | 'currentItemKey' | 'revealed' | 'pollOpen' | 'groups'> & {
        /** Set when the facilitator moved someone: that person's stream follows them to the new group. */
        movedParticipantId?: string;
      };
    }
  | { id: number; kind: 'tally'; payload: WorkshopTally }
  | { id: number; kind: 'note'; payload: WorkshopNote }
  | { id: number; kind: 'progress'; payload: WorkshopProgress };

/** What a join form needs for a code: the title, the mode, how it groups and its tables. */
export const workshopLookupSchema = z.object({
  workshopId: idSchema,
  mode: workshopModeSchema,
  title: z.string(),
  grouping: workshopGroupingSchema,
  tables: z.array(z.number().int()),
  status: z.enum(['open', 'locked']),
  /** Only signed-in members of the organisation may join. */
  requireAccount: z.boolean(),
});
export type WorkshopLookup = z.infer<typeof workshopLookupSchema>;
