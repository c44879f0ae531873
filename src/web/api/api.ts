/** The app's one API client, speaking the interface language and carrying the session's CSRF token. */
import { currentLanguage } from "../i18n/i18n.ts";
import { type ApiError, createApiClient } from "./client.ts";

/**
 * What the client needs from the logged-in session. The auth provider (features/auth) fills it
 * in: the CSRF token after login or `/auth/me`, and what to do when a request answers 401.
 */
export const apiSession: {
  csrfToken: string | null;
  onError: ((error: ApiError, request: { method: string; path: string }) => void) | null;
} = { csrfToken: null, onError: null };

export const api = createApiClient({
  language: currentLanguage,
  csrfToken: () => apiSession.csrfToken,
  onError: (error, request) => apiSession.onError?.(error, request),
});
