/**
 * Runs database tests on every engine: SQLite always, PostgreSQL too when TEST_DATABASE_URL is
 * set (CI sets it). Each suite gets a fresh database — a temporary SQLite file, or a PostgreSQL
 * schema of its own that is dropped afterwards — migrated to the latest version.
 *
 *   describeEachDialect("regions", (ctx) => {
 *     it("...", async () => { await ctx.db.selectFrom("regions")... });
 *   });
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe } from "vitest";
import { buildApp } from "../src/server/app.ts";
import { type Config, loadConfig } from "../src/server/config.ts";
import { createDb, type DbHandle } from "../src/server/db/create-db.ts";
import type { Database, Dialect } from "../src/server/db/database.ts";
import { migrateToLatest } from "../src/server/db/migrate.ts";

export interface TestContext {
  dialect: Dialect;
  db: Kysely<Database>;
  handle: DbHandle;
  /** The database's address: its URL and, on PostgreSQL, the suite's own schema. */
  address: { url: string; schema?: string };
  config: Config;
  /** The app on this database, built on first use. */
  app(): Promise<FastifyInstance>;
}

/** The engines this run tests: ["sqlite"] and, with TEST_DATABASE_URL, "postgres". */
export function testDialects(): Dialect[] {
  return process.env.TEST_DATABASE_URL ? ["sqlite", "postgres"] : ["sqlite"];
}

/** A fresh, migrated database for one suite. */
export async function openTestDb(
  dialect: Dialect,
): Promise<{ handle: DbHandle; url: string; schema?: string; cleanup: () => Promise<void> }> {
  if (dialect === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "peduli-test-"));
    const url = `sqlite:${join(dir, "test.db")}`;
    const handle = await createDb(url);
    await migrateToLatest(handle.db);
    return { handle, url, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const url = process.env.TEST_DATABASE_URL as string;
  const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const handle = await createDb(url, { schema });
  await migrateToLatest(handle.db, { schema });
  return {
    handle,
    url,
    schema,
    cleanup: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

/** Declares `suite` once per engine, each with its own database. */
export function describeEachDialect(name: string, suite: (ctx: TestContext) => void): void {
  for (const dialect of testDialects()) {
    describe(`${name} [${dialect}]`, () => {
      let cleanup: () => Promise<void> = async () => {};
      let app: FastifyInstance | undefined;
      const ctx = {
        dialect,
        config: loadConfig(
          { LOG_LEVEL: "silent", NODE_ENV: "test", PEDULI_WEB_DIR: "./no-web-in-tests" },
          {},
        ),
        async app() {
          app ??= await buildApp({ config: ctx.config, db: ctx.db, dialect });
          return app;
        },
      } as TestContext;
      beforeAll(async () => {
        const opened = await openTestDb(dialect);
        ctx.handle = opened.handle;
        ctx.db = opened.handle.db;
        ctx.address = { url: opened.url, ...(opened.schema ? { schema: opened.schema } : {}) };
        cleanup = opened.cleanup;
      });
      afterAll(async () => {
        await app?.close();
        await ctx.handle?.close();
        await cleanup();
      });
      suite(ctx);
    });
  }
}
