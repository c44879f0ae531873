/**
 * Goal: the first sync of a kelurahan's working set (~7,000 households, ~25,000 persons) in under
 * 20 s with a compressed payload under 5 MB, and an app shell under 250 KB compressed.
 *
 *   npm run bench:sync -- [--engine sqlite|postgres] [--keep] [households] [persons]
 *   (default sqlite, 7000 25000; `npm run build` first)
 *
 * Seeds one kelurahan on a temporary SQLite database (on PostgreSQL: seeded the same way and moved
 * with `peduli db copy`, bench/support/engine.ts) and measures three things:
 *
 * 1. The goal itself: a phone's first sync in Chromium with its CPU throttled 4× (CDP
 *    Emulation.setCPUThrottlingRate), against the real server on loopback serving the built app.
 *    The kelurahan's PSM logs in, opens /luring, and the clock runs from opening the page until
 *    the encrypted Dexie store holds the whole working set (every household, person and
 *    reference row). The compressed bytes of the pull responses are read from the network log.
 * 2. The same pull through the route (inject, gzip) into the client core in Node, unthrottled:
 *    the server's share of the time, and the payload.
 * 3. The app shell: the gzip size of the entry script and stylesheet of dist/web.
 *
 * Without dist/web or Chromium (CHROMIUM_PATH, default /usr/bin/chromium) step 1 is skipped.
 */
import { existsSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import type { PullResponse } from "../src/core/api/sync.schema.ts";
import { normalizeName, phoneticKey } from "../src/core/identity/person-name.ts";
import { buildApp } from "../src/server/app.ts";
import { loadConfig } from "../src/server/config.ts";
import { allocateSeq } from "../src/server/db/change-log.ts";
import type { DbHandle } from "../src/server/db/create-db.ts";
import { newId, nowIso } from "../src/server/db/ids.ts";
import { seedDemo } from "../src/server/features/demo/demo.service.ts";
import { MemoryStore } from "../src/web/offline/local-store.ts";
import { syncOnce } from "../src/web/offline/sync-engine.ts";
import { openBenchDb, parseBenchArgs } from "./support/engine.ts";
import { measureInChromium } from "./sync-browser.ts";

const args = parseBenchArgs();
const HOUSEHOLDS = Number(args.option("households") ?? args.positional[0] ?? 7000);
const PERSONS = Number(args.option("persons") ?? args.positional[1] ?? 25000);
const KEBON_KELAPA = "3171011005";
const PASSWORD = "bench-sync-sandi-2024";
const GOAL_SECONDS = 20;
const GOAL_PAYLOAD_MB = 5;
const GOAL_SHELL_KB = 250;

/** The demo's regions, workers and logins, and one kelurahan's households and persons. */
async function build(handle: DbHandle): Promise<void> {
  await seedDemo(handle.db, { households: 0, demoPassword: PASSWORD });
  const now = nowIso();
  await handle.db.transaction().execute(async (trx) => {
    let seq = await allocateSeq(trx, HOUSEHOLDS + PERSONS);
    const ids: string[] = [];
    for (let start = 0; start < HOUSEHOLDS; start += 500) {
      const rows = [];
      for (let i = start; i < Math.min(HOUSEHOLDS, start + 500); i++) {
        const id = newId();
        ids.push(id);
        rows.push({
          id,
          kk_number: String(3171050101000000 + i),
          region_code: KEBON_KELAPA,
          rw: String(1 + (i % 12)).padStart(3, "0"),
          rt: String(1 + (i % 9)).padStart(3, "0"),
          address: `Jl. Kebon Kelapa Gg. ${i % 40} No. ${i}`,
          latitude: null,
          longitude: null,
          is_demo: 1,
          seq: seq++,
          created_at: now,
          updated_at: now,
        });
      }
      await trx.insertInto("households").values(rows).execute();
    }
    for (let start = 0; start < PERSONS; start += 500) {
      const rows = [];
      for (let i = start; i < Math.min(PERSONS, start + 500); i++) {
        const name = `Warga Kebon Kelapa ${i}`;
        rows.push({
          id: newId(),
          household_id: ids[i % ids.length]!,
          nik: String(3171054101900000 + i),
          nik_status: "ada",
          name,
          name_normalized: normalizeName(name),
          name_phonetic: phoneticKey(name),
          sex: i % 2 ? "L" : "P",
          birth_place: "Jakarta",
          birth_date: `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 9}`,
          relation: i % 4 === 0 ? "kepala_keluarga" : "anak",
          marital_status: null,
          education: "sd",
          occupation: "pedagang",
          monthly_income: 1_500_000,
          disability: null,
          chronic_illness: null,
          health_insurance: "pbi",
          phone: null,
          region_code: KEBON_KELAPA,
          died_at: null,
          merged_into_id: null,
          is_demo: 1,
          seq: seq++,
          created_at: now,
          updated_at: now,
        });
      }
      await trx
        .insertInto("persons")
        .values(rows as never)
        .execute();
    }
  });
}

const bench = await openBenchDb(args, { label: `sync households=${HOUSEHOLDS} persons=${PERSONS}`, build });
const handle = bench.handle;
console.log(`Engine: ${bench.engine}${bench.reused ? ` (reusing ${bench.where})` : ""}`);
try {
  const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  const browser =
    existsSync("dist/web/index.html") && existsSync(chromiumPath)
      ? await measureInChromium(handle.db, handle.dialect, {
          chromiumPath,
          username: "psm.kebon-kelapa",
          password: PASSWORD,
          expectRecords: HOUSEHOLDS + PERSONS,
        })
      : null;

  const config = loadConfig({ LOG_LEVEL: "silent", NODE_ENV: "test", PEDULI_WEB_DIR: "./no-web" }, {});
  const app = await buildApp({ config, db: handle.db, dialect: handle.dialect });
  const login = await app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    payload: { username: "psm.kebon-kelapa", password: PASSWORD },
  });
  const cookie = `peduli_session=${login.cookies.find((c) => c.name === "peduli_session")!.value}`;
  const headers = { cookie, "x-csrf-token": login.json().csrfToken as string, "accept-encoding": "gzip" };

  let compressed = 0;
  let raw = 0;
  const started = performance.now();
  const store = new MemoryStore(newId());
  await syncOnce(store, {
    push: async () => ({ results: [] }),
    pull: async (q) => {
      const res = await app.inject({
        method: "GET",
        url: `/api/v1/sync/pull?${new URLSearchParams({ ...q, since: String(q.since), limit: String(q.limit), deviceId: q.deviceId ?? "" })}`,
        headers,
      });
      compressed += res.rawPayload.length;
      const text = gunzipSync(res.rawPayload).toString("utf8");
      raw += text.length;
      return JSON.parse(text) as PullResponse;
    },
  });
  const seconds = (performance.now() - started) / 1000;
  const counts = await store.counts();
  await app.close();

  let shellKb = Number.NaN;
  if (existsSync("dist/web/index.html")) {
    const html = readFileSync("dist/web/index.html", "utf8");
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
    shellKb = assets.reduce((n, a) => n + gzipSync(readFileSync(join("dist/web", a))).length, 0) / 1024;
  }
  const mb = compressed / 1024 / 1024;
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
  console.log(
    `Sync (bench/sync, ${bench.engine}): first sync of ${counts.households ?? 0} households and ${counts.persons ?? 0} persons (load average ${load})`,
  );
  if (browser) {
    const bmb = browser.compressedBytes / 1024 / 1024;
    console.log(
      `  first sync in Chromium, CPU throttled 4x, into the encrypted store: ${browser.seconds.toFixed(2)} s (${browser.records} records; last pull answer at ${browser.lastResponseSeconds.toFixed(2)} s)   goal ${GOAL_SECONDS} s   ratio ${(browser.seconds / GOAL_SECONDS).toFixed(2)}`,
    );
    console.log(
      `  payload gzip on the wire (Chromium): ${bmb.toFixed(2)} MB in ${browser.pullRequests} pull requests   goal ${GOAL_PAYLOAD_MB} MB   ratio ${(bmb / GOAL_PAYLOAD_MB).toFixed(2)}`,
    );
  } else console.log("  first sync in Chromium: skipped (build dist/web and install Chromium)");
  console.log(
    `  first sync (server + client core in Node, no CPU throttling): ${seconds.toFixed(2)} s   goal ${GOAL_SECONDS} s   ratio ${(seconds / GOAL_SECONDS).toFixed(2)}`,
  );
  console.log(
    `  payload gzip (Node): ${mb.toFixed(2)} MB (raw ${(raw / 1024 / 1024).toFixed(2)} MB)   goal ${GOAL_PAYLOAD_MB} MB   ratio ${(mb / GOAL_PAYLOAD_MB).toFixed(2)}`,
  );
  console.log(
    `  app shell gzip (entry JS + CSS): ${shellKb.toFixed(1)} KB   goal ${GOAL_SHELL_KB} KB   ratio ${(shellKb / GOAL_SHELL_KB).toFixed(2)}`,
  );
} finally {
  await bench.close();
}
