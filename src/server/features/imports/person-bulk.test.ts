/**
 * The bulk path into an empty registry (SQLite: multi-row inserts; PostgreSQL: COPY) against the
 * row-by-row path on the same engine: the same file leaves the same rows, and a failure leaves the
 * database exactly as before, dropped indexes and constraints included.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import { writePersonCsv } from "../../../../bench/person-csv.ts";
import { describeEachDialect, openTestDb } from "../../../../test/test-db.ts";
import type { DbHandle } from "../../db/create-db.ts";
import type { Database, Dialect } from "../../db/database.ts";
import { ALL_REGIONS } from "../../db/scope.ts";
import { DEMO_REGION_FILE, readShippedData } from "../../shipped-data.ts";
import { searchPersons } from "../persons/person-search.repository.ts";
import { importRegionsCsv } from "../regions/regions.service.ts";
import { importPersons } from "./person-import.service.ts";

const ROWS = 2_500;
let dir = "";
let file = "";

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "peduli-bulk-"));
  file = join(dir, "persons.csv");
  await writePersonCsv(file, ROWS);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const target = (h: DbHandle) => ({ db: h.db, sqlite: h.sqlite });

/** A household outside the file, so that the registry is not empty and the import goes row by row. */
async function occupy(db: Kysely<Database>): Promise<void> {
  const now = new Date().toISOString();
  await db
    .insertInto("households")
    .values({
      id: "00000000-0000-7000-8000-000000000001",
      kk_number: "3171019999999999",
      region_code: "3171011001",
      rw: "1",
      rt: "1",
      address: "Jl. Lain 1",
      latitude: null,
      longitude: null,
      is_demo: 0,
      seq: 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

/** What an import leaves, by NIK and KK number instead of ids, each table in change-number order. */
async function snapshot(db: Kysely<Database>, dialect: Dialect) {
  const persons = await db
    .selectFrom("persons as p")
    .innerJoin("households as h", "h.id", "p.household_id")
    .select([
      "p.nik",
      "h.kk_number",
      "p.name",
      "p.name_normalized",
      "p.name_phonetic",
      "p.sex",
      "p.birth_place",
      "p.birth_date",
      "p.relation",
      "p.marital_status",
      "p.education",
      "p.occupation",
      "p.monthly_income",
      "p.disability",
      "p.chronic_illness",
      "p.health_insurance",
      "p.phone",
      "p.region_code",
      "p.nik_status",
      "p.is_demo",
    ])
    .orderBy("p.seq")
    .execute();
  const households = await db
    .selectFrom("households")
    .select(["kk_number", "region_code", "rw", "rt", "address", "latitude", "longitude", "is_demo"])
    .where("kk_number", "<>", "3171019999999999")
    .orderBy("seq")
    .execute();
  const ppks = await db
    .selectFrom("ppks_classifications as c")
    .innerJoin("persons as p", "p.id", "c.person_id")
    .innerJoin("households as h", "h.id", "c.household_id")
    .select([
      "p.nik",
      "h.kk_number",
      "c.category_code",
      "c.source",
      "c.status",
      "c.found_on",
      "c.region_code",
    ])
    .orderBy("c.seq")
    .execute();
  const words = await db
    .selectFrom("person_name_words as w")
    .innerJoin("persons as p", "p.id", "w.person_id")
    .select(["w.word", "w.region_code", "p.nik", "w.name_phonetic", "w.died", "w.merged"])
    .execute();
  const duplicates = await db
    .selectFrom("duplicate_candidates as d")
    .innerJoin("persons as a", "a.id", "d.person_id")
    .leftJoin("persons as b", "b.id", "d.other_person_id")
    .select(["d.kind", "a.nik as first", "b.nik as second", "d.status", "d.region_code"])
    .execute();
  const counter = await db.selectFrom("change_counter").select("value").executeTakeFirstOrThrow();
  const maxSeq = await db
    .selectFrom("persons")
    .select((eb) => eb.fn.max("seq").as("m"))
    .executeTakeFirstOrThrow();
  const search = async (name: string) =>
    (await searchPersons(db, dialect, { scope: ALL_REGIONS, name, limit: 20, offset: 0 })).rows.map(
      (r) => r.nik,
    );
  const byKey = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();
  return {
    persons,
    households,
    ppks,
    words: byKey(words),
    duplicates: byKey(duplicates),
    counterAtOrAboveSeq: Number(counter.value) >= Number(maxSeq.m),
    searches: [await search("siti"), await search("wahyu"), await search("ahmad rizki")],
  };
}

/** PostgreSQL: the definitions of persons' and households' indexes, constraints and triggers. */
async function pgSchema(db: Kysely<Database>) {
  const { rows } = await sql<{ d: string }>`
    SELECT pg_get_indexdef(indexrelid) AS d FROM pg_index
      WHERE indrelid IN ('persons'::regclass, 'households'::regclass, 'person_name_words'::regclass)
    UNION ALL SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
      WHERE conrelid IN ('persons'::regclass, 'households'::regclass, 'person_name_words'::regclass)
    UNION ALL SELECT pg_get_triggerdef(oid) FROM pg_trigger WHERE tgrelid = 'persons'::regclass AND NOT tgisinternal
    ORDER BY 1`.execute(db);
  return rows.map((r) => r.d);
}

describeEachDialect("person bulk import", (ctx) => {
  const count = async (table: "persons" | "households" | "ppks_classifications" | "person_name_words") =>
    Number(
      (
        await ctx.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("leaves the same persons, households, PPKS, name words, duplicates, searches and order as row by row", async () => {
    await importRegionsCsv(ctx.db, readShippedData(DEMO_REGION_FILE));
    const bulk = await importPersons(target(ctx.handle), { path: file });
    expect(bulk.summary).toMatchObject({ read: ROWS, inserted: ROWS, rejected: 0 });
    const other = await openTestDb(ctx.dialect);
    try {
      await importRegionsCsv(other.handle.db, readShippedData(DEMO_REGION_FILE));
      await occupy(other.handle.db);
      const rows = await importPersons(target(other.handle), { path: file });
      expect(rows.summary).toEqual(bulk.summary);
      const [a, b] = [
        await snapshot(ctx.db, ctx.dialect),
        await snapshot(other.handle.db, other.handle.dialect),
      ];
      expect(a.persons).toHaveLength(ROWS);
      expect(a.ppks.length).toBeGreaterThan(0);
      expect(a.words.length).toBeGreaterThan(ROWS);
      expect(a.searches[0]?.length).toBeGreaterThan(0);
      expect(a.counterAtOrAboveSeq).toBe(true);
      expect(a).toEqual(b);
    } finally {
      await other.handle.close();
      await other.cleanup();
    }
  });

  it("a second run of the same file on the loaded registry changes nothing (row path)", async () => {
    const before = await snapshot(ctx.db, ctx.dialect);
    const again = await importPersons(target(ctx.handle), { path: file });
    expect(again.summary).toMatchObject({ inserted: 0, updated: ROWS });
    expect(await snapshot(ctx.db, ctx.dialect)).toEqual(before);
  });

  it("PostgreSQL: a failure in the middle of the COPY rolls back the rows and every dropped index", async () => {
    if (ctx.dialect !== "postgres") return;
    for (const t of [
      "duplicate_candidates",
      "ppks_classifications",
      "person_name_words",
      "persons",
      "households",
    ]) {
      await sql`DELETE FROM ${sql.table(t)}`.execute(ctx.db);
    }
    const counterBefore = await ctx.db.selectFrom("change_counter").select("value").executeTakeFirstOrThrow();
    // The server refuses one row of the file (in its last batch) while the COPY streams it in.
    const lines = readFileSync(file, "utf8").split("\n");
    const victim = lines[ROWS - 10]?.split(",")[1] as string;
    expect(victim).toMatch(/^\d{16}$/);
    await sql
      .raw(`ALTER TABLE persons ADD CONSTRAINT forced_failure CHECK (nik <> '${victim}')`)
      .execute(ctx.db);
    const schema = await pgSchema(ctx.db);
    await expect(importPersons(target(ctx.handle), { path: file })).rejects.toThrow(/forced_failure/);
    expect(await pgSchema(ctx.db)).toEqual(schema);
    expect(await count("persons")).toBe(0);
    expect(await count("households")).toBe(0);
    expect(await count("ppks_classifications")).toBe(0);
    expect(await count("person_name_words")).toBe(0);
    expect(await ctx.db.selectFrom("change_counter").select("value").executeTakeFirstOrThrow()).toEqual(
      counterBefore,
    );
    await sql`ALTER TABLE persons DROP CONSTRAINT forced_failure`.execute(ctx.db);
  });

  it("PostgreSQL: a rejected row fails the whole bulk import, leaving rows and schema as they were", async () => {
    if (ctx.dialect !== "postgres") return;
    const schema = await pgSchema(ctx.db);
    const text = readFileSync(file, "utf8").split("\n");
    text[1000] = (text[1000] as string).replace(/,L,|,P,/, ",X,");
    const result = await importPersons(target(ctx.handle), { buffer: Buffer.from(text.join("\n")) });
    expect(result.written).toBe(false);
    expect(result.problems.map((p) => [p.row, p.column])).toEqual([[1001, "jenis_kelamin"]]);
    expect(await count("persons")).toBe(0);
    expect(await pgSchema(ctx.db)).toEqual(schema);
    const skipped = await importPersons(
      target(ctx.handle),
      { buffer: Buffer.from(text.join("\n")) },
      { skipInvalid: true },
    );
    expect(skipped.summary).toMatchObject({ inserted: ROWS - 1, rejected: 1 });
    expect(await count("persons")).toBe(ROWS - 1);
    expect(await pgSchema(ctx.db)).toEqual(schema);
  });
});
