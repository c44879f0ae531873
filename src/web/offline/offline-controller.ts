/**
 * The thin browser side of offline work: opens the encrypted store once the device key is known,
 * sends the sync engine's requests with fetch (each with a timeout), syncs by itself when the
 * connection returns and every few seconds while changes wait (backing off after failures), and
 * tells the interface whether the store is still opening, whether the phone is online, when it
 * last synced, how many changes and files wait, and how much of the scope it holds.
 */
import { uuidv7 } from "uuidv7";
import { apiSession } from "../api/api.ts";
import { currentLanguage } from "../i18n/i18n.ts";
import { forgetKey, importKey, keepKey, storedKey } from "./crypto.ts";
import { DexieStore, deleteOfflineDatabase } from "./dexie-store.ts";
import { createFetchTransport, requestJson, TIMEOUTS } from "./fetch-transport.ts";
import { type SyncReport, syncOnce } from "./sync-engine.ts";

const DEVICE_STORAGE = "peduli.offline.v1.device";
/** How often the controller looks whether a sync is due. */
const TICK_MS = 5_000;
/** While online with nothing waiting, pull at least this often. */
const PULL_EVERY_MS = 60_000;
/** Records a pull page: the most the server gives; fewer round trips on a first sync (bench:sync). */
const PULL_PAGE_SIZE = 5_000;
/** After a failed round: wait 5 s, 10 s, 20 s … at most this long. */
const MAX_BACKOFF_MS = 60_000;

export interface OfflineStatus {
  online: boolean;
  /** The store is being opened (after a reload): the counts below are not known yet. */
  loading: boolean;
  /** The store is open (the device key is known in this tab). */
  ready: boolean;
  syncing: boolean;
  lastSyncAt: string | null;
  /** Changes and files waiting to be sent. */
  pending: number;
  /** Refused or conflicting changes waiting for the worker. */
  attention: number;
  error: string | null;
  /** Over the device budget: persons held of those in scope (the rest is searchable online). */
  held: { persons: number; inScope: number; limit: number } | null;
}

const fetchImpl: typeof fetch = (input, init) => fetch(input, init);

export const fetchTransport = createFetchTransport({
  csrfToken: () => apiSession.csrfToken,
  language: () => currentLanguage(),
});

function deviceId(): string {
  let id = localStorage.getItem(DEVICE_STORAGE);
  if (!id) {
    id = uuidv7();
    localStorage.setItem(DEVICE_STORAGE, id);
  }
  return id;
}

let store: DexieStore | null = null;
let status: OfflineStatus = {
  online: typeof navigator === "undefined" ? true : navigator.onLine,
  // After a reload the tab still holds the key and the store is about to open: loading, not 0.
  loading: typeof sessionStorage !== "undefined" && storedKey() !== null,
  ready: false,
  syncing: false,
  lastSyncAt: null,
  pending: 0,
  attention: 0,
  error: null,
  held: null,
};
const listeners = new Set<(s: OfflineStatus) => void>();

function publish(patch: Partial<OfflineStatus>) {
  status = { ...status, ...patch };
  for (const l of listeners) l(status);
}

export function subscribe(listener: (s: OfflineStatus) => void): () => void {
  listeners.add(listener);
  listener(status);
  return () => listeners.delete(listener);
}

export function currentStatus(): OfflineStatus {
  return status;
}

/** The open store, or null until the device key is known. */
export function offlineStore(): DexieStore | null {
  return store;
}

/** Refreshes the counts shown to the worker. */
export async function refreshStatus(): Promise<void> {
  if (!store) return;
  const [entries, files, meta] = await Promise.all([
    store.outbox(),
    store.pendingAttachments(),
    store.getMeta(),
  ]);
  const persons = meta.budget ? ((await store.counts()).persons ?? 0) : 0;
  publish({
    pending: entries.filter((e) => e.state === "pending").length + files.length,
    // Photos whose upload failed are shown for the worker to retry or discard, like refused changes.
    attention: entries.filter((e) => e.state !== "pending").length + files.filter((f) => f.error).length,
    lastSyncAt: meta.lastSyncAt,
    held: meta.budget ? { persons, inScope: meta.budget.inScope, limit: meta.budget.limit } : null,
  });
}

let opening: Promise<boolean> | null = null;

/**
 * Opens the store with the key kept in this tab, or asks the server for it (only possible online
 * and logged in). Returns false when neither works. `loading` is set until the counts are known.
 */
export function openOffline(): Promise<boolean> {
  if (store) return Promise.resolve(true);
  opening ??= (async () => {
    publish({ loading: true });
    try {
      let key = storedKey();
      if (!key) {
        try {
          key = (
            await requestJson<{ key: string }>(
              fetchImpl,
              `/api/v1/sync/key?deviceId=${deviceId()}`,
              { method: "GET", headers: { Accept: "application/json" } },
              TIMEOUTS.other,
            )
          ).key;
          keepKey(key);
        } catch {
          return false;
        }
      }
      const opened = new DexieStore(await importKey(key), deviceId());
      store = opened;
      await refreshStatus();
      publish({ ready: true });
      return true;
    } finally {
      publish({ loading: false });
      opening = null;
    }
  })();
  return opening;
}

let running: Promise<SyncReport | null> | null = null;
let failures = 0;
let nextTryAt = 0;
let lastRoundAt = 0;

/** One sync round now (or the one already running). */
export function syncNow(): Promise<SyncReport | null> {
  if (!store || !navigator.onLine) return running ?? Promise.resolve(null);
  running ??= (async () => {
    const active = store as DexieStore;
    publish({ syncing: true, error: null });
    lastRoundAt = Date.now();
    try {
      // A page opened without signal never learned the session's CSRF token: ask now.
      if (!apiSession.csrfToken)
        apiSession.csrfToken = (
          await requestJson<{ csrfToken: string | null }>(
            fetchImpl,
            "/api/v1/auth/me",
            { method: "GET", headers: { Accept: "application/json" } },
            TIMEOUTS.other,
          )
        ).csrfToken;
      const report = await syncOnce(active, fetchTransport, { pageSize: PULL_PAGE_SIZE });
      if (report.wiped) {
        await wipeOffline();
        return report;
      }
      await reportDevice(active).catch(() => undefined);
      failures = report.uploadFailed > 0 ? failures + 1 : 0;
      nextTryAt = report.uploadFailed > 0 ? Date.now() + backoff() : 0;
      return report;
    } catch (error) {
      // Nothing is lost: unanswered changes stay in the outbox and the round runs again later.
      failures++;
      nextTryAt = Date.now() + backoff();
      publish({ error: (error as Error).message || "sync_failed" });
      return null;
    } finally {
      publish({ syncing: false });
      await refreshStatus();
      running = null;
    }
  })();
  return running;
}

function backoff(): number {
  return Math.min(MAX_BACKOFF_MS, 5_000 * 2 ** Math.max(0, failures - 1));
}

/** Tells the server what this phone holds (the administrators' device list). */
async function reportDevice(active: DexieStore): Promise<void> {
  const [counts, outbox, files, meta] = await Promise.all([
    active.counts(),
    active.outbox(),
    active.pendingAttachments(),
    active.getMeta(),
  ]);
  if (meta.budget) counts.persons_in_scope = meta.budget.inScope;
  await requestJson(
    fetchImpl,
    "/api/v1/sync/device",
    {
      method: "POST",
      headers: {
        Accept: "application/json",
        "Content-Type": "application/json",
        ...(apiSession.csrfToken ? { "X-CSRF-Token": apiSession.csrfToken } : {}),
      },
      body: JSON.stringify({
        deviceId: deviceId(),
        counts,
        pending: outbox.length + files.length,
        userAgent: navigator.userAgent.slice(0, 300),
      }),
    },
    TIMEOUTS.other,
  );
}

/** Deletes everything offline (logout, remote wipe) and forgets the key; the next user gets a new device id. */
export async function wipeOffline(): Promise<void> {
  const id = localStorage.getItem(DEVICE_STORAGE);
  store = null;
  forgetKey();
  await deleteOfflineDatabase();
  localStorage.removeItem(DEVICE_STORAGE);
  publish({ ready: false, pending: 0, attention: 0, lastSyncAt: null, held: null });
  if (id && navigator.onLine)
    await requestJson(
      fetchImpl,
      "/api/v1/sync/device",
      {
        method: "POST",
        headers: {
          Accept: "application/json",
          "Content-Type": "application/json",
          ...(apiSession.csrfToken ? { "X-CSRF-Token": apiSession.csrfToken } : {}),
        },
        body: JSON.stringify({ deviceId: id, counts: {}, pending: 0, wiped: true }),
      },
      TIMEOUTS.other,
    ).catch(() => undefined);
}

/** True when a round should start by itself now. */
function due(now: number): boolean {
  if (!store || running || !navigator.onLine || now < nextTryAt) return false;
  if (failures > 0) return true;
  return status.pending > 0 || now - lastRoundAt >= PULL_EVERY_MS;
}

let started = false;

/**
 * Watches the connection: opens the store when this tab already holds its key (a reload), syncs
 * as soon as the connection returns, and then whenever changes wait or a minute has passed.
 */
export function startOfflineSync(): void {
  if (started || typeof window === "undefined") return;
  started = true;
  if (storedKey()) void openOffline();
  window.addEventListener("online", () => {
    publish({ online: true });
    failures = 0;
    nextTryAt = 0;
    void syncNow();
  });
  window.addEventListener("offline", () => publish({ online: false }));
  setInterval(() => {
    if (due(Date.now())) void syncNow();
  }, TICK_MS);
}
