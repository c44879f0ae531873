/**
 * SQL of offline sync: pushed changes, conflicts, devices, and the "changed since N" reads of the
 * working-set tables, each limited to the caller's scope.
 */
import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import { applyScope, type RegionScope } from "../../db/scope.ts";
import type {
  DeviceRow,
  DeviceTable,
  SyncChangeTable,
  SyncConflictRow,
  SyncConflictTable,
} from "./sync.table.ts";
import { inSelection, type Selection } from "./working-set.repository.ts";

export function findChange(db: Db, changeId: string) {
  return db.selectFrom("sync_changes").selectAll().where("change_id", "=", changeId).executeTakeFirst();
}

export async function insertChange(db: Db, row: SyncChangeTable): Promise<void> {
  await db.insertInto("sync_changes").values(row).execute();
}

/** Inserts unless the change id is already stored; true when this call stored it. */
export async function insertChangeOnce(db: Db, row: SyncChangeTable): Promise<boolean> {
  const result = await db
    .insertInto("sync_changes")
    .values(row)
    .onConflict((oc) => oc.column("change_id").doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function setChangeResult(
  db: Db,
  changeId: string,
  status: string,
  result: string,
): Promise<void> {
  await db.updateTable("sync_changes").set({ status, result }).where("change_id", "=", changeId).execute();
}

export async function insertConflict(db: Db, row: SyncConflictTable): Promise<void> {
  await db.insertInto("sync_conflicts").values(row).execute();
}

export function findConflict(db: Db, id: string, scope: RegionScope) {
  return applyScope(
    db.selectFrom("sync_conflicts").selectAll().where("id", "=", id),
    "region_code",
    scope,
  ).executeTakeFirst() as Promise<SyncConflictRow | undefined>;
}

/** A conflict with who sent it and whom its record is about (its person or household, as now). */
export type ConflictListRow = SyncConflictRow & {
  created_by_name: string | null;
  subject_name?: string | null;
  subject_address?: string | null;
  subject_rw?: string | null;
  subject_rt?: string | null;
  subject_kk?: string | null;
};

export function listConflicts(
  db: Db,
  filter: { scope: RegionScope; open: boolean; recordId?: string; changeIds?: string[] },
): Promise<ConflictListRow[]> {
  let q = db
    .selectFrom("sync_conflicts as c")
    .leftJoin("users as u", "u.id", "c.created_by")
    .leftJoin("persons as sp", (j) => j.onRef("sp.id", "=", "c.record_id").on("c.table_name", "=", "persons"))
    .leftJoin("households as sh", (j) =>
      j.onRef("sh.id", "=", "c.record_id").on("c.table_name", "=", "households"),
    )
    .selectAll("c")
    .select([
      "u.display_name as created_by_name",
      "sp.name as subject_name",
      "sh.address as subject_address",
      "sh.rw as subject_rw",
      "sh.rt as subject_rt",
      "sh.kk_number as subject_kk",
    ]);
  q = applyScope(q, "c.region_code", filter.scope);
  if (filter.open) q = q.where("c.resolved_at", "is", null);
  if (filter.recordId) q = q.where("c.record_id", "=", filter.recordId);
  if (filter.changeIds) q = q.where("c.change_id", "in", filter.changeIds);
  return q.orderBy("c.created_at", "desc").orderBy("c.id").limit(500).execute();
}

export async function resolveConflict(
  db: Db,
  id: string,
  values: { resolution: string; resolved_by: string; resolved_at: string },
): Promise<boolean> {
  const result = await db
    .updateTable("sync_conflicts")
    .set(values)
    .where("id", "=", id)
    .where("resolved_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export function findDevice(db: Db, id: string): Promise<DeviceRow | undefined> {
  return db.selectFrom("devices").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function upsertDevice(db: Db, row: DeviceTable): Promise<void> {
  await db
    .insertInto("devices")
    .values(row)
    .onConflict((oc) => oc.column("id").doUpdateSet({ user_id: row.user_id, last_seen_at: row.last_seen_at }))
    .execute();
}

export async function updateDevice(db: Db, id: string, values: Partial<DeviceTable>): Promise<void> {
  await db.updateTable("devices").set(values).where("id", "=", id).execute();
}

export function listDevices(db: Db) {
  return db
    .selectFrom("devices as d")
    .leftJoin("users as u", "u.id", "d.user_id")
    .selectAll("d")
    .select("u.username")
    .orderBy("d.last_seen_at", "desc")
    .limit(1000)
    .execute();
}

interface Window {
  scope: RegionScope;
  since: number;
  upTo: number;
  limit: number;
  /** Over the device budget: only households (and their members) inside the selection. */
  selection?: Selection | null;
}

export function householdsSince(db: Db, w: Window) {
  let q = applyScope(db.selectFrom("households").selectAll(), "region_code", w.scope);
  if (w.selection) q = q.where(inSelection(sql.ref("households.id"), w.selection));
  return q.where("seq", ">", w.since).where("seq", "<=", w.upTo).orderBy("seq").limit(w.limit).execute();
}

export function personsSince(db: Db, w: Window) {
  let q = applyScope(db.selectFrom("persons").selectAll(), "region_code", w.scope);
  if (w.selection) q = q.where(inSelection(sql.ref("persons.household_id"), w.selection));
  return q.where("seq", ">", w.since).where("seq", "<=", w.upTo).orderBy("seq").limit(w.limit).execute();
}

export function casesSince(db: Db, w: Window) {
  return applyScope(db.selectFrom("cases").selectAll(), "region_code", w.scope)
    .where("seq", ">", w.since)
    .where("seq", "<=", w.upTo)
    .orderBy("seq")
    .limit(w.limit)
    .execute();
}

export function tasksSince(db: Db, w: Window) {
  return applyScope(db.selectFrom("case_tasks").selectAll(), "region_code", w.scope)
    .where("seq", ">", w.since)
    .where("seq", "<=", w.upTo)
    .orderBy("seq")
    .limit(w.limit)
    .execute();
}

export function tombstonesSince(db: Db, w: Window, tables: readonly string[]) {
  return applyScope(db.selectFrom("tombstones").selectAll(), "region_code", w.scope)
    .where("table_name", "in", tables)
    .where("seq", ">", w.since)
    .where("seq", "<=", w.upTo)
    .orderBy("seq")
    .limit(w.limit)
    .execute();
}

/**
 * Moves since N, wherever they led: a move out of the scope is what tells a phone to drop a
 * record it holds. The caller keeps only moves that started inside the scope.
 */
export function movesSince(db: Db, w: Omit<Window, "scope">) {
  return db
    .selectFrom("person_events")
    .select(["seq", "kind", "person_id", "household_id", "region_code", "details"])
    .where("kind", "in", ["household_moved", "person_moved"])
    .where("seq", ">", w.since)
    .where("seq", "<=", w.upTo)
    .orderBy("seq")
    .limit(w.limit)
    .execute();
}

export function householdRegion(db: Db, id: string) {
  return db.selectFrom("households").select("region_code").where("id", "=", id).executeTakeFirst();
}

export function memberIds(db: Db, householdId: string) {
  return db.selectFrom("persons").select("id").where("household_id", "=", householdId).execute();
}

export async function countPersons(db: Db, scope: RegionScope): Promise<number> {
  const row = await applyScope(
    db.selectFrom("persons").select(sql<number>`count(*)`.as("n")),
    "region_code",
    scope,
  ).executeTakeFirstOrThrow();
  return Number(row.n);
}

export function findDeviceKey(db: Db, deviceId: string) {
  return db.selectFrom("device_keys").selectAll().where("device_id", "=", deviceId).executeTakeFirst();
}

export async function insertDeviceKey(
  db: Db,
  row: { device_id: string; user_id: string; key: string; created_at: string },
) {
  await db
    .insertInto("device_keys")
    .values(row)
    .onConflict((oc) => oc.column("device_id").doNothing())
    .execute();
}

export async function deleteDeviceKey(db: Db, deviceId: string): Promise<void> {
  await db.deleteFrom("device_keys").where("device_id", "=", deviceId).execute();
}
