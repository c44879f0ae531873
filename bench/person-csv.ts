/**
 * Writes a person import file (docs/import.md) of `rows` rows generated from the demo population:
 * valid NIKs and KK numbers over Jakarta Pusat's 44 kelurahan, every column filled, some PPKS cells
 * quoted ("09;24"). Shared by bench/import.ts and the import command's tests.
 */
import { createWriteStream } from "node:fs";
import { PERSON_COLUMNS } from "../src/core/registry/person-row.ts";
import { generateHouseholds } from "../src/server/features/demo/demo-population.ts";
import { DEMO_REGION_FILE, readShippedData } from "../src/server/shipped-data.ts";

/** The demo region file's kelurahan, as 10-digit codes. */
export function kelurahanCodes(): string[] {
  return readShippedData(DEMO_REGION_FILE)
    .split("\n")
    .map((line) => line.split(","))
    .filter((cells) => cells[2] === "kelurahan")
    .map((cells) => (cells[0] ?? "").replace(/\./g, ""));
}

const quote = (v: string) => (/[",\n;]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** Writes the file; returns the number of rows written. */
export async function writePersonCsv(path: string, rows: number): Promise<number> {
  const out = createWriteStream(path);
  const write = (text: string) =>
    out.write(text) ? Promise.resolve() : new Promise<void>((r) => out.once("drain", () => r()));
  await write(`${PERSON_COLUMNS.join(",")}\n`);
  let written = 0;
  let buffer = "";
  // Ages are counted from last new year, so no generated birth date lies in the future.
  const referenceDate = new Date(Date.UTC(new Date().getUTCFullYear() - 1, 0, 1));
  const households = generateHouseholds({
    count: Math.ceil(rows / 2),
    kelurahanCodes: kelurahanCodes(),
    referenceDate,
  });
  for (const h of households) {
    for (const m of h.members) {
      if (written === rows) break;
      const ppks = written % 50 === 0 ? "24" : written % 97 === 0 ? "09;24" : "";
      buffer += `${[
        h.kkNumber,
        m.nik,
        quote(m.name),
        m.sex,
        m.birthDate,
        m.relation,
        h.regionCode,
        h.rw,
        h.rt,
        quote(h.address),
        quote(m.birthPlace),
        m.maritalStatus,
        m.education,
        m.occupation,
        m.monthlyIncome ?? "",
        m.disability ?? "",
        m.chronicIllness ?? "",
        m.healthInsurance,
        m.phone ?? "",
        quote(ppks),
        h.latitude,
        h.longitude,
      ].join(",")}\n`;
      written++;
      if (buffer.length > 1 << 20) {
        await write(buffer);
        buffer = "";
      }
    }
    if (written === rows) break;
  }
  await write(buffer);
  await new Promise<void>((resolve) => out.end(resolve));
  return written;
}
