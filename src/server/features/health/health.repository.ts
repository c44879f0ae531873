/** The queries behind /healthz and /readyz. */
import { sql } from "kysely";
import type { Db } from "../../db/database.ts";

/** Throws when the database does not answer. */
export async function ping(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}

/** Names of the migrations recorded as applied (Kysely's bookkeeping table); [] when it is missing. */
export async function appliedMigrations(db: Db): Promise<string[]> {
  try {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    return rows.map((r) => r.name);
  } catch {
    return [];
  }
}
