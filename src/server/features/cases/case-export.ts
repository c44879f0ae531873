/**
 * Cases as a file for supervisors' scripts: every case matching the list filters (all pages) as
 * CSV, or as XLSX holding the case report's sheets (caseReportXlsx) plus a "Daftar kasus" sheet.
 * Headers in Indonesian, like the report.
 */
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import type { CaseDto, CaseListQuery } from "../../../core/api/cases.schema.ts";
import type { CaseCtx } from "./case-context.ts";
import { listCases } from "./cases.service.ts";
import { caseReport, caseReportXlsx } from "./reports.service.ts";

/** Filters of the case list an export or a script uses (the paging is done here). */
export type CaseFilter = Omit<CaseListQuery, "page" | "pageSize">;

const PAGE = 500;

/** Every case matching `filter` within the actor's scope, in the list's order. */
export async function allCases(ctx: CaseCtx, filter: CaseFilter): Promise<CaseDto[]> {
  const items: CaseDto[] = [];
  for (let page = 1; ; page++) {
    const result = await listCases(ctx, { ...filter, page, pageSize: PAGE });
    items.push(...result.items);
    if (result.items.length < PAGE || items.length >= result.total) return items;
  }
}

export const CASE_COLUMNS = [
  "nomor_kasus",
  "tahap",
  "urgensi",
  "kategori",
  "nama_kategori",
  "kode_wilayah",
  "wilayah",
  "tentang",
  "petugas",
  "dilaporkan",
  "kunjungan_pertama",
  "ditutup",
  "tugas_terlambat",
] as const;

/** One row of the export per case, in CASE_COLUMNS order. */
export function caseRow(c: CaseDto): (string | number | null)[] {
  return [
    c.caseNumber,
    c.stage,
    c.urgency,
    c.category,
    c.categoryName,
    c.regionCode,
    c.regionName,
    c.subjectLabel,
    c.assigneeName,
    c.reportedAt,
    c.firstVisitAt,
    c.closedAt,
    c.overdueTasks,
  ];
}

export function casesCsv(cases: CaseDto[]): string {
  return stringify([[...CASE_COLUMNS], ...cases.map(caseRow)]);
}

/** The case report workbook for the same region, with the cases listed on a last sheet. */
export async function casesXlsx(ctx: CaseCtx, filter: CaseFilter, cases: CaseDto[]): Promise<Buffer> {
  const report = await caseReport(ctx, { region: filter.region });
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await caseReportXlsx(report)) as unknown as ArrayBuffer);
  const sheet = book.addWorksheet("Daftar kasus");
  sheet.addRow([...CASE_COLUMNS]).font = { bold: true };
  for (const c of cases) sheet.addRow(caseRow(c));
  sheet.columns.forEach((column) => {
    column.width = 18;
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
