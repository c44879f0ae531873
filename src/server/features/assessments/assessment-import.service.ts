/**
 * Bulk import of household assessments from CSV or XLSX: one row per visit, the household named by
 * its KK number (`kk`) or id (`keluarga_id`), the visit date (`tanggal`, YYYY-MM-DD) and one column
 * per indicator of the set (its `column` names). Same reader, row numbering, error report and
 * all-or-nothing rule as the person import (src/server/features/imports/): every row is checked
 * first; unless a row is rejected (or `skipInvalid` is set) the rows are then written in ONE
 * transaction, each scored by the engine exactly as the form does. Dry runs write nothing.
 */
import type { Kysely } from "kysely";
import { allocateSeq } from "../../db/change-log.ts";
import type { Database, Db } from "../../db/database.ts";
import { findHouseholdAnywhere, findHouseholdByKk } from "../households/households.repository.ts";
import type { HouseholdRow } from "../households/households.table.ts";
import type { RowProblem } from "../imports/person-import.service.ts";
import { readTabular, type TabularSource } from "../imports/tabular-reader.ts";
import { type AnswerValue, type ScoredAssessment, scoreAnswers } from "./assessment-scoring.ts";
import { countLivingMembers, insertAssessment } from "./assessments.repository.ts";
import { assessmentRow } from "./assessments.service.ts";
import { type LoadedIndicatorSet, resolveIndicatorSet } from "./indicator-sets.service.ts";

export interface AssessmentImportOptions {
  skipInvalid?: boolean;
  dryRun?: boolean;
  /** Indicator-set version id; default: the newest version of the default set. */
  indicatorSetId?: string;
  actorId?: string | null;
  /** Only households whose kelurahan passes are accepted (the importer's region scope). */
  allowRegion?: (regionCode: string) => boolean;
}

export interface AssessmentImportResult {
  summary: { read: number; inserted: number; rejected: number };
  problems: RowProblem[];
  unknownColumns: string[];
  written: boolean;
}

interface Accepted {
  household: HouseholdRow;
  assessedOn: string;
  scored: ScoredAssessment;
}

const problem = (
  row: number,
  column: string,
  value: string,
  code: string,
  id: string,
  en: string,
): RowProblem => ({
  row,
  column,
  value,
  code,
  id,
  en,
});

/** A cell as the engine reads it: numbers and ya/tidak become numbers and booleans; empty is missing. */
function cellValue(text: string, input: { type: string } | undefined): AnswerValue {
  const value = text.trim();
  if (value === "") return null;
  if (input?.type === "boolean") {
    const lower = value.toLowerCase();
    if (["ya", "y", "yes", "true", "1"].includes(lower)) return true;
    if (["tidak", "t", "no", "false", "0"].includes(lower)) return false;
    return value;
  }
  if (input?.type === "number") {
    const n = Number(value.replace(",", "."));
    return Number.isFinite(n) ? n : value;
  }
  return value;
}

async function checkRow(
  db: Db,
  set: LoadedIndicatorSet,
  record: Record<string, string>,
  row: number,
  options: AssessmentImportOptions,
): Promise<{ ok: true; accepted: Accepted } | { ok: false; problems: RowProblem[] }> {
  const problems: RowProblem[] = [];
  const kk = (record.kk ?? "").trim();
  const id = (record.keluarga_id ?? "").trim();
  const household = id
    ? await findHouseholdAnywhere(db, id)
    : kk
      ? await findHouseholdByKk(db, kk)
      : undefined;
  const column = id ? "keluarga_id" : "kk";
  if (!household || (options.allowRegion && !options.allowRegion(household.region_code))) {
    problems.push(
      problem(
        row,
        column,
        id || kk,
        "household_not_found",
        "Keluarga tidak ditemukan di wilayah Anda.",
        "No such household in your region.",
      ),
    );
  }
  const assessedOn = (record.tanggal ?? "").trim();
  const date = new Date(`${assessedOn}T00:00:00Z`);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(assessedOn) ||
    Number.isNaN(date.getTime()) ||
    date.getTime() > Date.now() + 86400000
  ) {
    problems.push(
      problem(
        row,
        "tanggal",
        assessedOn,
        "date_invalid",
        "Tanggal kunjungan harus YYYY-MM-DD dan tidak di masa depan.",
        "The visit date must be YYYY-MM-DD and not in the future.",
      ),
    );
  }
  const answers: Record<string, AnswerValue> = {};
  for (const indicator of set.definition.indicators)
    answers[indicator.column] = cellValue(record[indicator.column] ?? "", indicator.input);
  const scored = scoreAnswers(set.definition, answers);
  if (!scored.ok) {
    for (const p of scored.problems) {
      const col = p.field.replace(/^values\./, "");
      problems.push(problem(row, col, record[col] ?? "", p.code, p.message.id, p.message.en));
    }
  }
  if (problems.length > 0 || !scored.ok || !household) return { ok: false, problems };
  return { ok: true, accepted: { household, assessedOn, scored: scored.scored } };
}

/** Reads, checks and (unless rejected or a dry run) writes the assessments of a file. */
export async function importAssessments(
  db: Kysely<Database>,
  source: TabularSource,
  options: AssessmentImportOptions = {},
): Promise<AssessmentImportResult> {
  const set = await resolveIndicatorSet(db, options.indicatorSetId);
  const known = new Set(["kk", "keluarga_id", "tanggal", ...set.definition.indicators.map((i) => i.column)]);
  const problems: RowProblem[] = [];
  let columns: string[] | null = null;
  let unknownColumns: string[] = [];
  let read = 0;
  let rejected = 0;
  const pass = async (accept: ((a: Accepted) => Promise<void>) | null, target: Db) => {
    columns = null;
    for await (const { row, cells } of readTabular(source)) {
      if (columns === null) {
        columns = cells.map((c) => c.trim().toLowerCase());
        unknownColumns = columns.filter((c) => c !== "" && !known.has(c));
        continue;
      }
      const record: Record<string, string> = {};
      columns.forEach((c, i) => {
        if (c !== "" && record[c] === undefined) record[c] = cells[i] ?? "";
      });
      const checked = await checkRow(target, set, record, row, options);
      if (accept === null) {
        read++;
        if (!checked.ok) {
          rejected++;
          problems.push(...checked.problems);
        }
      } else if (checked.ok) await accept(checked.accepted);
    }
  };
  await pass(null, db);
  const writable = read - rejected;
  if (options.dryRun || writable === 0 || (rejected > 0 && !options.skipInvalid)) {
    return { summary: { read, inserted: 0, rejected }, problems, unknownColumns, written: false };
  }
  let inserted = 0;
  await db.transaction().execute(async (trx) => {
    await pass(async ({ household, assessedOn, scored }) => {
      const row = assessmentRow({
        household,
        setId: set.row.id,
        assessedOn,
        householdSize: await countLivingMembers(trx, household.id),
        scored,
        assessorId: options.actorId ?? null,
        seq: await allocateSeq(trx),
      });
      await insertAssessment(trx, row);
      inserted++;
    }, trx);
  });
  return { summary: { read, inserted, rejected }, problems, unknownColumns, written: true };
}
