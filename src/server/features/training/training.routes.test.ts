import type { FastifyInstance } from "fastify";
import { beforeAll, describe, expect, it } from "vitest";
import { type LoggedIn, loginAs, seedAccessFixture } from "../../../../test/auth-helpers.ts";
import { describeEachDialect } from "../../../../test/test-db.ts";

/** A Jakarta-time (UTC+7) date and HH:MM for an instant. */
function wib(at: Date): { date: string; time: string } {
  const iso = new Date(at.getTime() + 7 * 3_600_000).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

describeEachDialect("training", (ctx) => {
  let app: FastifyInstance;
  const as = {} as Record<"sudin" | "pelatih" | "pimpinan" | "psm" | "tksk", LoggedIn>;
  let demoCohortId = "";

  const call = (method: string, url: string, who: LoggedIn | null, payload?: unknown) =>
    app.inject({
      method: method as "GET",
      url,
      headers: who?.headers ?? {},
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  beforeAll(async () => {
    await seedAccessFixture(ctx.db);
    app = await ctx.app();
    as.sudin = await loginAs(app, "sudin");
    as.pelatih = await loginAs(app, "pelatih");
    as.pimpinan = await loginAs(app, "pimpinan");
    as.psm = await loginAs(app, "psm.kebon-kelapa");
    as.tksk = await loginAs(app, "tksk.gambir");
    const cohorts = (await call("GET", "/api/v1/training/cohorts", as.sudin)).json().items;
    demoCohortId = cohorts.find((c: { year: number }) => c.year === 2024).id;
  });

  describe("the demo's 2024 cohort", () => {
    it("lists the programme with its quotas and the cohort with 8 TKSK and 44 PSM", async () => {
      const programmes = await call("GET", "/api/v1/training/programmes", as.pelatih);
      expect(programmes.statusCode).toBe(200);
      const programme = programmes.json().items.find((p: { year: number }) => p.year === 2024);
      expect(programme.quotas).toEqual({ tksk: 8, psm: 44 });
      expect(programme.completionRule).toEqual({ minAttendanceRate: 0.8, minPostScore: 70 });
      const cohorts = (await call("GET", "/api/v1/training/cohorts", as.pelatih)).json().items;
      const cohort = cohorts.find((c: { id: string }) => c.id === demoCohortId);
      expect(cohort.participants).toEqual({ total: 52, byRole: { tksk: 8, psm: 44 } });
      expect(cohort.startsOn).toBe("2024-05-02");
      expect(cohort.sessionCount).toBe(6);
    });

    it("reports figures that match a computation from the stored answer rows", async () => {
      const res = await call("GET", `/api/v1/training/cohorts/${demoCohortId}/report`, as.pimpinan);
      expect(res.statusCode).toBe(200);
      const report = res.json();
      expect(report.participants).toEqual({ total: 52, byRole: { tksk: 8, psm: 44 } });

      const items = await ctx.db
        .selectFrom("training_attempt_items as i")
        .innerJoin("training_attempts as a", "a.id", "i.attempt_id")
        .innerJoin("training_tests as t", "t.id", "a.test_id")
        .select(["a.enrolment_id", "t.kind", "i.is_correct"])
        .where("t.cohort_id", "=", demoCohortId)
        .where("a.submitted_at", "is not", null)
        .execute();
      const score = new Map<string, { right: number; total: number }>();
      for (const i of items) {
        const key = `${i.kind}:${i.enrolment_id}`;
        const s = score.get(key) ?? { right: 0, total: 0 };
        s.right += i.is_correct;
        s.total += 1;
        score.set(key, s);
      }
      const percent = (key: string) => {
        const s = score.get(key);
        return s ? (100 * s.right) / s.total : null;
      };
      const enrolments = await ctx.db
        .selectFrom("training_enrolments")
        .select("id")
        .where("cohort_id", "=", demoCohortId)
        .execute();
      const pre = enrolments.map((e) => percent(`pre:${e.id}`)).filter((v) => v !== null) as number[];
      const post = enrolments.map((e) => percent(`post:${e.id}`)).filter((v) => v !== null) as number[];
      const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      expect(report.preTaken).toBe(pre.length);
      expect(report.postTaken).toBe(post.length);
      expect(report.preMean).toBeCloseTo(avg(pre), 1);
      expect(report.postMean).toBeCloseTo(avg(post), 1);
      expect(report.postMean).toBeGreaterThan(report.preMean);

      const gains = enrolments.flatMap((e) => {
        const p = percent(`pre:${e.id}`);
        const q = percent(`post:${e.id}`);
        return p === null || q === null || p === 100 ? [] : [(q - p) / (100 - p)];
      });
      expect(report.gainCounted).toBe(gains.length);
      expect(report.gainMean).toBeCloseTo(avg(gains), 2);
      expect(report.gainUndefined.missing).toBe(52 - gains.length - report.gainUndefined.prePerfect);
      expect(report.improved).toBeGreaterThan(35);
      expect(report.improved).toBeLessThan(52);

      const sessions = await ctx.db
        .selectFrom("training_sessions")
        .select("id")
        .where("cohort_id", "=", demoCohortId)
        .execute();
      const marks = await ctx.db
        .selectFrom("training_attendance")
        .select(["enrolment_id", "status"])
        .where(
          "session_id",
          "in",
          sessions.map((s) => s.id),
        )
        .execute();
      const completed = enrolments.filter((e) => {
        const present = marks.filter(
          (m) => m.enrolment_id === e.id && ["hadir", "terlambat"].includes(m.status),
        ).length;
        const q = percent(`post:${e.id}`);
        return present / sessions.length >= 0.8 && q !== null && q >= 70;
      }).length;
      expect(report.completed).toBe(completed);
      expect(report.completed).toBeGreaterThan(20);
      expect(report.completed).toBeLessThan(52);
      expect(report.certificates.valid).toBe(completed);
      expect(report.gainByModule.map((g: { code: string }) => g.code)).toEqual([
        "M1",
        "M2",
        "M3",
        "M4",
        "M5",
        "M6",
      ]);
      expect(report.gainByCompetency).toHaveLength(6);
      expect(report.evaluation.responses).toBeGreaterThan(30);
      expect(report.attendanceRate).toBeGreaterThan(0.8);
    });

    it("exports the report as XLSX and PDF, and keeps it from participants", async () => {
      const xlsx = await call("GET", `/api/v1/training/cohorts/${demoCohortId}/report.xlsx`, as.sudin);
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe("PK");
      const pdf = await call("GET", `/api/v1/training/cohorts/${demoCohortId}/report.pdf`, as.pimpinan);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
      expect(
        (await call("GET", `/api/v1/training/cohorts/${demoCohortId}/report.xlsx`, as.pimpinan)).statusCode,
      ).toBe(403);
      expect((await call("GET", `/api/v1/training/cohorts/${demoCohortId}/report`, as.psm)).statusCode).toBe(
        403,
      );
      expect((await call("GET", `/api/v1/training/cohorts/${demoCohortId}/report`, null)).statusCode).toBe(
        401,
      );
    });

    it("gives item analysis to trainers", async () => {
      const detail = (await call("GET", `/api/v1/training/cohorts/${demoCohortId}`, as.pelatih)).json();
      expect(detail.roster).toHaveLength(52);
      const post = detail.tests.find((t: { kind: string }) => t.kind === "post");
      const res = await call("GET", `/api/v1/training/tests/${post.id}/item-analysis`, as.pelatih);
      expect(res.statusCode).toBe(200);
      const analysis = res.json();
      expect(analysis.attempts).toBe(52);
      expect(analysis.items).toHaveLength(48);
      for (const item of analysis.items) {
        expect(item.difficulty).toBeGreaterThanOrEqual(0);
        expect(item.difficulty).toBeLessThanOrEqual(1);
      }
      expect(
        (await call("GET", `/api/v1/training/tests/${post.id}/item-analysis`, as.pimpinan)).statusCode,
      ).toBe(403);
    });

    it("shows a worker's trainings and competencies on the profile", async () => {
      const detail = (await call("GET", `/api/v1/training/cohorts/${demoCohortId}`, as.sudin)).json();
      const done = detail.roster.find((p: { completed: boolean }) => p.completed);
      const res = await call("GET", `/api/v1/workers/${done.workerId}/training`, as.sudin);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.trainings[0]).toMatchObject({
        completed: true,
        preScore: done.preScore,
        postScore: done.postScore,
      });
      expect(body.trainings[0].certificate.revoked).toBe(false);
      expect(body.competencies.map((c: { code: string }) => c.code)).toEqual([
        "K1",
        "K2",
        "K3",
        "K4",
        "K5",
        "K6",
      ]);
    });
  });

  describe("certificates", () => {
    it("verifies through the QR address; revocation shows; unknown codes leak nothing", async () => {
      const list = await call("GET", `/api/v1/training/cohorts/${demoCohortId}/certificates`, as.pelatih);
      const cert = list.json().items[0];
      expect(cert.verifyUrl).toMatch(new RegExp(`/verifikasi/${cert.code}$`));
      const path = new URL(cert.verifyUrl).pathname;
      const page = await call("GET", path, null);
      expect(page.statusCode).toBe(200);
      expect(page.headers["content-type"]).toContain("text/html");
      expect(page.body).toContain("Sertifikat SAH");
      expect(page.body).toContain(cert.holderName);
      const api = await call("GET", `/api/v1/certificates/verify/${cert.code}`, null);
      expect(api.json()).toEqual({
        status: "valid",
        number: cert.number,
        name: cert.holderName,
        programme: cert.programmeName,
        date: "2024-05-04",
        revokedAt: null,
      });

      const pdf = await call("GET", `/api/v1/certificates/${cert.id}/pdf`, as.pelatih);
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
      const zip = await call("GET", `/api/v1/training/cohorts/${demoCohortId}/certificates.zip`, as.pelatih);
      expect(zip.statusCode).toBe(200);
      expect(zip.rawPayload.subarray(0, 2).toString()).toBe("PK");

      const revoked = await call("POST", `/api/v1/certificates/${cert.id}/revoke`, as.pelatih, {
        reason: "Data kehadiran salah",
      });
      expect(revoked.statusCode).toBe(200);
      expect((await call("GET", path, null)).body).toContain("Sertifikat DICABUT");
      expect((await call("GET", `/api/v1/certificates/verify/${cert.code}`, null)).json().status).toBe(
        "revoked",
      );
      expect(
        (await call("POST", `/api/v1/certificates/${cert.id}/revoke`, as.pelatih, { reason: "lagi" }))
          .statusCode,
      ).toBe(409);

      for (const code of ["ZZZZZZZZZZZZ", "bukan-kode", cert.number.replace(/\//g, "-")]) {
        const unknownPage = await call("GET", `/verifikasi/${encodeURIComponent(code)}`, null);
        expect(unknownPage.statusCode).toBe(404);
        expect(unknownPage.body).toContain("tidak ditemukan");
        expect(unknownPage.body).not.toContain(cert.holderName);
        const unknownApi = await call("GET", `/api/v1/certificates/verify/${encodeURIComponent(code)}`, null);
        expect(unknownApi.statusCode).toBe(404);
        expect(Object.keys(unknownApi.json())).not.toContain("name");
      }
      expect(
        (await call("POST", `/api/v1/certificates/${cert.id}/revoke`, as.psm, { reason: "coba" })).statusCode,
      ).toBe(403);
    });
  });

  describe("a live cohort: enrolment, QR check-in and a test", () => {
    let cohortId = "";
    let psmWorkerId = "";
    let nowSessionToken = "";
    let laterSessionToken = "";
    let postTestId = "";

    beforeAll(async () => {
      const programme = await call("POST", "/api/v1/training/programmes", as.pelatih, {
        name: "Pelatihan Lanjutan Rujukan 2026",
        year: 2026,
        level: "lanjutan",
        organiser: "Suku Dinas Sosial Kota Administrasi Jakarta Pusat",
        organiserCode: "SUDINSOS-JP",
        quotas: { tksk: 0, psm: 2 },
        signatoryName: "Penandatangan Uji",
        signatoryTitle: "Kepala Suku Dinas Sosial",
      });
      expect(programme.statusCode).toBe(201);
      expect(programme.json().modules).toHaveLength(6);
      const now = new Date();
      const today = wib(now);
      const cohort = await call("POST", "/api/v1/training/cohorts", as.pelatih, {
        programmeId: programme.json().id,
        name: "Angkatan Uji",
        eligibleRegionCode: "31.71.01",
        venue: "Kantor Kecamatan Gambir",
        startsOn: today.date,
        endsOn: wib(new Date(now.getTime() + 2 * 86_400_000)).date,
      });
      expect(cohort.statusCode).toBe(201);
      cohortId = cohort.json().id;
      const start = wib(new Date(now.getTime() - 10 * 60_000));
      const end = wib(new Date(now.getTime() + 60 * 60_000));
      const current = await call("POST", `/api/v1/training/cohorts/${cohortId}/sessions`, as.pelatih, {
        date: today.date,
        startTime: start.date === today.date ? start.time : "00:00",
        endTime: end.date === today.date ? end.time : "23:59",
        venue: "Aula",
        trainer: "Pelatih Uji",
        title: "Sesi sekarang",
      });
      expect(current.statusCode).toBe(201);
      const later = await call("POST", `/api/v1/training/cohorts/${cohortId}/sessions`, as.pelatih, {
        date: wib(new Date(now.getTime() + 86_400_000)).date,
        startTime: "08:00",
        endTime: "12:00",
        venue: "Aula",
        trainer: "Pelatih Uji",
        title: "Sesi besok",
      });
      const code = async (id: string) =>
        (await call("GET", `/api/v1/training/sessions/${id}/check-in-code`, as.pelatih)).json();
      const currentCode = await code(current.json().id);
      expect(currentCode.qrSvg).toContain("<svg");
      nowSessionToken = currentCode.token;
      laterSessionToken = (await code(later.json().id)).token;
      const user = await ctx.db
        .selectFrom("users")
        .select("worker_id")
        .where("username", "=", "psm.kebon-kelapa")
        .executeTakeFirstOrThrow();
      psmWorkerId = user.worker_id as string;
    });

    it("refuses ineligible workers and exceeded quotas without writing anything", async () => {
      const workers = await ctx.db
        .selectFrom("workers")
        .select(["id", "role", "region_code"])
        .where("is_demo", "=", 1)
        .execute();
      const outside = workers.find((w) => w.role === "psm" && !w.region_code.startsWith("317101"))!;
      const tksk = workers.find((w) => w.role === "tksk" && w.region_code === "317101")!;
      const gambir = workers.filter((w) => w.role === "psm" && w.region_code.startsWith("317101"));
      const ineligible = await call("POST", `/api/v1/training/cohorts/${cohortId}/enrolments`, as.pelatih, {
        workerIds: [psmWorkerId, outside.id, tksk.id],
      });
      expect(ineligible.statusCode).toBe(422);
      expect(
        ineligible
          .json()
          .errors.map((e: { code: string }) => e.code)
          .sort(),
      ).toEqual(["region_outside", "role_not_targeted"]);
      const quota = await call("POST", `/api/v1/training/cohorts/${cohortId}/enrolments`, as.pelatih, {
        workerIds: gambir.slice(0, 3).map((w) => w.id),
      });
      expect(quota.statusCode).toBe(409);
      expect(quota.json().code).toBe("training_quota_exceeded");
      const none = await ctx.db
        .selectFrom("training_enrolments")
        .select("id")
        .where("cohort_id", "=", cohortId)
        .execute();
      expect(none).toHaveLength(0);
      const ok = await call("POST", `/api/v1/training/cohorts/${cohortId}/enrolments`, as.pelatih, {
        workerIds: [psmWorkerId],
      });
      expect(ok.json()).toEqual({ enrolled: 1, participants: 1 });
      const invitations = (
        await call("GET", `/api/v1/training/cohorts/${cohortId}/invitations`, as.pelatih)
      ).json().items;
      expect(invitations[0].sessions).toHaveLength(2);
    });

    it("accepts a QR check-in only in that session's window and only for participants", async () => {
      const later = await call("POST", "/api/v1/training/check-in", as.psm, { token: laterSessionToken });
      expect(later.statusCode).toBe(409);
      expect(later.json().code).toBe("training_check_in_refused");
      const stranger = await call("POST", "/api/v1/training/check-in", as.tksk, { token: nowSessionToken });
      expect(stranger.statusCode).toBe(403);
      const ok = await call("POST", "/api/v1/training/check-in", as.psm, { token: nowSessionToken });
      expect(ok.statusCode).toBe(200);
      expect(ok.json().status).toBe("hadir");
      const me = (await call("GET", "/api/v1/training/me", as.psm)).json();
      const mine = me.cohorts.find((c: { cohortId: string }) => c.cohortId === cohortId);
      expect(mine.sessions.map((s: { status: string | null }) => s.status)).toEqual(["hadir", null]);
    });

    it("lets the trainer mark attendance in bulk", async () => {
      const detail = (await call("GET", `/api/v1/training/cohorts/${cohortId}`, as.pelatih)).json();
      const enrolmentId = detail.roster[0].enrolmentId;
      const res = await call(
        "PUT",
        `/api/v1/training/sessions/${detail.sessions[1].id}/attendance`,
        as.pelatih,
        {
          entries: [{ enrolmentId, status: "izin" }],
        },
      );
      expect(res.statusCode).toBe(200);
      expect(res.json().entries[0].status).toBe("izin");
      const bad = await call(
        "PUT",
        `/api/v1/training/sessions/${detail.sessions[1].id}/attendance`,
        as.pelatih,
        {
          entries: [{ enrolmentId: "nope", status: "hadir" }],
        },
      );
      expect(bad.statusCode).toBe(400);
    });

    it("resumes a test with the answers kept after a dropped connection", async () => {
      const test = await call("PUT", `/api/v1/training/cohorts/${cohortId}/tests`, as.pelatih, {
        kind: "post",
        timeLimitMinutes: 30,
        questionsPerModule: 2,
      });
      postTestId = test.json().id;
      const first = await call("POST", `/api/v1/training/tests/${postTestId}/attempt`, as.psm);
      expect(first.statusCode).toBe(200);
      const attempt = first.json();
      expect(attempt.items).toHaveLength(12);
      expect(JSON.stringify(attempt)).not.toContain("correct");
      for (const position of [0, 1, 2]) {
        const saved = await call(
          "PUT",
          `/api/v1/training/attempts/${attempt.id}/answers/${position}`,
          as.psm,
          { selected: 1 },
        );
        expect(saved.statusCode).toBe(200);
      }
      // The phone reconnects and asks for its test again.
      const again = (await call("POST", `/api/v1/training/tests/${postTestId}/attempt`, as.psm)).json();
      expect(again.id).toBe(attempt.id);
      expect(again.items.map((i: { text: string }) => i.text)).toEqual(
        attempt.items.map((i: { text: string }) => i.text),
      );
      expect(again.items.slice(0, 4).map((i: { selected: number | null }) => i.selected)).toEqual([
        1,
        1,
        1,
        null,
      ]);
      expect((await call("POST", `/api/v1/training/tests/${postTestId}/attempt`, as.tksk)).statusCode).toBe(
        403,
      );
    });

    it("closes a test at its time limit: later answers are refused, a late submit is scored at the limit", async () => {
      const attempt = (await call("POST", `/api/v1/training/tests/${postTestId}/attempt`, as.psm)).json();
      const deadline = new Date(Date.now() - 60_000).toISOString();
      await ctx.db
        .updateTable("training_attempts")
        .set({ deadline_at: deadline })
        .where("id", "=", attempt.id)
        .execute();
      const late = await call("PUT", `/api/v1/training/attempts/${attempt.id}/answers/5`, as.psm, {
        selected: 0,
      });
      expect(late.statusCode).toBe(409);
      expect(late.json().code).toBe("training_time_over");
      const submitted = await call("POST", `/api/v1/training/attempts/${attempt.id}/submit`, as.psm);
      expect(submitted.statusCode === 200 || submitted.statusCode === 409).toBe(true);
      const row = await ctx.db
        .selectFrom("training_attempts")
        .selectAll()
        .where("id", "=", attempt.id)
        .executeTakeFirstOrThrow();
      expect(row.submitted_at).toBe(deadline);
      expect(row.closed_at_limit).toBe(1);
      const items = await ctx.db
        .selectFrom("training_attempt_items")
        .selectAll()
        .where("attempt_id", "=", attempt.id)
        .execute();
      expect(items.filter((i) => i.selected_option !== null)).toHaveLength(3);
      const right = items.filter((i) => i.is_correct === 1).length;
      expect(row.score).toBeCloseTo((100 * right) / 12, 2);
    });

    it("reports a missing pre-test and a perfect pre-test without errors", async () => {
      let report = (await call("GET", `/api/v1/training/cohorts/${cohortId}/report`, as.sudin)).json();
      expect(report.gainMean).toBeNull();
      expect(report.gainUndefined).toEqual({ prePerfect: 0, missing: 1 });
      // A pre-test answered perfectly: g is undefined, shown as such, never a division by zero.
      await call("PUT", `/api/v1/training/cohorts/${cohortId}/tests`, as.pelatih, {
        kind: "pre",
        timeLimitMinutes: 30,
        questionsPerModule: 1,
      });
      const detail = (await call("GET", `/api/v1/training/cohorts/${cohortId}`, as.pelatih)).json();
      const preTest = detail.tests.find((t: { kind: string }) => t.kind === "pre");
      const attempt = (await call("POST", `/api/v1/training/tests/${preTest.id}/attempt`, as.psm)).json();
      const items = await ctx.db
        .selectFrom("training_attempt_items as i")
        .innerJoin("training_questions as q", "q.id", "i.question_id")
        .select(["i.position", "i.option_order", "q.correct_index"])
        .where("i.attempt_id", "=", attempt.id)
        .execute();
      for (const item of items) {
        const displayed = (JSON.parse(item.option_order) as number[]).indexOf(item.correct_index);
        await call("PUT", `/api/v1/training/attempts/${attempt.id}/answers/${item.position}`, as.psm, {
          selected: displayed,
        });
      }
      const submitted = (await call("POST", `/api/v1/training/attempts/${attempt.id}/submit`, as.psm)).json();
      expect(submitted.score).toBe(100);
      report = (await call("GET", `/api/v1/training/cohorts/${cohortId}/report`, as.sudin)).json();
      expect(report.preMean).toBe(100);
      expect(report.gainMean).toBeNull();
      expect(report.gainUndefined).toEqual({ prePerfect: 1, missing: 0 });
      const roster = (await call("GET", `/api/v1/training/cohorts/${cohortId}`, as.pelatih)).json().roster;
      expect(roster[0]).toMatchObject({ gain: null, gainStatus: "pre_perfect" });
    });

    it("takes one anonymous evaluation per participant", async () => {
      const body = { content: 5, trainer: 4, venue: 3, usefulness: 5, comment: "Bermanfaat" };
      expect(
        (await call("POST", `/api/v1/training/cohorts/${cohortId}/evaluation`, as.psm, body)).statusCode,
      ).toBe(204);
      expect(
        (await call("POST", `/api/v1/training/cohorts/${cohortId}/evaluation`, as.psm, body)).statusCode,
      ).toBe(409);
      const rows = await ctx.db
        .selectFrom("training_evaluations")
        .selectAll()
        .where("cohort_id", "=", cohortId)
        .execute();
      expect(Object.keys(rows[0] ?? {})).not.toContain("enrolment_id");
    });
  });
});
