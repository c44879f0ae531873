/** The fields of sync records that leave the server. */
import { presentKk } from "../../../core/access/privacy.ts";
import type { SyncConflictDto } from "../../../core/api/sync.schema.ts";
import type { CaseRow, CaseTaskRow } from "../cases/cases.table.ts";
import type { ConflictListRow } from "./sync.repository.ts";
import type { DeviceRow } from "./sync.table.ts";

function parsed(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return json;
  }
}

export function presentConflict(row: ConflictListRow): SyncConflictDto {
  return {
    id: row.id,
    tableName: row.table_name === "households" ? "households" : "persons",
    recordId: row.record_id,
    field: row.field,
    serverValue: parsed(row.server_value),
    clientValue: parsed(row.client_value),
    changeId: row.change_id,
    createdBy: row.created_by,
    createdByName: row.created_by_name,
    createdAt: row.created_at,
    resolution: row.resolution === "server" || row.resolution === "client" ? row.resolution : null,
    resolvedBy: row.resolved_by,
    resolvedAt: row.resolved_at,
    ...conflictSubject(row),
  };
}

/** Whom a listed conflict is about; a row not read by the list (a push answer) has no subject. */
function conflictSubject(row: ConflictListRow): Pick<SyncConflictDto, "subject"> {
  if (row.subject_name === undefined && row.subject_address === undefined) return {};
  const name = row.subject_name ?? null;
  const address = row.subject_address ?? null;
  if (name === null && address === null) return { subject: null };
  return {
    subject: {
      name,
      address,
      rw: row.subject_rw ?? null,
      rt: row.subject_rt ?? null,
      // A list: the KK is masked, as in every registry list.
      kkNumber: presentKk(row.subject_kk ?? null, "list"),
    },
  };
}

export function presentDevice(row: DeviceRow & { username: string | null }) {
  return {
    id: row.id,
    userId: row.user_id,
    username: row.username,
    lastSyncSeq: Number(row.last_sync_seq),
    lastSeenAt: row.last_seen_at,
    counts: parsed(row.counts) as Record<string, number>,
    pending: Number(row.pending),
    userAgent: row.user_agent,
    wipeRequestedAt: row.wipe_requested_at,
    wipedAt: row.wiped_at,
  };
}

/** An open case as the phone holds it: enough to list it, visit and record on it. */
export function presentSyncedCase(row: CaseRow) {
  return {
    id: row.id,
    caseNumber: row.case_number,
    subjectType: row.subject_type,
    personId: row.person_id,
    householdId: row.household_id,
    regionCode: row.region_code,
    rw: row.rw,
    rt: row.rt,
    category: row.category,
    description: row.description,
    urgency: row.urgency,
    stage: row.stage,
    assigneeId: row.assignee_id,
    reportedAt: row.reported_at,
    firstVisitAt: row.first_visit_at,
    updatedAt: row.updated_at,
  };
}

export function presentSyncedTask(row: CaseTaskRow) {
  return {
    id: row.id,
    caseId: row.case_id,
    regionCode: row.region_code,
    kind: row.kind,
    title: row.title,
    dueAt: row.due_at,
    assigneeId: row.assignee_id,
    status: row.status,
  };
}
