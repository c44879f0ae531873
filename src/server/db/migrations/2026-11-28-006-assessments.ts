/**
 * Multidimensional poverty: versioned indicator sets and household assessments. Each assessment
 * keeps the answers (`values_json`) and what the engine made of them at the time — score, poor flag,
 * one bit per deprived indicator (`deprivation_mask`) and household size — so that analysis over a
 * million households is a grouped sum. `is_latest` marks the latest assessment of a household in a
 * period (a calendar quarter) and is kept in the same transaction as every insert. Frozen once landed.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("indicator_sets")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text")
    .addColumn("definition_json", "text", (c) => c.notNull())
    .addColumn("created_by", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("indicator_sets_code_version_key", ["code", "version"])
    .execute();

  await db.schema
    .createTable("assessments")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("household_id", "text", (c) => c.notNull().references("households.id"))
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("rw", "text", (c) => c.notNull())
    .addColumn("indicator_set_id", "text", (c) => c.notNull().references("indicator_sets.id"))
    .addColumn("assessed_on", "text", (c) => c.notNull())
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("household_size", "integer", (c) => c.notNull())
    .addColumn("values_json", "text", (c) => c.notNull())
    .addColumn("score", "double precision", (c) => c.notNull())
    .addColumn("is_poor", "integer", (c) => c.notNull())
    .addColumn("deprivation_mask", "integer", (c) => c.notNull())
    .addColumn("deprived_ids", "text", (c) => c.notNull())
    .addColumn("is_latest", "integer", (c) => c.notNull())
    .addColumn("assessor_id", "text")
    .addColumn("is_demo", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("assessments_latest_idx")
    .on("assessments")
    // Covering: the analysis reads only these columns, so it never visits the table rows.
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
  await db.schema
    .createIndex("assessments_household_idx")
    .on("assessments")
    .columns(["household_id", "period", "assessed_on"])
    .execute();
  await db.schema.createIndex("assessments_seq_idx").on("assessments").column("seq").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("assessments").execute();
  await db.schema.dropTable("indicator_sets").execute();
}
