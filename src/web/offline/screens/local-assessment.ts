/**
 * The assessment verdict on the phone: the same engine the server scores with (src/core/mpi), run
 * on the held indicator set, so the worker sees poor / not poor and the deprivations without
 * signal. The server scores the queued assessment again when it arrives; both must agree.
 */
import { deprivedText, type IndicatorSetDefinition } from "../../../core/mpi/default-indicator-set.ts";
import { scoreMpiUnit } from "../../../core/mpi/mpi.ts";
import type { Verdict } from "../../features/assessments/assessment-verdict.tsx";
import type { Answer } from "../../features/assessments/indicator-answers.tsx";

/** The held indicator set as the phone keeps it (the indicator-set route's answer). */
export interface HeldIndicatorSet {
  id: string;
  name: string;
  version: number;
  definition: IndicatorSetDefinition;
}

/** Reads a held `indicator_sets` record; null when it does not carry a usable definition. */
export function toHeldSet(data: Record<string, unknown>): HeldIndicatorSet | null {
  const definition = data.definition as IndicatorSetDefinition | undefined;
  if (typeof data.id !== "string" || !definition || !Array.isArray(definition.indicators)) return null;
  return {
    id: data.id,
    name: typeof data.name === "string" ? data.name : data.id,
    version: typeof data.version === "number" ? data.version : 1,
    definition,
  };
}

export type LocalVerdict =
  | { complete: true; verdict: Verdict; values: Record<string, Answer> }
  | { complete: false; missing: string[]; invalid: string[] };

/** Scores the answers as the server will: every indicator must be answered. */
export function localVerdict(
  definition: IndicatorSetDefinition,
  answers: Readonly<Record<string, Answer>>,
): LocalVerdict {
  const values: Record<string, Answer> = {};
  for (const indicator of definition.indicators) values[indicator.column] = answers[indicator.column] ?? null;
  const unit = scoreMpiUnit(values, definition);
  if (unit.score === null || unit.poor === null)
    return { complete: false, missing: [...unit.missing], invalid: [...unit.invalid] };
  const deprived = unit.indicators
    .filter((i) => i.deprived)
    .map((i) => {
      const indicator = definition.indicators.find((d) => d.id === i.id)!;
      return { id: i.id, text: { id: deprivedText(indicator, "id"), en: deprivedText(indicator, "en") } };
    });
  return {
    complete: true,
    verdict: { poor: unit.poor, score: unit.score, k: definition.k, deprived },
    values,
  };
}
