/**
 * Alkire–Foster figures from stored deprivation bitmasks. The database answers with one row per
 * (group, mask) and the number of households and persons carrying it; a mask determines the score
 * (Σ of the weights of its bits) and so the poor flag at any k. The sums are filled into the
 * engine's own `MpiSums`, so H, A, M0, contributions and the group decomposition come from the
 * same arithmetic as `computeMpi`. Child regions need only their sums of stored scores (see
 * analysis.repository.ts `areaSums`).
 */
import { POVERTY_TOLERANCE } from "../../../core/mpi/mpi-accumulator.ts";
import { type MpiDefinition, normalisedWeights } from "../../../core/mpi/mpi-definition.ts";
import type { MpiResult } from "../../../core/mpi/mpi-result.ts";
import { MpiSums } from "../../../core/mpi/mpi-sums.ts";

/** Households and persons (Σ household size) of one group carrying one deprivation mask. */
export interface MaskCount {
  group: string;
  mask: number;
  households: number;
  persons: number;
}

/** The score of a mask under normalised weights. */
export function maskScore(mask: number, weights: readonly number[]): number {
  let score = 0;
  for (let j = 0; j < weights.length; j++) if (mask & (1 << j)) score += weights[j] as number;
  return score;
}

/** The engine's result over mask counts, per household (`unit: "households"`) or per person. */
export function resultFromMasks(
  definition: MpiDefinition,
  counts: readonly MaskCount[],
  unit: "households" | "persons",
  k = definition.k,
): MpiResult {
  const weights = normalisedWeights(definition);
  const sums = new MpiSums({ ...definition, k }, Float64Array.from(weights), false);
  const d = weights.length;
  const threshold = k - POVERTY_TOLERANCE;
  const scores = new Map<number, number>();
  for (const c of counts) {
    const w = unit === "households" ? c.households : c.persons;
    if (w <= 0) continue;
    let score = scores.get(c.mask);
    if (score === undefined) {
      score = maskScore(c.mask, weights);
      scores.set(c.mask, score);
    }
    const poor = score >= threshold;
    const g = sums.indexOf(c.group);
    sums.namedGroup = true;
    sums.n += w;
    sums.rows += c.households;
    sums.groupN[g] = (sums.groupN[g] as number) + w;
    sums.groupRows[g] = (sums.groupRows[g] as number) + c.households;
    if (poor) {
      sums.poor += w;
      sums.groupPoor[g] = (sums.groupPoor[g] as number) + w;
    }
    for (let j = 0; j < d; j++) {
      if (!(c.mask & (1 << j))) continue;
      sums.uncensored[j] = (sums.uncensored[j] as number) + w;
      sums.groupUncensored[g * d + j] = (sums.groupUncensored[g * d + j] as number) + w;
      if (poor) {
        sums.censored[j] = (sums.censored[j] as number) + w;
        sums.groupCensored[g * d + j] = (sums.groupCensored[g * d + j] as number) + w;
      }
    }
  }
  return sums.result();
}

/** H and M0 (persons and households) for k = 0.1, 0.2, …, 1. */
export function sensitivity(definition: MpiDefinition, counts: readonly MaskCount[]) {
  const weights = normalisedWeights(definition);
  const byMask = new Map<number, { households: number; persons: number }>();
  for (const c of counts) {
    const entry = byMask.get(c.mask) ?? { households: 0, persons: 0 };
    entry.households += c.households;
    entry.persons += c.persons;
    byMask.set(c.mask, entry);
  }
  const masks = [...byMask].map(([mask, n]) => ({ score: maskScore(mask, weights), ...n }));
  const totalH = masks.reduce((s, m) => s + m.households, 0);
  const totalP = masks.reduce((s, m) => s + m.persons, 0);
  return Array.from({ length: 10 }, (_, i) => {
    const k = (i + 1) / 10;
    let poorH = 0;
    let poorP = 0;
    let scoreH = 0;
    let scoreP = 0;
    for (const m of masks) {
      if (m.score < k - POVERTY_TOLERANCE) continue;
      poorH += m.households;
      poorP += m.persons;
      scoreH += m.households * m.score;
      scoreP += m.persons * m.score;
    }
    const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);
    return {
      k,
      H: ratio(poorP, totalP),
      M0: ratio(scoreP, totalP),
      householdH: ratio(poorH, totalH),
      householdM0: ratio(scoreH, totalH),
    };
  });
}
