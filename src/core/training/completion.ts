/**
 * Completion rules per programme: a participant completes when the attendance rate reaches the
 * minimum and the post-test score reaches the pass mark. Pure: no I/O.
 */

export interface CompletionRule {
  /** 0–1, e.g. 0.8 for 80 %. */
  minAttendanceRate: number;
  /** 0–100, e.g. 70. */
  minPostScore: number;
}

export const DEFAULT_COMPLETION_RULE: CompletionRule = { minAttendanceRate: 0.8, minPostScore: 70 };

export type CompletionShortfall = "attendance" | "post_test_missing" | "post_test_below";

export interface CompletionResult {
  completed: boolean;
  shortfalls: CompletionShortfall[];
}

export function evaluateCompletion(
  rule: CompletionRule,
  attendanceRate: number,
  postScore: number | null,
): CompletionResult {
  const shortfalls: CompletionShortfall[] = [];
  if (attendanceRate + 1e-9 < rule.minAttendanceRate) shortfalls.push("attendance");
  if (postScore === null) shortfalls.push("post_test_missing");
  else if (postScore + 1e-9 < rule.minPostScore) shortfalls.push("post_test_below");
  return { completed: shortfalls.length === 0, shortfalls };
}
