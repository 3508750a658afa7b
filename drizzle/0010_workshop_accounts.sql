ALTER TABLE "workshops" ADD COLUMN "require_account" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- A person who joined one workshop twice before this rule keeps their first participant; the later ones stay as anonymous participants.
UPDATE "workshop_participants" p SET "user_id" = NULL
WHERE p."user_id" IS NOT NULL AND EXISTS (
  SELECT 1 FROM "workshop_participants" q
  WHERE q."workshop_id" = p."workshop_id" AND q."user_id" = p."user_id" AND (q."joined_at", q."id") < (p."joined_at", p."id"));--> statement-breakpoint
CREATE UNIQUE INDEX "workshop_participants_user_key" ON "workshop_participants" USING btree ("workshop_id","user_id") WHERE "workshop_participants"."user_id" is not null;