/**
 * Before and after training: the mean indicators per worker of a cohort's participants in the N
 * months before its first day and the N months after its last day, beside the same figures of the
 * active workers who were not enrolled. Groups only, no individual: readable with aggregates:read.
 * It describes, it does not explain: other things change over the same months.
 */
import type { CohortComparisonDto, KinerjaIndicators } from "../../../core/api/kinerja.schema.ts";
import { notFound } from "../../../core/errors/app-error.ts";
import { KINERJA_INDICATORS, median, round1 } from "../../../core/kinerja/kinerja.ts";
import { addMonths, nextDay, previousDay } from "../../../core/kinerja/period.ts";
import type { Db } from "../../db/database.ts";
import { type Actor, assertPermission } from "../auth/actor.ts";
import * as repo from "./kinerja.repository.ts";
import { workerIndicators } from "./kinerja-figures.ts";

const MEDIANS = new Set(["medianDaysToFirstVisit", "medianDaysToClose", "followUpsOnTimeRate"]);

/** Per-worker means of counts; the median of the workers' medians and rates. */
function meanPerWorker(list: KinerjaIndicators[]): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const key of KINERJA_INDICATORS) {
    const values = list.map((x) => x[key]).filter((v): v is number => v !== null);
    if (MEDIANS.has(key)) out[key] = round1(median(values));
    else out[key] = list.length === 0 ? null : round1(values.reduce((a, b) => a + b, 0) / list.length);
  }
  return out;
}

export async function cohortComparison(
  db: Db,
  actor: Actor,
  cohortId: string,
  months: number,
  now: Date,
): Promise<CohortComparisonDto> {
  assertPermission(actor, "aggregates:read");
  const cohort = await db
    .selectFrom("training_cohorts")
    .select(["id", "name", "starts_on", "ends_on"])
    .where("id", "=", cohortId)
    .executeTakeFirst();
  if (!cohort) throw notFound({ id: "Angkatan pelatihan", en: "Training cohort" });
  const enrolled = new Set(
    (
      await db
        .selectFrom("training_enrolments")
        .select("worker_id")
        .where("cohort_id", "=", cohortId)
        // A withdrawn participant did not take the training: compared with the others.
        .where("withdrawn_at", "is", null)
        .execute()
    ).map((r) => r.worker_id),
  );
  const before = { from: addMonths(cohort.starts_on, -months), to: previousDay(cohort.starts_on) };
  const after = { from: nextDay(cohort.ends_on), to: addMonths(cohort.ends_on, months) };
  const workers = await repo.listWorkers(db, null);
  const groups = {
    participants: { before: [] as KinerjaIndicators[], after: [] as KinerjaIndicators[] },
    others: { before: [] as KinerjaIndicators[], after: [] as KinerjaIndicators[] },
  };
  for (const w of workers) {
    const g = enrolled.has(w.id) ? groups.participants : groups.others;
    g.before.push(await workerIndicators(db, w.id, before, now));
    g.after.push(await workerIndicators(db, w.id, after, now));
  }
  const present = (g: typeof groups.participants) => ({
    workers: g.before.length,
    before: meanPerWorker(g.before),
    after: meanPerWorker(g.after),
  });
  return {
    cohort: { id: cohort.id, name: cohort.name, startsOn: cohort.starts_on, endsOn: cohort.ends_on },
    months,
    before,
    after,
    participants: present(groups.participants),
    others: present(groups.others),
    note: {
      id: `Perbandingan ini menunjukkan rata-rata per petugas peserta angkatan dan petugas yang tidak ikut, ${months} bulan sebelum dan sesudah pelatihan. Ini bukan bukti sebab-akibat: wilayah, musim dan beban kerja juga berubah.`,
      en: `This compares the per-worker means of the cohort's participants and of workers who did not attend, ${months} months before and after the training. It is not evidence of cause and effect: areas, seasons and workloads change too.`,
    },
  };
}

/** Every training cohort, newest first: what the comparison page offers to choose from. */
export async function listCohorts(db: Db, actor: Actor) {
  assertPermission(actor, "aggregates:read");
  const rows = await db
    .selectFrom("training_cohorts")
    .select(["id", "name", "starts_on", "ends_on"])
    .orderBy("starts_on", "desc")
    .execute();
  return { items: rows.map((c) => ({ id: c.id, name: c.name, startsOn: c.starts_on, endsOn: c.ends_on })) };
}
