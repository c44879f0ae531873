import { describe, expect, it } from "vitest";
import type { DeprivationRule } from "./mpi-definition.ts";
import {
  compileRule,
  DEPRIVED,
  INVALID_VALUE,
  isCardinalRule,
  isMissingCell,
  NOT_DEPRIVED,
} from "./mpi-rule.ts";

function check(rule: DeprivationRule, cell: unknown): number {
  return compileRule(rule, new Float64Array(1), 0)(cell);
}

describe("isMissingCell", () => {
  it.each([
    [undefined, true],
    [null, true],
    ["", true],
    ["   ", true],
    ["\t\u00a0", true],
    [Number.NaN, true],
    [0, false],
    ["0", false],
    [" x ", false],
    [false, false],
  ])("%j → %s", (cell, missing) => {
    expect(isMissingCell(cell)).toBe(missing);
  });
});

describe("numeric rules", () => {
  it.each([
    ["lt", 5, 4, DEPRIVED],
    ["lt", 5, 5, NOT_DEPRIVED],
    ["lte", 5, 5, DEPRIVED],
    ["lte", 5, 6, NOT_DEPRIVED],
    ["gt", 5, 6, DEPRIVED],
    ["gt", 5, 5, NOT_DEPRIVED],
    ["gte", 5, 5, DEPRIVED],
    ["gte", 5, 4, NOT_DEPRIVED],
    ["lt", 600000, "599999", DEPRIVED],
    ["lt", 600000, " 600000 ", NOT_DEPRIVED],
    ["lt", 1.5, "1.25", DEPRIVED],
    ["lt", 10, "1e1", NOT_DEPRIVED],
    ["lt", 10, "abc", INVALID_VALUE],
    ["lt", 10, "1.000.000", INVALID_VALUE],
    ["lt", 10, "5,5", INVALID_VALUE],
    ["gte", 10, "Infinity", INVALID_VALUE],
    ["gte", 10, true, INVALID_VALUE],
  ] as const)("%s %d on %j", (op, value, cell, expected) => {
    expect(check({ op, value }, cell)).toBe(expected);
  });

  it("stores the number read for the gap measures", () => {
    const numbers = new Float64Array(2);
    compileRule({ op: "lt", value: 10 }, numbers, 1)(" 7.5");
    expect(numbers[1]).toBe(7.5);
  });
});

describe("categorical rules", () => {
  it.each([
    [{ op: "eq", value: "tanah" }, "tanah", DEPRIVED],
    [{ op: "eq", value: "tanah" }, " tanah ", DEPRIVED],
    [{ op: "eq", value: "tanah" }, "Tanah", NOT_DEPRIVED],
    [{ op: "eq", value: 2 }, "2", DEPRIVED],
    [{ op: "eq", value: 2 }, "2.0", DEPRIVED],
    [{ op: "eq", value: 2 }, 2, DEPRIVED],
    [{ op: "eq", value: 2 }, "dua", NOT_DEPRIVED],
    [{ op: "eq", value: "01" }, "1", NOT_DEPRIVED],
    [{ op: "eq", value: "1" }, 1, DEPRIVED],
    [{ op: "eq", value: true }, "true", DEPRIVED],
    [{ op: "ne", value: "pln" }, "pln", NOT_DEPRIVED],
    [{ op: "ne", value: "pln" }, "genset", DEPRIVED],
    [{ op: "ne", value: 1 }, "1.0", NOT_DEPRIVED],
    [{ op: "in", value: ["tanah", "bambu"] }, "bambu", DEPRIVED],
    [{ op: "in", value: ["tanah", "bambu"] }, "keramik", NOT_DEPRIVED],
    [{ op: "in", value: [1, 2, "x"] }, "2", DEPRIVED],
    [{ op: "in", value: [1, 2, "x"] }, " 1.0", DEPRIVED],
    [{ op: "in", value: [1, 2, "x"] }, "x", DEPRIVED],
    [{ op: "in", value: [1, 2, "x"] }, 3, NOT_DEPRIVED],
    [{ op: "in", value: ["3"] }, 3, DEPRIVED],
  ] as const)("%j on %j", (rule, cell, expected) => {
    expect(check(rule as DeprivationRule, cell)).toBe(expected);
  });
});

describe("isCardinalRule", () => {
  it("holds only for lt with a positive cutoff", () => {
    expect(isCardinalRule({ op: "lt", value: 1 })).toBe(true);
    expect(isCardinalRule({ op: "lt", value: 0 })).toBe(false);
    expect(isCardinalRule({ op: "lte", value: 1 })).toBe(false);
    expect(isCardinalRule({ op: "in", value: [1] })).toBe(false);
  });
});
