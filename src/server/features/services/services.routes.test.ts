import { beforeAll, expect, it } from "vitest";
import { loginAs, seedAccessFixture } from "../../../../test/auth-helpers.ts";
import { describeEachDialect } from "../../../../test/test-db.ts";

describeEachDialect("referral catalogue: PSKS that serve an area", (ctx) => {
  beforeAll(async () => {
    // The demo seed's PSKS: a Karang Taruna in every kelurahan, an LKS in every kecamatan, the
    // city's Tagana.
    await seedAccessFixture(ctx.db);
  });

  const psks = async (username: string, query = "") => {
    const app = await ctx.app();
    const login = await loginAs(app, username);
    const res = await app.inject({ method: "GET", url: `/api/v1/services${query}`, headers: login.headers });
    expect(res.statusCode).toBe(200);
    return (res.json().items as { kind: string; name: string; regionCode: string | null }[]).filter(
      (i) => i.kind === "psks",
    );
  };
  const psksNames = async (username: string, query = "") => (await psks(username, query)).map((i) => i.name);

  it("offers a PSM their kelurahan's PSKS and those of its kecamatan and city, and no other area's", async () => {
    const names = await psksNames("psm.kebon-kelapa", "?region=3171011005");
    expect(names).toContain("Karang Taruna Kelurahan Kebon Kelapa");
    expect(names).toContain("LKS Bina Sejahtera Gambir");
    expect(names).toContain("Tagana Jakarta Pusat");
    expect(names).not.toContain("Karang Taruna Kelurahan Gambir");
    expect(names).not.toContain("LKS Bina Sejahtera Sawah Besar");
  });

  it("without a region filter, offers a PSM nothing beyond their kelurahan and the regions above it", async () => {
    const items = await psks("psm.kebon-kelapa");
    expect(items.length).toBeGreaterThan(3);
    for (const i of items) {
      const code = i.regionCode as string;
      expect(code.startsWith("3171011005") || ["317101", "3171", "31"].includes(code)).toBe(true);
    }
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
