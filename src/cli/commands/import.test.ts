/**
 * `peduli import persons` and `peduli export persons` as a user runs them: the real command in a
 * child process on a temporary SQLite database.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import SqliteDatabase from "better-sqlite3";
import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";

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
});
