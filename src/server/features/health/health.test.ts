import SqliteDatabase from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { describe, expect, it } from "vitest";
import { describeEachDialect } from "../../../../test/test-db.ts";
import { buildApp } from "../../app.ts";
import { loadConfig } from "../../config.ts";
import type { Database } from "../../db/database.ts";
import { MIGRATIONS } from "../../db/migrations/index.ts";
import { checkReadiness } from "./health.service.ts";

describeEachDialect("readiness", (ctx) => {
  it("GET /readyz answers 200 with every check when the database is migrated", async () => {
    const res = await (await ctx.app()).inject({ method: "GET", url: "/readyz" });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.status).toBe("ready");
    expect(body.checks.map((c: { name: string }) => c.name)).toEqual(["database", "migrations", "disk"]);
    expect(body.checks[1].detail).toBe(`${Object.keys(MIGRATIONS).length} applied`);
  });

  it("names a pending migration and the command that applies it", async () => {
    const checks = await checkReadiness({
      db: ctx.db,
      uploadDir: ".",
      minFreeDiskMb: 0,
      expectedMigrations: [...Object.keys(MIGRATIONS), "2099-01-01-001-from-the-future"],
    });
    const migrations = checks.find((c) => c.name === "migrations");
    expect(migrations?.ok).toBe(false);
    expect(migrations?.detail).toContain("2099-01-01-001-from-the-future");
    expect(migrations?.detail).toContain("peduli db migrate");
  });

  it("refuses a database migrated by a newer version", async () => {
    const checks = await checkReadiness({
      db: ctx.db,
      uploadDir: ".",
      minFreeDiskMb: 0,
      expectedMigrations: Object.keys(MIGRATIONS).slice(0, -1),
    });
    expect(checks.find((c) => c.name === "migrations")?.detail).toMatch(/newer than this version/);
  });

  it("GET /readyz answers 503 naming the disk when uploads lack space", async () => {
    const app = await buildApp({
      config: loadConfig(
        {
          LOG_LEVEL: "silent",
          NODE_ENV: "test",
          PEDULI_WEB_DIR: "./no-web-in-tests",
          PEDULI_UPLOAD_DIR: "./not-yet-created/uploads",
          PEDULI_MIN_FREE_DISK_MB: String(1024 * 1024 * 1024),
        },
        {},
      ),
      db: ctx.db,
      dialect: ctx.dialect,
    });
    const res = await app.inject({ method: "GET", url: "/readyz" });
    await app.close();
    expect(res.statusCode).toBe(503);
    expect(res.json().detail).toMatch(/disk: \d+ MiB free for uploads \(minimum 1073741824 MiB\)$/);
  });
});

describe("readiness without a database", () => {
  it("reports the database unreachable and skips the migrations check", async () => {
    const closed = new SqliteDatabase(":memory:");
    closed.close();
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: closed }) });
    const checks = await checkReadiness({ db, uploadDir: ".", minFreeDiskMb: 0 });
    expect(checks[0]).toMatchObject({ name: "database", ok: false });
    expect(checks[0]?.detail).toMatch(/not open/);
    expect(checks[1]?.detail).toBe("not checked: database unreachable");
  });
});
