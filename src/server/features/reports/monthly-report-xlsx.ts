/** The monthly report's underlying tables as an XLSX workbook (one sheet per table). */
import ExcelJS from "exceljs";
import type { MonthlyReport } from "./monthly-report.service.ts";

export async function monthlyReportXlsx(r: MonthlyReport): Promise<Buffer> {
  const d = r.current;
  const wb = new ExcelJS.Workbook();
  wb.creator = "Peduli";
  const summary = wb.addWorksheet("Ringkasan");
  summary.columns = [
    { header: "Indikator", key: "k", width: 34 },
    { header: r.monthName, key: "now", width: 16 },
    { header: "Bulan sebelumnya", key: "before", width: 18 },
  ];
  const figures: [string, keyof typeof d][] = [
    ["Penduduk terdaftar", "persons"],
    ["Keluarga terdaftar", "households"],
    ["Keluarga baru didaftarkan", "householdsRegistered"],
    ["PPKS aktif", "ppksTotal"],
    ["PPKS ditemukan", "ppksFound"],
    ["Kasus terbuka", "openCases"],
    ["Kasus dibuka", "casesOpened"],
    ["Kasus ditutup", "casesClosed"],
    ["Tindak lanjut terlambat", "overdueFollowUps"],
  ];
  for (const [k, key] of figures) summary.addRow({ k, now: d[key], before: r.previous[key] });
  summary.addRow({ k: "IKM H (penduduk)", now: d.mpi.H, before: r.previous.mpi.H });
  summary.addRow({ k: "IKM A", now: d.mpi.A, before: r.previous.mpi.A });
  summary.addRow({ k: "IKM M0", now: d.mpi.M0, before: r.previous.mpi.M0 });

  const children = wb.addWorksheet("Wilayah");
  children.columns = [
    { header: "Kode", key: "code", width: 12 },
    { header: "Wilayah", key: "name", width: 26 },
    { header: "Penduduk", key: "persons", width: 12 },
    { header: "Keluarga", key: "households", width: 12 },
    { header: "PPKS aktif", key: "ppks", width: 12 },
    { header: "Kasus terbuka", key: "openCases", width: 14 },
    { header: "Kasus dibuka", key: "casesOpened", width: 14 },
    { header: "Kasus ditutup", key: "casesClosed", width: 14 },
    { header: "Tindak lanjut terlambat", key: "overdueFollowUps", width: 22 },
    { header: "Rujukan dikirim", key: "referralsSent", width: 16 },
    { header: "IKM H", key: "mpiH", width: 10 },
    { header: "IKM M0", key: "mpiM0", width: 10 },
    { header: "Masalah utama", key: "issue", width: 36 },
  ];
  for (const c of d.children) children.addRow({ ...c, issue: c.topIssue?.name ?? "" });

  const ppks = wb.addWorksheet("PPKS");
  ppks.columns = [
    { header: "Kode", key: "code", width: 8 },
    { header: "Kategori", key: "name", width: 50 },
    { header: "Aktif", key: "count", width: 10 },
  ];
  for (const c of d.ppksCategories) ppks.addRow(c);

  const issues = wb.addWorksheet("Masalah utama");
  issues.columns = [
    { header: "Wilayah", key: "region", width: 26 },
    { header: "Kategori", key: "category", width: 14 },
    { header: "Masalah", key: "name", width: 40 },
    { header: "Kasus terbuka", key: "openCases", width: 14 },
  ];
  for (const c of r.children) for (const t of c.topIssues) issues.addRow({ region: c.region.name, ...t });

  const referrals = wb.addWorksheet("Rujukan");
  referrals.columns = [
    { header: "Kode", key: "code", width: 12 },
    { header: "Program / layanan", key: "name", width: 50 },
    { header: "Dikirim", key: "sent", width: 10 },
    { header: "Selesai", key: "completed", width: 10 },
  ];
  for (const x of d.referralsByProgramme) referrals.addRow(x);

  const team = wb.addWorksheet("Tenaga");
  team.columns = [
    { header: "Indikator", key: "k", width: 40 },
    { header: "Nilai", key: "v", width: 12 },
  ];
  team.addRows([
    { k: "Petugas aktif", v: d.workforce.workers },
    { k: "TKSK", v: d.workforce.tksk },
    { k: "PSM", v: d.workforce.psm },
    { k: "Bersertifikat pelatihan", v: d.workforce.trained },
    { k: "Cakupan pelatihan (%)", v: d.workforce.trainingCoverage },
  ]);
  for (const sheet of wb.worksheets) sheet.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
