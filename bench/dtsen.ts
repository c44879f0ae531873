/**
 * Goal (issue #16): a DTSEN extract of 1,000,000 rows imported in under 60 s on SQLite, the same
 * speed class as the person import; a second import of the same extract changes nothing.
 *
 *   npm run bench:dtsen -- [--engine sqlite|postgres] [--persons N]      (default 1000000)
 *
 * On a fresh database with the demo region list: the person import of a generated N-row person
 * file (bench/person-csv.ts) is the baseline, timed in the same run; then the DTSEN import of the
 * extract of the same people (bench/dtsen-extract.ts: some renamed, some families at another RT,
 * new children), then the same extract again. Prints each time, the ratio to the baseline, the
 * summaries and the load average.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { importDtsen } from "../src/server/features/dtsen/dtsen-import.service.ts";
import { importPersons } from "../src/server/features/imports/person-import.service.ts";
import { importRegionsCsv } from "../src/server/features/regions/regions.service.ts";
import { DEMO_REGION_FILE, readShippedData } from "../src/server/shipped-data.ts";
import { writeDtsenExtract } from "./dtsen-extract.ts";
import { writePersonCsv } from "./person-csv.ts";
import { openBenchDb, parseBenchArgs } from "./support/engine.ts";

const args = parseBenchArgs();
const persons = args.persons ?? 1_000_000;
const dir = mkdtempSync(join(tmpdir(), "peduli-bench-dtsen-"));
const personFile = join(dir, "persons.csv");
const extractFile = join(dir, "dtsen.csv");
await writePersonCsv(personFile, persons);
const planted = await writeDtsenExtract(extractFile, persons);
console.log(
  `Engine: ${args.engine}; ${persons.toLocaleString("en")} persons; extract ${JSON.stringify(planted)}`,
);

const bench = await openBenchDb(
  { ...args, keep: false, dbFile: undefined },
  {
    label: `dtsen:${persons}`,
    build: async (h) => void (await importRegionsCsv(h.db, readShippedData(DEMO_REGION_FILE))),
  },
);
const target = { db: bench.handle.db, sqlite: bench.handle.sqlite };
const timed = async <T>(work: () => Promise<T>) => {
  const started = performance.now();
  const value = await work();
  return { value, seconds: (performance.now() - started) / 1000 };
};
try {
  if (args.engine === "postgres") await importRegionsCsv(bench.handle.db, readShippedData(DEMO_REGION_FILE));
  const base = await timed(() => importPersons(target, { path: personFile }));
  console.log(
    `Baseline: person import ${base.seconds.toFixed(1)} s (${JSON.stringify(base.value.summary)}); load ${loadavg()[0]?.toFixed(1)}`,
  );
  const first = await timed(() => importDtsen(target, { path: extractFile }, { period: "2026-Q4" }));
  console.log(
    `DTSEN import: ${first.seconds.toFixed(1)} s, ${(first.seconds / base.seconds).toFixed(2)}× the person import (${JSON.stringify(first.value.summary)}); load ${loadavg()[0]?.toFixed(1)}`,
  );
  const again = await timed(() => importDtsen(target, { path: extractFile }, { period: "2026-Q4" }));
  console.log(
    `Same extract again: ${again.seconds.toFixed(1)} s, ${again.value.summary.changes} changes (${JSON.stringify(again.value.summary)}); load ${loadavg()[0]?.toFixed(1)}`,
  );
} finally {
  await bench.close();
  rmSync(dir, { recursive: true, force: true });
}
