/**
 * Two covering indexes for the poverty analysis, replacing the first one: with the indicator set
 * among the equality columns, a city-wide `GROUP BY deprivation_mask` and `GROUP BY region_code`
 * each read one index in its own order (no sort of a million rows), and a kelurahan reads only
 * its range. Frozen once landed.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("assessments_latest_idx").execute();
  await db.schema
    .createIndex("assessments_area_idx")
    .on("assessments")
    .columns([
      "period",
      "is_latest",
      "indicator_set_id",
      "region_code",
      "rw",
      "household_size",
      "is_poor",
      "score",
      "deprivation_mask",
    ])
    .execute();
  await db.schema
    .createIndex("assessments_mask_idx")
    .on("assessments")
    .columns([
      "period",
      "is_latest",
      "indicator_set_id",
      "deprivation_mask",
      "region_code",
      "rw",
      "household_size",
    ])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("assessments_mask_idx").execute();
  await db.schema.dropIndex("assessments_area_idx").execute();
  await db.schema
    .createIndex("assessments_latest_idx")
    .on("assessments")
    .columns([
      "period",
      "is_latest",
      "region_code",
      "indicator_set_id",
      "rw",
      "deprivation_mask",
      "household_size",
      "is_poor",
      "score",
    ])
    .execute();
}
