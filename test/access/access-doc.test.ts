import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { PERMISSIONS, ROLES, roleHas } from "../../src/core/access/permissions.ts";

it("docs/access.md prints the permission table of the code", () => {
  const doc = readFileSync(new URL("../../docs/access.md", import.meta.url), "utf8");
  const header = doc.split("\n").find((l) => l.startsWith("| permission |"));
  expect(
    header
      ?.split("|")
      .map((c) => c.trim())
      .filter(Boolean)
      .slice(1),
  ).toEqual([...ROLES]);
  const rows = doc.split("\n").filter((l) => /^\| `[a-z]+:[a-z-]+` \|/.test(l));
  expect(rows.map((l) => l.split("`")[1])).toEqual([...PERMISSIONS]);
  for (const line of rows) {
    const [permission, ...marks] = line
      .split("|")
      .map((c) => c.trim())
      .filter((c, i) => i > 0 && i < line.split("|").length - 1);
    const name = (permission ?? "").replace(/`/g, "");
    expect(
      marks.map((m) => m === "✓"),
      name,
    ).toEqual(ROLES.map((r) => roleHas(r, name as never)));
  }
});
