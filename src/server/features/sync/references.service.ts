/**
 * The reference part of a phone's working set: the indicator set the assessment form scores with,
 * the PPKS and referral catalogues, and the user's trainings. These tables carry no change
 * numbers and are small, so a pull sends them whole whenever their fingerprint differs from the
 * one the phone holds; the phone then replaces its copy of each (sync.schema.ts REFERENCE_TABLES
 * names the shapes, which are those of the GET routes).
 */
import { createHash } from "node:crypto";
import type { PulledRecord, ReferenceTable } from "../../../core/api/sync.schema.ts";
import { REFERENCE_TABLES } from "../../../core/api/sync.schema.ts";
import type { Db } from "../../db/database.ts";
import { isInScope } from "../../db/scope.ts";
import { presentIndicatorSet } from "../assessments/assessments.presenter.ts";
import { ensureDefaultIndicatorSet } from "../assessments/indicator-sets.service.ts";
import type { Actor } from "../auth/actor.ts";
import { listPpksCategories } from "../psks/psks.service.ts";
import { listOrganisations, shippedServices } from "../services/services.catalogue.ts";
import { myTrainings } from "../training/participant.service.ts";
import { listParticipants, sessionModules } from "../training/results.repository.ts";
import { presentSession } from "../training/training.presenter.ts";
import { canManage } from "../training/training-access.ts";

/** A trainer's phone holds the cohorts of their region running from this many days ago. */
const TRAINER_WINDOW_DAYS = 7;

export interface ReferenceSet {
  fingerprint: string;
  records: Omit<PulledRecord, "seq">[];
}

/** Every reference record the actor's phone should hold, with the fingerprint of the whole set. */
export async function referenceSet(db: Db, actor: Actor, now: Date): Promise<ReferenceSet> {
  const records: Omit<PulledRecord, "seq">[] = [];
  const add = (table: ReferenceTable, id: string, data: Record<string, unknown>) =>
    records.push({ table, id, data });

  const set = await ensureDefaultIndicatorSet(db);
  add("indicator_sets", set.row.id, {
    ...presentIndicatorSet(set.row, set.definition, 0),
    definition: { ...set.definition },
  });
  for (const c of (await listPpksCategories(db)).items) add("ppks_categories", c.code, c);
  if (actor.permissions.has("persons:read")) {
    for (const s of [...shippedServices(), ...(await listOrganisations(db, actor.scope))])
      add("services", s.organisationId ?? s.code, { ...s });
  }

  const mine = await myTrainings(db, actor, "");
  for (const c of mine.cohorts) {
    const { sessions, ...cohort } = c;
    add("enrolments", c.enrolmentId, { ...cohort, id: c.enrolmentId, workerId: mine.workerId, own: true });
    for (const s of sessions)
      add("training_sessions", s.id, {
        ...s,
        cohortId: c.cohortId,
        cohortName: c.name,
        programmeName: c.programmeName,
      });
  }
  if (canManage(actor)) await addTrainerCohorts(db, actor, now, add);

  // Sorted, so the fingerprint depends only on the content.
  records.sort((a, b) => a.table.localeCompare(b.table) || a.id.localeCompare(b.id));
  const hash = createHash("sha256");
  for (const r of records) hash.update(`${r.table}\u0000${r.id}\u0000${JSON.stringify(r.data)}\u0000`);
  return { fingerprint: `v1:${hash.digest("base64url").slice(0, 32)}`, records };
}

/** A trainer marks attendance: the current cohorts of their region, with sessions and participants. */
async function addTrainerCohorts(
  db: Db,
  actor: Actor,
  now: Date,
  add: (table: ReferenceTable, id: string, data: Record<string, unknown>) => void,
) {
  const from = new Date(now.getTime() - TRAINER_WINDOW_DAYS * 86_400_000).toISOString().slice(0, 10);
  const cohorts = (
    await db
      .selectFrom("training_cohorts as c")
      .innerJoin("training_programmes as p", "p.id", "c.programme_id")
      .select(["c.id", "c.name", "c.region_code", "p.name as programme_name"])
      .where("c.ends_on", ">=", from)
      .where("c.cancelled_at", "is", null)
      .execute()
  ).filter((c) => isInScope(actor.scope, c.region_code));
  for (const cohort of cohorts) {
    const sessions = await db
      .selectFrom("training_sessions")
      .selectAll()
      .where("cohort_id", "=", cohort.id)
      .where("cancelled_at", "is", null)
      .orderBy("date")
      .execute();
    const modules = await sessionModules(
      db,
      sessions.map((s) => s.id),
    );
    for (const s of sessions)
      add("training_sessions", s.id, {
        ...presentSession(s, modules.get(s.id) ?? []),
        status: null,
        cohortId: cohort.id,
        cohortName: cohort.name,
        programmeName: cohort.programme_name,
      });
    for (const p of await listParticipants(db, cohort.id))
      add("enrolments", p.enrolmentId, {
        id: p.enrolmentId,
        enrolmentId: p.enrolmentId,
        cohortId: cohort.id,
        workerId: p.workerId,
        participantName: p.name,
        role: p.role,
        own: false,
      });
  }
}

export { REFERENCE_TABLES };
