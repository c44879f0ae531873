/**
 * The Prometheus registry of one app instance (never prom-client's global one, so tests that
 * build many apps do not collide): HTTP requests per route pattern, database pool and query
 * durations, sync pushes and import jobs (from metric-events.ts), and
 * prom-client's default process metrics (memory, event-loop lag, GC).
 */
import diagnosticsChannel from "node:diagnostics_channel";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { PoolStats } from "../../db/create-db.ts";
import { channels, type QueryEvent, type SyncPushEvent } from "./metric-events.ts";

export interface MetricsSources {
  /** PostgreSQL only: the pool's current counts. */
  poolStats?: () => PoolStats;
  /** When the newest backup was made (ISO), or null when there is none. */
  lastBackupAt?: () => Promise<string | null>;
}

export interface AppMetrics {
  registry: Registry;
  observeRequest(route: string, method: string, status: number, seconds: number): void;
  /** Stops listening to the process-wide channels (on app close). */
  close(): void;
}

const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const QUERY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5];

export function createMetrics(sources: MetricsSources = {}): AppMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const requests = new Counter({
    name: "peduli_http_requests_total",
    help: "HTTP requests answered, by route pattern, method and status class",
    labelNames: ["route", "method", "status_class"] as const,
    registers,
  });
  const durations = new Histogram({
    name: "peduli_http_request_duration_seconds",
    help: "Time to answer an HTTP request, by route pattern, method and status class",
    labelNames: ["route", "method", "status_class"] as const,
    buckets: SECONDS_BUCKETS,
    registers,
  });
  const queries = new Histogram({
    name: "peduli_db_query_duration_seconds",
    help: "Database query durations, by statement kind and outcome",
    labelNames: ["kind", "outcome"] as const,
    buckets: QUERY_BUCKETS,
    registers,
  });
  const syncChanges = new Counter({
    name: "peduli_sync_changes_total",
    help: "Changes pushed by field devices, by outcome (applied, duplicate, conflict, rejected)",
    labelNames: ["outcome"] as const,
    registers,
  });
  const syncPushes = new Counter({
    name: "peduli_sync_pushes_total",
    help: "Sync push requests handled",
    registers,
  });
  const importJobs = new Counter({
    name: "peduli_import_jobs_total",
    help: "Import jobs ended, by final state (finished, failed)",
    labelNames: ["state"] as const,
    registers,
  });

  const scheduledRuns = new Counter({
    name: "peduli_scheduled_runs_total",
    help: "Housekeeping runs made by this node, by task and outcome (ok, error)",
    labelNames: ["task", "outcome"] as const,
    registers,
  });

  const { poolStats } = sources;
  if (poolStats) {
    const pool = new Gauge({
      name: "peduli_db_pool_connections",
      help: "PostgreSQL pool connections: total, idle, and requests waiting for one",
      labelNames: ["state"] as const,
      registers,
      collect() {
        const s = poolStats();
        this.set({ state: "total" }, s.total);
        this.set({ state: "idle" }, s.idle);
        this.set({ state: "waiting" }, s.waiting);
      },
    });
    void pool;
  }
  const { lastBackupAt } = sources;
  if (lastBackupAt) {
    new Gauge({
      name: "peduli_backup_last_timestamp_seconds",
      help: "When the newest backup was made (Unix time; 0 when there is none): alert on time() minus this",
      registers,
      async collect() {
        const at = await lastBackupAt();
        this.set(at ? Math.floor(Date.parse(at) / 1000) : 0);
      },
    });
  }

  const onQuery = (message: unknown) => {
    const e = message as QueryEvent;
    queries.observe({ kind: e.kind, outcome: e.failed ? "error" : "ok" }, e.seconds);
  };
  const onSyncPush = (message: unknown) => {
    const e = message as SyncPushEvent;
    syncPushes.inc();
    for (const outcome of ["applied", "duplicate", "conflict", "rejected"] as const) {
      if (e[outcome] > 0) syncChanges.inc({ outcome }, e[outcome]);
    }
  };
  const onImportJob = (message: unknown) => importJobs.inc({ state: (message as { state: string }).state });
  const onScheduledRun = (message: unknown) => {
    const e = message as { task: string; ok: boolean };
    scheduledRuns.inc({ task: e.task, outcome: e.ok ? "ok" : "error" });
  };
  diagnosticsChannel.subscribe(channels.query.name as string, onQuery);
  diagnosticsChannel.subscribe(channels.scheduledRun.name as string, onScheduledRun);
  diagnosticsChannel.subscribe(channels.syncPush.name as string, onSyncPush);
  diagnosticsChannel.subscribe(channels.importJob.name as string, onImportJob);

  return {
    registry,
    observeRequest(route, method, status, seconds) {
      const labels = { route, method, status_class: `${Math.floor(status / 100)}xx` };
      requests.inc(labels);
      durations.observe(labels, seconds);
    },
    close() {
      diagnosticsChannel.unsubscribe(channels.query.name as string, onQuery);
      diagnosticsChannel.unsubscribe(channels.scheduledRun.name as string, onScheduledRun);
      diagnosticsChannel.unsubscribe(channels.syncPush.name as string, onSyncPush);
      diagnosticsChannel.unsubscribe(channels.importJob.name as string, onImportJob);
      registry.clear();
    },
  };
}
