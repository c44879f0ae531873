import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type MigrationDb, openMigratedTo } from "../../../../test/migration-db.ts";
import { MIGRATIONS } from "./index.ts";

const BEFORE = "2026-11-28-012-psks-demo-flag";
const THIS = "2026-11-28-013-unique-numbers-as-indexes";
const NOW = "2026-11-28T00:00:00.000Z";

describe("migration 013: NIK and KK uniqueness as named indexes [sqlite]", () => {
  let m: MigrationDb;
  const sqlite = () => m.sqlite;
  const names = (table: string) =>
    (
      sqlite()
        .prepare(
          "SELECT name FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') ORDER BY name",
        )
        .all(table) as { name: string }[]
    ).map((r) => r.name);
  const insertPerson = (id: string, nik: string, name: string) =>
    sqlite()
      .prepare(
        `INSERT INTO persons (id, household_id, nik, nik_status, name, name_normalized, name_phonetic, sex,
          relation, region_code, seq, created_at, updated_at)
         VALUES (?, 'h1', ?, 'ada', ?, lower(?), lower(?), 'L', 'anak', '3171011001', 2, '${NOW}', '${NOW}')`,
      )
      .run(id, nik, name, name, name);

  beforeEach(async () => {
    m = await openMigratedTo(BEFORE);
    const db = sqlite();
    db.exec(`INSERT INTO regions (code, name, kind, parent_code, created_at, updated_at) VALUES
      ('31', 'DKI', 'provinsi', NULL, '${NOW}', '${NOW}'),
      ('3171011001', 'Gambir', 'kelurahan', '31', '${NOW}', '${NOW}');
      INSERT INTO ppks_categories (code, name, group_code, sort_order, updated_at) VALUES ('01', 'Anak', 'a', 1, '${NOW}');
      INSERT INTO households (id, kk_number, region_code, rw, rt, address, seq, created_at, updated_at)
        VALUES ('h1', '3171010101010001', '3171011001', '001', '002', 'Jl. Satu', 1, '${NOW}', '${NOW}');`);
    insertPerson("p1", "3171012206720001", "Muhammad Rizki");
    db.exec(`INSERT INTO ppks_classifications (id, person_id, household_id, category_code, found_on, source,
      status, region_code, seq, created_at, updated_at)
      VALUES ('c1', 'p1', 'h1', '01', '2026-11-28', 'dtks', 'aktif', '3171011001', 3, '${NOW}', '${NOW}')`);
  });

  afterEach(() => m.close());

  it("keeps rows, references, indexes and triggers, and still refuses a second NIK or KK", async () => {
    const indexesBefore = names("persons").filter((n) => !n.startsWith("sqlite_autoindex"));
    await m.migrateTo(THIS);
    const db = sqlite();

    expect(db.prepare("SELECT id, nik, name FROM persons").all()).toEqual([
      { id: "p1", nik: "3171012206720001", name: "Muhammad Rizki" },
    ]);
    expect(db.prepare("SELECT kk_number FROM households").pluck().all()).toEqual(["3171010101010001"]);
    expect(db.prepare("PRAGMA foreign_key_check").all()).toEqual([]);
    expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
    // Every index and trigger of before, plus the named unique index instead of the clause's.
    expect(names("persons")).toEqual(
      [...indexesBefore, "persons_nik_unique", "sqlite_autoindex_persons_1"].sort(),
    );
    expect(names("households")).toContain("households_kk_unique");
    expect(names("households")).not.toContain("sqlite_autoindex_households_2");

    expect(() => insertPerson("p2", "3171012206720001", "Budi")).toThrow(
      /UNIQUE constraint failed: persons\.nik/,
    );
    expect(() =>
      db.exec(`INSERT INTO households (id, kk_number, region_code, rw, rt, address, seq, created_at, updated_at)
        VALUES ('h2', '3171010101010001', '3171011001', '001', '002', 'Jl. Dua', 4, '${NOW}', '${NOW}')`),
    ).toThrow(/UNIQUE constraint failed: households\.kk_number/);
    // Foreign keys are enforced again, and still point at the rebuilt tables.
    expect(() =>
      db.exec(`INSERT INTO ppks_classifications (id, person_id, household_id, category_code, found_on, source,
        status, region_code, seq, created_at, updated_at)
        VALUES ('c2', 'nobody', 'h1', '01', '2026-11-28', 'dtks', 'aktif', '3171011001', 5, '${NOW}', '${NOW}')`),
    ).toThrow(/FOREIGN KEY constraint failed/);

    // The search triggers came back: a new person is indexed for name search.
    insertPerson("p3", "3171014506800002", "Siti Aminah");
    expect(
      db.prepare("SELECT count(*) FROM persons_fts WHERE persons_fts MATCH 'aminah'").pluck().get(),
    ).toBe(1);
    expect(
      db.prepare("SELECT word FROM person_name_words WHERE person_id = 'p3' ORDER BY word").pluck().all(),
    ).toEqual(["aminah", "siti"]);
  });

  it("keeps the existing person findable, and runs again harmlessly after a crash before its bookkeeping", async () => {
    await m.migrateTo(THIS);
    const db = sqlite();
    const found = () =>
      db
        .prepare(
          `SELECT k.person_id FROM persons_fts f JOIN person_search_keys k ON k.rowid = f.rowid
           WHERE persons_fts MATCH '"rizki"'`,
        )
        .pluck()
        .all();
    expect(found()).toEqual(["p1"]);
    expect(db.prepare("SELECT DISTINCT person_id FROM person_name_words").pluck().all()).toEqual(["p1"]);
    const schema = () => db.prepare("SELECT type, name, sql FROM sqlite_master ORDER BY name").all();
    const after = schema();
    await MIGRATIONS[THIS]?.up(m.handle.db);
    expect(schema()).toEqual(after);
    expect(found()).toEqual(["p1"]);
  });

  it("is not held up by a broken reference that was there before it", async () => {
    const db = sqlite();
    db.pragma("foreign_keys = OFF");
    db.exec(`INSERT INTO ppks_classifications (id, person_id, household_id, category_code, found_on, source,
      status, region_code, seq, created_at, updated_at)
      VALUES ('c9', 'gone', 'h1', '01', '2026-11-28', 'dtks', 'aktif', '3171011001', 9, '${NOW}', '${NOW}')`);
    db.pragma("foreign_keys = ON");
    await m.migrateTo(THIS);
    expect(names("persons")).toContain("persons_nik_unique");
    expect(db.prepare("PRAGMA foreign_key_check").all()).toHaveLength(1);
  });

  it("goes back down to the UNIQUE clauses with the rows kept", async () => {
    const triggers = () => names("persons").filter((n) => !n.includes("_idx") && !n.includes("autoindex"));
    const before = triggers();
    await m.migrateTo(THIS);
    await m.migrateTo(BEFORE);
    const db = sqlite();
    expect(triggers()).toEqual(before);
    expect(before.length).toBe(6);
    expect(names("persons")).toContain("sqlite_autoindex_persons_2");
    expect(names("persons")).not.toContain("persons_nik_unique");
    expect(names("households")).toContain("sqlite_autoindex_households_2");
    expect(db.prepare("SELECT count(*) FROM persons").pluck().get()).toBe(1);
    expect(db.prepare("PRAGMA foreign_key_check").all()).toEqual([]);
    expect(() => insertPerson("p2", "3171012206720001", "Budi")).toThrow(
      /UNIQUE constraint failed: persons\.nik/,
    );
  });
});
