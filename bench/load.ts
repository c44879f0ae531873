/**
 * Goal (issue #20): the server holds a city's load on this 2-core machine — sync ingest of at
 * least 1,000 changes a second with a push of 50 changes answered in under 500 ms at p95, and 0
 * errors while field devices sync, office users browse and an import runs.
 *
 *   npm run bench:load -- [--engine sqlite|postgres] [--devices 300] [--office 50] [--seconds 60]
 *
 * The real server (buildApp) listens on loopback over the demo city (seeded once, 3,000
 * households; on PostgreSQL moved there with `peduli db copy`), and clients talk HTTP to it:
 *
 * 0. Baseline, in the same run: GET /healthz back to back on 16 connections (what the server and
 *    the network stack answer when a request does almost nothing).
 * 1. Ingest: every device pushes one batch of 50 changes (25 new households, each with a head of
 *    household) at once, 16 pushes in flight: changes a second and push latencies.
 * 2. The day, for --seconds: each device pushes 5 changes and pulls its kelurahan's changes once
 *    a minute (spread over the minute); each office user opens a list page, a name search, a
 *    dashboard or the case list every 2 s; one person import job of 20,000 rows runs from the
 *    start. Per route group: requests, p50/p95/p99 and errors; the process's memory every 5 s.
 *
 * Device and office state (sessions, unique change ids, pull cursors) is per client, which is why
 * the clients are a small driver over fetch rather than a fixed-request load tool.
 */

import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { buildApp } from "../src/server/app.ts";
import { loadConfig } from "../src/server/config.ts";
import { newId } from "../src/server/db/ids.ts";
import { seedDemo } from "../src/server/features/demo/demo.service.ts";
import { writePersonCsv } from "./person-csv.ts";
import { openBenchDb, parseBenchArgs } from "./support/engine.ts";

const args = parseBenchArgs();
const DEVICES = Number(args.option("devices") ?? 300);
const OFFICE = Number(args.option("office") ?? 50);
const SECONDS = Number(args.option("seconds") ?? 60);
const PASSWORD = "uji-beban-peduli-2026";
const IN_FLIGHT = 16;

const bench = await openBenchDb(args, {
  label: "load households=3000",
  build: async (h) => {
    await seedDemo(h.db, { households: 3000, seed: 20, demoPassword: PASSWORD });
  },
});
const { db } = bench.handle;
console.log(`Engine: ${bench.engine}${bench.reused ? ` (reusing ${bench.where})` : ""}`);
const config = loadConfig({ LOG_LEVEL: "silent", NODE_ENV: "test", PEDULI_WEB_DIR: "./no-web" }, {});
const app = await buildApp({ config, db, dialect: bench.engine });
const base = await app.listen({ port: 0, host: "127.0.0.1" });

interface Session {
  cookie: string;
  csrf: string;
  regionCode: string | null;
}

async function login(username: string): Promise<Session> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { csrfToken: string; user: { regionCode: string | null } };
  return {
    cookie: (res.headers.get("set-cookie") ?? "").split(";")[0] as string,
    csrf: body.csrfToken,
    regionCode: body.user.regionCode,
  };
}

/** Latencies and errors per route group. */
const groups = new Map<string, { ms: number[]; errors: number; statuses: Map<number, number> }>();
function record(group: string, ms: number, status: number) {
  let g = groups.get(group);
  if (!g) {
    g = { ms: [], errors: 0, statuses: new Map() };
    groups.set(group, g);
  }
  g.ms.push(ms);
  if (status >= 400) {
    g.errors++;
    g.statuses.set(status, (g.statuses.get(status) ?? 0) + 1);
  }
}

async function call(group: string, s: Session | null, method: string, path: string, body?: unknown) {
  const started = performance.now();
  const headers: Record<string, string> = { "accept-encoding": "gzip" };
  if (s) Object.assign(headers, { cookie: s.cookie, "x-csrf-token": s.csrf });
  if (body !== undefined) headers["content-type"] = "application/json";
  let status = 0;
  try {
    const res = await fetch(`${base}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
    });
    status = res.status;
    const text = await res.text();
    record(group, performance.now() - started, status);
    return { status, text };
  } catch (error) {
    record(group, performance.now() - started, 599);
    return { status: 599, text: String(error) };
  }
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
function summary(group: string) {
  const g = groups.get(group);
  if (!g) return null;
  const sorted = [...g.ms].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: pct(sorted, 50),
    p95: pct(sorted, 95),
    p99: pct(sorted, 99),
    errors: g.errors,
    statuses: Object.fromEntries(g.statuses),
  };
}

/** Runs `work` for each item with at most `limit` in flight. */
async function pool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await work(items[next++] as T);
    }),
  );
}

// Sessions: one per PSM (its devices share it), and office users.
const users = await db
  .selectFrom("users")
  .select(["username", "role", "region_code"])
  .where("is_demo", "=", 1)
  .execute();
const psm = users.filter((u) => u.role === "psm");
// Office users who browse residents: the Suku Dinas and the TKSK (pimpinan sees aggregates only).
const office = users.filter((u) => u.role === "sudin" || u.role === "tksk");
const psmSessions = await Promise.all(psm.map((u) => login(u.username)));
const officeSessions: Session[] = [];
for (let i = 0; i < OFFICE; i++)
  officeSessions.push(await login((office[i % office.length] as { username: string }).username));
const devices = Array.from({ length: DEVICES }, (_, i) => ({
  id: newId(),
  session: psmSessions[i % psmSessions.length] as Session,
  since: 0,
}));
console.log(
  `Server ${base}; ${DEVICES} devices over ${psmSessions.length} PSM accounts, ${OFFICE} office users`,
);

function changes(device: (typeof devices)[number], households: number) {
  const out: unknown[] = [];
  const madeAt = new Date().toISOString();
  for (let i = 0; i < households; i++) {
    const householdId = newId();
    out.push({
      changeId: newId(),
      kind: "household.create",
      recordId: householdId,
      payload: {
        regionCode: device.session.regionCode,
        rw: "1",
        rt: String(1 + (i % 9)),
        address: `Gg. Beban ${i}`,
      },
      madeAt,
    });
    out.push({
      changeId: newId(),
      kind: "person.create",
      recordId: newId(),
      payload: { householdId, name: `Warga Beban ${i}`, sex: i % 2 ? "L" : "P", relation: "kepala_keluarga" },
      madeAt,
    });
  }
  return out;
}

async function push(group: string, device: (typeof devices)[number], households: number) {
  const res = await call(group, device.session, "POST", "/api/v1/sync/push", {
    deviceId: device.id,
    changes: changes(device, households),
  });
  if (res.status === 200) {
    const results = (JSON.parse(res.text) as { results: { status: string }[] }).results;
    const refused = results.filter((r) => r.status !== "applied").length;
    if (refused > 0) throw new Error(`push: ${refused} changes not applied: ${res.text.slice(0, 300)}`);
    return results.length;
  }
  throw new Error(`push ${res.status}: ${res.text.slice(0, 300)}`);
}

// 0. Baseline.
const baselineEnd = performance.now() + 5000;
let baselineRequests = 0;
await Promise.all(
  Array.from({ length: IN_FLIGHT }, async () => {
    while (performance.now() < baselineEnd) {
      await call("baseline", null, "GET", "/healthz");
      baselineRequests++;
    }
  }),
);
const baselinePerSecond = baselineRequests / 5;

// 1. Ingest.
const ingestStarted = performance.now();
let ingested = 0;
await pool(devices, IN_FLIGHT, async (device) => {
  const applied = await push("ingest push (50 changes)", device, 25);
  ingested += applied;
});
const ingestSeconds = (performance.now() - ingestStarted) / 1000;
const changesPerSecond = ingested / ingestSeconds;

// 2. The day.
const dir = mkdtempSync(join(tmpdir(), "peduli-load-"));
const csv = join(dir, "persons.csv");
await writePersonCsv(csv, 20_000);
const memory: number[] = [];
const sampler = setInterval(() => memory.push(process.memoryUsage().rss / 1024 / 1024), 5000);
const dayEnd = performance.now() + SECONDS * 1000;
const importer = (async () => {
  const s = await login("sudin");
  const res = await fetch(`${base}/api/v1/imports/persons/jobs?skipInvalid=true`, {
    method: "POST",
    headers: { cookie: s.cookie, "x-csrf-token": s.csrf, "content-type": "text/csv" },
    body: readFileSync(csv),
  });
  if (res.status !== 202) throw new Error(`import job ${res.status}: ${await res.text()}`);
  const { id } = (await res.json()) as { id: string };
  const started = performance.now();
  for (;;) {
    const job = JSON.parse(
      (await call("import job poll", s, "GET", `/api/v1/imports/persons/jobs/${id}`)).text,
    ) as { state: string };
    if (job.state !== "running") return { state: job.state, seconds: (performance.now() - started) / 1000 };
    await new Promise((r) => setTimeout(r, 500));
  }
})();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const deviceLoops = devices.map(async (device, i) => {
  await sleep((i / DEVICES) * 60_000);
  while (performance.now() < dayEnd) {
    await push("sync push (few changes)", device, 2).catch(() => {});
    const res = await call(
      "sync pull",
      device.session,
      "GET",
      `/api/v1/sync/pull?since=${device.since}&limit=500&deviceId=${device.id}`,
    );
    if (res.status === 200)
      device.since =
        (JSON.parse(res.text) as { nextSince?: number; until?: number }).nextSince ?? device.since;
    await sleep(60_000);
  }
});
const kecamatan = (
  await db.selectFrom("regions").select("code").where("kind", "=", "kecamatan").execute()
).map((r) => r.code);
const officeLoops = officeSessions.map(async (s, i) => {
  await sleep((i / OFFICE) * 2000);
  for (let n = 0; performance.now() < dayEnd; n++) {
    const pick = n % 4;
    if (pick === 0)
      await call("household list", s, "GET", `/api/v1/households?limit=20&offset=${(n * 20) % 400}`);
    else if (pick === 1)
      await call(
        "person search",
        s,
        "GET",
        `/api/v1/persons?q=${["siti", "budi", "rahma", "agus"][n % 4]}&limit=20`,
      );
    else if (pick === 2)
      await call(
        "dashboard",
        s,
        "GET",
        `/api/v1/dashboards/regions/${s.regionCode ?? kecamatan[n % kecamatan.length]}`,
      );
    else await call("case list", s, "GET", "/api/v1/cases?pageSize=20");
    await sleep(2000);
  }
});
await Promise.all([...deviceLoops, ...officeLoops]);
const imported = await importer;
clearInterval(sampler);
rmSync(dir, { recursive: true, force: true });

// Report.
const fmt = (n: number) => n.toFixed(1);
console.log(`\nBaseline GET /healthz, ${IN_FLIGHT} in flight: ${fmt(baselinePerSecond)} requests/s`);
const ingest = summary("ingest push (50 changes)");
console.log(
  `Ingest: ${ingested} changes in ${fmt(ingestSeconds)} s = ${fmt(changesPerSecond)} changes/s (goal ≥ 1,000); push of 50: p50 ${fmt(ingest?.p50 ?? 0)} / p95 ${fmt(ingest?.p95 ?? 0)} / p99 ${fmt(ingest?.p99 ?? 0)} ms (goal p95 < 500); errors ${ingest?.errors}`,
);
console.log(
  `Pushes per second / baseline requests per second: ${fmt(DEVICES / ingestSeconds)} / ${fmt(baselinePerSecond)}`,
);
console.log(
  `\nThe day, ${SECONDS} s: ${DEVICES} devices (push + pull a minute), ${OFFICE} office users (a request every 2 s), an import of 20,000 rows (${imported.state} in ${fmt(imported.seconds)} s)`,
);
console.log("| route group | requests | p50 ms | p95 ms | p99 ms | errors |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
let errors = 0;
for (const group of groups.keys()) {
  const s = summary(group);
  if (!s || group === "baseline" || group.startsWith("ingest")) continue;
  errors += s.errors;
  console.log(
    `| ${group} | ${s.n} | ${fmt(s.p50)} | ${fmt(s.p95)} | ${fmt(s.p99)} | ${s.errors}${s.errors ? ` ${JSON.stringify(s.statuses)}` : ""} |`,
  );
}
console.log(
  `Errors in the day: ${errors}; memory (RSS MB) every 5 s: ${memory.map((m) => m.toFixed(0)).join(" ")}`,
);
console.log(
  `Load average: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}`,
);
await app.close();
await bench.close();
process.exit(errors === 0 && (ingest?.errors ?? 1) === 0 ? 0 : 1);
