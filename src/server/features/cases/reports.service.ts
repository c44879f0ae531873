/**
 * Case reports: open and closed cases by category, region and urgency; median hours from report
 * to first visit and to closing; overdue follow-ups per worker; referral outcomes per programme.
 * Within the actor's scope (a TKSK sees its kecamatan, sudin the city). XLSX export.
 */
import ExcelJS from "exceljs";
import type { CaseReportDto, CaseReportQuery } from "../../../core/api/cases.schema.ts";
import { URGENCIES, type Urgency } from "../../../core/cases/case-enums.ts";
import { medianHours } from "../../../core/cases/report-stats.ts";
import { assertPermission } from "../auth/actor.ts";
import { categoryName } from "./case-categories.ts";
import { type CaseCtx, nowOf } from "./case-context.ts";
import * as repo from "./reports.repository.ts";

/** Dates are Jakarta days: `from` starts at 00:00 WIB, `to` includes its whole day. */
function toFilter(query: CaseReportQuery): repo.ReportFilter {
  const start = (date: string) => new Date(Date.parse(`${date}T00:00:00+07:00`)).toISOString();
  const dayAfter = (date: string) =>
    new Date(Date.parse(`${date}T00:00:00+07:00`) + 86_400_000).toISOString();
  return {
    regionCode: query.region,
    from: query.from ? start(query.from) : undefined,
    to: query.to ? dayAfter(query.to) : undefined,
  };
}

export async function caseReport(ctx: CaseCtx, query: CaseReportQuery): Promise<CaseReportDto> {
  assertPermission(ctx.actor, "aggregates:read");
  const filter = toFilter(query);
  const { db } = ctx;
  const scope = ctx.actor.scope;
  const [byCategory, byRegion, byUrgency, durations, overdue, referrals] = await Promise.all([
    repo.countsBy(db, "c.category", filter, scope),
    repo.countsBy(db, "c.region_code", filter, scope),
    repo.countsBy(db, "c.urgency", filter, scope),
    repo.caseDurations(db, filter, scope),
    repo.overdueByWorker(db, filter, scope, nowOf(ctx)),
    repo.referralOutcomes(db, filter, scope),
  ]);
  const names = await repo.regionNames(
    db,
    byRegion.map((r) => r.key),
  );
  const outcomes = new Map<string, CaseReportDto["referralOutcomes"][number]>();
  for (const r of referrals) {
    const entry = outcomes.get(r.target_name) ?? {
      target: r.target_name,
      dikirim: 0,
      diterima: 0,
      ditolak: 0,
      selesai: 0,
    };
    if (r.status === "dikirim" || r.status === "diterima" || r.status === "ditolak" || r.status === "selesai")
      entry[r.status] += Number(r.n);
    outcomes.set(r.target_name, entry);
  }
  const urgencyOrder = (u: string) => URGENCIES.indexOf(u as Urgency);
  return {
    generatedAt: nowOf(ctx),
    byCategory: byCategory.map((r) => ({
      category: r.key,
      categoryName: categoryName(r.key),
      open: r.open,
      closed: r.closed,
    })),
    byRegion: byRegion.map((r) => ({
      regionCode: r.key,
      regionName: names.get(r.key) ?? null,
      open: r.open,
      closed: r.closed,
    })),
    byUrgency: byUrgency
      .sort((a, b) => urgencyOrder(a.key) - urgencyOrder(b.key))
      .map((r) => ({ urgency: r.key as Urgency, open: r.open, closed: r.closed })),
    medianHoursToFirstVisit: medianHours(
      durations.map((d) => ({ from: d.reported_at, to: d.first_visit_at })),
    ),
    medianHoursToClose: medianHours(durations.map((d) => ({ from: d.reported_at, to: d.closed_at }))),
    overdueByWorker: overdue,
    referralOutcomes: [...outcomes.values()],
  };
}

/** The report as a workbook: one sheet per table, Indonesian headers. */
export async function caseReportXlsx(report: CaseReportDto): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "Peduli";
  const sheet = (name: string, headers: string[], rows: (string | number | null)[][]) => {
    const ws = book.addWorksheet(name);
    ws.addRow(headers).font = { bold: true };
    for (const row of rows) ws.addRow(row);
    ws.columns.forEach((c) => {
      c.width = 22;
    });
  };
  sheet(
    "Ringkasan",
    ["Ukuran", "Nilai"],
    [
      ["Dibuat pada (UTC)", report.generatedAt],
      ["Median jam laporan → kunjungan pertama", report.medianHoursToFirstVisit],
      ["Median jam laporan → selesai", report.medianHoursToClose],
    ],
  );
  sheet(
    "Per kategori",
    ["Kode", "Kategori", "Terbuka", "Selesai"],
    report.byCategory.map((r) => [r.category, r.categoryName, r.open, r.closed]),
  );
  sheet(
    "Per wilayah",
    ["Kode wilayah", "Kelurahan", "Terbuka", "Selesai"],
    report.byRegion.map((r) => [r.regionCode, r.regionName, r.open, r.closed]),
  );
  sheet(
    "Per urgensi",
    ["Urgensi", "Terbuka", "Selesai"],
    report.byUrgency.map((r) => [r.urgency, r.open, r.closed]),
  );
  sheet(
    "Tugas terlambat",
    ["Petugas", "Wilayah", "Jumlah terlambat"],
    report.overdueByWorker.map((r) => [r.workerName ?? "(belum ditugaskan)", r.regionCode, r.overdue]),
  );
  sheet(
    "Hasil rujukan",
    ["Tujuan rujukan", "Dikirim", "Diterima", "Ditolak", "Selesai"],
    report.referralOutcomes.map((r) => [r.target, r.dikirim, r.diterima, r.ditolak, r.selesai]),
  );
  return Buffer.from(await book.xlsx.writeBuffer());
}
