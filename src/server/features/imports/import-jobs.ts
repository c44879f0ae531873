/**
 * Person import jobs, kept in the database so that a job started on one server node can be
 * followed from any other (import_jobs table). The node that runs a job keeps its live copy in
 * memory and answers from it; it writes the job when it starts, at most every `FLUSH_MS` while it
 * runs (without waiting: on SQLite the write simply queues behind the import's transaction), and
 * when it ends. Another node reads the row. A running job whose node stopped beating for
 * `STALE_MS` (the process was killed or restarted: its import rolled back with its transaction)
 * is reported as failed. Each job belongs to the user who started it and is only ever shown to
 * that user; finished jobs are kept for an hour, and at most `PER_USER` per user.
 */
import type { z } from "zod";
import type { importJobSchema } from "../../../core/api/import-job.schema.ts";
import { AppError } from "../../../core/errors/app-error.ts";
import type { Db } from "../../db/database.ts";
import { newId } from "../../db/ids.ts";
import { recordImportJob } from "../metrics/metric-events.ts";
import * as repo from "./import-jobs.repository.ts";
import type { ImportJobRow } from "./import-jobs.table.ts";

export type ImportJob = z.infer<typeof importJobSchema>;

export const KEEP_MS = 60 * 60 * 1000;
const PER_USER = 20;
const FLUSH_MS = 200;
const HEARTBEAT_MS = 15_000;
const STALE_MS = 2 * 60 * 1000;

interface LiveJob {
  owner: string;
  job: ImportJob;
  flushedAt: number;
  flushing: Promise<void> | null;
  heartbeat: NodeJS.Timeout;
}

export class ImportJobs {
  private readonly live = new Map<string, LiveJob>();

  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  /** Registers a new running job of `owner` and writes it, so any node can find it. */
  async start(owner: string, init: Pick<ImportJob, "dryRun" | "totalRows">): Promise<ImportJob> {
    const at = this.iso();
    await repo.pruneJobs(this.db, owner, new Date(this.now() - KEEP_MS).toISOString(), PER_USER - 1);
    const job: ImportJob = {
      id: newId(),
      state: "running",
      phase: "queued",
      dryRun: init.dryRun,
      totalRows: init.totalRows,
      read: 0,
      rejected: 0,
      written: 0,
      startedAt: at,
      finishedAt: null,
      result: null,
      error: null,
    };
    await repo.insertJob(this.db, toRow(owner, job, at));
    const heartbeat = setInterval(() => this.flush(job.id), HEARTBEAT_MS);
    heartbeat.unref();
    this.live.set(job.id, { owner, job, flushedAt: this.now(), flushing: null, heartbeat });
    return { ...job };
  }

  /**
   * Applies a change to a running job of this node. Progress is written now and then; the end
   * (state finished or failed) is written before the returned promise settles.
   */
  async update(id: string, change: Partial<ImportJob>): Promise<void> {
    const entry = this.live.get(id);
    if (entry?.job.state !== "running") return;
    Object.assign(entry.job, change);
    if (entry.job.state === "running") {
      if (this.now() - entry.flushedAt >= FLUSH_MS) this.flush(id);
      return;
    }
    entry.job.finishedAt = this.iso();
    clearInterval(entry.heartbeat);
    recordImportJob(entry.job.state);
    await entry.flushing;
    await repo.updateRunningJob(this.db, id, rowChange(entry.job, this.iso()));
    this.live.delete(id);
  }

  /** The job, or undefined when it does not exist or belongs to someone else. */
  async get(owner: string, id: string): Promise<ImportJob | undefined> {
    const entry = this.live.get(id);
    if (entry) return entry.owner === owner ? { ...entry.job } : undefined;
    const row = await repo.findJob(this.db, owner, id);
    if (!row) return undefined;
    const job = fromRow(row);
    if (job.state === "running" && this.now() - Date.parse(row.heartbeat_at) > STALE_MS) {
      return { ...job, state: "failed", phase: "done", error: interrupted() };
    }
    return job;
  }

  /** Stops the heartbeats (the server is closing; its running jobs will be reported as cut off). */
  close(): void {
    for (const entry of this.live.values()) clearInterval(entry.heartbeat);
  }

  /** Writes a running job's progress unless a write is already on its way. */
  private flush(id: string): void {
    const entry = this.live.get(id);
    if (!entry || entry.flushing || entry.job.state !== "running") return;
    entry.flushedAt = this.now();
    entry.flushing = repo
      .updateRunningJob(this.db, id, rowChange(entry.job, this.iso()))
      // A lost progress write is made good by the next one; the final write is awaited.
      .catch(() => {})
      .finally(() => {
        entry.flushing = null;
      });
  }

  private iso(): string {
    return new Date(this.now()).toISOString();
  }
}

/** Housekeeping (the scheduler): forgets every job finished more than `KEEP_MS` ago. */
export async function purgeFinishedJobs(db: Db, now: Date): Promise<void> {
  await repo.deleteFinishedBefore(db, new Date(now.getTime() - KEEP_MS).toISOString());
}

function interrupted(): NonNullable<ImportJob["error"]> {
  const error = new AppError("import_interrupted");
  return {
    code: error.code,
    message: { id: error.messageIn("id"), en: error.messageIn("en") },
    problems: [],
  };
}

function rowChange(job: ImportJob, at: string): Partial<ImportJobRow> {
  return {
    state: job.state,
    phase: job.phase,
    total_rows: job.totalRows,
    read_rows: job.read,
    rejected_rows: job.rejected,
    written_rows: job.written,
    finished_at: job.finishedAt,
    heartbeat_at: at,
    result_json: job.result ? JSON.stringify(job.result) : null,
    error_json: job.error ? JSON.stringify(job.error) : null,
  };
}

function toRow(owner: string, job: ImportJob, at: string): ImportJobRow {
  return {
    id: job.id,
    owner_id: owner,
    dry_run: job.dryRun ? 1 : 0,
    started_at: job.startedAt,
    ...(rowChange(job, at) as Omit<ImportJobRow, "id" | "owner_id" | "dry_run" | "started_at">),
  };
}

function fromRow(row: ImportJobRow): ImportJob {
  return {
    id: row.id,
    state: row.state as ImportJob["state"],
    phase: row.phase as ImportJob["phase"],
    dryRun: Number(row.dry_run) === 1,
    totalRows: row.total_rows === null ? null : Number(row.total_rows),
    read: Number(row.read_rows),
    rejected: Number(row.rejected_rows),
    written: Number(row.written_rows),
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    result: row.result_json ? JSON.parse(row.result_json) : null,
    error: row.error_json ? JSON.parse(row.error_json) : null,
  };
}
