/**
 * The web app's HTTP client: same-origin JSON requests that carry the interface language, and
 * one error type for every failure. The server answers errors as problem+json (RFC 9457) with a
 * `detail` already in the requested language; ApiError keeps it for the interface to show.
 * Response types come from the shared schemas in src/core/api (types only: no schema code ships).
 */
import type { z } from "zod";
import type { Problem } from "../../core/api/common.schema.ts";
import type { regionDetailResponse, regionListResponse } from "../../core/api/regions.schema.ts";
import type { Language } from "../../core/errors/language.ts";

/** One problem with one field, as the server reports it. */
export type FieldError = NonNullable<Problem["errors"]>[number];

/** A request that failed: an HTTP error from the API, or no answer at all (`status` 0). */
export class ApiError extends Error {
  constructor(
    /** HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    /** Stable error code (`not_found`, `validation_failed`, …); `network_error` or `unexpected_response` on our side. */
    readonly code: string,
    /** Message for people, in the requested language; empty when the server sent none. */
    readonly detail: string,
    /** Problems with individual fields (validation errors). */
    readonly errors: FieldError[] = [],
    readonly requestId?: string,
    /** When the request may succeed again (the end of an account lock or a login throttle). */
    readonly retryAt?: string,
  ) {
    super(detail || `${code} (${status})`);
    this.name = "ApiError";
  }

  /** True when retrying the same request cannot help (the request itself is wrong). */
  get isClientError(): boolean {
    return this.status >= 400 && this.status < 500;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function toFieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((e) => ({
    field: String(e.field ?? ""),
    code: String(e.code ?? ""),
    message: String(e.message ?? ""),
    ...(typeof e.value === "string" ? { value: e.value } : {}),
  }));
}

/**
 * The ApiError for a failed response, from its status and parsed body. Tolerates bodies that
 * are not problem documents (a proxy's HTML page, an empty body): the code is then
 * `unexpected_response` and `detail` is empty, so the interface shows its own message.
 */
export function problemToError(status: number, body: unknown): ApiError {
  if (isRecord(body) && typeof body.code === "string") {
    return new ApiError(
      typeof body.status === "number" ? body.status : status,
      body.code,
      typeof body.detail === "string" ? body.detail : "",
      toFieldErrors(body.errors),
      typeof body.requestId === "string" ? body.requestId : undefined,
      typeof body.retryAt === "string" ? body.retryAt : undefined,
    );
  }
  return new ApiError(status, "unexpected_response", "");
}

export interface ClientOptions {
  /** The interface language, read on every request so that a switch applies at once. */
  language: () => Language;
  /** The session's CSRF token, sent in `X-CSRF-Token` on POST, PUT, PATCH and DELETE. */
  csrfToken?: () => string | null;
  /** Told of every failed request (the auth provider sends a 401 to the login page). */
  onError?: (error: ApiError, request: { method: string; path: string }) => void;
  /** Defaults to the global fetch; tests pass their own. */
  fetch?: typeof fetch;
}

/** Methods that change data: the server wants the CSRF token with them. */
export type ChangeMethod = "POST" | "PUT" | "PATCH" | "DELETE";

export interface ApiClient {
  /** GET a JSON resource under /api/v1. */
  get<T>(path: string, init?: { signal?: AbortSignal }): Promise<T>;
  /** Send a change with an optional JSON body; resolves to the JSON answer (undefined for 204). */
  send<T>(method: ChangeMethod, path: string, body?: unknown): Promise<T>;
}

/** A client for the API on the page's own origin. */
export function createApiClient(options: ClientOptions): ApiClient {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));

  async function request<T>(method: string, path: string, body: unknown, signal?: AbortSignal): Promise<T> {
    const headers: Record<string, string> = {
      Accept: "application/json",
      "Accept-Language": options.language(),
    };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const csrf = method === "GET" ? null : (options.csrfToken?.() ?? null);
    if (csrf) headers["X-CSRF-Token"] = csrf;
    let response: Response;
    try {
      response = await doFetch(`/api/v1${path}`, {
        method,
        credentials: "same-origin",
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
      });
    } catch (error) {
      if ((error as Error).name === "AbortError") throw error;
      throw new ApiError(0, "network_error", "");
    }
    const parsed: unknown =
      response.status === 204 ? undefined : await response.json().catch(() => undefined);
    if (!response.ok) {
      const error = problemToError(response.status, parsed);
      options.onError?.(error, { method, path });
      throw error;
    }
    return parsed as T;
  }

  return {
    get: <T>(path: string, init: { signal?: AbortSignal } = {}) =>
      request<T>("GET", path, undefined, init.signal),
    send: <T>(method: ChangeMethod, path: string, body?: unknown) => request<T>(method, path, body),
  };
}

/** GET /api/v1/regions/{code}: a region with its children and ancestors. */
export type RegionDetail = z.infer<typeof regionDetailResponse>;
/** GET /api/v1/regions: the region tree. */
export type RegionList = z.infer<typeof regionListResponse>;
