/** SQL for the audit trail: insert and read only. There is deliberately no update or delete. */
import type { Db } from "../../db/database.ts";
import { applyScope, type RegionScope } from "../../db/scope.ts";
import type { AuditLogRow, NewAuditLogRow } from "./audit.table.ts";

export async function insertAuditEntries(db: Db, rows: NewAuditLogRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto("audit_log")
      .values(rows.slice(i, i + 500))
      .execute();
  }
}

export interface AuditFilter {
  userId?: string;
  username?: string;
  table?: string;
  recordId?: string;
  action?: string;
  from?: string;
  to?: string;
}

function filtered(db: Db, filter: AuditFilter, scope: RegionScope) {
  let query = db.selectFrom("audit_log");
  if (filter.userId) query = query.where("user_id", "=", filter.userId);
  if (filter.username) query = query.where("username", "=", filter.username);
  if (filter.table) query = query.where("table_name", "=", filter.table);
  if (filter.recordId) query = query.where("record_id", "=", filter.recordId);
  if (filter.action) query = query.where("action", "=", filter.action);
  if (filter.from) query = query.where("at", ">=", filter.from);
  if (filter.to) query = query.where("at", "<", filter.to);
  return applyScope(query, "audit_log.region_code", scope);
}

/** Newest first. */
export async function listAuditEntries(
  db: Db,
  filter: AuditFilter,
  scope: RegionScope,
  page: { limit: number; offset: number },
): Promise<{ rows: AuditLogRow[]; total: number }> {
  const query = filtered(db, filter, scope);
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy("id", "desc").limit(page.limit).offset(page.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Every entry matching the filter, newest first, in pages (for exports). */
export async function* streamAuditEntries(
  db: Db,
  filter: AuditFilter,
  scope: RegionScope,
): AsyncGenerator<AuditLogRow[]> {
  const size = 1000;
  for (let offset = 0; ; offset += size) {
    const rows = await filtered(db, filter, scope)
      .selectAll()
      .orderBy("id", "desc")
      .limit(size)
      .offset(offset)
      .execute();
    if (rows.length > 0) yield rows;
    if (rows.length < size) return;
  }
}

/** A record's history, oldest first. */
export async function listRecordHistory(db: Db, table: string, recordId: string): Promise<AuditLogRow[]> {
  return db
    .selectFrom("audit_log")
    .selectAll()
    .where("table_name", "=", table)
    .where("record_id", "=", recordId)
    .orderBy("id")
    .execute();
}
