import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type MigrationDb, openMigratedTo } from "../../../../test/migration-db.ts";

const BEFORE = "2026-11-28-013-unique-numbers-as-indexes";
const THIS = "2026-11-28-014-contentless-name-index";
const NOW = "2026-11-28T00:00:00.000Z";

describe("migration 014: contentless trigram index of name keys [sqlite]", () => {
  let m: MigrationDb;
  const sqlite = () => m.sqlite;
  const insertPerson = (id: string, nik: string, key: string) =>
    sqlite()
      .prepare(
        `INSERT INTO persons (id, nik, nik_status, name, name_normalized, name_phonetic, sex, relation,
          region_code, seq, created_at, updated_at)
         VALUES (?, ?, 'ada', ?, ?, ?, 'L', 'anak', '3171011001', 1, '${NOW}', '${NOW}')`,
      )
      .run(id, nik, key, key, key);
  /** Person ids whose key contains `text`, through the trigram index. */
  const matching = (text: string) =>
    sqlite()
      .prepare(
        `SELECT k.person_id FROM persons_fts f JOIN person_search_keys k ON k.rowid = f.rowid
         WHERE persons_fts MATCH ? ORDER BY 1`,
      )
      .pluck()
      .all(`"${text}"`);

  beforeEach(async () => {
    m = await openMigratedTo(BEFORE);
    sqlite().exec(`INSERT INTO regions (code, name, kind, created_at, updated_at)
      VALUES ('3171011001', 'Gambir', 'kelurahan', '${NOW}', '${NOW}')`);
    insertPerson("p1", "3171012206720001", "muhamad riski");
  });

  afterEach(() => m.close());

  it("indexes the persons already there and follows inserts, updates and deletes", async () => {
    await m.migrateTo(THIS);
    expect(
      sqlite().prepare("SELECT count(*) FROM sqlite_master WHERE name = 'persons_fts_content'").pluck().get(),
    ).toBe(0);
    expect(matching("riski")).toEqual(["p1"]);

    insertPerson("p2", "3171012206720002", "siti aminah");
    expect(matching("amina")).toEqual(["p2"]);
    sqlite().prepare("UPDATE persons SET name_phonetic = 'siti rahayu' WHERE id = 'p2'").run();
    expect(matching("amina")).toEqual([]);
    expect(matching("rahay")).toEqual(["p2"]);
    sqlite().prepare("DELETE FROM persons WHERE id = 'p1'").run();
    expect(matching("riski")).toEqual([]);
    expect(matching("siti")).toEqual(["p2"]);
  });

  it("goes back down to an index with its own copy of the keys", async () => {
    await m.migrateTo(THIS);
    await m.migrateTo(BEFORE);
    expect(
      sqlite().prepare("SELECT count(*) FROM sqlite_master WHERE name = 'persons_fts_content'").pluck().get(),
    ).toBe(1);
    expect(matching("riski")).toEqual(["p1"]);
  });
});
