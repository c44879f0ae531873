/**
 * Figures for the case reports: medians of durations. Pure.
 */

/** The median of the numbers, or null for none (mean of the middle two for an even count). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Hours between two ISO instants (negative when `to` is earlier). */
export function hoursBetween(fromIso: string, toIso: string): number {
  return (Date.parse(toIso) - Date.parse(fromIso)) / 3_600_000;
}

/**
 * The median number of hours from `from` to `to` over the pairs that have both ends, rounded to
 * one decimal; null when no pair has both.
 */
export function medianHours(pairs: readonly { from: string; to: string | null }[]): number | null {
  const hours = pairs
    .filter((p): p is { from: string; to: string } => p.to !== null)
    .map((p) => hoursBetween(p.from, p.to));
  const m = median(hours);
  return m === null ? null : Math.round(m * 10) / 10;
}
