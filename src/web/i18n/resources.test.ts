import { describe, expect, it } from "vitest";
import { en } from "./en.ts";
import { id } from "./id.ts";

/** Every `{{placeholder}}` of every text, keyed by the text's dotted path. */
function placeholders(tree: object, prefix = ""): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string")
      out.set(path, [...value.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? "").sort());
    else for (const [p, names] of placeholders(value as object, path)) out.set(p, names);
  }
  return out;
}

describe("interface texts", () => {
  it("use the same placeholders in Indonesian and English", () => {
    const idTexts = placeholders(id);
    const enTexts = placeholders(en);
    expect([...enTexts.keys()].sort()).toEqual([...idTexts.keys()].sort());
    for (const [path, names] of idTexts) expect(enTexts.get(path), path).toEqual(names);
  });

  it("have no empty text", () => {
    for (const [path] of placeholders(id)) {
      const value = path
        .split(".")
        .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], id);
      expect(value, path).not.toBe("");
    }
  });
});
