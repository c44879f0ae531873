/**
 * Goal: area dashboards answer in under 200 ms at the 95th percentile on SQLite with 1,000,000
 * persons, 300,000 households and 100,000 cases.
 *
 *   npm run bench:dashboard -- [--engine sqlite|postgres] [--persons N] [--cases N] [--households N] [--keep]
 *   (or positionally [persons] [cases] [households]; default sqlite, 1000000 100000 300000:
 *   households default to 3 for every 10 persons; PostgreSQL as in bench/support/engine.ts)
 *
 * Builds exactly that population (bench/support/population.ts, shared with bench/search: the demo
 * generator through the import's bulk SQLite path; on PostgreSQL on a temporary SQLite file moved
 * with `peduli db copy`), adds PPKS classifications, cases with their assignment history, follow-up
 * tasks and referrals, then measures the dashboard service behind
 * GET /api/v1/dashboards/regions/{code} (kota, kecamatan and kelurahan in turn, months of 2024 and
 * 2025), once with no write in between (counters current) and once with a write before every
 * request (an incremental refresh of one kelurahan each time). The baseline computes the same
 * figures straight from the base tables for the same region (the counters' own queries, run over
 * the region's kelurahan on every request). Prints both p95s and their ratio.
 */
import { loadavg } from "node:os";
import { allocateSeq } from "../src/server/db/change-log.ts";
import type { DbHandle } from "../src/server/db/create-db.ts";
import { newId, nowIso } from "../src/server/db/ids.ts";
import { ALL_REGIONS } from "../src/server/db/scope.ts";
import type { Actor } from "../src/server/features/auth/actor.ts";
import { regionDashboard } from "../src/server/features/dashboards/dashboards.service.ts";
import { computeStats } from "../src/server/features/dashboards/region-stats.repository.ts";
import { rebuildRegionStats } from "../src/server/features/dashboards/region-stats.service.ts";
import { createRandom } from "../src/server/features/demo/demo-population.ts";
import { ensureCatalogues } from "../src/server/features/ppks/ppks-catalogue.ts";
import { importRegionsCsv } from "../src/server/features/regions/regions.service.ts";
import { DEMO_REGION_FILE, readShippedData } from "../src/server/shipped-data.ts";
import { openBenchDb, parseBenchArgs } from "./support/engine.ts";
import { buildPopulation, defaultHouseholds } from "./support/population.ts";

const args = parseBenchArgs();
const targetPersons = args.persons ?? 1_000_000;
const targetCases = Number(args.option("cases") ?? args.positional[1] ?? 100_000);
const targetHouseholds = Number(
  args.option("households") ?? args.positional[2] ?? defaultHouseholds(targetPersons),
);
const REQUESTS = 200;
const day = (ms: number) => new Date(ms).toISOString();
const CASE_INSERT = `INSERT INTO cases (id, case_number, subject_type, person_id, household_id, region_code, rw, rt, category_kind, category, description, source, urgency, stage, closure_reason, closure_requested_reason, closure_requested_at, closure_requested_by, assignee_id, reported_at, first_visit_at, closed_at, version, created_by, is_demo, seq, created_at, updated_at)
   VALUES (?, ?, 'area', NULL, NULL, ?, NULL, NULL, 'ppks', ?, 'Kasus uji', 'temuan_lapangan', ?, ?, ?, NULL, NULL, NULL, ?, ?, ?, ?, 1, NULL, 0, ?, ?, ?)`;

const bench = await openBenchDb(args, {
  label: `dashboard persons=${targetPersons} households=${targetHouseholds} cases=${targetCases}`,
  build,
});
const { db } = bench.handle;
console.log(`Engine: ${bench.engine}${bench.reused ? ` (reusing ${bench.where})` : ""}`);
const regions = await db
  .selectFrom("regions")
  .select(["code", "kind"])
  .where("code", "like", "3171%")
  .execute();
const kecamatan = regions.filter((r) => r.kind === "kecamatan").map((r) => r.code);
const kelurahan = regions.filter((r) => r.kind === "kelurahan").map((r) => r.code);
const categories = (await db.selectFrom("ppks_categories").select("code").execute()).map((r) => r.code);
const workers = new Map(
  (await db.selectFrom("workers").select(["id", "region_code"]).execute()).map((w) => [w.region_code, w.id]),
);
const rnd = createRandom(12);

if (!bench.reused) {
  const rebuilt = performance.now();
  const outcome = await rebuildRegionStats(db);
  console.log(
    `Counters built for ${outcome.kelurahan} kelurahan in ${((performance.now() - rebuilt) / 1000).toFixed(1)} s (${bench.engine})`,
  );
}

/** The population, PPKS, workers and cases, written through raw statements on SQLite. */
async function build(h: DbHandle): Promise<void> {
  const { db } = h;
  const sqlite = h.sqlite!;
  await importRegionsCsv(db, readShippedData(DEMO_REGION_FILE));
  await ensureCatalogues(db);
  const regions = await db
    .selectFrom("regions")
    .select(["code", "kind"])
    .where("code", "like", "3171%")
    .execute();
  const kecamatan = regions.filter((r) => r.kind === "kecamatan").map((r) => r.code);
  const kelurahan = regions.filter((r) => r.kind === "kelurahan").map((r) => r.code);

  // 1. Population: exactly the requested households and persons, through the import's bulk path.
  const rnd = createRandom(11);
  const personIds: { id: string; region: string }[] = [];
  const built = await buildPopulation(sqlite, {
    persons: targetPersons,
    households: targetHouseholds,
    kelurahan,
    onPerson: (p) => {
      if (rnd.chance(0.06)) personIds.push({ id: p.id, region: p.regionCode });
    },
  });
  let seq = built.nextSeq;
  const now = nowIso();
  console.log(
    `Built ${built.persons.toLocaleString("en")} persons in ${built.households.toLocaleString("en")} households in ${built.seconds.toFixed(1)} s`,
  );

  // 2. PPKS, workers, cases with assignments, tasks and referrals (raw prepared statements).
  const casesBuilt = performance.now();
  const categories = (await db.selectFrom("ppks_categories").select("code").execute()).map((r) => r.code);
  const services = ["kjp_plus", "kjmu", "pkh", "bpnt", "kjlu", "pbi_jkn"];
  const START = Date.parse("2023-01-01T00:00:00Z");
  const SPAN = Date.parse("2025-12-31T00:00:00Z") - START;
  sqlite.exec("BEGIN IMMEDIATE");
  const insPpks = sqlite.prepare(
    "INSERT INTO ppks_classifications (id, person_id, household_id, category_code, found_on, source, worker_id, status, note, region_code, seq, created_at, updated_at) VALUES (?, ?, NULL, ?, ?, 'temuan_lapangan', NULL, ?, NULL, ?, ?, ?, ?)",
  );
  for (const p of personIds) {
    const found = day(START + rnd.int(0, SPAN)).slice(0, 10);
    insPpks.run(
      newId(),
      p.id,
      rnd.pick(categories),
      found,
      rnd.chance(0.2) ? "selesai" : "aktif",
      p.region,
      seq++,
      now,
      now,
    );
  }
  const workers = new Map<string, string>();
  const insWorker = sqlite.prepare(
    "INSERT INTO workers (id, name, role, region_code, phone, is_demo, active, seq, created_at, updated_at) VALUES (?, ?, ?, ?, NULL, 0, 1, ?, ?, ?)",
  );
  for (const code of [...kecamatan, ...kelurahan]) {
    const id = newId();
    workers.set(code, id);
    insWorker.run(id, `Petugas ${code}`, code.length === 6 ? "tksk" : "psm", code, seq++, now, now);
  }
  const insCase = sqlite.prepare(CASE_INSERT);
  const insAssignment = sqlite.prepare(
    "INSERT INTO case_assignments (id, case_id, region_code, worker_id, from_at, to_at, assigned_by, assigned_by_name, seq) VALUES (?, ?, ?, ?, ?, NULL, NULL, NULL, ?)",
  );
  const insTask = sqlite.prepare(
    "INSERT INTO case_tasks (id, case_id, region_code, kind, title, due_at, assignee_id, referral_id, status, done_at, seq, created_at, updated_at) VALUES (?, ?, ?, 'first_visit', 'Kunjungan pertama', ?, ?, NULL, ?, ?, ?, ?, ?)",
  );
  const insReferral = sqlite.prepare(
    "INSERT INTO referrals (id, case_id, region_code, service_code, organisation_id, target_name, external, status, sent_on, responded_on, completed_on, outcome, note, letter_number, created_by, seq, created_at, updated_at) VALUES (?, ?, ?, ?, NULL, 'Program', 1, ?, ?, NULL, ?, NULL, NULL, ?, NULL, ?, ?, ?)",
  );
  const URG = ["darurat", "tinggi", "biasa", "biasa"];
  for (let i = 0; i < targetCases; i++) {
    const id = newId();
    const region = rnd.pick(kelurahan);
    const reported = START + rnd.int(0, SPAN);
    const closed = rnd.chance(0.6) ? reported + rnd.int(1, 90) * 86_400_000 : null;
    const visit = reported + rnd.int(0, 7) * 86_400_000;
    const worker = workers.get(region) as string;
    insCase.run(
      id,
      `KS-B-${String(i).padStart(7, "0")}`,
      region,
      rnd.pick(categories),
      rnd.pick(URG),
      closed ? "selesai" : "asesmen",
      closed ? "tertangani" : null,
      worker,
      day(reported),
      day(visit),
      closed ? day(closed) : null,
      seq++,
      day(reported),
      day(reported),
    );
    insAssignment.run(newId(), id, region, worker, day(reported), seq++);
    const due = reported + 3 * 86_400_000;
    const open = !closed && rnd.chance(0.5);
    insTask.run(
      newId(),
      id,
      region,
      day(due),
      worker,
      open ? "open" : "done",
      open ? null : day(visit),
      seq++,
      day(reported),
      day(reported),
    );
    if (rnd.chance(0.3)) {
      const sent = day(reported + 86_400_000).slice(0, 10);
      const done = rnd.chance(0.5);
      insReferral.run(
        newId(),
        id,
        region,
        rnd.pick(services),
        done ? "selesai" : "dikirim",
        sent,
        done ? day(reported + 20 * 86_400_000).slice(0, 10) : null,
        `B/${i}`,
        seq++,
        day(reported),
        day(reported),
      );
    }
  }
  sqlite.prepare("UPDATE change_counter SET value = ? WHERE id = 1").run(seq);
  sqlite.exec("COMMIT");
  sqlite.exec("ANALYZE");
  console.log(
    `Added ${personIds.length.toLocaleString("en")} PPKS classifications and ${targetCases.toLocaleString("en")} cases in ${((performance.now() - casesBuilt) / 1000).toFixed(1)} s`,
  );
}

// 3. Measurements.
const actor: Actor = {
  userId: "bench",
  username: "pimpinan",
  role: "pimpinan",
  regionCode: null,
  scope: ALL_REGIONS,
  permissions: new Set(["aggregates:read"]),
  via: "session",
  ip: "",
  requestId: "bench",
};
const targets = ["3171", ...kecamatan, ...kelurahan.slice(0, 12)];
const months = ["2024-01", "2024-05", "2024-09", "2025-02", "2025-07", "2025-11"];
const period = (i: number) => {
  const m = months[i % months.length] as string;
  const last = new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)), 0)).getUTCDate();
  return { from: `${m}-01`, to: `${m}-${last}` };
};
const clock = new Date("2025-12-15T03:00:00Z");
function stats(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;
  return { median: at(0.5), p95: at(0.95) };
}

const current: number[] = [];
for (let i = 0; i < REQUESTS; i++) {
  const started = performance.now();
  await regionDashboard(db, actor, targets[i % targets.length] as string, period(i), clock);
  current.push(performance.now() - started);
}

// A write before every request: one new case in a random kelurahan, then the dashboard.
const afterWrite: number[] = [];
for (let i = 0; i < 50; i++) {
  const region = rnd.pick(kelurahan);
  const at = day(clock.getTime());
  await db.transaction().execute(async (trx) => {
    const seq = await allocateSeq(trx);
    await trx
      .insertInto("cases")
      .values({
        id: newId(),
        case_number: `KS-W-${bench.engine}-${Date.now()}-${i}`,
        subject_type: "area",
        region_code: region,
        category_kind: "ppks",
        category: rnd.pick(categories),
        description: "Kasus uji",
        source: "temuan_lapangan",
        urgency: "tinggi",
        stage: "laporan",
        assignee_id: workers.get(region) ?? null,
        reported_at: at,
        version: 1,
        is_demo: 0,
        seq,
        created_at: at,
        updated_at: at,
      })
      .execute();
  });
  const started = performance.now();
  await regionDashboard(db, actor, targets[i % targets.length] as string, period(i), clock);
  afterWrite.push(performance.now() - started);
}

// Baseline: the same counters computed from the base tables for the region on every request.
const baseline: number[] = [];
for (let i = 0; i < Math.ceil(targets.length * 1.5); i++) {
  const code = targets[i % targets.length] as string;
  const started = performance.now();
  const rows = await computeStats(
    db,
    kelurahan.filter((k) => k.startsWith(code)),
  );
  const p = period(i);
  let sum = 0;
  for (const r of rows) if (r.day === "" || (r.day >= p.from && r.day <= p.to)) sum += r.value;
  baseline.push(performance.now() - started);
  if (sum < 0) console.log(sum);
}

const c = stats(current);
const w = stats(afterWrite);
const b = stats(baseline);
console.log(
  `Load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" / ")}`,
);
console.log(
  `Dashboard (counters current), ${current.length} requests: median ${c.median.toFixed(1)} ms, p95 ${c.p95.toFixed(1)} ms`,
);
console.log(
  `Dashboard (one write before each), ${afterWrite.length} requests: median ${w.median.toFixed(1)} ms, p95 ${w.p95.toFixed(1)} ms`,
);
console.log(
  `From base tables (${baseline.length} requests): median ${b.median.toFixed(1)} ms, p95 ${b.p95.toFixed(1)} ms`,
);
console.log(
  `ratio (base tables / dashboard): p95 ${(b.p95 / c.p95).toFixed(1)}×, p95 with writes ${(b.p95 / w.p95).toFixed(1)}×`,
);
await bench.close();
