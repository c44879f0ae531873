/** Region rules: the tree with resident counts, and loading region files atomically. */
import { parse } from "csv-parse/sync";
import type { Kysely } from "kysely";
import type { RegionDto } from "../../../core/api/regions.schema.ts";
import { AppError } from "../../../core/errors/app-error.ts";
import { validateRegionRows } from "../../../core/region/region-file.ts";
import type { Database, Db } from "../../db/database.ts";
import { nowIso } from "../../db/ids.ts";
import { presentRegion } from "./regions.presenter.ts";
import * as repo from "./regions.repository.ts";
import type { RegionRow } from "./regions.table.ts";

type Counts = Map<string, { households: number; persons: number }>;

/** Builds nested DTOs from rows ordered by code; counts roll up from kelurahan to every ancestor. */
function buildTree(rows: RegionRow[], perKelurahan: Counts, rootCodes: string[], depth: number): RegionDto[] {
  const totals = new Map<string, { households: number; persons: number }>();
  for (const [code, c] of perKelurahan) {
    for (const len of [2, 4, 6, 10]) {
      if (len > code.length) break;
      const key = code.slice(0, len);
      const t = totals.get(key) ?? { households: 0, persons: 0 };
      t.households += c.households;
      t.persons += c.persons;
      totals.set(key, t);
    }
  }
  const childrenOf = new Map<string, RegionRow[]>();
  for (const row of rows) {
    if (row.parent_code === null) continue;
    const list = childrenOf.get(row.parent_code) ?? [];
    list.push(row);
    childrenOf.set(row.parent_code, list);
  }
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const toDto = (row: RegionRow, remaining: number): RegionDto => {
    const dto = presentRegion(row, totals.get(row.code) ?? { households: 0, persons: 0 });
    const kids = childrenOf.get(row.code);
    if (remaining > 0 && kids) dto.children = kids.map((k) => toDto(k, remaining - 1));
    return dto;
  };
  return rootCodes.flatMap((code) => {
    const row = byCode.get(code);
    return row ? [toDto(row, depth)] : [];
  });
}

const REGION = { id: "Wilayah", en: "Region" };

/**
 * The root regions with `depth` levels below them (the whole tree by default), or the direct
 * children of `parent`.
 */
export async function listRegions(
  db: Db,
  parent?: string,
  depth = Number.POSITIVE_INFINITY,
): Promise<RegionDto[]> {
  if (parent !== undefined) {
    if (!(await repo.findRegion(db, parent))) throw new AppError("region_unknown", { code: parent });
    const [children, counts] = await Promise.all([
      repo.listChildren(db, parent),
      repo.countResidentsByKelurahan(db, parent),
    ]);
    return buildTree(
      children,
      counts,
      children.map((c) => c.code),
      0,
    );
  }
  const [rows, counts] = await Promise.all([repo.listAllRegions(db), repo.countResidentsByKelurahan(db, "")]);
  const roots = rows.filter((r) => r.parent_code === null).map((r) => r.code);
  return buildTree(rows, counts, roots, depth);
}

/** One region with its children (`depth` levels, the whole subtree by default) and its ancestors. */
export async function getRegion(db: Db, code: string, depth = Number.POSITIVE_INFINITY) {
  const [rows, counts] = await Promise.all([
    repo.listSubtree(db, code),
    repo.countResidentsByKelurahan(db, code),
  ]);
  const [region] = buildTree(rows, counts, [code], depth);
  if (!region)
    throw new AppError("not_found", { what: `${REGION.id} ${code}`, whatEn: `${REGION.en} ${code}` });
  const ancestors: { code: string; name: string; kind: string }[] = [];
  for (let parent = region.parentCode; parent; ) {
    const row = await repo.findRegion(db, parent);
    if (!row) break;
    ancestors.unshift({ code: row.code, name: row.name, kind: row.kind });
    parent = row.parent_code;
  }
  return { region, ancestors };
}

export interface RegionImportSummary {
  read: number;
  inserted: number;
  updated: number;
}

/**
 * Loads a region CSV (kode, nama, tingkat, kode_induk, kode_pos; `,` or `;`). Every row is checked
 * first; if any is wrong nothing is written and the AppError lists each problem with its row.
 */
export async function importRegionsCsv(
  db: Kysely<Database>,
  content: string | Buffer,
): Promise<RegionImportSummary> {
  const text = (typeof content === "string" ? content : content.toString("utf8")).replace(/^\uFEFF/, "");
  const firstLine = text.slice(0, text.indexOf("\n") >>> 0);
  const delimiter = firstLine.includes(";") && !firstLine.includes(",") ? ";" : ",";
  let rows: Record<string, string>[];
  try {
    rows = parse(text, {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      delimiter,
      skip_empty_lines: true,
      trim: true,
    });
  } catch (error) {
    throw new AppError("file_invalid", { count: 1 }, [
      {
        field: "file",
        code: "csv_unreadable",
        message: {
          id: `Berkas CSV tidak dapat dibaca: ${(error as Error).message}`,
          en: `The CSV file cannot be read: ${(error as Error).message}`,
        },
      },
    ]);
  }
  return db.transaction().execute(async (trx) => {
    const known = new Set(await repo.listRegionCodes(trx));
    const { regions, problems } = validateRegionRows(rows, known);
    if (problems.length > 0) throw new AppError("file_invalid", { count: problems.length }, problems);
    const now = nowIso();
    await repo.upsertRegions(
      trx,
      regions.map((r) => ({
        code: r.code,
        name: r.name,
        kind: r.kind,
        parent_code: r.parentCode,
        postal_code: r.postalCode,
        created_at: now,
        updated_at: now,
      })),
    );
    const inserted = regions.filter((r) => !known.has(r.code)).length;
    return { read: rows.length, inserted, updated: regions.length - inserted };
  });
}
