CREATE TABLE "case_attachments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"role" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_awards" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_effects" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"kind" text NOT NULL,
	"label" text,
	"unit" text,
	"target" numeric,
	"actual" numeric,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "case_reporters" (
	"case_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	CONSTRAINT "case_reporters_case_id_user_id_pk" PRIMARY KEY("case_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "case_reviews" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"action" text NOT NULL,
	"comment" text,
	"actor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_tag_links" (
	"case_id" uuid NOT NULL,
	"tag_id" uuid NOT NULL,
	CONSTRAINT "case_tag_links_case_id_tag_id_pk" PRIMARY KEY("case_id","tag_id")
);
--> statement-breakpoint
CREATE TABLE "case_tags" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kaizen_cases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"status" text NOT NULL,
	"sharing" text NOT NULL,
	"title" text NOT NULL,
	"problem" text DEFAULT '' NOT NULL,
	"action" text DEFAULT '' NOT NULL,
	"result" text DEFAULT '' NOT NULL,
	"remaining" text DEFAULT '' NOT NULL,
	"cost_yen" bigint,
	"cost_note" text,
	"department_id" uuid,
	"department_name" text,
	"happened_on" date NOT NULL,
	"fiscal_year" integer NOT NULL,
	"scene_id" text,
	"policy_field" text,
	"method" text,
	"internal_fields" text[] DEFAULT '{}' NOT NULL,
	"adopted_from_id" uuid,
	"manager_opinion" text,
	"source_key" text,
	"created_by" uuid,
	"submitted_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_vector" "tsvector" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scene_labels" (
	"org_id" uuid NOT NULL,
	"axis" text NOT NULL,
	"key" text NOT NULL,
	"label_ja" text NOT NULL,
	"label_en" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scene_labels_org_id_axis_key_pk" PRIMARY KEY("org_id","axis","key")
);
--> statement-breakpoint
ALTER TABLE "case_attachments" ADD CONSTRAINT "case_attachments_case_id_kaizen_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."kaizen_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_attachments" ADD CONSTRAINT "case_attachments_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_attachments" ADD CONSTRAINT "case_attachments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_awards" ADD CONSTRAINT "case_awards_case_id_kaizen_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."kaizen_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_awards" ADD CONSTRAINT "case_awards_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_effects" ADD CONSTRAINT "case_effects_case_id_kaizen_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."kaizen_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_effects" ADD CONSTRAINT "case_effects_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_reporters" ADD CONSTRAINT "case_reporters_case_id_kaizen_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."kaizen_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_reporters" ADD CONSTRAINT "case_reporters_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_reporters" ADD CONSTRAINT "case_reporters_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_reviews" ADD CONSTRAINT "case_reviews_case_id_kaizen_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."kaizen_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_reviews" ADD CONSTRAINT "case_reviews_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_reviews" ADD CONSTRAINT "case_reviews_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_tag_links" ADD CONSTRAINT "case_tag_links_case_id_kaizen_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."kaizen_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_tag_links" ADD CONSTRAINT "case_tag_links_tag_id_case_tags_id_fk" FOREIGN KEY ("tag_id") REFERENCES "public"."case_tags"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_tags" ADD CONSTRAINT "case_tags_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kaizen_cases" ADD CONSTRAINT "kaizen_cases_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kaizen_cases" ADD CONSTRAINT "kaizen_cases_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kaizen_cases" ADD CONSTRAINT "kaizen_cases_adopted_from_id_kaizen_cases_id_fk" FOREIGN KEY ("adopted_from_id") REFERENCES "public"."kaizen_cases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kaizen_cases" ADD CONSTRAINT "kaizen_cases_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scene_labels" ADD CONSTRAINT "scene_labels_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_attachments_case_idx" ON "case_attachments" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_awards_case_year_name_key" ON "case_awards" USING btree ("case_id","fiscal_year","name");--> statement-breakpoint
CREATE INDEX "case_effects_case_idx" ON "case_effects" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_reporters_user_idx" ON "case_reporters" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "case_reviews_case_idx" ON "case_reviews" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_tag_links_tag_idx" ON "case_tag_links" USING btree ("tag_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_tags_org_name_key" ON "case_tags" USING btree ("org_id","name");--> statement-breakpoint
CREATE INDEX "kaizen_cases_org_status_idx" ON "kaizen_cases" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "kaizen_cases_sharing_idx" ON "kaizen_cases" USING btree ("sharing","status");--> statement-breakpoint
CREATE INDEX "kaizen_cases_search_idx" ON "kaizen_cases" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "kaizen_cases_adopted_from_idx" ON "kaizen_cases" USING btree ("adopted_from_id");--> statement-breakpoint
CREATE UNIQUE INDEX "kaizen_cases_org_source_key" ON "kaizen_cases" USING btree ("org_id","source_key");