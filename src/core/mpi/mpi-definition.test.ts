import { describe, expect, it } from "vitest";
import {
  MpiDefinitionError,
  normalisedWeights,
  parseMpiDefinition,
  validateMpiCutoff,
  validateMpiDefinition,
} from "./mpi-definition.ts";

const valid = {
  k: 0.3333,
  indicators: [
    {
      id: "pendapatan",
      column: "pendapatan_per_kapita",
      dimension: "ekonomi",
      weight: 2,
      deprivedIf: { op: "lt", value: 600000 },
    },
    {
      id: "lantai",
      column: "jenis_lantai",
      dimension: "hunian",
      weight: 1,
      deprivedIf: { op: "in", value: ["tanah", "bambu"] },
    },
  ],
};

function withIndicator(patch: Record<string, unknown>, index = 1) {
  return { ...valid, indicators: valid.indicators.map((x, i) => (i === index ? { ...x, ...patch } : x)) };
}

function fields(input: unknown): string[] {
  return validateMpiDefinition(input).map((issue) => issue.field);
}

describe("validateMpiDefinition", () => {
  it("accepts the example indicators file", () => {
    expect(validateMpiDefinition(valid)).toEqual([]);
    expect(parseMpiDefinition(valid)).toBe(valid);
    expect(normalisedWeights(parseMpiDefinition(valid))).toEqual([2 / 3, 1 / 3]);
  });

  it.each([0, -0.1, 1.0001, Number.NaN, "0.3", undefined])("rejects k = %j", (k) => {
    expect(fields({ ...valid, k })).toEqual(["k"]);
  });

  it("accepts k = 1 and names a command-line field", () => {
    expect(validateMpiCutoff(1)).toEqual([]);
    expect(validateMpiCutoff(2, "--k")[0]?.message.id).toMatch(/^--k: /);
  });

  it.each([0, -2, Number.POSITIVE_INFINITY, "2", null])(
    "rejects weight %j, naming the field and indicator",
    (weight) => {
      const issues = validateMpiDefinition(withIndicator({ weight }));
      expect(issues.map((i) => i.field)).toEqual(["indicators[1].weight"]);
      expect(issues[0]?.message.id).toContain('indikator "lantai"');
      expect(issues[0]?.message.id).toContain("bobot harus angka positif");
      expect(issues[0]?.message.en).toContain("weight must be a positive finite number");
    },
  );

  it("rejects an unknown operator", () => {
    const issues = validateMpiDefinition(withIndicator({ deprivedIf: { op: "between", value: [1, 2] } }));
    expect(issues.map((i) => i.field)).toEqual(["indicators[1].deprivedIf.op"]);
    expect(issues[0]?.message.en).toContain('unknown operator "between"');
  });

  it.each([[], "tanah", undefined])("rejects in with value %j", (value) => {
    expect(fields(withIndicator({ deprivedIf: { op: "in", value } }))).toEqual([
      "indicators[1].deprivedIf.value",
    ]);
  });

  it("rejects list items that are not scalars", () => {
    expect(fields(withIndicator({ deprivedIf: { op: "in", value: ["a", { b: 1 }] } }))).toEqual([
      "indicators[1].deprivedIf.value[1]",
    ]);
  });

  it.each(["600000", null, Number.NaN, [1]])("rejects a numeric rule with value %j", (value) => {
    const issues = validateMpiDefinition(withIndicator({ deprivedIf: { op: "lt", value } }, 0));
    expect(issues.map((i) => i.field)).toEqual(["indicators[0].deprivedIf.value"]);
    expect(issues[0]?.message.id).toContain("membutuhkan nilai berupa angka");
  });

  it("rejects eq and ne without a scalar value", () => {
    expect(fields(withIndicator({ deprivedIf: { op: "eq", value: ["a"] } }))).toEqual([
      "indicators[1].deprivedIf.value",
    ]);
    expect(fields(withIndicator({ deprivedIf: { op: "ne" } }))).toEqual(["indicators[1].deprivedIf.value"]);
  });

  it("rejects duplicate ids, naming both places", () => {
    const issues = validateMpiDefinition(withIndicator({ id: "pendapatan" }));
    expect(issues.map((i) => i.field)).toEqual(["indicators[1].id"]);
    expect(issues[0]?.message.en).toContain("already used by indicators[0]");
  });

  it("rejects missing texts, missing rules, and bad shapes", () => {
    expect(fields(withIndicator({ column: "", dimension: 3, deprivedIf: undefined }))).toEqual([
      "indicators[1].column",
      "indicators[1].dimension",
      "indicators[1].deprivedIf",
    ]);
    expect(fields({ k: 0.5, indicators: [] })).toEqual(["indicators"]);
    expect(fields({ k: 0.5, indicators: [1] })).toEqual(["indicators[0]"]);
    expect(fields(null)).toEqual([""]);
  });

  it("parseMpiDefinition throws every issue at once, in both languages", () => {
    const bad = { k: 2, indicators: [{ ...valid.indicators[0], weight: -1 }] };
    expect(() => parseMpiDefinition(bad)).toThrow(MpiDefinitionError);
    try {
      parseMpiDefinition(bad);
    } catch (error) {
      expect((error as MpiDefinitionError).issues.map((i) => i.field)).toEqual(["k", "indicators[0].weight"]);
      expect((error as Error).message).toContain(" / ");
    }
  });
});
