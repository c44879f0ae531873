import { readFileSync } from "node:fs";
import { PassThrough } from "node:stream";
import type { Kysely } from "kysely";
import { describe, expect, it } from "vitest";
import { describeEachDialect, openTestDb } from "../../../../test/test-db.ts";
import type { DbHandle } from "../../db/create-db.ts";
import type { Database } from "../../db/database.ts";
import { ALL_REGIONS } from "../../db/scope.ts";
import { DEMO_REGION_FILE, readShippedData } from "../../shipped-data.ts";
import { importRegionsCsv } from "../regions/regions.service.ts";
import { exportPersons } from "./person-export.service.ts";
import { importPersons } from "./person-import.service.ts";

const MIXED = readFileSync(new URL("../../../../test/fixtures/persons-mixed.csv", import.meta.url));
const INVALID_ROWS = [6, 7, 8, 9, 10, 11, 12];

async function collect(write: (out: PassThrough) => Promise<unknown>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  await write(out);
  return Buffer.concat(chunks);
}

/**
 * Runs `test` on a fresh SQLite database with the demo region list and no person yet: the bulk
 * path's starting point.
 */
type SqliteConnection = NonNullable<DbHandle["sqlite"]>;

async function onEmptyRegistry(
  test: (db: { db: Kysely<Database>; sqlite: SqliteConnection }) => Promise<void>,
): Promise<void> {
  const opened = await openTestDb("sqlite");
  try {
    const { db, sqlite } = opened.handle;
    await importRegionsCsv(db, readShippedData(DEMO_REGION_FILE));
    await test({ db, sqlite: sqlite as SqliteConnection });
  } finally {
    await opened.handle.close();
    await opened.cleanup();
  }
}

describeEachDialect("person import", (ctx) => {
  const target = () => ({ db: ctx.db, sqlite: ctx.handle.sqlite });
  const count = async (table: "persons" | "households" | "ppks_classifications") =>
    Number(
      (
        await ctx.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("rejects the whole file by default and reports exactly the invalid rows", async () => {
    await importRegionsCsv(ctx.db, readShippedData(DEMO_REGION_FILE));
    // SQLite: the bulk path drops indexes and the search trigger inside the transaction.
    const schema = () =>
      ctx.handle.sqlite?.prepare("SELECT type, name, sql FROM sqlite_master ORDER BY name").all();
    const before = schema();
    const result = await importPersons(target(), { buffer: MIXED });
    expect(schema()).toEqual(before);
    expect(result.written).toBe(false);
    expect(result.summary).toEqual({ read: 11, inserted: 0, updated: 0, rejected: 7, households: 0 });
    expect([...new Set(result.problems.map((p) => p.row))]).toEqual(INVALID_ROWS);
    const byRow = new Map(result.problems.map((p) => [p.row, p]));
    expect(byRow.get(6)).toMatchObject({ column: "nik", code: "nik_length" });
    expect(byRow.get(7)).toMatchObject({ column: "nik", code: "nik_not_digits" });
    expect(byRow.get(8)).toMatchObject({ column: "nik", code: "nik_month_invalid" });
    expect(byRow.get(9)).toMatchObject({ column: "nik", code: "nik_repeated" });
    expect(byRow.get(9)?.id).toContain("baris 2");
    expect(byRow.get(10)).toMatchObject({ column: "kode_kelurahan", code: "kelurahan_unknown" });
    expect(byRow.get(11)).toMatchObject({ column: "jenis_kelamin", code: "sex_invalid", value: "X" });
    expect(byRow.get(12)).toMatchObject({
      column: "tanggal_lahir",
      code: "date_invalid",
      value: "2024-02-30",
    });
    expect(result.unknownColumns).toEqual(["catatan"]);
    expect(await count("persons")).toBe(0);
    expect(await count("households")).toBe(0);
  });

  it("with skipInvalid writes the valid rows only, and a second run changes no counts", async () => {
    const first = await importPersons(target(), { buffer: MIXED }, { skipInvalid: true });
    expect(first.summary).toEqual({ read: 11, inserted: 4, updated: 0, rejected: 7, households: 2 });
    expect(await count("persons")).toBe(4);
    expect(await count("households")).toBe(2);
    expect(await count("ppks_classifications")).toBe(3);
    const again = await importPersons(target(), { buffer: MIXED }, { skipInvalid: true });
    expect(again.summary).toEqual({ read: 11, inserted: 0, updated: 4, rejected: 7, households: 2 });
    expect(await count("persons")).toBe(4);
    expect(await count("households")).toBe(2);
    expect(await count("ppks_classifications")).toBe(3);

    const rizki = await ctx.db
      .selectFrom("persons")
      .selectAll()
      .where("nik", "=", "3171011208900001")
      .executeTakeFirstOrThrow();
    expect(rizki).toMatchObject({ name: "Muhammad Rizki", sex: "L", birth_date: "1990-08-12" });
    expect(rizki.name_phonetic).toBe("muhamad rizki");
    const household = await ctx.db
      .selectFrom("households")
      .selectAll()
      .where("id", "=", rizki.household_id)
      .executeTakeFirstOrThrow();
    expect(household).toMatchObject({
      kk_number: "3171010101200001",
      region_code: "3171011001",
      rw: "001",
      rt: "002",
    });
  });

  it("reads on a second thread with the same outcome, progress reported batch by batch", async () => {
    const inline = await importPersons(target(), { buffer: MIXED }, { dryRun: true, readInWorker: false });
    const seen: string[] = [];
    const threaded = await importPersons(
      target(),
      { buffer: MIXED },
      { dryRun: true, readInWorker: true, onProgress: (p) => seen.push(`${p.phase}:${p.read}`) },
    );
    expect(threaded).toEqual(inline);
    expect(threaded.problems.length).toBeGreaterThan(0);
    expect(seen[0]).toBe("reading:0");
    expect(seen.at(-1)).toBe("done:11");
    const refused = importPersons(
      target(),
      { buffer: Buffer.from("nik,nama\n1,2\n") },
      { readInWorker: true },
    );
    await expect(refused).rejects.toMatchObject({ code: "file_invalid" });
  });

  it("dry run validates without writing", async () => {
    const before = await count("persons");
    const csv = Buffer.from(
      [
        "nik,no_kk,nama,jenis_kelamin,tanggal_lahir,hubungan_keluarga,kode_kelurahan,rw,rt,alamat",
        "3171016601010007,3171010101200077,Dewi Lestari,P,2001-01-26,kepala keluarga,3171011002,1,1,Jl. Cideng 1",
      ].join("\n"),
    );
    const result = await importPersons(target(), { buffer: csv }, { dryRun: true });
    expect(result.summary).toEqual({ read: 1, inserted: 0, updated: 0, rejected: 0, households: 0 });
    expect(await count("persons")).toBe(before);
  });

  it("refuses a file without a required column, naming it", async () => {
    await expect(importPersons(target(), { buffer: Buffer.from("nik,nama\n1,2\n") })).rejects.toMatchObject({
      code: "file_invalid",
      problems: expect.arrayContaining([expect.objectContaining({ field: "baris 1, kolom no_kk" })]),
    });
  });

  for (const format of ["csv", "xlsx"] as const) {
    it(`a ${format} export of a kelurahan re-imports into an emptied registry with the same people`, async () => {
      const snapshot = () =>
        ctx.db
          .selectFrom("persons as p")
          .innerJoin("households as h", "h.id", "p.household_id")
          .select([
            "p.nik",
            "p.name",
            "p.sex",
            "p.birth_date",
            "p.relation",
            "p.region_code",
            "h.kk_number",
            "h.rw",
            "h.rt",
            "h.address",
          ])
          .where("p.region_code", "=", "3171011001")
          .orderBy("p.nik")
          .execute();
      const before = await snapshot();
      expect(before).toHaveLength(3);
      const file = await collect((out) =>
        exportPersons(ctx.db, ALL_REGIONS, { regionCode: "31.71.01.1001".replace(/\./g, "") }, format, out),
      );
      if (format === "xlsx") expect(file.subarray(0, 2).toString()).toBe("PK");
      for (const table of [
        "duplicate_candidates",
        "person_events",
        "ppks_classifications",
        "persons",
        "households",
      ] as const) {
        await ctx.db.deleteFrom(table).execute();
      }
      const result = await importPersons(target(), { buffer: file });
      expect(result.summary).toEqual({ read: 3, inserted: 3, updated: 0, rejected: 0, households: 1 });
      expect(await snapshot()).toEqual(before);
      const ppks = await ctx.db.selectFrom("ppks_classifications").select("category_code").execute();
      expect(ppks.map((p) => p.category_code)).toEqual(["24"]);
    });
  }

  it("queues a NIK that arrives with another name, keeps the stored name, and records a move", async () => {
    const csv = Buffer.from(
      [
        "no_kk,nik,nama,jenis_kelamin,tanggal_lahir,hubungan_keluarga,kode_kelurahan,rw,rt,alamat",
        "3171070101200009,3171011208900001,Budi Hartono,L,1990-08-12,kepala keluarga,3171071001,5,6,Jl. Gelora 3",
      ].join("\n"),
    );
    const result = await importPersons(target(), { buffer: csv });
    expect(result.summary).toMatchObject({ inserted: 0, updated: 1, rejected: 0 });
    const person = await ctx.db
      .selectFrom("persons")
      .selectAll()
      .where("nik", "=", "3171011208900001")
      .executeTakeFirstOrThrow();
    expect(person.name).toBe("Muhammad Rizki");
    expect(person.region_code).toBe("3171071001");
    const queued = await ctx.db
      .selectFrom("duplicate_candidates")
      .selectAll()
      .where("person_id", "=", person.id)
      .execute();
    expect(queued.map((q) => q.kind)).toEqual(["nik_name_conflict"]);
    const events = await ctx.db
      .selectFrom("person_events")
      .select("kind")
      .where("person_id", "=", person.id)
      .execute();
    expect(events.map((e) => e.kind)).toEqual(["person_moved"]);
  });
});

describe("person import keeps the search index current [sqlite]", () => {
  it("indexes imported names in the FTS table and restores the trigger", async () => {
    await onEmptyRegistry(async ({ db, sqlite }) => {
      await importPersons({ db, sqlite }, { buffer: MIXED }, { skipInvalid: true });
      const hits = sqlite!
        .prepare(
          `SELECT p.name FROM persons_fts f JOIN person_search_keys k ON k.rowid = f.rowid
           JOIN persons p ON p.id = k.person_id WHERE persons_fts MATCH ? ORDER BY p.name`,
        )
        .all('"rizki"') as { name: string }[];
      expect(hits.map((h) => h.name)).toEqual(["Muhammad Rizki"]);
      const trigger = sqlite!
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name = 'persons_search_insert'")
        .get();
      expect(trigger).toBeDefined();
    });
  });
});

describe("person import into an empty registry (bulk path) [sqlite]", () => {
  it("queues each person with the same normalised name and birth date as an earlier one, once", async () => {
    await onEmptyRegistry(async ({ db, sqlite }) => {
      const csv = Buffer.from(
        [
          "no_kk,nik,nama,jenis_kelamin,tanggal_lahir,hubungan_keluarga,kode_kelurahan,rw,rt,alamat",
          "3171010101200001,3171011208900001,Budi Hartono,L,1990-08-12,kepala keluarga,3171011001,1,2,Jl. A 1",
          "3171010101200002,3171011208900002,BUDI  hartono,L,1990-08-12,kepala keluarga,3171011001,1,3,Jl. B 2",
          "3171010101200003,3171011208900003,Budi Hartono,L,1990-08-12,kepala keluarga,3171011001,1,4,Jl. C 3",
          "3171010101200004,3171011208910004,Budi Hartono,L,1991-08-12,kepala keluarga,3171011001,1,5,Jl. D 4",
          "3171010101200005,3171015505920005,Siti Aminah,P,1992-05-15,kepala keluarga,3171011001,1,6,Jl. E 5",
        ].join("\n"),
      );
      const result = await importPersons({ db, sqlite }, { buffer: csv });
      expect(result.summary).toMatchObject({ inserted: 5, rejected: 0 });
      const ids = new Map(
        (await db.selectFrom("persons").select(["id", "nik"]).execute()).map((p) => [p.nik, p.id]),
      );
      const queued = await db
        .selectFrom("duplicate_candidates")
        .select(["kind", "person_id", "other_person_id"])
        .orderBy("other_person_id")
        .execute();
      // The second and the third Budi born 1990-08-12 are each paired with the first (by id).
      const [first, second, third] = ["3171011208900001", "3171011208900002", "3171011208900003"]
        .map((nik) => ids.get(nik) as string)
        .sort();
      expect(queued).toEqual(
        [second, third]
          .sort()
          .map((other) => ({ kind: "same_name_birth", person_id: first, other_person_id: other })),
      );
    });
  });
});

describe("schema and settings after a bulk load [sqlite]", () => {
  it("keeps every foreign key, builds every dropped index again and restores the connection's settings", async () => {
    await onEmptyRegistry(async ({ db, sqlite }) => {
      const schema = () =>
        sqlite
          .prepare(
            "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY name",
          )
          .all();
      const before = schema();
      const settings = () => ({
        foreign_keys: sqlite.pragma("foreign_keys", { simple: true }),
        journal_mode: sqlite.pragma("journal_mode", { simple: true }),
        cache_size: sqlite.pragma("cache_size", { simple: true }),
        threads: sqlite.pragma("threads", { simple: true }),
        inTransaction: sqlite.inTransaction,
      });
      const usual = settings();
      expect(usual).toMatchObject({ foreign_keys: 1, journal_mode: "wal", inTransaction: false });

      // An atomic import with rejected rows writes nothing and leaves the connection as it was.
      const refused = await importPersons({ db, sqlite }, { buffer: MIXED });
      expect(refused.written).toBe(false);
      expect(settings()).toEqual(usual);
      // So does a load that fails half-way (here: the hook before the commit throws).
      await expect(
        importPersons(
          { db, sqlite },
          { buffer: MIXED },
          {
            skipInvalid: true,
            beforeCommit: async () => {
              throw new Error("stop");
            },
          },
        ),
      ).rejects.toThrow("stop");
      expect(settings()).toEqual(usual);
      expect(sqlite.prepare("SELECT count(*) FROM persons").pluck().get()).toBe(0);

      const result = await importPersons({ db, sqlite }, { buffer: MIXED }, { skipInvalid: true });
      expect(result.summary.inserted).toBeGreaterThan(0);
      expect(sqlite.prepare("SELECT count(*) FROM ppks_classifications").pluck().get()).toBeGreaterThan(0);

      expect(sqlite.prepare("PRAGMA foreign_key_check").all()).toEqual([]);
      expect(schema()).toEqual(before);
      expect(settings()).toEqual(usual);
      // The rebuilt unique index refuses a NIK already there, with SQLite's usual message.
      const nik = sqlite.prepare("SELECT nik FROM persons LIMIT 1").pluck().get();
      expect(() =>
        sqlite
          .prepare(
            `INSERT INTO persons (id, household_id, nik, nik_status, name, name_normalized, sex, relation,
              region_code, seq, created_at, updated_at)
             SELECT 'x', household_id, nik, 'ada', 'X', 'x', 'L', 'anak', region_code, 0, '', '' FROM persons WHERE nik = ?`,
          )
          .run(nik),
      ).toThrow(/UNIQUE constraint failed: persons\.nik/);
    });
  });
});

describe("coordinates of a bulk load [sqlite]", () => {
  it("stores a coordinate written with a decimal comma or spaces as its number", async () => {
    await onEmptyRegistry(async ({ db, sqlite }) => {
      const csv = Buffer.from(
        [
          "no_kk;nik;nama;jenis_kelamin;tanggal_lahir;hubungan_keluarga;kode_kelurahan;rw;rt;alamat;latitude;longitude",
          '3171010101200001;3171011208900001;Budi Hartono;L;1990-08-12;kepala keluarga;3171011001;1;2;Jl. A 1;"-6,2";" 106.80 "',
          "3171010101200002;3171011208900002;Siti Aminah;P;1990-08-12;kepala keluarga;3171011001;1;3;Jl. B 2;.5;1e1",
        ].join("\n"),
      );
      const result = await importPersons({ db, sqlite }, { buffer: csv });
      expect(result.problems).toEqual([]);
      const rows = await db
        .selectFrom("households")
        .select(["kk_number", "latitude", "longitude"])
        .orderBy("kk_number")
        .execute();
      expect(rows).toEqual([
        { kk_number: "3171010101200001", latitude: -6.2, longitude: 106.8 },
        { kk_number: "3171010101200002", latitude: 0.5, longitude: 10 },
      ]);
    });
  });
});

describe("change numbers of a bulk load [sqlite]", () => {
  it("gives every row its own change number below the counter, so that a later write comes after it", async () => {
    await onEmptyRegistry(async ({ db, sqlite }) => {
      const counter = async () =>
        Number((await db.selectFrom("change_counter").select("value").executeTakeFirstOrThrow()).value);
      const before = await counter();
      const result = await importPersons({ db, sqlite }, { buffer: MIXED }, { skipInvalid: true });
      expect(result.summary.inserted).toBeGreaterThan(0);
      const seqs = (
        await Promise.all(
          (["persons", "households", "ppks_classifications"] as const).map((t) =>
            db.selectFrom(t).select("seq").execute(),
          ),
        )
      )
        .flat()
        .map((r) => Number(r.seq));
      expect(new Set(seqs).size).toBe(seqs.length);
      expect(Math.min(...seqs)).toBeGreaterThan(before);
      const after = await counter();
      expect(Math.max(...seqs)).toBeLessThanOrEqual(after);
    });
  });
});

describe("docs/examples/persons-example.csv [sqlite]", () => {
  it("is a valid import file", async () => {
    await onEmptyRegistry(async ({ db, sqlite }) => {
      const example = readFileSync(new URL("../../../../docs/examples/persons-example.csv", import.meta.url));
      const result = await importPersons({ db, sqlite }, { buffer: example });
      expect(result.problems).toEqual([]);
      expect(result.summary).toEqual({ read: 4, inserted: 4, updated: 0, rejected: 0, households: 2 });
    });
  });
});
