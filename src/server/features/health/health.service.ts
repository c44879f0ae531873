/**
 * Liveness and readiness. Liveness (/healthz): the process answers and so does the database.
 * Readiness (/readyz): also every migration this version ships is applied and none unknown to it,
 * and the upload directory's file system has at least the configured free space.
 */
import { statfs } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import type { Db } from "../../db/database.ts";
import { MIGRATIONS } from "../../db/migrations/index.ts";
import { appliedMigrations, ping } from "./health.repository.ts";

export interface ReadinessCheck {
  name: "database" | "migrations" | "disk";
  ok: boolean;
  detail: string;
}

export interface ReadinessDeps {
  db: Db;
  uploadDir: string;
  minFreeDiskMb: number;
  /** The migrations this version knows; default: the shipped list. */
  expectedMigrations?: readonly string[];
}

/** Runs every check (none stops the others) and returns them all. */
export async function checkReadiness(deps: ReadinessDeps): Promise<ReadinessCheck[]> {
  const database = await checkDatabase(deps.db);
  const migrations = database.ok
    ? await checkMigrations(deps.db, deps.expectedMigrations ?? Object.keys(MIGRATIONS))
    : { name: "migrations" as const, ok: false, detail: "not checked: database unreachable" };
  return [database, migrations, await checkDisk(deps.uploadDir, deps.minFreeDiskMb)];
}

export async function checkDatabase(db: Db): Promise<ReadinessCheck> {
  try {
    await ping(db);
    return { name: "database", ok: true, detail: "reachable" };
  } catch (error) {
    return { name: "database", ok: false, detail: (error as Error).message };
  }
}

async function checkMigrations(db: Db, expected: readonly string[]): Promise<ReadinessCheck> {
  const applied = new Set(await appliedMigrations(db));
  const pending = expected.filter((m) => !applied.has(m));
  const known = new Set(expected);
  const unknown = [...applied].filter((m) => !known.has(m));
  if (pending.length > 0) {
    return {
      name: "migrations",
      ok: false,
      detail: `${pending.length} pending (${pending.join(", ")}); run peduli db migrate`,
    };
  }
  if (unknown.length > 0) {
    return {
      name: "migrations",
      ok: false,
      detail: `database is newer than this version: ${unknown.join(", ")}`,
    };
  }
  return { name: "migrations", ok: true, detail: `${applied.size} applied` };
}

async function checkDisk(uploadDir: string, minFreeMb: number): Promise<ReadinessCheck> {
  try {
    const stats = await statfs(await nearestExisting(resolve(uploadDir)));
    const freeMb = Math.floor((Number(stats.bavail) * Number(stats.bsize)) / (1024 * 1024));
    const ok = freeMb >= minFreeMb;
    return { name: "disk", ok, detail: `${freeMb} MiB free for uploads (minimum ${minFreeMb} MiB)` };
  } catch (error) {
    return { name: "disk", ok: false, detail: (error as Error).message };
  }
}

/** The upload directory may not exist before the first upload: measure the nearest parent that does. */
async function nearestExisting(path: string): Promise<string> {
  let current = path;
  for (;;) {
    try {
      await statfs(current);
      return current;
    } catch (error) {
      const parent = dirname(current);
      if ((error as NodeJS.ErrnoException).code !== "ENOENT" || parent === current) throw error;
      current = parent;
    }
  }
}
