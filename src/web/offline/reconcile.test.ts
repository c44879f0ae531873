import { describe, expect, it } from "vitest";
import type { PulledRecord } from "../../core/api/sync.schema.ts";
import { reconcile } from "./reconcile.ts";

const rec = (id: string, seq: number, name = id): PulledRecord => ({
  table: "persons",
  id,
  seq,
  data: { id, name, regionCode: "3171011001" },
});

describe("reconcile", () => {
  const cases: {
    title: string;
    local: [string, number][];
    records: PulledRecord[];
    removed: string[];
    put: [string, number][];
    remove: string[];
  }[] = [
    {
      title: "a new record is stored",
      local: [],
      records: [rec("a", 5)],
      removed: [],
      put: [["a", 5]],
      remove: [],
    },
    {
      title: "a newer copy replaces the old one",
      local: [["a", 3]],
      records: [rec("a", 5)],
      removed: [],
      put: [["a", 5]],
      remove: [],
    },
    {
      title: "a late, older page does not overwrite",
      local: [["a", 9]],
      records: [rec("a", 5)],
      removed: [],
      put: [],
      remove: [],
    },
    {
      title: "the server copy replaces a record made on the phone",
      local: [["a", 0]],
      records: [rec("a", 4)],
      removed: [],
      put: [["a", 4]],
      remove: [],
    },
    {
      title: "a removal drops a held copy",
      local: [["a", 3]],
      records: [],
      removed: ["a"],
      put: [],
      remove: ["a"],
    },
    {
      title: "a removal of a record never held is ignored",
      local: [],
      records: [],
      removed: ["a"],
      put: [],
      remove: [],
    },
    {
      title: "a record made on the phone is not the server's to remove",
      local: [["a", 0]],
      records: [],
      removed: ["a"],
      put: [],
      remove: [],
    },
    {
      title: "a record back in scope in the same page stays",
      local: [["a", 3]],
      records: [rec("a", 8)],
      removed: ["a"],
      put: [["a", 8]],
      remove: [],
    },
    {
      title: "of two copies in a page the newer wins",
      local: [],
      records: [rec("a", 4, "old"), rec("a", 6, "new")],
      removed: [],
      put: [["a", 6]],
      remove: [],
    },
  ];
  for (const c of cases) {
    it(c.title, () => {
      const out = reconcile({
        local: new Map(c.local.map(([id, seq]) => [`persons/${id}`, { seq }])),
        records: c.records,
        removed: c.removed.map((id) => ({ table: "persons" as const, id })),
      });
      expect(out.put.map((r) => [r.id, r.seq])).toEqual(c.put);
      expect(out.remove.map((r) => r.id)).toEqual(c.remove);
    });
  }
});
