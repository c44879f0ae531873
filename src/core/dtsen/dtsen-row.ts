/**
 * One row of a DTSEN extract: a person of a family, with the family's desil and the person's
 * programme flags. The person part is checked by the person format's own rules
 * (validatePersonRow), after the codings extracts use are read into Peduli's: sex 1/2 or
 * LAKI-LAKI/PEREMPUAN, the relation as its Dukcapil SHDK number (1 Kepala Keluarga … 11
 * Lainnya), kelurahan codes written with dots (31.71.01.1001). Pure: shared by the CLI, the upload
 * route and the tests.
 */
import {
  type CellProblem,
  type PersonRowContext,
  type PersonRowValue,
  validatePersonRow,
} from "../registry/person-row.ts";
import { DTSEN_PROGRAMMES, type DtsenColumn, type DtsenProgramme } from "./dtsen-columns.ts";

export interface DtsenRowValue {
  person: PersonRowValue;
  /** 1 (poorest tenth) … 10. */
  desil: number;
  /** The extract's own family id, when it has one. */
  familyId: string | null;
  /** Programmes the extract says the person receives (true), does not (false); absent: unknown. */
  programmes: Partial<Record<DtsenProgramme, boolean>>;
}

export type DtsenRowResult = { ok: true; value: DtsenRowValue } | { ok: false; problems: CellProblem[] };

/** Dukcapil's SHDK numbers (status hubungan dalam keluarga) as Peduli's relation codes. */
const SHDK: Record<string, string> = {
  "1": "kepala_keluarga",
  "2": "suami",
  "3": "istri",
  "4": "anak",
  "5": "menantu",
  "6": "cucu",
  "7": "orang_tua",
  "8": "mertua",
  "9": "famili_lain",
  "10": "pembantu",
  "11": "lainnya",
};

const SEX: Record<string, string> = {
  "1": "L",
  "2": "P",
  "laki-laki": "L",
  "laki laki": "L",
  lakilaki: "L",
  pria: "L",
  perempuan: "P",
  wanita: "P",
};

const YES = new Set(["1", "y", "ya", "yes", "true", "penerima", "aktif"]);
const NO = new Set(["0", "n", "t", "tidak", "no", "false", "bukan", "bukan penerima", "tidak aktif", "-"]);
const DESIL = /^(?:desil\s*)?(\d{1,2})$/i;

function sexOf(raw: string): string {
  return SEX[raw.trim().toLowerCase()] ?? raw;
}

/** The kelurahan code without the dots or spaces some extracts write between its parts. */
function regionOf(raw: string): string {
  return /^[\d.\s]+$/.test(raw) ? raw.replace(/[.\s]/g, "") : raw;
}

/** Validates one row; `row` is keyed by the columns `checkDtsenHeader` found. */
export function validateDtsenRow(
  row: Partial<Record<DtsenColumn, string>>,
  context: PersonRowContext,
): DtsenRowResult {
  const relation = (row.hubungan_keluarga ?? "").trim();
  const person = validatePersonRow(
    {
      ...row,
      jenis_kelamin: sexOf(row.jenis_kelamin ?? ""),
      hubungan_keluarga: SHDK[relation] ?? relation,
      kode_kelurahan: regionOf(row.kode_kelurahan ?? ""),
    },
    context,
  );
  const problems: CellProblem[] = person.ok ? [] : [...person.problems];

  const desilRaw = (row.desil ?? "").trim();
  const match = DESIL.exec(desilRaw);
  const desil = match ? Number(match[1]) : Number.NaN;
  if (desilRaw === "") {
    problems.push({
      column: "desil",
      value: "",
      code: "required",
      id: "Kolom desil wajib diisi.",
      en: "Column desil is required.",
    });
  } else if (!(desil >= 1 && desil <= 10)) {
    problems.push({
      column: "desil",
      value: desilRaw,
      code: "desil_invalid",
      id: `Desil harus bilangan bulat 1 sampai 10, diterima "${desilRaw}".`,
      en: `Desil must be a whole number from 1 to 10, got "${desilRaw}".`,
    });
  }

  const programmes: Partial<Record<DtsenProgramme, boolean>> = {};
  for (const code of DTSEN_PROGRAMMES) {
    const raw = (row[code] ?? "").trim();
    if (raw === "") continue;
    const key = raw.toLowerCase();
    if (YES.has(key)) programmes[code] = true;
    else if (NO.has(key)) programmes[code] = false;
    else
      problems.push({
        column: code,
        value: raw,
        code: "flag_invalid",
        id: `Kolom ${code} harus ya/tidak (1/0), diterima "${raw}".`,
        en: `Column ${code} must be yes/no (1/0), got "${raw}".`,
      });
  }

  const familyId = (row.id_keluarga ?? "").trim();
  if (familyId.length > 64) {
    problems.push({
      column: "id_keluarga",
      value: familyId.slice(0, 64),
      code: "family_id_too_long",
      id: "ID keluarga paling panjang 64 karakter.",
      en: "A family id may have at most 64 characters.",
    });
  }
  if (problems.length > 0 || !person.ok) return { ok: false, problems };
  return { ok: true, value: { person: person.value, desil, familyId: familyId || null, programmes } };
}

/** Two rows of one KK with different desil: the family's desil is one value per period. */
export function desilConflictProblem(
  kkNumber: string,
  desil: number,
  firstRow: number,
  firstDesil: number,
): CellProblem {
  return {
    column: "desil",
    value: String(desil),
    code: "desil_conflict",
    id: `KK ${kkNumber} sudah bertanda desil ${firstDesil} di baris ${firstRow}; satu keluarga satu desil per periode.`,
    en: `KK ${kkNumber} already has desil ${firstDesil} in row ${firstRow}; a family has one desil per period.`,
  };
}
