/**
 * One worker's indicators for a period, credited to whoever held the record at the time:
 * registry writes and assessments to the login that made them (linked to the worker), cases and
 * referrals through the case's assignment history, follow-ups to the task's holder, visits to the
 * worker who made them. Definitions: docs/kinerja.md.
 */
import type { KinerjaIndicators } from "../../../core/api/kinerja.schema.ts";
import {
  daysBetween,
  firstHolder,
  followUpsOnTime,
  type HoldingInterval,
  holderAt,
  median,
  round1,
} from "../../../core/kinerja/kinerja.ts";
import { type DateRange, rangeInstants } from "../../../core/kinerja/period.ts";
import type { Db } from "../../db/database.ts";
import * as repo from "./kinerja.repository.ts";

/** The indicators of `workerId` over the days of `range`, as of `now`. */
export async function workerIndicators(
  db: Db,
  workerId: string,
  range: DateRange,
  now: Date,
): Promise<KinerjaIndicators> {
  const at = rangeInstants(range);
  const inPeriod = (instant: string | null) => instant !== null && instant >= at.from && instant < at.to;
  const userIds = await repo.userIdsOfWorker(db, workerId);
  const [writes, assessed, ppksFound, visitsMade, held, tasks] = await Promise.all([
    repo.householdWrites(db, userIds, at.from, at.to),
    repo.countAssessments(db, userIds, range.from, range.to),
    repo.countPpksFound(db, workerId, range.from, range.to),
    repo.countVisits(db, workerId, at.from, at.to),
    repo.casesHeldBy(db, workerId),
    repo.tasksDue(db, workerId, at.from, at.to),
  ]);

  const intervals = new Map<string, HoldingInterval[]>();
  for (const a of held.assignments) {
    const list = intervals.get(a.case_id) ?? [];
    list.push({ workerId: a.worker_id, from: a.from_at, to: a.to_at });
    intervals.set(a.case_id, list);
  }
  const holds = (caseId: string, instant: string) =>
    holderAt(intervals.get(caseId) ?? [], instant) === workerId;

  let casesOpened = 0;
  let casesClosed = 0;
  const toFirstVisit: number[] = [];
  const toClose: number[] = [];
  for (const c of held.cases) {
    if (inPeriod(c.reported_at) && firstHolder(intervals.get(c.id) ?? []) === workerId) casesOpened++;
    if (c.first_visit_at && inPeriod(c.first_visit_at) && holds(c.id, c.first_visit_at))
      toFirstVisit.push(daysBetween(c.reported_at, c.first_visit_at));
    if (c.closed_at && inPeriod(c.closed_at) && holds(c.id, c.closed_at)) {
      casesClosed++;
      toClose.push(daysBetween(c.reported_at, c.closed_at));
    }
  }

  let referralsMade = 0;
  let referralsCompleted = 0;
  for (const r of held.referrals) {
    if (inPeriod(r.created_at) && holds(r.case_id, r.created_at)) referralsMade++;
    if (
      r.status === "selesai" &&
      r.completed_on &&
      r.completed_on >= range.from &&
      r.completed_on <= range.to
    ) {
      // Completion is a day: credited to whoever held the case at the end of that day (WIB).
      const endOfDay = new Date(
        Date.parse(rangeInstants({ from: r.completed_on, to: r.completed_on }).to) - 1,
      ).toISOString();
      if (holds(r.case_id, endOfDay)) referralsCompleted++;
    }
  }

  const followUps = followUpsOnTime(
    tasks.map((t) => ({
      dueAt: t.due_at,
      doneAt: t.done_at,
      status: t.status as "open" | "done" | "cancelled",
    })),
    at,
    now.toISOString(),
  );

  return {
    householdsRegistered: writes.created,
    householdsUpdated: writes.updated,
    householdsAssessed: assessed,
    ppksFound,
    casesOpened,
    casesClosed,
    medianDaysToFirstVisit: round1(median(toFirstVisit)),
    medianDaysToClose: round1(median(toClose)),
    followUpsDue: followUps.due,
    followUpsOnTime: followUps.onTime,
    followUpsOnTimeRate: followUps.rate,
    referralsMade,
    referralsCompleted,
    visitsMade,
  };
}

/** Sums count indicators over workers; medians and rates of the group are medians of the workers' values. */
export function combineIndicators(list: KinerjaIndicators[]): KinerjaIndicators {
  const sum = (k: keyof KinerjaIndicators) => list.reduce((a, x) => a + ((x[k] as number | null) ?? 0), 0);
  const med = (k: keyof KinerjaIndicators) =>
    round1(median(list.map((x) => x[k]).filter((v): v is number => v !== null)));
  const due = sum("followUpsDue");
  const onTime = sum("followUpsOnTime");
  return {
    householdsRegistered: sum("householdsRegistered"),
    householdsUpdated: sum("householdsUpdated"),
    householdsAssessed: sum("householdsAssessed"),
    ppksFound: sum("ppksFound"),
    casesOpened: sum("casesOpened"),
    casesClosed: sum("casesClosed"),
    medianDaysToFirstVisit: med("medianDaysToFirstVisit"),
    medianDaysToClose: med("medianDaysToClose"),
    followUpsDue: due,
    followUpsOnTime: onTime,
    followUpsOnTimeRate: due === 0 ? null : Math.round((onTime / due) * 1000) / 10,
    referralsMade: sum("referralsMade"),
    referralsCompleted: sum("referralsCompleted"),
    visitsMade: sum("visitsMade"),
  };
}
