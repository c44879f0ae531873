/**
 * Goal: name search over 1,000,000 persons on SQLite with a median under 10 ms and a p95 under
 * 50 ms, the index kept current on every write; on PostgreSQL a p95 under 20 ms.
 *
 *   npm run bench:search -- [--engine sqlite|postgres] [--persons N] [--db file.db] [--keep]
 *   (default sqlite, 1000000; bench/support/engine.ts: PostgreSQL from BENCH_DATABASE_URL or a
 *   temporary database)
 *
 * Builds the population (bench/support/population.ts: the demo generator through the import's
 * bulk SQLite path, 3 households for every 10 persons; on PostgreSQL built the same way and moved
 * with `peduli db copy`); with --db (SQLite) or BENCH_DATABASE_URL (PostgreSQL) it is kept and a
 * later run reuses it instead of building again. Then it
 * runs the same name queries twice: through the registry's search (phonetic key, FTS5
 * trigram index, page of 20 plus the total count, as GET /api/v1/persons does) and as a
 * LIKE '%…%' scan of the normalised names (the baseline). Queries are real names from the
 * population written the way field workers misspell them (Muhamad Rizky for Muhammad Rizki).
 * Last, the household and person lists' first, middle and last pages, by offset and by cursor,
 * against the former single page query in the same run: their time should not grow with the
 * offset.
 */
import { loadavg } from "node:os";
import { sql } from "kysely";
import { normalizeName } from "../src/core/identity/person-name.ts";
import { ALL_REGIONS, regionScope } from "../src/server/db/scope.ts";
import { createRandom } from "../src/server/features/demo/demo-population.ts";
import {
  householdPageQueryBefore,
  searchHouseholds,
} from "../src/server/features/households/households.repository.ts";
import { personPageQueryBefore } from "../src/server/features/persons/person-list.repository.ts";
import { searchPersons } from "../src/server/features/persons/person-search.repository.ts";
import { importRegionsCsv } from "../src/server/features/regions/regions.service.ts";
import { DEMO_REGION_FILE, readShippedData } from "../src/server/shipped-data.ts";
import { openBenchDb, parseBenchArgs } from "./support/engine.ts";
import { buildPopulation } from "./support/population.ts";

const args = parseBenchArgs();
const target = args.persons ?? 1_000_000;
const QUERIES = 300;

// 1. Population (or the one kept by an earlier run: --db FILE on SQLite, BENCH_DATABASE_URL on PostgreSQL).
const bench = await openBenchDb(args, {
  label: `search persons=${target}`,
  async build(h) {
    await importRegionsCsv(h.db, readShippedData(DEMO_REGION_FILE));
    const kelurahan = (
      await h.db.selectFrom("regions").select("code").where("kind", "=", "kelurahan").execute()
    ).map((r) => r.code);
    const built = await buildPopulation(h.sqlite!, { persons: target, kelurahan });
    h.sqlite!.exec("ANALYZE");
    console.log(
      `Built ${built.persons.toLocaleString("en")} persons in ${built.households.toLocaleString("en")} households in ${built.seconds.toFixed(1)} s`,
    );
  },
});
const { db } = bench.handle;
const engine = bench.engine;
console.log(`Engine: ${engine}`);
const counted = await sql<{
  n: number;
  top: number;
}>`SELECT count(*) AS n, max(seq) AS top FROM persons`.execute(db);
const persons = Number(counted.rows[0]?.n);
const top = Number(counted.rows[0]?.top);
if (bench.reused) console.log(`Reusing ${bench.where}: ${persons.toLocaleString("en")} persons`);

// Real names of the population, picked at random by change number (the same ones on both
// engines, which hold the same rows).
const rnd = createRandom(7);
const sample: string[] = [];
while (sample.length < QUERIES) {
  const picked = await sql<{
    name: string;
  }>`SELECT name FROM persons WHERE seq >= ${rnd.int(1, top)} ORDER BY seq LIMIT 1`.execute(db);
  if (picked.rows[0]) sample.push(picked.rows[0].name);
}

/** How people misspell names: Muhammad → Muhamad, Rizki → Rizky, Fatimah → Fatima, Achmad → Ahmad. */
function misspell(name: string): string {
  return name
    .replace(/Muhammad/g, "Muhamad")
    .replace(/i\b/g, "y")
    .replace(/ah\b/g, "a")
    .replace(/Ahmad/g, "Achmad")
    .replace(/Yusuf/g, "Jusuf");
}
const queries = sample.map((name, i) =>
  i % 2 === 0 ? misspell(name) : name.split(" ").slice(0, 2).join(" "),
);

function stats(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;
  return { median: at(0.5), p95: at(0.95) };
}

// 2. Peduli's search: the repository call behind GET /api/v1/persons?q=…
const scopes = [ALL_REGIONS, regionScope("317101"), regionScope("3171071001")];
const peduli: number[] = [];
// CPU time of this process per query: on a shared machine, wall time also counts the waits for a core.
const peduliCpu: number[] = [];
let found = 0;
for (const [i, q] of queries.entries()) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const { rows } = await searchPersons(db, engine, {
    scope: scopes[i % scopes.length]!,
    name: q,
    limit: 20,
    offset: 0,
  });
  peduli.push(performance.now() - started);
  const used = process.cpuUsage(cpu);
  peduliCpu.push((used.user + used.system) / 1000);
  if (rows.length > 0) found++;
}

// 3. Baseline: a LIKE '%…%' scan of the normalised names with the same page and count.
// A scan reads every row, so a sixth of the queries is enough to know its cost.
const like: number[] = [];
for (const [i, q] of queries.slice(0, Math.ceil(queries.length / 6)).entries()) {
  const scope = scopes[i % scopes.length]!;
  const prefix = scope.kind === "region" ? `${scope.regionCode}%` : "%";
  const pattern = `%${normalizeName(q).split(" ").join("%")}%`;
  const started = performance.now();
  await sql`SELECT * FROM persons WHERE name_normalized LIKE ${pattern} AND region_code LIKE ${prefix} ORDER BY name LIMIT 20`.execute(
    db,
  );
  await sql`SELECT count(*) FROM persons WHERE name_normalized LIKE ${pattern} AND region_code LIKE ${prefix}`.execute(
    db,
  );
  like.push(performance.now() - started);
}

const p = stats(peduli);
const b = stats(like);
console.log(`Queries: ${queries.length} (${found} with hits), e.g. "${queries[0]}", "${queries[1]}"`);
const c = stats(peduliCpu);
console.log(
  `Peduli name search (${engine}): median ${p.median.toFixed(2)} ms, p95 ${p.p95.toFixed(2)} ms (CPU time: median ${c.median.toFixed(2)} ms, p95 ${c.p95.toFixed(2)} ms; load average ${loadavg()[0]!.toFixed(1)})`,
);
console.log(
  `LIKE '%…%' scan (${like.length} queries): median ${b.median.toFixed(2)} ms, p95 ${b.p95.toFixed(2)} ms`,
);
console.log(
  `ratio (scan / Peduli): median ${(b.median / p.median).toFixed(1)}×, p95 ${(b.p95 / p.p95).toFixed(1)}×`,
);
// 4. The household and person lists (GET /api/v1/households, GET /api/v1/persons without q): the
// first, a middle and the last page, in the whole city and in one kecamatan, each read 20 times
// (the median is printed): by offset and by cursor through the repository call (page, rows, the
// count up to its cap), and by offset through the former single query (the baseline, page only).
const median = async (run: () => Promise<unknown>) => {
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return stats(times).median;
};
const ms = (v: number) => `${v.toFixed(1)} ms`;
for (const scope of scopes.slice(0, 2)) {
  const name = scope.kind === "region" ? `kecamatan ${scope.regionCode}` : "city";
  const lists = [
    {
      label: "Household list",
      count: async () => Number((await filteredCount(db, "households", scope)).n),
      page: (s: { offset: number; after?: string[]; last?: boolean }) =>
        searchHouseholds(db, { scope, limit: 20, ...s }),
      before: (offset: number) => householdPageQueryBefore(db, { scope, limit: 20, offset }).execute(),
    },
    {
      label: "Person list",
      count: async () => Number((await filteredCount(db, "persons", scope)).n),
      page: (s: { offset: number; after?: string[]; last?: boolean }) =>
        searchPersons(db, engine, { scope, limit: 20, ...s }),
      before: (offset: number) => personPageQueryBefore(db, { scope, limit: 20, offset }).execute(),
    },
  ];
  for (const list of lists) {
    const total = await list.count();
    const middle = Math.floor(total / 2);
    const lastOffset = Math.max(0, total - 20);
    const cursor = (await list.page({ offset: Math.max(0, middle - 20) })).nextKey ?? undefined;
    const now = {
      first: await median(() => list.page({ offset: 0 })),
      middle: await median(() => list.page({ offset: middle })),
      last: await median(() => list.page({ offset: lastOffset })),
      middleCursor: await median(() => list.page({ offset: 0, after: cursor })),
      lastCursor: await median(() => list.page({ offset: 0, last: true })),
    };
    const old = {
      first: await median(() => list.before(0)),
      middle: await median(() => list.before(middle)),
      last: await median(() => list.before(lastOffset)),
    };
    console.log(
      `${list.label} (${name}, ${total.toLocaleString("en")} rows, median of 20): first ${ms(now.first)}, middle (offset ${middle.toLocaleString("en")}) ${ms(now.middle)} or by cursor ${ms(now.middleCursor)}, last ${ms(now.last)} or last=true ${ms(now.lastCursor)}; baseline (former query) first ${ms(old.first)}, middle ${ms(old.middle)}, last ${ms(old.last)}; ratio at the last page ${(old.last / now.lastCursor).toFixed(1)}× (cursor), ${(old.last / now.last).toFixed(1)}× (offset); load average ${loadavg()[0]!.toFixed(1)}`,
    );
  }
}

/** The exact number of rows a list shows in `scope` (the lists themselves count up to a cap). */
async function filteredCount(
  db: typeof bench.handle.db,
  table: "households" | "persons",
  scope: (typeof scopes)[number],
) {
  const prefix = scope.kind === "region" ? `${scope.regionCode}%` : "%";
  const living = table === "persons" ? sql`AND died_at IS NULL AND merged_into_id IS NULL` : sql``;
  const result = await sql<{
    n: number;
  }>`SELECT count(*) AS n FROM ${sql.table(table)} WHERE region_code LIKE ${prefix} ${living}`.execute(db);
  return result.rows[0] as { n: number };
}

await bench.close();
