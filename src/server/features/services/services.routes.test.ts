import { beforeAll, expect, it } from "vitest";
import { loginAs, seedAccessFixture } from "../../../../test/auth-helpers.ts";
import { describeEachDialect } from "../../../../test/test-db.ts";

describeEachDialect("referral catalogue: PSKS that serve an area", (ctx) => {
  beforeAll(async () => {
    // The demo seed's PSKS: a Karang Taruna in every kelurahan, an LKS in every kecamatan, the
    // city's Tagana.
    await seedAccessFixture(ctx.db);
  });

  const psksNames = async (username: string, query = "") => {
    const app = await ctx.app();
    const login = await loginAs(app, username);
    const res = await app.inject({ method: "GET", url: `/api/v1/services${query}`, headers: login.headers });
    expect(res.statusCode).toBe(200);
    return (res.json().items as { kind: string; name: string }[])
      .filter((i) => i.kind === "psks")
      .map((i) => i.name);
  };

  it("offers a PSM their kelurahan's PSKS and those of its kecamatan and city, and no other area's", async () => {
    const names = await psksNames("psm.kebon-kelapa", "?region=3171011005");
    expect(names).toContain("Karang Taruna Kelurahan Kebon Kelapa");
    expect(names).toContain("LKS Bina Sejahtera Gambir");
    expect(names).toContain("Tagana Jakarta Pusat");
    expect(names).not.toContain("Karang Taruna Kelurahan Gambir");
    expect(names).not.toContain("LKS Bina Sejahtera Sawah Besar");
  });

  it("offers a TKSK every PSKS of the kecamatan and the city's, none of another kecamatan", async () => {
    const names = await psksNames("tksk.gambir");
    expect(names).toContain("Karang Taruna Kelurahan Gambir");
    expect(names).toContain("Karang Taruna Kelurahan Kebon Kelapa");
    expect(names).toContain("LKS Bina Sejahtera Gambir");
    expect(names).toContain("Tagana Jakarta Pusat");
    expect(names.some((n) => n.endsWith("Sawah Besar"))).toBe(false);
  });
});
