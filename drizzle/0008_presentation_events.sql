CREATE TABLE "presentation_comments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seq" bigserial NOT NULL,
	"workshop_id" uuid NOT NULL,
	"presentation_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"body" text NOT NULL,
	"anonymous" boolean NOT NULL,
	"hidden" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "presentation_events" (
	"workshop_id" uuid PRIMARY KEY NOT NULL,
	"minutes" smallint NOT NULL,
	"criteria" jsonb NOT NULL,
	"judge_key" text NOT NULL,
	"current_presentation_id" uuid,
	"results_published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "presentation_scores" (
	"presentation_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"workshop_id" uuid NOT NULL,
	"scores" jsonb NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "presentation_scores_presentation_id_participant_id_pk" PRIMARY KEY("presentation_id","participant_id")
);
--> statement-breakpoint
CREATE TABLE "presentations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workshop_id" uuid NOT NULL,
	"sort_order" integer NOT NULL,
	"title" text NOT NULL,
	"presenter" text NOT NULL,
	"case_id" uuid,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "workshops" ALTER COLUMN "round_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "workshop_participants" ADD COLUMN "role" text DEFAULT 'audience' NOT NULL;--> statement-breakpoint
ALTER TABLE "workshops" ADD COLUMN "mode" text DEFAULT 'sheet' NOT NULL;--> statement-breakpoint
ALTER TABLE "presentation_comments" ADD CONSTRAINT "presentation_comments_workshop_id_workshops_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "presentation_comments" ADD CONSTRAINT "presentation_comments_presentation_id_presentations_id_fk" FOREIGN KEY ("presentation_id") REFERENCES "public"."presentations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "presentation_comments" ADD CONSTRAINT "presentation_comments_participant_id_workshop_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."workshop_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "presentation_events" ADD CONSTRAINT "presentation_events_workshop_id_workshops_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "presentation_scores" ADD CONSTRAINT "presentation_scores_presentation_id_presentations_id_fk" FOREIGN KEY ("presentation_id") REFERENCES "public"."presentations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "presentation_scores" ADD CONSTRAINT "presentation_scores_participant_id_workshop_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."workshop_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "presentation_scores" ADD CONSTRAINT "presentation_scores_workshop_id_workshops_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "presentations" ADD CONSTRAINT "presentations_workshop_id_workshops_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "presentations" ADD CONSTRAINT "presentations_case_id_kaizen_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."kaizen_cases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "presentation_comments_workshop_idx" ON "presentation_comments" USING btree ("workshop_id","seq");--> statement-breakpoint
CREATE INDEX "presentation_scores_workshop_idx" ON "presentation_scores" USING btree ("workshop_id");--> statement-breakpoint
CREATE INDEX "presentations_workshop_idx" ON "presentations" USING btree ("workshop_id","sort_order");--> statement-breakpoint
ALTER TABLE "workshops" ADD CONSTRAINT "workshops_mode_round" CHECK (("mode" = 'sheet') = ("round_id" IS NOT NULL));