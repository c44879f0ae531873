/**
 * The logged-in session in the web app. The provider asks `/auth/me` once at start (a 401 there
 * simply means nobody is logged in), hands the CSRF token to the API client, and sends the user
 * to the login page, remembering where they were, when any later request answers 401.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo } from "react";
import { useNavigate } from "react-router";
import { type Permission, roleHas } from "../../../core/access/permissions.ts";
import type { SessionInfo } from "../../../core/api/auth.schema.ts";
import { api, apiSession } from "../../api/api.ts";
import { ApiError } from "../../api/client.ts";
import { wipeOffline } from "../../offline/offline-controller.ts";
import { LOGIN_PATH, loginPath } from "./login-path.ts";

export const sessionKey = ["auth", "me"] as const;

export interface AuthValue {
  /** True until `/auth/me` has answered. */
  loading: boolean;
  /** The logged-in user, or null. */
  session: SessionInfo | null;
  /** Stores the session a login returned. */
  setSession: (session: SessionInfo) => void;
  /** Ends the session on the server and reloads the app on the login page, forgetting every answer. */
  logout: () => Promise<void>;
}

const AuthContext = createContext<AuthValue | null>(null);

async function fetchSession(signal: AbortSignal): Promise<SessionInfo | null> {
  try {
    return await api.get<SessionInfo>("/auth/me", { signal });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const query = useQuery({
    queryKey: sessionKey,
    queryFn: ({ signal }) => fetchSession(signal),
    staleTime: Number.POSITIVE_INFINITY,
    retry: 1,
  });
  const session = query.data ?? null;
  // Set during render so that a change made right after a login already carries the token.
  apiSession.csrfToken = session?.csrfToken ?? null;

  const forget = useCallback(() => {
    apiSession.csrfToken = null;
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
    queryClient.setQueryData(sessionKey, null);
  }, [queryClient]);

  useEffect(() => {
    apiSession.onError = (error, request) => {
      if (error.status !== 401 || error.code !== "unauthenticated" || request.path === "/auth/me") return;
      forget();
      const { pathname, search } = window.location;
      if (pathname !== LOGIN_PATH) void navigate(loginPath(`${pathname}${search}`), { replace: true });
    };
    return () => {
      apiSession.onError = null;
    };
  }, [forget, navigate]);

  const setSession = useCallback(
    (next: SessionInfo) => {
      apiSession.csrfToken = next.csrfToken;
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
      queryClient.setQueryData(sessionKey, next);
    },
    [queryClient],
  );

  const logout = useCallback(async () => {
    try {
      // Logging out deletes the phone's offline data and forgets its key (docs/offline.md).
      await wipeOffline().catch(() => undefined);
      await api.send("POST", "/auth/logout");
    } finally {
      // A fresh page load drops every answer held in memory (personal data included) at once.
      apiSession.csrfToken = null;
      window.location.replace(LOGIN_PATH);
    }
  }, []);

  const value = useMemo<AuthValue>(
    () => ({ loading: query.isPending, session, setSession, logout }),
    [query.isPending, session, setSession, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

/** The session and its actions; only inside AuthProvider. */
export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error("useAuth() needs an AuthProvider above it");
  return value;
}

/** True when the logged-in user's role holds `permission` in the core permission table. */
export function useCan(permission: Permission): boolean {
  const { session } = useAuth();
  return session !== null && roleHas(session.user.role, permission);
}
