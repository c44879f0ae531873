/**
 * `peduli import persons` and `peduli export persons` as a user runs them: the real command in a
 * child process on a temporary SQLite database.
 */
import { execFile, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import SqliteDatabase from "better-sqlite3";
import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import { writePersonCsv } from "../../../bench/person-csv.ts";

const run = promisify(execFile);
const fixture = new URL("../../../test/fixtures/persons-mixed.csv", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "peduli-cli-import-"));

async function peduli(
  db: string,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run("node", ["bin/peduli.js", ...args], {
      env: { ...process.env, DATABASE_URL: `sqlite:${join(dir, db)}`, LOG_LEVEL: "silent" },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function counts(db: string): { persons: number; households: number } {
  const sqlite = new SqliteDatabase(join(dir, db), { readonly: true });
  try {
    const n = (table: string) =>
      (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { persons: n("persons"), households: n("households") };
  } finally {
    sqlite.close();
  }
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("peduli import persons / export persons [sqlite, child process]", () => {
  it("writes nothing, exits 1 and reports exactly the invalid rows by default", async () => {
    expect((await peduli("a.db", "regions", "import", "data/regions/3171-jakarta-pusat.csv")).code).toBe(0);
    const errors = join(dir, "errors.csv");
    const result = await peduli("a.db", "import", "persons", fixture, "--errors", errors);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("TIDAK ADA YANG DISIMPAN");
    const report = parse(readFileSync(errors), { columns: true }) as Record<string, string>[];
    expect(Object.keys(report[0] ?? {})).toEqual(["baris", "kolom", "nilai", "kode", "alasan", "reason"]);
    expect([...new Set(report.map((r) => Number(r.baris)))]).toEqual([6, 7, 8, 9, 10, 11, 12]);
    expect(report.find((r) => r.baris === "12")).toMatchObject({
      kolom: "tanggal_lahir",
      nilai: "2024-02-30",
    });
    expect(counts("a.db")).toEqual({ persons: 0, households: 0 });
  }, 60_000);

  it("--skip-invalid --json writes the valid rows; running it again changes no counts", async () => {
    const first = await peduli("a.db", "import", "persons", fixture, "--skip-invalid", "--json");
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({
      read: 11,
      inserted: 4,
      updated: 0,
      rejected: 7,
      households: 2,
    });
    expect(first.stderr).toContain("baris/row 12");
    expect(counts("a.db")).toEqual({ persons: 4, households: 2 });
    const again = await peduli("a.db", "import", "persons", fixture, "--skip-invalid", "--json");
    expect(JSON.parse(again.stdout)).toEqual({
      read: 11,
      inserted: 0,
      updated: 4,
      rejected: 7,
      households: 2,
    });
    expect(counts("a.db")).toEqual({ persons: 4, households: 2 });
  }, 60_000);

  it("an export of a kelurahan re-imports into an empty database with the same persons and households", async () => {
    const out = join(dir, "gambir.csv");
    const exported = await peduli("a.db", "export", "persons", "--region", "31.71.01.1001", "--out", out);
    expect(exported.code).toBe(0);
    expect((await peduli("b.db", "regions", "import", "data/regions/3171-jakarta-pusat.csv")).code).toBe(0);
    const result = await peduli("b.db", "import", "persons", out, "--json");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      read: 3,
      inserted: 3,
      updated: 0,
      rejected: 0,
      households: 1,
    });
    const people = (db: string) => {
      const sqlite = new SqliteDatabase(join(dir, db), { readonly: true });
      try {
        return sqlite
          .prepare(
            `SELECT p.nik, p.name, p.birth_date, h.kk_number, h.rw, h.rt, h.address FROM persons p
             JOIN households h ON h.id = p.household_id WHERE p.region_code = '3171011001' ORDER BY p.nik`,
          )
          .all();
      } finally {
        sqlite.close();
      }
    };
    expect(people("b.db")).toEqual(people("a.db"));
  }, 60_000);

  it("a killed import of a large file leaves the database as before; the next one loads it, searchable", async () => {
    // 60,000 rows (about 11 MB): the bulk path into an empty registry, read on a second thread.
    const file = join(dir, "large.csv");
    await writePersonCsv(file, 60_000);
    expect((await peduli("k.db", "regions", "import", "data/regions/3171-jakarta-pusat.csv")).code).toBe(0);
    const schema = () => {
      const sqlite = new SqliteDatabase(join(dir, "k.db"), { readonly: true });
      try {
        return sqlite.prepare("SELECT type, name, sql FROM sqlite_master ORDER BY name").all();
      } finally {
        sqlite.close();
      }
    };
    const before = schema();
    const child = spawn("node", ["bin/peduli.js", "import", "persons", file, "--json"], {
      env: { ...process.env, DATABASE_URL: `sqlite:${join(dir, "k.db")}`, LOG_LEVEL: "silent" },
      stdio: "ignore",
    });
    const exited = new Promise((resolve) => child.on("exit", resolve));
    // Kill it once it is writing: the journal (or WAL) holds more than a few pages.
    const journal = [join(dir, "k.db-journal"), join(dir, "k.db-wal")];
    const deadline = Date.now() + 60_000;
    while (!journal.some((f) => existsSync(f) && statSync(f).size > 64 * 1024) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    const writing = journal.some((f) => existsSync(f) && statSync(f).size > 64 * 1024);
    child.kill("SIGKILL");
    expect(await exited).toBeNull();
    expect(writing).toBe(true);
    const database = join(dir, "k.db");
    // Opening the database rolls the interrupted transaction back: nothing of it remains.
    expect(counts("k.db")).toEqual({ persons: 0, households: 0 });
    expect(schema()).toEqual(before);

    const result = await peduli("k.db", "import", "persons", file, "--json");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ read: 60_000, inserted: 60_000, rejected: 0 });
    expect(schema()).toEqual(before);
    const sqlite = new SqliteDatabase(database, { readonly: true });
    try {
      const one = (q: string, ...p: unknown[]) => Object.values(sqlite.prepare(q).get(...p) as object)[0];
      expect(one("PRAGMA integrity_check")).toBe("ok");
      expect(one("PRAGMA journal_mode")).toBe("wal");
      expect(one("SELECT count(*) FROM person_search_keys")).toBe(60_000);
      expect(sqlite.prepare("PRAGMA foreign_key_check").all()).toEqual([]);
      // The trigram index finds exactly the persons whose phonetic key holds the text, through
      // their search keys.
      const ids = (q: string, ...p: unknown[]) =>
        sqlite
          .prepare(q)
          .pluck()
          .all(...p);
      for (const offset of [7, 30_777, 59_990]) {
        const key = one("SELECT substr(name_phonetic, 1, 5) FROM persons LIMIT 1 OFFSET ?", offset) as string;
        const found = ids(
          `SELECT k.person_id FROM persons_fts f JOIN person_search_keys k ON k.rowid = f.rowid
           WHERE persons_fts MATCH ? ORDER BY 1`,
          `"${key}"`,
        );
        expect(found.length).toBeGreaterThan(0);
        expect(found).toEqual(
          ids("SELECT id FROM persons WHERE instr(name_phonetic, ?) > 0 ORDER BY 1", key),
        );
      }
      expect(one("SELECT count(*) FROM persons WHERE name_phonetic = '' OR name_normalized = ''")).toBe(0);
      // The name-word index holds every word of every imported person, as its trigger would.
      expect(one("SELECT count(*) FROM person_name_words")).toBe(
        one(`SELECT count(*) FROM (SELECT DISTINCT w.value, p.region_code, p.id FROM persons p,
          json_each('["' || replace(p.name_phonetic, ' ', '","') || '"]') w WHERE w.value <> '')`),
      );
      expect(one("SELECT count(*) FROM person_name_words")).toBeGreaterThan(60_000);
    } finally {
      sqlite.close();
    }
    // Again: every person is matched by NIK and updated, none duplicated.
    const again = await peduli("k.db", "import", "persons", file, "--json");
    expect(JSON.parse(again.stdout)).toMatchObject({ inserted: 0, updated: 60_000, rejected: 0 });
    expect(counts("k.db").persons).toBe(60_000);
  }, 300_000);
});
