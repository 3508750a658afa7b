CREATE INDEX "kaizen_cases_happened_idx" ON "kaizen_cases" USING btree ("happened_on" DESC NULLS LAST,"id");--> statement-breakpoint
-- Markers for cases stored before them, as features/cases/search-markers.ts writes them for new ones.
UPDATE "kaizen_cases" SET "search_vector" = "search_vector" || array_to_tsvector(
  array_remove(ARRAY[
    '~y' || "fiscal_year"::text,
    '~f' || "policy_field",
    '~c' || "scene_id",
    '~m' || "method"
  ], NULL)
  || ARRAY(
    SELECT '~b' || j FROM generate_series(0, 7) AS j
    WHERE get_byte(decode(md5("title" || E'\n' || "happened_on"::text), 'hex'), 0) < (1 << j)
  )
);
