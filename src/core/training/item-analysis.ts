/**
 * Classical item analysis of one test. For each question:
 * - difficulty index p = proportion of the participants given the question who answered it
 *   correctly (high p = easy);
 * - discrimination index D = p(upper group) − p(lower group), where the groups are the top and
 *   bottom 27 % of those participants ranked by total score (at least one each; ties broken by
 *   attempt id so the result is reproducible). D near 0 or negative flags a question to review.
 * Pure: no I/O.
 */

export interface ItemResponse {
  attemptId: string;
  questionId: string;
  correct: boolean;
}

export interface AttemptTotal {
  attemptId: string;
  score: number;
}

export interface ItemStatistics {
  questionId: string;
  /** Participants given the question. */
  n: number;
  difficulty: number;
  /** Null when fewer than two participants saw the question. */
  discrimination: number | null;
}

/** The share of each end of the ranking used by D. */
export const GROUP_SHARE = 0.27;

export function analyseItems(
  responses: readonly ItemResponse[],
  totals: readonly AttemptTotal[],
): ItemStatistics[] {
  const scoreOf = new Map(totals.map((t) => [t.attemptId, t.score]));
  const byQuestion = new Map<string, ItemResponse[]>();
  for (const r of responses) {
    if (!scoreOf.has(r.attemptId)) continue;
    const list = byQuestion.get(r.questionId) ?? [];
    list.push(r);
    byQuestion.set(r.questionId, list);
  }
  const out: ItemStatistics[] = [];
  for (const [questionId, list] of byQuestion) {
    const n = list.length;
    const difficulty = round4(list.filter((r) => r.correct).length / n);
    let discrimination: number | null = null;
    if (n >= 2) {
      const ranked = [...list].sort(
        (a, b) =>
          (scoreOf.get(b.attemptId) as number) - (scoreOf.get(a.attemptId) as number) ||
          (a.attemptId < b.attemptId ? -1 : 1),
      );
      const size = Math.max(1, Math.round(n * GROUP_SHARE));
      const upper = ranked.slice(0, size);
      const lower = ranked.slice(n - size);
      const share = (group: ItemResponse[]) => group.filter((r) => r.correct).length / group.length;
      discrimination = round4(share(upper) - share(lower));
    }
    out.push({ questionId, n, difficulty, discrimination });
  }
  return out.sort((a, b) => (a.questionId < b.questionId ? -1 : 1));
}

function round4(value: number): number {
  return Math.round(value * 10000) / 10000;
}
