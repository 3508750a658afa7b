import { sql } from 'drizzle-orm';
import { pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    /** Stored lower-cased; the unique index makes one account per address. */
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    /** scrypt$N$r$p$salt$hash, see features/auth/password.ts */
    passwordHash: text('password_hash'),
    locale: text('locale', { enum: ['ja', 'en'] })
      .notNull()
      .default(sql`'ja'`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_email_key').on(t.email)],
);
