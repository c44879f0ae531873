/**
 * Goal: name search over 1,000,000 persons on SQLite with a median under 10 ms and a p95 under
 * 50 ms, the index kept current on every write.
 *
 *   node --import tsx bench/search.ts [persons] [--db file.db]        (default 1000000)
 *
 * Builds the population (bench/support/population.ts: the demo generator through the import's
 * bulk SQLite path, 3 households for every 10 persons); with --db it is kept in that file and a
 * later run with the same file reuses it instead of building again. Then it
 * runs the same name queries twice: through the registry's search (phonetic key, FTS5
 * trigram index, page of 20 plus the total count, as GET /api/v1/persons does) and as a
 * LIKE '%…%' scan of the normalised names (the baseline). Queries are real names from the
 * population written the way field workers misspell them (Muhamad Rizky for Muhammad Rizki).
 * Last, the household list's first, a far (offset 100,000) and the last page, whose time should
 * not grow with the offset.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { normalizeName } from "../src/core/identity/person-name.ts";
import { createDb } from "../src/server/db/create-db.ts";
import { migrateToLatest } from "../src/server/db/migrate.ts";
import { ALL_REGIONS, regionScope } from "../src/server/db/scope.ts";
import { createRandom } from "../src/server/features/demo/demo-population.ts";
import { searchHouseholds } from "../src/server/features/households/households.repository.ts";
import { searchPersons } from "../src/server/features/persons/person-search.repository.ts";
import { importRegionsCsv } from "../src/server/features/regions/regions.service.ts";
import { DEMO_REGION_FILE, readShippedData } from "../src/server/shipped-data.ts";
import { buildPopulation } from "./support/population.ts";

const args = process.argv.slice(2);
const dbOption = args.indexOf("--db");
const keptFile = dbOption >= 0 ? args[dbOption + 1] : undefined;
const positional = args.filter((a, i) => a !== "--db" && i !== dbOption + 1 && !a.startsWith("--"));
const target = Number(positional[0] ?? 1_000_000);
const QUERIES = 300;
const dir = keptFile ? undefined : mkdtempSync(join(tmpdir(), "peduli-bench-search-"));
const file = keptFile ?? join(dir!, "search.db");
const reuse = keptFile !== undefined && existsSync(keptFile);
const handle = await createDb(`sqlite:${file}`);
const { db } = handle;
const sqlite = handle.sqlite!;
await migrateToLatest(db);

// 1. Population (or the one kept by an earlier run with the same --db file).
if (!reuse) {
  await importRegionsCsv(db, readShippedData(DEMO_REGION_FILE));
  const kelurahan = (
    await db.selectFrom("regions").select("code").where("kind", "=", "kelurahan").execute()
  ).map((r) => r.code);
  const built = await buildPopulation(sqlite, { persons: target, kelurahan });
  sqlite.exec("ANALYZE");
  console.log(
    `Built ${built.persons.toLocaleString("en")} persons in ${built.households.toLocaleString("en")} households in ${built.seconds.toFixed(1)} s`,
  );
}
const { n: persons, top } = sqlite.prepare("SELECT count(*) AS n, max(rowid) AS top FROM persons").get() as {
  n: number;
  top: number;
};
if (reuse) console.log(`Reusing ${file}: ${persons.toLocaleString("en")} persons`);

// Real names of the population, picked at random (the same ones for the same database).
const rnd = createRandom(7);
const pickName = sqlite.prepare("SELECT name FROM persons WHERE rowid >= ? ORDER BY rowid LIMIT 1").pluck();
const sample: string[] = [];
while (sample.length < QUERIES) sample.push(pickName.get(rnd.int(1, top)) as string);

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
  const { rows } = await searchPersons(db, "sqlite", {
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
const likePage = sqlite.prepare(
  "SELECT * FROM persons WHERE name_normalized LIKE ? AND region_code LIKE ? ORDER BY name LIMIT 20",
);
const likeCount = sqlite.prepare(
  "SELECT count(*) FROM persons WHERE name_normalized LIKE ? AND region_code LIKE ?",
);
// A scan reads every row, so a sixth of the queries is enough to know its cost.
const like: number[] = [];
for (const [i, q] of queries.slice(0, Math.ceil(queries.length / 6)).entries()) {
  const scope = scopes[i % scopes.length]!;
  const prefix = scope.kind === "region" ? `${scope.regionCode}%` : "%";
  const pattern = `%${normalizeName(q).split(" ").join("%")}%`;
  const started = performance.now();
  likePage.all(pattern, prefix);
  likeCount.get(pattern, prefix);
  like.push(performance.now() - started);
}

const p = stats(peduli);
const b = stats(like);
console.log(`Queries: ${queries.length} (${found} with hits), e.g. "${queries[0]}", "${queries[1]}"`);
const c = stats(peduliCpu);
console.log(
  `Peduli name search: median ${p.median.toFixed(2)} ms, p95 ${p.p95.toFixed(2)} ms (CPU time: median ${c.median.toFixed(2)} ms, p95 ${c.p95.toFixed(2)} ms; load average ${loadavg()[0]!.toFixed(1)})`,
);
console.log(
  `LIKE '%…%' scan (${like.length} queries): median ${b.median.toFixed(2)} ms, p95 ${b.p95.toFixed(2)} ms`,
);
console.log(
  `ratio (scan / Peduli): median ${(b.median / p.median).toFixed(1)}×, p95 ${(b.p95 / p.p95).toFixed(1)}×`,
);
// 4. The household list (GET /api/v1/households): a page far down against the first page, in the
// whole city and in one kecamatan, each page read 20 times (the median is printed).
const pageTime = async (scope: (typeof scopes)[number], offset: number) => {
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const started = performance.now();
    await searchHouseholds(db, { scope, limit: 20, offset });
    times.push(performance.now() - started);
  }
  return stats(times).median;
};
for (const scope of scopes.slice(0, 2)) {
  const { total } = await searchHouseholds(db, { scope, limit: 1, offset: 0 });
  const first = await pageTime(scope, 0);
  const deep = Math.max(0, Math.min(100_000, total - 20));
  const far = await pageTime(scope, deep);
  const last = await pageTime(scope, Math.max(0, total - 20));
  const name = scope.kind === "region" ? `kecamatan ${scope.regionCode}` : "city";
  console.log(
    `Household list (${name}, ${total.toLocaleString("en")} households, median of 20): first page ${first.toFixed(1)} ms, offset ${deep.toLocaleString("en")} ${far.toFixed(1)} ms, last page ${last.toFixed(1)} ms (${(Math.max(far, last) / first).toFixed(1)}× the first page)`,
  );
}

await handle.close();
if (dir) rmSync(dir, { recursive: true, force: true });
else console.log(`Kept ${file} (run again with --db ${file} to reuse it)`);
