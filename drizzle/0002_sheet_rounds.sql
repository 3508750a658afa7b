CREATE TABLE "plan_draft_moves" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"source_kind" text NOT NULL,
	"round_id" uuid,
	"item_key" text NOT NULL,
	"item_title" text NOT NULL,
	"level" smallint NOT NULL,
	"label" text NOT NULL,
	"descriptor" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sheet_answers" (
	"response_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"item_key" text NOT NULL,
	"level" smallint,
	"comment" text,
	CONSTRAINT "sheet_answers_response_id_item_key_pk" PRIMARY KEY("response_id","item_key")
);
--> statement-breakpoint
CREATE TABLE "sheet_responses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"round_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"status" text NOT NULL,
	"position" text NOT NULL,
	"department_id" uuid,
	"most_important_item_key" text,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sheet_round_departments" (
	"round_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	CONSTRAINT "sheet_round_departments_round_id_department_id_pk" PRIMARY KEY("round_id","department_id")
);
--> statement-breakpoint
CREATE TABLE "sheet_round_participants" (
	"round_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"in_cohort" boolean DEFAULT false NOT NULL,
	"invited_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sheet_round_participants_round_id_user_id_pk" PRIMARY KEY("round_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "sheet_rounds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"template_id" uuid NOT NULL,
	"template_version_id" uuid NOT NULL,
	"title" text NOT NULL,
	"scope_kind" text NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"closed_at" timestamp with time zone,
	"anonymity_threshold" integer NOT NULL,
	"anonymous" boolean NOT NULL,
	"join_token" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "plan_draft_moves" ADD CONSTRAINT "plan_draft_moves_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_draft_moves" ADD CONSTRAINT "plan_draft_moves_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_draft_moves" ADD CONSTRAINT "plan_draft_moves_round_id_sheet_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."sheet_rounds"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sheet_answers" ADD CONSTRAINT "sheet_answers_response_id_sheet_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."sheet_responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sheet_answers" ADD CONSTRAINT "sheet_answers_round_id_sheet_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."sheet_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sheet_responses" ADD CONSTRAINT "sheet_responses_round_id_sheet_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."sheet_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sheet_responses" ADD CONSTRAINT "sheet_responses_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sheet_responses" ADD CONSTRAINT "sheet_responses_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sheet_responses" ADD CONSTRAINT "sheet_responses_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sheet_round_departments" ADD CONSTRAINT "sheet_round_departments_round_id_sheet_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."sheet_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sheet_round_departments" ADD CONSTRAINT "sheet_round_departments_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sheet_round_departments" ADD CONSTRAINT "sheet_round_departments_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sheet_round_participants" ADD CONSTRAINT "sheet_round_participants_round_id_sheet_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."sheet_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sheet_round_participants" ADD CONSTRAINT "sheet_round_participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sheet_round_participants" ADD CONSTRAINT "sheet_round_participants_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sheet_rounds" ADD CONSTRAINT "sheet_rounds_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sheet_rounds" ADD CONSTRAINT "sheet_rounds_template_id_sheet_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."sheet_templates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sheet_rounds" ADD CONSTRAINT "sheet_rounds_template_version_id_sheet_template_versions_id_fk" FOREIGN KEY ("template_version_id") REFERENCES "public"."sheet_template_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sheet_rounds" ADD CONSTRAINT "sheet_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_draft_moves_owner_idx" ON "plan_draft_moves" USING btree ("org_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_draft_moves_round_item_key" ON "plan_draft_moves" USING btree ("user_id","round_id","item_key","level");--> statement-breakpoint
CREATE INDEX "sheet_answers_round_idx" ON "sheet_answers" USING btree ("round_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sheet_responses_round_user_key" ON "sheet_responses" USING btree ("round_id","user_id");--> statement-breakpoint
CREATE INDEX "sheet_responses_round_status_idx" ON "sheet_responses" USING btree ("round_id","status");--> statement-breakpoint
CREATE INDEX "sheet_rounds_org_idx" ON "sheet_rounds" USING btree ("org_id","opens_on");--> statement-breakpoint
CREATE INDEX "sheet_rounds_template_idx" ON "sheet_rounds" USING btree ("template_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sheet_rounds_join_token_key" ON "sheet_rounds" USING btree ("join_token");