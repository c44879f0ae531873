import { type Disclosure, presentKk, presentNik, presentPhone } from "../../../core/access/privacy.ts";
import type { HouseholdDto, PersonDto } from "../../../core/api/registry.schema.ts";
import type { HouseholdRow } from "../households/households.table.ts";
import type { PpksClassificationRow } from "../ppks/ppks.table.ts";
import type { PersonEventRow } from "./person-events.table.ts";
import type { PersonRow } from "./persons.table.ts";

/** The fields of a person that leave the server; NIK and phone are masked in lists. */
export function presentPerson(row: PersonRow, disclosure: Disclosure): PersonDto {
  return {
    id: row.id,
    nik: presentNik(row.nik, disclosure),
    nikStatus: row.nik_status === "ada" ? "ada" : "belum_ada",
    name: row.name,
    sex: row.sex === "P" ? "P" : "L",
    birthPlace: row.birth_place,
    birthDate: row.birth_date,
    relation: row.relation,
    maritalStatus: row.marital_status,
    education: row.education,
    occupation: row.occupation,
    monthlyIncome: row.monthly_income === null ? null : Number(row.monthly_income),
    disability: row.disability,
    chronicIllness: row.chronic_illness,
    healthInsurance: row.health_insurance,
    phone: presentPhone(row.phone, disclosure),
    householdId: row.household_id,
    regionCode: row.region_code,
    diedAt: row.died_at,
    mergedIntoId: row.merged_into_id,
    updatedAt: row.updated_at,
  };
}

/** The fields of a household that leave the server; the KK number is masked in lists. */
export function presentHousehold(
  row: HouseholdRow,
  disclosure: Disclosure,
  memberCount?: number,
): HouseholdDto {
  return {
    id: row.id,
    kkNumber: presentKk(row.kk_number, disclosure),
    regionCode: row.region_code,
    rw: row.rw,
    rt: row.rt,
    address: row.address,
    latitude: row.latitude === null ? null : Number(row.latitude),
    longitude: row.longitude === null ? null : Number(row.longitude),
    ...(memberCount === undefined ? {} : { memberCount }),
    updatedAt: row.updated_at,
  };
}

export function presentClassification(row: PpksClassificationRow & { category_name?: string | null }) {
  return {
    id: row.id,
    personId: row.person_id,
    householdId: row.household_id,
    categoryCode: row.category_code,
    categoryName: row.category_name ?? null,
    foundOn: row.found_on,
    source: row.source,
    workerId: row.worker_id,
    status: row.status as "aktif" | "ditangani" | "selesai",
    note: row.note,
    regionCode: row.region_code,
  };
}

export function presentEvent(row: PersonEventRow) {
  let details: Record<string, unknown> = {};
  try {
    details = JSON.parse(row.details) as Record<string, unknown>;
  } catch {
    details = { raw: row.details };
  }
  return {
    id: row.id,
    kind: row.kind,
    personId: row.person_id,
    householdId: row.household_id,
    details,
    occurredOn: row.occurred_on,
    recordedBy: row.recorded_by,
    createdAt: row.created_at,
  };
}
