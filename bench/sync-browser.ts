/**
 * bench/sync's Chromium part: a phone's first sync with its CPU throttled 4× (CDP
 * Emulation.setCPUThrottlingRate), against the real server on loopback serving the built app
 * (dist/web). Times opening /luring until the encrypted Dexie store holds `expectRecords` rows
 * of households and persons, and sums the compressed bytes of the pull responses.
 */
import type { Kysely } from "kysely";
import { chromium } from "playwright-core";
import { buildApp } from "../src/server/app.ts";
import { loadConfig } from "../src/server/config.ts";
import type { Database } from "../src/server/db/database.ts";

export interface BrowserFigures {
  seconds: number;
  records: number;
  compressedBytes: number;
  pullRequests: number;
  /** When the last pull response had arrived, from opening the page: the rest is the phone's work. */
  lastResponseSeconds: number;
}

const CPU_THROTTLING_RATE = 4;
const GIVE_UP_MS = 300_000;

/** Rows of households and persons in the phone's store (read without the key: counts only). */
function countHeld(): Promise<number> {
  return new Promise((resolve) => {
    const open = indexedDB.open("peduli-offline");
    open.onerror = () => resolve(0);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains("records")) {
        db.close();
        resolve(0);
        return;
      }
      const index = db.transaction("records").objectStore("records").index("table");
      let total = 0;
      let pending = 2;
      for (const table of ["households", "persons"]) {
        const req = index.count(table);
        req.onsuccess = () => {
          total += req.result;
          if (--pending === 0) {
            db.close();
            resolve(total);
          }
        };
        req.onerror = () => {
          db.close();
          resolve(0);
        };
      }
    };
  });
}

export async function measureInChromium(
  db: Kysely<Database>,
  dialect: "sqlite" | "postgres",
  options: { chromiumPath: string; username: string; password: string; expectRecords: number },
): Promise<BrowserFigures> {
  const config = loadConfig({ LOG_LEVEL: "silent", NODE_ENV: "test", PEDULI_WEB_DIR: "dist/web" }, {});
  const app = await buildApp({ config, db, dialect });
  const baseUrl = await app.listen({ port: 0, host: "127.0.0.1" });
  const browser = await chromium.launch({
    executablePath: options.chromiumPath,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: "id-ID" });
    const page = await context.newPage();
    const login = await page.request.post(`${baseUrl}/api/v1/auth/login`, {
      data: { username: options.username, password: options.password },
    });
    if (!login.ok()) throw new Error(`login failed: ${login.status()}`);

    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_THROTTLING_RATE });
    const pulls = new Set<string>();
    let compressedBytes = 0;
    let lastResponseAt = 0;
    cdp.on("Network.responseReceived", (e) => {
      if (e.response.url.includes("/api/v1/sync/pull")) pulls.add(e.requestId);
    });
    cdp.on("Network.loadingFinished", (e) => {
      if (!pulls.has(e.requestId)) return;
      compressedBytes += e.encodedDataLength;
      lastResponseAt = performance.now();
    });

    const started = performance.now();
    await page.goto(`${baseUrl}/luring`);
    let records = 0;
    while (records < options.expectRecords) {
      if (performance.now() - started > GIVE_UP_MS)
        throw new Error(`first sync not done after ${GIVE_UP_MS / 1000} s (${records} records)`);
      await page.waitForTimeout(200);
      records = await page.evaluate(countHeld);
    }
    const seconds = (performance.now() - started) / 1000;
    await context.close();
    const lastResponseSeconds = (lastResponseAt - started) / 1000;
    return { seconds, records, compressedBytes, pullRequests: pulls.size, lastResponseSeconds };
  } finally {
    await browser.close();
    await app.close();
  }
}
