/**
 * A record of every backup made (by `peduli backup` or the server's daily schedule), so that
 * /healthz, /metrics and the office can tell how old the last one is, whichever node or machine
 * made it. Frozen once landed.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("backups")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("bytes", "integer", (c) => c.notNull())
    .addColumn("rows", "integer", (c) => c.notNull())
    .addColumn("files", "integer", (c) => c.notNull())
    .addColumn("made_by", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("backups_created_idx").on("backups").column("created_at").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("backups").execute();
}
