/**
 * Shared setup of the browser tests: a demo-seeded server on a temporary SQLite database serving
 * the built web app, one Chromium, pages that collect console errors, and small page checks.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { buildApp } from "../src/server/app.ts";
import { loadConfig } from "../src/server/config.ts";
import { createDb, type DbHandle } from "../src/server/db/create-db.ts";
import { migrateToLatest } from "../src/server/db/migrate.ts";
import { seedDemo } from "../src/server/features/demo/demo.service.ts";

/** Where screenshots go. */
export const SHOTS = "test-results";

export interface E2eServer {
  baseUrl: string;
  browser: Browser;
  /** The demo logins' password, when the seed created them. */
  demoPassword: string;
  close(): Promise<void>;
}

export interface E2eOptions {
  households: number;
  /** Create the demo logins (admin, sudin, tksk.…, psm.…) with this password. */
  demoPassword?: string;
}

/** Seeds a fresh database, starts the server on a free port and launches Chromium. */
export async function startE2e(options: E2eOptions): Promise<E2eServer> {
  mkdirSync(SHOTS, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), "peduli-e2e-"));
  let handle: DbHandle | undefined;
  let app: FastifyInstance | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await app?.close();
    await handle?.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    handle = await createDb(`sqlite:${join(dir, "e2e.db")}`);
    await migrateToLatest(handle.db);
    const config = loadConfig(
      {
        LOG_LEVEL: "silent",
        PEDULI_WEB_DIR: "dist/web",
        NODE_ENV: "test",
        ...(options.demoPassword ? { PEDULI_DEMO_PASSWORD: options.demoPassword } : {}),
      },
      {},
    );
    await seedDemo(handle.db, {
      households: options.households,
      ...(options.demoPassword ? { demoPassword: config.demoPassword } : {}),
    });
    app = await buildApp({ config, db: handle.db, dialect: handle.dialect });
    const baseUrl = await app.listen({ port: 0, host: "127.0.0.1" });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    return { baseUrl, browser, demoPassword: config.demoPassword, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Starts a server (see startE2e) before the file's tests and closes it after them. The returned
 * handle is filled in once the server runs, so tests read it, never the code at the top level.
 */
export function serveForFile(options: E2eOptions): E2eServer {
  const server = {} as E2eServer;
  beforeAll(async () => {
    Object.assign(server, await startE2e(options));
  });
  afterAll(async () => {
    await server.close?.();
  });
  return server;
}

export const PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1280, height: 900 };

/** Kebon Kelapa, where the demo's PSM works: the position a phone reports when asked. */
export const KEBON_KELAPA_GPS = { latitude: -6.1702, longitude: 106.8113 };

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** Console and page errors seen so far. */
  errors: string[];
}

/** A fresh browser context (own cookies and storage) whose page records console errors. */
export async function openPage(
  browser: Browser,
  viewport = DESKTOP,
  geolocation?: { latitude: number; longitude: number },
): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport, locale: "id-ID", timezoneId: "Asia/Jakarta" });
  if (geolocation) {
    await context.grantPermissions(["geolocation"]);
    await context.setGeolocation(geolocation);
  }
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    // Asking who is logged in answers 401 when nobody is: expected, not an error of the page.
    const anonymousCheck =
      message.location().url.endsWith("/api/v1/auth/me") && message.text().includes("401");
    if (!anonymousCheck) errors.push(message.text());
  });
  return { context, page, errors };
}

/**
 * Every place the main navigation offers, by its text: on a phone the bottom bar's and those of
 * its "Lainnya" menu (opened for the count, then closed again).
 */
export async function navigationPlaces(page: Page): Promise<string[]> {
  const nav = page.getByRole("navigation", { name: "Navigasi utama" });
  const more = nav.getByRole("button", { name: "Lainnya" });
  if ((await more.count()) === 0) return nav.getByRole("link").allTextContents();
  await more.click();
  await nav.locator(".bottom-nav-menu").waitFor();
  const places = await nav.getByRole("link").allTextContents();
  await page.keyboard.press("Escape");
  return places;
}

/** Fails when the page scrolls sideways (it must fit a phone). */
export async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `page is ${scrollWidth}px wide in a ${clientWidth}px viewport`).toBeLessThanOrEqual(
    clientWidth,
  );
}

/**
 * Logs `username` in with the demo password on the login page and waits to be sent on to `path`
 * (path and query, e.g. "/keluarga?region=3171011005").
 */
export async function logIn(server: E2eServer, page: Page, username: string, path: string): Promise<void> {
  await page.goto(`${server.baseUrl}/masuk?next=${encodeURIComponent(path)}`);
  await page.getByLabel("Nama pengguna").fill(username);
  await page.getByLabel("Kata sandi").fill(server.demoPassword);
  const login = page.waitForResponse((r) => r.url().endsWith("/api/v1/auth/login"));
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  expect((await login).status()).toBe(200);
  await page.waitForURL((url) => `${url.pathname}${url.search}` === path);
}

/** A fresh context (see openPage) with `username` logged in and landed on `path`. */
export async function openAs(
  server: E2eServer,
  username: string,
  path: string,
  options: { viewport?: typeof DESKTOP; geolocation?: typeof KEBON_KELAPA_GPS } = {},
): Promise<OpenedPage> {
  const opened = await openPage(server.browser, options.viewport, options.geolocation);
  await logIn(server, opened.page, username, path);
  return opened;
}

// ── Field work (assessment form, offline app) ─────────────────────────────────────────────────

/** A PNG signature with some bytes: what the photo route accepts as an image. */
export const PNG_BYTES = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(256, 7),
]);

/**
 * Answers the default indicator set in a form (or a page): 9 deprivations over the five
 * dimensions. `leaveNikOpen` leaves the last question unanswered, for tests of an incomplete form.
 */
export async function answerIndicators(scope: Page | Locator, { leaveNikOpen = false } = {}): Promise<void> {
  const yesNo = (legend: string, answer: "Ya" | "Tidak") =>
    scope.getByRole("group", { name: legend }).getByLabel(answer, { exact: true }).check();
  await scope.getByLabel("Pendapatan per kapita per bulan (Rp/bulan)").fill("450000");
  await yesNo("Kepala keluarga tidak bekerja", "Ya");
  await yesNo("Tidak punya tabungan/barang senilai Rp500.000", "Ya");
  await scope.getByLabel("Pendidikan kepala keluarga").selectOption("sd");
  await yesNo("Ada anak usia 7–18 tahun tidak sekolah", "Tidak");
  await scope.getByLabel("Berapa kali makan sehari (kali/hari)").fill("3");
  await yesNo("Setahun terakhir khawatir atau melewatkan makan", "Ya");
  await yesNo("Anggota disabilitas/sakit kronis tanpa jaminan kesehatan", "Tidak");
  await scope.getByLabel("Luas lantai per orang (m²/orang)").fill("6");
  await scope.getByLabel("Jenis lantai terluas").selectOption("semen");
  await scope.getByLabel("Jenis dinding terluas").selectOption("tembok");
  await scope.getByLabel("Fasilitas buang air besar").selectOption("bersama");
  await scope.getByLabel("Sumber air minum").selectOption("isi_ulang");
  await scope.getByLabel("Sumber penerangan").selectOption("pln_450");
  await scope.getByLabel("Bahan bakar memasak").selectOption("gas");
  await yesNo("Ada anggota tanpa BPJS Kesehatan", "Ya");
  if (!leaveNikOpen) await yesNo("Ada anggota tanpa NIK", "Tidak");
}

/** Waits on the offline page until the first download is in and households are held on the phone. */
export async function waitForOfflineData(page: Page): Promise<void> {
  await expect
    .poll(() => page.getByTestId("last-sync").textContent(), { timeout: 30_000 })
    .toContain("Sinkron terakhir");
  await expect.poll(() => page.getByTestId("held").textContent()).toMatch(/[1-9]\d* keluarga/);
}

/**
 * Readies the offline page for work without signal: the first download is held, the service
 * worker controls the page (from the load after it is ready) and households are held.
 */
export async function prepareOffline(page: Page): Promise<void> {
  await page.getByRole("heading", { level: 1, name: "Kerja luring" }).waitFor();
  await waitForOfflineData(page);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await page.reload();
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  await expect.poll(() => page.getByTestId("held").textContent()).toMatch(/[1-9]\d* keluarga/);
}

/** Cuts the phone's network and waits until the page says it works offline. */
export async function goOffline(context: BrowserContext, page: Page): Promise<void> {
  await context.setOffline(true);
  await expect.poll(() => page.getByTestId("connection").textContent()).toContain("Luring");
}
