/**
 * Scores and gains. A score is the percentage of items answered correctly (0–100); an item left
 * unanswered counts as wrong. The normalised gain of one participant is Hake's
 * g = (post − pre) / (100 − pre): the share of the possible improvement that was achieved.
 * Pure: no I/O.
 */

/** Percentage correct, 0–100, rounded to two decimals; 0 items gives 0. */
export function scorePercent(correct: number, total: number): number {
  if (total <= 0) return 0;
  return Math.round((correct / total) * 10000) / 100;
}

export type GainResult =
  | { status: "ok"; value: number }
  /** pre = 100: no room to improve, g is undefined. */
  | { status: "pre_perfect"; value: null }
  /** The pre-test or the post-test was not taken. */
  | { status: "missing"; value: null };

/** Normalised gain of one participant; never divides by zero, never throws. */
export function normalizedGain(pre: number | null | undefined, post: number | null | undefined): GainResult {
  if (pre === null || pre === undefined || post === null || post === undefined) {
    return { status: "missing", value: null };
  }
  if (pre >= 100) return { status: "pre_perfect", value: null };
  return { status: "ok", value: round4((post - pre) / (100 - pre)) };
}

/**
 * Class-average gain ⟨g⟩ = (mean post − mean pre) / (100 − mean pre) over participants who took
 * both tests; used per module and per competency, where a few items per participant make
 * individual gains too coarse. Null when nobody took both or the mean pre-score is 100.
 */
export function classAverageGain(pairs: readonly { pre: number; post: number }[]): number | null {
  if (pairs.length === 0) return null;
  const pre = mean(pairs.map((p) => p.pre)) as number;
  const post = mean(pairs.map((p) => p.post)) as number;
  if (pre >= 100) return null;
  return round4((post - pre) / (100 - pre));
}

/** Arithmetic mean, null for an empty list. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** Counts of scores in ten-point bands: [0,10), [10,20), … [90,100]. */
export function scoreDistribution(scores: readonly number[]): { from: number; to: number; count: number }[] {
  const bands = Array.from({ length: 10 }, (_, i) => ({ from: i * 10, to: i * 10 + 10, count: 0 }));
  for (const s of scores) {
    const index = Math.min(9, Math.max(0, Math.floor(s / 10)));
    (bands[index] as { count: number }).count++;
  }
  return bands;
}

export function round4(value: number): number {
  return Math.round(value * 10000) / 10000;
}

export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
