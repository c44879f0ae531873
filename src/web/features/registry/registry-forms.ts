/**
 * Checks of the household and person forms with the import's own row validation
 * (src/core/registry/person-row.ts), so a PSM typing a family on a phone reads the same
 * Indonesian and English reasons as the upload's error report and the API. Pure: no DOM.
 */
import type { CreateHouseholdBody, CreatePersonBody } from "../../../core/api/registry.schema.ts";
import type { Language } from "../../../core/errors/language.ts";
import type { Relation } from "../../../core/person/person-enums.ts";
import { type CellProblem, validatePersonRow } from "../../../core/registry/person-row.ts";

/** Messages per form field, in the interface language. */
export type FieldMessages = Partial<Record<string, string[]>>;

export type FormCheck<T> = { ok: true; body: T } | { ok: false; errors: FieldMessages };

export interface HouseholdFormValues {
  kkNumber: string;
  regionCode: string;
  rw: string;
  rt: string;
  address: string;
  latitude: string;
  longitude: string;
}

export interface PersonFormValues {
  nik: string;
  noNik: boolean;
  name: string;
  sex: string;
  birthPlace: string;
  birthDate: string;
  relation: string;
  maritalStatus: string;
  education: string;
  occupation: string;
  monthlyIncome: string;
  disability: string;
  chronicIllness: string;
  healthInsurance: string;
  phone: string;
}

/** Import columns → household form fields. */
const HOUSEHOLD_FIELDS: Record<string, keyof HouseholdFormValues> = {
  no_kk: "kkNumber",
  kode_kelurahan: "regionCode",
  rw: "rw",
  rt: "rt",
  alamat: "address",
  latitude: "latitude",
  longitude: "longitude",
};

/** Import columns → person form fields. */
const PERSON_FIELDS: Record<string, keyof PersonFormValues> = {
  nik: "nik",
  nama: "name",
  jenis_kelamin: "sex",
  tempat_lahir: "birthPlace",
  tanggal_lahir: "birthDate",
  hubungan_keluarga: "relation",
  status_perkawinan: "maritalStatus",
  pendidikan: "education",
  pekerjaan: "occupation",
  penghasilan: "monthlyIncome",
  disabilitas: "disability",
  penyakit_kronis: "chronicIllness",
  jaminan_kesehatan: "healthInsurance",
  no_hp: "phone",
};

/** The form's picker offers only kelurahan of the region list; the server checks it again. */
const formContext = { knownKelurahan: () => true, knownPpks: () => true };

function collect(
  problems: CellProblem[],
  fields: Record<string, string>,
  language: Language,
  skip: (p: CellProblem) => boolean,
): FieldMessages {
  const errors: FieldMessages = {};
  for (const p of problems) {
    const field = fields[p.column];
    if (!field || skip(p)) continue;
    errors[field] = [...(errors[field] ?? []), language === "en" ? p.en : p.id];
  }
  return errors;
}

const blankToNull = (value: string) => (value.trim() === "" ? null : value.trim());

/** Checks a household form; a household may be registered before it has a KK number. */
export function checkHouseholdForm(
  values: HouseholdFormValues,
  language: Language,
): FormCheck<Omit<CreateHouseholdBody, "id">> {
  const { problems } = asProblems(
    validatePersonRow(
      {
        no_kk: values.kkNumber,
        kode_kelurahan: values.regionCode,
        rw: values.rw,
        rt: values.rt,
        alamat: values.address,
        latitude: values.latitude,
        longitude: values.longitude,
      },
      formContext,
    ),
  );
  const errors = collect(
    problems,
    HOUSEHOLD_FIELDS,
    language,
    (p) => p.column === "no_kk" && values.kkNumber.trim() === "",
  );
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const coordinate = (v: string) => (v.trim() === "" ? null : Number(v.trim().replace(",", ".")));
  return {
    ok: true,
    body: {
      kkNumber: blankToNull(values.kkNumber)?.replace(/[\s.-]/g, "") ?? null,
      regionCode: values.regionCode,
      rw: values.rw.trim(),
      rt: values.rt.trim(),
      address: values.address.trim().replace(/\s+/g, " "),
      latitude: coordinate(values.latitude),
      longitude: coordinate(values.longitude),
    },
  };
}

/**
 * Checks a person form. "NIK belum ada" leaves the NIK out; the birth date may be unknown (the
 * API accepts none, the import format does not).
 */
export function checkPersonForm(
  values: PersonFormValues,
  language: Language,
  today?: Date,
): FormCheck<Omit<CreatePersonBody, "id" | "householdId" | "regionCode">> {
  const { problems } = asProblems(
    validatePersonRow(
      {
        nik: values.noNik ? "" : values.nik,
        nama: values.name,
        jenis_kelamin: values.sex,
        tempat_lahir: values.birthPlace,
        tanggal_lahir: values.birthDate,
        hubungan_keluarga: values.relation,
        status_perkawinan: values.maritalStatus,
        pendidikan: values.education,
        pekerjaan: values.occupation,
        penghasilan: values.monthlyIncome,
        disabilitas: values.disability,
        penyakit_kronis: values.chronicIllness,
        jaminan_kesehatan: values.healthInsurance,
        no_hp: values.phone,
      },
      { ...formContext, today },
    ),
  );
  const errors = collect(
    problems,
    PERSON_FIELDS,
    language,
    (p) => (p.column === "nik" && values.noNik) || (p.column === "tanggal_lahir" && p.code === "required"),
  );
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const income = values.monthlyIncome.replace(/^rp\.?\s*/i, "").replace(/[.,\s]/g, "");
  return {
    ok: true,
    body: {
      nik: values.noNik ? null : values.nik.replace(/[\s.-]/g, ""),
      name: values.name.trim().replace(/\s+/g, " "),
      sex: values.sex === "P" ? "P" : "L",
      birthPlace: blankToNull(values.birthPlace),
      birthDate: blankToNull(values.birthDate),
      relation: values.relation as Relation,
      maritalStatus: (blankToNull(values.maritalStatus) as CreatePersonBody["maritalStatus"]) ?? null,
      education: (blankToNull(values.education) as CreatePersonBody["education"]) ?? null,
      occupation: (blankToNull(values.occupation) as CreatePersonBody["occupation"]) ?? null,
      monthlyIncome: income === "" ? null : Number(income),
      disability: (blankToNull(values.disability) as CreatePersonBody["disability"]) ?? null,
      chronicIllness: blankToNull(values.chronicIllness),
      healthInsurance: (blankToNull(values.healthInsurance) as CreatePersonBody["healthInsurance"]) ?? null,
      phone: blankToNull(values.phone),
    },
  };
}

function asProblems(result: ReturnType<typeof validatePersonRow>): { problems: CellProblem[] } {
  return { problems: result.ok ? [] : result.problems };
}

/** The messages of one field: the form's own check first, then the API's answer for `body.<field>`. */
export function fieldMessages(
  field: string,
  local: FieldMessages,
  api: { field: string; message: string }[],
): string[] {
  return [
    ...(local[field] ?? []),
    ...api.filter((e) => e.field === `body.${field}` || e.field === field).map((e) => e.message),
  ];
}
