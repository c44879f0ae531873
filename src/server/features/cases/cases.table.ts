import type { Insertable, Selectable, Updateable } from "kysely";

/** A social problem being worked on: about a person, a household or an area of a kelurahan. */
export interface CaseTable {
  id: string;
  /** KS-<year>-<6 digits>, unique, allocated from case_counters. */
  case_number: string;
  /** person | household | area */
  subject_type: string;
  person_id: string | null;
  household_id: string | null;
  /** The kelurahan's 10-digit code. */
  region_code: string;
  /** For area cases: the RW and RT, when the problem is that narrow. */
  rw: string | null;
  rt: string | null;
  /** ppks | area */
  category_kind: string;
  category: string;
  description: string;
  source: string;
  urgency: string;
  /** Derived from the timeline, updated in the same transaction as each event. */
  stage: string;
  closure_reason: string | null;
  closure_requested_reason: string | null;
  closure_requested_at: string | null;
  closure_requested_by: string | null;
  /** The worker (workers.id) holding the case now; the history is in case_assignments. */
  assignee_id: string | null;
  reported_at: string;
  first_visit_at: string | null;
  closed_at: string | null;
  /** Bumped by every change; its row update serialises concurrent writers. */
  version: number;
  created_by: string | null;
  is_demo: number;
  seq: number;
  created_at: string;
  updated_at: string;
}

/** One change on a case's timeline. Never updated or deleted. */
export interface CaseEventTable {
  id: string;
  case_id: string;
  region_code: string;
  /** The case version the change produced: the timeline's order. */
  case_version: number;
  type: string;
  at: string;
  by_user_id: string | null;
  by_name: string | null;
  from_stage: string | null;
  to_stage: string | null;
  note: string | null;
  data_json: string | null;
  seq: number;
}

/** Who held a case when: the current holder has to_at null. */
export interface CaseAssignmentTable {
  id: string;
  case_id: string;
  region_code: string;
  worker_id: string;
  from_at: string;
  to_at: string | null;
  assigned_by: string | null;
  assigned_by_name: string | null;
  seq: number;
}

export interface CasePlanItemTable {
  id: string;
  case_id: string;
  region_code: string;
  /** goal | action */
  kind: string;
  text: string;
  due_on: string | null;
  done_at: string | null;
  seq: number;
  created_at: string;
  updated_at: string;
}

export interface CaseCounterTable {
  year: number;
  value: number;
}

export type CaseRow = Selectable<CaseTable>;
export type NewCaseRow = Insertable<CaseTable>;
export type CaseUpdate = Updateable<CaseTable>;
export type CaseEventRow = Selectable<CaseEventTable>;
export type NewCaseEventRow = Insertable<CaseEventTable>;
export type CaseAssignmentRow = Selectable<CaseAssignmentTable>;
export type CasePlanItemRow = Selectable<CasePlanItemTable>;

/** Every case-work table, for composing into the Database interface. */
export interface CaseTables {
  case_counters: CaseCounterTable;
  cases: CaseTable;
  case_events: CaseEventTable;
  case_assignments: CaseAssignmentTable;
  case_plan_items: CasePlanItemTable;
  referrals: ReferralTable;
  visits: VisitTable;
  visit_photos: VisitPhotoTable;
  case_tasks: CaseTaskTable;
}

/** A referral (rujukan) of the case's subject to a programme, service or PSKS organisation. */
export interface ReferralTable {
  id: string;
  case_id: string;
  region_code: string;
  service_code: string | null;
  organisation_id: string | null;
  target_name: string;
  external: number;
  /** dikirim | diterima | ditolak | selesai */
  status: string;
  sent_on: string;
  responded_on: string | null;
  completed_on: string | null;
  outcome: string | null;
  note: string | null;
  letter_number: string;
  created_by: string | null;
  seq: number;
  created_at: string;
  updated_at: string;
}

/** A home visit (kunjungan). */
export interface VisitTable {
  id: string;
  case_id: string;
  region_code: string;
  visited_at: string;
  worker_id: string | null;
  met: string;
  notes: string;
  latitude: number | null;
  longitude: number | null;
  created_by: string | null;
  seq: number;
  created_at: string;
}

export interface VisitPhotoTable {
  id: string;
  visit_id: string;
  case_id: string;
  region_code: string;
  /** The key in the FileStore. */
  storage_key: string;
  mime_type: string;
  size_bytes: number;
  seq: number;
  created_at: string;
}

/** A follow-up with a due instant, held by a worker. */
export interface CaseTaskTable {
  id: string;
  case_id: string;
  region_code: string;
  /** first_visit | referral_check | manual */
  kind: string;
  title: string;
  due_at: string;
  assignee_id: string | null;
  referral_id: string | null;
  /** open | done | cancelled */
  status: string;
  done_at: string | null;
  seq: number;
  created_at: string;
  updated_at: string;
}

export type ReferralRow = Selectable<ReferralTable>;
export type VisitRow = Selectable<VisitTable>;
export type VisitPhotoRow = Selectable<VisitPhotoTable>;
export type CaseTaskRow = Selectable<CaseTaskTable>;
