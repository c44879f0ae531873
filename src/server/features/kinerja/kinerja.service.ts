/**
 * Kinerja: a worker's indicators (the worker, their TKSK and the Suku Dinas may read them; the
 * pimpinan sees no individual), the team list, targets per role and month, alerts for supervisors
 * when a worker is far behind, and the before/after comparison of a training cohort.
 */
import type { KinerjaDto, KinerjaIndicators, TargetBody } from "../../../core/api/kinerja.schema.ts";
import { notFound } from "../../../core/errors/app-error.ts";
import { type DateRange, daysIn, monthRange, wibDate } from "../../../core/kinerja/period.ts";
import { targetProgress } from "../../../core/kinerja/targets.ts";
import type { Db } from "../../db/database.ts";
import { newId } from "../../db/ids.ts";
import { isInScope } from "../../db/scope.ts";
import { type Actor, assertPermission } from "../auth/actor.ts";
import * as repo from "./kinerja.repository.ts";
import { workerIndicators } from "./kinerja-figures.ts";

type WorkerRow = NonNullable<Awaited<ReturnType<typeof repo.findWorker>>>;

/**
 * Whether the actor may read this worker's kinerja: sudin everyone; a TKSK the workers of their
 * kecamatan (themselves and its PSM); a PSM only themselves. Others answer 404 (the record does not
 * exist for them).
 */
async function canRead(db: Db, actor: Actor, worker: WorkerRow): Promise<boolean> {
  if (actor.role === "psm") return (await repo.workerIdOfUser(db, actor.userId)) === worker.id;
  return isInScope(actor.scope, worker.region_code);
}

function present(worker: WorkerRow) {
  return { id: worker.id, name: worker.name, role: worker.role, regionCode: worker.region_code };
}

/** GET /workers/{id}/kinerja */
export async function getWorkerKinerja(
  db: Db,
  actor: Actor,
  workerId: string,
  range: DateRange,
  now: Date,
): Promise<KinerjaDto> {
  assertPermission(actor, "kinerja:read");
  const worker = await repo.findWorker(db, workerId);
  if (!worker || !(await canRead(db, actor, worker))) throw notFound({ id: "Petugas", en: "Worker" });
  const indicators = await workerIndicators(db, worker.id, range, now);
  return {
    worker: present(worker),
    period: range,
    indicators,
    targets: await progress(db, worker, range.to, now),
  };
}

/** Progress against the targets of the month holding `day`, measured over that whole month. */
async function progress(db: Db, worker: WorkerRow, day: string, now: Date) {
  const month = day.slice(0, 7);
  const targets = (await repo.listTargets(db, month)).filter((t) => t.role === worker.role);
  if (targets.length === 0) return [];
  const range = monthRange(month);
  const figures = await workerIndicators(db, worker.id, range, now);
  const today = wibDate(now);
  const elapsed =
    today < range.from ? 0 : today > range.to ? daysIn(range) : daysIn({ from: range.from, to: today });
  return targets.map((t) => ({
    indicator: t.indicator,
    month,
    ...targetProgress(
      t.target,
      Number(figures[t.indicator as keyof KinerjaIndicators] ?? 0),
      elapsed,
      daysIn(range),
    ),
  }));
}

/** GET /kinerja/workers: the workers the actor may read, with their indicators. */
export async function listKinerja(db: Db, actor: Actor, range: DateRange, now: Date) {
  assertPermission(actor, "kinerja:read");
  const prefix = actor.scope.kind === "region" ? actor.scope.regionCode : null;
  const workers = actor.scope.kind === "none" ? [] : await repo.listWorkers(db, prefix);
  const visible = [];
  for (const w of workers) if (await canRead(db, actor, w)) visible.push(w);
  const items = [];
  for (const w of visible)
    items.push({ ...present(w), indicators: await workerIndicators(db, w.id, range, now) });
  return { items, total: items.length, period: range };
}

/** PUT /kinerja/targets: sets (or replaces) the target of a role, indicator and month. */
export async function setTarget(db: Db, actor: Actor, body: TargetBody, now: Date) {
  assertPermission(actor, "kinerja:targets");
  const at = now.toISOString();
  const existing = (await repo.listTargets(db, body.month)).find(
    (t) => t.role === body.role && t.indicator === body.indicator,
  );
  if (existing) {
    await db
      .updateTable("kinerja_targets")
      .set({ target: body.target, set_by: actor.userId, updated_at: at })
      .where("id", "=", existing.id)
      .execute();
    return { ...body, id: existing.id, updatedAt: at };
  }
  const id = newId();
  await db
    .insertInto("kinerja_targets")
    .values({ id, ...body, set_by: actor.userId, created_at: at, updated_at: at })
    .execute();
  return { ...body, id, updatedAt: at };
}

export async function listTargets(db: Db, actor: Actor, month: string | undefined) {
  assertPermission(actor, "kinerja:read");
  const rows = await repo.listTargets(db, month ?? null);
  return {
    items: rows.map((t) => ({
      id: t.id,
      role: t.role as "tksk" | "psm",
      indicator: t.indicator as TargetBody["indicator"],
      month: t.month,
      target: t.target,
      updatedAt: t.updated_at,
    })),
  };
}

/**
 * Raises an alert for every worker far behind a target of `month` (see targetProgress): one row
 * per worker, indicator and month, for the TKSK of the worker's kecamatan (the Suku Dinas for a
 * TKSK). An alert already raised is updated with the new figures; one no longer far behind is
 * marked resolved. Returns how many workers were checked and how many alerts are open.
 */
export async function checkTargets(db: Db, actor: Actor, month: string, now: Date) {
  assertPermission(actor, "kinerja:targets");
  const targets = await repo.listTargets(db, month);
  const workers = await repo.listWorkers(db, null);
  const tksk = new Map(workers.filter((w) => w.role === "tksk").map((w) => [w.region_code, w.id]));
  let raised = 0;
  let checked = 0;
  for (const worker of workers) {
    if (!targets.some((t) => t.role === worker.role)) continue;
    checked++;
    for (const p of await progress(db, worker, monthRange(month).to, now)) {
      const supervisor = worker.role === "psm" ? (tksk.get(worker.region_code.slice(0, 6)) ?? null) : null;
      const far = p.status === "far_behind";
      if (far) raised++;
      await repo.saveAlert(db, {
        workerId: worker.id,
        supervisorWorkerId: supervisor,
        regionCode: worker.region_code,
        indicator: p.indicator,
        month,
        target: p.target,
        actual: p.actual,
        expected: p.expectedByNow,
        open: far,
        at: now.toISOString(),
      });
    }
  }
  return { month, checked, raised };
}

/** Open alerts the actor follows up: a TKSK those of their PSM, a PSM their own, the Suku Dinas all. */
export async function listAlerts(db: Db, actor: Actor) {
  assertPermission(actor, "kinerja:read");
  const own = await repo.workerIdOfUser(db, actor.userId);
  const rows = await repo.openAlerts(db);
  const items = rows
    .filter((a) =>
      actor.role === "sudin"
        ? true
        : actor.role === "tksk"
          ? a.supervisor_worker_id === own || a.worker_id === own
          : a.worker_id === own,
    )
    .map((a) => ({
      id: a.id,
      workerId: a.worker_id,
      workerName: a.worker_name,
      regionCode: a.region_code,
      supervisorWorkerId: a.supervisor_worker_id,
      indicator: a.indicator,
      month: a.month,
      target: a.target,
      actual: a.actual,
      expected: Number(a.expected),
      status: a.status,
      raisedAt: a.raised_at,
    }));
  return { items, total: items.length };
}
