/**
 * Person import jobs are kept in the database instead of one server process's memory, so that a
 * job started on one node can be followed from any node behind the load balancer, and survives
 * as a record when its node restarts. Frozen once landed.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("import_jobs")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("owner_id", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("phase", "text", (c) => c.notNull())
    .addColumn("dry_run", "integer", (c) => c.notNull())
    .addColumn("total_rows", "integer")
    .addColumn("read_rows", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("rejected_rows", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("written_rows", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("started_at", "text", (c) => c.notNull())
    .addColumn("finished_at", "text")
    .addColumn("heartbeat_at", "text", (c) => c.notNull())
    .addColumn("result_json", "text")
    .addColumn("error_json", "text")
    .execute();
  await db.schema
    .createIndex("import_jobs_owner_idx")
    .on("import_jobs")
    .columns(["owner_id", "started_at"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("import_jobs").execute();
}
