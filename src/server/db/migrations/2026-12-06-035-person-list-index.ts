/**
 * The person list's order (kelurahan, name, id) as one index, with the two columns its filters
 * always read (death date, merged into) last, so that a page's keys are read from the index alone:
 * a PostgreSQL index-only scan, a covering index on SQLite (which does not count a partial index's
 * WHERE columns as covered, so they are key columns here, not a partial index). Until now the
 * list sorted the persons of each kelurahan in scope for each page, and a page far down read every
 * row before it (1,000,000 in the city). Frozen once landed.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex("persons_list_idx")
    .on("persons")
    .columns(["region_code", "name", "id", "died_at", "merged_into_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("persons_list_idx").execute();
}
