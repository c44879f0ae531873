/**
 * The figures of an Alkire–Foster measure. Ratios are shares of the (weighted) population of the
 * units counted, between 0 and 1; `n` and `poor` are weighted sums (persons when the row weight
 * is the household size).
 *
 * Conventions where a ratio has no denominator: with no unit counted (n = 0) H, A, M0 (and M1, M2
 * when defined) are 0; with no poor unit A is 0, so that M0 = H·A still holds; every percentage
 * contribution (indicator, dimension, group) is `null` when M0 = 0, because there is no poverty to
 * share out and a 0 would wrongly suggest the shares were computed and sum to nothing.
 */

/** Per indicator (in the order of the definition). */
export interface MpiIndicatorResult {
  readonly id: string;
  readonly column: string;
  readonly dimension: string;
  /** Normalised weight w_j (the weights of a definition sum to 1). */
  readonly weight: number;
  /** h_j: share of the population deprived in j, poor or not. */
  readonly uncensoredHeadcount: number;
  /** h_j(k): share of the population that is poor and deprived in j. */
  readonly censoredHeadcount: number;
  /** w_j·h_j(k) / M0; `null` when M0 = 0. The contributions sum to 1. */
  readonly contribution: number | null;
}

/** Per dimension: the sum over its indicators. */
export interface MpiDimensionResult {
  readonly dimension: string;
  readonly weight: number;
  readonly contribution: number | null;
}

/** Per indicator within a group. */
export interface MpiGroupIndicatorResult {
  readonly id: string;
  readonly uncensoredHeadcount: number;
  readonly censoredHeadcount: number;
  readonly contribution: number | null;
}

/** Per group of a partition (a column's values, a region level). */
export interface MpiGroupResult {
  readonly group: string;
  /** Weighted population of the group (rows counted, times their weights). */
  readonly n: number;
  /** Rows counted (unweighted). */
  readonly rows: number;
  /** Rows of the group left out for a missing indicator value (unweighted). */
  readonly excluded: number;
  /** n_g / n. */
  readonly populationShare: number;
  readonly poor: number;
  readonly H: number;
  readonly A: number;
  readonly M0: number;
  readonly M1: number | null;
  readonly M2: number | null;
  /** (n_g / n)·M0_g / M0: the group's share of total poverty; `null` when M0 = 0. */
  readonly contribution: number | null;
  readonly indicators: readonly MpiGroupIndicatorResult[];
}

/** The whole measure. */
export interface MpiResult {
  readonly k: number;
  /** Weighted population counted (Σ row weights of the rows without a missing value). */
  readonly n: number;
  /** Rows counted (unweighted). */
  readonly rows: number;
  /** Rows left out because an indicator value was missing (unweighted). */
  readonly excluded: number;
  /** Σ of the row weights of the rows left out. */
  readonly excludedWeight: number;
  /** Weighted number of poor units q. */
  readonly poor: number;
  /** Headcount ratio q / n. */
  readonly H: number;
  /** Average intensity: the mean censored score of the poor. */
  readonly A: number;
  /** Adjusted headcount ratio H·A = (1/n) Σ c_i(k). */
  readonly M0: number;
  /** Adjusted poverty gap; `null` unless every indicator is `lt` a positive cutoff. */
  readonly M1: number | null;
  /** Adjusted squared gap; same condition as M1. */
  readonly M2: number | null;
  readonly indicators: readonly MpiIndicatorResult[];
  readonly dimensions: readonly MpiDimensionResult[];
  /** Groups sorted by name; empty when no row named a group. */
  readonly groups: readonly MpiGroupResult[];
}
