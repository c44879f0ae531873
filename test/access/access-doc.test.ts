import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { PERMISSIONS, ROLES, roleHas } from "../../src/core/access/permissions.ts";

const cells = (line: string) =>
  line
    .split("|")
    .slice(1, -1)
    .map((c) => c.trim());

it("docs/access.md prints the permission table of the code", () => {
  const lines = readFileSync(new URL("../../docs/access.md", import.meta.url), "utf8").split("\n");
  const header = lines.find((l) => /^\|\s*permission\s*\|/.test(l));
  expect(cells(header ?? "").slice(1)).toEqual([...ROLES]);
  const rows = lines.filter((l) => /^\|\s*`[a-z]+:[a-z-]+`\s*\|/.test(l)).map(cells);
  expect(rows.map((r) => (r[0] ?? "").replace(/`/g, ""))).toEqual([...PERMISSIONS]);
  for (const [permission, ...marks] of rows) {
    const name = (permission ?? "").replace(/`/g, "");
    expect(
      marks.map((m) => m === "✓"),
      name,
    ).toEqual(ROLES.map((r) => roleHas(r, name as never)));
  }
});
