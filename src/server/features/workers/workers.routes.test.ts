import { beforeAll, expect, it } from "vitest";
import { loginAs, seedAccessFixture } from "../../../../test/auth-helpers.ts";
import { describeEachDialect } from "../../../../test/test-db.ts";

const KEBON_KELAPA = "3171011005";
const GAMBIR = "317101";

describeEachDialect("workers: region scope and audited views", (ctx) => {
  beforeAll(async () => {
    await seedAccessFixture(ctx.db);
  });

  const ids = async (region: string) => {
    const app = await ctx.app();
    const sudin = await loginAs(app, "sudin");
    const res = await app.inject({
      method: "GET",
      url: `/api/v1/workers?region=${region}`,
      headers: sudin.headers,
    });
    return res.json().items as { id: string; regionCode: string; role: string }[];
  };

  it("psm.kebon-kelapa lists only Kebon Kelapa's workers and gets 404 for another kelurahan's, for reads and updates", async () => {
    const app = await ctx.app();
    const psm = await loginAs(app, "psm.kebon-kelapa");
    const list = await app.inject({ method: "GET", url: "/api/v1/workers", headers: psm.headers });
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBe(1);
    expect(list.json().items.map((w: { regionCode: string }) => w.regionCode)).toEqual([KEBON_KELAPA]);
    expect(list.json().items[0].phone).toMatch(/^0812•+\d{3}$/);

    const [other] = await ids("3171011001");
    const read = await app.inject({
      method: "GET",
      url: `/api/v1/workers/${other!.id}`,
      headers: psm.headers,
    });
    expect(read.statusCode).toBe(404);
    const write = await app.inject({
      method: "PATCH",
      url: `/api/v1/workers/${other!.id}`,
      headers: psm.headers,
      payload: { name: "Diubah Orang Lain" },
    });
    expect(write.statusCode).toBe(404);
    const unchanged = await ctx.db
      .selectFrom("workers")
      .select("name")
      .where("id", "=", other!.id)
      .executeTakeFirstOrThrow();
    expect(unchanged.name).not.toBe("Diubah Orang Lain");
  });

  it("tksk.gambir sees every kelurahan of Gambir and nothing outside it", async () => {
    const app = await ctx.app();
    const tksk = await loginAs(app, "tksk.gambir");
    const list = await app.inject({ method: "GET", url: "/api/v1/workers", headers: tksk.headers });
    const regions = list
      .json()
      .items.map((w: { regionCode: string }) => w.regionCode)
      .sort();
    const gambirKelurahan = await ctx.db
      .selectFrom("regions")
      .select("code")
      .where("parent_code", "=", GAMBIR)
      .execute();
    expect(regions).toEqual([GAMBIR, ...gambirKelurahan.map((r) => r.code)].sort());
    expect(gambirKelurahan).toHaveLength(6);
    const [outside] = await ids("317102");
    expect(
      (await app.inject({ method: "GET", url: `/api/v1/workers/${outside!.id}`, headers: tksk.headers }))
        .statusCode,
    ).toBe(404);
    const [inside] = await ids("3171011003");
    expect(
      (await app.inject({ method: "GET", url: `/api/v1/workers/${inside!.id}`, headers: tksk.headers }))
        .statusCode,
    ).toBe(200);
  });

  it("pimpinan and pelatih get 403 on individual records; without a session 401", async () => {
    const app = await ctx.app();
    const [any] = await ids("3171011005");
    for (const username of ["pimpinan", "pelatih"]) {
      const s = await loginAs(app, username);
      expect(
        (await app.inject({ method: "GET", url: "/api/v1/workers", headers: s.headers })).statusCode,
      ).toBe(403);
      expect(
        (await app.inject({ method: "GET", url: `/api/v1/workers/${any!.id}`, headers: s.headers }))
          .statusCode,
      ).toBe(403);
    }
    expect((await app.inject({ method: "GET", url: `/api/v1/workers/${any!.id}` })).statusCode).toBe(401);
  });

  it("a detail view shows the whole phone and leaves an audit entry naming the user; an update records before and after", async () => {
    const app = await ctx.app();
    const psm = await loginAs(app, "psm.kebon-kelapa");
    const [mine] = await ids(KEBON_KELAPA);
    const detail = await app.inject({
      method: "GET",
      url: `/api/v1/workers/${mine!.id}`,
      headers: psm.headers,
    });
    expect(detail.json().phone).toMatch(/^0812\d{8}$/);
    const views = await ctx.db
      .selectFrom("audit_log")
      .selectAll()
      .where("record_id", "=", mine!.id)
      .where("action", "=", "view")
      .execute();
    expect(views).toHaveLength(1);
    expect(views[0]).toMatchObject({
      username: "psm.kebon-kelapa",
      table_name: "workers",
      region_code: KEBON_KELAPA,
    });
    expect(views[0]!.ip).toBeTruthy();

    const patch = await app.inject({
      method: "PATCH",
      url: `/api/v1/workers/${mine!.id}`,
      headers: psm.headers,
      payload: { phone: "+62 813-1111-2222" },
    });
    expect(patch.statusCode).toBe(200);
    expect(patch.json().phone).toBe("081311112222");
    const update = await ctx.db
      .selectFrom("audit_log")
      .selectAll()
      .where("record_id", "=", mine!.id)
      .where("action", "=", "update")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(update.before_json ?? "{}")).toEqual({ phone: detail.json().phone });
    expect(JSON.parse(update.after_json ?? "{}")).toEqual({ phone: "081311112222" });

    const bad = await app.inject({
      method: "PATCH",
      url: `/api/v1/workers/${mine!.id}`,
      headers: psm.headers,
      payload: { phone: "12ab" },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe("body.phone");
  });
});
