import { type Kysely, type MigrationResultSet, Migrator } from "kysely";
import type { Database } from "./database.ts";
import { MIGRATIONS } from "./migrations/index.ts";

/**
 * Runs every pending migration; stops at the first error and throws it. Returns the names applied.
 * `schema` (PostgreSQL): where the migration bookkeeping tables live when the connection uses a
 * schema of its own; named explicitly because Kysely finds existing tables in every schema.
 */
export async function migrateToLatest(
  db: Kysely<Database>,
  options: { schema?: string } = {},
): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
    ...(options.schema ? { migrationTableSchema: options.schema } : {}),
  });
  const { error, results }: MigrationResultSet = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    throw new Error(`Migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
