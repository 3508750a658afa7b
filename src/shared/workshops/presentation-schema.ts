import { z } from 'zod';
import { positionSchema } from '../auth/roles.js';
import { idSchema, requiredTextSchema, textSchema } from '../common/schema.js';

/**
 * Presentation events (事例発表会): the workshop machinery (join code, participants' cookies, live
 * events, lock) run as a kaizen case meeting. A facilitator sets a programme of timed
 * presentations; the audience comments live and votes for its favourite; judges score each
 * presentation on a few criteria; the results are announced at the end.
 */

/** Most presentations in one event, criteria judges score, and the highest score per criterion. */
export const maxPresentations = 40;
export const maxCriteria = 6;
export const maxScore = 5;
/** Longest audience comment: a sentence or two, as on a projected comment wall. */
export const maxCommentLength = 200;

/** The criteria a new event starts with, as Japanese kaizen award judging usually has them. */
export const defaultCriteria = {
  ja: ['効果', '創意工夫', '横展開のしやすさ', '発表のわかりやすさ'],
  en: ['Effect', 'Ingenuity', 'Ease of spreading', 'Clarity of the talk'],
} as const;

export const presentationInputSchema = z.strictObject({
  /** Set for a presentation already in the programme; absent for a new one. */
  id: idSchema.optional(),
  title: requiredTextSchema(100),
  /** Who presents: a team, a department or a person's name. */
  presenter: requiredTextSchema(100),
  /** The kaizen case presented, when there is one in the library. */
  caseId: idSchema.nullable().default(null),
});
export type PresentationInput = z.input<typeof presentationInputSchema>;

export const createPresentationEventSchema = z.strictObject({
  title: requiredTextSchema(100),
  /** Minutes each presenter has: the projector counts them down. */
  minutes: z.number().int().min(1).max(60).default(5),
  criteria: z.array(requiredTextSchema(30)).min(1).max(maxCriteria),
  presentations: z.array(presentationInputSchema).min(1).max(maxPresentations),
});
export type CreatePresentationEventInput = z.input<typeof createPresentationEventSchema>;

/** The programme as a whole, in its new order; presentations left out are removed. */
export const programmeSchema = z.strictObject({
  presentations: z.array(presentationInputSchema).min(1).max(maxPresentations),
});

export const presentationControlSchema = z.strictObject({
  /** The presentation on stage; null before the first. */
  currentPresentationId: idSchema.nullable().optional(),
  /** Start (or restart) the current presenter's time, or stop it. */
  timer: z.enum(['start', 'stop']).optional(),
  /** Whether the audience vote takes votes. */
  voteOpen: z.boolean().optional(),
  /** Announces the results to every screen; final, and it closes the vote and the scoring. */
  resultsPublished: z.literal(true).optional(),
  status: z.enum(['open', 'locked']).optional(),
});
export type PresentationControlInput = z.input<typeof presentationControlSchema>;

export const commentInputSchema = z.strictObject({
  presentationId: idSchema,
  body: requiredTextSchema(maxCommentLength),
  /** Post without one's nickname: then nobody, the facilitator included, can see who wrote it. */
  anonymous: z.boolean().default(false),
});
export type CommentInput = z.input<typeof commentInputSchema>;

export const hideCommentSchema = z.strictObject({ hidden: z.boolean() });

export const scoreInputSchema = z.strictObject({
  presentationId: idSchema,
  /** Points per criterion key, 1 to 5; every criterion is scored. */
  scores: z.record(z.string().min(1).max(16), z.number().int().min(1).max(maxScore)),
  comment: textSchema(maxCommentLength * 2).default(''),
});
export type ScoreInput = z.input<typeof scoreInputSchema>;

export const eventVoteSchema = z.strictObject({ presentationId: idSchema });

export const criterionSchema = z.object({ key: z.string(), label: z.string() });

export const presentationSchema = z.object({
  id: idSchema,
  title: z.string(),
  presenter: z.string(),
  caseId: idSchema.nullable(),
  /** When the presenter's time started and stopped; the countdown is derived from these. */
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
});
export type Presentation = z.infer<typeof presentationSchema>;

export const eventCommentSchema = z.object({
  id: idSchema,
  presentationId: idSchema,
  /** The writer's nickname; null when posted anonymously. */
  author: z.string().nullable(),
  /** Empty for a participant when the facilitator has hidden it. */
  body: z.string(),
  hidden: z.boolean(),
  createdAt: z.string(),
});
export type EventComment = z.infer<typeof eventCommentSchema>;

/** The results: judges' average total and per-criterion averages, the audience vote, and ranks. */
export const eventResultsSchema = z.object({
  judges: z.number().int(),
  votes: z.number().int(),
  maxTotal: z.number().int(),
  presentations: z.array(
    z.object({
      presentationId: idSchema,
      title: z.string(),
      presenter: z.string(),
      /** How many judges scored it. */
      scoredBy: z.number().int(),
      /** The mean of the judges' totals, to one decimal; null before anyone scored it. */
      average: z.number().nullable(),
      criteria: z.array(z.object({ key: z.string(), average: z.number().nullable() })),
      /** 1 for the best average (ties share a rank); null when unscored. */
      rank: z.number().int().nullable(),
      votes: z.number().int(),
      /** 1 for the most votes (ties share a rank); null with no votes. */
      voteRank: z.number().int().nullable(),
    }),
  ),
});
export type EventResults = z.infer<typeof eventResultsSchema>;

/** What the live streams carry of the event's state; every screen follows it. */
export const eventStateSchema = z.object({
  status: z.enum(['open', 'locked']),
  currentPresentationId: idSchema.nullable(),
  voteOpen: z.boolean(),
  resultsPublished: z.boolean(),
  presentations: z.array(presentationSchema),
});
export type EventState = z.infer<typeof eventStateSchema>;

/** Who is here: the audience, the judges, and how many have voted. */
export const eventCountsSchema = z.object({
  audience: z.number().int(),
  judges: z.number().int(),
  voted: z.number().int(),
});
export type EventCounts = z.infer<typeof eventCountsSchema>;

/** The view every screen starts from; the projector and phones receive no results before they are announced. */
export const presentationEventViewSchema = eventStateSchema.extend({
  id: idSchema,
  title: z.string(),
  code: z.string(),
  minutes: z.number().int(),
  criteria: z.array(criterionSchema),
  comments: z.array(eventCommentSchema),
  counts: eventCountsSchema,
  results: eventResultsSchema.nullable(),
  /** The server's clock when this was read, so a countdown on a phone with a wrong clock is right. */
  serverNow: z.string(),
  lastEventId: z.number().int(),
});
export type PresentationEventView = z.infer<typeof presentationEventViewSchema>;

/** The facilitator's view: also the judges' key, how many judges scored each presentation, and the results so far. */
export const facilitatorEventViewSchema = presentationEventViewSchema.extend({
  judgeKey: z.string(),
  scoring: z.array(z.object({ presentationId: idSchema, scoredBy: z.number().int() })),
});
export type FacilitatorEventView = z.infer<typeof facilitatorEventViewSchema>;

/** A participant's view: the event and who they are, with their own vote and (for a judge) scores. */
export const eventParticipantViewSchema = presentationEventViewSchema.extend({
  me: z.object({
    id: idSchema,
    nickname: z.string(),
    position: positionSchema,
    role: z.enum(['audience', 'judge']),
    votePresentationId: idSchema.nullable(),
    scores: z.array(
      z.object({
        presentationId: idSchema,
        scores: z.record(z.string(), z.number().int()),
        comment: z.string(),
      }),
    ),
  }),
});
export type EventParticipantView = z.infer<typeof eventParticipantViewSchema>;

/** The judges' key: a second code, given to judges only, that makes someone joining a judge. */
export const judgeKeyLength = 8;
export const judgeKeySchema = z
  .string()
  .trim()
  .transform((s) => s.normalize('NFKC').toUpperCase().replace(/[\s-]/g, ''))
  .pipe(z.string().regex(new RegExp(`^[A-Z0-9]{${judgeKeyLength}}$`), { error: 'event.judge_key' }));

/** Kinds of live events of a presentation event and what they carry. */
export type PresentationLiveEvent =
  | { id: number; kind: 'event-state'; payload: EventState }
  | { id: number; kind: 'comment'; payload: EventComment }
  | { id: number; kind: 'counts'; payload: EventCounts }
  | { id: number; kind: 'scoring'; payload: FacilitatorEventView['scoring'] }
  | { id: number; kind: 'results'; payload: EventResults };
