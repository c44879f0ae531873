/**
 * Kinerja and dashboards: monthly targets per role, alerts raised for supervisors when a worker is
 * far behind, and `region_stats` — counters per kelurahan (stocks, and flows per WIB day) that the
 * dashboards sum instead of scanning the registry. The counters are refreshed incrementally from
 * the `seq` change numbers (docs/dashboards.md); the plain `seq` indexes added here let the refresh
 * find the rows changed since its watermark without scanning. Frozen once landed.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("region_stats")
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("metric", "text", (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("value", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("region_stats_pkey", ["region_code", "metric", "key", "day"])
    .execute();
  await db.schema
    .createIndex("region_stats_metric_idx")
    .on("region_stats")
    .columns(["metric", "day", "region_code"])
    .execute();

  await db.schema
    .createTable("region_stats_state")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("refreshed_at", "text", (c) => c.notNull())
    .addColumn("rebuilt_at", "text", (c) => c.notNull())
    .execute();

  for (const table of [
    "persons",
    "households",
    "ppks_classifications",
    "referrals",
    "case_tasks",
    "tombstones",
    "person_events",
  ]) {
    await db.schema.createIndex(`${table}_seq_only_idx`).on(table).column("seq").execute();
  }

  await db.schema
    .createTable("kinerja_targets")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("indicator", "text", (c) => c.notNull())
    .addColumn("month", "text", (c) => c.notNull())
    .addColumn("target", "integer", (c) => c.notNull())
    .addColumn("set_by", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("kinerja_targets_key", ["role", "indicator", "month"])
    .execute();

  await db.schema
    .createTable("kinerja_alerts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("worker_id", "text", (c) => c.notNull().references("workers.id"))
    .addColumn("supervisor_worker_id", "text")
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("indicator", "text", (c) => c.notNull())
    .addColumn("month", "text", (c) => c.notNull())
    .addColumn("target", "integer", (c) => c.notNull())
    .addColumn("actual", "integer", (c) => c.notNull())
    .addColumn("expected", "double precision", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("raised_at", "text", (c) => c.notNull())
    .addColumn("resolved_at", "text")
    .addColumn("seq", "integer", (c) => c.notNull())
    .addUniqueConstraint("kinerja_alerts_key", ["worker_id", "indicator", "month"])
    .execute();
  await db.schema
    .createIndex("kinerja_alerts_supervisor_idx")
    .on("kinerja_alerts")
    .columns(["supervisor_worker_id", "status"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("kinerja_alerts").execute();
  await db.schema.dropTable("kinerja_targets").execute();
  for (const table of [
    "persons",
    "households",
    "ppks_classifications",
    "referrals",
    "case_tasks",
    "tombstones",
    "person_events",
  ]) {
    await db.schema.dropIndex(`${table}_seq_only_idx`).execute();
  }
  await db.schema.dropTable("region_stats_state").execute();
  await db.schema.dropTable("region_stats").execute();
}
