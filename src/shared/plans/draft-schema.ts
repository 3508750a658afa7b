import { z } from 'zod';
import { idSchema, textSchema } from '../common/schema.js';
import { sheetKeySchema } from '../sheets/template-schema.js';

/**
 * Next moves a person has carried out of a round's results, waiting to become an action plan.
 * The action plans feature adopts them; until then they are the person's own list to keep or drop.
 */
export const planDraftMoveSchema = z.object({
  id: idSchema,
  sourceKind: z.enum(['sheet_round', 'workshop']),
  roundId: idSchema.nullable(),
  roundTitle: z.string().nullable(),
  itemKey: z.string(),
  itemTitle: z.string(),
  /** The level the move reaches, with that level's label and descriptor as the template words it. */
  level: z.number().int(),
  label: z.string(),
  descriptor: z.string(),
  note: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PlanDraftMove = z.infer<typeof planDraftMoveSchema>;

/** Carry one item's next move from a round: the server takes the level's words from the template. */
export const carryNextMoveSchema = z.strictObject({
  roundId: idSchema,
  itemKey: sheetKeySchema,
  level: z.number().int().min(1).max(5),
});
export type CarryNextMoveInput = z.infer<typeof carryNextMoveSchema>;

export const updatePlanDraftMoveSchema = z.strictObject({ note: textSchema(2000).nullable() });
