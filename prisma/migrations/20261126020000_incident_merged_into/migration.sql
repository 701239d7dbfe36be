-- A person merges an incident that grouping split into another one: the emptied incident keeps a pointer
-- to where its alerts went, so its page and the API can send people on (and refuse merges into it).
ALTER TABLE "incidents" ADD COLUMN "merged_into_id" UUID;
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_merged_into_id_fkey" FOREIGN KEY ("merged_into_id") REFERENCES "incidents"("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "incidents_merged_into_id_idx" ON "incidents" ("merged_into_id");
