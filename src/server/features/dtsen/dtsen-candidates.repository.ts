/**
 * SQL of the DTSEN candidate lists: the facts of every family in a region for one period (its
 * desil, its assessments, its members' active PPKS) and the person-level disagreements (members
 * recorded as dead, differences of family card, kelurahan or identity). Each query reads one
 * table's rows in the region through its region index; the lists are put together in the service.
 */
import type { Db } from "../../db/database.ts";
import { type RegionScope, scopeCondition, scopeSeekCondition } from "../../db/scope.ts";
import { chunked } from "./dtsen.repository.ts";

export function familiesOfPeriod(db: Db, scope: RegionScope, period: string) {
  return db
    .selectFrom("dtsen_families")
    .select(["household_id", "desil"])
    .where("period", "=", period)
    .where(scopeSeekCondition("region_code", scope))
    .execute();
}

/** Each household's assessments that are the latest of their period (the service keeps the newest). */
export function latestAssessments(db: Db, scope: RegionScope) {
  return db
    .selectFrom("assessments")
    .select(["household_id", "assessed_on", "score", "is_poor", "deprived_ids"])
    .where("is_latest", "=", 1)
    .where(scopeCondition("region_code", scope))
    .execute();
}

/** Active PPKS classifications with the household they concern (the person's, for a person's). */
export function activePpks(db: Db, scope: RegionScope) {
  return db
    .selectFrom("ppks_classifications as c")
    .leftJoin("persons as p", "p.id", "c.person_id")
    .select((eb) => [
      eb.fn.coalesce("c.household_id", "p.household_id").as("household_id"),
      "c.category_code",
    ])
    .where("c.status", "in", ["aktif", "ditangani"])
    .where(scopeCondition("c.region_code", scope))
    .execute();
}

export function householdsByIds(db: Db, ids: readonly string[]) {
  return chunked(ids, (part) => householdsQuery(db, part));
}

function householdsQuery(db: Db, ids: readonly string[]) {
  return db
    .selectFrom("households as h")
    .leftJoin("persons as head", (join) =>
      join
        .onRef("head.household_id", "=", "h.id")
        .on("head.relation", "=", "kepala_keluarga")
        .on("head.merged_into_id", "is", null),
    )
    .select(["h.id", "h.kk_number", "h.region_code", "h.rw", "h.rt", "h.address", "head.name as head_name"])
    .where("h.id", "in", ids)
    .execute();
}

/** Members of the period's extract whom the registry records as dead. */
export function deadMembers(db: Db, scope: RegionScope, period: string) {
  return db
    .selectFrom("dtsen_members as m")
    .innerJoin("persons as p", "p.id", "m.person_id")
    .select(["m.person_id", "m.household_id", "m.region_code", "p.name", "p.nik", "p.died_at"])
    .where("m.period", "=", period)
    .where("p.died_at", "is not", null)
    .where(scopeSeekCondition("m.region_code", scope))
    .execute();
}

export function differencesOfPeriod(db: Db, scope: RegionScope, period: string) {
  return db
    .selectFrom("dtsen_differences as d")
    .innerJoin("persons as p", "p.id", "d.person_id")
    .select([
      "d.person_id",
      "d.household_id",
      "d.region_code",
      "d.field",
      "d.registry_value",
      "d.dtsen_value",
      "p.name",
      "p.nik",
    ])
    .where("d.period", "=", period)
    .where(scopeSeekCondition("d.region_code", scope))
    .execute();
}
