CREATE TABLE "workshop_answers" (
	"participant_id" uuid NOT NULL,
	"workshop_id" uuid NOT NULL,
	"item_key" text NOT NULL,
	"level" smallint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workshop_answers_participant_id_item_key_pk" PRIMARY KEY("participant_id","item_key")
);
--> statement-breakpoint
CREATE TABLE "workshop_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"workshop_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"audience" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workshop_groups" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workshop_id" uuid NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"sort_order" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workshop_notes" (
	"workshop_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"item_key" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"next_move" text DEFAULT '' NOT NULL,
	"agreed_level" smallint,
	"agreed_reason" text DEFAULT '' NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workshop_notes_workshop_id_scope_item_key_pk" PRIMARY KEY("workshop_id","scope","item_key")
);
--> statement-breakpoint
CREATE TABLE "workshop_participants" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workshop_id" uuid NOT NULL,
	"user_id" uuid,
	"nickname" text NOT NULL,
	"position" text NOT NULL,
	"department_name" text,
	"table_number" smallint,
	"group_id" uuid,
	"secret_hash" text NOT NULL,
	"poll_item_key" text,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workshops" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"title" text NOT NULL,
	"code" text NOT NULL,
	"grouping" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"current_item_key" text,
	"revealed" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"poll_open" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "workshop_answers" ADD CONSTRAINT "workshop_answers_participant_id_workshop_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."workshop_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_answers" ADD CONSTRAINT "workshop_answers_workshop_id_workshops_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_events" ADD CONSTRAINT "workshop_events_workshop_id_workshops_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_groups" ADD CONSTRAINT "workshop_groups_workshop_id_workshops_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_notes" ADD CONSTRAINT "workshop_notes_workshop_id_workshops_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_notes" ADD CONSTRAINT "workshop_notes_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_participants" ADD CONSTRAINT "workshop_participants_workshop_id_workshops_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_participants" ADD CONSTRAINT "workshop_participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_participants" ADD CONSTRAINT "workshop_participants_group_id_workshop_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."workshop_groups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops" ADD CONSTRAINT "workshops_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops" ADD CONSTRAINT "workshops_round_id_sheet_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."sheet_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops" ADD CONSTRAINT "workshops_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "workshop_answers_workshop_idx" ON "workshop_answers" USING btree ("workshop_id");--> statement-breakpoint
CREATE INDEX "workshop_events_workshop_idx" ON "workshop_events" USING btree ("workshop_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "workshop_groups_key" ON "workshop_groups" USING btree ("workshop_id","key");--> statement-breakpoint
CREATE INDEX "workshop_participants_workshop_idx" ON "workshop_participants" USING btree ("workshop_id");--> statement-breakpoint
CREATE UNIQUE INDEX "workshops_code_key" ON "workshops" USING btree ("code");--> statement-breakpoint
CREATE INDEX "workshops_org_idx" ON "workshops" USING btree ("org_id","created_at");