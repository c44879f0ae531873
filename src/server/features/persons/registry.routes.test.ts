import { readFileSync } from "node:fs";
import { beforeAll, expect, it } from "vitest";
import { loginAs, seedAccessFixture, TEST_PASSWORD } from "../../../../test/auth-helpers.ts";
import { describeEachDialect } from "../../../../test/test-db.ts";
import { newId } from "../../db/ids.ts";

const GAMBIR = "3171011001";
const PASAR_BARU = "3171021001";
const MIXED = readFileSync(new URL("../../../../test/fixtures/persons-mixed.csv", import.meta.url));

describeEachDialect("registry API: households, persons, search, duplicates, import and export", (ctx) => {
  beforeAll(async () => {
    await seedAccessFixture(ctx.db);
  });

  /** A few demo households, inserted by the demo seed without phonetic keys. */
  const seedDemoHouseholds = async () => {
    const { seedDemo } = await import("../demo/demo.service.ts");
    await seedDemo(ctx.db, { households: 5, demoPassword: TEST_PASSWORD });
  };

  const as = async (username: string) => {
    const app = await ctx.app();
    const login = await loginAs(app, username);
    return {
      get: (url: string) => app.inject({ method: "GET", url, headers: login.headers }),
      send: (method: "POST" | "PATCH" | "DELETE", url: string, payload?: object) =>
        app.inject({ method, url, headers: login.headers, ...(payload === undefined ? {} : { payload }) }),
    };
  };

  const household = (regionCode: string, kkNumber: string, address: string) => ({
    kkNumber,
    regionCode,
    rw: "3",
    rt: "7",
    address,
  });

  let gambirHousehold = "";
  let rizkiId = "";

  it("creates households and persons (client ids, idempotent) and finds Muhamad Rizky within scope only", async () => {
    const sudin = await as("sudin");
    const h1 = await sudin.send(
      "POST",
      "/api/v1/households",
      household(GAMBIR, "3171010101200111", "Jl. Gambir 1"),
    );
    expect(h1.statusCode).toBe(201);
    gambirHousehold = h1.json().id;
    expect(h1.json()).toMatchObject({
      kkNumber: "3171010101200111",
      regionCode: GAMBIR,
      rw: "003",
      rt: "007",
    });
    const h2 = await sudin.send(
      "POST",
      "/api/v1/households",
      household(PASAR_BARU, "3171020101200222", "Jl. Pasar Baru 2"),
    );
    expect(h2.statusCode).toBe(201);

    rizkiId = newId();
    const body = {
      id: rizkiId,
      nik: "3171011208900001",
      householdId: gambirHousehold,
      name: "Muhammad Rizki",
      sex: "L",
      birthDate: "1990-08-12",
      relation: "kepala_keluarga",
    };
    const created = await sudin.send("POST", "/api/v1/persons", body);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ id: rizkiId, regionCode: GAMBIR, nik: "3171011208900001" });
    const repeated = await sudin.send("POST", "/api/v1/persons", body);
    expect(repeated.statusCode).toBe(200);
    expect(repeated.json().id).toBe(rizkiId);

    const other = await sudin.send("POST", "/api/v1/persons", {
      nik: "3171021208900002",
      householdId: h2.json().id,
      name: "Muhammad Rizki",
      sex: "L",
      birthDate: "1991-01-01",
      relation: "kepala_keluarga",
    });
    expect(other.statusCode).toBe(201);

    const all = await sudin.get(`/api/v1/persons?q=${encodeURIComponent("Muhamad Rizky")}`);
    expect(all.json().total).toBe(2);
    const psm = await as("psm.gambir");
    const mine = await psm.get(`/api/v1/persons?q=${encodeURIComponent("Muhamad Rizky")}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().total).toBe(1);
    expect(mine.json().items[0]).toMatchObject({ id: rizkiId, name: "Muhammad Rizki", regionCode: GAMBIR });
    expect(mine.json().items[0].nik).toBe("3171••••••••0001");
    const partial = await psm.get("/api/v1/persons?q=rizqi");
    expect(partial.json().items.map((p: { id: string }) => p.id)).toEqual([rizkiId]);
    const byNik = await psm.get("/api/v1/persons?q=3171.0112.0890.0001");
    expect(byNik.json().total).toBe(1);
    const outside = await psm.get(`/api/v1/persons/${other.json().id}`);
    expect(outside.statusCode).toBe(404);
  });

  it("gives rows written without a phonetic key (older data, other writers) one before a name search", async () => {
    await seedDemoHouseholds();
    const blankKeys = async () =>
      Number(
        (
          await ctx.db
            .selectFrom("persons")
            .select((eb) => eb.fn.countAll().as("n"))
            .where("name_phonetic", "=", "")
            .executeTakeFirstOrThrow()
        ).n,
      );
    // The demo seed writes every key itself.
    expect(await blankKeys()).toBe(0);
    const demo = await ctx.db
      .selectFrom("persons")
      .select(["id", "name"])
      .where("is_demo", "=", 1)
      .orderBy("id")
      .executeTakeFirstOrThrow();
    await ctx.db.updateTable("persons").set({ name_phonetic: "" }).where("id", "=", demo.id).execute();
    expect(await blankKeys()).toBe(1);
    const sudin = await as("sudin");
    const res = await sudin.get(`/api/v1/persons?q=${encodeURIComponent(demo.name)}`);
    expect(res.json().items.map((p: { id: string }) => p.id)).toContain(demo.id);
    expect(await blankKeys()).toBe(0);
  });

  it("registers a person without NIK and adds the NIK later as an event", async () => {
    const psm = await as("psm.gambir");
    const created = await psm.send("POST", "/api/v1/persons", {
      regionCode: GAMBIR,
      name: "Anak Jalanan Tanpa Nama",
      sex: "L",
      relation: "lainnya",
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ nik: null, nikStatus: "belum_ada", householdId: null });
    const updated = await psm.send("PATCH", `/api/v1/persons/${created.json().id}`, {
      nik: "3171010505100009",
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json().nikStatus).toBe("ada");
    expect(updated.json().history.map((e: { kind: string }) => e.kind)).toEqual(["nik_added"]);
    const outOfScope = await psm.send("POST", "/api/v1/persons", {
      regionCode: PASAR_BARU,
      name: "Orang Lain",
      sex: "P",
      relation: "lainnya",
    });
    expect(outOfScope.statusCode).toBe(403);
  });

  it("household detail returns members, PPKS and history; the view is audited; moves and deaths are events", async () => {
    const psm = await as("psm.gambir");
    const ppks = await psm.send("POST", `/api/v1/persons/${rizkiId}/ppks`, {
      categoryCode: "24",
      foundOn: "2026-11-01",
      source: "temuan_lapangan",
    });
    expect(ppks.statusCode).toBe(200);
    expect(ppks.json().ppks[0]).toMatchObject({
      categoryCode: "24",
      categoryName: "Fakir Miskin",
      status: "aktif",
    });

    const moved = await psm.send("PATCH", `/api/v1/households/${gambirHousehold}`, {
      address: "Jl. Gambir 9",
    });
    expect(moved.statusCode).toBe(200);
    const detail = await psm.get(`/api/v1/households/${gambirHousehold}`);
    expect(detail.statusCode).toBe(200);
    const body = detail.json();
    expect(body.kkNumber).toBe("3171010101200111");
    expect(body.members.map((m: { id: string }) => m.id)).toEqual([rizkiId]);
    expect(body.ppks.map((p: { categoryCode: string }) => p.categoryCode)).toEqual(["24"]);
    expect(body.history.map((e: { kind: string }) => e.kind)).toEqual(["household_moved"]);
    expect(body.history[0].details).toMatchObject({
      from: { address: "Jl. Gambir 1" },
      to: { address: "Jl. Gambir 9" },
    });

    const views = await ctx.db
      .selectFrom("audit_log")
      .select(["action", "username"])
      .where("table_name", "=", "households")
      .where("record_id", "=", gambirHousehold)
      .execute();
    expect(views.map((v) => v.action).sort()).toEqual(["create", "update", "view"]);

    const died = await psm.send("PATCH", `/api/v1/persons/${rizkiId}`, { diedAt: "2026-11-20" });
    expect(died.json().diedAt).toBe("2026-11-20");
    expect(died.json().history.map((e: { kind: string }) => e.kind)).toContain("person_died");
    const living = await psm.get(`/api/v1/persons?householdId=${gambirHousehold}`);
    expect(living.json().total).toBe(0);
    await psm.send("PATCH", `/api/v1/persons/${rizkiId}`, { diedAt: null });
  });

  it("queues same name and birth date under two NIKs; a merge keeps both records and is audited", async () => {
    const sudin = await as("sudin");
    const twin = await sudin.send("POST", "/api/v1/persons", {
      nik: "3171011208900003",
      regionCode: GAMBIR,
      name: "M. Rizki",
      sex: "L",
      birthDate: "1990-08-12",
      relation: "lainnya",
    });
    expect(twin.statusCode).toBe(201);
    const queue = await sudin.get("/api/v1/duplicates");
    expect(queue.json().total).toBe(1);
    const candidate = queue.json().items[0];
    expect(candidate.kind).toBe("same_name_birth");
    expect([candidate.person.id, candidate.otherPerson.id].sort()).toEqual([rizkiId, twin.json().id].sort());

    const merged = await sudin.send("POST", `/api/v1/duplicates/${candidate.id}/merge`, {
      keepPersonId: rizkiId,
    });
    expect(merged.statusCode).toBe(200);
    expect(merged.json().status).toBe("merged");
    const gone = await ctx.db
      .selectFrom("persons")
      .select(["merged_into_id"])
      .where("id", "=", twin.json().id)
      .executeTakeFirstOrThrow();
    expect(gone.merged_into_id).toBe(rizkiId);
    const kept = await sudin.get(`/api/v1/persons/${rizkiId}`);
    expect(kept.json().history.map((e: { kind: string }) => e.kind)).toContain("person_merged");
    const again = await sudin.send("POST", `/api/v1/duplicates/${candidate.id}/dismiss`, {});
    expect(again.statusCode).toBe(409);
    const audited = await ctx.db
      .selectFrom("audit_log")
      .select("action")
      .where("record_id", "=", twin.json().id)
      .where("action", "=", "update")
      .execute();
    expect(audited).toHaveLength(1);
  });

  it("imports an uploaded CSV with the CLI's rules and exports the list in the import format", async () => {
    const sudin = await as("sudin");
    const app = await ctx.app();
    const login = await loginAs(app, "sudin");
    const upload = (query: string) =>
      app.inject({
        method: "POST",
        url: `/api/v1/imports/persons${query}`,
        headers: { ...login.headers, "content-type": "text/csv" },
        payload: MIXED,
      });
    const refused = await upload("");
    expect(refused.statusCode).toBe(422);
    expect(refused.json().summary).toEqual({ read: 11, inserted: 0, updated: 0, rejected: 7, households: 0 });
    expect([...new Set(refused.json().problems.map((p: { row: number }) => p.row))]).toEqual([
      6, 7, 8, 9, 10, 11, 12,
    ]);
    const accepted = await upload("?skipInvalid=true");
    expect(accepted.statusCode).toBe(200);
    // Row 2 carries Rizki's NIK (already registered): matched and updated, not duplicated.
    expect(accepted.json().summary).toEqual({
      read: 11,
      inserted: 3,
      updated: 1,
      rejected: 7,
      households: 2,
    });

    const psm = await as("psm.gambir");
    const scoped = await app.inject({
      method: "POST",
      url: "/api/v1/imports/persons?skipInvalid=true&dryRun=true",
      headers: { ...(await loginAs(app, "psm.gambir")).headers, "content-type": "text/csv" },
      payload: MIXED,
    });
    expect(scoped.json().problems.find((p: { row: number }) => p.row === 5)).toMatchObject({
      code: "region_out_of_scope",
    });

    const exported = await psm.get(`/api/v1/persons/export?format=csv&region=${GAMBIR}`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers["content-type"]).toContain("text/csv");
    const lines = exported.body.trim().split("\n");
    expect(lines[0]?.startsWith("no_kk,nik,nama,jenis_kelamin,tanggal_lahir")).toBe(true);
    expect(lines.some((l) => l.includes("3171015505920002"))).toBe(true);
    expect(lines.some((l) => l.includes("3171024107550001"))).toBe(false);
    const exports = await ctx.db
      .selectFrom("audit_log")
      .select("action")
      .where("action", "=", "export")
      .execute();
    expect(exports.length).toBeGreaterThan(0);

    const categories = await sudin.get("/api/v1/ppks-categories");
    expect(categories.json().total).toBe(26);
    const psks = await psm.send("POST", "/api/v1/psks", {
      kindCode: "karang_taruna",
      name: "Karang Taruna Gambir",
      regionCode: GAMBIR,
    });
    expect(psks.statusCode).toBe(201);
    const listed = await psm.get("/api/v1/psks");
    const items = listed.json().items as { name: string; regionCode: string }[];
    // The new one beside the demo seed's organisations of the kelurahan, and nothing outside it.
    expect(items.map((p) => p.name)).toContain("Karang Taruna Gambir");
    expect(items.map((p) => p.name)).toContain("Karang Taruna Kelurahan Gambir");
    expect(items.every((p) => p.regionCode.startsWith(GAMBIR))).toBe(true);
  });
});
