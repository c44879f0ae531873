/**
 * Shared setup of the browser tests: a demo-seeded server on a temporary SQLite database serving
 * the built web app, one Chromium, pages that collect console errors, and small page checks.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { expect } from "vitest";
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

export const PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1280, height: 900 };

/** A fresh browser context (own cookies and storage) whose page records console errors. */
export async function openPage(
  browser: Browser,
  viewport = DESKTOP,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport, locale: "id-ID", timezoneId: "Asia/Jakarta" });
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
