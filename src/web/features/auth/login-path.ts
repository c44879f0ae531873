/** Where the login page sends people afterwards, and how other pages send people to it. */

export const LOGIN_PATH = "/masuk";

/**
 * The page to open after a login: `next` when it is a path of this app (never another site,
 * never the login page itself), otherwise the home page.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next?.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  if (next === LOGIN_PATH || next.startsWith(`${LOGIN_PATH}?`)) return "/";
  return next;
}

/** The login page's address that returns to `from` afterwards. */
export function loginPath(from: string): string {
  const next = safeNext(from);
  return next === "/" ? LOGIN_PATH : `${LOGIN_PATH}?next=${encodeURIComponent(next)}`;
}
