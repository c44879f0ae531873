import { beforeAll, expect, it } from "vitest";
import { loginAs, seedAccessFixture } from "../../../../test/auth-helpers.ts";
import { describeEachDialect } from "../../../../test/test-db.ts";
import { insertHousehold } from "../cases/cases.test-helper.ts";

const GAMBIR = "3171011001";
const PASAR_BARU = "3171021001";

describeEachDialect("PSKS organisations: register, edit, delete within the region", (ctx) => {
  beforeAll(async () => {
    await seedAccessFixture(ctx.db);
  });

  const as = async (username: string) => {
    const app = await ctx.app();
    const login = await loginAs(app, username);
    return {
      get: (url: string) => app.inject({ method: "GET", url, headers: login.headers }),
      send: (method: "POST" | "PATCH" | "DELETE", url: string, payload?: object) =>
        app.inject({ method, url, headers: login.headers, ...(payload ? { payload } : {}) }),
    };
  };

  const auditOf = (id: string) =>
    ctx.db
      .selectFrom("audit_log")
      .select(["action", "before_json", "after_json"])
      .where("table_name", "=", "psks_organisations")
      .where("record_id", "=", id)
      .orderBy("at")
      .execute();

  let karangTaruna = "";
  let outside = "";

  it("lists a kelurahan's own PSKS first, then, when asked, those of its kecamatan and city, which a PSM may read", async () => {
    const psm = await as("psm.kebon-kelapa");
    type Item = { name: string; regionCode: string };
    const own = (await psm.get("/api/v1/psks?region=3171011005")).json().items as Item[];
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((o) => o.regionCode === "3171011005")).toBe(true);
    const serving = (await psm.get("/api/v1/psks?region=3171011005&above=true")).json();
    const codes = (serving.items as Item[]).map((o) => o.regionCode);
    expect(serving.total).toBe(codes.length);
    expect(codes.slice(0, own.length)).toEqual(own.map((o) => o.regionCode));
    expect(new Set(codes.slice(own.length))).toEqual(new Set(["317101", "3171"]));
    expect((serving.items as Item[]).map((o) => o.name)).toContain("LKS Bina Sejahtera Gambir");
    // Asking for another kelurahan with its regions above shows only what serves this PSM's too.
    const elsewhere = (await psm.get("/api/v1/psks?region=3171011001&above=true")).json().items as Item[];
    expect(elsewhere.every((o) => ["317101", "3171"].includes(o.regionCode))).toBe(true);
  });

  it("edits only the fields sent, normalises the phone and audits before and after", async () => {
    const psm = await as("psm.gambir");
    const kinds = (await psm.get("/api/v1/psks-kinds")).json();
    expect(kinds.items.map((k: { code: string }) => k.code)).toEqual(
      expect.arrayContaining(["lks", "karang_taruna", "psm"]),
    );
    const created = await psm.send("POST", "/api/v1/psks", {
      kindCode: "karang_taruna",
      name: "Karang Taruna RW 03",
      regionCode: GAMBIR,
      contactName: "Budi",
    });
    expect(created.statusCode).toBe(201);
    karangTaruna = created.json().id;

    const edited = await psm.send("PATCH", `/api/v1/psks/${karangTaruna}`, {
      name: "Karang Taruna Gambir",
      phone: "+62 812-3456-7890",
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      name: "Karang Taruna Gambir",
      phone: "081234567890",
      contactName: "Budi",
      kindCode: "karang_taruna",
      regionCode: GAMBIR,
    });
    expect((await psm.get(`/api/v1/psks/${karangTaruna}`)).json().name).toBe("Karang Taruna Gambir");
    const audit = await auditOf(karangTaruna);
    expect(audit.map((a) => a.action)).toEqual(["create", "update"]);
    expect(JSON.parse(audit[1]!.before_json ?? "{}")).toMatchObject({ name: "Karang Taruna RW 03" });
    expect(JSON.parse(audit[1]!.after_json ?? "{}")).toMatchObject({ name: "Karang Taruna Gambir" });

    const badKind = await psm.send("PATCH", `/api/v1/psks/${karangTaruna}`, { kindCode: "tidak_ada" });
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json().errors[0]).toMatchObject({ field: "body.kindCode", code: "psks_kind_unknown" });
    const away = await psm.send("PATCH", `/api/v1/psks/${karangTaruna}`, { regionCode: PASAR_BARU });
    expect(away.statusCode).toBe(403);
    expect((await psm.get(`/api/v1/psks/${karangTaruna}`)).json().regionCode).toBe(GAMBIR);
  });

  it("answers 404 on an organisation outside the worker's region", async () => {
    const sudin = await as("sudin");
    outside = (
      await sudin.send("POST", "/api/v1/psks", {
        kindCode: "lks",
        name: "LKS Pasar Baru",
        regionCode: PASAR_BARU,
      })
    ).json().id;
    const psm = await as("psm.gambir");
    expect((await psm.get(`/api/v1/psks/${outside}`)).statusCode).toBe(404);
    expect((await psm.send("PATCH", `/api/v1/psks/${outside}`, { name: "x" })).statusCode).toBe(404);
    expect((await psm.send("DELETE", `/api/v1/psks/${outside}`)).statusCode).toBe(404);
    expect((await sudin.get(`/api/v1/psks/${outside}`)).statusCode).toBe(200);
  });

  it("refers a case only to an organisation of its area or above it, whoever sends it", async () => {
    const { personId } = await insertHousehold(ctx.db, GAMBIR, "Bapak Rujukan");
    const psm = await as("psm.gambir");
    const sudin = await as("sudin");
    const kase = await psm.send("POST", "/api/v1/cases", {
      subjectType: "person",
      personId,
      category: "12",
      description: "Perlu bantuan usaha",
      source: "temuan_lapangan",
      urgency: "biasa",
    });
    expect(kase.statusCode, kase.body).toBe(201);
    const city = (
      await sudin.send("POST", "/api/v1/psks", {
        kindCode: "tagana",
        name: "Tagana Kota",
        regionCode: "3171",
      })
    ).json().id;
    for (const who of [psm, sudin]) {
      const refused = await who.send("POST", `/api/v1/cases/${kase.json().id}/referrals`, {
        organisationId: outside,
      });
      expect(refused.statusCode, refused.body).toBe(422);
      expect(refused.json().code).toBe("referral_target_out_of_area");
      expect(refused.json().detail).toContain("31.71.01.1001");
    }
    const above = await psm.send("POST", `/api/v1/cases/${kase.json().id}/referrals`, {
      organisationId: city,
    });
    expect(above.statusCode, above.body).toBe(201);
    const referrals = await ctx.db.selectFrom("referrals").select("organisation_id").execute();
    expect(referrals.map((r) => r.organisation_id)).not.toContain(outside);
  });

  it("deletes with a tombstone and an audit entry; refuses while a case referral names it", async () => {
    const psm = await as("psm.gambir");
    const { personId } = await insertHousehold(ctx.db, GAMBIR, "Ibu Rujukan");
    const kase = await psm.send("POST", "/api/v1/cases", {
      subjectType: "person",
      personId,
      category: "12",
      description: "Perlu pendampingan",
      source: "temuan_lapangan",
      urgency: "biasa",
    });
    expect(kase.statusCode, kase.body).toBe(201);
    const referral = await psm.send("POST", `/api/v1/cases/${kase.json().id}/referrals`, {
      organisationId: karangTaruna,
    });
    expect(referral.statusCode, referral.body).toBe(201);
    const refused = await psm.send("DELETE", `/api/v1/psks/${karangTaruna}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe("psks_in_use");
    expect((await psm.get(`/api/v1/psks/${karangTaruna}`)).statusCode).toBe(200);

    const spare = (
      await psm.send("POST", "/api/v1/psks", {
        kindCode: "lks",
        name: "LKS Salah Daftar",
        regionCode: GAMBIR,
      })
    ).json().id;
    const deleted = await psm.send("DELETE", `/api/v1/psks/${spare}`);
    expect(deleted.statusCode).toBe(204);
    expect((await psm.get(`/api/v1/psks/${spare}`)).statusCode).toBe(404);
    const listed = (await psm.get("/api/v1/psks")).json().items.map((o: { id: string }) => o.id);
    expect(listed).toContain(karangTaruna);
    expect(listed).not.toContain(spare);
    const tombstone = await ctx.db
      .selectFrom("tombstones")
      .selectAll()
      .where("record_id", "=", spare)
      .executeTakeFirstOrThrow();
    expect(tombstone).toMatchObject({ table_name: "psks_organisations", region_code: GAMBIR });
    const audit = await auditOf(spare);
    expect(audit.map((a) => a.action)).toEqual(["create", "delete"]);
    expect(JSON.parse(audit[1]!.before_json ?? "{}")).toMatchObject({ name: "LKS Salah Daftar" });
  });
});
