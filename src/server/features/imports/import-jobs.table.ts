import type { Selectable } from "kysely";

/** A person import job: its progress while it runs, then its result or its error (JSON). */
export interface ImportJobTable {
  id: string;
  owner_id: string;
  state: string;
  phase: string;
  dry_run: number;
  total_rows: number | null;
  read_rows: number;
  rejected_rows: number;
  written_rows: number;
  started_at: string;
  finished_at: string | null;
  /** Last time the node running the job wrote to it; a running job that stops beating was cut off. */
  heartbeat_at: string;
  result_json: string | null;
  error_json: string | null;
}

export type ImportJobRow = Selectable<ImportJobTable>;
