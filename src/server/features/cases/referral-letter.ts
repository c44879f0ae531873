/**
 * The referral letter (surat rujukan) for an organisation outside Peduli: one A4 page in
 * Indonesian naming the case number, the letter number, the person or household referred, the
 * reason and the worker who holds the case. The subject's NIK is not printed.
 */
import PDFDocument from "pdfkit";
import { tanggalIndonesia } from "../../../core/dates/indonesian-dates.ts";
import { categoryName } from "./case-categories.ts";
import { subjectLabel } from "./cases.presenter.ts";
import type { CaseListRow } from "./cases.repository.ts";
import type { ReferralRow } from "./cases.table.ts";

export function referralLetterPdf(kase: CaseListRow, referral: ReferralRow): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: 56,
    info: { Title: `Surat Rujukan ${referral.letter_number}` },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc
    .font("Helvetica-Bold")
    .fontSize(13)
    .text("SUKU DINAS SOSIAL KOTA ADMINISTRASI JAKARTA PUSAT", { align: "center" });
  doc
    .font("Helvetica")
    .fontSize(9)
    .text("Peduli — sistem kerja Tenaga Kesejahteraan Sosial", { align: "center" });
  doc.moveDown(0.5).moveTo(56, doc.y).lineTo(539, doc.y).stroke().moveDown(1);
  doc.font("Helvetica-Bold").fontSize(12).text("SURAT RUJUKAN", { align: "center" });
  doc
    .font("Helvetica")
    .fontSize(10)
    .text(`Nomor: ${referral.letter_number}`, { align: "center" })
    .moveDown(1);
  doc.text(`Kepada Yth.\n${referral.target_name}\ndi tempat`).moveDown(1);
  doc.text("Dengan hormat, bersama ini kami merujuk:").moveDown(0.5);
  const rows: [string, string][] = [
    ["Nomor kasus", kase.case_number],
    [
      kase.subject_type === "area" ? "Wilayah" : kase.subject_type === "household" ? "Rumah tangga" : "Nama",
      subjectLabel(kase),
    ],
    ["Kelurahan", kase.region_name ?? kase.region_code],
    ["Permasalahan", categoryName(kase.category)],
    ["Keterangan", kase.description],
    ["Tanggal rujukan", tanggalIndonesia(referral.sent_on)],
  ];
  if (referral.note) rows.push(["Catatan", referral.note]);
  for (const [k, v] of rows) {
    doc.font("Helvetica-Bold").text(`${k}: `, { continued: true }).font("Helvetica").text(v);
  }
  doc
    .moveDown(1)
    .text(
      "Mohon kiranya yang bersangkutan dapat diberikan layanan sesuai ketentuan. Mohon hasil tindak lanjut " +
        `disampaikan kembali kepada petugas dengan menyebut nomor kasus ${kase.case_number}. Atas perhatian dan kerja samanya kami ucapkan terima kasih.`,
    );
  doc.moveDown(2).text(`Jakarta, ${tanggalIndonesia(referral.sent_on)}`, { align: "right" });
  doc.text("Petugas pemegang kasus,", { align: "right" }).moveDown(3);
  doc
    .font("Helvetica-Bold")
    .text(kase.assignee_name ?? "(.................................)", { align: "right" });
  doc.end();
  return done;
}
