import { describe, expect, it } from "vitest";
import { loginPath, safeNext } from "./login-path.ts";

describe("login redirects", () => {
  it("returns only to paths of this app", () => {
    expect(safeNext("/admin/pengguna?q=psm")).toBe("/admin/pengguna?q=psm");
    for (const bad of [null, undefined, "", "https://evil.example", "//evil.example", "/\\evil", "/masuk"])
      expect(safeNext(bad)).toBe("/");
  });

  it("keeps where the user was going in the login address", () => {
    expect(loginPath("/profil")).toBe("/masuk?next=%2Fprofil");
    expect(loginPath("/")).toBe("/masuk");
    expect(loginPath("/masuk?next=%2Fprofil")).toBe("/masuk");
  });
});
