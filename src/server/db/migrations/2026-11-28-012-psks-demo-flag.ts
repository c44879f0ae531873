/**
 * PSKS organisations get the demo flag that households, persons and workers have, so that the
 * demo seed can register an area's social-welfare resources (a Karang Taruna in every kelurahan,
 * …) and replace them when it runs again without touching real ones. Frozen once landed.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("psks_organisations")
    .addColumn("is_demo", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("psks_organisations").dropColumn("is_demo").execute();
}
