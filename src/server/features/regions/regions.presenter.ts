import type { RegionDto } from "../../../core/api/regions.schema.ts";
import { regionLevelOf } from "../../../core/region/region-code.ts";
import type { RegionRow } from "./regions.table.ts";

/** The fields of a region that leave the server. */
export function presentRegion(row: RegionRow, counts: { households: number; persons: number }): RegionDto {
  return {
    code: row.code,
    name: row.name,
    kind: row.kind,
    level: regionLevelOf(row.code) ?? row.kind,
    parentCode: row.parent_code,
    postalCode: row.postal_code,
    households: counts.households,
    persons: counts.persons,
  };
}
