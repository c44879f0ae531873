/**
 * PPKS classifications get the demo flag that households, persons and PSKS organisations have, so
 * that the demo seed can register the vulnerable residents of its population and replace them
 * when it runs again without touching real classifications. Frozen once landed.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("ppks_classifications")
    .addColumn("is_demo", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("ppks_classifications").dropColumn("is_demo").execute();
}
