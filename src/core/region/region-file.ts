/**
 * Validation of a region file (one row per region: kode, nama, tingkat, kode_induk, kode_pos), as
 * shipped in data/regions/ and loaded by `peduli regions import`. Pure: the caller parses the CSV
 * and writes the result.
 */
import type { FieldProblem } from "../errors/app-error.ts";
import {
  levelOfKind,
  normalizeRegionCode,
  parentRegionCode,
  REGION_KINDS,
  type RegionKind,
  regionLevelOf,
} from "./region-code.ts";

export const REGION_FILE_COLUMNS = ["kode", "nama", "tingkat", "kode_induk", "kode_pos"] as const;

export interface RegionRecord {
  code: string;
  name: string;
  kind: RegionKind;
  parentCode: string | null;
  postalCode: string | null;
}

export interface RegionFileResult {
  regions: RegionRecord[];
  problems: FieldProblem[];
}

/**
 * Checks every row. `rows` are objects keyed by header; `firstDataLine` is the file line of the
 * first row (2 when there is a header). `knownCodes` are regions already in the database, which
 * may be parents of regions in the file.
 */
export function validateRegionRows(
  rows: ReadonlyArray<Record<string, string | undefined>>,
  knownCodes: ReadonlySet<string>,
  firstDataLine = 2,
): RegionFileResult {
  const problems: FieldProblem[] = [];
  const regions: RegionRecord[] = [];
  const seen = new Map<string, number>();
  const header = rows[0] ? Object.keys(rows[0]) : [];
  const missing = REGION_FILE_COLUMNS.filter((c) => c !== "kode_pos" && !header.includes(c));
  if (rows.length > 0 && missing.length > 0) {
    problems.push({
      field: "header",
      code: "missing_columns",
      message: {
        id: `Kolom wajib tidak ada: ${missing.join(", ")}`,
        en: `Required columns are missing: ${missing.join(", ")}`,
      },
    });
    return { regions, problems };
  }

  rows.forEach((row, index) => {
    const line = firstDataLine + index;
    const problem = (column: string, code: string, id: string, en: string, value?: string) =>
      problems.push({
        field: `baris ${line}, kolom ${column}`,
        code,
        message: { id: `Baris ${line}: ${id}`, en: `Row ${line}: ${en}` },
        ...(value !== undefined ? { value } : {}),
      });
    const rawCode = (row.kode ?? "").trim();
    const code = normalizeRegionCode(rawCode);
    const name = (row.nama ?? "").trim();
    const kind = (row.tingkat ?? "").trim().toLowerCase() as RegionKind;
    const rawParent = (row.kode_induk ?? "").trim();
    const postal = (row.kode_pos ?? "").trim();
    const before = problems.length;

    if (!code)
      problem(
        "kode",
        "region_code_invalid",
        `kode '${rawCode}' tidak valid`,
        `code '${rawCode}' is not valid`,
        rawCode,
      );
    if (!name) problem("nama", "required", "nama wajib diisi", "name is required");
    if (!REGION_KINDS.includes(kind)) {
      problem(
        "tingkat",
        "kind_invalid",
        `tingkat '${row.tingkat ?? ""}' tidak dikenal (${REGION_KINDS.join(", ")})`,
        `unknown level '${row.tingkat ?? ""}' (${REGION_KINDS.join(", ")})`,
        row.tingkat ?? "",
      );
    } else if (code && regionLevelOf(code) !== levelOfKind(kind)) {
      problem(
        "tingkat",
        "kind_mismatch",
        `kode ${rawCode} bukan kode ${kind}`,
        `code ${rawCode} is not a ${kind} code`,
        kind,
      );
    }
    const parent = rawParent === "" ? null : normalizeRegionCode(rawParent);
    if (code) {
      const expectedParent = parentRegionCode(code);
      if (rawParent !== "" && !parent) {
        problem(
          "kode_induk",
          "region_code_invalid",
          `kode induk '${rawParent}' tidak valid`,
          `parent code '${rawParent}' is not valid`,
          rawParent,
        );
      } else if (parent !== expectedParent) {
        problem(
          "kode_induk",
          "parent_mismatch",
          `kode induk harus ${expectedParent ?? "kosong"} untuk kode ${rawCode}`,
          `parent code must be ${expectedParent ?? "empty"} for code ${rawCode}`,
          rawParent,
        );
      } else if (parent && !seen.has(parent) && !knownCodes.has(parent)) {
        problem(
          "kode_induk",
          "parent_unknown",
          `kode induk ${rawParent} belum ada (tulis induk sebelum anaknya)`,
          `parent code ${rawParent} does not exist (list parents before their children)`,
          rawParent,
        );
      }
      const earlier = seen.get(code);
      if (earlier !== undefined) {
        problem(
          "kode",
          "duplicate",
          `kode ${rawCode} sudah ada di baris ${earlier}`,
          `code ${rawCode} already appears on row ${earlier}`,
          rawCode,
        );
      }
    }
    if (postal !== "" && !/^\d{5}$/.test(postal)) {
      problem(
        "kode_pos",
        "postal_code_invalid",
        `kode pos '${postal}' harus 5 digit`,
        `postal code '${postal}' must have 5 digits`,
        postal,
      );
    }
    if (code && !seen.has(code)) seen.set(code, line);
    if (problems.length === before && code) {
      regions.push({ code, name, kind, parentCode: parent, postalCode: postal || null });
    }
  });
  return { regions, problems };
}
