/**
 * The workforce in Chromium: the Suku Dinas opens the worker list, filters to PSM, and opens a PSM
 * who attended the demo's 2024 training to see its programme, scores, gain and certificate.
 * Waits on elements, never on time. Screenshots go to test-results/.
 */
import { describe, expect, it } from "vitest";
import { openAs, SHOTS, serveForFile } from "./support.ts";

const PASSWORD = "petugas sosial 2024";
const server = serveForFile({ households: 10, demoPassword: PASSWORD });

describe("workers in the browser", () => {
  it("shows the Suku Dinas a PSM's profile with the 2024 training and its scores", async () => {
    const { context, page, errors } = await openAs(server, "sudin", "/petugas");
    await page.getByRole("heading", { level: 1, name: "Petugas" }).waitFor();
    await page
      .getByRole("navigation", { name: "Navigasi utama" })
      .getByRole("link", { name: "Petugas" })
      .waitFor();
    await page.getByRole("heading", { name: "52 petugas" }).waitFor();

    await page.getByLabel("Peran").selectOption("psm");
    await page.getByRole("heading", { name: "44 petugas" }).waitFor();
    const firstRow = page.locator(".worker-table tbody tr").first();
    expect(await firstRow.locator("td").nth(1).textContent()).toBe("PSM");
    expect(await firstRow.locator("td").nth(2).textContent()).toMatch(/^31\.71\.\d{2}\.\d{4} \S/);
    const name = (await firstRow.getByRole("link").textContent()) ?? "";
    await firstRow.getByRole("link").click();

    await page.getByRole("heading", { level: 1, name }).waitFor();
    await page.getByRole("heading", { name: "Pelatihan yang diikuti" }).waitFor();
    const training = page.locator(".worker-training", { hasText: "Angkatan I Tahun 2024" });
    await training.waitFor();
    const facts = await training.locator("dt, dd").allTextContents();
    const value = (label: string) => facts[facts.indexOf(label) + 1] ?? "";
    expect(value("Nilai pre-test")).toMatch(/^\d+(,\d)?$/);
    expect(value("Nilai post-test")).toMatch(/^\d+(,\d)?$/);
    expect(value("Gain ternormalisasi")).toMatch(/^-?\d+(,\d+)?$|^tidak terdefinisi/);
    const certificate = training.getByRole("link", { name: /Periksa sertifikat/ });
    if ((await certificate.count()) > 0)
      expect(await certificate.getAttribute("href")).toMatch(/^\/verifikasi\/\S+$/);
    await page.getByRole("heading", { name: "Kompetensi yang diperoleh" }).waitFor();
    await page.screenshot({ path: `${SHOTS}/80-worker-profile.png`, fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });
});
