/**
 * Import of a DTSEN extract (docs/dtsen.md): one streaming pass over a CSV or XLSX file inside
 * one transaction. Each row is checked (src/core/dtsen/dtsen-row.ts) with the file-wide rules (a
 * NIK repeated; one KK with two desil), and accepted rows are matched and written in batches
 * (dtsen-import.writer.ts). Atomic by default: a rejected row rolls everything back, and a dry run
 * does the whole import and rolls it back, so its summary says exactly what a real run would do.
 * A second import of the same extract finds every row and changes nothing.
 */
import { basename } from "node:path";
import type { Kysely } from "kysely";
import { checkDtsenHeader, type DtsenColumn } from "../../../core/dtsen/dtsen-columns.ts";
import { type DtsenRowValue, desilConflictProblem, validateDtsenRow } from "../../../core/dtsen/dtsen-row.ts";
import { requirePeriod } from "../../../core/dtsen/period.ts";
import { AppError } from "../../../core/errors/app-error.ts";
import { repeatedNikProblem } from "../../../core/registry/person-row.ts";
import type { Database, Db } from "../../db/database.ts";
import { newId, nowIso } from "../../db/ids.ts";
import type { AuditBy } from "../audit/audit.service.ts";
import * as audit from "../audit/audit.service.ts";
import type { RowProblem } from "../imports/person-import.check.ts";
import { type ImportTarget, inImportTransaction, rowWriter } from "../imports/person-import.service.ts";
import { SeenIndex } from "../imports/seen-index.ts";
import { readTabular, type TabularSource } from "../imports/tabular-reader.ts";
import { ensureCatalogues } from "../ppks/ppks-catalogue.ts";
import { insertImport } from "./dtsen.repository.ts";
import { type DtsenCounts, DtsenWriter } from "./dtsen-import.writer.ts";

export interface DtsenImportOptions {
  /** YYYY-Qn: the quarter of the extract. */
  period: string;
  skipInvalid?: boolean;
  dryRun?: boolean;
  /** Who imports, for the audit trail and the persons added. */
  by?: AuditBy;
  /** Only rows whose kelurahan passes this check are accepted (the importer's region scope). */
  allowRegion?: (regionCode: string) => boolean;
  /** The file's name as recorded (default: the path's last part, or "upload"). */
  fileName?: string;
  today?: Date;
}

export interface DtsenImportSummary extends DtsenCounts {
  period: string;
  read: number;
  rejected: number;
  /** Distinct families (KK numbers) among the accepted rows. */
  families: number;
}

export interface DtsenImportResult {
  summary: DtsenImportSummary;
  problems: RowProblem[];
  unknownColumns: string[];
  written: boolean;
  /** The import's record (null when nothing was written). */
  importId: string | null;
}

const BATCH = 2000;

/** Thrown inside the transaction to roll it back (dry run, or atomic with rejected rows). */
class RollBack extends Error {
  constructor(readonly result: DtsenImportResult) {
    super("rolled back");
  }
}

function headerProblems(cells: readonly string[]) {
  const header = checkDtsenHeader(cells);
  const problems = [
    ...header.missing.map((c) => ({
      field: `baris 1, kolom ${c}`,
      code: "column_missing",
      message: { id: `Kolom wajib ${c} tidak ada.`, en: `Required column ${c} is missing.` },
    })),
    ...header.duplicated.map((c) => ({
      field: `baris 1, kolom ${c}`,
      code: "column_repeated",
      message: { id: `Kolom ${c} muncul dua kali.`, en: `Column ${c} appears twice.` },
    })),
  ];
  if (problems.length > 0) throw new AppError("file_invalid", { count: 1 }, problems);
  return header;
}

/** Imports a DTSEN extract for `options.period`. */
export async function importDtsen(
  target: ImportTarget,
  source: TabularSource,
  options: DtsenImportOptions,
): Promise<DtsenImportResult> {
  const period = requirePeriod(options.period);
  await ensureCatalogues(target.db);
  const importId = newId();
  const now = nowIso();
  const atomic = !options.skipInvalid;
  try {
    return await inImportTransaction(target, async (db, store) => {
      const persons = rowWriter(store, { actorId: options.by?.userId ?? null, ppksSource: "dtks" });
      const writer = new DtsenWriter(db, persons, period, importId, now);
      const read = await readExtract(db, source, options, async (batch) => {
        await writer.writeBatch(batch);
      });
      await writer.finish();
      const summary: DtsenImportSummary = { period, ...read.counts, ...writer.summary() };
      const result: DtsenImportResult = {
        summary,
        problems: read.problems,
        unknownColumns: read.unknownColumns,
        written: true,
        importId,
      };
      if (options.dryRun || (atomic && summary.rejected > 0)) {
        throw new RollBack({ ...result, written: false, importId: null });
      }
      await insertImport(db, {
        id: importId,
        period,
        file_name: options.fileName ?? ("path" in source ? basename(source.path) : "upload"),
        read_rows: summary.read,
        matched: summary.matched,
        created: summary.created,
        differing: summary.differing,
        rejected: summary.rejected,
        changes: summary.changes,
        actor_id: options.by?.userId ?? null,
        created_at: now,
      });
      await audit.record(db, {
        by: options.by ?? { userId: null, username: null, ip: null },
        action: "create",
        table: "dtsen_imports",
        recordId: importId,
        regionCode: null,
        detail: { summary },
      });
      return result;
    });
  } catch (error) {
    if (error instanceof RollBack) return error.result;
    throw error;
  }
}

interface ReadOutcome {
  counts: { read: number; rejected: number; families: number };
  problems: RowProblem[];
  unknownColumns: string[];
}

/** Reads and checks the whole file, handing batches of accepted rows to `sink`. */
async function readExtract(
  db: Db | Kysely<Database>,
  source: TabularSource,
  options: DtsenImportOptions,
  sink: (batch: DtsenRowValue[]) => Promise<void>,
): Promise<ReadOutcome> {
  const kelurahan = new Set(
    (await db.selectFrom("regions").select("code").where("kind", "in", ["kelurahan", "desa"]).execute()).map(
      (r) => r.code,
    ),
  );
  const ppks = new Set((await db.selectFrom("ppks_categories").select("code").execute()).map((r) => r.code));
  const context = {
    knownKelurahan: (code: string) => kelurahan.has(code),
    knownPpks: (code: string) => ppks.has(code),
    today: options.today ?? new Date(),
  };
  const atomic = !options.skipInvalid;
  const seen = new SeenIndex();
  const problems: RowProblem[] = [];
  let columns: (DtsenColumn | null)[] | null = null;
  let unknownColumns: string[] = [];
  let read = 0;
  let rejected = 0;
  let batch: DtsenRowValue[] = [];
  const reject = (row: number, found: readonly Omit<RowProblem, "row">[]) => {
    rejected++;
    for (const p of found) problems.push({ row, ...p });
  };
  for await (const { row, cells } of readTabular(source)) {
    if (columns === null) {
      const header = headerProblems(cells);
      columns = header.columns;
      unknownColumns = header.unknown;
      continue;
    }
    read++;
    const record: Partial<Record<DtsenColumn, string>> = {};
    columns.forEach((column, i) => {
      if (column !== null) record[column] = cells[i] ?? "";
    });
    const checked = validateDtsenRow(record, context);
    if (!checked.ok) {
      reject(row, checked.problems);
      continue;
    }
    const { person, desil } = checked.value;
    if (options.allowRegion && !options.allowRegion(person.regionCode)) {
      reject(row, [
        {
          column: "kode_kelurahan",
          value: person.regionCode,
          code: "region_out_of_scope",
          id: `Kelurahan ${person.regionCode} di luar wilayah tugas Anda.`,
          en: `Kelurahan ${person.regionCode} is outside your assigned region.`,
        },
      ]);
      continue;
    }
    const firstNik = seen.firstNik(person.nik);
    if (firstNik !== undefined) {
      reject(row, [repeatedNikProblem(person.nik, firstNik)]);
      continue;
    }
    const family = seen.firstKk(person.kkNumber);
    if (family && family.key !== desil) {
      reject(row, [desilConflictProblem(person.kkNumber, desil, family.row, family.key)]);
      continue;
    }
    seen.claimNik(person.nik, row);
    if (!family) seen.addKk(person.kkNumber, row, desil);
    // After a rejection an atomic import is rolled back anyway: the rest is only checked.
    if (atomic && rejected > 0) continue;
    batch.push(checked.value);
    if (batch.length >= BATCH) {
      await sink(batch);
      batch = [];
    }
  }
  if (columns === null) {
    throw new AppError("file_invalid", { count: 1 }, [
      {
        field: "baris 1",
        code: "file_empty",
        message: {
          id: "Berkas kosong: baris judul kolom tidak ada.",
          en: "The file is empty: no header row.",
        },
      },
    ]);
  }
  if (batch.length > 0 && !(atomic && rejected > 0)) await sink(batch);
  return { counts: { read, rejected, families: seen.kkCount() }, problems, unknownColumns };
}
