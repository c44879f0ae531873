/** SQL for regions. No rules here: see regions.service.ts. */
import type { Db } from "../../db/database.ts";
import type { NewRegionRow, RegionRow } from "./regions.table.ts";

export async function findRegion(db: Db, code: string): Promise<RegionRow | undefined> {
  return db.selectFrom("regions").selectAll().where("code", "=", code).executeTakeFirst();
}

/** The region and everything below it, ordered by code (parents before children). */
export async function listSubtree(db: Db, code: string): Promise<RegionRow[]> {
  return db.selectFrom("regions").selectAll().where("code", "like", `${code}%`).orderBy("code").execute();
}

export async function listChildren(db: Db, parentCode: string | null): Promise<RegionRow[]> {
  const query = db.selectFrom("regions").selectAll().orderBy("code");
  return parentCode === null
    ? query.where("parent_code", "is", null).execute()
    : query.where("parent_code", "=", parentCode).execute();
}

export async function listAllRegions(db: Db): Promise<RegionRow[]> {
  return db.selectFrom("regions").selectAll().orderBy("code").execute();
}

export async function listRegionCodes(db: Db): Promise<string[]> {
  const rows = await db.selectFrom("regions").select("code").execute();
  return rows.map((r) => r.code);
}

/** Inserts or updates regions (by code). */
export async function upsertRegions(db: Db, rows: NewRegionRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto("regions")
      .values(rows.slice(i, i + 500))
      .onConflict((oc) =>
        oc.column("code").doUpdateSet((eb) => ({
          name: eb.ref("excluded.name"),
          kind: eb.ref("excluded.kind"),
          parent_code: eb.ref("excluded.parent_code"),
          postal_code: eb.ref("excluded.postal_code"),
          updated_at: eb.ref("excluded.updated_at"),
        })),
      )
      .execute();
  }
}

/** Households and living persons per kelurahan code, for regions under `prefix`. */
export async function countResidentsByKelurahan(
  db: Db,
  prefix: string,
): Promise<Map<string, { households: number; persons: number }>> {
  const [households, persons] = await Promise.all([
    db
      .selectFrom("households")
      .select(["region_code", (eb) => eb.fn.countAll<number>().as("n")])
      .where("region_code", "like", `${prefix}%`)
      .groupBy("region_code")
      .execute(),
    db
      .selectFrom("persons")
      .select(["region_code", (eb) => eb.fn.countAll<number>().as("n")])
      .where("region_code", "like", `${prefix}%`)
      .where("died_at", "is", null)
      .groupBy("region_code")
      .execute(),
  ]);
  const counts = new Map<string, { households: number; persons: number }>();
  const entry = (code: string) => {
    let e = counts.get(code);
    if (!e) {
      e = { households: 0, persons: 0 };
      counts.set(code, e);
    }
    return e;
  };
  for (const r of households) entry(r.region_code).households = Number(r.n);
  for (const r of persons) entry(r.region_code).persons = Number(r.n);
  return counts;
}
