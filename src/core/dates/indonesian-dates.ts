/** Dates written out in Indonesian, as letters, certificates and reports print them. */

const MONTHS = [
  "Januari",
  "Februari",
  "Maret",
  "April",
  "Mei",
  "Juni",
  "Juli",
  "Agustus",
  "September",
  "Oktober",
  "November",
  "Desember",
] as const;

/** 5 → "Mei" (month 1–12). */
export function namaBulan(month: number): string {
  return MONTHS[month - 1] as string;
}

/** 2024-05-02 → "2 Mei 2024". */
export function tanggalIndonesia(date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** "2 Mei 2024", "2–4 Mei 2024", or across months "30 April 2024 – 2 Mei 2024". */
export function periodeIndonesia(start: string, end: string): string {
  if (start === end) return tanggalIndonesia(start);
  const [ys, ms, ds] = start.split("-").map(Number);
  const [ye, me] = end.split("-").map(Number);
  if (ys === ye && ms === me) return `${ds}–${tanggalIndonesia(end)}`;
  return `${tanggalIndonesia(start)} – ${tanggalIndonesia(end)}`;
}

/** 'YYYY-MM' → "Mei 2024". */
export function monthNameId(month: string): string {
  return `${namaBulan(Number(month.slice(5, 7)))} ${month.slice(0, 4)}`;
}
