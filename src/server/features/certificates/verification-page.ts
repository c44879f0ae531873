/**
 * The public verification page, server-rendered HTML in Indonesian without scripts. It shows only
 * what the certificate itself shows publicly: status, number, name, programme and date.
 */
import { tanggalIndonesia } from "../../../core/dates/indonesian-dates.ts";

export interface VerificationView {
  status: "valid" | "revoked";
  number: string;
  name: string;
  programme: string;
  date: string;
  revokedAt: string | null;
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} — Peduli</title>
<style>
body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#222}
.card{border:2px solid #ccc;border-radius:8px;padding:1.25rem}
.valid{border-color:#2e7d32}.revoked{border-color:#c62828}.unknown{border-color:#777}
h1{font-size:1.4rem;margin-top:0}dt{font-weight:600;margin-top:.6rem}dd{margin:0}
</style>
</head>
<body>
${body}
<p><small>Verifikasi sertifikat pelatihan — Peduli</small></p>
</body>
</html>`;
}

export function verificationHtml(view: VerificationView): string {
  const valid = view.status === "valid";
  const heading = valid ? "Sertifikat SAH" : "Sertifikat DICABUT";
  const note = valid
    ? "Sertifikat ini tercatat dan masih berlaku."
    : `Sertifikat ini telah dicabut${view.revokedAt ? ` pada ${tanggalIndonesia(view.revokedAt.slice(0, 10))}` : ""} dan tidak berlaku lagi.`;
  return page(
    heading,
    `<div class="card ${valid ? "valid" : "revoked"}">
<h1>${heading}</h1>
<p>${escapeHtml(note)}</p>
<dl>
<dt>Nomor</dt><dd>${escapeHtml(view.number)}</dd>
<dt>Nama</dt><dd>${escapeHtml(view.name)}</dd>
<dt>Program</dt><dd>${escapeHtml(view.programme)}</dd>
<dt>Tanggal</dt><dd>${escapeHtml(tanggalIndonesia(view.date))}</dd>
</dl>
</div>`,
  );
}

export function notFoundHtml(): string {
  return page(
    "Sertifikat tidak ditemukan",
    `<div class="card unknown"><h1>Sertifikat tidak ditemukan</h1>
<p>Kode verifikasi ini tidak dikenal. Periksa kembali kode pada sertifikat.</p></div>`,
  );
}
