/** The fields of training records that leave the server. */
import type { Selectable } from "kysely";
import type {
  CertificateRow,
  ProgrammeRow,
  QuestionRow,
  SessionRow,
  TrainingQuotaTable,
} from "./training.table.ts";

export function presentProgramme(
  row: ProgrammeRow,
  quotas: Selectable<TrainingQuotaTable>[],
  cohortCount: number,
) {
  return {
    id: row.id,
    name: row.name,
    year: row.year,
    level: row.level as "dasar" | "lanjutan",
    organiser: row.organiser,
    organiserCode: row.organiser_code,
    quotas: Object.fromEntries(quotas.map((q) => [q.role, q.quota])),
    completionRule: { minAttendanceRate: row.min_attendance_rate, minPostScore: row.min_post_score },
    signatory: { name: row.signatory_name, title: row.signatory_title },
    cohortCount,
    archivedAt: row.archived_at,
  };
}

export function presentQuestion(row: QuestionRow) {
  return {
    id: row.id,
    moduleId: row.module_id,
    kind: row.kind as "mc" | "tf",
    text: row.text,
    options: JSON.parse(row.options) as string[],
    correctIndex: row.correct_index,
    competencyCode: row.competency_code,
    active: row.active === 1,
  };
}

export function presentSession(row: SessionRow, moduleIds: string[]) {
  return {
    id: row.id,
    date: row.date,
    startTime: row.start_time,
    endTime: row.end_time,
    venue: row.venue,
    trainer: row.trainer,
    title: row.title,
    moduleIds,
    cancelledAt: row.cancelled_at,
  };
}

/** `baseUrl` is the public origin, e.g. https://peduli.example.go.id. */
export function presentCertificate(row: CertificateRow, baseUrl: string) {
  return {
    id: row.id,
    number: row.number,
    code: row.code,
    holderName: row.holder_name,
    programmeName: row.programme_name,
    completedOn: row.completed_on,
    issuedAt: row.issued_at,
    revokedAt: row.revoked_at,
    verifyUrl: verifyUrl(baseUrl, row.code),
  };
}

export function verifyUrl(baseUrl: string, code: string): string {
  return `${baseUrl.replace(/\/$/, "")}/verifikasi/${code}`;
}
