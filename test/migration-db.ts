/**
 * A SQLite database migrated up to a given migration, for tests of one migration: the test adds
 * rows as they were before it, then migrates up (or back down) and checks what it did.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Migrator } from "kysely";
import { createDb, type DbHandle } from "../src/server/db/create-db.ts";
import { MIGRATIONS } from "../src/server/db/migrations/index.ts";

export interface MigrationDb {
  handle: DbHandle;
  sqlite: NonNullable<DbHandle["sqlite"]>;
  /** Migrates up or down to the named migration; throws its error. */
  migrateTo(name: string): Promise<void>;
  close(): Promise<void>;
}

export async function openMigratedTo(name: string): Promise<MigrationDb> {
  const dir = mkdtempSync(join(tmpdir(), "peduli-migration-"));
  const handle = await createDb(`sqlite:${join(dir, "m.db")}`);
  const migrator = new Migrator({ db: handle.db, provider: { getMigrations: async () => MIGRATIONS } });
  const migrateTo = async (target: string) => {
    const { error } = await migrator.migrateTo(target);
    if (error) throw error;
  };
  await migrateTo(name);
  return {
    handle,
    sqlite: handle.sqlite as NonNullable<DbHandle["sqlite"]>,
    migrateTo,
    close: async () => {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
