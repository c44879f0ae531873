/**
 * The certificate as a PDF: A4 landscape, Indonesian, with name, role and region, programme,
 * dates, hours, signatory, the certificate number and a QR code pointing to the public
 * verification page. Helvetica (built into pdfkit) covers the Latin text Indonesian uses.
 */
import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import { tanggalIndonesia } from "../../../core/dates/indonesian-dates.ts";

export interface CertificateContent {
  number: string;
  holderName: string;
  roleLabel: string;
  regionName: string;
  programmeName: string;
  organiser: string;
  period: string;
  hours: number;
  place: string;
  issuedOn: string;
  signatoryName: string;
  signatoryTitle: string;
  verifyUrl: string;
  revoked: boolean;
}

export async function renderCertificatePdf(c: CertificateContent): Promise<Buffer> {
  const qr = await QRCode.toBuffer(c.verifyUrl, { type: "png", margin: 1, width: 240 });
  const doc = new PDFDocument({
    size: "A4",
    layout: "landscape",
    margin: 50,
    info: { Title: `Sertifikat ${c.number}`, Author: c.organiser },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const width = doc.page.width;
  const height = doc.page.height;
  doc
    .lineWidth(3)
    .rect(25, 25, width - 50, height - 50)
    .stroke("#1f5f8b");
  doc
    .lineWidth(1)
    .rect(33, 33, width - 66, height - 66)
    .stroke("#1f5f8b");

  doc
    .fillColor("#1f5f8b")
    .font("Helvetica-Bold")
    .fontSize(14)
    .text(c.organiser.toUpperCase(), 50, 60, { align: "center" });
  doc.fontSize(34).text("SERTIFIKAT", 50, 95, { align: "center" });
  doc.fillColor("#333").font("Helvetica").fontSize(12).text(`Nomor: ${c.number}`, { align: "center" });
  doc.moveDown(1.2).fontSize(13).text("diberikan kepada", { align: "center" });
  doc
    .moveDown(0.4)
    .fillColor("#000")
    .font("Helvetica-Bold")
    .fontSize(26)
    .text(c.holderName, { align: "center" });
  doc
    .moveDown(0.2)
    .font("Helvetica")
    .fontSize(13)
    .text(`${c.roleLabel} — ${c.regionName}`, { align: "center" });
  doc.moveDown(0.8).text("atas keberhasilannya menyelesaikan", { align: "center" });
  doc.moveDown(0.3).font("Helvetica-Bold").fontSize(16).text(c.programmeName, { align: "center" });
  doc
    .moveDown(0.3)
    .font("Helvetica")
    .fontSize(12)
    .text(
      `yang diselenggarakan pada ${c.period} di ${c.place}, selama ${formatHours(c.hours)} jam pelajaran.`,
      {
        align: "center",
      },
    );

  const signX = width - 320;
  const signY = height - 190;
  doc
    .fontSize(12)
    .text(`Jakarta, ${tanggalIndonesia(c.issuedOn)}`, signX, signY, { width: 260, align: "center" });
  doc.text(c.signatoryTitle, signX, signY + 16, { width: 260, align: "center" });
  doc
    .font("Helvetica-Bold")
    .text(c.signatoryName, signX, signY + 80, { width: 260, align: "center", underline: true });

  doc.image(qr, 70, height - 200, { width: 110 });
  doc
    .font("Helvetica")
    .fontSize(8)
    .fillColor("#333")
    .text(`Verifikasi: ${c.verifyUrl}`, 70, height - 85, { width: 300 });
  if (c.revoked) {
    doc.save().rotate(-20, { origin: [width / 2, height / 2] });
    doc
      .fillColor("#c00")
      .opacity(0.35)
      .font("Helvetica-Bold")
      .fontSize(80)
      .text("DICABUT", 0, height / 2 - 40, {
        width,
        align: "center",
      });
    doc.restore();
  }
  doc.end();
  return done;
}

function formatHours(hours: number): string {
  return Number.isInteger(hours) ? String(hours) : hours.toFixed(1).replace(".", ",");
}
