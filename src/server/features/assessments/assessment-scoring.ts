/**
 * Scores one household's answers with a stored indicator set: the engine's unit score, plus the
 * compact form kept beside the answers (a bit per deprived indicator). Missing or non-numeric
 * answers are a validation error naming the indicators, so an assessment is always complete.
 */
import type { FieldProblem } from "../../../core/errors/app-error.ts";
import type { IndicatorSetDefinition } from "../../../core/mpi/default-indicator-set.ts";
import { scoreMpiUnit } from "../../../core/mpi/mpi.ts";

export type AnswerValue = string | number | boolean | null;

export interface ScoredAssessment {
  score: number;
  poor: boolean;
  mask: number;
  deprivedIds: string[];
  /** The answers keyed by indicator column, as stored. */
  values: Record<string, AnswerValue>;
}

/** Field problems of the answers (empty when they can be scored). */
export function scoreAnswers(
  definition: IndicatorSetDefinition,
  answers: Readonly<Record<string, AnswerValue>>,
): { ok: true; scored: ScoredAssessment } | { ok: false; problems: FieldProblem[] } {
  const values: Record<string, AnswerValue> = {};
  for (const indicator of definition.indicators) values[indicator.column] = answers[indicator.column] ?? null;
  const unit = scoreMpiUnit(values, definition);
  const labelOf = (id: string) => {
    const indicator = definition.indicators.find((i) => i.id === id);
    return { column: indicator?.column ?? id, label: indicator?.label ?? { id, en: id } };
  };
  const problems: FieldProblem[] = [
    ...unit.missing.map((id) => {
      const { column, label } = labelOf(id);
      return {
        field: `values.${column}`,
        code: "answer_missing",
        message: { id: `${label.id}: jawaban wajib diisi.`, en: `${label.en}: an answer is required.` },
      };
    }),
    ...unit.invalid.map((id) => {
      const { column, label } = labelOf(id);
      return {
        field: `values.${column}`,
        code: "answer_not_numeric",
        message: {
          id: `${label.id}: jawaban harus berupa angka.`,
          en: `${label.en}: the answer must be a number.`,
        },
        value: String(values[column]),
      };
    }),
  ];
  if (problems.length > 0 || unit.score === null || unit.poor === null) return { ok: false, problems };
  let mask = 0;
  const deprivedIds: string[] = [];
  unit.indicators.forEach((indicator, j) => {
    if (!indicator.deprived) return;
    mask |= 1 << j;
    deprivedIds.push(indicator.id);
  });
  return { ok: true, scored: { score: unit.score, poor: unit.poor, mask, deprivedIds, values } };
}
