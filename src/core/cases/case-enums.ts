/**
 * The vocabulary of social-problem cases: what a case is about, where it came from, how urgent it
 * is and the stages it moves through. Pure: shared by server, web and CLI.
 */

/** A case is about one person, one household, or an area (a kelurahan, RW or RT). */
export const SUBJECT_TYPES = ["person", "household", "area"] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

/** How the problem reached the workforce. */
export const CASE_SOURCES = [
  "temuan_lapangan",
  "laporan_warga",
  "rujukan_instansi",
  "pengaduan_hotline",
] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];

/** darurat: visit within a day; tinggi: within three; biasa: within seven (task-rules.ts). */
export const URGENCIES = ["darurat", "tinggi", "biasa"] as const;
export type Urgency = (typeof URGENCIES)[number];

/** The stages in order; `selesai` is the only closed one. */
export const STAGES = ["laporan", "asesmen", "rencana", "intervensi", "pemantauan", "selesai"] as const;
export type Stage = (typeof STAGES)[number];
export type OpenStage = Exclude<Stage, "selesai">;
export const OPEN_STAGES = [
  "laporan",
  "asesmen",
  "rencana",
  "intervensi",
  "pemantauan",
] as const satisfies readonly OpenStage[];

/** Why a case was closed. */
export const CLOSURE_REASONS = [
  "tertangani",
  "dirujuk_tuntas",
  "pindah_domisili",
  "meninggal",
  "menolak_layanan",
  "tidak_terbukti",
  "duplikat",
] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

/** A case's category is a PPKS category code or an area-problem code (data/area-problems.csv). */
export const CATEGORY_KINDS = ["ppks", "area"] as const;
export type CategoryKind = (typeof CATEGORY_KINDS)[number];

export const REFERRAL_STATUSES = ["dikirim", "diterima", "ditolak", "selesai"] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const TASK_KINDS = ["first_visit", "referral_check", "manual"] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
export const TASK_STATUSES = ["open", "done", "cancelled"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Every kind of timeline event. The timeline is append-only: each change adds one. */
export const EVENT_TYPES = [
  "created",
  "stage_changed",
  "updated",
  "note",
  "assigned",
  "closure_requested",
  "closure_rejected",
  "closed",
  "reopened",
  "plan_item_added",
  "plan_item_updated",
  "referral_created",
  "referral_updated",
  "visit_recorded",
  "task_created",
  "task_done",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Labels for the interface, Indonesian first. */
export const STAGE_LABELS: Readonly<Record<Stage, { id: string; en: string }>> = {
  laporan: { id: "Laporan", en: "Report" },
  asesmen: { id: "Asesmen", en: "Assessment" },
  rencana: { id: "Rencana", en: "Plan" },
  intervensi: { id: "Intervensi", en: "Intervention" },
  pemantauan: { id: "Pemantauan", en: "Monitoring" },
  selesai: { id: "Selesai", en: "Closed" },
};
