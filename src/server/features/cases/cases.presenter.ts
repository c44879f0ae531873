/** The fields of cases, timeline events and assignments that leave the server. */
import type { CaseDto, CaseEventDto } from "../../../core/api/cases.schema.ts";
import type {
  CaseSource,
  CategoryKind,
  ClosureReason,
  EventType,
  Stage,
  SubjectType,
  Urgency,
} from "../../../core/cases/case-enums.ts";
import { categoryName } from "./case-categories.ts";
import type { CaseListRow } from "./cases.repository.ts";
import type { CaseEventRow } from "./cases.table.ts";

/** What the case is about, in a few words. */
export function subjectLabel(row: {
  subject_type: string;
  person_name: string | null;
  household_address: string | null;
  region_name: string | null;
  rw: string | null;
  rt: string | null;
}): string {
  if (row.subject_type === "person") return row.person_name ?? "—";
  if (row.subject_type === "household") return row.household_address ?? "—";
  const parts = [row.rw ? `RW ${row.rw}` : null, row.rt ? `RT ${row.rt}` : null, row.region_name].filter(
    Boolean,
  );
  return parts.join(", ") || "—";
}

export function presentCase(row: CaseListRow): CaseDto {
  return {
    id: row.id,
    caseNumber: row.case_number,
    subjectType: row.subject_type as SubjectType,
    personId: row.person_id,
    householdId: row.household_id,
    subjectLabel: subjectLabel(row),
    regionCode: row.region_code,
    regionName: row.region_name,
    rw: row.rw,
    rt: row.rt,
    categoryKind: row.category_kind as CategoryKind,
    category: row.category,
    categoryName: categoryName(row.category),
    description: row.description,
    source: row.source as CaseSource,
    urgency: row.urgency as Urgency,
    stage: row.stage as Stage,
    closureReason: row.closure_reason as ClosureReason | null,
    closureRequest:
      row.closure_requested_at && row.closure_requested_reason
        ? {
            reason: row.closure_requested_reason as ClosureReason,
            at: row.closure_requested_at,
            byName: row.closure_requested_by,
          }
        : null,
    assigneeId: row.assignee_id,
    assigneeName: row.assignee_name,
    reportedAt: row.reported_at,
    firstVisitAt: row.first_visit_at,
    closedAt: row.closed_at,
    overdueTasks: Number(row.overdue_tasks ?? 0),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The worker ids an event's data names (an assignment's from and to), for `namesOf`. */
export function namedIds(row: CaseEventRow): string[] {
  if (row.type !== "assigned" || !row.data_json) return [];
  const data = JSON.parse(row.data_json) as { from?: unknown; to?: unknown };
  return [data.from, data.to].filter((v): v is string => typeof v === "string");
}

/**
 * One timeline event. An assignment's data carries the worker ids (`from`, `to`) and, when
 * `names` knows them, their names (`fromName`, `toName`), so the timeline shows people, not ids.
 */
export function presentEvent(row: CaseEventRow, names?: Map<string, string>): CaseEventDto {
  let data = row.data_json ? (JSON.parse(row.data_json) as Record<string, unknown>) : null;
  if (data && row.type === "assigned" && names) {
    const nameOf = (id: unknown) => (typeof id === "string" ? (names.get(id) ?? null) : null);
    data = { ...data, fromName: nameOf(data.from), toName: nameOf(data.to) };
  }
  return {
    id: row.id,
    caseId: row.case_id,
    type: row.type as EventType,
    at: row.at,
    byUserId: row.by_user_id,
    byName: row.by_name,
    fromStage: row.from_stage as Stage | null,
    toStage: row.to_stage as Stage | null,
    note: row.note,
    data,
  };
}
