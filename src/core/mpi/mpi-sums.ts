/**
 * The running sums of an Alkire–Foster accumulator, kept in typed arrays (per indicator, and per
 * group × indicator), and the arithmetic that turns them into an `MpiResult`. Every figure is derived
 * from the weighted counts of deprived units, censored and uncensored, so M0 = Σ_j w_j·h_j(k) and the
 * group decomposition hold by construction (see docs/decisions/0010-mpi-engine-columnar.md).
 */
import type { MpiDefinition } from "./mpi-definition.ts";
import type {
  MpiDimensionResult,
  MpiGroupIndicatorResult,
  MpiGroupResult,
  MpiIndicatorResult,
  MpiResult,
} from "./mpi-result.ts";

/** A group label: numbers are turned into text; `null`, `undefined` and `""` form the group "". */
export type MpiGroupKey = string | number | null | undefined;

function widen(from: Float64Array, length: number): Float64Array {
  const to = new Float64Array(length);
  to.set(from);
  return to;
}

export class MpiSums {
  n = 0;
  rows = 0;
  excluded = 0;
  excludedWeight = 0;
  poor = 0;
  /** Whether any row named a group (otherwise the result lists no groups). */
  namedGroup = false;
  readonly uncensored: Float64Array;
  readonly censored: Float64Array;
  readonly gapSum: Float64Array;
  readonly gapSquareSum: Float64Array;

  // Per group g (and g × indicator j at g·d + j), grown by doubling.
  private capacity = 16;
  groupN: Float64Array = new Float64Array(16);
  groupRows: Float64Array = new Float64Array(16);
  groupExcluded: Float64Array = new Float64Array(16);
  groupPoor: Float64Array = new Float64Array(16);
  groupGap: Float64Array = new Float64Array(16);
  groupGapSquare: Float64Array = new Float64Array(16);
  groupUncensored: Float64Array;
  groupCensored: Float64Array;
  private readonly groupIndex = new Map<string, number>();
  private readonly groupNames: string[] = [];
  private lastGroup: MpiGroupKey = undefined;
  private lastIndex = -1;

  constructor(
    private readonly definition: MpiDefinition,
    /** Normalised weights w_j. */
    readonly weights: Float64Array,
    /** Whether M1 and M2 are defined (every rule `lt` a positive cutoff). */
    readonly cardinal: boolean,
  ) {
    const d = weights.length;
    this.uncensored = new Float64Array(d);
    this.censored = new Float64Array(d);
    this.gapSum = new Float64Array(d);
    this.gapSquareSum = new Float64Array(d);
    this.groupUncensored = new Float64Array(16 * d);
    this.groupCensored = new Float64Array(16 * d);
  }

  /** The index of a group, created on first sight; cached for runs of rows in the same group. */
  indexOf(group: MpiGroupKey): number {
    if (group === this.lastGroup && this.lastIndex >= 0) return this.lastIndex;
    const name =
      group === undefined || group === null ? "" : typeof group === "string" ? group : String(group);
    let index = this.groupIndex.get(name);
    if (index === undefined) {
      index = this.groupNames.length;
      if (index === this.capacity) this.grow();
      this.groupIndex.set(name, index);
      this.groupNames.push(name);
    }
    this.lastGroup = group;
    this.lastIndex = index;
    return index;
  }

  private grow(): void {
    const size = this.capacity * 2;
    const d = this.weights.length;
    this.groupN = widen(this.groupN, size);
    this.groupRows = widen(this.groupRows, size);
    this.groupExcluded = widen(this.groupExcluded, size);
    this.groupPoor = widen(this.groupPoor, size);
    this.groupGap = widen(this.groupGap, size);
    this.groupGapSquare = widen(this.groupGapSquare, size);
    this.groupUncensored = widen(this.groupUncensored, size * d);
    this.groupCensored = widen(this.groupCensored, size * d);
    this.capacity = size;
  }

  /** The figures; does not change the sums. */
  result(): MpiResult {
    const { definition, weights, cardinal, n, poor } = this;
    const indicators = definition.indicators;
    const d = weights.length;
    const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : 0);
    const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);
    const weightedSum = (values: Float64Array, offset: number) => {
      let sum = 0;
      for (let j = 0; j < d; j++) sum += (weights[j] as number) * (values[offset + j] as number);
      return sum;
    };
    const totalCensored = weightedSum(this.censored, 0);

    const indicatorResults: MpiIndicatorResult[] = indicators.map((indicator, j) => ({
      id: indicator.id,
      column: indicator.column,
      dimension: indicator.dimension,
      weight: weights[j] as number,
      uncensoredHeadcount: ratio(this.uncensored[j] as number, n),
      censoredHeadcount: ratio(this.censored[j] as number, n),
      contribution: share((weights[j] as number) * (this.censored[j] as number), totalCensored),
    }));

    const dimensions = new Map<string, { weight: number; censored: number }>();
    indicators.forEach((indicator, j) => {
      const entry = dimensions.get(indicator.dimension) ?? { weight: 0, censored: 0 };
      entry.weight += weights[j] as number;
      entry.censored += (weights[j] as number) * (this.censored[j] as number);
      dimensions.set(indicator.dimension, entry);
    });
    const dimensionResults: MpiDimensionResult[] = [...dimensions].map(([dimension, entry]) => ({
      dimension,
      weight: entry.weight,
      contribution: share(entry.censored, totalCensored),
    }));

    const groups = this.namedGroup
      ? this.groupNames.map((name, g) => this.groupResult(name, g, totalCensored))
      : [];
    groups.sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));

    return {
      k: definition.k,
      n,
      rows: this.rows,
      excluded: this.excluded,
      excludedWeight: this.excludedWeight,
      poor,
      H: ratio(poor, n),
      A: ratio(totalCensored, poor),
      M0: ratio(totalCensored, n),
      M1: cardinal ? ratio(weightedSum(this.gapSum, 0), n) : null,
      M2: cardinal ? ratio(weightedSum(this.gapSquareSum, 0), n) : null,
      indicators: indicatorResults,
      dimensions: dimensionResults,
      groups,
    };
  }

  private groupResult(name: string, g: number, totalCensored: number): MpiGroupResult {
    const { weights, cardinal, n } = this;
    const d = weights.length;
    const ng = this.groupN[g] as number;
    const poor = this.groupPoor[g] as number;
    const base = g * d;
    let censored = 0;
    for (let j = 0; j < d; j++) censored += (weights[j] as number) * (this.groupCensored[base + j] as number);
    const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : 0);
    const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);
    const indicators: MpiGroupIndicatorResult[] = this.definition.indicators.map((indicator, j) => ({
      id: indicator.id,
      uncensoredHeadcount: ratio(this.groupUncensored[base + j] as number, ng),
      censoredHeadcount: ratio(this.groupCensored[base + j] as number, ng),
      contribution: share((weights[j] as number) * (this.groupCensored[base + j] as number), censored),
    }));
    return {
      group: name,
      n: ng,
      rows: this.groupRows[g] as number,
      excluded: this.groupExcluded[g] as number,
      populationShare: ratio(ng, n),
      poor,
      H: ratio(poor, ng),
      A: ratio(censored, poor),
      M0: ratio(censored, ng),
      M1: cardinal ? ratio(this.groupGap[g] as number, ng) : null,
      M2: cardinal ? ratio(this.groupGapSquare[g] as number, ng) : null,
      contribution: share(censored, totalCensored),
      indicators,
    };
  }
}
