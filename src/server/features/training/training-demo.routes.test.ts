import { describe, expect, it } from "vitest";
import { describeEachDialect } from "../../../../test/test-db.ts";
import { useTrainingTestEnv } from "./training.test-helper.ts";

describeEachDialect("training: the demo's 2024 cohort and its certificates", (ctx) => {
  const env = useTrainingTestEnv(ctx);

  describe("the demo's 2024 cohort", () => {
    it("lists the programme with its quotas and the cohort with 8 TKSK and 44 PSM", async () => {
      const programmes = await env.call("GET", "/api/v1/training/programmes", env.as.pelatih);
      expect(programmes.statusCode).toBe(200);
      const programme = programmes.json().items.find((p: { year: number }) => p.year === 2024);
      expect(programme.quotas).toEqual({ tksk: 8, psm: 44 });
      expect(programme.completionRule).toEqual({ minAttendanceRate: 0.8, minPostScore: 70 });
      const cohorts = (await env.call("GET", "/api/v1/training/cohorts", env.as.pelatih)).json().items;
      const cohort = cohorts.find((c: { id: string }) => c.id === env.demoCohortId);
      expect(cohort.participants).toEqual({ total: 52, byRole: { tksk: 8, psm: 44 } });
      expect(cohort.startsOn).toBe("2024-05-02");
      expect(cohort.sessionCount).toBe(6);
    });

    it("reports figures that match a computation from the stored answer rows", async () => {
      const res = await env.call(
        "GET",
        `/api/v1/training/cohorts/${env.demoCohortId}/report`,
        env.as.pimpinan,
      );
      expect(res.statusCode).toBe(200);
      const report = res.json();
      expect(report.participants).toEqual({ total: 52, byRole: { tksk: 8, psm: 44 } });

      const items = await ctx.db
        .selectFrom("training_attempt_items as i")
        .innerJoin("training_attempts as a", "a.id", "i.attempt_id")
        .innerJoin("training_tests as t", "t.id", "a.test_id")
        .select(["a.enrolment_id", "t.kind", "i.is_correct"])
        .where("t.cohort_id", "=", env.demoCohortId)
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
        .where("cohort_id", "=", env.demoCohortId)
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
        .where("cohort_id", "=", env.demoCohortId)
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
      const xlsx = await env.call(
        "GET",
        `/api/v1/training/cohorts/${env.demoCohortId}/report.xlsx`,
        env.as.sudin,
      );
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe("PK");
      const pdf = await env.call(
        "GET",
        `/api/v1/training/cohorts/${env.demoCohortId}/report.pdf`,
        env.as.pimpinan,
      );
      expect(pdf.statusCode).toBe(200);
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
      expect(
        (await env.call("GET", `/api/v1/training/cohorts/${env.demoCohortId}/report.xlsx`, env.as.pimpinan))
          .statusCode,
      ).toBe(403);
      expect(
        (await env.call("GET", `/api/v1/training/cohorts/${env.demoCohortId}/report`, env.as.psm)).statusCode,
      ).toBe(403);
      expect(
        (await env.call("GET", `/api/v1/training/cohorts/${env.demoCohortId}/report`, null)).statusCode,
      ).toBe(401);
    });

    it("gives item analysis to trainers", async () => {
      const detail = (
        await env.call("GET", `/api/v1/training/cohorts/${env.demoCohortId}`, env.as.pelatih)
      ).json();
      expect(detail.roster).toHaveLength(52);
      const post = detail.tests.find((t: { kind: string }) => t.kind === "post");
      const res = await env.call("GET", `/api/v1/training/tests/${post.id}/item-analysis`, env.as.pelatih);
      expect(res.statusCode).toBe(200);
      const analysis = res.json();
      expect(analysis.attempts).toBe(52);
      expect(analysis.items).toHaveLength(48);
      for (const item of analysis.items) {
        expect(item.difficulty).toBeGreaterThanOrEqual(0);
        expect(item.difficulty).toBeLessThanOrEqual(1);
      }
      expect(
        (await env.call("GET", `/api/v1/training/tests/${post.id}/item-analysis`, env.as.pimpinan))
          .statusCode,
      ).toBe(403);
    });

    it("shows a worker's trainings and competencies on the profile", async () => {
      const detail = (
        await env.call("GET", `/api/v1/training/cohorts/${env.demoCohortId}`, env.as.sudin)
      ).json();
      const done = detail.roster.find((p: { completed: boolean }) => p.completed);
      const res = await env.call("GET", `/api/v1/workers/${done.workerId}/training`, env.as.sudin);
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
      const list = await env.call(
        "GET",
        `/api/v1/training/cohorts/${env.demoCohortId}/certificates`,
        env.as.pelatih,
      );
      const cert = list.json().items[0];
      expect(cert.verifyUrl).toMatch(new RegExp(`/verifikasi/${cert.code}$`));
      const path = new URL(cert.verifyUrl).pathname;
      const page = await env.call("GET", path, null);
      expect(page.statusCode).toBe(200);
      expect(page.headers["content-type"]).toContain("text/html");
      expect(page.body).toContain("Sertifikat SAH");
      expect(page.body).toContain(cert.holderName);
      const api = await env.call("GET", `/api/v1/certificates/verify/${cert.code}`, null);
      expect(api.json()).toEqual({
        status: "valid",
        number: cert.number,
        name: cert.holderName,
        programme: cert.programmeName,
        date: "2024-05-04",
        revokedAt: null,
      });

      const pdf = await env.call("GET", `/api/v1/certificates/${cert.id}/pdf`, env.as.pelatih);
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
      const zip = await env.call(
        "GET",
        `/api/v1/training/cohorts/${env.demoCohortId}/certificates.zip`,
        env.as.pelatih,
      );
      expect(zip.statusCode).toBe(200);
      expect(zip.rawPayload.subarray(0, 2).toString()).toBe("PK");

      const revoked = await env.call("POST", `/api/v1/certificates/${cert.id}/revoke`, env.as.pelatih, {
        reason: "Data kehadiran salah",
      });
      expect(revoked.statusCode).toBe(200);
      expect((await env.call("GET", path, null)).body).toContain("Sertifikat DICABUT");
      expect((await env.call("GET", `/api/v1/certificates/verify/${cert.code}`, null)).json().status).toBe(
        "revoked",
      );
      expect(
        (await env.call("POST", `/api/v1/certificates/${cert.id}/revoke`, env.as.pelatih, { reason: "lagi" }))
          .statusCode,
      ).toBe(409);

      for (const code of ["ZZZZZZZZZZZZ", "bukan-kode", cert.number.replace(/\//g, "-")]) {
        const unknownPage = await env.call("GET", `/verifikasi/${encodeURIComponent(code)}`, null);
        expect(unknownPage.statusCode).toBe(404);
        expect(unknownPage.body).toContain("tidak ditemukan");
        expect(unknownPage.body).not.toContain(cert.holderName);
        const unknownApi = await env.call(
          "GET",
          `/api/v1/certificates/verify/${encodeURIComponent(code)}`,
          null,
        );
        expect(unknownApi.statusCode).toBe(404);
        expect(Object.keys(unknownApi.json())).not.toContain("name");
      }
      expect(
        (await env.call("POST", `/api/v1/certificates/${cert.id}/revoke`, env.as.psm, { reason: "coba" }))
          .statusCode,
      ).toBe(403);
    });
  });
});
