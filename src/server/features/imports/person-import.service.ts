/**
 * Bulk import of persons (one row per person, households matched by KK number) from CSV or XLSX.
 *
 * One streaming pass over the file, so memory stays flat whatever its size: every row is validated
 * (src/core/registry/person-row.ts) with the file-wide rules (a NIK repeated, one KK with two
 * addresses), and, unless this is a dry run, accepted rows are written block by block inside ONE
 * transaction, rolled back at the end when an atomic import had rejected rows. A killed import
 * therefore leaves the database as it was before it started.
 * Persons are matched by NIK (updated, never duplicated) and households by KK number, so running
 * the same file again changes nothing. See docs/import.md.
 */
import type { Kysely } from "kysely";
import { AppError, type FieldProblem } from "../../../core/errors/app-error.ts";
import { normalizeName, phoneticKey, phoneticKeyOfNormalized } from "../../../core/identity/person-name.ts";
import {
  type CellProblem,
  checkPersonHeader,
  householdConflictProblem,
  householdKey,
  type PersonRowValue,
  repeatedNikProblem,
  validatePersonRow,
} from "../../../core/registry/person-row.ts";
import type { Database, Db } from "../../db/database.ts";
import { newId, nowIso } from "../../db/ids.ts";
import { EmptyFileError, readDelimited } from "../../files/delimited-reader.ts";
import { ensureCatalogues } from "../ppks/ppks-catalogue.ts";
import {
  type ExistingHousehold,
  type ImportStore,
  kyselyImportStore,
  memorySeenIndex,
  type PersonWrite,
  type SeenIndex,
  sqliteImportStore,
  sqliteSeenIndex,
} from "./person-import.repository.ts";
import { detectFormat, readTabular, type TabularSource } from "./tabular-reader.ts";

export const PPKS_SOURCES = ["temuan_lapangan", "laporan_warga", "dtks", "rujukan_instansi"] as const;
export type PpksSource = (typeof PPKS_SOURCES)[number];

export interface PersonImportOptions {
  /** Write the valid rows and report the rest (default: all or nothing). */
  skipInvalid?: boolean;
  /** Validate only. */
  dryRun?: boolean;
  /** Source recorded on the PPKS classifications the file carries (default dtks). */
  ppksSource?: PpksSource;
  /** Who imports (user id), recorded on events and classifications. */
  actorId?: string | null;
  /** Only rows whose kelurahan passes this check are accepted (the importer's region scope). */
  allowRegion?: (regionCode: string) => boolean;
  today?: Date;
  /** Runs inside the import's transaction just before it commits (the upload route audits here). */
  beforeCommit?: (db: Db, summary: PersonImportSummary) => Promise<void>;
}

export interface PersonImportSummary {
  read: number;
  inserted: number;
  updated: number;
  rejected: number;
  /** Distinct households (KK numbers) of the written rows. */
  households: number;
}

export interface RowProblem extends CellProblem {
  /** Row number as a spreadsheet shows it: the header is row 1. */
  row: number;
}

export interface PersonImportResult {
  summary: PersonImportSummary;
  /** Rejected rows' problems, in file order. */
  problems: RowProblem[];
  /** Columns of the file that the format does not know; they were ignored. */
  unknownColumns: string[];
  /** True when nothing was written (dry run, or atomic mode with rejected rows). */
  written: boolean;
}

/** The database the import writes to: the query builder, plus the raw SQLite connection if any. */
export interface ImportTarget {
  db: Kysely<Database>;
  sqlite?: import("better-sqlite3").Database;
}

interface ValidationPass {
  read: number;
  rejectedRows: Set<number>;
  problems: RowProblem[];
  unknownColumns: string[];
}

async function loadContext(db: Kysely<Database>, options: PersonImportOptions) {
  await ensureCatalogues(db);
  const [regions, ppks] = await Promise.all([
    db.selectFrom("regions").select("code").where("kind", "in", ["kelurahan", "desa"]).execute(),
    db.selectFrom("ppks_categories").select("code").where("active", "=", 1).execute(),
  ]);
  const kelurahan = new Set(regions.map((r) => r.code));
  const ppksCodes = new Set(ppks.map((r) => r.code));
  return {
    knownKelurahan: (code: string) => kelurahan.has(code),
    knownPpks: (code: string) => ppksCodes.has(code),
    today: options.today,
  };
}

function outOfScopeProblem(code: string): CellProblem {
  return {
    column: "kode_kelurahan",
    value: code,
    code: "region_out_of_scope",
    id: `Kelurahan ${code} di luar wilayah tugas Anda.`,
    en: `Kelurahan ${code} is outside your assigned region.`,
  };
}

type Accept = (v: PersonRowValue) => Promise<void> | void;

/**
 * Validation of a file's rows in order. Accepted rows are queued and handed to the writer in
 * `flush`, called by the reader after each block of about 1 MB (so the per-row path stays
 * synchronous and memory stays bounded by one block), until the first rejection when
 * `stopWritingOnReject` (atomic mode: the transaction will be rolled back anyway, so the rest is
 * only validated).
 */
class FileCheck {
  columns: string[] | null = null;
  unknownColumns: string[] = [];
  read = 0;
  readonly problems: RowProblem[] = [];
  readonly rejectedRows = new Set<number>();
  private writing: boolean;
  private queue: PersonRowValue[] = [];
  /** One record object, refilled for every row (validatePersonRow does not keep it). */
  private record: Record<string, string> = {};

  constructor(
    private readonly context: Awaited<ReturnType<typeof loadContext>>,
    private readonly options: PersonImportOptions,
    private readonly accept: Accept | null,
    private readonly stopWritingOnReject: boolean,
    private readonly seen: SeenIndex,
  ) {
    this.writing = accept !== null;
  }

  /** Checks the header row; returns the positions of the format's columns. */
  header(cells: readonly string[]): number[] {
    const header = checkPersonHeader(cells);
    const headerProblems: FieldProblem[] = [
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
    if (headerProblems.length > 0) throw new AppError("file_invalid", { count: 1 }, headerProblems);
    this.columns = header.columns;
    this.unknownColumns = header.unknown;
    const positions: number[] = [];
    const taken = new Set<string>();
    header.columns.forEach((column, i) => {
      if (column !== "" && !taken.has(column)) {
        taken.add(column);
        positions.push(i);
      }
    });
    return positions;
  }

  row(cells: readonly (string | undefined)[], row: number): void {
    const columns = this.columns as string[];
    const record = this.record;
    for (let i = columns.length - 1; i >= 0; i--) {
      // The first of two same-named (unknown) columns wins, as it always has.
      const column = columns[i] as string;
      if (column !== "") record[column] = cells[i] ?? "";
    }
    this.read++;
    const result = validatePersonRow(record, this.context);
    const rowProblems: CellProblem[] = result.ok ? [] : result.problems;
    if (result.ok) {
      const v = result.value;
      if (this.options.allowRegion && !this.options.allowRegion(v.regionCode)) {
        rowProblems.push(outOfScopeProblem(v.regionCode));
      }
      const key = householdKey(v);
      const firstKk = this.seen.firstKk(v.kkNumber);
      const kkConflict = firstKk !== undefined && firstKk.key !== key;
      // Claim the NIK only for a row that is otherwise accepted: a rejected row's NIK stays free.
      const firstNik =
        rowProblems.length === 0 && !kkConflict ? this.seen.claimNik(v.nik, row) : this.seen.firstNik(v.nik);
      if (firstNik !== undefined) rowProblems.push(repeatedNikProblem(v.nik, firstNik));
      if (kkConflict) rowProblems.push(householdConflictProblem(v.kkNumber, firstKk.row));
      if (rowProblems.length === 0) {
        if (!firstKk) this.seen.addKk(v.kkNumber, row, key);
        if (this.writing) this.queue.push(v);
      }
    }
    if (rowProblems.length > 0) {
      this.rejectedRows.add(row);
      for (const p of rowProblems) this.problems.push({ row, ...p });
      if (this.stopWritingOnReject) this.writing = false;
    }
  }

  /** Writes the queued rows. */
  async flush(): Promise<void> {
    if (this.queue.length === 0 || !this.accept) return;
    const queue = this.queue;
    this.queue = [];
    for (const v of queue) {
      const pending = this.accept(v);
      if (pending) await pending;
    }
  }
}

/**
 * Reads the file once: validates every row and hands each accepted one to `accept` (the writer).
 * CSV goes through the shared delimited reader (a fast splitter for unquoted lines, csv-parse from
 * the first quote on); XLSX through exceljs's streaming reader.
 */
async function processFile(
  source: TabularSource,
  context: Awaited<ReturnType<typeof loadContext>>,
  options: PersonImportOptions,
  accept: Accept | null,
  stopWritingOnReject: boolean,
  seen: SeenIndex,
): Promise<ValidationPass> {
  const check = new FileCheck(context, options, accept, stopWritingOnReject, seen);
  if ((await detectFormat(source)) === "xlsx") {
    for await (const { row, cells } of readTabular(source)) {
      if (check.columns === null) check.header(cells);
      else {
        check.row(cells, row);
        if (check.read % 1000 === 0) await check.flush();
      }
    }
    await check.flush();
  } else {
    // Row numbers count non-empty records, the header being row 1 (what a spreadsheet shows).
    let row = 1;
    try {
      await readDelimited(
        source,
        {
          header: (columns) => check.header(columns),
          row: (cells) => check.row(cells, ++row),
          flush: () => check.flush(),
        },
        { delimiters: [",", ";"] },
      );
    } catch (error) {
      if (!(error instanceof EmptyFileError)) throw error;
    }
  }
  if (check.columns === null) {
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
  return {
    read: check.read,
    rejectedRows: check.rejectedRows,
    problems: check.problems,
    unknownColumns: check.unknownColumns,
  };
}

/** Thrown inside the write transaction to roll it back when an atomic import has rejected rows. */
class RejectedFile extends Error {
  constructor(readonly pass: ValidationPass) {
    super("The file has rejected rows; nothing was written");
  }
}

/**
 * Validates and (unless told otherwise) writes a person file, in one streaming pass inside one
 * transaction: accepted rows are written as they are read; in atomic mode (the default) a
 * rejected row stops the writing and the transaction is rolled back at the end of the file, after
 * every row has been checked. A killed import never commits, so it leaves the database as it was.
 */
export async function importPersons(
  target: ImportTarget,
  source: TabularSource,
  options: PersonImportOptions = {},
): Promise<PersonImportResult> {
  const context = await loadContext(target.db, options);
  const result = (
    pass: ValidationPass,
    counts: Omit<PersonImportSummary, "read" | "rejected"> | null,
  ): PersonImportResult => ({
    problems: pass.problems,
    unknownColumns: pass.unknownColumns,
    summary: {
      read: pass.read,
      inserted: counts?.inserted ?? 0,
      updated: counts?.updated ?? 0,
      rejected: pass.rejectedRows.size,
      households: counts?.households ?? 0,
    },
    written: counts !== null,
  });
  const seen = target.sqlite ? sqliteSeenIndex(target.sqlite) : memorySeenIndex();
  try {
    if (options.dryRun) return result(await processFile(source, context, options, null, false, seen), null);
    return await write(target, source, options, context, seen, result);
  } finally {
    seen.close();
  }
}

async function write(
  target: ImportTarget,
  source: TabularSource,
  options: PersonImportOptions,
  context: Awaited<ReturnType<typeof loadContext>>,
  seen: SeenIndex,
  result: (
    pass: ValidationPass,
    counts: Omit<PersonImportSummary, "read" | "rejected"> | null,
  ) => PersonImportResult,
): Promise<PersonImportResult> {
  const atomic = !options.skipInvalid;
  const run = async (store: ImportStore, db: Db) => {
    const writer = new RowWriter(store, options, seen);
    const pass = await processFile(source, context, options, (v) => writer.write(v), atomic, seen);
    if (atomic && pass.rejectedRows.size > 0) throw new RejectedFile(pass);
    const pairs: [string, string, string][] = [];
    await store.finish((a, b, region) => pairs.push([a, b, region]));
    for (const [a, b, region] of pairs) await writer.queueSameNameBirth(a, b, region);
    const done = result(pass, writer.counts());
    await options.beforeCommit?.(db, done.summary);
    return done;
  };

  try {
    if (target.sqlite) {
      const sqlite = target.sqlite;
      sqlite.exec("BEGIN IMMEDIATE");
      try {
        // Kysely's SQLite driver uses this same connection, so `target.db` writes join the transaction.
        const done = await run(sqliteImportStore(sqlite), target.db);
        sqlite.exec("COMMIT");
        return done;
      } catch (error) {
        if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
        throw error;
      }
    }
    return await target.db.transaction().execute((trx) => run(kyselyImportStore(trx), trx));
  } catch (error) {
    if (error instanceof RejectedFile) return result(error.pass, null);
    throw error;
  }
}

const SEQ_BLOCK = 10_000;

/** Applies accepted rows: households by KK, persons by NIK, PPKS, events and duplicate candidates. */
class RowWriter {
  private nextSeq = 0;
  private endSeq = 0;
  private inserted = 0;
  private updated = 0;
  /** The last household written: rows of one KK usually follow each other. */
  private last: { kk: string; id: string } | null = null;
  private readonly now = nowIso();
  private readonly today: string;

  constructor(
    private readonly store: ImportStore,
    private readonly options: PersonImportOptions,
    private readonly seen: SeenIndex,
  ) {
    this.today = this.now.slice(0, 10);
  }

  /** Name keys, remembered for recent names: the same names recur throughout a population. */
  private readonly names = new Map<string, { normalized: string; phonetic: string }>();
  private nameKeys(name: string): { normalized: string; phonetic: string } {
    let keys = this.names.get(name);
    if (!keys) {
      const normalized = normalizeName(name);
      keys = { normalized, phonetic: phoneticKeyOfNormalized(normalized) };
      // Bounded, so memory stays flat on any file.
      if (this.names.size >= 50_000) this.names.clear();
      this.names.set(name, keys);
    }
    return keys;
  }

  counts() {
    // Every accepted row's KK was noted by the validation, and only accepted rows are written.
    return { inserted: this.inserted, updated: this.updated, households: this.seen.kkCount() };
  }

  /** Sequence numbers are reserved a block at a time; unused ones are simply skipped. */
  private async seq(): Promise<number> {
    if (this.nextSeq >= this.endSeq) {
      this.nextSeq = await this.store.allocateSeq(SEQ_BLOCK);
      this.endSeq = this.nextSeq + SEQ_BLOCK;
    }
    return this.nextSeq++;
  }

  private async household(v: PersonRowValue): Promise<{ id: string; region_code: string }> {
    if (this.last?.kk === v.kkNumber) return { id: this.last.id, region_code: v.regionCode };
    const wanted = {
      region_code: v.regionCode,
      rw: v.rw,
      rt: v.rt,
      address: v.address,
      latitude: v.latitude,
      longitude: v.longitude,
    };
    const existing = await this.store.findHousehold(v.kkNumber);
    let household: ExistingHousehold;
    if (!existing) {
      household = { id: newId(), ...wanted };
      await this.store.insertHousehold({
        ...household,
        kk_number: v.kkNumber,
        seq: await this.seq(),
        now: this.now,
      });
    } else {
      household = existing;
      const moved =
        existing.region_code !== wanted.region_code ||
        existing.rw !== wanted.rw ||
        existing.rt !== wanted.rt ||
        existing.address !== wanted.address;
      const coordinates =
        (wanted.latitude !== null && wanted.latitude !== existing.latitude) ||
        (wanted.longitude !== null && wanted.longitude !== existing.longitude);
      if (moved || coordinates) {
        household = {
          id: existing.id,
          ...wanted,
          latitude: wanted.latitude ?? existing.latitude,
          longitude: wanted.longitude ?? existing.longitude,
        };
        await this.store.updateHouseholdAddress({
          ...household,
          kk_number: v.kkNumber,
          seq: await this.seq(),
          now: this.now,
        });
      }
      if (moved) {
        await this.store.insertEvent({
          id: newId(),
          kind: "household_moved",
          person_id: null,
          household_id: existing.id,
          details: JSON.stringify({ from: addressOf(existing), to: addressOf(household), via: "import" }),
          occurred_on: this.today,
          region_code: household.region_code,
          recorded_by: this.options.actorId ?? null,
          seq: await this.seq(),
          now: this.now,
        });
      }
    }
    this.last = { kk: v.kkNumber, id: household.id };
    return household;
  }

  /** Queues two persons with the same normalised name and birth date (once per pair). */
  async queueSameNameBirth(personId: string, otherPersonId: string, regionCode: string): Promise<void> {
    const [a, b] = [personId, otherPersonId].sort();
    await this.store.queueDuplicate({
      id: newId(),
      kind: "same_name_birth",
      fingerprint: `same_name_birth:${a}:${b}`,
      person_id: personId,
      other_person_id: otherPersonId,
      incoming: null,
      region_code: regionCode,
      now: this.now,
    });
  }

  async write(v: PersonRowValue): Promise<void> {
    const household = await this.household(v);
    const { normalized, phonetic } = this.nameKeys(v.name);
    const values: Omit<PersonWrite, "id" | "seq" | "now"> = {
      nik: v.nik,
      household_id: household.id,
      name: v.name,
      name_normalized: normalized,
      name_phonetic: phonetic,
      sex: v.sex,
      birth_place: v.birthPlace,
      birth_date: v.birthDate,
      relation: v.relation,
      marital_status: v.maritalStatus,
      education: v.education,
      occupation: v.occupation,
      monthly_income: v.monthlyIncome,
      disability: v.disability,
      chronic_illness: v.chronicIllness,
      health_insurance: v.healthInsurance,
      phone: v.phone,
      region_code: v.regionCode,
    };
    const existing = await this.store.findPerson(v.nik);
    let personId: string;
    if (!existing) {
      personId = newId();
      await this.store.insertPerson({ ...values, id: personId, seq: await this.seq(), now: this.now });
      this.inserted++;
      const other = await this.store.findSameNameBirth(normalized, v.birthDate, v.nik);
      if (other) await this.queueSameNameBirth(other, personId, v.regionCode);
    } else {
      personId = existing.id;
      this.updated++;
      if (existing.name_normalized !== normalized) {
        // One NIK, two names: keep the stored name and let a reviewer decide.
        values.name = existing.name;
        values.name_normalized = existing.name_normalized;
        values.name_phonetic = phoneticKey(existing.name);
        await this.store.queueDuplicate({
          id: newId(),
          kind: "nik_name_conflict",
          fingerprint: `nik_name_conflict:${existing.id}:${normalized}`,
          person_id: existing.id,
          other_person_id: null,
          incoming: JSON.stringify({ name: v.name, birthDate: v.birthDate, kkNumber: v.kkNumber }),
          region_code: existing.region_code,
          now: this.now,
        });
      }
      if (changed(existing as unknown as Record<string, unknown>, values)) {
        await this.store.updatePerson({ ...values, id: existing.id, seq: await this.seq(), now: this.now });
        if (existing.household_id !== household.id) {
          await this.store.insertEvent({
            id: newId(),
            kind: "person_moved",
            person_id: existing.id,
            household_id: household.id,
            details: JSON.stringify({ fromHouseholdId: existing.household_id, toHouseholdId: household.id }),
            occurred_on: this.today,
            region_code: household.region_code,
            recorded_by: this.options.actorId ?? null,
            seq: await this.seq(),
            now: this.now,
          });
        }
      }
    }
    for (const code of v.ppks) {
      if (existing && (await this.store.hasOpenClassification(personId, code))) continue;
      await this.store.insertClassification({
        id: newId(),
        person_id: personId,
        household_id: household.id,
        category_code: code,
        found_on: this.today,
        source: this.options.ppksSource ?? "dtks",
        worker_id: this.options.actorId ?? null,
        region_code: v.regionCode,
        seq: await this.seq(),
        now: this.now,
      });
    }
  }
}

function addressOf(h: Pick<ExistingHousehold, "region_code" | "rw" | "rt" | "address">) {
  return { regionCode: h.region_code, rw: h.rw, rt: h.rt, address: h.address };
}

const COMPARED = [
  "household_id",
  "name",
  "sex",
  "birth_place",
  "birth_date",
  "relation",
  "marital_status",
  "education",
  "occupation",
  "monthly_income",
  "disability",
  "chronic_illness",
  "health_insurance",
  "phone",
  "region_code",
] as const;

function changed(existing: Record<string, unknown>, values: Record<string, unknown>): boolean {
  for (const f of COMPARED) {
    const a = existing[f] ?? null;
    const b = values[f] ?? null;
    if (a !== b && !(typeof a === "number" && Number(b) === a)) return true;
  }
  return false;
}
