/** The cohort report as an XLSX workbook (exceljs) and a one-page PDF (pdfkit), in Indonesian. */
import ExcelJS from "exceljs";
import PDFDocument from "pdfkit";
import { periodeIndonesia } from "../../../core/dates/indonesian-dates.ts";
import { chart } from "../reports/monthly-report-pdf.ts";
import { groupedBarChart } from "../reports/report-charts.ts";
import type { CohortReport } from "./reports.service.ts";

const pct = (v: number | null) => (v === null ? "—" : `${(v * 100).toFixed(1).replace(".", ",")} %`);
const num = (v: number | null, digits = 1) => (v === null ? "—" : v.toFixed(digits).replace(".", ","));

function summaryLines(r: CohortReport): [string, string][] {
  return [
    ["Program", r.cohort.programmeName],
    ["Angkatan", r.cohort.name],
    ["Tanggal", periodeIndonesia(r.cohort.startsOn, r.cohort.endsOn)],
    ["Tempat", r.cohort.venue],
    [
      "Peserta",
      `${r.participants.total} (TKSK ${r.participants.byRole.tksk ?? 0}, PSM ${r.participants.byRole.psm ?? 0}); kuota TKSK ${r.quotas.tksk ?? 0}, PSM ${r.quotas.psm ?? 0}`,
    ],
    ["Jumlah sesi", String(r.sessions)],
    ["Rata-rata kehadiran", pct(r.attendanceRate)],
    ["Rata-rata pre-test", `${num(r.preMean)} (${r.preTaken} peserta)`],
    ["Rata-rata post-test", `${num(r.postMean)} (${r.postTaken} peserta)`],
    [
      "Rata-rata gain ternormalisasi",
      `${num(r.gainMean, 2)} (${r.gainCounted} peserta; tidak terdefinisi: pre = 100 ${r.gainUndefined.prePerfect}, tes tidak lengkap ${r.gainUndefined.missing})`,
    ],
    ["Nilai naik", `${r.improved} peserta`],
    ["Lulus", `${r.completed} peserta (${pct(r.completionRate)})`],
    ["Sertifikat", `${r.certificates.valid} berlaku, ${r.certificates.revoked} dicabut`],
    [
      "Evaluasi (1–5)",
      `${r.evaluation.responses} tanggapan; materi ${num(r.evaluation.means.content, 2)}, pelatih ${num(r.evaluation.means.trainer, 2)}, tempat ${num(r.evaluation.means.venue, 2)}, manfaat ${num(r.evaluation.means.usefulness, 2)}`,
    ],
  ];
}

export async function reportXlsx(r: CohortReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Peduli";
  const summary = wb.addWorksheet("Ringkasan");
  summary.columns = [
    { header: "Butir", key: "k", width: 32 },
    { header: "Nilai", key: "v", width: 90 },
  ];
  for (const [k, v] of summaryLines(r)) summary.addRow({ k, v });

  const people = wb.addWorksheet("Peserta");
  people.columns = [
    { header: "Nama", key: "name", width: 30 },
    { header: "Peran", key: "role", width: 8 },
    { header: "Wilayah", key: "region", width: 24 },
    { header: "Kehadiran", key: "att", width: 11, style: { numFmt: "0.0%" } },
    { header: "Pre-test", key: "pre", width: 10 },
    { header: "Post-test", key: "post", width: 10 },
    { header: "Gain (g)", key: "gain", width: 10 },
    { header: "Keterangan gain", key: "gainStatus", width: 20 },
    { header: "Lulus", key: "done", width: 8 },
    { header: "Nomor sertifikat", key: "cert", width: 36 },
  ];
  const gainNote = { ok: "", pre_perfect: "tidak terdefinisi (pre = 100)", missing: "tes tidak lengkap" };
  for (const p of r.rows) {
    people.addRow({
      name: p.name,
      role: p.role.toUpperCase(),
      region: p.regionName ?? p.regionCode,
      att: p.attendanceRate,
      pre: p.preScore,
      post: p.postScore,
      gain: p.gain,
      gainStatus: gainNote[p.gainStatus],
      done: p.completed ? "Ya" : "Tidak",
      cert: p.certificate ? `${p.certificate.number}${p.certificate.revoked_at ? " (dicabut)" : ""}` : "",
    });
  }
  for (const [title, groups] of [
    ["Per modul", r.gainByModule],
    ["Per kompetensi", r.gainByCompetency],
  ] as const) {
    const sheet = wb.addWorksheet(title);
    sheet.columns = [
      { header: "Kode", key: "code", width: 8 },
      { header: "Nama", key: "name", width: 50 },
      { header: "Rata-rata pre", key: "pre", width: 14 },
      { header: "Rata-rata post", key: "post", width: 14 },
      { header: "Gain kelas ⟨g⟩", key: "gain", width: 14 },
    ];
    for (const g of groups)
      sheet.addRow({ code: g.code, name: g.name, pre: g.preMean, post: g.postMean, gain: g.gain });
  }
  const attendance = wb.addWorksheet("Kehadiran per sesi");
  attendance.columns = [
    { header: "Tanggal", key: "date", width: 12 },
    { header: "Sesi", key: "title", width: 50 },
    { header: "Hadir", key: "present", width: 8 },
    { header: "Persentase", key: "rate", width: 12, style: { numFmt: "0.0%" } },
  ];
  for (const s of r.attendanceBySession) attendance.addRow(s);
  const comments = wb.addWorksheet("Evaluasi");
  comments.columns = [{ header: "Komentar (anonim)", key: "c", width: 100 }];
  for (const c of r.evaluation.comments) comments.addRow({ c });
  for (const sheet of wb.worksheets) sheet.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function reportPdf(r: CohortReport): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margin: 40, info: { Title: `Laporan ${r.cohort.name}` } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.font("Helvetica-Bold").fontSize(15).text("Laporan Angkatan Pelatihan");
  doc.moveDown(0.4);
  for (const [k, v] of summaryLines(r)) {
    doc.font("Helvetica-Bold").fontSize(9).text(`${k}: `, { continued: true }).font("Helvetica").text(v);
  }
  doc.moveDown(0.6);
  const bandLabel = (b: { from: number; to: number }) => `${b.from}–${b.to === 100 ? 100 : b.to - 1}`;
  chart(
    doc,
    "Sebaran nilai pre-test dan post-test (jumlah peserta per rentang)",
    groupedBarChart(r.preDistribution.map(bandLabel), [
      { name: "Pre-test", values: r.preDistribution.map((b) => b.count) },
      { name: "Post-test", values: r.postDistribution.map((b) => b.count) },
    ]),
    220,
  );
  doc.font("Helvetica").fontSize(9);
  for (let i = 0; i < r.preDistribution.length; i++) {
    const band = r.preDistribution[i] as { from: number; to: number; count: number };
    const postCount = r.postDistribution[i]?.count ?? 0;
    doc.text(`${band.from}–${band.to === 100 ? 100 : band.to - 1}: pre ${band.count}, post ${postCount}`);
  }
  for (const [title, groups] of [
    ["Gain per modul", r.gainByModule],
    ["Gain per kompetensi", r.gainByCompetency],
  ] as const) {
    doc.moveDown(0.6).font("Helvetica-Bold").fontSize(11).text(title);
    doc.font("Helvetica").fontSize(9);
    for (const g of groups) {
      doc.text(
        `${g.code} ${g.name}: pre ${num(g.preMean)}, post ${num(g.postMean)}, gain kelas ${num(g.gain, 2)}`,
      );
    }
  }
  doc.moveDown(0.6).font("Helvetica-Bold").fontSize(11).text("Kehadiran per sesi");
  doc.font("Helvetica").fontSize(9);
  for (const s of r.attendanceBySession)
    doc.text(`${s.date} ${s.title}: ${s.present} hadir (${pct(s.rate)})`);
  doc.end();
  return done;
}
