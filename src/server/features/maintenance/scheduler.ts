/**
 * Housekeeping on a timer, run once across every server node: on each tick a node asks, task by
 * task, to claim the task's next run (scheduled-tasks.repository.ts: one conditional UPDATE), and
 * runs only the tasks it claimed. A task that throws records its error and does not stop the
 * others; the next claim after its interval tries again. Only `peduli serve` starts a scheduler
 * (src/server/main.ts), never the CLI or the tests' apps.
 */
import { hostname } from "node:os";
import type { Db } from "../../db/database.ts";
import { recordScheduledRun } from "../metrics/metric-events.ts";
import * as repo from "./scheduled-tasks.repository.ts";

export interface ScheduledTask {
  name: string;
  /** The instant from which a new run is due: the task runs when its last run started before it. */
  dueSince(now: Date): Date;
  run(db: Db, now: Date): Promise<void>;
}

/** Due `ms` after the last run started. */
export function every(ms: number): (now: Date) => Date {
  return (now) => new Date(now.getTime() - ms);
}

const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;

/** Due once a day at `hh:mm` Western Indonesian Time (UTC+7): since the latest such moment. */
export function dailyAtWib(time: string): (now: Date) => Date {
  const [hours, minutes] = time.split(":").map(Number) as [number, number];
  const dayMs = 24 * 60 * 60 * 1000;
  return (now) => {
    const local = now.getTime() + WIB_OFFSET_MS;
    const todayAt = Math.floor(local / dayMs) * dayMs + (hours * 60 + minutes) * 60_000;
    return new Date((todayAt <= local ? todayAt : todayAt - dayMs) - WIB_OFFSET_MS);
  };
}

export interface SchedulerOptions {
  /** How often the node asks for due tasks. Default: a minute. */
  tickMs?: number;
  /** This node's name in the bookkeeping. Default: host name and process id. */
  node?: string;
  now?: () => Date;
  /** Called when a task fails (its error is also recorded in scheduled_tasks). */
  onError?: (task: string, error: unknown) => void;
}

export interface Scheduler {
  /** Claims and runs every due task once; resolves when they are done. */
  tick(): Promise<string[]>;
  /** Stops the timer and waits for a tick in progress. */
  stop(): Promise<void>;
}

export function startScheduler(
  db: Db,
  tasks: readonly ScheduledTask[],
  options: SchedulerOptions = {},
): Scheduler {
  const node = options.node ?? `${hostname()}:${process.pid}`;
  const now = options.now ?? (() => new Date());
  let running: Promise<string[]> | null = null;

  const runDue = async (): Promise<string[]> => {
    const ran: string[] = [];
    for (const task of tasks) {
      const at = now();
      const dueSince = task.dueSince(at).toISOString();
      if (!(await repo.claimRun(db, task.name, node, at.toISOString(), dueSince))) continue;
      let error: string | null = null;
      try {
        await task.run(db, at);
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
        options.onError?.(task.name, e);
      }
      await repo.finishRun(db, task.name, now().toISOString(), error);
      recordScheduledRun(task.name, error === null);
      ran.push(task.name);
    }
    return ran;
  };
  const tick = () => {
    running ??= runDue().finally(() => {
      running = null;
    });
    return running;
  };

  const timer = setInterval(() => {
    tick().catch((e: unknown) => options.onError?.("scheduler", e));
  }, options.tickMs ?? 60_000);
  timer.unref();
  return {
    tick,
    async stop() {
      clearInterval(timer);
      await running?.catch(() => {});
    },
  };
}
