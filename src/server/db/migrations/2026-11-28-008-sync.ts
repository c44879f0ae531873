/**
 * Offline sync: the changes a phone pushed (each applied at most once, keyed by its change id),
 * the conflicts of edits to the same field, and the devices that hold a working set. Frozen once
 * landed.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("sync_changes")
    .addColumn("change_id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull())
    .addColumn("device_id", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("record_id", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("result", "text", (c) => c.notNull())
    .addColumn("made_at", "text", (c) => c.notNull())
    .addColumn("applied_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sync_changes_record_idx").on("sync_changes").column("record_id").execute();

  await db.schema
    .createTable("sync_conflicts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("table_name", "text", (c) => c.notNull())
    .addColumn("record_id", "text", (c) => c.notNull())
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("field", "text", (c) => c.notNull())
    .addColumn("server_value", "text", (c) => c.notNull())
    .addColumn("client_value", "text", (c) => c.notNull())
    .addColumn("change_id", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("resolution", "text")
    .addColumn("resolved_by", "text")
    .addColumn("resolved_at", "text")
    .execute();
  await db.schema
    .createIndex("sync_conflicts_region_idx")
    .on("sync_conflicts")
    .columns(["region_code", "resolved_at"])
    .execute();
  await db.schema.createIndex("sync_conflicts_record_idx").on("sync_conflicts").column("record_id").execute();

  await db.schema
    .createTable("devices")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull())
    .addColumn("last_sync_seq", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("scope", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("counts", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("pending", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("user_agent", "text")
    .addColumn("wipe_requested_at", "text")
    .addColumn("wipe_requested_by", "text")
    .addColumn("wiped_at", "text")
    .addColumn("first_seen_at", "text", (c) => c.notNull())
    .addColumn("last_seen_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("devices_user_idx").on("devices").column("user_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("devices").execute();
  await db.schema.dropTable("sync_conflicts").execute();
  await db.schema.dropTable("sync_changes").execute();
}
