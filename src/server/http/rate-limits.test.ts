import { beforeAll, expect, it } from "vitest";
import { type LoggedIn, loginAs, seedAccessFixture } from "../../../test/auth-helpers.ts";
import { describeEachDialect } from "../../../test/test-db.ts";
import { EXPORT_LIMIT, SEARCH_LIMIT } from "./rate-limits.ts";

describeEachDialect("per-user rate limits", (ctx) => {
  let sudin: LoggedIn;
  let tksk: LoggedIn;

  beforeAll(async () => {
    await seedAccessFixture(ctx.db);
    const app = await ctx.app();
    sudin = await loginAs(app, "sudin");
    tksk = await loginAs(app, "tksk.gambir");
  });

  it("answers 429 in Indonesian after a user's search budget, and not to another user", async () => {
    const app = await ctx.app();
    const search = (who: LoggedIn) =>
      app.inject({ method: "GET", url: "/api/v1/persons?q=siti", headers: who.headers });
    for (let i = 0; i < SEARCH_LIMIT.max; i++) {
      const r = await search(sudin);
      expect(r.statusCode, r.body).toBe(200);
    }
    const refused = await search(sudin);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers["content-type"]).toContain("application/problem+json");
    expect(refused.json().code).toBe("rate_limited");
    expect(refused.json().detail).toMatch(
      /^Terlalu banyak permintaan dalam waktu singkat; coba lagi dalam \d+ detik\.$/,
    );
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    expect((await search(tksk)).statusCode).toBe(200);
  });

  it("limits exports more tightly", async () => {
    const app = await ctx.app();
    const exportCsv = () =>
      app.inject({ method: "GET", url: "/api/v1/persons/export?format=csv", headers: tksk.headers });
    for (let i = 0; i < EXPORT_LIMIT.max; i++) expect((await exportCsv()).statusCode).toBe(200);
    expect((await exportCsv()).statusCode).toBe(429);
  });
});
