import type { AuditAction, AuditEntryDto } from "../../../core/api/audit.schema.ts";
import type { AuditLogRow } from "./audit.table.ts";

const parse = (json: string | null) => (json === null ? null : (JSON.parse(json) as Record<string, unknown>));

/** The fields of an audit entry that leave the server. */
export function presentAuditEntry(row: AuditLogRow): AuditEntryDto {
  return {
    id: row.id,
    at: row.at,
    userId: row.user_id,
    username: row.username,
    ip: row.ip,
    action: row.action as AuditAction,
    table: row.table_name,
    recordId: row.record_id,
    regionCode: row.region_code,
    before: parse(row.before_json),
    after: parse(row.after_json),
    detail: parse(row.detail_json),
  };
}

/** The CSV columns of an audit export, in order. */
export const AUDIT_CSV_COLUMNS = [
  "id",
  "waktu_at",
  "pengguna_user",
  "alamat_ip",
  "tindakan_action",
  "tabel_table",
  "id_rekaman_record_id",
  "kode_wilayah_region_code",
  "sebelum_before",
  "sesudah_after",
  "rincian_detail",
] as const;

export function auditCsvRow(row: AuditLogRow): string[] {
  return [
    row.id,
    row.at,
    row.username ?? "",
    row.ip ?? "",
    row.action,
    row.table_name,
    row.record_id ?? "",
    row.region_code ?? "",
    row.before_json ?? "",
    row.after_json ?? "",
    row.detail_json ?? "",
  ];
}
