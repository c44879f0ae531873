/** SQL for the duplicate review queue. */
import type { Db } from "../../db/database.ts";
import { newId, nowIso } from "../../db/ids.ts";
import { type RegionScope, scopeCondition } from "../../db/scope.ts";
import type { DuplicateCandidateRow } from "./duplicates.table.ts";

/** Queues a pair of persons once (the fingerprint orders the two ids). */
export async function queuePair(
  db: Db,
  kind: "same_name_birth" | "reported",
  personId: string,
  otherPersonId: string,
  regionCode: string,
): Promise<void> {
  const [a, b] = [personId, otherPersonId].sort();
  await db
    .insertInto("duplicate_candidates")
    .values({
      id: newId(),
      kind,
      fingerprint: `same_name_birth:${a}:${b}`,
      person_id: personId,
      other_person_id: otherPersonId,
      incoming: null,
      status: "pending",
      region_code: regionCode,
      resolved_by: null,
      resolved_at: null,
      resolution_note: null,
      created_at: nowIso(),
    })
    .onConflict((oc) => oc.column("fingerprint").doNothing())
    .execute();
}

export async function listCandidates(
  db: Db,
  scope: RegionScope,
  filter: { status: string; regionCode?: string; limit: number; offset: number },
): Promise<{ rows: DuplicateCandidateRow[]; total: number }> {
  let query = db
    .selectFrom("duplicate_candidates as d")
    .where(scopeCondition("d.region_code", scope))
    .where("d.status", "=", filter.status);
  if (filter.regionCode) query = query.where("d.region_code", "like", `${filter.regionCode}%`);
  const [rows, count] = await Promise.all([
    query
      .selectAll("d")
      .orderBy("d.created_at")
      .orderBy("d.id")
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function findCandidate(
  db: Db,
  id: string,
  scope: RegionScope,
): Promise<DuplicateCandidateRow | undefined> {
  return db
    .selectFrom("duplicate_candidates as d")
    .selectAll("d")
    .where("d.id", "=", id)
    .where(scopeCondition("d.region_code", scope))
    .executeTakeFirst();
}

export async function resolveCandidate(
  db: Db,
  id: string,
  values: { status: "merged" | "dismissed"; resolvedBy: string; note: string | null },
): Promise<void> {
  await db
    .updateTable("duplicate_candidates")
    .set({
      status: values.status,
      resolved_by: values.resolvedBy,
      resolved_at: nowIso(),
      resolution_note: values.note,
    })
    .where("id", "=", id)
    .execute();
}
