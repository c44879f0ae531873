/**
 * `peduli cases list|export` as a supervisor's script runs it: the real command in a child process
 * on a seeded temporary SQLite database (the demo seed opens cases in several stages).
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../../server/db/create-db.ts";
import { migrateToLatest } from "../../server/db/migrate.ts";
import { seedDemo } from "../../server/features/demo/demo.service.ts";

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "peduli-cli-cases-"));
const url = `sqlite:${join(dir, "cases.db")}`;

async function peduli(...args: string[]) {
  try {
    const { stdout, stderr } = await run("node", ["bin/peduli.js", "cases", ...args], {
      env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "silent" },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

type Listed = { caseNumber: string; stage: string; regionCode: string; overdueTasks: number };

beforeAll(async () => {
  const handle = await createDb(url);
  await migrateToLatest(handle.db);
  await seedDemo(handle.db, { households: 150, seed: 9 });
  await handle.close();
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("peduli cases [sqlite, child process]", () => {
  let all: Listed[] = [];

  it("lists every case as JSON, and filters by region, stage and overdue follow-ups", async () => {
    const everything = await peduli("list", "--json");
    expect(everything.code, everything.stderr).toBe(0);
    all = JSON.parse(everything.stdout) as Listed[];
    expect(all.length).toBeGreaterThan(0);

    const stage = all[0]!.stage;
    const byStage = JSON.parse((await peduli("list", "--stage", stage, "--json")).stdout) as Listed[];
    expect(byStage.length).toBe(all.filter((c) => c.stage === stage).length);

    const kelurahan = all[0]!.regionCode;
    const dotted = `${kelurahan.slice(0, 2)}.${kelurahan.slice(2, 4)}.${kelurahan.slice(4, 6)}.${kelurahan.slice(6)}`;
    const byRegion = JSON.parse((await peduli("list", "--region", dotted, "--json")).stdout) as Listed[];
    expect(byRegion.map((c) => c.caseNumber).sort()).toEqual(
      all
        .filter((c) => c.regionCode === kelurahan)
        .map((c) => c.caseNumber)
        .sort(),
    );

    const overdue = JSON.parse((await peduli("list", "--overdue", "--json")).stdout) as Listed[];
    expect(overdue.every((c) => c.overdueTasks > 0)).toBe(true);
    expect(overdue.length).toBe(all.filter((c) => c.overdueTasks > 0).length);

    const text = await peduli("list", "--stage", stage);
    expect(text.code).toBe(0);
    expect(text.stdout.trim().split("\n")).toHaveLength(byStage.length);
    expect(text.stderr).toContain(`${byStage.length} kasus / cases`);
  }, 60_000);

  it("exits 2 on a wrong stage, region code or file type, and 1 on a region that does not exist", async () => {
    const stage = await peduli("list", "--stage", "tamat");
    expect(stage.code).toBe(2);
    expect(stage.stderr).toContain("Tahap tidak dikenal / unknown stage: tamat");
    const code = await peduli("list", "--region", "31x");
    expect(code.code).toBe(2);
    expect(code.stderr).toContain("invalid region code");
    const missing = await peduli("list", "--region", "9999");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("Wilayah tidak ditemukan / region not found: 9999");
    const pdf = await peduli("export", "--out", join(dir, "cases.pdf"));
    expect(pdf.code).toBe(2);
    expect(pdf.stderr).toContain("must end in .csv or .xlsx");
  }, 60_000);

  it("exports the cases as CSV, and as XLSX with the case report sheets", async () => {
    const csvFile = join(dir, "cases.csv");
    const csv = await peduli("export", "--out", csvFile);
    expect(csv.code, csv.stderr).toBe(0);
    const lines = readFileSync(csvFile, "utf8").trim().split("\n");
    expect(lines[0]).toBe(
      "nomor_kasus,tahap,urgensi,kategori,nama_kategori,kode_wilayah,wilayah,tentang,petugas,dilaporkan,kunjungan_pertama,ditutup,tugas_terlambat",
    );
    expect(lines).toHaveLength(all.length + 1);
    expect(
      lines
        .slice(1)
        .map((l) => l.split(",")[0])
        .sort(),
    ).toEqual(all.map((c) => c.caseNumber).sort());

    const xlsxFile = join(dir, "cases.xlsx");
    const xlsx = await peduli("export", "--out", xlsxFile, "--overdue");
    expect(xlsx.code, xlsx.stderr).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsxFile);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      "Ringkasan",
      "Per kategori",
      "Per wilayah",
      "Per urgensi",
      "Tugas terlambat",
      "Hasil rujukan",
      "Daftar kasus",
    ]);
    const list = book.getWorksheet("Daftar kasus")!;
    expect(list.rowCount).toBe(all.filter((c) => c.overdueTasks > 0).length + 1);
    expect(list.getRow(1).getCell(1).value).toBe("nomor_kasus");
  }, 60_000);
});
