/**
 * The DTSEN candidate lists of a region and period (src/core/dtsen/candidates.ts has the rules):
 * possible inclusion and exclusion errors per family, strongest first, and the person-level
 * data problems (a member the registry records as dead; a different family card or kelurahan;
 * different identity details). Each family is on at most one of the first two lists, once; each
 * person on the third once, with all their reasons.
 */
import { type Candidate, type CandidateKind, classifyFamily } from "../../../core/dtsen/candidates.ts";
import { requirePeriod } from "../../../core/dtsen/period.ts";
import { maskNik } from "../../../core/identity/nik.ts";
import type { Db } from "../../db/database.ts";
import type { RegionScope } from "../../db/scope.ts";
import * as repo from "./dtsen-candidates.repository.ts";

export interface FamilyCandidate extends Candidate {
  householdId: string;
  kkNumber: string | null;
  regionCode: string;
  address: string;
  headName: string | null;
  desil: number | null;
  score: number | null;
}

export type DataProblemKind = "meninggal" | "pindah" | "identitas";

export interface PersonCandidate {
  personId: string;
  householdId: string | null;
  regionCode: string;
  name: string;
  /** Masked: lists travel to the field; the person's page shows the whole number. */
  nik: string | null;
  kinds: DataProblemKind[];
  reasons: { code: string; id: string; en: string }[];
}

export interface CandidateLists {
  period: string;
  inclusion: FamilyCandidate[];
  exclusion: FamilyCandidate[];
  data: PersonCandidate[];
}

const MOVE_FIELDS = new Set(["no_kk", "kode_kelurahan"]);

export async function dtsenCandidates(
  db: Db,
  scope: RegionScope,
  rawPeriod: string,
): Promise<CandidateLists> {
  const period = requirePeriod(rawPeriod);
  const [families, assessments, ppks] = await Promise.all([
    repo.familiesOfPeriod(db, scope, period),
    repo.latestAssessments(db, scope),
    repo.activePpks(db, scope),
  ]);
  const desil = new Map(families.map((f) => [f.household_id, f.desil]));
  const latest = new Map<string, (typeof assessments)[number]>();
  for (const a of assessments) {
    const seen = latest.get(a.household_id);
    if (!seen || a.assessed_on > seen.assessed_on) latest.set(a.household_id, a);
  }
  const categories = new Map<string, Set<string>>();
  for (const c of ppks) {
    if (!c.household_id) continue;
    const set = categories.get(c.household_id) ?? new Set<string>();
    set.add(c.category_code);
    categories.set(c.household_id, set);
  }

  const found: { householdId: string; candidate: Candidate }[] = [];
  for (const householdId of new Set([...desil.keys(), ...latest.keys(), ...categories.keys()])) {
    const a = latest.get(householdId);
    const candidate = classifyFamily({
      desil: desil.get(householdId) ?? null,
      assessment: a
        ? {
            score: a.score,
            isPoor: a.is_poor === 1,
            deprived: a.deprived_ids ? a.deprived_ids.split(",") : [],
          }
        : null,
      ppks: [...(categories.get(householdId) ?? [])].sort(),
    });
    if (candidate) found.push({ householdId, candidate });
  }
  const households = new Map(
    (
      await repo.householdsByIds(
        db,
        found.map((f) => f.householdId),
      )
    ).map((h) => [h.id, h]),
  );
  const list = (kind: CandidateKind) =>
    found
      .filter((f) => f.candidate.kind === kind && households.has(f.householdId))
      .map(({ householdId, candidate }): FamilyCandidate => {
        const h = households.get(householdId) as Awaited<ReturnType<typeof repo.householdsByIds>>[number];
        return {
          ...candidate,
          householdId,
          kkNumber: h.kk_number,
          regionCode: h.region_code,
          address: `${h.address}, RT ${h.rt}/RW ${h.rw}`,
          headName: h.head_name,
          desil: desil.get(householdId) ?? null,
          score: latest.get(householdId)?.score ?? null,
        };
      })
      .sort((x, y) => y.strength - x.strength || (x.kkNumber ?? "").localeCompare(y.kkNumber ?? ""));

  return {
    period,
    inclusion: list("inklusi"),
    exclusion: list("eksklusi"),
    data: await dataProblems(db, scope, period),
  };
}

async function dataProblems(db: Db, scope: RegionScope, period: string): Promise<PersonCandidate[]> {
  const [dead, differences] = await Promise.all([
    repo.deadMembers(db, scope, period),
    repo.differencesOfPeriod(db, scope, period),
  ]);
  const byPerson = new Map<string, PersonCandidate>();
  const entry = (r: {
    person_id: string;
    household_id: string | null;
    region_code: string;
    name: string;
    nik: string | null;
  }) => {
    let e = byPerson.get(r.person_id);
    if (!e) {
      e = {
        personId: r.person_id,
        householdId: r.household_id,
        regionCode: r.region_code,
        name: r.name,
        nik: r.nik ? maskNik(r.nik) : null,
        kinds: [],
        reasons: [],
      };
      byPerson.set(r.person_id, e);
    }
    return e;
  };
  const addKind = (e: PersonCandidate, kind: DataProblemKind) => {
    if (!e.kinds.includes(kind)) e.kinds.push(kind);
  };
  for (const r of dead) {
    const e = entry(r);
    addKind(e, "meninggal");
    e.reasons.push({
      code: "dead_but_listed",
      id: `Tercatat meninggal di Peduli (${r.died_at}) tetapi masih aktif di DTSEN.`,
      en: `Recorded as dead in Peduli (${r.died_at}) but still active in DTSEN.`,
    });
  }
  for (const r of differences) {
    const e = entry(r);
    const kind: DataProblemKind = MOVE_FIELDS.has(r.field) ? "pindah" : "identitas";
    addKind(e, kind);
    // A NIK is masked in the reason too, like the entry's own.
    const show = (v: string | null) => (v === null ? "—" : r.field === "nik" ? maskNik(v) : v);
    e.reasons.push({
      code: `differs_${r.field}`,
      id: `${r.field}: Peduli "${show(r.registry_value)}", DTSEN "${show(r.dtsen_value)}".`,
      en: `${r.field}: Peduli "${show(r.registry_value)}", DTSEN "${show(r.dtsen_value)}".`,
    });
  }
  const weight = (e: PersonCandidate) =>
    e.kinds.includes("meninggal") ? 2 : e.kinds.includes("pindah") ? 1 : 0;
  return [...byPerson.values()].sort((a, b) => weight(b) - weight(a) || a.name.localeCompare(b.name));
}
