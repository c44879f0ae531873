/**
 * Scheduled housekeeping runs once across every server node: each task has a row, and a node runs
 * the task only when one conditional UPDATE of that row (its last start older than the task's
 * interval) succeeds for it. Frozen once landed.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("scheduled_tasks")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("last_started_at", "text", (c) => c.notNull())
    .addColumn("last_finished_at", "text")
    .addColumn("last_node", "text")
    .addColumn("last_error", "text")
    .addColumn("run_count", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("scheduled_tasks").execute();
}
