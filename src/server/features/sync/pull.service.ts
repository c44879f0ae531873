/**
 * Pull: what changed in the caller's scope since change number N, paged by change number.
 *
 * A page holds rows of the working-set tables with seq in (since, upTo], deletions (tombstones),
 * and records that left the scope (a household moved to another kelurahan, a person moved to a
 * household outside it, a case closed, a task done). `upTo` is the counter read before the page's
 * queries: writers take numbers under the counter's row lock and commit in that order, so no row
 * with a number at or below it can appear later, and a phone that has seen N missed nothing.
 *
 * When the user's scope differs from the fingerprint the phone's data was pulled under (the
 * worker's region changed), the answer says `reset`: the phone drops everything and pulls from 0.
 *
 * The last page of a round also carries the reference tables (references.service.ts) when their
 * fingerprint differs from the phone's. A scope with more persons than the device budget is held
 * as a prioritised subset (working-set.repository.ts), whose selection the phone sends back.
 */
import {
  CHANGE_TABLES,
  DEVICE_PERSON_BUDGET,
  type PulledRecord,
  type PullQuery,
  type PullResponse,
  REFERENCE_TABLES,
  type SyncTable,
} from "../../../core/api/sync.schema.ts";
import { scopeFingerprint } from "../../../core/sync/merge.ts";
import { currentSeq } from "../../db/change-log.ts";
import type { Db } from "../../db/database.ts";
import { isInScope } from "../../db/scope.ts";
import * as audit from "../audit/audit.service.ts";
import { type Actor, assertPermission } from "../auth/actor.ts";
import { presentHousehold, presentPerson } from "../persons/persons.presenter.ts";
import { touchDevice } from "./devices.service.ts";
import { referenceSet } from "./references.service.ts";
import { presentSyncedCase, presentSyncedTask } from "./sync.presenter.ts";
import * as repo from "./sync.repository.ts";
import * as workingSet from "./working-set.repository.ts";

/** How far back an assessment counts as recent for the budget's priority (docs/offline.md). */
const RECENT_ASSESSMENT_DAYS = 180;

export interface PullOptions {
  /** The device budget in persons; DEVICE_PERSON_BUDGET unless a test sets a small one. */
  personBudget?: number;
}

interface Item {
  seq: number;
  record?: PulledRecord;
  removed?: { table: SyncTable; id: string };
  /** A move out of scope, resolved to removals after the page is cut. */
  move?: {
    kind: string;
    personId: string | null;
    householdId: string | null;
    regionCode: string;
    details: string;
  };
}

export async function pullChanges(
  db: Db,
  actor: Actor,
  query: PullQuery,
  now: Date,
  options: PullOptions = {},
): Promise<PullResponse> {
  assertPermission(actor, "households:read");
  const device = query.deviceId ? await touchDevice(db, actor, query.deviceId, now) : null;
  const scope = scopeFingerprint(actor.scope);
  const empty = {
    scope,
    records: [],
    removed: [],
    nextSince: 0,
    hasMore: false,
    refs: "",
    replace: [],
    budget: null,
  };
  if (device?.wipe_requested_at && !device.wiped_at) return { ...empty, reset: true, wipe: true };
  const reset = query.scope !== scope && !(query.scope === "" && query.since === 0);
  const since = reset ? 0 : query.since;
  if (reset) return { ...empty, reset: true, wipe: false };

  const limit = options.personBudget ?? DEVICE_PERSON_BUDGET;
  let selection = parseCutoff(query.cutoff);
  let budget: PullResponse["budget"] = null;
  if (since === 0 || selection) {
    const inScope = await repo.countPersons(db, actor.scope);
    if (inScope > limit) {
      if (since === 0 || !selection) selection = await chooseSelection(db, actor, limit, now);
      budget = { inScope, limit, cutoff: formatCutoff(selection) };
    } else if (selection) {
      // The scope fits the budget now: the phone misses households it never held, so it starts over.
      return { ...empty, reset: true, wipe: false };
    }
  }

  const upTo = await currentSeq(db);
  const w = { scope: actor.scope, since, upTo, limit: query.limit, selection };
  const sources: Item[][] = [
    (await repo.householdsSince(db, w)).map((r) => ({
      seq: Number(r.seq),
      record: { table: "households", id: r.id, seq: Number(r.seq), data: presentHousehold(r, "detail") },
    })),
    (await repo.personsSince(db, w)).map((r) =>
      r.merged_into_id
        ? { seq: Number(r.seq), removed: { table: "persons" as const, id: r.id } }
        : {
            seq: Number(r.seq),
            record: {
              table: "persons" as const,
              id: r.id,
              seq: Number(r.seq),
              data: presentPerson(r, "detail"),
            },
          },
    ),
    (await repo.casesSince(db, w)).map((r) =>
      r.closed_at || r.stage === "selesai"
        ? { seq: Number(r.seq), removed: { table: "cases" as const, id: r.id } }
        : {
            seq: Number(r.seq),
            record: { table: "cases" as const, id: r.id, seq: Number(r.seq), data: presentSyncedCase(r) },
          },
    ),
    (await repo.tasksSince(db, w)).map((r) =>
      r.status !== "open"
        ? { seq: Number(r.seq), removed: { table: "case_tasks" as const, id: r.id } }
        : {
            seq: Number(r.seq),
            record: {
              table: "case_tasks" as const,
              id: r.id,
              seq: Number(r.seq),
              data: presentSyncedTask(r),
            },
          },
    ),
  ];
  if (since > 0) {
    // A phone pulling from 0 holds nothing to delete.
    sources.push(
      (await repo.tombstonesSince(db, w, CHANGE_TABLES)).map((t) => ({
        seq: Number(t.seq),
        removed: { table: t.table_name as SyncTable, id: t.record_id },
      })),
      (await repo.movesSince(db, w)).map((m) => ({
        seq: Number(m.seq),
        move: {
          kind: m.kind,
          personId: m.person_id,
          householdId: m.household_id,
          regionCode: m.region_code,
          details: m.details,
        },
      })),
    );
  }

  // Each source holds its first `limit` rows; the page ends at the lowest last number among the
  // full sources, below which every source is complete.
  let cut = upTo;
  let hasMore = false;
  for (const source of sources) {
    if (source.length === query.limit) {
      hasMore = true;
      cut = Math.min(cut, source[source.length - 1]!.seq);
    }
  }
  const items = sources
    .flat()
    .filter((i) => i.seq <= cut)
    .sort((a, b) => a.seq - b.seq);

  const records: PulledRecord[] = [];
  const removed: { table: SyncTable; id: string }[] = [];
  for (const item of items) {
    if (item.record) records.push(item.record);
    else if (item.removed) removed.push(item.removed);
    else if (item.move) removed.push(...(await leftScope(db, actor, item.move)));
  }
  if (selection && since > 0) records.push(...(await enteredSelection(db, actor, w, cut, selection)));
  let refs = query.refs;
  const replace: PullResponse["replace"] = [];
  if (!hasMore) {
    // Once per round, on its last page: the reference tables, whole, when they changed.
    const set = await referenceSet(db, actor, now);
    if (set.fingerprint !== query.refs) {
      refs = set.fingerprint;
      replace.push(...REFERENCE_TABLES);
      for (const r of set.records) records.push({ ...r, seq: cut });
    }
  }
  if (query.deviceId) await repo.updateDevice(db, query.deviceId, { last_sync_seq: cut, scope });
  if (records.length > 0) {
    await audit.record(db, {
      by: actor,
      action: "export",
      table: "sync",
      recordId: query.deviceId ?? null,
      regionCode: actor.regionCode,
      detail: { since, nextSince: cut, records: records.length },
    });
  }
  return {
    scope,
    reset: false,
    wipe: false,
    records,
    removed,
    nextSince: cut,
    hasMore,
    refs,
    replace,
    budget,
  };
}

/**
 * The budget's selection: whole priority classes while they fit, then the first households (by
 * id) of the class that does not.
 */
async function chooseSelection(db: Db, actor: Actor, limit: number, now: Date) {
  const recentFrom = new Date(now.getTime() - RECENT_ASSESSMENT_DAYS * 86_400_000).toISOString().slice(0, 10);
  let held = 0;
  let last: { id: string; cls: number } | null = null;
  for (const h of await workingSet.rankHouseholds(db, actor.scope, recentFrom)) {
    if (held + h.members > limit)
      return { cls: h.cls, boundary: last?.cls === h.cls ? last.id : "", recentFrom };
    held += h.members;
    last = h;
  }
  return { cls: 5, boundary: "", recentFrom };
}

function formatCutoff(s: workingSet.Selection): string {
  return `b1:${s.cls}:${s.recentFrom}:${s.boundary}`;
}

function parseCutoff(text: string): workingSet.Selection | null {
  const m = /^b1:([1-5]):(\d{4}-\d{2}-\d{2}):(.*)$/.exec(text);
  return m ? { cls: Number(m[1]), recentFrom: m[2]!, boundary: m[3]! } : null;
}

/**
 * Households that entered the selection since the phone's last pull (a case opened, a PPKS found,
 * an assessment made): sent whole with their members, whatever their change numbers.
 */
async function enteredSelection(
  db: Db,
  actor: Actor,
  w: { scope: Actor["scope"]; since: number },
  cut: number,
  selection: workingSet.Selection,
): Promise<PulledRecord[]> {
  const ids = await workingSet.touchedHouseholds(db, { scope: w.scope, since: w.since, upTo: cut });
  const { households, persons } = await workingSet.selectedHouseholdsWithMembers(
    db,
    actor.scope,
    ids,
    selection,
  );
  return [
    ...households.map((r) => ({
      table: "households" as const,
      id: r.id,
      seq: Number(r.seq),
      data: presentHousehold(r, "detail"),
    })),
    ...persons.map((r) => ({
      table: "persons" as const,
      id: r.id,
      seq: Number(r.seq),
      data: presentPerson(r, "detail"),
    })),
  ];
}

/** The records a move took out of the actor's scope (none when it stayed inside or came from outside). */
async function leftScope(db: Db, actor: Actor, move: NonNullable<Item["move"]>) {
  if (isInScope(actor.scope, move.regionCode)) return [];
  let details: Record<string, unknown> = {};
  try {
    details = JSON.parse(move.details) as Record<string, unknown>;
  } catch {
    return [];
  }
  if (move.kind === "household_moved" && move.householdId) {
    const from = (details.from as { regionCode?: string } | undefined)?.regionCode;
    if (!from || !isInScope(actor.scope, from)) return [];
    const members = await repo.memberIds(db, move.householdId);
    return [
      { table: "households" as const, id: move.householdId },
      ...members.map((m) => ({ table: "persons" as const, id: m.id })),
    ];
  }
  if (move.kind === "person_moved" && move.personId) {
    const fromHousehold = details.fromHouseholdId;
    if (typeof fromHousehold !== "string") return [];
    const region = await repo.householdRegion(db, fromHousehold);
    if (!region || !isInScope(actor.scope, region.region_code)) return [];
    return [{ table: "persons" as const, id: move.personId }];
  }
  return [];
}
