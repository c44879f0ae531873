import { beforeAll, expect, it } from "vitest";
import { loginAs, seedAccessFixture } from "../../../../test/auth-helpers.ts";
import { describeEachDialect } from "../../../../test/test-db.ts";
import { newId } from "../../db/ids.ts";

const GAMBIR = "3171011001";
const PASAR_BARU = "3171021001";

describeEachDialect("household PPKS: list, classify the whole household, change status", (ctx) => {
  beforeAll(async () => {
    await seedAccessFixture(ctx.db);
  });

  const as = async (username: string) => {
    const app = await ctx.app();
    const login = await loginAs(app, username);
    return {
      get: (url: string) => app.inject({ method: "GET", url, headers: login.headers }),
      send: (method: "POST" | "PATCH", url: string, payload: object) =>
        app.inject({ method, url, headers: login.headers, payload }),
    };
  };

  let gambir = "";
  let pasarBaru = "";
  let memberId = "";

  it("adds a household-level classification (idempotent by client id) beside a member's, both listed", async () => {
    const sudin = await as("sudin");
    const base = { rw: "1", rt: "2" };
    gambir = (
      await sudin.send("POST", "/api/v1/households", { ...base, regionCode: GAMBIR, address: "Jl. Gambir 3" })
    ).json().id;
    pasarBaru = (
      await sudin.send("POST", "/api/v1/households", {
        ...base,
        regionCode: PASAR_BARU,
        address: "Jl. Pasar 4",
      })
    ).json().id;
    memberId = (
      await sudin.send("POST", "/api/v1/persons", {
        householdId: gambir,
        name: "Siti Aminah",
        sex: "P",
        relation: "kepala_keluarga",
      })
    ).json().id;
    const member = await sudin.send("POST", `/api/v1/persons/${memberId}/ppks`, {
      categoryCode: "5",
      foundOn: "2026-10-01",
      source: "laporan_warga",
    });
    expect(member.statusCode).toBe(200);

    const psm = await as("psm.gambir");
    const id = newId();
    const body = { id, categoryCode: "24", foundOn: "2026-11-02", source: "dtks", note: "DTKS 2026" };
    const added = await psm.send("POST", `/api/v1/households/${gambir}/ppks`, body);
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({
      id,
      personId: null,
      householdId: gambir,
      categoryCode: "24",
      categoryName: "Fakir Miskin",
      source: "dtks",
      status: "aktif",
      regionCode: GAMBIR,
    });
    const repeated = await psm.send("POST", `/api/v1/households/${gambir}/ppks`, body);
    expect(repeated.statusCode).toBe(200);
    // The same client id sent for a member is another classification: refused, nothing written.
    const reused = await psm.send("POST", `/api/v1/persons/${memberId}/ppks`, body);
    expect(reused.statusCode).toBe(400);
    expect(reused.json().errors[0]).toMatchObject({ field: "body.id", code: "ppks_id_taken" });

    const list = await psm.get(`/api/v1/households/${gambir}/ppks`);
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBe(2);
    expect(
      list
        .json()
        .items.map((c: { categoryCode: string; personId: string | null }) => [c.categoryCode, c.personId]),
    ).toEqual([
      ["05", memberId],
      ["24", null],
    ]);
    const detail = await psm.get(`/api/v1/households/${gambir}`);
    expect(detail.json().ppks.map((c: { id: string }) => c.id)).toContain(id);

    const audit = await ctx.db
      .selectFrom("audit_log")
      .selectAll()
      .where("table_name", "=", "ppks_classifications")
      .where("record_id", "=", id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["create"]);
  });

  it("refuses an unknown category with a field error and writes nothing", async () => {
    const psm = await as("psm.gambir");
    const res = await psm.send("POST", `/api/v1/households/${gambir}/ppks`, {
      categoryCode: "99",
      foundOn: "2026-11-02",
      source: "temuan_lapangan",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: "body.categoryCode", code: "ppks_unknown" });
    expect((await psm.get(`/api/v1/households/${gambir}/ppks`)).json().total).toBe(2);
  });

  it("changes the status of a classification of the household, audited; another household's id is 404", async () => {
    const psm = await as("psm.gambir");
    const items = (await psm.get(`/api/v1/households/${gambir}/ppks`)).json().items as { id: string }[];
    const own = items[1]!.id;
    const changed = await psm.send("PATCH", `/api/v1/households/${gambir}/ppks/${own}`, {
      status: "ditangani",
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ id: own, status: "ditangani", categoryName: "Fakir Miskin" });
    const audit = await ctx.db
      .selectFrom("audit_log")
      .select(["action", "before_json", "after_json"])
      .where("record_id", "=", own)
      .where("action", "=", "update")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.before_json ?? "{}")).toMatchObject({ status: "aktif" });
    expect(JSON.parse(audit.after_json ?? "{}")).toMatchObject({ status: "ditangani" });

    // The member's classification belongs to the household too.
    const member = await psm.send("PATCH", `/api/v1/households/${gambir}/ppks/${items[0]!.id}`, {
      status: "selesai",
    });
    expect(member.json().status).toBe("selesai");

    const sudin = await as("sudin");
    const wrongHousehold = await sudin.send("PATCH", `/api/v1/households/${pasarBaru}/ppks/${own}`, {
      status: "selesai",
    });
    expect(wrongHousehold.statusCode).toBe(404);
  });

  it("hides a household outside the worker's region (404 on list, add and change)", async () => {
    const sudin = await as("sudin");
    const ownOutside = await sudin.send("POST", `/api/v1/households/${pasarBaru}/ppks`, {
      categoryCode: "24",
      foundOn: "2026-11-02",
      source: "rujukan_instansi",
    });
    expect(ownOutside.statusCode).toBe(201);
    const psm = await as("psm.gambir");
    expect((await psm.get(`/api/v1/households/${pasarBaru}/ppks`)).statusCode).toBe(404);
    const add = await psm.send("POST", `/api/v1/households/${pasarBaru}/ppks`, { nonsense: true });
    expect(add.statusCode).toBe(404);
    const change = await psm.send("PATCH", `/api/v1/households/${pasarBaru}/ppks/${ownOutside.json().id}`, {
      status: "selesai",
    });
    expect(change.statusCode).toBe(404);
  });
});
