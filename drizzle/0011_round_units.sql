CREATE TABLE "sheet_round_units" (
	"round_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"parent_id" uuid,
	"name" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "sheet_round_units_round_id_department_id_pk" PRIMARY KEY("round_id","department_id")
);
--> statement-breakpoint
ALTER TABLE "sheet_responses" DROP CONSTRAINT "sheet_responses_department_id_departments_id_fk";
--> statement-breakpoint
ALTER TABLE "sheet_round_units" ADD CONSTRAINT "sheet_round_units_round_id_sheet_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."sheet_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sheet_round_units" ADD CONSTRAINT "sheet_round_units_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Rounds answered before units existed take the tree as it stands now: the nearest there is to the tree they were answered under.
INSERT INTO "sheet_round_units" ("round_id", "org_id", "department_id", "parent_id", "name", "sort_order")
SELECT r."id", r."org_id", d."id", d."parent_id", d."name", d."sort_order"
FROM "sheet_rounds" r JOIN "departments" d ON d."org_id" = r."org_id"
WHERE EXISTS (SELECT 1 FROM "sheet_responses" s WHERE s."round_id" = r."id" AND s."status" = 'submitted');
