/**
 * Case categories: the PPKS categories (data/ppks.csv) for problems of people and households, and
 * the configurable list of area problems (data/area-problems.csv) for kewilayahan cases. Read once
 * per process from the shipped files.
 */
import { parse } from "csv-parse/sync";
import type { CategoryKind } from "../../../core/cases/case-enums.ts";
import { readShippedData } from "../../shipped-data.ts";

export interface CaseCategory {
  kind: CategoryKind;
  code: string;
  name: string;
}

let categories: CaseCategory[] | undefined;

function read(file: string, kind: CategoryKind): CaseCategory[] {
  const rows = parse(readShippedData(file), { columns: true, skip_empty_lines: true, trim: true }) as {
    code: string;
    name: string;
  }[];
  return rows.map((r) => ({ kind, code: r.code, name: r.name }));
}

/** Every category, PPKS first. */
export function caseCategories(): CaseCategory[] {
  categories ??= [...read("ppks.csv", "ppks"), ...read("area-problems.csv", "area")];
  return categories;
}

export function findCategory(code: string): CaseCategory | undefined {
  return caseCategories().find((c) => c.code === code);
}

export function categoryName(code: string): string {
  return findCategory(code)?.name ?? code;
}
