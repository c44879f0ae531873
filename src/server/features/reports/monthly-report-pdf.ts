/**
 * The monthly report as a PDF in Indonesian: key figures against the previous month, charts
 * (echarts rendered to SVG on the server, embedded with svg-to-pdfkit), the figures of every child
 * region and the top issues of each.
 */
import PDFDocument from "pdfkit";
import SVGtoPDF from "svg-to-pdfkit";
import type { MonthlyReport } from "./monthly-report.service.ts";
import { barChart, groupedBarChart } from "./report-charts.ts";

const nf = new Intl.NumberFormat("id-ID");
const pct = (v: number) => `${nf.format(Math.round(v * 1000) / 10)}%`;
const KIND: Record<string, string> = {
  kota: "Kota Administrasi",
  kecamatan: "Kecamatan",
  kelurahan: "Kelurahan",
};
const URGENCY: Record<string, string> = { darurat: "Darurat", tinggi: "Tinggi", biasa: "Biasa" };

type Doc = PDFKit.PDFDocument;

function heading(doc: Doc, text: string) {
  if (doc.y > 700) doc.addPage();
  doc
    .moveDown(0.8)
    .font("Helvetica-Bold")
    .fontSize(12)
    .fillColor("#0f3d3a")
    .text(text)
    .fillColor("black")
    .moveDown(0.3);
}

/** A simple table: header row in bold, then rows; column widths in points. */
function table(doc: Doc, header: string[], rows: string[][], widths: number[], textColumns = 1) {
  const x0 = doc.page.margins.left;
  const draw = (cells: string[], bold: boolean) => {
    if (doc.y > 770) doc.addPage();
    const y = doc.y;
    let x = x0;
    doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(8.5);
    let h = 0;
    for (const [i, cell] of cells.entries()) {
      const w = widths[i] ?? 60;
      doc.text(cell, x + 2, y + 2, { width: w - 4, align: i < textColumns ? "left" : "right" });
      h = Math.max(h, doc.y - y);
      x += w;
    }
    doc
      .moveTo(x0, y + h + 2)
      .lineTo(x, y + h + 2)
      .lineWidth(0.3)
      .strokeColor("#999999")
      .stroke();
    doc.x = x0;
    doc.y = y + h + 3;
  };
  draw(header, true);
  for (const r of rows) draw(r, false);
}

/** Draws a titled echarts SVG across the page width (new page when it does not fit); the cohort report reuses it. */
export function chart(doc: Doc, title: string, svg: string, height: number) {
  if (doc.y + height + 20 > 790) doc.addPage();
  doc.font("Helvetica-Bold").fontSize(10).text(title).moveDown(0.3);
  SVGtoPDF(doc, svg, doc.page.margins.left, doc.y, { width: 515, height, assumePt: true });
  doc.y += height + 6;
}

export async function monthlyReportPdf(r: MonthlyReport): Promise<Buffer> {
  const d = r.current;
  const p = r.previous;
  const kind = KIND[d.region.kind] ?? d.region.kind;
  const place = d.region.name.startsWith(kind) ? d.region.name : `${kind} ${d.region.name}`;
  const doc = new PDFDocument({
    size: "A4",
    margin: 40,
    info: { Title: `Laporan Bulanan ${place} — ${r.monthName}`, Author: "Peduli" },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  doc.font("Helvetica-Bold").fontSize(16).text("Laporan Bulanan Kesejahteraan Sosial");
  doc.font("Helvetica").fontSize(11).text(`${place} — ${r.monthName}`);
  doc
    .fontSize(8)
    .fillColor("#555555")
    .text(
      `Periode ${d.period.from} s.d. ${d.period.to}. Dibuat ${r.generatedAt.slice(0, 16).replace("T", " ")} UTC oleh Peduli. Angka agregat, tanpa data perorangan.`,
    )
    .fillColor("black");

  heading(doc, "Ringkasan");
  const row = (label: string, now: number, before: number) => [
    label,
    nf.format(now),
    nf.format(before),
    `${now - before >= 0 ? "+" : ""}${nf.format(now - before)}`,
  ];
  table(
    doc,
    ["Indikator", r.monthName, "Bulan sebelumnya", "Selisih"],
    [
      row("Penduduk terdaftar", d.persons, p.persons),
      row("Keluarga terdaftar", d.households, p.households),
      row("Keluarga baru didaftarkan", d.householdsRegistered, p.householdsRegistered),
      row("PPKS aktif", d.ppksTotal, p.ppksTotal),
      row("PPKS ditemukan", d.ppksFound, p.ppksFound),
      row("Kasus terbuka", d.openCases, p.openCases),
      row("Kasus dibuka", d.casesOpened, p.casesOpened),
      row("Kasus ditutup", d.casesClosed, p.casesClosed),
      row("Tindak lanjut terlambat", d.overdueFollowUps, p.overdueFollowUps),
    ],
    [215, 100, 100, 100],
  );

  heading(doc, "Kemiskinan multidimensi");
  if (d.mpi.period) {
    doc
      .font("Helvetica")
      .fontSize(9)
      .text(
        `Periode asesmen ${d.mpi.period}: H (proporsi penduduk miskin) ${pct(d.mpi.H)}, A (intensitas) ${pct(d.mpi.A)}, M0 (H × A) ${nf.format(Math.round(d.mpi.M0 * 1000) / 1000)} dari ${nf.format(d.mpi.n)} penduduk di keluarga yang diasesmen.`,
      );
    if (d.mpi.worstIndicators.length)
      doc.text(
        `Indikator penyumbang terbesar: ${d.mpi.worstIndicators.map((i) => `${i.label.id} (${pct(i.censoredHeadcount)})`).join("; ")}.`,
      );
  } else doc.font("Helvetica").fontSize(9).text("Belum ada asesmen keluarga sampai periode ini.");

  heading(doc, "Grafik");
  if (d.ppksCategories.length > 0)
    chart(
      doc,
      "PPKS aktif per kategori",
      barChart(d.ppksCategories.slice(0, 10).map((c) => ({ label: c.name, value: c.count }))),
      250,
    );
  else
    doc
      .font("Helvetica")
      .fontSize(9)
      .text("PPKS aktif per kategori: belum ada klasifikasi PPKS aktif.")
      .moveDown(0.5);
  chart(
    doc,
    "Kasus per wilayah: terbuka, dibuka dan ditutup bulan ini",
    groupedBarChart(
      d.children.map((c) => c.name),
      [
        { name: "Terbuka", values: d.children.map((c) => c.openCases) },
        { name: "Dibuka", values: d.children.map((c) => c.casesOpened) },
        { name: "Ditutup", values: d.children.map((c) => c.casesClosed) },
      ],
    ),
    240,
  );
  chart(
    doc,
    "Kasus terbuka per urgensi",
    barChart(
      Object.entries(d.openCasesByUrgency).map(([k, v]) => ({ label: URGENCY[k] ?? k, value: v })),
      515,
      120,
    ),
    120,
  );

  heading(doc, `Angka per ${d.childKind === "kelurahan" ? "kelurahan" : d.childKind}`);
  table(
    doc,
    ["Wilayah", "Penduduk", "Keluarga", "PPKS", "Kasus terbuka", "Terlambat", "H"],
    d.children.map((c) => [
      c.name,
      nf.format(c.persons),
      nf.format(c.households),
      nf.format(c.ppks),
      nf.format(c.openCases),
      nf.format(c.overdueFollowUps),
      c.mpiH === null ? "—" : pct(c.mpiH),
    ]),
    [135, 70, 65, 55, 70, 60, 60],
  );

  heading(doc, "Masalah utama per wilayah (kasus terbuka terbanyak)");
  table(
    doc,
    ["Wilayah", "Masalah utama", "Kasus"],
    r.children.flatMap((c) =>
      c.topIssues.length === 0
        ? [[c.region.name, "Tidak ada kasus terbuka", "0"]]
        : c.topIssues
            .slice(0, 3)
            .map((t, i) => [i === 0 ? c.region.name : "", t.name, nf.format(t.openCases)]),
    ),
    [135, 320, 60],
    2,
  );

  heading(doc, "Rujukan per program");
  table(
    doc,
    ["Program / layanan", "Dikirim", "Selesai"],
    d.referralsByProgramme.length
      ? d.referralsByProgramme.map((x) => [x.name, nf.format(x.sent), nf.format(x.completed)])
      : [["Tidak ada rujukan bulan ini", "0", "0"]],
    [335, 90, 90],
  );

  heading(doc, "Tenaga kesejahteraan sosial dan pelatihan");
  doc
    .font("Helvetica")
    .fontSize(9)
    .text(
      `${nf.format(d.workforce.workers)} petugas aktif (${d.workforce.tksk} TKSK, ${d.workforce.psm} PSM); ${nf.format(d.workforce.trained)} memegang sertifikat pelatihan yang berlaku${d.workforce.trainingCoverage === null ? "" : ` (${nf.format(d.workforce.trainingCoverage)}%)`}.`,
    );
  doc
    .moveDown(1)
    .fontSize(7)
    .fillColor("#555555")
    .text(
      "Definisi setiap angka: docs/dashboards.md dan docs/kinerja.md. Laporan ini memuat angka agregat saja.",
    );
  doc.end();
  return done;
}
