/** SQL for households. No rules here: see households.service.ts. */
import type { Db } from "../../db/database.ts";
import { type RegionScope, scopeCondition } from "../../db/scope.ts";
import type { HouseholdRow, HouseholdUpdate, NewHouseholdRow } from "./households.table.ts";

export interface HouseholdSearch {
  scope: RegionScope;
  kk?: string;
  /** Words of the street address. */
  address?: string;
  regionCode?: string;
  rw?: string;
  rt?: string;
  limit: number;
  offset: number;
}

function filtered(db: Db, s: HouseholdSearch) {
  let query = db.selectFrom("households as h").where(scopeCondition("h.region_code", s.scope));
  if (s.kk) query = query.where("h.kk_number", "=", s.kk);
  if (s.address) query = query.where("h.address", "like", `%${s.address.replace(/[%_]/g, "")}%`);
  if (s.regionCode) query = query.where("h.region_code", "like", `${s.regionCode}%`);
  if (s.rw) query = query.where("h.rw", "=", s.rw.padStart(3, "0"));
  if (s.rt) query = query.where("h.rt", "=", s.rt.padStart(3, "0"));
  return query;
}

/**
 * One page of the list, in its order (kelurahan, RW, RT, address, id: the households_list_idx
 * index), with each household's living, unmerged member count.
 */
export function householdPageQuery(db: Db, s: HouseholdSearch) {
  return filtered(db, s)
    .selectAll("h")
    .select((eb) =>
      eb
        .selectFrom("persons as p")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("p.household_id", "=", "h.id")
        .where("p.died_at", "is", null)
        .where("p.merged_into_id", "is", null)
        .as("member_count"),
    )
    .orderBy("h.region_code")
    .orderBy("h.rw")
    .orderBy("h.rt")
    .orderBy("h.address")
    .orderBy("h.id")
    .limit(s.limit)
    .offset(s.offset);
}

export async function searchHouseholds(
  db: Db,
  s: HouseholdSearch,
): Promise<{ rows: (HouseholdRow & { member_count: number })[]; total: number }> {
  const [rows, count] = await Promise.all([
    householdPageQuery(db, s).execute(),
    filtered(db, s)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  return {
    rows: rows.map((r) => ({ ...r, member_count: Number(r.member_count ?? 0) })),
    total: Number(count.n),
  };
}

export async function findHousehold(
  db: Db,
  id: string,
  scope: RegionScope,
): Promise<HouseholdRow | undefined> {
  return db
    .selectFrom("households as h")
    .selectAll("h")
    .where("h.id", "=", id)
    .where(scopeCondition("h.region_code", scope))
    .executeTakeFirst();
}

export async function findHouseholdAnywhere(db: Db, id: string): Promise<HouseholdRow | undefined> {
  return db.selectFrom("households").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function findHouseholdByKk(db: Db, kk: string): Promise<HouseholdRow | undefined> {
  return db.selectFrom("households").selectAll().where("kk_number", "=", kk).executeTakeFirst();
}

export async function insertHousehold(db: Db, row: NewHouseholdRow): Promise<void> {
  await db.insertInto("households").values(row).execute();
}

export async function updateHousehold(db: Db, id: string, update: HouseholdUpdate): Promise<void> {
  await db.updateTable("households").set(update).where("id", "=", id).execute();
}

export async function countMembers(db: Db, id: string): Promise<number> {
  const row = await db
    .selectFrom("persons")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("household_id", "=", id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function deleteHousehold(db: Db, id: string): Promise<void> {
  await db
    .deleteFrom("ppks_classifications")
    .where("household_id", "=", id)
    .where("person_id", "is", null)
    .execute();
  await db.deleteFrom("households").where("id", "=", id).execute();
}
