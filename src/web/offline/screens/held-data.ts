/**
 * What the phone holds, read for the screens: the working set (households, persons, open cases and
 * tasks), the reference data (indicator set, PPKS categories, services, training sessions and
 * enrolments), the outbox entries and photo uploads the worker must look at, and the pickers'
 * search index of households and members. Re-read (and the index rebuilt) when `version` changes.
 */
import { useEffect, useState } from "react";
import type { SyncTable } from "../../../core/api/sync.schema.ts";
import type { LocalRecord, LocalStore, OutboxEntry, StoredAttachment } from "../local-store.ts";
import { offlineStore } from "../offline-controller.ts";
import { buildPickIndex, EMPTY_INDEX, type PickIndex } from "./record-search.ts";

/** A visit photo whose upload failed (its bytes stay in the store); tried again at every sync. */
export type FailedPhoto = Omit<StoredAttachment, "bytes"> & {
  /** The case number (or description) of the visit's case, when the case is still held. */
  caseLabel: string | null;
};

export interface Held {
  households: LocalRecord[];
  persons: LocalRecord[];
  cases: LocalRecord[];
  /** Open tasks of the held cases. */
  tasks: LocalRecord[];
  indicatorSets: LocalRecord[];
  ppksCategories: LocalRecord[];
  sessions: LocalRecord[];
  enrolments: LocalRecord[];
  /** Refused and conflicting changes. */
  attention: OutboxEntry[];
  /** Tasks already marked done on the phone and not yet sent. */
  completedTaskIds: Set<string>;
  /** Photos whose upload failed at least once, oldest first. */
  failedPhotos: FailedPhoto[];
  /** What the household and member pickers search, built once per load. */
  picks: PickIndex;
}

export const EMPTY_HELD: Held = {
  households: [],
  persons: [],
  cases: [],
  tasks: [],
  indicatorSets: [],
  ppksCategories: [],
  sessions: [],
  enrolments: [],
  attention: [],
  completedTaskIds: new Set(),
  failedPhotos: [],
  picks: EMPTY_INDEX,
};

const list = (store: LocalStore, table: SyncTable) => store.listRecords(table);

const text = (r: LocalRecord, key: string) => String(r.data[key] ?? "");

/** Loads everything once the store is open (`version` < 0: not yet). */
export function useHeld(version: number): Held {
  const [held, setHeld] = useState<Held>(EMPTY_HELD);
  useEffect(() => {
    const store = offlineStore();
    if (!store || version < 0) return;
    let live = true;
    void (async () => {
      const [
        households,
        persons,
        cases,
        tasks,
        indicatorSets,
        ppksCategories,
        sessions,
        enrolments,
        outbox,
        files,
      ] = await Promise.all([
        list(store, "households"),
        list(store, "persons"),
        list(store, "cases"),
        list(store, "case_tasks"),
        list(store, "indicator_sets"),
        list(store, "ppks_categories"),
        list(store, "training_sessions"),
        list(store, "enrolments"),
        store.outbox(),
        store.pendingAttachments(),
      ]);
      households.sort((a, b) => text(a, "address").localeCompare(text(b, "address")));
      persons.sort((a, b) => text(a, "name").localeCompare(text(b, "name")));
      sessions.sort((a, b) => text(a, "date").localeCompare(text(b, "date")));
      const completedTaskIds = new Set(
        outbox.filter((e) => e.change.kind === "task.complete").map((e) => e.change.recordId),
      );
      const caseLabels = new Map(cases.map((c) => [c.id, text(c, "caseNumber") || text(c, "description")]));
      const failedPhotos = files
        .filter((f) => f.error !== undefined || f.attempts > 0)
        .map(({ bytes: _bytes, ...f }) => ({ ...f, caseLabel: caseLabels.get(f.caseId) || null }));
      if (!live) return;
      setHeld({
        households,
        persons,
        cases,
        tasks: tasks
          .filter((t) => t.data.status !== "done" && t.data.status !== "cancelled")
          .sort((a, b) => text(a, "dueAt").localeCompare(text(b, "dueAt"))),
        indicatorSets,
        ppksCategories,
        sessions,
        enrolments,
        attention: outbox.filter((e) => e.state !== "pending"),
        completedTaskIds,
        failedPhotos,
        picks: buildPickIndex(households, persons),
      });
    })();
    return () => {
      live = false;
    };
  }, [version]);
  return held;
}
