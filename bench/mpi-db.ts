/**
 * Goal: the city-wide poverty analysis over 1,000,000 assessed households, read from the database,
 * in under 2 s on SQLite.
 *
 *   npm run bench:mpi-db -- [--engine sqlite|postgres] [--households N] [--keep]   (default sqlite, 1000000)
 *
 * Generates that many households (bare rows: number, kelurahan, address) and one assessment each
 * of the default indicator set (answers drawn per household, scored by the engine, stored as the
 * app stores them: answers as JSON, score, poor flag and deprivation bitmask) into a temporary
 * SQLite file, one latest assessment per household in the period; on PostgreSQL the same file is
 * moved with `peduli db copy` (bench/support/engine.ts).
 * Then it times, in the same run:
 * - Peduli: the analysis service of the API (`analyse`, kota 3171 with its 8 kecamatan, per person
 *   and per household, indicator contributions and k-sensitivity), which groups the covering index
 *   by (kecamatan, mask) and fills the engine's sums;
 * - baseline: the naive per-row object pipeline — select every latest row with its answers, parse
 *   the JSON into an object and run `computeMpi` over the objects (per person, grouped by kecamatan);
 * - floor: `SELECT count(*)` over the same rows.
 * Prints each time (best of 3), the ratios, and checks that Peduli and the baseline agree on M0.
 */
import { loadavg } from "node:os";
import { sql } from "kysely";
import { DEFAULT_INDICATOR_SET } from "../src/core/mpi/default-indicator-set.ts";
import { computeMpi, scoreMpiUnit } from "../src/core/mpi/mpi.ts";
import { normalisedWeights } from "../src/core/mpi/mpi-definition.ts";
import type { DbHandle } from "../src/server/db/create-db.ts";
import { newId } from "../src/server/db/ids.ts";
import { ALL_REGIONS } from "../src/server/db/scope.ts";
import { analyse } from "../src/server/features/assessments/analysis.service.ts";
import { maskScore } from "../src/server/features/assessments/analysis-compute.ts";
import { ensureDefaultIndicatorSet } from "../src/server/features/assessments/indicator-sets.service.ts";
import type { Actor } from "../src/server/features/auth/actor.ts";
import { createRandom } from "../src/server/features/demo/demo-population.ts";
import { importRegionsCsv } from "../src/server/features/regions/regions.service.ts";
import { DEMO_REGION_FILE, readShippedData } from "../src/server/shipped-data.ts";
import { openBenchDb, parseBenchArgs, streamRows } from "./support/engine.ts";

const args = parseBenchArgs();
const households = Number(args.option("households") ?? args.positional[0] ?? 1_000_000);
const PERIOD = "2026-Q4";

function kelurahanCodes(): string[] {
  return readShippedData(DEMO_REGION_FILE)
    .split("\n")
    .map((line) => line.split(","))
    .filter((cells) => cells[2] === "kelurahan")
    .map((cells) => (cells[0] ?? "").replace(/\./g, ""));
}

async function best(label: string, run: () => Promise<unknown> | unknown): Promise<number> {
  let fastest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    await run();
    fastest = Math.min(fastest, performance.now() - start);
  }
  console.log(`${label.padEnd(58)} ${(fastest / 1000).toFixed(3)} s`);
  return fastest;
}

/** The households and their assessments, written through one prepared statement each on SQLite. */
async function build(handle: DbHandle): Promise<void> {
  const sqlite = handle.sqlite!;
  await importRegionsCsv(handle.db, readShippedData(DEMO_REGION_FILE));
  const set = await ensureDefaultIndicatorSet(handle.db);
  const kelurahan = kelurahanCodes();
  const rnd = createRandom(2026);
  const insertHousehold = sqlite.prepare(
    `insert into households (id, kk_number, region_code, rw, rt, address, latitude, longitude, is_demo, seq,
       created_at, updated_at) values (?, ?, ?, ?, '001', ?, null, null, 0, ?, ?, ?)`,
  );
  const insert = sqlite.prepare(
    `insert into assessments (id, household_id, region_code, rw, indicator_set_id, assessed_on, period,
       household_size, values_json, score, is_poor, deprivation_mask, deprived_ids, is_latest, assessor_id,
       is_demo, seq, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, null, 0, ?, ?)`,
  );
  const weights = normalisedWeights(set.definition);
  // Each indicator's possible answers, with whether each deprives (scored once by the engine).
  const options = DEFAULT_INDICATOR_SET.indicators.map((indicator) => {
    const input = indicator.input;
    const values: (string | number | boolean)[] =
      input?.type === "choice"
        ? input.options.map((o) => o.value)
        : input?.type === "boolean"
          ? [true, false, false, false]
          : indicator.id === "makan_per_hari"
            ? [2, 3, 3, 3]
            : indicator.id === "luas_lantai_per_orang"
              ? [6, 14, 14]
              : [300000, 700000, 1200000];
    return values.map((value) => {
      const unit = scoreMpiUnit({ [indicator.column]: value }, { k: 1, indicators: [indicator] });
      return { value, deprived: unit.score === 1 };
    });
  });
  const started = performance.now();
  const load = sqlite.transaction(() => {
    for (let i = 0; i < households; i++) {
      const values: Record<string, string | number | boolean> = {};
      const deprived: string[] = [];
      let mask = 0;
      DEFAULT_INDICATOR_SET.indicators.forEach((indicator, j) => {
        const list = options[j] as { value: string | number | boolean; deprived: boolean }[];
        const pick = list[Math.floor(rnd.next() * list.length)] as (typeof list)[number];
        values[indicator.column] = pick.value;
        if (pick.deprived) {
          mask |= 1 << j;
          deprived.push(indicator.id);
        }
      });
      const score = maskScore(mask, weights);
      const region = kelurahan[i % kelurahan.length] as string;
      const rw = String(1 + (i % 12)).padStart(3, "0");
      const householdId = newId();
      const at = "2026-11-01T00:00:00.000Z";
      insertHousehold.run(
        householdId,
        String(3171000000000000 + i),
        region,
        rw,
        `Jl. Uji No. ${i}`,
        households + i + 1,
        at,
        at,
      );
      insert.run(
        newId(),
        householdId,
        region,
        String(1 + (i % 12)).padStart(3, "0"),
        set.row.id,
        "2026-11-01",
        PERIOD,
        1 + Math.floor(rnd.next() * 6),
        JSON.stringify(values),
        score,
        score >= set.definition.k - 1e-9 ? 1 : 0,
        mask,
        deprived.join(","),
        i + 1,
        "2026-11-01T00:00:00.000Z",
      );
    }
  });
  load();
  sqlite.prepare("update change_counter set value = ? where id = 1").run(2 * households);
  sqlite.exec("analyze");
  console.log(
    `Generated ${households.toLocaleString("en")} assessments in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

async function main() {
  const bench = await openBenchDb(args, { label: `mpi-db households=${households}`, build });
  const handle = bench.handle;
  console.log(`Engine: ${bench.engine}${bench.reused ? ` (reusing ${bench.where})` : ""}`);
  try {
    const actor: Actor = {
      userId: "bench",
      username: "bench",
      role: "pimpinan",
      regionCode: null,
      scope: ALL_REGIONS,
      permissions: new Set(["aggregates:read"]),
      via: "token",
      ip: "127.0.0.1",
      requestId: "bench",
    };
    let peduliM0 = 0;
    const peduli = await best("Peduli analysis (kota, per person + household, groups)", async () => {
      const a = await analyse(handle.db, actor, { region: "3171", period: PERIOD });
      peduliM0 = a.persons.M0;
    });
    let naiveM0 = 0;
    const naive = await best("Baseline: per-row objects (JSON.parse + computeMpi)", async () => {
      const records: Record<string, unknown>[] = [];
      for await (const r of streamRows<{ values_json: string; household_size: number; region_code: string }>(
        bench,
        "select values_json, household_size, region_code from assessments where period = ? and is_latest = 1",
        [PERIOD],
      )) {
        records.push({
          ...JSON.parse(r.values_json),
          size: r.household_size,
          group: r.region_code.slice(0, 6),
        });
      }
      naiveM0 = computeMpi(records, DEFAULT_INDICATOR_SET, { weight: "size", groupBy: "group" }).M0;
    });
    const floor = await best("Floor: SELECT count(*) of the same rows", () =>
      sql`select count(*) from assessments where period = ${PERIOD} and is_latest = 1`.execute(handle.db),
    );
    console.log(`M0 per person: Peduli ${peduliM0.toFixed(6)}, baseline ${naiveM0.toFixed(6)}`);
    if (Math.abs(peduliM0 - naiveM0) > 1e-9) throw new Error("Peduli and the baseline disagree on M0");
    console.log(`Baseline / Peduli: ${(naive / peduli).toFixed(1)}× faster than the per-row pipeline`);
    console.log(`Peduli / floor: ${(peduli / floor).toFixed(1)}× the count(*) scan`);
    console.log(
      `Goal < 2 s: ${peduli < 2000 ? "met" : "NOT met"} (${bench.engine}; load average ${loadavg()[0]!.toFixed(1)})`,
    );
  } finally {
    await bench.close();
  }
}

await main();
