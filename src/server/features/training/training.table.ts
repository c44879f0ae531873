/** Table types of training: programmes, cohorts, attendance, tests, evaluations, certificates. */
import type { Insertable, Selectable } from "kysely";

export interface TrainingCompetencyTable {
  code: string;
  name: string;
  description: string;
  sort_order: number;
  updated_at: string;
}

export interface TrainingProgrammeTable {
  id: string;
  name: string;
  year: number;
  /** dasar | lanjutan */
  level: string;
  organiser: string;
  /** Short code printed in certificate numbers, e.g. SUDINSOS-JP. */
  organiser_code: string;
  /** 0–1 */
  min_attendance_rate: number;
  /** 0–100 */
  min_post_score: number;
  signatory_name: string;
  signatory_title: string;
  is_demo: number;
  created_at: string;
  updated_at: string;
  /** Set when archived: kept with its records, no longer offered for new cohorts. */
  archived_at: string | null;
}

export interface TrainingQuotaTable {
  programme_id: string;
  /** tksk | psm */
  role: string;
  quota: number;
}

export interface TrainingModuleTable {
  id: string;
  programme_id: string;
  code: string;
  title: string;
  /** Lesson hours (jam pelajaran) printed on certificates. */
  hours: number;
  sort_order: number;
}

export interface TrainingObjectiveTable {
  id: string;
  module_id: string;
  text: string;
  competency_code: string;
  sort_order: number;
}

export interface TrainingQuestionTable {
  id: string;
  module_id: string;
  /** mc (multiple choice) | tf (true/false) */
  kind: string;
  text: string;
  /** JSON array of option texts. */
  options: string;
  correct_index: number;
  competency_code: string;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface TrainingCohortTable {
  id: string;
  programme_id: string;
  name: string;
  /** Participants must work inside this region (e.g. 3171 for Jakarta Pusat). */
  region_code: string;
  venue: string;
  starts_on: string;
  ends_on: string;
  created_at: string;
  updated_at: string;
  /** Set when cancelled after something was recorded (otherwise the cohort is deleted). */
  cancelled_at: string | null;
}

export interface TrainingSessionTable {
  id: string;
  cohort_id: string;
  date: string;
  start_time: string;
  end_time: string;
  venue: string;
  trainer: string;
  title: string;
  /** Secret in the QR code the trainer shows; check-in also needs the session's time window. */
  check_in_token: string;
  created_at: string;
  /** Set when cancelled: the session no longer counts in attendance rates or lesson hours. */
  cancelled_at: string | null;
}

export interface TrainingSessionModuleTable {
  session_id: string;
  module_id: string;
}

export interface TrainingEnrolmentTable {
  id: string;
  cohort_id: string;
  worker_id: string;
  role: string;
  region_code: string;
  enrolled_at: string;
  /** Set when the participant is withdrawn: kept in history, not counted in quota or completion. */
  withdrawn_at: string | null;
  withdrawn_reason: string | null;
}

export interface TrainingAttendanceTable {
  session_id: string;
  enrolment_id: string;
  /** hadir | terlambat | izin | sakit | alpa */
  status: string;
  /** trainer | qr */
  method: string;
  marked_at: string;
  marked_by: string | null;
}

export interface TrainingTestTable {
  id: string;
  cohort_id: string;
  /** pre | post */
  kind: string;
  time_limit_minutes: number;
  questions_per_module: number;
  is_open: number;
  created_at: string;
}

export interface TrainingAttemptTable {
  id: string;
  test_id: string;
  enrolment_id: string;
  seed: number;
  started_at: string;
  deadline_at: string;
  submitted_at: string | null;
  closed_at_limit: number;
  correct_count: number | null;
  question_count: number;
  score: number | null;
}

export interface TrainingAttemptItemTable {
  attempt_id: string;
  position: number;
  question_id: string;
  /** JSON array: optionOrder[displayed index] = option index in the bank. */
  option_order: string;
  /** Option index in the bank (not the displayed index); null while unanswered. */
  selected_option: number | null;
  is_correct: number;
  answered_at: string | null;
}

export interface TrainingEvaluationTable {
  id: string;
  cohort_id: string;
  content: number;
  trainer: number;
  venue: number;
  usefulness: number;
  comment: string | null;
  /** A date only, so that the time does not tie an answer to a person. */
  submitted_on: string;
}

export interface TrainingEvaluationReceiptTable {
  cohort_id: string;
  enrolment_id: string;
}

export interface TrainingCertificateTable {
  id: string;
  enrolment_id: string;
  programme_id: string;
  serial: number;
  number: string;
  code: string;
  holder_name: string;
  programme_name: string;
  completed_on: string;
  hours: number;
  issued_at: string;
  revoked_at: string | null;
  revoked_reason: string | null;
}

export interface TrainingTables {
  training_competencies: TrainingCompetencyTable;
  training_programmes: TrainingProgrammeTable;
  training_quotas: TrainingQuotaTable;
  training_modules: TrainingModuleTable;
  training_objectives: TrainingObjectiveTable;
  training_questions: TrainingQuestionTable;
  training_cohorts: TrainingCohortTable;
  training_sessions: TrainingSessionTable;
  training_session_modules: TrainingSessionModuleTable;
  training_enrolments: TrainingEnrolmentTable;
  training_attendance: TrainingAttendanceTable;
  training_tests: TrainingTestTable;
  training_attempts: TrainingAttemptTable;
  training_attempt_items: TrainingAttemptItemTable;
  training_evaluations: TrainingEvaluationTable;
  training_evaluation_receipts: TrainingEvaluationReceiptTable;
  training_certificates: TrainingCertificateTable;
}

export type ProgrammeRow = Selectable<TrainingProgrammeTable>;
export type CohortRow = Selectable<TrainingCohortTable>;
export type SessionRow = Selectable<TrainingSessionTable>;
export type EnrolmentRow = Selectable<TrainingEnrolmentTable>;
export type TestRow = Selectable<TrainingTestTable>;
export type AttemptRow = Selectable<TrainingAttemptTable>;
export type AttemptItemRow = Selectable<TrainingAttemptItemTable>;
export type QuestionRow = Selectable<TrainingQuestionTable>;
export type CertificateRow = Selectable<TrainingCertificateTable>;
export type NewQuestionRow = Insertable<TrainingQuestionTable>;
