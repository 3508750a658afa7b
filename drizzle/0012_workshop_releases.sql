ALTER TABLE "workshop_answers" ALTER COLUMN "level" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "workshop_answers" ADD COLUMN "released_level" smallint;--> statement-breakpoint
ALTER TABLE "workshop_participants" ADD COLUMN "released_poll_item_key" text;--> statement-breakpoint
-- Answers given before releases existed were shown as they came: they count as released.
UPDATE "workshop_answers" SET "released_level" = "level";--> statement-breakpoint
UPDATE "workshop_participants" SET "released_poll_item_key" = "poll_item_key";
