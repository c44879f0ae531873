/**
 * Indicator sets: versioned definitions of the measure. A version is never changed: defining a set
 * under an existing code makes the next version, so every assessment keeps pointing at exactly the
 * rules it was scored with. The default set (IKM Peduli) is created on first use.
 */

import type { CreateIndicatorSetBody } from "../../../core/api/assessments.schema.ts";
import { AppError, notFound } from "../../../core/errors/app-error.ts";
import {
  DEFAULT_INDICATOR_SET,
  DEFAULT_INDICATOR_SET_CODE,
  DEFAULT_INDICATOR_SET_NAME,
  type IndicatorSetDefinition,
  validateIndicatorSet,
} from "../../../core/mpi/default-indicator-set.ts";
import type { Db } from "../../db/database.ts";
import { newId, nowIso } from "../../db/ids.ts";
import { inTransaction } from "../../db/transaction.ts";
import * as audit from "../audit/audit.service.ts";
import { type Actor, assertPermission } from "../auth/actor.ts";
import type { IndicatorSetRow } from "./assessments.table.ts";
import * as repo from "./indicator-sets.repository.ts";

/** A stored set with its definition parsed. */
export interface LoadedIndicatorSet {
  row: IndicatorSetRow;
  definition: IndicatorSetDefinition;
}

const SET = (id: string) => ({ id: `Set indikator ${id}`, en: `Indicator set ${id}` });

export function loadSet(row: IndicatorSetRow): LoadedIndicatorSet {
  return { row, definition: JSON.parse(row.definition_json) as IndicatorSetDefinition };
}

/** The newest version of the default set, created (version 1) when the database has none. */
export async function ensureDefaultIndicatorSet(db: Db): Promise<LoadedIndicatorSet> {
  const existing = await repo.latestVersion(db, DEFAULT_INDICATOR_SET_CODE);
  if (existing) return loadSet(existing);
  const row: IndicatorSetRow = {
    id: newId(),
    code: DEFAULT_INDICATOR_SET_CODE,
    version: 1,
    name: DEFAULT_INDICATOR_SET_NAME,
    description:
      "Kriteria BPS rumah tangga miskin dan Kepmensos 262/HUK/2022 dalam lima dimensi berbobot sama; k = 1/3.",
    definition_json: JSON.stringify(DEFAULT_INDICATOR_SET),
    created_by: null,
    created_at: nowIso(),
  };
  await repo.insertIndicatorSet(db, row);
  return loadSet(row);
}

/** A set by id, or the default set when no id is given; 404 for an unknown id. */
export async function resolveIndicatorSet(db: Db, id: string | undefined): Promise<LoadedIndicatorSet> {
  if (id === undefined) return ensureDefaultIndicatorSet(db);
  const row = await repo.findIndicatorSet(db, id);
  if (!row) throw notFound(SET(id));
  return loadSet(row);
}

export async function listIndicatorSets(db: Db) {
  await ensureDefaultIndicatorSet(db);
  return repo.listIndicatorSets(db);
}

export async function getIndicatorSet(db: Db, id: string) {
  const set = await resolveIndicatorSet(db, id);
  return { ...set, assessments: await repo.countAssessmentsOfSet(db, id) };
}

/**
 * Stores a new set, or the next version of an existing code. The definition is checked by the
 * engine's validator; every issue comes back as a field problem in both languages.
 */
export async function createIndicatorSet(db: Db, actor: Actor, body: CreateIndicatorSetBody) {
  assertPermission(actor, "system:settings");
  const issues = validateIndicatorSet(body.definition);
  if (issues.length > 0) {
    throw new AppError(
      "validation_failed",
      {},
      issues.map((issue) => ({
        field: issue.field ? `definition.${issue.field}` : "definition",
        code: "indicator_set_invalid",
        message: issue.message,
      })),
    );
  }
  return inTransaction(db, async (trx) => {
    await ensureDefaultIndicatorSet(trx);
    const previous = await repo.latestVersion(trx, body.code);
    const row: IndicatorSetRow = {
      id: newId(),
      code: body.code,
      version: (previous?.version ?? 0) + 1,
      name: body.name,
      description: body.description ?? null,
      definition_json: JSON.stringify(body.definition),
      created_by: actor.userId,
      created_at: nowIso(),
    };
    await repo.insertIndicatorSet(trx, row);
    await audit.record(trx, {
      by: actor,
      action: "create",
      table: "indicator_sets",
      recordId: row.id,
      regionCode: null,
      after: { code: row.code, version: row.version, name: row.name },
    });
    return { ...loadSet(row), assessments: 0 };
  });
}
