/**
 * The thin browser side of offline work: opens the encrypted store once the device key is known,
 * sends the sync engine's requests with fetch, syncs when the connection returns, and tells the
 * interface whether the phone is online, when it last synced and how many changes wait.
 */
import { uuidv7 } from "uuidv7";
import type { PullQuery, PullResponse, PushBody, PushResponse } from "../../core/api/sync.schema.ts";
import { api, apiSession } from "../api/api.ts";
import { forgetKey, importKey, keepKey, storedKey } from "./crypto.ts";
import { DexieStore, deleteOfflineDatabase } from "./dexie-store.ts";
import { type SyncReport, type SyncTransport, syncOnce } from "./sync-engine.ts";

const DEVICE_STORAGE = "peduli.offline.v1.device";
const SYNC_EVERY_MS = 60_000;

export interface OfflineStatus {
  online: boolean;
  /** The store is open (the device key is known in this tab). */
  ready: boolean;
  syncing: boolean;
  lastSyncAt: string | null;
  pending: number;
  /** Refused or conflicting changes waiting for the worker. */
  attention: number;
  error: string | null;
}

export const fetchTransport: SyncTransport = {
  push: (body: PushBody) => api.send<PushResponse>("POST", "/sync/push", body),
  pull: (q: PullQuery) =>
    api.get<PullResponse>(
      `/sync/pull?since=${q.since}&deviceId=${q.deviceId ?? ""}&scope=${encodeURIComponent(q.scope)}&limit=${q.limit}`,
    ),
};

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
  ready: false,
  syncing: false,
  lastSyncAt: null,
  pending: 0,
  attention: 0,
  error: null,
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
  const entries = await store.outbox();
  const meta = await store.getMeta();
  publish({
    pending: entries.filter((e) => e.state === "pending").length,
    attention: entries.filter((e) => e.state !== "pending").length,
    lastSyncAt: meta.lastSyncAt,
  });
}

/**
 * Opens the store with the key kept in this tab, or asks the server for it (only possible online
 * and logged in). Returns false when neither works.
 */
export async function openOffline(): Promise<boolean> {
  if (store) return true;
  let key = storedKey();
  if (!key) {
    try {
      key = (await api.get<{ key: string }>(`/sync/key?deviceId=${deviceId()}`)).key;
      keepKey(key);
    } catch {
      return false;
    }
  }
  store = new DexieStore(await importKey(key), deviceId());
  publish({ ready: true });
  await refreshStatus();
  return true;
}

let running: Promise<SyncReport | null> | null = null;

/** One sync round now (or the one already running). */
export function syncNow(): Promise<SyncReport | null> {
  running ??= (async () => {
    if (!store || !navigator.onLine) return null;
    publish({ syncing: true, error: null });
    try {
      // A page opened without signal never learned the session's CSRF token: ask now.
      if (!apiSession.csrfToken)
        apiSession.csrfToken = (
          await api.get<{ csrfToken: string | null }>("/auth/me", { signal: AbortSignal.timeout(20_000) })
        ).csrfToken;
      const report = await syncOnce(store, fetchTransport);
      if (report.wiped) {
        await wipeOffline();
        return report;
      }
      await api
        .send("POST", "/sync/device", {
          deviceId: deviceId(),
          counts: await store.counts(),
          pending: (await store.outbox()).length,
          userAgent: navigator.userAgent.slice(0, 300),
        })
        .catch(() => undefined);
      return report;
    } catch (error) {
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

/** Deletes everything offline (logout, remote wipe) and forgets the key; the next user gets a new device id. */
export async function wipeOffline(): Promise<void> {
  const id = localStorage.getItem(DEVICE_STORAGE);
  store = null;
  forgetKey();
  await deleteOfflineDatabase();
  localStorage.removeItem(DEVICE_STORAGE);
  publish({ ready: false, pending: 0, attention: 0, lastSyncAt: null });
  if (id && navigator.onLine)
    await api
      .send("POST", "/sync/device", { deviceId: id, counts: {}, pending: 0, wiped: true })
      .catch(() => undefined);
}

let started = false;

/** Watches the connection: syncs when it returns and every minute while online. */
export function startOfflineSync(): void {
  if (started || typeof window === "undefined") return;
  started = true;
  window.addEventListener("online", () => {
    publish({ online: true });
    void syncNow();
  });
  window.addEventListener("offline", () => publish({ online: false }));
  setInterval(() => {
    if (navigator.onLine) void syncNow();
  }, SYNC_EVERY_MS);
}
