/**
 * The reading half of the person import: validates each row of a file (the row rules of
 * src/core/registry/person-row.ts plus the file-wide ones: a NIK repeated, one KK with two
 * addresses, the importer's region scope), computes the name keys, and packs the accepted rows
 * into batches for the writing half. It touches no database, so it runs either inline or on a
 * worker thread (person-import.worker.ts) while the main thread writes (docs/decisions/0013).
 */
import { AppError, type FieldProblem } from "../../../core/errors/app-error.ts";
import { normalizeName, phoneticKeyOfNormalized } from "../../../core/identity/person-name.ts";
import {
  type CellProblem,
  checkPersonHeader,
  householdConflictProblem,
  householdKey,
  type PersonRowContext,
  type PersonRowValue,
  repeatedNikProblem,
  validatePersonRow,
} from "../../../core/registry/person-row.ts";
import { addressKeyHash, SeenIndex } from "./seen-index.ts";

/** What validation needs to know from the database, in a form that crosses to a worker thread. */
export interface CheckContext {
  kelurahan: string[];
  ppks: string[];
  /** Kelurahan codes the importer may write (their region scope), or null for all. */
  allowedRegions: string[] | null;
  /** Reference date for "not in the future" (ISO), or null for now. */
  today: string | null;
}

export interface RowProblem extends CellProblem {
  /** Row number as a spreadsheet shows it: the header is row 1. */
  row: number;
}

/**
 * Accepted rows, packed as one string of fields separated by U+001F (`FIELDS` per row), which
 * crosses threads as one copy instead of one structured-clone step per value; an array when a
 * free-text cell itself holds that character.
 */
export interface RowBatch {
  rows: number;
  packed: string | string[];
  /** Rows read so far (the whole file up to this batch, accepted or not). */
  read: number;
  rejected: number;
}

/** Field positions in a packed row. */
export const F = {
  ordinal: 0,
  newHousehold: 1,
  kk: 2,
  nik: 3,
  name: 4,
  nameNormalized: 5,
  namePhonetic: 6,
  sex: 7,
  birthDate: 8,
  relation: 9,
  region: 10,
  rw: 11,
  rt: 12,
  address: 13,
  birthPlace: 14,
  marital: 15,
  education: 16,
  occupation: 17,
  income: 18,
  disability: 19,
  chronic: 20,
  insurance: 21,
  phone: 22,
  ppks: 23,
  latitude: 24,
  longitude: 25,
} as const;
export const FIELDS = 26;
const SEP = "\u001f";
/**
 * Accepted rows are joined into one string every this many rows. Joined at the end of a batch
 * instead, the 130,000 field strings of a 5,000-row batch lived long enough to be copied by the
 * young-generation collector and promoted; joined a few rows at a time they die young, which cut
 * the reader's time on 1,000,000 rows by a fifth (docs/benchmarks.md, "Import").
 */
const CHUNK_ROWS = 128;

/** The outcome of reading a whole file. */
export interface CheckResult {
  read: number;
  rejected: number;
  problems: RowProblem[];
  unknownColumns: string[];
  /** Distinct KK numbers of the accepted rows. */
  households: number;
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

const text = (v: string | null) => v ?? "";
const num = (v: number | null) => (v === null ? "" : String(v));
/**
 * A valid coordinate as packed: the cell's own text with a decimal point, which Number() reads as
 * the same value (the row check parsed it so), instead of printing the number again.
 */
const coordinateText = (value: number | null, cell: string | undefined) =>
  value === null ? "" : (cell ?? "").trim().replace(",", ".");

/**
 * Validation of a file's rows in order. Accepted rows are packed until `take()`; after the first
 * rejection with `stopPackingOnReject` (atomic mode: the transaction will be rolled back anyway)
 * rows are only validated.
 */
export class FileCheck {
  columns: string[] | null = null;
  unknownColumns: string[] = [];
  read = 0;
  readonly problems: RowProblem[] = [];
  rejected = 0;
  private packing: boolean;
  /** Fields of the rows packed since the last chunk (or of the whole batch once it is unsafe). */
  private parts: string[] = [];
  /** Joined chunks of `CHUNK_ROWS` rows. */
  private chunks: string[] = [];
  private rows = 0;
  private unsafe = false;
  private readonly seen = new SeenIndex();
  private readonly rowContext: PersonRowContext;
  private readonly allowed: Set<string> | null;
  /** One record object, refilled for every row (validatePersonRow does not keep it). */
  private record: Record<string, string> = {};
  private readonly tokens = new Map<string, [string, string]>();

  constructor(
    context: CheckContext,
    packing: boolean,
    private readonly stopPackingOnReject: boolean,
  ) {
    const kelurahan = new Set(context.kelurahan);
    const ppks = new Set(context.ppks);
    this.rowContext = {
      knownKelurahan: (code) => kelurahan.has(code),
      knownPpks: (code) => ppks.has(code),
      // One reference date for the whole file (the import's start), not the clock at each row.
      today: context.today ? new Date(context.today) : new Date(),
    };
    this.allowed = context.allowedRegions ? new Set(context.allowedRegions) : null;
    this.packing = packing;
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
    const result = validatePersonRow(record, this.rowContext);
    const rowProblems: CellProblem[] = result.ok ? [] : result.problems;
    if (result.ok) {
      const v = result.value;
      if (this.allowed && !this.allowed.has(v.regionCode)) rowProblems.push(outOfScopeProblem(v.regionCode));
      const key = addressKeyHash(householdKey(v));
      const firstKk = this.seen.firstKk(v.kkNumber);
      const kkConflict = firstKk !== undefined && firstKk.key !== key;
      // Claim the NIK only for a row that is otherwise accepted: a rejected row's NIK stays free.
      const firstNik =
        rowProblems.length === 0 && !kkConflict ? this.seen.claimNik(v.nik, row) : this.seen.firstNik(v.nik);
      if (firstNik !== undefined) rowProblems.push(repeatedNikProblem(v.nik, firstNik));
      if (kkConflict) rowProblems.push(householdConflictProblem(v.kkNumber, firstKk.row));
      if (rowProblems.length === 0) {
        const ordinal = firstKk ? firstKk.ordinal : this.seen.addKk(v.kkNumber, row, key);
        if (this.packing) this.pack(v, ordinal, !firstKk);
      }
    }
    if (rowProblems.length > 0) {
      this.rejected++;
      for (const p of rowProblems) this.problems.push({ row, ...p });
      if (this.stopPackingOnReject) this.packing = false;
    }
  }

  private nameKeys(name: string): [string, string] {
    const keys = asciiNameKeys(name, this.tokens);
    if (keys) return keys;
    const normalized = normalizeName(name);
    return [normalized, phoneticKeyOfNormalized(normalized)];
  }

  private pack(v: PersonRowValue, ordinal: number, newHousehold: boolean): void {
    const [normalized, phonetic] = this.nameKeys(v.name);
    const birthPlace = text(v.birthPlace);
    const chronic = text(v.chronicIllness);
    if (
      v.name.includes(SEP) ||
      v.address.includes(SEP) ||
      birthPlace.includes(SEP) ||
      chronic.includes(SEP) ||
      normalized.includes(SEP)
    ) {
      if (!this.unsafe) {
        // From here on the batch goes as an array of fields; the chunks so far hold none with SEP.
        this.parts = [...this.chunks.flatMap((chunk) => chunk.split(SEP)), ...this.parts];
        this.chunks = [];
      }
      this.unsafe = true;
    }
    this.parts.push(
      String(ordinal),
      newHousehold ? "1" : "",
      v.kkNumber,
      v.nik,
      v.name,
      normalized,
      phonetic,
      v.sex,
      v.birthDate,
      v.relation,
      v.regionCode,
      v.rw,
      v.rt,
      v.address,
      birthPlace,
      text(v.maritalStatus),
      text(v.education),
      text(v.occupation),
      num(v.monthlyIncome),
      text(v.disability),
      chronic,
      text(v.healthInsurance),
      text(v.phone),
      v.ppks.join(";"),
      coordinateText(v.latitude, this.record.latitude),
      coordinateText(v.longitude, this.record.longitude),
    );
    this.rows++;
    if (!this.unsafe && this.parts.length >= CHUNK_ROWS * FIELDS) {
      this.chunks.push(this.parts.join(SEP));
      this.parts = [];
    }
  }

  private joined(): string {
    if (this.parts.length > 0) this.chunks.push(this.parts.join(SEP));
    return this.chunks.length === 1 ? (this.chunks[0] as string) : this.chunks.join(SEP);
  }

  /** True when rows are queued for `take`. */
  get pending(): number {
    return this.rows;
  }

  /** The rows packed since the last call (and the reading position). */
  take(): RowBatch {
    const batch: RowBatch = {
      rows: this.rows,
      packed: this.unsafe ? this.parts : this.joined(),
      read: this.read,
      rejected: this.rejected,
    };
    this.parts = [];
    this.chunks = [];
    this.rows = 0;
    this.unsafe = false;
    return batch;
  }

  result(): CheckResult {
    return {
      read: this.read,
      rejected: this.rejected,
      problems: this.problems,
      unknownColumns: this.unknownColumns,
      households: this.seen.kkCount(),
    };
  }
}

const ASCII_NAME = /^[A-Za-z ]+$/;

/**
 * `[normalizeName(name), phoneticKey(name)]` for a name of ASCII letters and spaces (almost every
 * row), built from per-token results that are computed once per distinct token: for such a name
 * both functions work token by token (lower case, split on spaces, a spelling map per token, and
 * a leading "m" of a longer name read as Muhammad), so the result is the same (tested against the
 * functions themselves). Null for any other name, which takes the general functions.
 */
export function asciiNameKeys(name: string, cache: Map<string, [string, string]>): [string, string] | null {
  if (!ASCII_NAME.test(name)) return null;
  const tokens = name.toLowerCase().split(" ");
  let normalized = "";
  let phonetic = "";
  let count = 0;
  for (const token of tokens) if (token !== "") count++;
  for (const token of tokens) {
    if (token === "") continue;
    let keys: [string, string] | undefined;
    if (normalized === "" && token === "m" && count > 1) keys = MUHAMMAD;
    else {
      keys = cache.get(token);
      if (!keys) {
        const n = normalizeName(token);
        keys = [n, phoneticKeyOfNormalized(n)];
        if (cache.size >= 50_000) cache.clear();
        cache.set(token, keys);
      }
    }
    normalized = normalized === "" ? keys[0] : `${normalized} ${keys[0]}`;
    phonetic = phonetic === "" ? keys[1] : `${phonetic} ${keys[1]}`;
  }
  return [normalized, phonetic];
}
const MUHAMMAD: [string, string] = ["muhammad", phoneticKeyOfNormalized("muhammad")];

/** The fields of a batch, `FIELDS` per row. */
export function unpack(batch: RowBatch): string[] {
  if (batch.rows === 0) return [];
  return typeof batch.packed === "string" ? batch.packed.split(SEP) : batch.packed;
}

/** The fields of a batch, read one at a time (`length` of them). */
export interface Fields {
  readonly length: number;
  get(i: number): string;
}

/**
 * The fields of a batch without first splitting it into an array: each field is cut out of the
 * packed string when it is bound and is garbage at once, instead of 130,000 strings a block
 * living (and being promoted to the old generation) for the whole write of the block.
 */
export function fields(batch: RowBatch): Fields {
  const packed = batch.packed;
  if (batch.rows === 0) return { length: 0, get: () => "" };
  if (typeof packed !== "string") return { length: packed.length, get: (i) => packed[i] as string };
  const n = batch.rows * FIELDS;
  const starts = new Int32Array(n + 1);
  let count = 0;
  let at = 0;
  for (;;) {
    if (count === n) {
      count++; // more fields than expected
      break;
    }
    starts[count++] = at;
    const next = packed.indexOf(SEP, at);
    if (next < 0) break;
    at = next + 1;
  }
  starts[n] = packed.length + 1;
  return {
    length: count,
    get: (i) => packed.slice(starts[i] as number, (starts[i + 1] as number) - 1),
  };
}

/** A packed row back as the validated value (for the general, row-by-row writer). */
export function rowValue(f: readonly string[], at: number): PersonRowValue {
  const s = (i: number) => f[at + i] as string;
  const orNull = (i: number) => (s(i) === "" ? null : s(i));
  const numOrNull = (i: number) => (s(i) === "" ? null : Number(s(i)));
  return {
    kkNumber: s(F.kk),
    nik: s(F.nik),
    name: s(F.name),
    sex: s(F.sex) as "L" | "P",
    birthDate: s(F.birthDate),
    relation: s(F.relation) as PersonRowValue["relation"],
    regionCode: s(F.region),
    rw: s(F.rw),
    rt: s(F.rt),
    address: s(F.address),
    birthPlace: orNull(F.birthPlace),
    maritalStatus: orNull(F.marital),
    education: orNull(F.education),
    occupation: orNull(F.occupation),
    monthlyIncome: numOrNull(F.income),
    disability: orNull(F.disability),
    chronicIllness: orNull(F.chronic),
    healthInsurance: orNull(F.insurance),
    phone: orNull(F.phone),
    ppks: s(F.ppks) === "" ? [] : s(F.ppks).split(";"),
    latitude: numOrNull(F.latitude),
    longitude: numOrNull(F.longitude),
  };
}
