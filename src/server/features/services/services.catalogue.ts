/**
 * The referral catalogue: Jakarta's programmes and services shipped as data (data/services.csv)
 * plus the registry's PSKS organisations of the region. Read once per process; the CSV can change
 * without a migration.
 */
import { parse } from "csv-parse/sync";
import { ancestorRegionCodes } from "../../../core/region/region-code.ts";
import type { Db } from "../../db/database.ts";
import { type RegionScope, servingScopeCondition } from "../../db/scope.ts";
import { readShippedData } from "../../shipped-data.ts";

export interface CatalogueService {
  code: string;
  name: string;
  kind: "program" | "layanan" | "psks";
  provider: string;
  /** Outside Peduli: a referral prints as a letter. */
  external: boolean;
  organisationId: string | null;
  regionCode: string | null;
}

let shipped: CatalogueService[] | undefined;

/** The programmes and services of data/services.csv. */
export function shippedServices(): CatalogueService[] {
  shipped ??= (
    parse(readShippedData("services.csv"), { columns: true, skip_empty_lines: true, trim: true }) as Record<
      string,
      string
    >[]
  ).map((r) => ({
    code: r.code as string,
    name: r.name as string,
    kind: r.kind === "layanan" ? "layanan" : "program",
    provider: r.provider as string,
    external: r.external === "1",
    organisationId: null,
    regionCode: null,
  }));
  return shipped;
}

export function findShippedService(code: string): CatalogueService | undefined {
  return shippedServices().find((s) => s.code === code);
}

/**
 * PSKS organisations serving `regionCode` (its own, its kecamatan's or its city's), within the
 * caller's scope or above it: a PSM sees the LKS of their kecamatan too.
 */
export async function listOrganisations(
  db: Db,
  scope: RegionScope,
  regionCode?: string,
): Promise<CatalogueService[]> {
  let query = db
    .selectFrom("psks_organisations")
    .select(["id", "name", "kind_code", "region_code"])
    .where(servingScopeCondition("psks_organisations.region_code", scope))
    .orderBy("name");
  if (regionCode) {
    const ancestors = [regionCode, ...ancestorRegionCodes(regionCode)];
    query = query.where((eb) =>
      eb.or([eb("region_code", "in", ancestors), eb("region_code", "like", `${regionCode}%`)]),
    );
  }
  const rows = await query.execute();
  return rows.map((r) => ({
    code: `psks:${r.id}`,
    name: r.name,
    kind: "psks" as const,
    provider: r.kind_code,
    external: true,
    organisationId: r.id,
    regionCode: r.region_code,
  }));
}

export async function findOrganisation(db: Db, id: string) {
  return db.selectFrom("psks_organisations").selectAll().where("id", "=", id).executeTakeFirst();
}
