/**
 * `peduli db copy`: the demo seed on SQLite copied into a fresh database of each engine (the
 * PostgreSQL case is the move a city makes when it outgrows its laptop), and back from
 * PostgreSQL into SQLite. Every table's rows must arrive unchanged; login sessions, name search
 * and change numbers must work on the copy; a non-empty target is refused and a failed copy
 * leaves the target empty.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginAs } from "../../../../test/auth-helpers.ts";
import { describeEachDialect, openTestDb } from "../../../../test/test-db.ts";
import { AppError } from "../../../core/errors/app-error.ts";
import { buildApp } from "../../app.ts";
import { loadConfig } from "../../config.ts";
import { seedDemo } from "../../features/demo/demo.service.ts";
import { searchPersons } from "../../features/persons/person-search.repository.ts";
import { allocateSeq } from "../change-log.ts";
import type { DbHandle } from "../create-db.ts";
import { ALL_REGIONS } from "../scope.ts";
import { type CopyEndpoint, openCopyEndpoint, sqliteEndpoint } from "./copy-engines.ts";
import { copyDatabase } from "./database-copy.service.ts";

const PASSWORD = "rahasia-demo-123";
const config = loadConfig({ LOG_LEVEL: "silent", NODE_ENV: "test", PEDULI_WEB_DIR: "./no-web-in-tests" }, {});

/** Every row of every table, as comparable text (numbers as numbers, sorted). */
async function snapshot(endpoint: CopyEndpoint): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  await endpoint.beginRead();
  try {
    for (const t of (await endpoint.tables()).sort((a, b) => a.name.localeCompare(b.name))) {
      const names = t.columns.map((c) => c.name).sort();
      const rows: string[] = [];
      for await (const batch of endpoint.rows(t.name, names)) {
        for (const row of batch)
          rows.push(JSON.stringify(row.map((v) => (typeof v === "bigint" ? Number(v) : v))));
      }
      out[t.name] = rows.sort();
    }
  } finally {
    await endpoint.endRead();
  }
  return out;
}

/** A copy endpoint on a test context's database (its own PostgreSQL schema). */
async function endpointOf(
  handle: DbHandle,
  url: string,
): Promise<{ endpoint: CopyEndpoint; close: () => Promise<void> }> {
  if (handle.dialect === "sqlite") return { endpoint: sqliteEndpoint(handle.sqlite!), close: async () => {} };
  const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(handle.db);
  return openCopyEndpoint(url, { schema: rows[0]!.schema });
}

// The source: the demo seed on SQLite, with a login session made there.
let source: Awaited<ReturnType<typeof openTestDb>>;
let sessionCookie = "";
let csrf = "";
let sourceSeq = 0;

beforeAll(async () => {
  source = await openTestDb("sqlite");
  await seedDemo(source.handle.db, { households: 40, seed: 11, demoPassword: PASSWORD });
  const app = await buildApp({ config, db: source.handle.db, dialect: "sqlite" });
  const login = await loginAs(app, "sudin", PASSWORD);
  sessionCookie = login.cookie;
  csrf = login.csrfToken;
  await app.close();
  const counter = await source.handle.db
    .selectFrom("change_counter")
    .select("value")
    .executeTakeFirstOrThrow();
  sourceSeq = Number(counter.value);
});

afterAll(async () => {
  await source.handle.close();
  await source.cleanup();
});

describeEachDialect("db copy from SQLite", (ctx) => {
  let target: { endpoint: CopyEndpoint; close: () => Promise<void> };
  let before: Record<string, string[]>;

  beforeAll(async () => {
    target = await endpointOf(ctx.handle, process.env.TEST_DATABASE_URL ?? "");
    before = await snapshot(sqliteEndpoint(source.handle.sqlite!));
  });
  afterAll(async () => target.close());

  it("rolls back a copy that fails half-way, leaving the target empty", async () => {
    const from = sqliteEndpoint(source.handle.sqlite!);
    const failing: CopyEndpoint = {
      ...from,
      async *rows(table, columns) {
        if (table === "persons") throw new Error("killed while copying persons");
        yield* from.rows(table, columns);
      },
    };
    await expect(copyDatabase(failing, target.endpoint)).rejects.toThrow("killed while copying persons");
    expect(
      await ctx.db.selectFrom("households").select(sql<number>`count(*)`.as("n")).executeTakeFirst(),
    ).toEqual({
      n: 0,
    });
    expect(
      Number((await ctx.db.selectFrom("regions").select(sql`count(*)`.as("n")).executeTakeFirst())?.n),
    ).toBe(0);
  });

  it("copies every row of every table unchanged", async () => {
    const report = await copyDatabase(sqliteEndpoint(source.handle.sqlite!), target.endpoint);
    expect(report.tables.find((t) => t.name === "persons")?.rows).toBeGreaterThan(100);
    const after = await snapshot(target.endpoint);
    // The same tables (each engine's own search index left out) and the same rows in each.
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const name of Object.keys(before))
      expect({ name, rows: after[name] }).toEqual({ name, rows: before[name] });
    expect(before.persons!.length).toBe(report.tables.find((t) => t.name === "persons")?.rows);
  });

  it("keeps the session made on the source valid, and serves its lists", async () => {
    const app = await ctx.app();
    const me = await app.inject({
      method: "GET",
      url: "/api/v1/auth/me",
      headers: { cookie: sessionCookie },
    });
    expect(me.statusCode).toBe(200);
    const list = await app.inject({
      method: "GET",
      url: "/api/v1/households?limit=5",
      headers: { cookie: sessionCookie, "x-csrf-token": csrf },
    });
    expect(list.statusCode).toBe(200);
    expect((list.json() as { items: unknown[] }).items).toHaveLength(5);
  });

  it("finds persons by name through the target's own search index", async () => {
    const person = await ctx.db
      .selectFrom("persons")
      .select(["id", "name"])
      .orderBy("id")
      .limit(1)
      .executeTakeFirstOrThrow();
    const found = await searchPersons(ctx.db, ctx.dialect, {
      scope: ALL_REGIONS,
      name: person.name,
      limit: 50,
      offset: 0,
    });
    expect(found.rows.map((r) => r.id)).toContain(person.id);
    // A misspelt query still goes through the phonetic key (and on SQLite the rebuilt trigram index).
    const part = person.name.split(" ")[0]!.slice(0, 4).toLowerCase();
    const partial = await searchPersons(ctx.db, ctx.dialect, {
      scope: ALL_REGIONS,
      name: part,
      limit: 50,
      offset: 0,
    });
    expect(partial.rows.length).toBeGreaterThan(0);
  });

  it("continues the change numbers after the source's last one", async () => {
    const next = await ctx.db.transaction().execute((trx) => allocateSeq(trx));
    expect(next).toBe(sourceSeq + 1);
    const maxSeq = await ctx.db
      .selectFrom("persons")
      .select(sql<number>`max(seq)`.as("m"))
      .executeTakeFirstOrThrow();
    expect(next).toBeGreaterThan(Number(maxSeq.m));
  });

  it("refuses a target that is not empty, naming the table, and changes nothing", async () => {
    const count = async () =>
      Number((await ctx.db.selectFrom("persons").select(sql`count(*)`.as("n")).executeTakeFirstOrThrow()).n);
    const persons = await count();
    const error = await copyDatabase(sqliteEndpoint(source.handle.sqlite!), target.endpoint).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("copy_target_not_empty");
    expect((error as AppError).messageIn("id")).toContain("tabel regions");
    expect((error as AppError).messageIn("en")).toContain("table regions");
    expect(await count()).toBe(persons);
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)("db copy from PostgreSQL back to SQLite", () => {
  it("arrives with the same rows and a working trigram index", async () => {
    const pgDb = await openTestDb("postgres");
    const dir = mkdtempSync(join(tmpdir(), "peduli-copy-back-"));
    const back = await openTestDb("sqlite");
    try {
      const pgEndpoint = await endpointOf(pgDb.handle, pgDb.url);
      await copyDatabase(sqliteEndpoint(source.handle.sqlite!), pgEndpoint.endpoint);
      await copyDatabase(pgEndpoint.endpoint, sqliteEndpoint(back.handle.sqlite!));
      await pgEndpoint.close();
      expect(await snapshot(sqliteEndpoint(back.handle.sqlite!))).toEqual(
        await snapshot(sqliteEndpoint(source.handle.sqlite!)),
      );
      const keys = back.handle.sqlite!.prepare("SELECT count(*) FROM person_search_keys").pluck().get();
      const persons = back.handle.sqlite!.prepare("SELECT count(*) FROM persons").pluck().get();
      expect(keys).toBe(persons);
      const fts = back.handle
        .sqlite!.prepare("SELECT count(*) FROM persons_fts WHERE persons_fts MATCH ?")
        .pluck()
        .get(
          '"' +
            (
              back.handle.sqlite!.prepare("SELECT name_phonetic FROM persons LIMIT 1").pluck().get() as string
            ).slice(0, 3) +
            '"',
        );
      expect(fts as number).toBeGreaterThan(0);
    } finally {
      await back.handle.close();
      await back.cleanup();
      await pgDb.handle.close();
      await pgDb.cleanup();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
