/**
 * Correcting training records through the API: edits validated as creation, deletes refused once
 * something is recorded (bilingual reason) with cancel/archive instead, participants withdrawn
 * (kept, counted nowhere), every change audited; invitation letters; the configured public URL in
 * certificates; the chart in the cohort report PDF.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeEachDialect } from "../../../../test/test-db.ts";
import { buildApp } from "../../app.ts";
import { loadConfig } from "../../config.ts";
import { useTrainingTestEnv, wib } from "./training.test-helper.ts";

const dir = mkdtempSync(join(tmpdir(), "training-lifecycle-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The text of a PDF response, read with pdftotext (poppler-utils). */
function pdfText(res: LightMyRequestResponse): string {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
  const file = join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, res.rawPayload);
  return execFileSync("pdftotext", ["-layout", file, "-"]).toString();
}

const PROGRAMME = {
  name: "Pelatihan Koreksi 2026",
  year: 2026,
  level: "lanjutan",
  organiser: "Suku Dinas Sosial Kota Administrasi Jakarta Pusat",
  organiserCode: "SUDINSOS-JP",
  quotas: { tksk: 0, psm: 2 },
  minAttendanceRate: 0.5,
  minPostScore: 0,
  signatoryName: "Penandatangan Uji",
  signatoryTitle: "Kepala Suku Dinas Sosial",
};

describeEachDialect("training: correcting records", (ctx) => {
  const env = useTrainingTestEnv(ctx);
  const auditRows = (table: string, recordId: string) =>
    ctx.db
      .selectFrom("audit_log")
      .select(["action", "user_id", "before_json", "after_json", "detail_json"])
      .where("table_name", "=", table)
      .where("record_id", "=", recordId)
      .execute();

  describe("a fresh programme, cohort and session", () => {
    let programmeId = "";
    let cohortId = "";
    let sessionId = "";
    let moduleId = "";
    const today = wib(new Date());

    beforeAll(async () => {
      const p = await env.call("POST", "/api/v1/training/programmes", env.as.pelatih, PROGRAMME);
      expect(p.statusCode).toBe(201);
      programmeId = p.json().id;
      moduleId = p.json().modules[0].id;
      const c = await env.call("POST", "/api/v1/training/cohorts", env.as.pelatih, {
        programmeId,
        name: "Angkatan Koreksi",
        eligibleRegionCode: "31.71.01",
        venue: "Kantor Kecamatan Gambir",
        startsOn: today.date,
        endsOn: today.date,
      });
      cohortId = c.json().id;
      const s = await env.call("POST", `/api/v1/training/cohorts/${cohortId}/sessions`, env.as.pelatih, {
        date: today.date,
        startTime: "00:00",
        endTime: "23:59",
        venue: "Aula",
        trainer: "Pelatih Uji",
        title: "Sesi satu",
      });
      sessionId = s.json().id;
    });

    it("validates a programme edit exactly as its creation, and audits the change", async () => {
      const url = `/api/v1/training/programmes/${programmeId}`;
      const bad = await env.call("PUT", url, env.as.pelatih, {
        ...PROGRAMME,
        organiserCode: "sudin jp",
        name: "X",
      });
      expect(bad.statusCode).toBe(400);
      expect(
        bad
          .json()
          .errors.map((e: { field: string }) => e.field)
          .sort(),
      ).toEqual(["body.name", "body.organiserCode"]);
      const ok = await env.call("PUT", url, env.as.sudin, {
        ...PROGRAMME,
        name: "Pelatihan Koreksi 2026 (revisi)",
        quotas: { tksk: 1, psm: 3 },
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.json().name).toBe("Pelatihan Koreksi 2026 (revisi)");
      expect(ok.json().quotas).toEqual({ tksk: 1, psm: 3 });
      const [entry] = await auditRows("training_programmes", programmeId);
      expect(entry?.action).toBe("update");
      expect(JSON.parse(entry!.before_json!)).toMatchObject({ name: "Pelatihan Koreksi 2026" });
      expect(JSON.parse(entry!.after_json!)).toMatchObject({
        name: "Pelatihan Koreksi 2026 (revisi)",
        quotas: { tksk: 1, psm: 3 },
      });
      const participant = await env.call("PUT", url, env.as.psm, PROGRAMME);
      expect(participant.statusCode).toBe(403);
    });

    it("validates module, cohort and session edits as their creation", async () => {
      const mod = await env.call("PUT", `/api/v1/training/modules/${moduleId}`, env.as.pelatih, {
        code: "M2",
        title: "Judul baru",
        hours: 3,
      });
      expect(mod.statusCode).toBe(400);
      expect(mod.json().errors[0].code).toBe("module_code_taken");
      const modOk = await env.call("PUT", `/api/v1/training/modules/${moduleId}`, env.as.pelatih, {
        code: "M1",
        title: "Masalah sosial dan PPKS (revisi)",
        hours: 3,
      });
      expect(modOk.statusCode).toBe(200);
      expect(modOk.json().modules[0]).toMatchObject({ title: "Masalah sosial dan PPKS (revisi)", hours: 3 });

      const cohortUrl = `/api/v1/training/cohorts/${cohortId}`;
      const backwards = await env.call("PUT", cohortUrl, env.as.pelatih, {
        name: "Angkatan Koreksi",
        eligibleRegionCode: "31.71.01",
        venue: "Aula",
        startsOn: "2026-05-04",
        endsOn: "2026-05-02",
      });
      expect(backwards.statusCode).toBe(400);
      expect(backwards.json().errors[0].code).toBe("ends_before_start");
      const moved = await env.call("PUT", cohortUrl, env.as.pelatih, {
        name: "Angkatan Koreksi I",
        eligibleRegionCode: "31.71.01",
        venue: "Aula Kantor Wali Kota",
        startsOn: today.date,
        endsOn: today.date,
      });
      expect(moved.statusCode).toBe(200);
      expect(moved.json()).toMatchObject({ name: "Angkatan Koreksi I", venue: "Aula Kantor Wali Kota" });

      const sessionUrl = `/api/v1/training/sessions/${sessionId}`;
      const session = {
        date: today.date,
        startTime: "00:00",
        endTime: "23:59",
        venue: "Aula",
        trainer: "Pelatih",
        title: "Sesi satu",
      };
      const reversed = await env.call("PUT", sessionUrl, env.as.pelatih, {
        ...session,
        startTime: "10:00",
        endTime: "09:00",
      });
      expect(reversed.statusCode).toBe(400);
      const foreign = await env.call("PUT", sessionUrl, env.as.pelatih, { ...session, moduleIds: ["nope"] });
      expect(foreign.statusCode).toBe(400);
      expect(foreign.json().errors[0].code).toBe("module_unknown");
      const edited = await env.call("PUT", sessionUrl, env.as.pelatih, { ...session, moduleIds: [moduleId] });
      expect(edited.statusCode).toBe(200);
      expect(edited.json()).toMatchObject({ trainer: "Pelatih", moduleIds: [moduleId], cancelledAt: null });
      expect((await auditRows("training_sessions", sessionId)).map((r) => r.action)).toEqual(["update"]);
    });

    it("withdraws a participant: kept in history, counted in no quota, report or completion", async () => {
      const workers = await ctx.db
        .selectFrom("workers")
        .select(["id", "role", "region_code"])
        .where("is_demo", "=", 1)
        .where("role", "=", "psm")
        .execute();
      const me = await ctx.db
        .selectFrom("users")
        .select("worker_id")
        .where("username", "=", "psm.kebon-kelapa")
        .executeTakeFirstOrThrow();
      const others = workers.filter((w) => w.region_code.startsWith("317101") && w.id !== me.worker_id);
      const enrol = await env.call(
        "POST",
        `/api/v1/training/cohorts/${cohortId}/enrolments`,
        env.as.pelatih,
        {
          workerIds: [me.worker_id, others[0]!.id, others[1]!.id],
        },
      );
      expect(enrol.json()).toEqual({ enrolled: 3, participants: 3 });
      const roster = (await env.call("GET", `/api/v1/training/cohorts/${cohortId}`, env.as.pelatih)).json()
        .roster;
      const mine = roster.find((p: { workerId: string }) => p.workerId === me.worker_id).enrolmentId;
      await env.call("PUT", `/api/v1/training/sessions/${sessionId}/attendance`, env.as.pelatih, {
        entries: roster.map((p: { enrolmentId: string }) => ({
          enrolmentId: p.enrolmentId,
          status: "hadir",
        })),
      });
      // The participant takes the post-test (pass mark 0): she completes.
      const test = await env.call("PUT", `/api/v1/training/cohorts/${cohortId}/tests`, env.as.pelatih, {
        kind: "post",
        timeLimitMinutes: 30,
        questionsPerModule: 1,
      });
      const attempt = await env.call("POST", `/api/v1/training/tests/${test.json().id}/attempt`, env.as.psm);
      const submitted = await env.call(
        "POST",
        `/api/v1/training/attempts/${attempt.json().id}/submit`,
        env.as.psm,
      );
      expect(submitted.statusCode).toBe(200);
      const analysis = `/api/v1/training/tests/${test.json().id}/item-analysis`;
      expect((await env.call("GET", analysis, env.as.pelatih)).json().attempts).toBe(1);
      const before = (
        await env.call("GET", `/api/v1/training/cohorts/${cohortId}/report`, env.as.pelatih)
      ).json();
      expect(before).toMatchObject({ participants: { total: 3 }, completed: 1, postTaken: 1 });

      const noReason = await env.call(
        "POST",
        `/api/v1/training/enrolments/${mine}/withdraw`,
        env.as.pelatih,
        {},
      );
      expect(noReason.statusCode).toBe(400);
      const out = await env.call("POST", `/api/v1/training/enrolments/${mine}/withdraw`, env.as.pelatih, {
        reason: "Pindah tugas ke luar Jakarta Pusat",
      });
      expect(out.statusCode).toBe(200);
      expect(out.json().participants).toBe(2);

      const after = (
        await env.call("GET", `/api/v1/training/cohorts/${cohortId}/report`, env.as.pelatih)
      ).json();
      expect(after).toMatchObject({
        participants: { total: 2, byRole: { psm: 2 } },
        completed: 0,
        completionRate: 0,
        postTaken: 0,
        attendanceByStatus: { hadir: 2 },
      });
      const detail = (await env.call("GET", `/api/v1/training/cohorts/${cohortId}`, env.as.pelatih)).json();
      expect(detail.roster.map((p: { enrolmentId: string }) => p.enrolmentId)).not.toContain(mine);
      expect(detail.withdrawn).toEqual([
        expect.objectContaining({ enrolmentId: mine, reason: "Pindah tugas ke luar Jakarta Pusat" }),
      ]);
      expect(detail.participants.total).toBe(2);
      expect((await env.call("GET", analysis, env.as.pelatih)).json()).toMatchObject({
        attempts: 0,
        items: [],
      });
      const issued = await env.call(
        "POST",
        `/api/v1/training/cohorts/${cohortId}/certificates`,
        env.as.pelatih,
      );
      expect(issued.json()).toEqual({ issued: 0, alreadyIssued: 0, notCompleted: 2 });
      // The withdrawn participant no longer sees the cohort, nor may she check in.
      const mineNow = (await env.call("GET", "/api/v1/training/me", env.as.psm)).json();
      expect(mineNow.cohorts.map((c: { cohortId: string }) => c.cohortId)).not.toContain(cohortId);
      // The place is free again under the quota (3 PSM): a third colleague can join.
      const again = await env.call(
        "POST",
        `/api/v1/training/cohorts/${cohortId}/enrolments`,
        env.as.pelatih,
        {
          workerIds: [others[2]!.id],
        },
      );
      expect(again.json()).toEqual({ enrolled: 1, participants: 3 });
      const invitations = (
        await env.call("GET", `/api/v1/training/cohorts/${cohortId}/invitations`, env.as.pelatih)
      ).json().items;
      expect(invitations.map((i: { status: string }) => i.status)).toEqual([
        "invited",
        "invited",
        "invited",
        "withdrawn",
      ]);
      expect(
        invitations.find((i: { enrolmentId: string }) => i.enrolmentId === mine).withdrawnAt,
      ).toBeTruthy();
      const entry = (await auditRows("training_enrolments", mine))[0];
      expect(JSON.parse(entry!.after_json!)).toMatchObject({
        withdrawn_reason: "Pindah tugas ke luar Jakarta Pusat",
      });
    });

    it("refuses to delete a session with attendance, naming why in both languages, and cancels it instead", async () => {
      const url = `/api/v1/training/sessions/${sessionId}`;
      const refused = await env.call("DELETE", url, env.as.pelatih);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().code).toBe("training_delete_refused");
      expect(refused.json().detail).toBe(
        "Sesi pelatihan tidak dapat dihapus karena sudah ada 3 catatan presensi; batalkan saja.",
      );
      const english = await env.app.inject({
        method: "DELETE",
        url,
        headers: { ...env.as.pelatih.headers, "accept-language": "en" },
      });
      expect(english.json().detail).toBe(
        "The training session cannot be deleted because it already has 3 attendance records; cancel it instead.",
      );
      const cancelled = await env.call("POST", `${url}/cancel`, env.as.pelatih, {
        reason: "Narasumber berhalangan",
      });
      expect(cancelled.statusCode).toBe(200);
      expect(cancelled.json().cancelledAt).toBeTruthy();
      const roster = (await env.call("GET", `${url}/attendance`, env.as.pelatih)).json().entries;
      const mark = await env.call("PUT", `${url}/attendance`, env.as.pelatih, {
        entries: [{ enrolmentId: roster[0].enrolmentId, status: "alpa" }],
      });
      expect(mark.statusCode).toBe(409);
      expect(mark.json().detail).toContain("sesi ini dibatalkan");
      const report = (
        await env.call("GET", `/api/v1/training/cohorts/${cohortId}/report`, env.as.pelatih)
      ).json();
      expect(report.sessions).toBe(0);
      const marks = await ctx.db
        .selectFrom("training_attendance")
        .select("status")
        .where("session_id", "=", sessionId)
        .execute();
      expect(marks).toHaveLength(3);
      expect((await auditRows("training_sessions", sessionId)).map((r) => r.action).sort()).toEqual([
        "update",
        "update",
      ]);

      // Cancelled by mistake: restored, it counts again, and the trail holds both changes.
      const restored = await env.call("POST", `${url}/restore`, env.as.pelatih, {
        reason: "Narasumber ternyata bisa hadir",
      });
      expect(restored.statusCode).toBe(200);
      expect(restored.json().cancelledAt).toBeNull();
      const after = (
        await env.call("GET", `/api/v1/training/cohorts/${cohortId}/report`, env.as.pelatih)
      ).json();
      expect(after.sessions).toBe(1);
      const trail = await auditRows("training_sessions", sessionId);
      expect(trail.map((r) => JSON.parse(r.detail_json ?? "null"))).toContainEqual({
        reason: "Narasumber ternyata bisa hadir",
        restored: true,
      });
      const again = await env.call("POST", `${url}/restore`, env.as.pelatih, {});
      expect(again.statusCode).toBe(200);
      expect(await auditRows("training_sessions", sessionId)).toHaveLength(trail.length);
    });

    it("deletes a session, cohort and programme that hold nothing, and audits each", async () => {
      const p = await env.call("POST", "/api/v1/training/programmes", env.as.pelatih, {
        ...PROGRAMME,
        name: "Program salah ketik",
      });
      const c = await env.call("POST", "/api/v1/training/cohorts", env.as.pelatih, {
        programmeId: p.json().id,
        name: "Angkatan salah",
        eligibleRegionCode: "31.71",
        venue: "Aula",
        startsOn: "2026-06-01",
        endsOn: "2026-06-02",
      });
      const s = await env.call("POST", `/api/v1/training/cohorts/${c.json().id}/sessions`, env.as.pelatih, {
        date: "2026-06-01",
        startTime: "08:00",
        endTime: "12:00",
        venue: "Aula",
        trainer: "Pelatih",
        title: "Sesi salah",
      });
      expect(
        (await env.call("DELETE", `/api/v1/training/sessions/${s.json().id}`, env.as.pelatih)).statusCode,
      ).toBe(204);
      expect(
        (await env.call("DELETE", `/api/v1/training/cohorts/${c.json().id}`, env.as.sudin)).statusCode,
      ).toBe(204);
      expect(
        (await env.call("DELETE", `/api/v1/training/programmes/${p.json().id}`, env.as.pelatih)).statusCode,
      ).toBe(204);
      expect(
        (await env.call("GET", `/api/v1/training/programmes/${p.json().id}`, env.as.pelatih)).statusCode,
      ).toBe(404);
      for (const [table, id] of [
        ["training_sessions", s.json().id],
        ["training_cohorts", c.json().id],
        ["training_programmes", p.json().id],
      ]) {
        expect((await auditRows(table, id)).map((r) => r.action)).toEqual(["delete"]);
      }
    });
  });

  describe("the demo cohort (attendance, tests and certificates recorded)", () => {
    it("refuses to delete the programme or cohort, and archives or cancels instead", async () => {
      const cohort = (
        await env.call("GET", `/api/v1/training/cohorts/${env.demoCohortId}`, env.as.pelatih)
      ).json();
      const del = await env.call("DELETE", `/api/v1/training/programmes/${cohort.programmeId}`, env.as.sudin);
      expect(del.statusCode).toBe(409);
      expect(del.json().detail).toMatch(
        /^Program pelatihan tidak dapat dihapus karena sudah ada \d+ catatan presensi, \d+ pengerjaan tes, \d+ sertifikat terbit; arsipkan saja\.$/,
      );
      const delCohort = await env.call(
        "DELETE",
        `/api/v1/training/cohorts/${env.demoCohortId}`,
        env.as.sudin,
      );
      expect(delCohort.statusCode).toBe(409);
      expect(delCohort.json().detail).toMatch(
        /^Angkatan pelatihan tidak dapat dihapus karena .*; batalkan saja\.$/,
      );
      const cancelled = await env.call(
        "POST",
        `/api/v1/training/cohorts/${env.demoCohortId}/cancel`,
        env.as.sudin,
        {
          reason: "Contoh pembatalan",
        },
      );
      expect(cancelled.statusCode).toBe(200);
      expect(cancelled.json().cancelledAt).toBeTruthy();
      // Cancelling keeps every record: the 52 participants and their results are still there.
      expect(cancelled.json().roster).toHaveLength(52);
      const [entry] = await auditRows("training_cohorts", env.demoCohortId);
      expect(JSON.parse(entry!.detail_json!)).toEqual({ reason: "Contoh pembatalan" });
      const archived = await env.call(
        "POST",
        `/api/v1/training/programmes/${cohort.programmeId}/archive`,
        env.as.sudin,
        {},
      );
      expect(archived.statusCode).toBe(200);
      expect(archived.json().archivedAt).toBeTruthy();
      expect((await auditRows("training_programmes", cohort.programmeId)).map((r) => r.action)).toEqual([
        "update",
      ]);
      const newCohort = await env.call("POST", "/api/v1/training/cohorts", env.as.pelatih, {
        programmeId: cohort.programmeId,
        name: "Angkatan II",
        eligibleRegionCode: "31.71",
        venue: "Aula",
        startsOn: "2026-06-01",
        endsOn: "2026-06-02",
      });
      expect(newCohort.statusCode).toBe(409);
      expect(newCohort.json().detail).toContain("sudah diarsipkan");
      expect(
        (await env.call("GET", `/api/v1/training/programmes/${cohort.programmeId}`, env.as.pelatih))
          .statusCode,
      ).toBe(200);
    });

    it("restores the cohort only once its programme is restored, both audited", async () => {
      const cohortUrl = `/api/v1/training/cohorts/${env.demoCohortId}`;
      const cohort = (await env.call("GET", cohortUrl, env.as.sudin)).json();
      expect(cohort.cancelledAt).toBeTruthy();
      const refused = await env.call("POST", `${cohortUrl}/restore`, env.as.sudin, {});
      expect(refused.statusCode).toBe(409);
      expect(refused.json().detail).toBe(
        "Perubahan ditolak: program pelatihannya masih diarsipkan; pulihkan itu dahulu.",
      );
      const programme = await env.call(
        "POST",
        `/api/v1/training/programmes/${cohort.programmeId}/restore`,
        env.as.sudin,
        { reason: "Diarsipkan keliru" },
      );
      expect(programme.statusCode).toBe(200);
      expect(programme.json().archivedAt).toBeNull();
      const restored = await env.call("POST", `${cohortUrl}/restore`, env.as.sudin, {});
      expect(restored.statusCode).toBe(200);
      expect(restored.json().cancelledAt).toBeNull();
      expect(restored.json().roster).toHaveLength(52);
      const trail = await auditRows("training_cohorts", env.demoCohortId);
      expect(trail.map((r) => JSON.parse(r.after_json ?? "null"))).toContainEqual({ cancelled_at: null });
      // A PSM cannot undo what a trainer or officer decided.
      const psm = await env.call("POST", `${cohortUrl}/restore`, env.as.psm, {});
      expect([403, 404]).toContain(psm.statusCode);
    });

    it("refuses a quota below the participants enrolled, and a withdrawal after certificates", async () => {
      const cohort = (
        await env.call("GET", `/api/v1/training/cohorts/${env.demoCohortId}`, env.as.pelatih)
      ).json();
      const programme = (
        await env.call("GET", `/api/v1/training/programmes/${cohort.programmeId}`, env.as.pelatih)
      ).json();
      const res = await env.call("PUT", `/api/v1/training/programmes/${programme.id}`, env.as.pelatih, {
        name: programme.name,
        year: programme.year,
        level: programme.level,
        organiser: programme.organiser,
        organiserCode: programme.organiserCode,
        quotas: { tksk: 8, psm: 40 },
        signatoryName: programme.signatory.name,
        signatoryTitle: programme.signatory.title,
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().detail).toContain("kuota PSM (40) lebih kecil dari 44 peserta");
      const withdraw = await env.call(
        "POST",
        `/api/v1/training/enrolments/${cohort.roster[0].enrolmentId}/withdraw`,
        env.as.pelatih,
        {
          reason: "Salah daftar",
        },
      );
      expect(withdraw.statusCode).toBe(409);
      expect(withdraw.json().code).toBe("training_change_refused");
      expect(withdraw.json().detail).toContain("sertifikat angkatan ini sudah diterbitkan");
    });

    it("prints invitation letters in Indonesian with the programme, sessions, place and the participant", async () => {
      const list = (
        await env.call("GET", `/api/v1/training/cohorts/${env.demoCohortId}/invitations`, env.as.pelatih)
      ).json().items;
      expect(list).toHaveLength(52);
      const tksk = list.find((i: { role: string }) => i.role === "tksk");
      const text = pdfText(
        await env.call(
          "GET",
          `/api/v1/training/enrolments/${tksk.enrolmentId}/invitation.pdf`,
          env.as.pelatih,
        ),
      );
      const flat = text.replace(/\s+/g, " ");
      expect(flat).toContain("Perihal: Undangan Bimbingan dan Pelatihan");
      expect(flat).toContain(tksk.name);
      expect(flat).toContain("Tenaga Kesejahteraan Sosial Kecamatan (TKSK)");
      expect(flat).toContain(tksk.regionName);
      expect(flat).toContain("Bimbingan dan Pelatihan Tingkat Dasar");
      expect(flat).toContain("Ruang Serbaguna Besar");
      expect(flat).toContain("Kamis, 2 Mei 2024, pukul");
      expect(flat).toContain("Sabtu, 4 Mei 2024, pukul");
      const all = pdfText(
        await env.call("GET", `/api/v1/training/cohorts/${env.demoCohortId}/invitations.pdf`, env.as.pelatih),
      );
      expect(all.split("\f").filter((page) => page.includes("Kepada Yth."))).toHaveLength(52);
      expect(
        (await env.call("GET", `/api/v1/training/enrolments/${tksk.enrolmentId}/invitation.pdf`, env.as.tksk))
          .statusCode,
      ).toBe(403);
    });

    it("draws the pre/post score distribution chart in the cohort report PDF", async () => {
      const text = pdfText(
        await env.call("GET", `/api/v1/training/cohorts/${env.demoCohortId}/report.pdf`, env.as.pimpinan),
      );
      expect(text).toContain("Sebaran nilai pre-test dan post-test");
      // The chart's legend and axis labels are drawn as text by the SVG renderer.
      expect(text).toContain("Pre-test");
      expect(text).toContain("Post-test");
      expect(text).toContain("90–100");
    });

    it("prints the configured public address in certificate links and QR codes, else the request's", async () => {
      const plain = (
        await env.call("GET", `/api/v1/training/cohorts/${env.demoCohortId}/certificates`, env.as.pelatih)
      ).json().items;
      expect(plain[0].verifyUrl).toBe(`http://localhost:80/verifikasi/${plain[0].code}`);
      const config = loadConfig(
        {
          LOG_LEVEL: "silent",
          NODE_ENV: "test",
          PEDULI_WEB_DIR: "./no-web-in-tests",
          PEDULI_PUBLIC_URL: "https://peduli.jakarta.example.go.id/",
        },
        {},
      );
      const app = await buildApp({ config, db: ctx.db, dialect: ctx.dialect });
      try {
        const res = await app.inject({
          method: "GET",
          url: `/api/v1/training/cohorts/${env.demoCohortId}/certificates`,
          headers: { ...env.as.pelatih.headers, host: "10.0.0.5:8080" },
        });
        const cert = res.json().items[0];
        expect(cert.verifyUrl).toBe(`https://peduli.jakarta.example.go.id/verifikasi/${cert.code}`);
        const pdf = await app.inject({
          method: "GET",
          url: `/api/v1/certificates/${cert.id}/pdf`,
          headers: { ...env.as.pelatih.headers, host: "10.0.0.5:8080" },
        });
        expect(pdfText(pdf)).toContain(
          `Verifikasi: https://peduli.jakarta.example.go.id/verifikasi/${cert.code}`,
        );
        const sessionId = (
          await env.call("GET", `/api/v1/training/cohorts/${env.demoCohortId}`, env.as.pelatih)
        ).json().sessions[0].id;
        const code = await app.inject({
          method: "GET",
          url: `/api/v1/training/sessions/${sessionId}/check-in-code`,
          headers: { ...env.as.pelatih.headers, host: "10.0.0.5:8080" },
        });
        expect(code.json().checkInUrl).toMatch(
          /^https:\/\/peduli\.jakarta\.example\.go\.id\/pelatihan\/presensi\?token=/,
        );
      } finally {
        await app.close();
      }
    });
  });

  it("accepts only an http(s) address as PEDULI_PUBLIC_URL, without its trailing slash", () => {
    expect(loadConfig({ PEDULI_PUBLIC_URL: "https://peduli.example.go.id/" }, {}).publicUrl).toBe(
      "https://peduli.example.go.id",
    );
    expect(loadConfig({}, {}).publicUrl).toBeNull();
    for (const bad of ["ftp://peduli.example.go.id", "peduli.example.go.id", "javascript:alert(1)"]) {
      expect(() => loadConfig({ PEDULI_PUBLIC_URL: bad }, {}), bad).toThrow(/PEDULI_PUBLIC_URL/);
    }
  });
});
