/**
 * Writes a DTSEN extract (docs/dtsen.md) of the same people bench/person-csv.ts writes for the
 * same row count, with the headers extracts use ("NO KK", "NAMA LENGKAP", "SHDK" as numbers,
 * sex as 1/2, kelurahan codes with dots) and planted disagreements: about 1 in 40 persons with
 * another spelling of the name, 1 in 100 families at another RT, and a new child in 1 family in
 * 30 (persons the registry does not know). Desil and the programme flags follow from the family.
 *
 *   node --import tsx bench/dtsen-extract.ts FILE [rows]      (default 1000000)
 */
import { createWriteStream } from "node:fs";
import { generateHouseholds } from "../src/server/features/demo/demo-population.ts";
import { kelurahanCodes } from "./person-csv.ts";

const HEADER = [
  "NO KK",
  "NIK",
  "NAMA LENGKAP",
  "JENIS KELAMIN",
  "TGL LAHIR",
  "SHDK",
  "KODE DESA",
  "RW",
  "RT",
  "ALAMAT",
  "DESIL",
  "ID KELUARGA",
  "STATUS PKH",
  "BPNT",
  "PBI",
];
const SHDK: Record<string, number> = {
  kepala_keluarga: 1,
  suami: 2,
  istri: 3,
  anak: 4,
  menantu: 5,
  cucu: 6,
  orang_tua: 7,
  mertua: 8,
  famili_lain: 9,
  pembantu: 10,
  lainnya: 11,
};

const quote = (v: string) => (/[",\n;]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const dotted = (code: string) =>
  `${code.slice(0, 2)}.${code.slice(2, 4)}.${code.slice(4, 6)}.${code.slice(6)}`;
const ddmmyyyy = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

export interface ExtractCounts {
  rows: number;
  /** Persons of the extract that the person file does not have. */
  added: number;
  renamed: number;
  movedFamilies: number;
}

/** Writes the extract for the persons of a `persons`-row person file; returns what it planted. */
export async function writeDtsenExtract(path: string, persons: number): Promise<ExtractCounts> {
  const out = createWriteStream(path);
  const write = (text: string) =>
    out.write(text) ? Promise.resolve() : new Promise<void>((r) => out.once("drain", () => r()));
  await write(`${HEADER.join(",")}\n`);
  const counts: ExtractCounts = { rows: 0, added: 0, renamed: 0, movedFamilies: 0 };
  const referenceDate = new Date(Date.UTC(new Date().getUTCFullYear() - 1, 0, 1));
  const newSerials = new Map<string, number>();
  let seen = 0;
  let family = 0;
  let buffer = "";
  for (const h of generateHouseholds({
    count: Math.ceil(persons / 2),
    kelurahanCodes: kelurahanCodes(),
    referenceDate,
  })) {
    if (seen === persons) break;
    family++;
    // Skewed towards the poorer desil, as a city's extract of its vulnerable families is.
    const desil = 1 + (((family * 7919) % 97) % 10);
    const rt = family % 100 === 0 ? String((Number(h.rt) % 20) + 1).padStart(3, "0") : h.rt;
    if (rt !== h.rt) counts.movedFamilies++;
    const flags = [desil <= 4 ? "1" : "0", desil <= 5 ? "1" : "0", desil <= 5 ? "1" : "0"];
    const line = (nik: string, name: string, sex: string, birth: string, relation: string) =>
      `${[h.kkNumber, nik, quote(name), sex === "L" ? "1" : "2", ddmmyyyy(birth), SHDK[relation] ?? 11, dotted(h.regionCode), h.rw, rt, quote(h.address), desil, `DT${family}`, ...flags].join(",")}\n`;
    let members = 0;
    for (const m of h.members) {
      if (seen === persons) break;
      seen++;
      members++;
      const renamed = seen % 40 === 0;
      if (renamed) counts.renamed++;
      buffer += line(m.nik, renamed ? `${m.name}a` : m.name, m.sex, m.birthDate, m.relation);
      counts.rows++;
    }
    if (family % 30 === 0 && members > 0) {
      // A child born since the registry's record: a NIK serial from 9001 up, unused by the generator.
      const birth = `${referenceDate.getUTCFullYear()}-06-15`;
      const prefix = `${h.regionCode.slice(0, 6)}15${"06"}${birth.slice(2, 4)}`;
      const serial = (newSerials.get(prefix) ?? 9000) + 1;
      newSerials.set(prefix, serial);
      buffer += line(`${prefix}${serial}`, "Bayi Baru", "L", birth, "anak");
      counts.rows++;
      counts.added++;
    }
    if (buffer.length > 1 << 20) {
      await write(buffer);
      buffer = "";
    }
  }
  await write(buffer);
  await new Promise<void>((resolve) => out.end(resolve));
  return counts;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, rows] = process.argv.slice(2);
  if (!file) throw new Error("usage: bench/dtsen-extract.ts FILE [rows]");
  console.log(await writeDtsenExtract(file, Number(rows ?? 1_000_000)));
}
