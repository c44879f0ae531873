/**
 * The writing half of the DTSEN import: matches a batch of accepted extract rows to the registry
 * (by NIK, then within the KK by name for a person recorded without NIK), adds the persons and
 * families it does not know through the person import's own row writer (so they get ids, change
 * numbers, the search index and duplicate checks like any imported person), and stores the
 * period's desil, members and differences, writing only rows that changed. Runs inside the
 * caller's transaction.
 */

import { type Difference, differencesOf } from "../../../core/dtsen/differences.ts";
import { DTSEN_PROGRAMMES } from "../../../core/dtsen/dtsen-columns.ts";
import type { DtsenRowValue } from "../../../core/dtsen/dtsen-row.ts";
import { normalizeName, phoneticKeyOfNormalized } from "../../../core/identity/person-name.ts";
import type { Db } from "../../db/database.ts";
import type { BatchWriter } from "../imports/person-import.service.ts";
import type { RowWriter } from "../imports/person-import.writer.ts";
import {
  deleteDifference,
  findDifferences,
  findFamilies,
  findHouseholdsByKk,
  findMembers,
  findPersonsByNik,
  findUnnumberedMembers,
  insertDifferences,
  insertFamilies,
  insertMembers,
  type RegistryHousehold,
  type RegistryPerson,
  updateDifference,
  updateFamily,
  updateMember,
} from "./dtsen.repository.ts";
import type { DtsenDifferenceTable, DtsenFamilyTable, DtsenMemberTable } from "./dtsen.table.ts";

export interface DtsenCounts {
  matched: number;
  created: number;
  differing: number;
  /** Rows of the DTSEN tables inserted, updated or deleted. */
  changes: number;
}

type Origin = "nik" | "kk" | "new";

interface Matched {
  value: DtsenRowValue;
  normalized: string;
  person: RegistryPerson | null;
  origin: Origin;
}

export class DtsenWriter {
  private readonly counts: DtsenCounts = { matched: 0, created: 0, differing: 0, changes: 0 };

  constructor(
    private readonly db: Db,
    private readonly persons: BatchWriter & { writer: RowWriter },
    private readonly period: string,
    private readonly importId: string,
    private readonly now: string,
  ) {}

  summary(): DtsenCounts {
    return { ...this.counts };
  }

  /** The search index and duplicate pairs of the persons added (deferred by the person writer). */
  async finish(): Promise<void> {
    await this.persons.finish?.();
  }

  async writeBatch(rows: readonly DtsenRowValue[]): Promise<void> {
    if (rows.length === 0) return;
    const matched = await this.match(rows);
    await this.addUnknown(matched);
    const households = new Map(
      (await findHouseholdsByKk(this.db, [...new Set(rows.map((r) => r.person.kkNumber))])).map((h) => [
        h.kk_number as string,
        h,
      ]),
    );
    await this.writeFamilies(matched, households);
    await this.writeMembers(matched, households);
    await this.writeDifferences(matched);
  }

  /** Each row with the registry person it is, if any. */
  private async match(rows: readonly DtsenRowValue[]): Promise<Matched[]> {
    const byNik = new Map(
      (
        await findPersonsByNik(
          this.db,
          rows.map((r) => r.person.nik),
        )
      ).map((p) => [p.nik as string, p]),
    );
    const out: Matched[] = rows.map((value) => {
      const person = byNik.get(value.person.nik) ?? null;
      return { value, normalized: normalizeName(value.person.name), person, origin: person ? "nik" : "new" };
    });
    const unmatched = out.filter((m) => m.person === null);
    if (unmatched.length === 0) return out;
    // A person the registry holds without NIK, in the same KK, with the same name.
    const households = await findHouseholdsByKk(this.db, [
      ...new Set(unmatched.map((m) => m.value.person.kkNumber)),
    ]);
    if (households.length === 0) return out;
    const members = await findUnnumberedMembers(
      this.db,
      households.map((h) => h.id),
    );
    const byKkName = new Map(members.map((p) => [`${p.kk_number}:${p.name_normalized}`, p]));
    for (const m of unmatched) {
      const key = `${m.value.person.kkNumber}:${m.normalized}`;
      const person = byKkName.get(key);
      if (person) {
        byKkName.delete(key);
        m.person = person;
        m.origin = "kk";
      }
    }
    return out;
  }

  /** Adds the persons (and families) the registry does not know, then reads them back. */
  private async addUnknown(rows: Matched[]): Promise<void> {
    const unknown = rows.filter((m) => m.person === null);
    if (unknown.length === 0) return;
    const known = new Map(
      (await findHouseholdsByKk(this.db, [...new Set(unknown.map((m) => m.value.person.kkNumber))])).map(
        (h) => [h.kk_number as string, h],
      ),
    );
    for (const m of unknown) {
      const household = known.get(m.value.person.kkNumber);
      // A new member of a known family keeps the family's registry address: the person writer
      // would otherwise move the household to the extract's address. The difference is recorded.
      const v = household
        ? {
            ...m.value.person,
            regionCode: household.region_code,
            rw: household.rw,
            rt: household.rt,
            address: household.address,
          }
        : m.value.person;
      await this.persons.writer.write(v, m.normalized, phoneticKeyOfNormalized(m.normalized));
    }
    const added = new Map(
      (
        await findPersonsByNik(
          this.db,
          unknown.map((m) => m.value.person.nik),
        )
      ).map((p) => [p.nik as string, p]),
    );
    for (const m of unknown) m.person = added.get(m.value.person.nik) ?? null;
    this.counts.created += unknown.length;
  }

  /** The household a row's family is: the one with its KK number, else its person's. */
  private familyOf(m: Matched, households: Map<string, RegistryHousehold>) {
    const household = households.get(m.value.person.kkNumber);
    if (household) return { id: household.id, region: household.region_code };
    const person = m.person as RegistryPerson;
    return person.household_id
      ? { id: person.household_id, region: person.household_region ?? person.region_code }
      : null;
  }

  private async writeFamilies(rows: Matched[], households: Map<string, RegistryHousehold>) {
    const wanted = new Map<string, DtsenFamilyTable>();
    for (const m of rows) {
      const family = this.familyOf(m, households);
      if (!family || wanted.has(family.id)) continue;
      wanted.set(family.id, {
        household_id: family.id,
        period: this.period,
        desil: m.value.desil,
        family_id: m.value.familyId,
        region_code: family.region,
        import_id: this.importId,
        updated_at: this.now,
      });
    }
    const stored = new Map(
      (await findFamilies(this.db, this.period, [...wanted.keys()])).map((f) => [f.household_id, f]),
    );
    const inserts: DtsenFamilyTable[] = [];
    for (const row of wanted.values()) {
      const old = stored.get(row.household_id);
      if (!old) inserts.push(row);
      else if (
        old.desil !== row.desil ||
        old.family_id !== row.family_id ||
        old.region_code !== row.region_code
      ) {
        await updateFamily(this.db, row);
        this.counts.changes++;
      }
    }
    await insertFamilies(this.db, inserts);
    this.counts.changes += inserts.length;
  }

  private async writeMembers(rows: Matched[], households: Map<string, RegistryHousehold>) {
    const wanted: DtsenMemberTable[] = [];
    for (const m of rows) {
      const person = m.person;
      const family = person ? this.familyOf(m, households) : null;
      if (!person || !family) continue;
      wanted.push({
        person_id: person.id,
        period: this.period,
        household_id: family.id,
        region_code: family.region,
        programmes: DTSEN_PROGRAMMES.filter((code) => m.value.programmes[code] === true).join(";"),
        origin: m.origin,
        import_id: this.importId,
        updated_at: this.now,
      });
    }
    const stored = new Map(
      (
        await findMembers(
          this.db,
          this.period,
          wanted.map((w) => w.person_id),
        )
      ).map((r) => [r.person_id, r]),
    );
    const inserts: DtsenMemberTable[] = [];
    for (const row of wanted) {
      const old = stored.get(row.person_id);
      if (!old) inserts.push(row);
      else if (
        old.household_id !== row.household_id ||
        old.programmes !== row.programmes ||
        old.region_code !== row.region_code
      ) {
        await updateMember(this.db, { ...row, origin: old.origin });
        this.counts.changes++;
      }
    }
    await insertMembers(this.db, inserts);
    this.counts.changes += inserts.length;
    this.counts.matched += rows.filter((m) => m.origin !== "new").length;
  }

  /** Records what differs for each matched person; forgets what no longer differs. */
  private async writeDifferences(rows: Matched[]) {
    const current = new Map<string, { m: Matched; found: Difference[] }>();
    for (const m of rows) {
      const p = m.person;
      if (!p) continue;
      const found = differencesOf(
        m.value.person,
        {
          nik: p.nik,
          name: p.name,
          nameNormalized: p.name_normalized,
          sex: p.sex,
          birthDate: p.birth_date,
          relation: p.relation,
          regionCode: p.household_region ?? p.region_code,
          kkNumber: p.kk_number,
          rw: p.rw,
          rt: p.rt,
          address: p.address,
        },
        m.normalized,
      );
      current.set(p.id, { m, found });
      if (found.length > 0) this.counts.differing++;
    }
    const stored = new Map<string, DtsenDifferenceTable>();
    for (const d of await findDifferences(this.db, this.period, [...current.keys()]))
      stored.set(`${d.person_id}:${d.field}`, d);
    const inserts: DtsenDifferenceTable[] = [];
    for (const [personId, { m, found }] of current) {
      const p = m.person as RegistryPerson;
      for (const d of found) {
        const row: DtsenDifferenceTable = {
          person_id: personId,
          period: this.period,
          field: d.field,
          registry_value: d.registry,
          dtsen_value: d.dtsen,
          household_id: p.household_id,
          region_code: p.household_region ?? p.region_code,
          import_id: this.importId,
          updated_at: this.now,
        };
        const key = `${personId}:${d.field}`;
        const old = stored.get(key);
        stored.delete(key);
        if (!old) inserts.push(row);
        else if (old.registry_value !== row.registry_value || old.dtsen_value !== row.dtsen_value) {
          await updateDifference(this.db, row);
          this.counts.changes++;
        }
      }
    }
    for (const stale of stored.values()) {
      await deleteDifference(this.db, stale);
      this.counts.changes++;
    }
    await insertDifferences(this.db, inserts);
    this.counts.changes += inserts.length;
  }
}
