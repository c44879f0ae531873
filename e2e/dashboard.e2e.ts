/**
 * Dashboards in Chromium: the pimpinan opens the kota dashboard, sees its figures, its charts with
 * their tables and the schematic kelurahan map, and a PSM opens "Kinerja saya" on a phone.
 * Waits on elements and responses, never on time. Screenshots go to test-results/.
 */
import { describe, expect, it } from "vitest";
import {
  expectNoHorizontalOverflow,
  logIn,
  openAs,
  openPage,
  PHONE,
  SHOTS,
  serveForFile,
} from "./support.ts";

const PASSWORD = "dasbor kota 2024";
const server = serveForFile({ households: 60, demoPassword: PASSWORD });

describe("dashboards in the browser", () => {
  it("shows the pimpinan the kota dashboard with its numbers, charts and map", async () => {
    const { context, page, errors } = await openPage(server.browser);
    const answered = page.waitForResponse((r) => r.url().includes("/api/v1/dashboards/regions/3171?"));
    await logIn(server, page, "pimpinan", "/dasbor");
    const api = await (await answered).json();
    await page.getByRole("heading", { level: 1, name: "Kota Administrasi Jakarta Pusat" }).waitFor();
    const persons = page.locator(".stat", { hasText: "Penduduk terdaftar" }).locator("dd");
    expect((await persons.textContent())?.replace(/\D/g, "")).toBe(String(api.persons));
    const open = page.locator(".stat", { hasText: "Kasus terbuka" }).locator("dd");
    expect((await open.textContent())?.replace(/\D/g, "")).toBe(String(api.openCases));
    // Charts are drawn (a canvas inside each chart box) and their numbers stand in a table beside.
    await page.locator('[data-chart="kasus-per-wilayah"] canvas').waitFor();
    await page.locator('[data-chart="kasus-per-urgensi"] canvas').waitFor();
    const byRegion = page.locator(".dashboard-chart", { hasText: "Kasus terbuka per wilayah" });
    expect(await byRegion.locator("tbody tr").count()).toBe(8);
    await byRegion.getByRole("button", { name: "Unduh PNG" }).waitFor();
    await byRegion.getByRole("button", { name: "Unduh CSV" }).waitFor();
    const map = page.getByRole("img", { name: /Peta skematis kelurahan/ });
    await map.waitFor();
    expect(await map.locator("rect").count()).toBe(44 + 8);
    const csv = page.waitForEvent("download");
    await byRegion.getByRole("button", { name: "Unduh CSV" }).click();
    expect((await csv).suggestedFilename()).toBe("kasus-per-wilayah.csv");
    await page.screenshot({ path: `${SHOTS}/70-dashboard-kota.png`, fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  it("shows a PSM their own kinerja on a phone", async () => {
    const { context, page, errors } = await openAs(server, "psm.kebon-kelapa", "/kinerja", {
      viewport: PHONE,
    });
    await page.getByRole("heading", { level: 1, name: "Kinerja saya" }).waitFor();
    await page.getByRole("rowheader", { name: "Keluarga diasesmen" }).waitFor();
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: `${SHOTS}/71-kinerja-saya-phone.png`, fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  it("lets the Suku Dinas set a PSM target for this month and check for workers far behind", async () => {
    const { context, page, errors } = await openAs(server, "sudin", "/kinerja");
    await page.getByRole("link", { name: "Atur target" }).click();
    await page.getByRole("heading", { level: 1, name: "Target kinerja" }).waitFor();
    expect(await page.getByLabel("Peran").inputValue()).toBe("psm");
    await page.getByLabel("Target baru: Keluarga diasesmen").fill("30");
    const saved = page.waitForResponse(
      (r) => r.url().endsWith("/api/v1/kinerja/targets") && r.request().method() === "PUT",
    );
    await page.getByRole("button", { name: "Simpan target" }).click();
    expect((await saved).status()).toBe(200);
    await page.getByRole("status").filter({ hasText: "1 target disimpan." }).waitFor();
    const current = page.locator('td[data-indicator="householdsAssessed"]');
    await expect.poll(() => current.textContent()).toBe("30");
    await page.getByRole("button", { name: "Periksa sekarang" }).click();
    await page.getByRole("status").filter({ hasText: "capaian diperiksa" }).waitFor();
    await page.screenshot({ path: `${SHOTS}/81-kinerja-targets.png`, fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  it("shows the pimpinan the before/after training comparison with what it compares", async () => {
    const { context, page, errors } = await openAs(server, "pimpinan", "/dasbor/pelatihan");
    await page.getByRole("heading", { level: 1, name: "Kinerja sebelum dan sesudah pelatihan" }).waitFor();
    await page.getByText("bukan bukti sebab-akibat").waitFor();
    await page.locator('[data-chart="sebelum-sesudah-pelatihan"] canvas').waitFor();
    await page.getByRole("rowheader", { name: "Kasus ditutup" }).first().waitFor();
    await page.screenshot({ path: `${SHOTS}/72-training-comparison.png`, fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });
});
