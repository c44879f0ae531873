import type { Selectable } from "kysely";

/** One backup made: its archive's name, size and contents (backup.service.ts). */
export interface BackupTable {
  id: string;
  file_name: string;
  created_at: string;
  bytes: number;
  /** Database rows in the backup. */
  rows: number;
  /** Uploaded files in the backup. */
  files: number;
  /** `cli` (peduli backup) or `schedule` (the server's daily backup). */
  made_by: string;
}

export type BackupRow = Selectable<BackupTable>;
