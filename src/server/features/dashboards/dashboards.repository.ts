/** SQL of the dashboard figures that are not counters: the workforce and its training coverage. */
import type { Db } from "../../db/database.ts";

/** Active workers in a region subtree by role and by kelurahan/kecamatan, with valid certificates. */
export async function workforce(db: Db, region: string) {
  const workers = await db
    .selectFrom("workers")
    .select(["id", "role", "region_code"])
    .where("active", "=", 1)
    .where("region_code", "like", `${region}%`)
    .execute();
  const certified = await db
    .selectFrom("training_certificates as c")
    .innerJoin("training_enrolments as e", "e.id", "c.enrolment_id")
    .select("e.worker_id")
    .distinct()
    .where("c.revoked_at", "is", null)
    .where("e.region_code", "like", `${region}%`)
    .execute();
  const trained = new Set(certified.map((r) => r.worker_id));
  return { workers, trained };
}

export async function ppksCategoryNames(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom("ppks_categories").select(["code", "name"]).execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}
