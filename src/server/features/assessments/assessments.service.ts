/**
 * Household assessments: a TKSK or PSM records a household's answers on a date; the engine scores
 * them at once and the verdict is stored with the answers. Every visit makes a new assessment (the
 * history stays), each tied to the indicator-set version used.
 */
import { type CreateAssessmentBody, periodOf } from "../../../core/api/assessments.schema.ts";
import { AppError, notFound } from "../../../core/errors/app-error.ts";
import { allocateSeq } from "../../db/change-log.ts";
import type { Db } from "../../db/database.ts";
import { newId, nowIso } from "../../db/ids.ts";
import { inTransaction } from "../../db/transaction.ts";
import * as audit from "../audit/audit.service.ts";
import { type Actor, assertPermission } from "../auth/actor.ts";
import { findHousehold } from "../households/households.repository.ts";
import type { HouseholdRow } from "../households/households.table.ts";
import { type ScoredAssessment, scoreAnswers } from "./assessment-scoring.ts";
import { presentAssessment } from "./assessments.presenter.ts";
import * as repo from "./assessments.repository.ts";
import type { NewAssessmentRow } from "./assessments.table.ts";
import { findIndicatorSet } from "./indicator-sets.repository.ts";
import { type LoadedIndicatorSet, loadSet, resolveIndicatorSet } from "./indicator-sets.service.ts";

const HOUSEHOLD = (id: string) => ({ id: `Rumah tangga ${id}`, en: `Household ${id}` });

/** The row of a scored assessment, ready to insert (seq and is_latest are set on insert). */
export function assessmentRow(input: {
  household: Pick<HouseholdRow, "id" | "region_code" | "rw">;
  setId: string;
  assessedOn: string;
  householdSize: number;
  scored: ScoredAssessment;
  assessorId: string | null;
  isDemo?: boolean;
  seq: number;
  /** A client-made id (an assessment recorded on a phone offline); default a new one. */
  id?: string;
}): NewAssessmentRow {
  return {
    id: input.id ?? newId(),
    household_id: input.household.id,
    region_code: input.household.region_code,
    rw: input.household.rw,
    indicator_set_id: input.setId,
    assessed_on: input.assessedOn,
    period: periodOf(input.assessedOn),
    household_size: Math.max(1, input.householdSize),
    values_json: JSON.stringify(input.scored.values),
    score: input.scored.score,
    is_poor: input.scored.poor ? 1 : 0,
    deprivation_mask: input.scored.mask,
    deprived_ids: input.scored.deprivedIds.join(","),
    is_latest: 0,
    assessor_id: input.assessorId,
    is_demo: input.isDemo ? 1 : 0,
    seq: input.seq,
    created_at: nowIso(),
  };
}

function checkDate(assessedOn: string): void {
  const date = new Date(`${assessedOn}T00:00:00Z`);
  const valid = !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === assessedOn;
  const future = valid && date.getTime() > Date.now() + 24 * 3600 * 1000;
  if (!valid || future) {
    throw new AppError("validation_failed", {}, [
      {
        field: "assessedOn",
        code: valid ? "date_in_future" : "date_invalid",
        message: valid
          ? {
              id: "Tanggal penilaian tidak boleh di masa depan.",
              en: "The assessment date cannot be in the future.",
            }
          : {
              id: "Tanggal penilaian tidak valid (YYYY-MM-DD).",
              en: "The assessment date is not valid (YYYY-MM-DD).",
            },
        value: assessedOn,
      },
    ]);
  }
}

/**
 * Records a new assessment of a household in the actor's region and returns it scored. `options.id`
 * keeps a client-made id (offline sync): an assessment already stored under it for the same
 * household is returned as it is, so the phone's copy and the server's share their id.
 */
export async function createAssessment(
  db: Db,
  actor: Actor,
  householdId: string,
  body: CreateAssessmentBody,
  options: { id?: string } = {},
) {
  assertPermission(actor, "households:write");
  checkDate(body.assessedOn);
  return inTransaction(db, async (trx) => {
    const household = await findHousehold(trx, householdId, actor.scope);
    if (!household) throw notFound(HOUSEHOLD(householdId));
    if (options.id) {
      const existing = await repo.findAssessment(trx, options.id);
      if (existing && existing.household_id !== householdId)
        throw notFound({ id: `Penilaian ${options.id}`, en: `Assessment ${options.id}` });
      if (existing) {
        const used = await findIndicatorSet(trx, existing.indicator_set_id);
        return presentAssessment(existing, loadSet(used!));
      }
    }
    const set = await resolveIndicatorSet(trx, body.indicatorSetId);
    const result = scoreAnswers(set.definition, body.values);
    if (!result.ok) throw new AppError("validation_failed", {}, result.problems);
    const row = assessmentRow({
      household,
      setId: set.row.id,
      assessedOn: body.assessedOn,
      householdSize: await repo.countLivingMembers(trx, household.id),
      scored: result.scored,
      assessorId: actor.userId,
      seq: await allocateSeq(trx),
      ...(options.id ? { id: options.id } : {}),
    });
    await repo.insertAssessment(trx, row);
    await audit.record(trx, {
      by: actor,
      action: "create",
      table: "assessments",
      recordId: row.id,
      regionCode: household.region_code,
      after: { householdId, assessedOn: row.assessed_on, score: row.score, poor: row.is_poor === 1 },
    });
    const stored = await repo.findAssessment(trx, row.id);
    return presentAssessment(stored!, set);
  });
}

/** A household's assessment history, newest first, each with the set version it used. */
export async function listAssessments(db: Db, actor: Actor, householdId: string) {
  assertPermission(actor, "households:read");
  const household = await findHousehold(db, householdId, actor.scope);
  if (!household) throw notFound(HOUSEHOLD(householdId));
  const rows = await repo.listHouseholdAssessments(db, householdId);
  const sets = new Map<string, LoadedIndicatorSet>();
  for (const id of new Set(rows.map((r) => r.indicator_set_id))) {
    const set = await findIndicatorSet(db, id);
    if (set) sets.set(id, loadSet(set));
  }
  if (rows.length === 0) await resolveIndicatorSet(db, undefined);
  return { items: rows.map((r) => presentAssessment(r, sets.get(r.indicator_set_id)!)) };
}
