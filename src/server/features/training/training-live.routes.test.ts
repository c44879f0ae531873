import { beforeAll, describe, expect, it } from "vitest";
import { describeEachDialect } from "../../../../test/test-db.ts";
import { useTrainingTestEnv, wib } from "./training.test-helper.ts";

describeEachDialect("training: a live cohort", (ctx) => {
  const env = useTrainingTestEnv(ctx);

  describe("a live cohort: enrolment, QR check-in and a test", () => {
    let cohortId = "";
    let psmWorkerId = "";
    let nowSessionToken = "";
    let laterSessionToken = "";
    let postTestId = "";

    beforeAll(async () => {
      const programme = await env.call("POST", "/api/v1/training/programmes", env.as.pelatih, {
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
      const cohort = await env.call("POST", "/api/v1/training/cohorts", env.as.pelatih, {
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
      const current = await env.call(
        "POST",
        `/api/v1/training/cohorts/${cohortId}/sessions`,
        env.as.pelatih,
        {
          date: today.date,
          startTime: start.date === today.date ? start.time : "00:00",
          endTime: end.date === today.date ? end.time : "23:59",
          venue: "Aula",
          trainer: "Pelatih Uji",
          title: "Sesi sekarang",
        },
      );
      expect(current.statusCode).toBe(201);
      const later = await env.call("POST", `/api/v1/training/cohorts/${cohortId}/sessions`, env.as.pelatih, {
        date: wib(new Date(now.getTime() + 86_400_000)).date,
        startTime: "08:00",
        endTime: "12:00",
        venue: "Aula",
        trainer: "Pelatih Uji",
        title: "Sesi besok",
      });
      const code = async (id: string) =>
        (await env.call("GET", `/api/v1/training/sessions/${id}/check-in-code`, env.as.pelatih)).json();
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
      const ineligible = await env.call(
        "POST",
        `/api/v1/training/cohorts/${cohortId}/enrolments`,
        env.as.pelatih,
        {
          workerIds: [psmWorkerId, outside.id, tksk.id],
        },
      );
      expect(ineligible.statusCode).toBe(422);
      expect(
        ineligible
          .json()
          .errors.map((e: { code: string }) => e.code)
          .sort(),
      ).toEqual(["region_outside", "role_not_targeted"]);
      const quota = await env.call(
        "POST",
        `/api/v1/training/cohorts/${cohortId}/enrolments`,
        env.as.pelatih,
        {
          workerIds: gambir.slice(0, 3).map((w) => w.id),
        },
      );
      expect(quota.statusCode).toBe(409);
      expect(quota.json().code).toBe("training_quota_exceeded");
      const none = await ctx.db
        .selectFrom("training_enrolments")
        .select("id")
        .where("cohort_id", "=", cohortId)
        .execute();
      expect(none).toHaveLength(0);
      const eligible = (
        await env.call("GET", `/api/v1/training/cohorts/${cohortId}/eligible-workers`, env.as.pelatih)
      ).json();
      expect(eligible.items.map((w: { regionCode: string }) => w.regionCode.slice(0, 6))).toEqual(
        gambir.map(() => "317101"),
      );
      expect(eligible.items.map((w: { workerId: string }) => w.workerId)).not.toContain(outside.id);
      const ok = await env.call("POST", `/api/v1/training/cohorts/${cohortId}/enrolments`, env.as.pelatih, {
        workerIds: [psmWorkerId],
      });
      expect(ok.json()).toEqual({ enrolled: 1, participants: 1 });
      const after = (
        await env.call("GET", `/api/v1/training/cohorts/${cohortId}/eligible-workers`, env.as.pelatih)
      ).json();
      expect(after.items).toHaveLength(gambir.length - 1);
      const invitations = (
        await env.call("GET", `/api/v1/training/cohorts/${cohortId}/invitations`, env.as.pelatih)
      ).json().items;
      expect(invitations[0].sessions).toHaveLength(2);
    });

    it("accepts a QR check-in only in that session's window and only for participants", async () => {
      const later = await env.call("POST", "/api/v1/training/check-in", env.as.psm, {
        token: laterSessionToken,
      });
      expect(later.statusCode).toBe(409);
      expect(later.json().code).toBe("training_check_in_refused");
      const stranger = await env.call("POST", "/api/v1/training/check-in", env.as.tksk, {
        token: nowSessionToken,
      });
      expect(stranger.statusCode).toBe(403);
      const ok = await env.call("POST", "/api/v1/training/check-in", env.as.psm, { token: nowSessionToken });
      expect(ok.statusCode).toBe(200);
      expect(ok.json().status).toBe("hadir");
      const me = (await env.call("GET", "/api/v1/training/me", env.as.psm)).json();
      const mine = me.cohorts.find((c: { cohortId: string }) => c.cohortId === cohortId);
      expect(mine.sessions.map((s: { status: string | null }) => s.status)).toEqual(["hadir", null]);
    });

    it("lets the trainer mark attendance in bulk", async () => {
      const detail = (await env.call("GET", `/api/v1/training/cohorts/${cohortId}`, env.as.pelatih)).json();
      const enrolmentId = detail.roster[0].enrolmentId;
      const res = await env.call(
        "PUT",
        `/api/v1/training/sessions/${detail.sessions[1].id}/attendance`,
        env.as.pelatih,
        {
          entries: [{ enrolmentId, status: "izin" }],
        },
      );
      expect(res.statusCode).toBe(200);
      expect(res.json().entries[0].status).toBe("izin");
      const bad = await env.call(
        "PUT",
        `/api/v1/training/sessions/${detail.sessions[1].id}/attendance`,
        env.as.pelatih,
        {
          entries: [{ enrolmentId: "nope", status: "hadir" }],
        },
      );
      expect(bad.statusCode).toBe(400);
    });

    it("resumes a test with the answers kept after a dropped connection", async () => {
      const test = await env.call("PUT", `/api/v1/training/cohorts/${cohortId}/tests`, env.as.pelatih, {
        kind: "post",
        timeLimitMinutes: 30,
        questionsPerModule: 2,
      });
      postTestId = test.json().id;
      const first = await env.call("POST", `/api/v1/training/tests/${postTestId}/attempt`, env.as.psm);
      expect(first.statusCode).toBe(200);
      const attempt = first.json();
      expect(attempt.items).toHaveLength(12);
      expect(JSON.stringify(attempt)).not.toContain("correct");
      for (const position of [0, 1, 2]) {
        const saved = await env.call(
          "PUT",
          `/api/v1/training/attempts/${attempt.id}/answers/${position}`,
          env.as.psm,
          { selected: 1 },
        );
        expect(saved.statusCode).toBe(200);
      }
      // The phone reconnects and asks for its test again.
      const again = (
        await env.call("POST", `/api/v1/training/tests/${postTestId}/attempt`, env.as.psm)
      ).json();
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
      expect(
        (await env.call("POST", `/api/v1/training/tests/${postTestId}/attempt`, env.as.tksk)).statusCode,
      ).toBe(403);
    });

    it("closes a test at its time limit: later answers are refused, a late submit is scored at the limit", async () => {
      const attempt = (
        await env.call("POST", `/api/v1/training/tests/${postTestId}/attempt`, env.as.psm)
      ).json();
      const deadline = new Date(Date.now() - 60_000).toISOString();
      await ctx.db
        .updateTable("training_attempts")
        .set({ deadline_at: deadline })
        .where("id", "=", attempt.id)
        .execute();
      const late = await env.call("PUT", `/api/v1/training/attempts/${attempt.id}/answers/5`, env.as.psm, {
        selected: 0,
      });
      expect(late.statusCode).toBe(409);
      expect(late.json().code).toBe("training_time_over");
      const submitted = await env.call("POST", `/api/v1/training/attempts/${attempt.id}/submit`, env.as.psm);
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
      let report = (
        await env.call("GET", `/api/v1/training/cohorts/${cohortId}/report`, env.as.sudin)
      ).json();
      expect(report.gainMean).toBeNull();
      expect(report.gainUndefined).toEqual({ prePerfect: 0, missing: 1 });
      // A pre-test answered perfectly: g is undefined, shown as such, never a division by zero.
      await env.call("PUT", `/api/v1/training/cohorts/${cohortId}/tests`, env.as.pelatih, {
        kind: "pre",
        timeLimitMinutes: 30,
        questionsPerModule: 1,
      });
      const detail = (await env.call("GET", `/api/v1/training/cohorts/${cohortId}`, env.as.pelatih)).json();
      const preTest = detail.tests.find((t: { kind: string }) => t.kind === "pre");
      const attempt = (
        await env.call("POST", `/api/v1/training/tests/${preTest.id}/attempt`, env.as.psm)
      ).json();
      const items = await ctx.db
        .selectFrom("training_attempt_items as i")
        .innerJoin("training_questions as q", "q.id", "i.question_id")
        .select(["i.position", "i.option_order", "q.correct_index"])
        .where("i.attempt_id", "=", attempt.id)
        .execute();
      for (const item of items) {
        const displayed = (JSON.parse(item.option_order) as number[]).indexOf(item.correct_index);
        await env.call(
          "PUT",
          `/api/v1/training/attempts/${attempt.id}/answers/${item.position}`,
          env.as.psm,
          {
            selected: displayed,
          },
        );
      }
      const submitted = (
        await env.call("POST", `/api/v1/training/attempts/${attempt.id}/submit`, env.as.psm)
      ).json();
      expect(submitted.score).toBe(100);
      report = (await env.call("GET", `/api/v1/training/cohorts/${cohortId}/report`, env.as.sudin)).json();
      expect(report.preMean).toBe(100);
      expect(report.gainMean).toBeNull();
      expect(report.gainUndefined).toEqual({ prePerfect: 1, missing: 0 });
      const roster = (await env.call("GET", `/api/v1/training/cohorts/${cohortId}`, env.as.pelatih)).json()
        .roster;
      expect(roster[0]).toMatchObject({ gain: null, gainStatus: "pre_perfect" });
    });

    it("takes one anonymous evaluation per participant", async () => {
      const body = { content: 5, trainer: 4, venue: 3, usefulness: 5, comment: "Bermanfaat" };
      expect(
        (await env.call("POST", `/api/v1/training/cohorts/${cohortId}/evaluation`, env.as.psm, body))
          .statusCode,
      ).toBe(204);
      expect(
        (await env.call("POST", `/api/v1/training/cohorts/${cohortId}/evaluation`, env.as.psm, body))
          .statusCode,
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
