/** SQL for the PPKS catalogue and classifications. */
import type { Db } from "../../db/database.ts";
import { type RegionScope, scopeCondition } from "../../db/scope.ts";
import type { NewPpksClassificationRow, PpksCategoryRow, PpksClassificationRow } from "./ppks.table.ts";

export async function listCategories(db: Db): Promise<PpksCategoryRow[]> {
  return db.selectFrom("ppks_categories").selectAll().orderBy("sort_order").execute();
}

export async function findCategory(db: Db, code: string): Promise<PpksCategoryRow | undefined> {
  return db.selectFrom("ppks_categories").selectAll().where("code", "=", code).executeTakeFirst();
}

type WithName = PpksClassificationRow & { category_name: string | null };

export async function listForPersons(db: Db, personIds: string[]): Promise<WithName[]> {
  if (personIds.length === 0) return [];
  return db
    .selectFrom("ppks_classifications as c")
    .leftJoin("ppks_categories as k", "k.code", "c.category_code")
    .selectAll("c")
    .select("k.name as category_name")
    .where("c.person_id", "in", personIds)
    .orderBy("c.found_on")
    .orderBy("c.id")
    .execute();
}

/** Classifications of the household itself and of its members. */
export async function listForHousehold(db: Db, householdId: string): Promise<WithName[]> {
  return db
    .selectFrom("ppks_classifications as c")
    .leftJoin("ppks_categories as k", "k.code", "c.category_code")
    .selectAll("c")
    .select("k.name as category_name")
    .where("c.household_id", "=", householdId)
    .orderBy("c.found_on")
    .orderBy("c.id")
    .execute();
}

export async function findClassification(
  db: Db,
  id: string,
  scope: RegionScope,
): Promise<PpksClassificationRow | undefined> {
  return db
    .selectFrom("ppks_classifications as c")
    .selectAll("c")
    .where("c.id", "=", id)
    .where(scopeCondition("c.region_code", scope))
    .executeTakeFirst();
}

export async function insertClassification(db: Db, row: NewPpksClassificationRow): Promise<void> {
  await db.insertInto("ppks_classifications").values(row).execute();
}

export async function updateClassification(
  db: Db,
  id: string,
  update: Partial<Pick<PpksClassificationRow, "status" | "note" | "seq" | "updated_at">>,
): Promise<void> {
  await db.updateTable("ppks_classifications").set(update).where("id", "=", id).execute();
}

/** One classification in the actor's scope with its category name. */
export async function findClassificationWithName(
  db: Db,
  id: string,
  scope: RegionScope,
): Promise<WithName | undefined> {
  return db
    .selectFrom("ppks_classifications as c")
    .leftJoin("ppks_categories as k", "k.code", "c.category_code")
    .selectAll("c")
    .select("k.name as category_name")
    .where("c.id", "=", id)
    .where(scopeCondition("c.region_code", scope))
    .executeTakeFirst();
}

/**
 * The PPKS within `scope`, or of one region in it (its code a prefix of the classification's kelurahan):
 * the open ones (aktif, ditangani) unless `all`, newest first; with their total.
 */
export async function listInRegion(
  db: Db,
  scope: RegionScope,
  filter: { region?: string; all: boolean; limit: number; offset: number },
): Promise<{ rows: WithName[]; total: number }> {
  let base = db.selectFrom("ppks_classifications as c").where(scopeCondition("c.region_code", scope));
  if (filter.region) base = base.where("c.region_code", "like", `${filter.region}%`);
  if (!filter.all) base = base.where("c.status", "!=", "selesai");
  const [rows, count] = await Promise.all([
    base
      .leftJoin("ppks_categories as k", "k.code", "c.category_code")
      .selectAll("c")
      .select("k.name as category_name")
      .orderBy("c.found_on", "desc")
      .orderBy("c.id")
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
