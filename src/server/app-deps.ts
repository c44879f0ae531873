/**
 * AppDeps: what buildApp() and every feature's routes receive. It lives apart from app.ts so that
 * route files, which app.ts imports, never import app.ts back.
 */
import type { Kysely } from "kysely";
import type { Config } from "./config.ts";
import type { PoolStats } from "./db/create-db.ts";
import type { Database, Dialect } from "./db/database.ts";

/** What the routes need; passed to every feature plugin. */
export interface AppDeps {
  config: Config;
  db: Kysely<Database>;
  dialect: Dialect;
  /** The current instant; tests inject a clock (overdue tasks, reports). Default: the system clock. */
  now?: () => Date;
  /** PostgreSQL: the connection pool's counts, for /metrics (DbHandle.poolStats). */
  poolStats?: () => PoolStats;
}
