/**
 * Export of a filtered person list as CSV or XLSX in the import format (the same columns as
 * docs/import.md), so an export re-imports cleanly. Rows are read in keyset-paged batches and
 * written to a stream, so memory stays flat for a whole city.
 *
 * Living, unmerged persons that have a NIK and a household with a KK number are exported; the
 * others cannot be expressed in the import format and are counted in `skipped`.
 */
import type { Writable } from "node:stream";
import { stringify } from "csv-stringify";
import ExcelJS from "exceljs";
import type { Kysely } from "kysely";
import { PERSON_COLUMNS, type PersonColumn } from "../../../core/registry/person-row.ts";
import type { Database } from "../../db/database.ts";
import { type RegionScope, scopeCondition } from "../../db/scope.ts";

export type ExportFormat = "csv" | "xlsx";

export interface PersonExportFilter {
  /** Region prefix (kelurahan, kecamatan, kota or provinsi code). */
  regionCode?: string;
  rw?: string;
  ppksCode?: string;
}

export interface PersonExportSummary {
  persons: number;
  households: number;
  skipped: number;
}

const BATCH = 5000;

function formatDate(iso: string | null): string {
  return iso ?? "";
}

async function* exportRows(
  db: Kysely<Database>,
  scope: RegionScope,
  filter: PersonExportFilter,
  summary: PersonExportSummary,
): AsyncGenerator<Record<PersonColumn, string>> {
  const households = new Set<string>();
  let after = "";
  for (;;) {
    let query = db
      .selectFrom("persons as p")
      .leftJoin("households as h", "h.id", "p.household_id")
      .select([
        "p.id",
        "p.nik",
        "p.name",
        "p.sex",
        "p.birth_place",
        "p.birth_date",
        "p.relation",
        "p.marital_status",
        "p.education",
        "p.occupation",
        "p.monthly_income",
        "p.disability",
        "p.chronic_illness",
        "p.health_insurance",
        "p.phone",
        "p.region_code",
        "h.id as household_id",
        "h.kk_number",
        "h.rw",
        "h.rt",
        "h.address",
        "h.latitude",
        "h.longitude",
      ])
      .where("p.id", ">", after)
      .where(scopeCondition("p.region_code", scope))
      .where("p.died_at", "is", null)
      .where("p.merged_into_id", "is", null)
      .orderBy("p.id")
      .limit(BATCH);
    if (filter.regionCode) query = query.where("p.region_code", "like", `${filter.regionCode}%`);
    if (filter.rw) query = query.where("h.rw", "=", filter.rw.padStart(3, "0"));
    if (filter.ppksCode) {
      const code = filter.ppksCode;
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom("ppks_classifications as c")
            .select("c.id")
            .whereRef("c.person_id", "=", "p.id")
            .where("c.category_code", "=", code)
            .where("c.status", "<>", "selesai"),
        ),
      );
    }
    const rows = await query.execute();
    if (rows.length === 0) return;
    after = rows[rows.length - 1]!.id;
    const ids = rows.map((r) => r.id);
    const ppks = new Map<string, string[]>();
    for (let i = 0; i < ids.length; i += 1000) {
      const classes = await db
        .selectFrom("ppks_classifications")
        .select(["person_id", "category_code"])
        .where("person_id", "in", ids.slice(i, i + 1000))
        .where("status", "<>", "selesai")
        .orderBy("category_code")
        .execute();
      for (const c of classes) {
        if (!c.person_id) continue;
        const list = ppks.get(c.person_id) ?? [];
        if (!list.includes(c.category_code)) list.push(c.category_code);
        ppks.set(c.person_id, list);
      }
    }
    for (const r of rows) {
      if (!r.nik || !r.kk_number || !r.household_id) {
        summary.skipped++;
        continue;
      }
      summary.persons++;
      households.add(r.household_id);
      summary.households = households.size;
      yield {
        no_kk: r.kk_number,
        nik: r.nik,
        nama: r.name,
        jenis_kelamin: r.sex,
        tanggal_lahir: formatDate(r.birth_date),
        hubungan_keluarga: r.relation,
        kode_kelurahan: r.region_code,
        rw: r.rw ?? "",
        rt: r.rt ?? "",
        alamat: r.address ?? "",
        tempat_lahir: r.birth_place ?? "",
        status_perkawinan: r.marital_status ?? "",
        pendidikan: r.education ?? "",
        pekerjaan: r.occupation ?? "",
        penghasilan: r.monthly_income === null ? "" : String(r.monthly_income),
        disabilitas: r.disability ?? "",
        penyakit_kronis: r.chronic_illness ?? "",
        jaminan_kesehatan: r.health_insurance ?? "",
        no_hp: r.phone ?? "",
        ppks: (ppks.get(r.id) ?? []).join(";"),
        latitude: r.latitude === null || r.latitude === undefined ? "" : String(r.latitude),
        longitude: r.longitude === null || r.longitude === undefined ? "" : String(r.longitude),
      };
    }
  }
}

/** Writes the export to `out` (ended when done) and returns what it contained. */
export async function exportPersons(
  db: Kysely<Database>,
  scope: RegionScope,
  filter: PersonExportFilter,
  format: ExportFormat,
  out: Writable,
): Promise<PersonExportSummary> {
  const summary: PersonExportSummary = { persons: 0, households: 0, skipped: 0 };
  const rows = exportRows(db, scope, filter, summary);
  if (format === "csv") {
    const csv = stringify({ header: true, columns: [...PERSON_COLUMNS] });
    const done = new Promise<void>((resolve, reject) => {
      out.on("finish", resolve);
      out.on("close", resolve);
      out.on("error", reject);
      csv.on("error", reject);
    });
    csv.pipe(out);
    for await (const row of rows) {
      if (!csv.write(row)) await new Promise((resolve) => csv.once("drain", resolve));
    }
    csv.end();
    await done;
    return summary;
  }
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false });
  const sheet = workbook.addWorksheet("penduduk");
  // Every cell is text, so NIK and KK keep their 16 digits and leading zeros survive spreadsheets.
  sheet.columns = PERSON_COLUMNS.map((c) => ({ header: c, key: c, style: { numFmt: "@" } }));
  for await (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
  return summary;
}
