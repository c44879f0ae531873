/**
 * The writing half of the person import (the reading half is person-import.check.ts): applies
 * batches of validated rows inside the caller's transaction.
 * - `RowWriter`, row by row through an `ImportStore` (either engine): households matched by KK,
 *   persons by NIK (updated, never duplicated), PPKS, events and duplicate candidates;
 * - `BulkWriter`, into an empty registry: no lookups, multi-row inserts (SQLite) or COPY
 *   (PostgreSQL), cheap ids (person-bulk.repository.ts, person-bulk.pg.repository.ts).
 */
import { phoneticKey } from "../../../core/identity/person-name.ts";
import type { PersonRowValue } from "../../../core/registry/person-row.ts";
import { newId, nowIso } from "../../db/ids.ts";
import type { BulkStore } from "./person-bulk.repository.ts";
import { COMPARED_FIELDS } from "./person-columns.ts";
import { F, FIELDS, fields, type RowBatch, rowValue, unpack } from "./person-import.check.ts";
import type { ExistingHousehold, ImportStore, PersonWrite } from "./person-import.repository.ts";

/** What the writers need from the import's options. */
export interface WriteOptions {
  ppksSource?: string;
  actorId?: string | null;
}

const SEQ_BLOCK = 10_000;

/** Applies accepted rows: households by KK, persons by NIK, PPKS, events and duplicate candidates. */
export class RowWriter {
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
    private readonly options: WriteOptions,
  ) {
    this.today = this.now.slice(0, 10);
  }

  counts() {
    return { inserted: this.inserted, updated: this.updated };
  }

  /** Writes a batch of accepted rows, one by one. */
  async writeBatch(batch: RowBatch): Promise<void> {
    const f = unpack(batch);
    for (let at = 0; at < f.length; at += FIELDS) {
      await this.write(rowValue(f, at), f[at + F.nameNormalized] as string, f[at + F.namePhonetic] as string);
    }
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

  async write(v: PersonRowValue, normalized: string, phonetic: string): Promise<void> {
    const household = await this.household(v);
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

function changed(existing: Record<string, unknown>, values: Record<string, unknown>): boolean {
  for (const f of COMPARED_FIELDS) {
    const a = existing[f] ?? null;
    const b = values[f] ?? null;
    if (a !== b && !(typeof a === "number" && Number(b) === a)) return true;
  }
  return false;
}

/**
 * Ids for one bulk load: UUIDv7 with the load's start time, random bits fixed per load and a
 * counter in the last 48 bits (RFC 9562, "fixed-length dedicated counter"), so they are unique,
 * time-ordered (appended to the primary-key index, never inserted in its middle) and cost one
 * string concatenation instead of a random draw each.
 */
export function bulkIds(): (n: number) => string {
  const time = Date.now().toString(16).padStart(12, "0");
  const random = crypto.getRandomValues(new Uint16Array(2));
  const a = (0x7000 | ((random[0] as number) & 0x0fff)).toString(16);
  const b = (0x8000 | ((random[1] as number) & 0x3fff)).toString(16);
  const prefix = `${time.slice(0, 8)}-${time.slice(8)}-${a}-${b}-`;
  return (n) => prefix + n.toString(16).padStart(12, "0");
}

const orNull = (v: string | undefined) => (v === "" || v === undefined ? null : v);
const numOrNull = (v: string | undefined) => (v === "" || v === undefined ? null : Number(v));

/** Writes batches into an empty registry (see person-bulk.repository.ts and its PostgreSQL twin). */
export class BulkWriter {
  private readonly ids = bulkIds();
  private inserted = 0;
  private readonly today: string;

  constructor(
    private readonly store: BulkStore,
    private readonly options: WriteOptions,
    now: string,
  ) {
    this.today = now.slice(0, 10);
  }

  // Persons and households share one counter space: even and odd.
  private personId(n: number): string {
    return this.ids(2 * n);
  }
  private householdId(ordinal: number): string {
    return this.ids(2 * ordinal + 1);
  }

  counts() {
    return { inserted: this.inserted, updated: 0 };
  }

  writeBatch(batch: RowBatch): void | Promise<void> {
    const f = fields(batch);
    if (f.length !== batch.rows * FIELDS) {
      throw new Error("Bulk import: a packed batch does not have the expected shape");
    }
    // Rows go in file order: with the unique NIK and KK indexes dropped for the load (built from
    // sorted keys at the end) every insert appends, and no order within a batch is cheaper. The
    // batch's new households go in first, so each precedes its persons.
    const created: number[] = [];
    let classifications = 0;
    for (let at = 0; at < f.length; at += FIELDS) {
      if (f.get(at + F.newHousehold) === "1") created.push(at);
      const ppks = f.get(at + F.ppks);
      if (ppks !== "") classifications += ppks.split(";").length;
    }
    let seq = this.store.allocateSeq(batch.rows + created.length + classifications);
    const cv: unknown[][] = [];
    const source = this.options.ppksSource ?? "dtks";
    const actor = this.options.actorId ?? null;
    this.store.insertHouseholds(created.length, (to, i, n) => {
      const at = created[n] as number;
      to[i] = this.householdId(Number(f.get(at + F.ordinal)));
      to[i + 1] = f.get(at + F.kk);
      to[i + 2] = f.get(at + F.region);
      to[i + 3] = f.get(at + F.rw);
      to[i + 4] = f.get(at + F.rt);
      to[i + 5] = f.get(at + F.address);
      to[i + 6] = numOrNull(f.get(at + F.latitude));
      to[i + 7] = numOrNull(f.get(at + F.longitude));
      to[i + 8] = seq++;
    });
    this.store.insertPersons(batch.rows, (to, i, n) => {
      const at = n * FIELDS;
      const householdId = this.householdId(Number(f.get(at + F.ordinal)));
      const region = f.get(at + F.region);
      const personId = this.personId(this.inserted++);
      to[i] = personId;
      to[i + 1] = f.get(at + F.nik);
      to[i + 2] = householdId;
      to[i + 3] = f.get(at + F.name);
      to[i + 4] = f.get(at + F.nameNormalized);
      to[i + 5] = f.get(at + F.namePhonetic);
      to[i + 6] = f.get(at + F.sex);
      to[i + 7] = orNull(f.get(at + F.birthPlace));
      to[i + 8] = f.get(at + F.birthDate);
      to[i + 9] = f.get(at + F.relation);
      to[i + 10] = orNull(f.get(at + F.marital));
      to[i + 11] = orNull(f.get(at + F.education));
      to[i + 12] = orNull(f.get(at + F.occupation));
      to[i + 13] = numOrNull(f.get(at + F.income));
      to[i + 14] = orNull(f.get(at + F.disability));
      to[i + 15] = orNull(f.get(at + F.chronic));
      to[i + 16] = orNull(f.get(at + F.insurance));
      to[i + 17] = orNull(f.get(at + F.phone));
      to[i + 18] = region;
      to[i + 19] = seq++;
      const ppks = f.get(at + F.ppks);
      if (ppks !== "") {
        for (const code of ppks.split(";")) {
          cv.push([newId(), personId, householdId, code, this.today, source, actor, region, seq++]);
        }
      }
    });
    for (const c of cv) this.store.insertClassification(c);
    return this.store.flush?.();
  }

  /** Rebuilds the indexes, then queues probable duplicates among the new persons. */
  async finish(): Promise<void> {
    await this.store.finish();
    for (const p of await this.store.sameNameBirthPairs()) {
      const [a, b] = [p.other, p.id].sort();
      this.store.queueDuplicate([
        newId(),
        "same_name_birth",
        `same_name_birth:${a}:${b}`,
        p.other,
        p.id,
        p.region,
      ]);
    }
    await this.store.flushDuplicates?.();
  }
}
