/**
 * Keyset cursors of the household and person lists: the list-order key of a row (its sort
 * columns, the id last) as an opaque URL-safe string. A page after (or before) a cursor is read
 * by seeking to that key in the list's index instead of skipping every row before it, so its
 * cost does not grow with how far down the list it is. Pure: no Node or DOM imports.
 */

/** Encodes a row's list-order key as base64url of its JSON array (UTF-8). */
export function encodeListCursor(key: readonly string[]): string {
  const bytes = new TextEncoder().encode(JSON.stringify(key));
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The key in a cursor, or undefined when it is not a cursor of `length` strings. */
export function decodeListCursor(cursor: string, length: number): string[] | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
  try {
    const binary = atob(cursor.replace(/-/g, "+").replace(/_/g, "/"));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    const key: unknown = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
    if (!Array.isArray(key) || key.length !== length || !key.every((v) => typeof v === "string"))
      return undefined;
    return key as string[];
  } catch {
    return undefined;
  }
}
