import { sql } from "kysely";
import { beforeAll, expect, it } from "vitest";
import { analyze, queryPlan } from "../../../../test/query-plan.ts";
import { describeEachDialect, type TestContext } from "../../../../test/test-db.ts";
import { newId, nowIso } from "../../db/ids.ts";
import { ALL_REGIONS, regionScope } from "../../db/scope.ts";
import { DEMO_REGION_FILE, readShippedData } from "../../shipped-data.ts";
import { importRegionsCsv } from "../regions/regions.service.ts";
import {
  type HouseholdSearch,
  householdCountQuery,
  householdPageQuery,
  LIST_COUNT_CAP,
  searchHouseholds,
} from "./households.repository.ts";

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

  it("pages by cursor in the same order: forwards, backwards and from the end", async () => {
    const forwards: string[] = [];
    let after: string[] | undefined;
    for (;;) {
      const page = await searchHouseholds(ctx.db, { scope: ALL_REGIONS, limit: 7, offset: 0, after });
      forwards.push(...page.rows.map((r) => r.id));
      if (!page.nextKey) break;
      after = page.nextKey;
    }
    expect(forwards).toEqual(expected.map((h) => h.id));

    const backwards: string[] = [];
    let page = await searchHouseholds(ctx.db, { scope: ALL_REGIONS, limit: 7, offset: 0, last: true });
    expect(page.nextKey).toBeNull();
    for (;;) {
      backwards.unshift(...page.rows.map((r) => r.id));
      if (!page.prevKey) break;
      page = await searchHouseholds(ctx.db, {
        scope: ALL_REGIONS,
        limit: 7,
        offset: 0,
        before: page.prevKey,
      });
    }
    expect(backwards).toEqual(expected.map((h) => h.id));
    // Read backwards, the pages end where the list starts: its first page holds the remainder.
    expect(page.rows.map((r) => r.id)).toEqual(expected.slice(0, expected.length % 7 || 7).map((h) => h.id));
  });

  it("counts up to the cap and says when the total is a lower bound", async () => {
    const page = await searchHouseholds(ctx.db, { scope: ALL_REGIONS, limit: 5, offset: 0 });
    expect(page).toMatchObject({ total: expected.length, totalIsLowerBound: false });
    expect(page.rows[0]?.member_count).toBe(0);
  });
});

/** Households enough that the planner's choice means something: 3 kelurahan, 7 RW, 9 RT. */
async function loadHouseholds(ctx: TestContext, count: number): Promise<void> {
  await importRegionsCsv(ctx.db, await readShippedData(DEMO_REGION_FILE));
  await sql`INSERT INTO households (id, kk_number, region_code, rw, rt, address, is_demo, seq, created_at, updated_at)
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${count})
    SELECT 'h-' || (i + 1000000), NULL,
      CASE i % 3 WHEN 0 THEN ${GAMBIR} WHEN 1 THEN ${CIDENG} ELSE ${PASAR_BARU} END,
      '00' || (i % 7 + 1), '00' || (i % 9 + 1), 'Jl. Uji No. ' || (i % 500), 0, i,
      '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z' FROM n`.execute(ctx.db);
  await analyze(ctx, ["households"]);
}

describeEachDialect("household list: the plan of every page", (ctx) => {
  const ROWS = 20_000;
  beforeAll(async () => loadHouseholds(ctx, ROWS));

  /** Pages at the start, far down by offset, after and before a cursor, the last; city and kecamatan. */
  async function pages(): Promise<{ name: string; search: HouseholdSearch }[]> {
    const far = await searchHouseholds(ctx.db, { scope: ALL_REGIONS, limit: 20, offset: ROWS / 2 });
    const list: { name: string; search: HouseholdSearch }[] = [];
    for (const scope of [ALL_REGIONS, regionScope("317102")]) {
      const base = { scope, limit: 20, offset: 0 };
      list.push(
        { name: "first", search: base },
        { name: "offset", search: { ...base, offset: ROWS / 2 } },
        { name: "after", search: { ...base, after: far.nextKey! } },
        { name: "before", search: { ...base, before: far.prevKey! } },
        { name: "last", search: { ...base, last: true } },
      );
    }
    return list;
  }

  it("reads each page's keys and the capped count from households_list_idx alone, without sorting", async () => {
    for (const { name, search } of await pages()) {
      for (const query of [householdPageQuery(ctx.db, search), householdCountQuery(ctx.db, search)]) {
        const plan = await queryPlan(ctx, query.compile());
        const label = `${name} ${search.scope.kind}:\n${plan.text}`;
        if (ctx.dialect === "sqlite") {
          expect(plan.text, label).toContain("COVERING INDEX households_list_idx");
          expect(plan.text, label).not.toContain("TEMP B-TREE");
        } else {
          expect(plan.nodes, label).toContainEqual({
            type: "Index Only Scan",
            relation: "households",
            index: "households_list_idx",
          });
          expect(
            plan.nodes.map((n) => n.type),
            label,
          ).not.toContain("Sort");
          expect(
            plan.nodes.filter((n) => n.relation === "households" && n.type !== "Index Only Scan"),
            label,
          ).toEqual([]);
        }
      }
    }
  });

  it("says the total is a lower bound past the cap", async () => {
    const page = await searchHouseholds(ctx.db, { scope: ALL_REGIONS, limit: 20, offset: 0 });
    expect(page).toMatchObject({ total: LIST_COUNT_CAP, totalIsLowerBound: true });
  });
});
