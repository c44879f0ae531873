/**
 * The invitation letter (surat undangan) a participant receives: A4 portrait, Indonesian, with the
 * programme, the cohort's place and dates, every session (day, time WIB, place, topic), the tests,
 * and the participant's name, role and region. One letter per page; a cohort's letters print as
 * one PDF. Helvetica (built into pdfkit) covers the Latin text Indonesian uses.
 */
import PDFDocument from "pdfkit";
import { periodeIndonesia, tanggalIndonesia } from "../../../core/dates/indonesian-dates.ts";

export interface InvitationLetter {
  name: string;
  roleLabel: string;
  regionName: string;
  programmeName: string;
  organiser: string;
  cohortName: string;
  venue: string;
  startsOn: string;
  endsOn: string;
  sessions: { date: string; startTime: string; endTime: string; venue: string; title: string }[];
  tests: ("pre" | "post")[];
  signatoryName: string;
  signatoryTitle: string;
  /** The letter's date, YYYY-MM-DD (Asia/Jakarta). */
  issuedOn: string;
}

const DAYS = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"];

/** 2024-05-02 → "Kamis, 2 Mei 2024". */
export function hariTanggal(date: string): string {
  return `${DAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]}, ${tanggalIndonesia(date)}`;
}

const TEST_LABELS = { pre: "pre-test (sebelum materi)", post: "post-test (setelah materi)" } as const;

type Doc = InstanceType<typeof PDFDocument>;

function letter(doc: Doc, l: InvitationLetter): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.font("Helvetica-Bold").fontSize(13).text(l.organiser.toUpperCase(), { align: "center" });
  doc.moveDown(0.2).font("Helvetica").fontSize(9).text("Bimbingan dan Pelatihan", { align: "center" });
  doc
    .moveTo(left, doc.y + 6)
    .lineTo(left + width, doc.y + 6)
    .stroke();
  doc.moveDown(1.2).font("Helvetica").fontSize(10);
  doc.text(`Jakarta, ${tanggalIndonesia(l.issuedOn)}`, { align: "right" });
  doc.moveDown(0.6).text("Perihal: Undangan Bimbingan dan Pelatihan");
  doc.moveDown(0.8).text("Kepada Yth.");
  doc.font("Helvetica-Bold").text(l.name);
  doc.font("Helvetica").text(l.roleLabel);
  doc.text(l.regionName);
  doc.text("di tempat");
  doc.moveDown(0.8);
  doc.text(
    `Dengan hormat, kami mengundang Saudara/i sebagai peserta ${l.programmeName} (${l.cohortName}) ` +
      `yang diselenggarakan oleh ${l.organiser} pada ${periodeIndonesia(l.startsOn, l.endsOn)} ` +
      `bertempat di ${l.venue}, dengan jadwal sebagai berikut:`,
    { align: "justify" },
  );
  doc.moveDown(0.6);
  l.sessions.forEach((s, i) => {
    doc
      .font("Helvetica-Bold")
      .text(`${i + 1}. ${hariTanggal(s.date)}, pukul ${s.startTime}–${s.endTime} WIB`);
    doc.font("Helvetica").text(`${s.title} — ${s.venue}`, { indent: 14 });
  });
  if (l.sessions.length === 0) doc.text("Jadwal sesi akan disampaikan kemudian.");
  doc.moveDown(0.6);
  if (l.tests.length > 0) {
    doc.text(
      `Peserta mengikuti ${l.tests.map((t) => TEST_LABELS[t]).join(" dan ")} melalui aplikasi Peduli.`,
    );
  }
  doc.text(
    "Presensi dilakukan dengan memindai kode QR yang ditunjukkan pelatih pada setiap sesi. " +
      "Sertifikat diberikan kepada peserta yang memenuhi syarat kehadiran dan nilai post-test.",
    { align: "justify" },
  );
  doc.moveDown(0.6).text("Atas perhatian dan kehadiran Saudara/i, kami ucapkan terima kasih.");
  doc.moveDown(1.5);
  const sigX = left + width * 0.55;
  const y = doc.y;
  doc.text(l.signatoryTitle, sigX, y, { width: width * 0.45 });
  doc
    .moveDown(3)
    .font("Helvetica-Bold")
    .text(l.signatoryName, sigX, doc.y, { width: width * 0.45 });
  doc.font("Helvetica");
  doc.x = left;
}

/** Renders one letter per page into a single PDF. */
export async function renderInvitationsPdf(letters: InvitationLetter[], title: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margin: 56, autoFirstPage: false, info: { Title: title } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  for (const l of letters) {
    doc.addPage();
    letter(doc, l);
  }
  if (letters.length === 0) doc.addPage().font("Helvetica").fontSize(10).text("Belum ada peserta.");
  doc.end();
  return done;
}
