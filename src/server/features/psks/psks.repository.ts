/** SQL for PSKS organisations and kinds. */

import { sql } from "kysely";
import { ancestorRegionCodes } from "../../../core/region/region-code.ts";
import type { Db } from "../../db/database.ts";
import { type RegionScope, scopeCondition, servingScopeCondition } from "../../db/scope.ts";
import type { NewPsksOrganisationRow, PsksKindRow, PsksOrganisationRow } from "./psks.table.ts";

type WithKind = PsksOrganisationRow & { kind_name: string | null };

export async function listOrganisations(
  db: Db,
  scope: RegionScope,
  filter: { regionCode?: string; above?: boolean; kind?: string; limit: number; offset: number },
): Promise<{ rows: WithKind[]; total: number }> {
  const region = filter.regionCode;
  const above = filter.above && region ? ancestorRegionCodes(region) : [];
  let query = db
    .selectFrom("psks_organisations as o")
    .where(
      above.length > 0
        ? servingScopeCondition("o.region_code", scope)
        : scopeCondition("o.region_code", scope),
    );
  if (region) {
    query = query.where((eb) =>
      above.length > 0
        ? eb.or([eb("o.region_code", "like", `${region}%`), eb("o.region_code", "in", above)])
        : eb("o.region_code", "like", `${region}%`),
    );
  }
  if (filter.kind) query = query.where("o.kind_code", "=", filter.kind);
  let page = query
    .leftJoin("psks_kinds as k", "k.code", "o.kind_code")
    .selectAll("o")
    .select("k.name as kind_name");
  // With the regions above: the region's own first (longer codes), then its kecamatan's, city's, ….
  if (above.length > 0) page = page.orderBy(sql`length(o.region_code)`, "desc");
  const [rows, count] = await Promise.all([
    page
      .orderBy("o.region_code")
      .orderBy("o.name")
      .orderBy("o.id")
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function findOrganisation(db: Db, id: string): Promise<WithKind | undefined> {
  return db
    .selectFrom("psks_organisations as o")
    .leftJoin("psks_kinds as k", "k.code", "o.kind_code")
    .selectAll("o")
    .select("k.name as kind_name")
    .where("o.id", "=", id)
    .executeTakeFirst();
}

export async function findKind(db: Db, code: string): Promise<PsksKindRow | undefined> {
  return db.selectFrom("psks_kinds").selectAll().where("code", "=", code).executeTakeFirst();
}

export async function insertOrganisation(db: Db, row: NewPsksOrganisationRow): Promise<void> {
  await db.insertInto("psks_organisations").values(row).execute();
}

export async function updateOrganisation(
  db: Db,
  id: string,
  update: Partial<Omit<PsksOrganisationRow, "id" | "created_at">>,
): Promise<void> {
  await db.updateTable("psks_organisations").set(update).where("id", "=", id).execute();
}

export async function deleteOrganisation(db: Db, id: string): Promise<void> {
  await db.deleteFrom("psks_organisations").where("id", "=", id).execute();
}

/** Case referrals that name the organisation (they keep it from being deleted). */
export async function countReferrals(db: Db, id: string): Promise<number> {
  const row = await db
    .selectFrom("referrals")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("organisation_id", "=", id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listKinds(db: Db): Promise<PsksKindRow[]> {
  return db.selectFrom("psks_kinds").selectAll().orderBy("sort_order").execute();
}
