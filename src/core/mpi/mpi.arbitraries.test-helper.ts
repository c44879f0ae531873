/**
 * fast-check generators for definitions and rows, shared by the property and reference tests.
 * Values live on small domains (integers 0..10, the labels a, b, c) so that ties with cutoffs,
 * categorical matches and k on a reachable score all happen often.
 */
import fc from "fast-check";
import type { DeprivationRule, IndicatorDefinition, MpiDefinition } from "./mpi-definition.ts";

export type Row = Record<string, unknown>;

const LABELS = ["a", "b", "c"] as const;

const numericRule: fc.Arbitrary<DeprivationRule> = fc.record({
  op: fc.constantFrom("lt" as const, "lte" as const, "gt" as const, "gte" as const),
  value: fc.integer({ min: 0, max: 10 }),
});

const cardinalRule: fc.Arbitrary<DeprivationRule> = fc.record({
  op: fc.constant("lt" as const),
  value: fc.integer({ min: 1, max: 10 }),
});

const categoricalRule: fc.Arbitrary<DeprivationRule> = fc.oneof(
  fc.record({
    op: fc.constantFrom("eq" as const, "ne" as const),
    value: fc.oneof(fc.constantFrom(...LABELS), fc.integer({ min: 1, max: 3 })),
  }),
  fc.record({
    op: fc.constant("in" as const),
    value: fc.uniqueArray(fc.oneof(fc.constantFrom(...LABELS), fc.integer({ min: 1, max: 3 })), {
      minLength: 1,
      maxLength: 3,
    }),
  }),
);

function definitionFrom(rule: fc.Arbitrary<DeprivationRule>): fc.Arbitrary<MpiDefinition> {
  return fc
    .array(
      fc.record({
        rule,
        weight: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.double({ min: 0.05, max: 3, noNaN: true })),
        dimension: fc.constantFrom("kesehatan", "pendidikan", "hunian"),
      }),
      { minLength: 1, maxLength: 5 },
    )
    .chain((parts) => {
      const indicators: IndicatorDefinition[] = parts.map((part, j) => ({
        id: `i${j}`,
        column: `c${j}`,
        dimension: part.dimension,
        weight: part.weight,
        deprivedIf: part.rule,
      }));
      // k either anywhere in (0, 1] or exactly on a reachable score (a sum of normalised weights).
      const total = parts.reduce((sum, part) => sum + part.weight, 0);
      const reachable = fc
        .subarray(
          parts.map((part) => part.weight / total),
          { minLength: 1 },
        )
        .map((ws) =>
          Math.min(
            1,
            ws.reduce((a, b) => a + b, 0),
          ),
        );
      const k = fc.oneof(
        fc.integer({ min: 1, max: 100 }).map((x) => x / 100),
        reachable,
      );
      return k.map((kk) => ({ k: kk, indicators }));
    });
}

/** Mixed numeric and categorical indicators. */
export const mixedDefinition = definitionFrom(fc.oneof(numericRule, categoricalRule));
/** Only `lt` a positive cutoff, so M1 and M2 are defined. */
export const cardinalDefinition = definitionFrom(cardinalRule);

function cellFor(rule: DeprivationRule, allowMissing: boolean): fc.Arbitrary<unknown> {
  const present: fc.Arbitrary<unknown> =
    rule.op === "lt" || rule.op === "lte" || rule.op === "gt" || rule.op === "gte"
      ? fc.oneof(
          { weight: 4, arbitrary: fc.integer({ min: -1, max: 11 }) },
          { weight: 1, arbitrary: fc.double({ min: -1, max: 11, noNaN: true }) },
          { weight: 2, arbitrary: fc.integer({ min: 0, max: 10 }).map((x) => String(x)) },
          { weight: 1, arbitrary: fc.integer({ min: 0, max: 10 }).map((x) => ` ${x}.0 `) },
        )
      : fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom<unknown>(...LABELS, 1, 2, 3) },
          { weight: 1, arbitrary: fc.constantFrom<unknown>(" a", "b ", "1", "2.0", "01", "x") },
        );
  if (!allowMissing) return present;
  return fc.oneof(
    { weight: 12, arbitrary: present },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(null, undefined, "", "  ", Number.NaN) },
  );
}

export interface Population {
  definition: MpiDefinition;
  rows: Row[];
  weights: number[];
  groups: string[];
}

/** A definition with rows, integer row weights 1..5 and groups g1..g3. */
export function population(
  definition: fc.Arbitrary<MpiDefinition>,
  options: { missing?: boolean; maxRows?: number } = {},
): fc.Arbitrary<Population> {
  return definition.chain((def) => {
    const row = fc.record(
      Object.fromEntries(
        def.indicators.map((indicator) => [
          indicator.column,
          cellFor(indicator.deprivedIf, options.missing ?? false),
        ]),
      ),
    ) as fc.Arbitrary<Row>;
    return fc
      .array(
        fc.record({ row, weight: fc.integer({ min: 1, max: 5 }), group: fc.constantFrom("g1", "g2", "g3") }),
        { minLength: 0, maxLength: options.maxRows ?? 30 },
      )
      .map((items) => ({
        definition: def,
        rows: items.map((item) => item.row),
        weights: items.map((item) => item.weight),
        groups: items.map((item) => item.group),
      }));
  });
}

/** A value of the indicator's column that the rule counts as deprived. */
export function deprivedValue(rule: DeprivationRule): unknown {
  switch (rule.op) {
    case "lt":
      return rule.value - 1;
    case "lte":
    case "gte":
    case "eq":
      return rule.value;
    case "gt":
      return rule.value + 1;
    case "ne":
      return rule.value === "zz" ? "yy" : "zz";
    case "in":
      return rule.value[0];
  }
}

/** A value of the indicator's column that the rule counts as not deprived. */
export function notDeprivedValue(rule: DeprivationRule): unknown {
  switch (rule.op) {
    case "lt":
    case "lte":
      return rule.value + 1;
    case "gt":
    case "gte":
      return rule.value - 1;
    case "eq":
    case "in":
      return "zz";
    case "ne":
      return rule.value;
  }
}
