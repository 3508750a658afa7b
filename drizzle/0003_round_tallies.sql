CREATE TABLE "sheet_round_tallies" (
	"round_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"closes_on" date NOT NULL,
	"closed_at" timestamp with time zone,
	"response_count" integer NOT NULL,
	"answer_cells" jsonb NOT NULL,
	"response_cells" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sheet_round_tallies" ADD CONSTRAINT "sheet_round_tallies_round_id_sheet_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."sheet_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sheet_round_tallies" ADD CONSTRAINT "sheet_round_tallies_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;