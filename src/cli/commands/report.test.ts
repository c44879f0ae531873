/**
 * `peduli report monthly` as a user runs it: the real command in a child process on a seeded
 * temporary SQLite database. The PDF must open: its first page is rendered with pdftoppm
 * (poppler-utils), which this test requires — it fails, never skips, when the tool is missing.
 */
import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../../server/db/create-db.ts";
import { migrateToLatest } from "../../server/db/migrate.ts";
import { seedDemo } from "../../server/features/demo/demo.service.ts";

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "peduli-cli-report-"));
const url = `sqlite:${join(dir, "report.db")}`;

async function peduli(...args: string[]) {
  try {
    const { stdout, stderr } = await run("node", ["bin/peduli.js", ...args], {
      env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "silent" },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  const handle = await createDb(url);
  await migrateToLatest(handle.db);
  await seedDemo(handle.db, { households: 150, seed: 9 });
  await handle.close();
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("peduli report monthly [sqlite, child process]", () => {
  it("writes a PDF in Indonesian with its charts, and its first page renders", async () => {
    const out = join(dir, "report.pdf");
    const result = await peduli("report", "monthly", "--region", "3171", "--month", "2024-05", "--out", out);
    expect(result.code, result.stderr).toBe(0);
    const pdf = readFileSync(out);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");

    let pdftoppm = "";
    try {
      pdftoppm = execFileSync("sh", ["-c", "command -v pdftoppm"]).toString().trim();
    } catch {
      pdftoppm = "";
    }
    if (!pdftoppm)
      throw new Error(
        "pdftoppm is missing: install poppler-utils (apt-get install poppler-utils) to check the report renders",
      );
    execFileSync(pdftoppm, ["-png", "-r", "60", "-f", "1", "-l", "1", out, join(dir, "page")]);
    const page = [join(dir, "page-1.png"), join(dir, "page-01.png")].find((p) => existsSync(p));
    expect(page, "first page rendered").toBeTruthy();
    expect(statSync(page as string).size).toBeGreaterThan(5_000);

    const text = execFileSync("pdftotext", ["-layout", out, "-"]).toString();
    expect(text).toContain("Laporan Bulanan Kesejahteraan Sosial");
    expect(text).toContain("Mei 2024");
    expect(text).toContain("Kasus terbuka");
    expect(text).toContain("Masalah utama per wilayah");
    // The charts are drawn into the PDF as vector graphics with their titles and labels.
    expect(text).toContain("PPKS aktif per kategori");
    expect(text).toContain("Kasus terbuka per urgensi");
  }, 120_000);

  it("writes the underlying tables as XLSX", async () => {
    const out = join(dir, "report.xlsx");
    const result = await peduli("report", "monthly", "--region", "3171", "--month", "2024-05", "--out", out);
    expect(result.code, result.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Ringkasan",
      "Wilayah",
      "PPKS",
      "Masalah utama",
      "Rujukan",
      "Tenaga",
    ]);
    expect(wb.getWorksheet("Wilayah")?.rowCount).toBe(9);
  }, 120_000);

  it("refuses a bad month or output name with exit code 2", async () => {
    expect(
      (
        await peduli(
          "report",
          "monthly",
          "--region",
          "3171",
          "--month",
          "2024-13",
          "--out",
          join(dir, "x.pdf"),
        )
      ).code,
    ).toBe(2);
    expect(
      (
        await peduli(
          "report",
          "monthly",
          "--region",
          "3171",
          "--month",
          "2024-05",
          "--out",
          join(dir, "x.doc"),
        )
      ).code,
    ).toBe(2);
  }, 60_000);
});
