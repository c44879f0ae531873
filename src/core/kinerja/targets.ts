/**
 * Progress against a monthly target: how much of the target a worker has done, how much they
 * should have done by today if the work were spread evenly over the month, and whether they are
 * far behind (which raises a task for their supervisor). Pure: no I/O.
 */

/** Below this share of the pace expected by today a worker is "far behind". */
export const FAR_BEHIND_SHARE = 0.5;
/** No alert in the first days of a month: too early to judge. */
export const MIN_DAYS_ELAPSED = 10;

export interface TargetProgress {
  target: number;
  actual: number;
  /** actual / target in percent, one decimal. */
  percent: number;
  /** The count expected by `today` at an even pace (target × elapsed share of the month). */
  expectedByNow: number;
  /** far_behind | behind | on_track | done */
  status: "far_behind" | "behind" | "on_track" | "done";
}

/** Progress for a month with `daysInMonth` days of which `daysElapsed` have passed (today included). */
export function targetProgress(
  target: number,
  actual: number,
  daysElapsed: number,
  daysInMonth: number,
): TargetProgress {
  const elapsed = Math.max(0, Math.min(daysElapsed, daysInMonth));
  const expectedByNow = Math.round(((target * elapsed) / daysInMonth) * 10) / 10;
  const percent = target > 0 ? Math.round((actual / target) * 1000) / 10 : 100;
  let status: TargetProgress["status"];
  if (actual >= target) status = "done";
  else if (elapsed >= MIN_DAYS_ELAPSED && actual < expectedByNow * FAR_BEHIND_SHARE) status = "far_behind";
  else if (actual < expectedByNow) status = "behind";
  else status = "on_track";
  return { target, actual, percent, expectedByNow, status };
}
