import type { Selectable } from "kysely";

/** One housekeeping task's last run, shared by every server node (scheduler.ts). */
export interface ScheduledTaskTable {
  name: string;
  last_started_at: string;
  last_finished_at: string | null;
  /** The node that ran it last (host name and process id). */
  last_node: string | null;
  /** The last run's error message, or null when it succeeded. */
  last_error: string | null;
  run_count: number;
}

export type ScheduledTaskRow = Selectable<ScheduledTaskTable>;
