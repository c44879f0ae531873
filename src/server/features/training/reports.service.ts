/**
 * The cohort report: participants by role against the quota, attendance, pre/post means and
 * distributions, normalised gain (mean of individual gains; per module and per competency the
 * class-average gain), completion, certificates and the anonymous evaluation. Every figure is
 * computed from the stored rows (attendance marks, submitted attempts and their answer items).
 */
import { type AttendanceStatus, PRESENT_STATUSES } from "../../../core/training/attendance.ts";
import {
  classAverageGain,
  mean,
  round2,
  round4,
  scoreDistribution,
  scorePercent,
} from "../../../core/training/scoring.ts";
import type { Db } from "../../db/database.ts";
import type { Actor } from "../auth/actor.ts";
import { listCompetencies, listModules, listQuotas } from "./programmes.repository.ts";
import { listSubmittedItems } from "./results.repository.ts";
import { loadCohortResults } from "./results.ts";
import { assertReports } from "./training-access.ts";

const nullable = (v: number | null, round: (n: number) => number) => (v === null ? null : round(v));

export async function cohortReport(db: Db, actor: Actor, cohortId: string) {
  assertReports(actor);
  const { rows: _rows, ...report } = await buildCohortReport(db, cohortId);
  return report;
}

export async function buildCohortReport(db: Db, cohortId: string) {
  const r = await loadCohortResults(db, cohortId);
  const [quotas, modules, competencies, allItems, evaluations] = await Promise.all([
    listQuotas(db, [r.programme.id]),
    listModules(db, r.programme.id),
    listCompetencies(db),
    listSubmittedItems(db, cohortId),
    db.selectFrom("training_evaluations").selectAll().where("cohort_id", "=", cohortId).execute(),
  ]);
  const ps = r.participants;
  // Answers of withdrawn participants are kept but counted nowhere.
  const active = new Set(ps.map((p) => p.enrolmentId));
  const items = allItems.filter((i) => active.has(i.enrolment_id));
  const byRole: Record<string, number> = { tksk: 0, psm: 0 };
  for (const p of ps) byRole[p.role] = (byRole[p.role] ?? 0) + 1;

  const attendanceByStatus: Record<string, number> = { hadir: 0, terlambat: 0, izin: 0, sakit: 0, alpa: 0 };
  for (const a of r.attendance) attendanceByStatus[a.status] = (attendanceByStatus[a.status] ?? 0) + 1;
  const attendanceBySession = r.sessions.map((s, index) => {
    const present = ps.filter((p) => {
      const status = p.statuses[index] as AttendanceStatus | null;
      return status !== null && PRESENT_STATUSES.includes(status);
    }).length;
    return {
      sessionId: s.id,
      date: s.date,
      title: s.title,
      present,
      rate: ps.length ? round4(present / ps.length) : 0,
    };
  });

  const pre = ps.flatMap((p) => (p.preScore === null ? [] : [p.preScore]));
  const post = ps.flatMap((p) => (p.postScore === null ? [] : [p.postScore]));
  const gains = ps.flatMap((p) => (p.gain === null ? [] : [p.gain]));

  // Per module and competency: each participant's percentage on that group's items in each test.
  const groupGain = (
    keyOf: (item: (typeof items)[number]) => string,
    keys: { code: string; name: string }[],
  ) =>
    keys.map(({ code, name }) => {
      const tally = new Map<string, { pre?: [number, number]; post?: [number, number] }>();
      for (const item of items) {
        if (keyOf(item) !== code) continue;
        const entry = tally.get(item.enrolment_id) ?? {};
        const kind = item.kind as "pre" | "post";
        const [right, total] = entry[kind] ?? [0, 0];
        entry[kind] = [right + item.is_correct, total + 1];
        tally.set(item.enrolment_id, entry);
      }
      const preScores: number[] = [];
      const postScores: number[] = [];
      const pairs: { pre: number; post: number }[] = [];
      for (const entry of tally.values()) {
        const p = entry.pre ? scorePercent(...entry.pre) : null;
        const q = entry.post ? scorePercent(...entry.post) : null;
        if (p !== null) preScores.push(p);
        if (q !== null) postScores.push(q);
        if (p !== null && q !== null) pairs.push({ pre: p, post: q });
      }
      return {
        code,
        name,
        preMean: nullable(mean(preScores), round2),
        postMean: nullable(mean(postScores), round2),
        gain: classAverageGain(pairs),
      };
    });
  const moduleCode = new Map(modules.map((m) => [m.id, m.code]));
  const usedCompetencies = new Set(items.map((i) => i.competency_code));

  const completed = ps.filter((p) => p.completed).length;
  const ratings = (key: "content" | "trainer" | "venue" | "usefulness") =>
    nullable(mean(evaluations.map((e) => e[key])), round2);
  const summary = {
    id: r.cohort.id,
    programmeId: r.programme.id,
    programmeName: r.programme.name,
    year: r.programme.year,
    name: r.cohort.name,
    eligibleRegionCode: r.cohort.region_code,
    venue: r.cohort.venue,
    startsOn: r.cohort.starts_on,
    endsOn: r.cohort.ends_on,
    participants: { total: ps.length, byRole },
    sessionCount: r.sessions.length,
    cancelledAt: r.cohort.cancelled_at,
  };
  return {
    cohort: summary,
    participants: { total: ps.length, byRole },
    quotas: Object.fromEntries(quotas.map((q) => [q.role, q.quota])),
    sessions: r.sessions.length,
    attendanceRate: nullable(mean(ps.map((p) => p.attendanceRate)), round4),
    attendanceBySession,
    attendanceByStatus,
    preMean: nullable(mean(pre), round2),
    postMean: nullable(mean(post), round2),
    preTaken: pre.length,
    postTaken: post.length,
    preDistribution: scoreDistribution(pre),
    postDistribution: scoreDistribution(post),
    gainMean: nullable(mean(gains), round4),
    gainCounted: gains.length,
    gainUndefined: {
      prePerfect: ps.filter((p) => p.gainStatus === "pre_perfect").length,
      missing: ps.filter((p) => p.gainStatus === "missing").length,
    },
    improved: ps.filter((p) => p.preScore !== null && p.postScore !== null && p.postScore > p.preScore)
      .length,
    gainByModule: groupGain(
      (i) => moduleCode.get(i.module_id) ?? "",
      modules.map((m) => ({ code: m.code, name: m.title })),
    ),
    gainByCompetency: groupGain(
      (i) => i.competency_code,
      competencies.filter((c) => usedCompetencies.has(c.code)).map((c) => ({ code: c.code, name: c.name })),
    ),
    completed,
    completionRate: ps.length ? round4(completed / ps.length) : null,
    certificates: {
      valid: ps.filter((p) => p.certificate && !p.certificate.revoked_at).length,
      revoked: ps.filter((p) => p.certificate?.revoked_at).length,
    },
    evaluation: {
      responses: evaluations.length,
      means: {
        content: ratings("content"),
        trainer: ratings("trainer"),
        venue: ratings("venue"),
        usefulness: ratings("usefulness"),
      },
      // Shuffled by sorting on text so that order does not reveal who wrote what.
      comments: evaluations.flatMap((e) => (e.comment ? [e.comment] : [])).sort((a, b) => a.localeCompare(b)),
    },
    /** Per-participant rows for the exports (not part of the JSON report for pimpinan). */
    rows: ps,
  };
}

export type CohortReport = Awaited<ReturnType<typeof buildCohortReport>>;
