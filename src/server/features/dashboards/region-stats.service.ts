/**
 * Keeps `region_stats` current without recomputing everything on each request. Every write to
 * region-scoped data takes a fresh change number (`seq`, src/server/db/change-log.ts); the state row
 * remembers the number up to which the counters are current. Before answering, a dashboard asks
 * whether the counter moved; if it did, only the kelurahan whose rows changed since then (found
 * through the `seq` indexes, deletions through tombstones, moves through their events) are
 * recomputed, inside one transaction that holds the state row's lock. The first call builds
 * every kelurahan.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/database.ts";
import * as repo from "./region-stats.repository.ts";

export interface RefreshOutcome {
  /** "none" (already current), "incremental" (some kelurahan) or "rebuild" (all). */
  kind: "none" | "incremental" | "rebuild";
  kelurahan: number;
  seq: number;
}

/** Brings region_stats up to the latest committed change; cheap when nothing changed. */
export async function refreshRegionStats(
  db: Kysely<Database>,
  now: Date = new Date(),
): Promise<RefreshOutcome> {
  const [state, current] = await Promise.all([repo.readState(db), repo.changeCounter(db)]);
  if (state && state.seq >= current) return { kind: "none", kelurahan: 0, seq: state.seq };
  return db.transaction().execute(async (trx) => {
    await repo.lockState(trx);
    const locked = await repo.readState(trx);
    const seq = await repo.changeCounter(trx);
    if (locked && locked.seq >= seq) return { kind: "none" as const, kelurahan: 0, seq: locked.seq };
    const at = now.toISOString();
    if (!locked) {
      const rows = await repo.computeStats(trx, null);
      await repo.replaceStats(trx, null, rows);
      await repo.writeState(trx, { seq, refreshedAt: at, rebuiltAt: at });
      return { kind: "rebuild" as const, kelurahan: new Set(rows.map((r) => r.region_code)).size, seq };
    }
    const changed = await repo.changedKelurahan(trx, locked.seq);
    const all = new Set<string>();
    for (const [group, set] of changed) {
      const codes = [...set].sort();
      const groups = new Set([group]);
      await repo.replaceStats(trx, codes, await repo.computeStats(trx, codes, groups), groups);
      for (const c of codes) all.add(c);
    }
    await repo.writeState(trx, { seq, refreshedAt: at });
    return { kind: "incremental" as const, kelurahan: all.size, seq };
  });
}

/** Recomputes every kelurahan (after a bulk load that wrote rows without taking change numbers). */
export async function rebuildRegionStats(
  db: Kysely<Database>,
  now: Date = new Date(),
): Promise<RefreshOutcome> {
  return db.transaction().execute(async (trx) => {
    const seq = await repo.changeCounter(trx);
    const rows = await repo.computeStats(trx, null);
    await repo.replaceStats(trx, null, rows);
    const at = now.toISOString();
    await repo.writeState(trx, { seq, refreshedAt: at, rebuiltAt: at });
    return { kind: "rebuild" as const, kelurahan: new Set(rows.map((r) => r.region_code)).size, seq };
  });
}
