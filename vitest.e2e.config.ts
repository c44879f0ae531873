import { defineConfig } from "vitest/config";

/**
 * Browser tests against the built web app (`npm run test:e2e` builds it first). One file at a
 * time in one fork: each suite starts a server and a Chromium of its own.
 */
export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 1,
    fileParallelism: false,
    // One retry for browser timing races (three were seen and fixed in the tests themselves); a
    // retried test is still reported, so a flaky one shows up instead of hiding.
    retry: 1,
  },
});
