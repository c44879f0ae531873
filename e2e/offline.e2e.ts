/**
 * Offline field work in Chromium: a PSM on a phone prepares the offline data, loses the network,
 * registers a household with a member, opens a case and records a visit, reloads the page (the
 * service worker serves the app, the encrypted store still holds the changes), regains the
 * network and finds everything on the server exactly once. Waits on elements and responses.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PullResponse } from "../src/core/api/sync.schema.ts";
import { type E2eServer, openPage, PHONE, SHOTS, startE2e } from "./support.ts";

const PASSWORD = "kopi tubruk pagi hari";
const ADDRESS = `Gg. Sempit ${Date.now() % 100000}`;

let server: E2eServer;

beforeAll(async () => {
  server = await startE2e({ households: 30, demoPassword: PASSWORD });
});

afterAll(async () => {
  await server?.close();
});

describe("offline field work", () => {
  it("keeps a household, a member, a case and a visit made offline and sends them once", async () => {
    const { context, page } = await openPage(server.browser, PHONE);
    await page.goto(`${server.baseUrl}/masuk?next=${encodeURIComponent("/luring")}`);
    await page.getByLabel("Nama pengguna").fill("psm.kebon-kelapa");
    await page.getByLabel("Kata sandi").fill(server.demoPassword);
    await page.getByRole("button", { name: "Masuk", exact: true }).click();
    await page.waitForURL((url) => url.pathname === "/luring");
    await page.getByRole("heading", { level: 1, name: "Kerja luring" }).waitFor();
    await expect
      .poll(() => page.getByTestId("last-sync").textContent(), { timeout: 30_000 })
      .toContain("Sinkron terakhir");
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    // The service worker controls the page from the next load.
    await page.reload();
    await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
    await expect.poll(() => page.getByTestId("held").textContent()).toMatch(/[1-9]\d* keluarga/);

    await context.setOffline(true);
    await expect.poll(() => page.getByTestId("connection").textContent()).toContain("Luring");

    const household = page.getByRole("form", { name: "Daftarkan keluarga" });
    await household.getByLabel("RW").fill("7");
    await household.getByLabel("RT").fill("3");
    await household.getByLabel("Alamat").fill(ADDRESS);
    await household.getByRole("button", { name: "Simpan keluarga" }).click();
    await page.getByRole("alert").filter({ hasText: "Keluarga disimpan" }).waitFor();

    const person = page.getByRole("form", { name: "Tambah anggota keluarga" });
    await person
      .locator("select[name=householdId]")
      .selectOption({ label: `${ADDRESS} (RW 7/RT 3) (baru, belum terkirim)` });
    await person.getByLabel("Nama", { exact: true }).fill("Siti Rahayu");
    await person.getByRole("button", { name: "Simpan anggota" }).click();
    await page.getByRole("alert").filter({ hasText: "Anggota disimpan" }).waitFor();

    const caseForm = page.getByRole("form", { name: "Buka kasus keluarga" });
    await caseForm
      .locator("select[name=householdId]")
      .selectOption({ label: `${ADDRESS} (RW 7/RT 3) (baru, belum terkirim)` });
    await caseForm.getByLabel("Uraian masalah").fill(`Balita tanpa pengasuh di ${ADDRESS}`);
    await caseForm.getByRole("button", { name: "Buka kasus" }).click();
    await page.getByRole("alert").filter({ hasText: "Kasus disimpan" }).waitFor();

    const visit = page.getByRole("form", { name: "Catat kunjungan" });
    await visit.locator("select[name=caseId]").selectOption({ label: `Balita tanpa pengasuh di ${ADDRESS}` });
    await visit.getByLabel("Bertemu dengan").fill("Ibu Siti");
    await visit.getByRole("button", { name: "Simpan kunjungan" }).click();
    await page.getByRole("alert").filter({ hasText: "Kunjungan disimpan" }).waitFor();
    await expect.poll(() => page.getByTestId("pending").textContent()).toContain("4 perubahan");

    // Reload without a network: the service worker serves the app, the store still holds the changes.
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Kerja luring" }).waitFor();
    await expect.poll(() => page.getByTestId("pending").textContent()).toContain("4 perubahan");
    await page.screenshot({ path: `${SHOTS}/70-phone-offline.png`, fullPage: true });

    await context.setOffline(false);
    // Chromium keeps the service worker's own fetches offline after the emulation ends until the
    // page is loaded again; a worker reopening the app gets the same: reload, then sync.
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Kerja luring" }).waitFor();
    // Wait on the server, not on the counter: right after a reload the counter can read 0 before the
    // local store is open. Then wait until the phone has nothing left to send.
    const pullRecords = async () => {
      const pull = await page.request.get(`${server.baseUrl}/api/v1/sync/pull?since=0&limit=5000`);
      return ((await pull.json()) as PullResponse).records;
    };
    await expect
      .poll(
        async () =>
          (await pullRecords()).filter((r) => r.table === "households" && r.data.address === ADDRESS).length,
        { timeout: 30_000 },
      )
      .toBeGreaterThan(0);
    await expect
      .poll(() => page.getByTestId("pending").textContent(), { timeout: 30_000 })
      .toContain("0 perubahan");

    const records = await pullRecords();
    const households = records.filter((r) => r.table === "households" && r.data.address === ADDRESS);
    expect(households).toHaveLength(1);
    const members = records.filter((r) => r.table === "persons" && r.data.householdId === households[0]!.id);
    expect(members.map((m) => m.data.name)).toEqual(["Siti Rahayu"]);
    const cases = records.filter((r) => r.table === "cases" && r.data.householdId === households[0]!.id);
    expect(cases).toHaveLength(1);
    const visits = await page.request.get(`${server.baseUrl}/api/v1/cases/${cases[0]!.id}/visits`);
    expect(((await visits.json()) as { items: { met: string }[] }).items.map((v) => v.met)).toEqual([
      "Ibu Siti",
    ]);
    await context.close();
  });
});
