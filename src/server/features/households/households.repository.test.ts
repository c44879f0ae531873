import { beforeAll, expect, it } from "vitest";
import { describeEachDialect } from "../../../../test/test-db.ts";
import { newId, nowIso } from "../../db/ids.ts";
import { ALL_REGIONS, regionScope } from "../../db/scope.ts";
import { DEMO_REGION_FILE, readShippedData } from "../../shipped-data.ts";
import { importRegionsCsv } from "../regions/regions.service.ts";
import { householdPageQuery, searchHouseholds } from "./households.repository.ts";

const GAMBIR = "3171011001";
const CIDENG = "3171011002";
const PASAR_BARU = "3171021001";

describeEachDialect("household list: order and paging", (ctx) => {
  /** The households in the list's order, computed here from the inserted values. */
  const expected: { id: string; region: string; rw: string; rt: string; address: string }[] = [];

  beforeAll(async () => {
    await importRegionsCsv(ctx.db, await readShippedData(DEMO_REGION_FILE));
    const now = nowIso();
    let seq = 1;
    // Two RTs share every (kelurahan, RW), and several households share one address, so the
    // order depends on every column of it, the id last.
    for (const region of [PASAR_BARU, CIDENG, GAMBIR]) {
      for (const rw of ["002", "001"]) {
        for (const rt of ["003", "001"]) {
          for (const address of ["Jl. Kenari No. 5", "Gg. Mawar No. 1", "Gg. Mawar No. 1"]) {
            const id = newId();
            expected.push({ id, region, rw, rt, address });
            await ctx.db
              .insertInto("households")
              .values({
                id,
                kk_number: null,
                region_code: region,
                rw,
                rt,
                address,
                latitude: null,
                longitude: null,
                is_demo: 0,
                seq: seq++,
                created_at: now,
                updated_at: now,
              })
              .execute();
          }
        }
      }
    }
    const key = (h: (typeof expected)[number]) => [h.region, h.rw, h.rt, h.address, h.id];
    expected.sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      for (let i = 0; i < x.length; i++)
        if (x[i] !== y[i]) return (x[i] as string) < (y[i] as string) ? -1 : 1;
      return 0;
    });
  });

  it("pages through kelurahan, RW, RT, address and id in order, each household once", async () => {
    const seen: string[] = [];
    for (let offset = 0; ; offset += 5) {
      const { rows, total } = await searchHouseholds(ctx.db, { scope: ALL_REGIONS, limit: 5, offset });
      expect(total).toBe(expected.length);
      if (rows.length === 0) break;
      seen.push(...rows.map((r) => r.id));
    }
    expect(seen).toEqual(expected.map((h) => h.id));
  });

  it("a page inside one kelurahan and RT keeps the same order", async () => {
    const inScope = expected.filter((h) => h.region === CIDENG && h.rw === "001" && h.rt === "003");
    const { rows, total } = await searchHouseholds(ctx.db, {
      scope: regionScope("317101"),
      regionCode: CIDENG,
      rw: "1",
      rt: "3",
      limit: 2,
      offset: 1,
    });
    expect(total).toBe(inScope.length);
    expect(rows.map((r) => r.id)).toEqual(inScope.slice(1, 3).map((h) => h.id));
  });

  it.runIf(ctx.dialect === "sqlite")(
    "reads a page from the list index in order, without sorting, however far down it is",
    async () => {
      for (const scope of [ALL_REGIONS, regionScope("317101")]) {
        const page = householdPageQuery(ctx.db, { scope, limit: 20, offset: 100_000 }).compile();
        const plan = ctx.handle
          .sqlite!.prepare(`EXPLAIN QUERY PLAN ${page.sql}`)
          .all(...(page.parameters as unknown[])) as { detail: string }[];
        const details = plan.map((r) => r.detail).join("\n");
        expect(details).toContain("households_list_idx");
        expect(details).not.toContain("TEMP B-TREE");
      }
    },
  );
});
