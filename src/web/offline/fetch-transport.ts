/**
 * The sync engine's requests in the browser. Every request has a timeout (an AbortController that
 * also covers reading the body): a connection that stalls — a phone between cells, a captive
 * portal — fails the round instead of hanging it, and the controller runs it again later.
 */
import type { PullQuery, PullResponse, PushBody, PushResponse } from "../../core/api/sync.schema.ts";
import type { StoredAttachment } from "./local-store.ts";
import type { SyncTransport } from "./sync-engine.ts";

/** Timeouts per request, in ms: a pull page of 2,000 records on a slow phone takes longest. */
export const TIMEOUTS = { push: 30_000, pull: 60_000, upload: 60_000, other: 20_000 } as const;

export class SyncRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message || code);
  }
}

export interface FetchTransportOptions {
  csrfToken: () => string | null;
  language: () => string;
  /** Default: the global fetch. */
  fetch?: typeof fetch;
  timeouts?: Partial<Record<keyof typeof TIMEOUTS, number>>;
}

/** A fetch with a deadline over the whole exchange; a timeout becomes a SyncRequestError. */
export async function requestJson<T>(
  doFetch: typeof fetch,
  url: string,
  init: RequestInit,
  timeoutMs: number,
): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await doFetch(url, { ...init, credentials: "same-origin", signal: controller.signal });
    const body: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined);
    if (!response.ok) {
      const problem = (body ?? {}) as { code?: string; detail?: string };
      throw new SyncRequestError(response.status, problem.code ?? "http_error", problem.detail ?? "");
    }
    return body as T;
  } catch (error) {
    if (error instanceof SyncRequestError) throw error;
    if (controller.signal.aborted) throw new SyncRequestError(0, "timeout", `timeout after ${timeoutMs} ms`);
    throw new SyncRequestError(0, "network_error", (error as Error).message);
  } finally {
    clearTimeout(timer);
  }
}

export function createFetchTransport(options: FetchTransportOptions): SyncTransport {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const t: Record<keyof typeof TIMEOUTS, number> = { ...TIMEOUTS, ...options.timeouts };
  const headers = (json: boolean): Record<string, string> => {
    const h: Record<string, string> = { Accept: "application/json", "Accept-Language": options.language() };
    if (json) h["Content-Type"] = "application/json";
    const csrf = options.csrfToken();
    if (csrf) h["X-CSRF-Token"] = csrf;
    return h;
  };
  return {
    push: (body: PushBody) =>
      requestJson<PushResponse>(
        doFetch,
        "/api/v1/sync/push",
        { method: "POST", headers: headers(true), body: JSON.stringify(body) },
        t.push,
      ),
    pull: (q: PullQuery) => {
      const params = new URLSearchParams({
        since: String(q.since),
        deviceId: q.deviceId ?? "",
        scope: q.scope,
        limit: String(q.limit),
        refs: q.refs,
        cutoff: q.cutoff,
      });
      return requestJson<PullResponse>(
        doFetch,
        `/api/v1/sync/pull?${params}`,
        { method: "GET", headers: headers(false) },
        t.pull,
      );
    },
    upload: async (file: StoredAttachment) => {
      const form = new FormData();
      form.append("file", new Blob([file.bytes], { type: file.type }), file.name);
      await requestJson(
        doFetch,
        `/api/v1/cases/${file.caseId}/visits/${file.visitId}/photos`,
        // The file's own id as Idempotency-Key: a retry after a lost answer stores it once.
        {
          method: "POST",
          headers: { ...headers(false), "Idempotency-Key": `visit-photo-${file.id}` },
          body: form,
        },
        t.upload,
      );
    },
  };
}
