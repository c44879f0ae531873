/** The fields of assessments that leave the server. */
import type { AssessmentDto } from "../../../core/api/assessments.schema.ts";
import type { IndicatorSetDefinition } from "../../../core/mpi/default-indicator-set.ts";
import type { AnswerValue } from "./assessment-scoring.ts";
import type { AssessmentRow, IndicatorSetRow } from "./assessments.table.ts";

/** Deprived indicators with their plain-language sentence, in the set's order. */
export function presentDeprived(definition: IndicatorSetDefinition, deprivedIds: string) {
  const ids = new Set(deprivedIds === "" ? [] : deprivedIds.split(","));
  return definition.indicators
    .filter((i) => ids.has(i.id))
    .map((i) => ({
      id: i.id,
      dimension: i.dimension,
      text: i.deprivedText ?? i.label ?? { id: i.id, en: i.id },
    }));
}

export function presentSetRef(row: IndicatorSetRow, definition: IndicatorSetDefinition) {
  return { id: row.id, name: row.name, version: row.version, k: definition.k };
}

export function presentAssessment(
  row: AssessmentRow,
  set: { row: IndicatorSetRow; definition: IndicatorSetDefinition },
): AssessmentDto {
  return {
    id: row.id,
    householdId: row.household_id,
    regionCode: row.region_code,
    rw: row.rw,
    indicatorSet: presentSetRef(set.row, set.definition),
    assessedOn: row.assessed_on,
    period: row.period,
    householdSize: Number(row.household_size),
    values: JSON.parse(row.values_json) as Record<string, AnswerValue>,
    score: Number(row.score),
    poor: Number(row.is_poor) === 1,
    deprived: presentDeprived(set.definition, row.deprived_ids),
    latestInPeriod: Number(row.is_latest) === 1,
    createdAt: row.created_at,
  };
}

export function presentIndicatorSet(
  row: IndicatorSetRow,
  definition: IndicatorSetDefinition,
  assessments: number,
) {
  return {
    id: row.id,
    code: row.code,
    version: row.version,
    name: row.name,
    description: row.description,
    indicatorCount: definition.indicators.length,
    k: definition.k,
    assessments,
    createdAt: row.created_at,
  };
}
