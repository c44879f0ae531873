/**
 * Person import jobs: an in-process registry of the imports that uploads started, so that the
 * import page can poll their progress and result. Deliberately simple: the jobs live in this
 * server process's memory (a restart forgets them, and with several server processes a poll must
 * reach the one that runs the job); each job belongs to the user who started it and is only ever
 * shown to that user; finished jobs are kept for an hour, and at most `PER_USER` per user.
 */
import type { z } from "zod";
import type { importJobSchema } from "../../../core/api/import-job.schema.ts";
import { newId, nowIso } from "../../db/ids.ts";

export type ImportJob = z.infer<typeof importJobSchema>;

const KEEP_MS = 60 * 60 * 1000;
const PER_USER = 20;

export class ImportJobs {
  private readonly jobs = new Map<string, { owner: string; job: ImportJob; finished: number | null }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Registers a new running job of `owner`. */
  start(owner: string, init: Pick<ImportJob, "dryRun" | "totalRows">): ImportJob {
    this.prune(owner);
    const job: ImportJob = {
      id: newId(),
      state: "running",
      phase: "queued",
      dryRun: init.dryRun,
      totalRows: init.totalRows,
      read: 0,
      rejected: 0,
      written: 0,
      startedAt: nowIso(),
      finishedAt: null,
      result: null,
      error: null,
    };
    this.jobs.set(job.id, { owner, job, finished: null });
    return { ...job };
  }

  /** Applies a change to a running job. */
  update(id: string, change: Partial<ImportJob>): void {
    const entry = this.jobs.get(id);
    if (entry?.job.state !== "running") return;
    Object.assign(entry.job, change);
    if (entry.job.state !== "running") {
      entry.job.finishedAt = nowIso();
      entry.finished = this.now();
    }
  }

  /** A copy of the job, or undefined when it does not exist or belongs to someone else. */
  get(owner: string, id: string): ImportJob | undefined {
    const entry = this.jobs.get(id);
    if (!entry || entry.owner !== owner) return undefined;
    return { ...entry.job };
  }

  private prune(owner: string): void {
    const now = this.now();
    const mine: string[] = [];
    for (const [id, entry] of this.jobs) {
      if (entry.finished !== null && now - entry.finished > KEEP_MS) this.jobs.delete(id);
      else if (entry.owner === owner && entry.finished !== null) mine.push(id);
    }
    // Map order is insertion order: the oldest finished jobs go first.
    for (const id of mine.slice(0, Math.max(0, mine.length - PER_USER + 1))) this.jobs.delete(id);
  }
}
