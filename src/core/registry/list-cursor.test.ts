import { describe, expect, it } from "vitest";
import { decodeListCursor, encodeListCursor } from "./list-cursor.ts";

describe("list cursors", () => {
  it("round-trips a key, names with non-ASCII letters included", () => {
    const key = ["3171011001", "Sri Rahayu Ñoño", "0190f2a0-0000-7000-8000-000000000001"];
    const cursor = encodeListCursor(key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeListCursor(cursor, 3)).toEqual(key);
  });

  it("refuses a cursor of another length, of non-strings, or that is not base64url JSON", () => {
    expect(decodeListCursor(encodeListCursor(["a", "b"]), 3)).toBeUndefined();
    expect(decodeListCursor(btoa("[1,2,3]").replace(/=+$/, ""), 3)).toBeUndefined();
    expect(decodeListCursor("not a cursor!", 3)).toBeUndefined();
    expect(decodeListCursor("AAAA", 3)).toBeUndefined();
  });
});
