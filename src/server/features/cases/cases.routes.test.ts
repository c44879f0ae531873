import { readdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LoggedIn, loginAs, seedAccessFixture } from "../../../../test/auth-helpers.ts";
import { describeEachDialect } from "../../../../test/test-db.ts";
import { newId } from "../../db/ids.ts";
import {
  buildCaseTestApp,
  type CaseTestApp,
  GAMBIR,
  insertHousehold,
  KEBON_KELAPA,
} from "./cases.test-helper.ts";

const T0 = "2026-03-02T01:00:00.000Z"; // 08:00 WIB

describeEachDialect("cases", (ctx) => {
  let t: CaseTestApp;
  let sudin: LoggedIn;
  let tksk: LoggedIn;
  let psm: LoggedIn;
  let otherPsm: LoggedIn;
  let subject: { householdId: string; personId: string };

  beforeAll(async () => {
    await seedAccessFixture(ctx.db);
    subject = await insertHousehold(ctx.db, KEBON_KELAPA, "Siti Aminah");
    t = await buildCaseTestApp(ctx.db, ctx.dialect, T0);
    sudin = await loginAs(t.app, "sudin");
    tksk = await loginAs(t.app, "tksk.gambir");
    psm = await loginAs(t.app, "psm.kebon-kelapa");
    otherPsm = await loginAs(t.app, "psm.gambir");
  });
  afterAll(async () => {
    await t?.app.close();
  });

  const call = (who: LoggedIn, method: "GET" | "POST" | "PATCH", url: string, payload?: object) =>
    t.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });

  async function openCase(who: LoggedIn, extra: object = {}) {
    const res = await call(who, "POST", "/api/v1/cases", {
      subjectType: "person",
      personId: subject.personId,
      category: "12",
      description: "Lansia tinggal sendiri tanpa pendamping",
      source: "temuan_lapangan",
      urgency: "darurat",
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }

  it("opens a darurat case held by the kelurahan's PSM with a first-visit task due in one day", async () => {
    t.setNow(T0);
    const kase = await openCase(sudin);
    expect(kase).toMatchObject({
      subjectType: "person",
      category: "12",
      urgency: "darurat",
      stage: "laporan",
      regionCode: KEBON_KELAPA,
      subjectLabel: "Siti Aminah",
    });
    expect(kase.caseNumber).toMatch(/^KS-2026-\d{6}$/);
    expect(kase.assigneeId).toEqual(expect.any(String));
    const tasks = (await call(sudin, "GET", `/api/v1/cases/${kase.id}/tasks`)).json();
    expect(tasks.items).toEqual([
      expect.objectContaining({
        kind: "first_visit",
        dueAt: "2026-03-03T01:00:00.000Z",
        status: "open",
        bucket: "upcoming",
      }),
    ]);
  });

  it("shows a darurat case without a visit after a day as overdue to its worker, the TKSK and Sudin", async () => {
    t.setNow(T0);
    const kase = await openCase(sudin);
    t.setNow("2026-03-03T02:00:00.000Z");
    const mine = (await call(psm, "GET", "/api/v1/tasks?assignee=me&status=overdue")).json();
    expect(mine.items.map((i: { caseId: string }) => i.caseId)).toContain(kase.id);
    expect(mine.items.find((i: { caseId: string }) => i.caseId === kase.id).bucket).toBe("overdue");
    const overdueCases = (await call(psm, "GET", "/api/v1/cases?overdue=true")).json();
    expect(overdueCases.items.map((i: { id: string }) => i.id)).toContain(kase.id);
    for (const who of [tksk, sudin]) {
      const report = await call(who, "GET", "/api/v1/case-reports");
      expect(report.statusCode).toBe(200);
      const row = report
        .json()
        .overdueByWorker.find((r: { workerId: string }) => r.workerId === kase.assigneeId);
      expect(row?.overdue).toBeGreaterThanOrEqual(1);
    }
    // A visit clears it.
    const visit = await call(psm, "POST", `/api/v1/cases/${kase.id}/visits`, {
      met: "Ibu Siti",
      notes: "Kondisi lemah",
    });
    expect(visit.statusCode, visit.body).toBe(201);
    const after = (await call(psm, "GET", "/api/v1/tasks?assignee=me&status=overdue")).json();
    expect(after.items.map((i: { caseId: string }) => i.caseId)).not.toContain(kase.id);
    expect((await call(psm, "GET", `/api/v1/cases/${kase.id}`)).json().firstVisitAt).toBe(
      "2026-03-03T02:00:00.000Z",
    );
  });

  it("answers 404 to a PSM of another kelurahan on every case route, and lists none of its cases", async () => {
    t.setNow(T0);
    const kase = await openCase(psm);
    const base = `/api/v1/cases/${kase.id}`;
    const attempts: [string, string, object?][] = [
      ["GET", base],
      ["PATCH", base, { urgency: "biasa" }],
      ["PATCH", base, { assigneeId: kase.assigneeId }],
      ["GET", `${base}/events`],
      ["POST", `${base}/events`, { action: "note", note: "mencoba" }],
      ["GET", `${base}/referrals`],
      ["POST", `${base}/referrals`, { serviceCode: "klj" }],
      ["GET", `${base}/visits`],
      ["POST", `${base}/visits`, { met: "siapa saja" }],
      ["GET", `${base}/tasks`],
      ["GET", `${base}/plan`],
      ["GET", `${base}/assignments`],
    ];
    for (const [method, url, payload] of attempts) {
      const res = await call(otherPsm, method as "GET", url, payload);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    const list = (await call(otherPsm, "GET", "/api/v1/cases")).json();
    expect(list.items.map((i: { id: string }) => i.id)).not.toContain(kase.id);
    const tasks = (await call(otherPsm, "GET", "/api/v1/tasks")).json();
    expect(tasks.items.map((i: { caseId: string }) => i.caseId)).not.toContain(kase.id);
    // Nothing was written by the refused attempts.
    const timeline = (await call(psm, "GET", `${base}/events`)).json();
    expect(timeline.items.map((e: { type: string }) => e.type)).toEqual([
      "created",
      "assigned",
      "task_created",
    ]);
  });

  it("keeps both of two updates sent at once, on the row and on the timeline", async () => {
    const kase = await openCase(psm);
    const url = `/api/v1/cases/${kase.id}`;
    const results = await Promise.all([
      call(psm, "PATCH", url, { urgency: "tinggi", note: "kondisi membaik" }),
      call(tksk, "PATCH", url, { description: "Lansia tinggal sendiri; anak di luar kota" }),
      call(psm, "POST", `${url}/events`, { action: "note", note: "catatan satu" }),
      call(tksk, "POST", `${url}/events`, { action: "note", note: "catatan dua" }),
    ]);
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 201, 201]);
    const now = (await call(psm, "GET", url)).json();
    expect(now).toMatchObject({
      urgency: "tinggi",
      description: "Lansia tinggal sendiri; anak di luar kota",
    });
    expect(now.version).toBe(kase.version + 4);
    const events = (await call(psm, "GET", `${url}/events`)).json().items;
    expect(events.filter((e: { type: string }) => e.type === "updated")).toHaveLength(2);
    expect(
      events
        .filter((e: { type: string }) => e.type === "note")
        .map((e: { note: string }) => e.note)
        .sort(),
    ).toEqual(["catatan dua", "catatan satu"]);
  });

  it("needs a sudin approval to close; a closed case reopens, and the timeline shows both", async () => {
    const kase = await openCase(psm);
    const url = `/api/v1/cases/${kase.id}`;
    for (const stage of ["asesmen", "rencana", "intervensi", "pemantauan"]) {
      expect((await call(psm, "PATCH", url, { stage })).statusCode).toBe(200);
    }
    const skip = await call(psm, "PATCH", url, { stage: "laporan" });
    expect(skip.statusCode).toBe(200); // a PSM may step back…
    expect((await call(psm, "PATCH", url, { stage: "pemantauan" })).statusCode).toBe(409); // …but not skip ahead
    await call(tksk, "PATCH", url, { stage: "pemantauan" });

    const noReason = await call(psm, "POST", `${url}/events`, { action: "close" });
    expect(noReason.statusCode).toBe(400);
    const request = await call(psm, "POST", `${url}/events`, {
      action: "close",
      reason: "tertangani",
      note: "Sudah tinggal dengan anaknya",
    });
    expect(request.statusCode, request.body).toBe(201);
    expect(request.json().case).toMatchObject({
      stage: "pemantauan",
      closureRequest: { reason: "tertangani" },
    });
    const again = await call(tksk, "POST", `${url}/events`, { action: "close", reason: "tertangani" });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("case_stage_refused");

    const approve = await call(sudin, "POST", `${url}/events`, { action: "close" });
    expect(approve.statusCode).toBe(201);
    expect(approve.json().case).toMatchObject({
      stage: "selesai",
      closureReason: "tertangani",
      closureRequest: null,
    });
    expect((await call(psm, "POST", `${url}/events`, { action: "reopen" })).statusCode).toBe(409);
    const reopen = await call(tksk, "POST", `${url}/events`, {
      action: "reopen",
      note: "Kembali tinggal sendiri",
    });
    expect(reopen.statusCode).toBe(201);
    expect(reopen.json().case).toMatchObject({ stage: "asesmen", closureReason: null, closedAt: null });
    const types = (await call(psm, "GET", `${url}/events`)).json().items.map((e: { type: string }) => e.type);
    expect(types.slice(-3)).toEqual(["closure_requested", "closed", "reopened"]);
  });

  it("creates idempotently with the client's id, and refuses another region's id as taken", async () => {
    const id = newId();
    const first = await openCase(psm, { id });
    const second = await call(psm, "POST", "/api/v1/cases", {
      id,
      subjectType: "person",
      personId: subject.personId,
      category: "12",
      description: "ulang",
      source: "temuan_lapangan",
      urgency: "biasa",
    });
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ id, caseNumber: first.caseNumber, description: first.description });
    const rows = await ctx.db.selectFrom("cases").select("id").where("id", "=", id).execute();
    expect(rows).toHaveLength(1);
    const theirs = await call(otherPsm, "POST", "/api/v1/cases", {
      id,
      subjectType: "area",
      regionCode: GAMBIR,
      category: "rawan_banjir",
      description: "x",
      source: "laporan_warga",
      urgency: "biasa",
    });
    expect(theirs.statusCode).toBe(409);
  });

  it("opens area cases with area-problem categories only", async () => {
    const area = await call(psm, "POST", "/api/v1/cases", {
      subjectType: "area",
      regionCode: KEBON_KELAPA,
      rw: "5",
      category: "rawan_banjir",
      description: "RW 05 tergenang tiap hujan",
      source: "laporan_warga",
      urgency: "tinggi",
    });
    expect(area.statusCode, area.body).toBe(201);
    expect(area.json()).toMatchObject({
      subjectType: "area",
      rw: "005",
      categoryKind: "area",
      subjectLabel: "RW 005, Kebon Kelapa",
    });
    const wrong = await call(psm, "POST", "/api/v1/cases", {
      subjectType: "area",
      regionCode: KEBON_KELAPA,
      category: "12",
      description: "x",
      source: "laporan_warga",
      urgency: "biasa",
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe("case_category_unknown");
    const outside = await call(psm, "POST", "/api/v1/cases", {
      subjectType: "area",
      regionCode: GAMBIR,
      category: "rawan_banjir",
      description: "x",
      source: "laporan_warga",
      urgency: "biasa",
    });
    expect(outside.statusCode).toBe(404);
  });

  it("lets the TKSK transfer a case and keeps who held it when; a PSM may not assign", async () => {
    t.setNow(T0);
    const kase = await openCase(psm);
    const url = `/api/v1/cases/${kase.id}`;
    const tkskWorker = await ctx.db
      .selectFrom("users")
      .select("worker_id")
      .where("username", "=", "tksk.gambir")
      .executeTakeFirstOrThrow();
    expect((await call(psm, "PATCH", url, { assigneeId: tkskWorker.worker_id })).statusCode).toBe(403);
    const gambirPsm = await ctx.db
      .selectFrom("users")
      .select("worker_id")
      .where("username", "=", "psm.gambir")
      .executeTakeFirstOrThrow();
    const invalid = await call(tksk, "PATCH", url, { assigneeId: gambirPsm.worker_id });
    expect(invalid.statusCode).toBe(422);
    t.setNow("2026-03-05T01:00:00.000Z");
    const moved = await call(tksk, "PATCH", url, {
      assigneeId: tkskWorker.worker_id,
      note: "Diambil alih TKSK",
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().assigneeId).toBe(tkskWorker.worker_id);
    const workerName = async (id: string) =>
      (await ctx.db.selectFrom("workers").select("name").where("id", "=", id).executeTakeFirstOrThrow()).name;
    const transfer = (await call(sudin, "GET", `${url}/events`))
      .json()
      .items.filter((e: { type: string }) => e.type === "assigned")
      .at(-1);
    expect(transfer.data).toEqual({
      from: kase.assigneeId,
      to: tkskWorker.worker_id,
      fromName: await workerName(kase.assigneeId),
      toName: await workerName(tkskWorker.worker_id as string),
    });
    expect(transfer.data.toName).toEqual(expect.stringMatching(/\S/));
    const history = (await call(sudin, "GET", `${url}/assignments`)).json().items;
    expect(history).toEqual([
      expect.objectContaining({ workerId: kase.assigneeId, fromAt: T0, toAt: "2026-03-05T01:00:00.000Z" }),
      expect.objectContaining({
        workerId: tkskWorker.worker_id,
        fromAt: "2026-03-05T01:00:00.000Z",
        toAt: null,
      }),
    ]);
    const tasks = (await call(tksk, "GET", `${url}/tasks`)).json().items;
    expect(tasks.every((task: { assigneeId: string }) => task.assigneeId === tkskWorker.worker_id)).toBe(
      true,
    );
  });

  describe("referrals", () => {
    it("sends, accepts with a 30-day check, completes, and prints a letter", async () => {
      t.setNow(T0);
      const kase = await openCase(psm);
      const url = `/api/v1/cases/${kase.id}/referrals`;
      const sent = await call(psm, "POST", url, { serviceCode: "panti_sosial", note: "Perlu pengasuhan" });
      expect(sent.statusCode, sent.body).toBe(201);
      expect(sent.json()).toMatchObject({
        status: "dikirim",
        external: true,
        sentOn: "2026-03-02",
        letterNumber: `${kase.caseNumber}/RJK-01`,
      });
      const id = sent.json().id;
      const accepted = await call(psm, "PATCH", `${url}/${id}`, { status: "diterima", on: "2026-03-04" });
      expect(accepted.statusCode).toBe(200);
      const check = (await call(psm, "GET", `/api/v1/cases/${kase.id}/tasks`))
        .json()
        .items.find((x: { kind: string }) => x.kind === "referral_check");
      expect(check).toMatchObject({ dueAt: "2026-04-03T01:00:00.000Z", status: "open", referralId: id });
      expect((await call(psm, "PATCH", `${url}/${id}`, { status: "diterima" })).statusCode).toBe(409);
      const done = await call(psm, "PATCH", `${url}/${id}`, {
        status: "selesai",
        outcome: "Diterima di panti",
      });
      expect(done.json()).toMatchObject({ status: "selesai", outcome: "Diterima di panti" });
      const closedCheck = (await call(psm, "GET", `/api/v1/cases/${kase.id}/tasks`))
        .json()
        .items.find((x: { kind: string }) => x.kind === "referral_check");
      expect(closedCheck.status).toBe("done");
      const letter = await call(psm, "GET", `${url}/${id}/letter.pdf`);
      expect(letter.statusCode).toBe(200);
      expect(letter.headers["content-type"]).toBe("application/pdf");
      expect(letter.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
      const report = (await call(sudin, "GET", "/api/v1/case-reports")).json();
      expect(report.referralOutcomes).toContainEqual(
        expect.objectContaining({ target: expect.stringContaining("Panti sosial"), selesai: 1 }),
      );
      const xlsx = await call(sudin, "GET", "/api/v1/case-reports.xlsx");
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe("PK");
    });

    it("refuses an unknown service", async () => {
      const kase = await openCase(psm);
      const res = await call(psm, "POST", `/api/v1/cases/${kase.id}/referrals`, { serviceCode: "tidak_ada" });
      expect(res.statusCode).toBe(404);
    });
  });

  describe("visit photos", () => {
    const PNG = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(100, 1),
    ]);

    function multipart(filename: string, content: Buffer, type: string) {
      const boundary = "----peduli-uji";
      const body = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
        ),
        content,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return { payload: body, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
    }

    async function newVisit() {
      const kase = await openCase(psm);
      const visit = (
        await call(psm, "POST", `/api/v1/cases/${kase.id}/visits`, {
          met: "Ibu Siti",
          notes: "",
          latitude: -6.17,
          longitude: 106.82,
        })
      ).json();
      return { kase, visit, url: `/api/v1/cases/${kase.id}/visits/${visit.id}/photos` };
    }

    const photoCount = async () => (await ctx.db.selectFrom("visit_photos").select("id").execute()).length;
    const storedFiles = () =>
      readdirSync(t.uploadDir, { recursive: true }).filter((f) => String(f).includes("."));

    it("refuses a file that is not an image, or too large, with a clear message and stores nothing", async () => {
      const { url } = await newVisit();
      const before = await photoCount();
      const pdf = multipart("foto.jpg", Buffer.from("%PDF-1.7 bukan gambar"), "image/jpeg");
      const notImage = await t.app.inject({
        method: "POST",
        url,
        headers: { ...psm.headers, ...pdf.headers },
        payload: pdf.payload,
      });
      expect(notImage.statusCode).toBe(415);
      expect(notImage.json()).toMatchObject({ code: "upload_not_image" });
      expect(notImage.json().detail).toContain("foto.jpg");
      const big = multipart("besar.png", Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]), "image/png");
      const tooLarge = await t.app.inject({
        method: "POST",
        url,
        headers: { ...psm.headers, ...big.headers },
        payload: big.payload,
      });
      expect(tooLarge.statusCode).toBe(413);
      expect(tooLarge.json()).toMatchObject({ code: "upload_too_large" });
      expect(await photoCount()).toBe(before);
      expect(storedFiles()).toEqual([]);
    });

    it("stores a photo sent twice with one Idempotency-Key once (a phone retrying a lost answer)", async () => {
      const { url } = await newVisit();
      const before = await photoCount();
      const png = multipart("rumah.png", PNG, "image/png");
      const send = () =>
        t.app.inject({
          method: "POST",
          url,
          headers: { ...psm.headers, ...png.headers, "idempotency-key": "foto-01J0000000000000000000000" },
          payload: png.payload,
        });
      const first = await send();
      expect(first.statusCode, first.body).toBe(201);
      const again = await send();
      expect(again.statusCode).toBe(201);
      expect(again.headers["idempotent-replayed"]).toBe("true");
      expect(again.json().photos).toEqual(first.json().photos);
      expect(await photoCount()).toBe(before + 1);
    });

    it("stores a PNG, recognised by its bytes, and serves it back within scope", async () => {
      const { url, visit } = await newVisit();
      expect(visit).toMatchObject({ latitude: -6.17, longitude: 106.82, photos: [] });
      const png = multipart("rumah.bin", PNG, "application/octet-stream");
      const res = await t.app.inject({
        method: "POST",
        url,
        headers: { ...psm.headers, ...png.headers },
        payload: png.payload,
      });
      expect(res.statusCode, res.body).toBe(201);
      const photo = res.json().photos[0];
      expect(photo).toMatchObject({ mimeType: "image/png", sizeBytes: PNG.length });
      const got = await call(psm, "GET", photo.url);
      expect(got.statusCode).toBe(200);
      expect(got.headers["content-type"]).toBe("image/png");
      expect(Buffer.compare(got.rawPayload, PNG)).toBe(0);
      expect((await call(otherPsm, "GET", photo.url)).statusCode).toBe(404);
      const refused = await t.app.inject({
        method: "POST",
        url,
        headers: { ...otherPsm.headers, ...png.headers },
        payload: png.payload,
      });
      expect(refused.statusCode).toBe(404);
    });
  });

  it("keeps a plan of goals and actions, each change on the timeline", async () => {
    const kase = await openCase(psm);
    const url = `/api/v1/cases/${kase.id}/plan`;
    const goal = await call(psm, "POST", url, { kind: "goal", text: "Lansia mendapat pendamping harian" });
    expect(goal.statusCode).toBe(201);
    const action = await call(psm, "POST", url, { kind: "action", text: "Ajukan KLJ", dueOn: "2026-03-20" });
    const done = await call(psm, "PATCH", `${url}/${action.json().id}`, { done: true });
    expect(done.json().doneAt).toEqual(expect.any(String));
    const plan = (await call(psm, "GET", url)).json();
    expect(plan.items.map((i: { kind: string }) => i.kind)).toEqual(["goal", "action"]);
    const types = (await call(psm, "GET", `/api/v1/cases/${kase.id}/events`))
      .json()
      .items.map((e: { type: string }) => e.type);
    expect(types.slice(-3)).toEqual(["plan_item_added", "plan_item_added", "plan_item_updated"]);
  });

  it("gives pimpinan the reports but no case", async () => {
    const pimpinan = await loginAs(t.app, "pimpinan");
    expect((await call(pimpinan, "GET", "/api/v1/cases")).statusCode).toBe(403);
    const report = await call(pimpinan, "GET", "/api/v1/case-reports?region=317101");
    expect(report.statusCode).toBe(200);
    expect(report.json().byUrgency.map((r: { urgency: string }) => r.urgency)).toContain("darurat");
  });
});
