/** Opens the configured database (migrated), runs `work`, and always closes it. */
import { loadConfig } from "../server/config.ts";
import { createDb, type DbHandle } from "../server/db/create-db.ts";
import { migrateToLatest } from "../server/db/migrate.ts";

export async function withDb<T>(
  work: (handle: DbHandle) => Promise<T>,
  options: { migrate?: boolean } = {},
): Promise<T> {
  const config = loadConfig();
  const handle = await createDb(config.databaseUrl);
  try {
    if (options.migrate !== false) await migrateToLatest(handle.db);
    return await work(handle);
  } finally {
    await handle.close();
  }
}
