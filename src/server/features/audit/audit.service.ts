/**
 * The audit trail. Features call `record(trx, entry)` inside the transaction that makes the
 * change (or, for views and exports, right where the data is read), so a change and its entry
 * commit together:
 *
 *   import * as audit from "../audit/audit.service.ts";
 *   await audit.record(trx, { by: actor, action: "update", table: "workers", recordId: id,
 *     regionCode: row.region_code, before, after });
 *
 * Entries are never changed or deleted: there is no route for it and a trigger refuses it.
 */
import { stringify } from "csv-stringify/sync";
import type { AuditAction, AuditListQuery } from "../../../core/api/audit.schema.ts";
import { notFound } from "../../../core/errors/app-error.ts";
import type { Db } from "../../db/database.ts";
import { newId, nowIso } from "../../db/ids.ts";
import { isInScope } from "../../db/scope.ts";
import { type Actor, assertPermission } from "../auth/actor.ts";
import { AUDIT_CSV_COLUMNS, auditCsvRow, presentAuditEntry } from "./audit.presenter.ts";
import * as repo from "./audit.repository.ts";

/** Who acted, as the audit trail keeps it: an Actor has every field. */
export interface AuditBy {
  userId: string | null;
  username: string | null;
  ip: string | null;
  requestId?: string | null;
}

export interface AuditEntry {
  by: AuditBy;
  action: AuditAction;
  /** The table of the record (`persons`, `workers`, `users`, …). */
  table: string;
  recordId: string | null;
  /** The record's region, so the entry is scoped like the record; null for records without one. */
  regionCode: string | null;
  /** Changed fields before (update, delete). */
  before?: Record<string, unknown> | null;
  /** Changed fields after (create, update). */
  after?: Record<string, unknown> | null;
  /** Anything else: an export's filter and row count, the fields a view disclosed. */
  detail?: Record<string, unknown> | null;
}

const json = (value: Record<string, unknown> | null | undefined) =>
  value === null || value === undefined ? null : JSON.stringify(value);

/** Appends entries to the audit trail, inside the caller's transaction. */
export async function record(db: Db, ...entries: AuditEntry[]): Promise<void> {
  const at = nowIso();
  await repo.insertAuditEntries(
    db,
    entries.map((e) => ({
      id: newId(),
      at,
      user_id: e.by.userId,
      username: e.by.username,
      ip: e.by.ip,
      request_id: e.by.requestId ?? null,
      action: e.action,
      table_name: e.table,
      record_id: e.recordId,
      region_code: e.regionCode,
      before_json: json(e.before),
      after_json: json(e.after),
      detail_json: json(e.detail),
    })),
  );
}

/**
 * The fields that differ between two versions of a record, as {before, after} holding only those
 * fields; `redact` names fields whose values are replaced by "[redacted]" (password hashes).
 */
export function changedFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
  redact: readonly string[] = [],
): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (after[key] === undefined || after[key] === before[key]) continue;
    const hidden = redact.includes(key);
    b[key] = hidden ? "[redacted]" : (before[key] ?? null);
    a[key] = hidden ? "[redacted]" : after[key];
  }
  return Object.keys(a).length === 0 ? null : { before: b, after: a };
}

function toFilter(query: Partial<AuditListQuery>): repo.AuditFilter {
  const iso = (v: string | undefined) => (v === undefined ? undefined : new Date(v).toISOString());
  return {
    userId: query.userId,
    username: query.username,
    table: query.table,
    recordId: query.recordId,
    action: query.action,
    from: iso(query.from),
    to: iso(query.to),
  };
}

export async function listAudit(db: Db, actor: Actor, query: AuditListQuery) {
  assertPermission(actor, "audit:read");
  const { rows, total } = await repo.listAuditEntries(db, toFilter(query), actor.scope, {
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { items: rows.map(presentAuditEntry), total };
}

/**
 * The audit trail as CSV. The first lines name the exporting user and time; the export itself is
 * recorded in the trail.
 */
export async function exportAuditCsv(db: Db, actor: Actor, query: Partial<AuditListQuery>) {
  assertPermission(actor, "audit:export");
  const filter = toFilter(query);
  const at = nowIso();
  const lines: string[] = [
    `# Diekspor oleh / exported by: ${actor.username}, ${at}`,
    stringify([AUDIT_CSV_COLUMNS as unknown as string[]]),
  ];
  let count = 0;
  for await (const rows of repo.streamAuditEntries(db, filter, actor.scope)) {
    lines.push(stringify(rows.map(auditCsvRow)));
    count += rows.length;
  }
  await record(db, {
    by: actor,
    action: "export",
    table: "audit_log",
    recordId: null,
    regionCode: null,
    detail: {
      filter: Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)),
      rows: count,
    },
  });
  return { csv: `${lines[0]}\n${lines.slice(1).join("")}`, exportedAt: at, rows: count };
}

/** A record's history for its page: 404 unless the actor's scope covers the record's region. */
export async function recordHistory(db: Db, actor: Actor, table: string, recordId: string) {
  assertPermission(actor, "audit:history");
  const rows = await repo.listRecordHistory(db, table, recordId);
  const regions = rows.map((r) => r.region_code);
  const latest = regions.filter((r): r is string => r !== null).at(-1);
  const visible =
    rows.length > 0 &&
    (actor.scope.kind === "all" || (latest !== undefined && isInScope(actor.scope, latest)));
  if (!visible) throw notFound({ id: `Riwayat ${table} ${recordId}`, en: `History of ${table} ${recordId}` });
  return { items: rows.map(presentAuditEntry), total: rows.length };
}
