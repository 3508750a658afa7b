import { index, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './organizations.js';
import { sheetRounds } from './sheet-rounds.js';
import { users } from './users.js';

/**
 * A next move one person carried out of a round's results (or, later, a workshop) into their plan drafts.
 * The words are copied from the template version, so the move reads the same after the sheet changes.
 */
export const planDraftMoves = pgTable(
  'plan_draft_moves',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    sourceKind: text('source_kind', { enum: ['sheet_round', 'workshop'] }).notNull(),
    roundId: uuid('round_id').references(() => sheetRounds.id, { onDelete: 'set null' }),
    itemKey: text('item_key').notNull(),
    itemTitle: text('item_title').notNull(),
    level: smallint('level').notNull(),
    label: text('label').notNull(),
    descriptor: text('descriptor').notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('plan_draft_moves_owner_idx').on(t.orgId, t.userId),
    uniqueIndex('plan_draft_moves_round_item_key').on(t.userId, t.roundId, t.itemKey, t.level),
  ],
);
