/**
 * Poverty assessment in Chromium: a PSM on a 360×740 phone assesses a household of their
 * kelurahan and sees its score, status and deprivations at once; pimpinan opens the kota analysis
 * with its charts. Waits on elements and responses, never on time. Screenshots go to test-results/.
 */
import { describe, expect, it } from "vitest";
import {
  answerIndicators,
  expectNoHorizontalOverflow,
  openAs,
  PHONE,
  SHOTS,
  serveForFile,
} from "./support.ts";

const PASSWORD = "penilaian kemiskinan 2026";
const server = serveForFile({ households: 60, demoPassword: PASSWORD });

describe("household poverty assessment in the browser", () => {
  it("lets a PSM assess a household on a phone and shows the score and deprivations", async () => {
    const { context, page, errors } = await openAs(server, "psm.kebon-kelapa", "/keluarga", {
      viewport: PHONE,
    });
    const list = await page.request.get(`${server.baseUrl}/api/v1/households?pageSize=5`);
    const householdId = ((await list.json()) as { items: { id: string }[] }).items[0]?.id ?? "";
    expect(householdId).not.toBe("");
    await page.goto(`${server.baseUrl}/keluarga/${householdId}/penilaian`);
    await page.getByRole("heading", { level: 1, name: "Penilaian kemiskinan keluarga" }).waitFor();

    await answerIndicators(page);
    await expectNoHorizontalOverflow(page);

    const saved = page.waitForResponse(
      (r) => r.url().endsWith("/assessments") && r.request().method() === "POST",
    );
    await page.getByRole("button", { name: "Simpan penilaian" }).click();
    expect((await saved).status()).toBe(201);
    const result = page.getByRole("region", { name: "Hasil penilaian" });
    await result.getByText("Miskin multidimensi", { exact: true }).waitFor();
    // Economy 3/3 (1/5), education 1/2 (1/10), health 1/3 (1/15), housing 3/7 (3/35), protection 1/2 (1/10).
    const expected = (1 / 5 + 1 / 10 + 1 / 15 + 3 / 35 + 1 / 10) * 100;
    expect(await result.getByTestId("poverty-score").textContent()).toBe(
      `${expected.toLocaleString("id-ID", { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`,
    );
    await result.getByText("Pendapatan per orang kurang dari Rp600.000 sebulan").waitFor();
    await result.getByText("Tidak punya jamban sendiri (bersama atau tidak ada)").waitFor();
    await result.getByText("Penerangan bukan listrik atau listrik 450 VA").waitFor();
    expect(await result.locator(".poverty-deprived li").count()).toBe(9);
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: `${SHOTS}/70-assessment-result-phone.png`, fullPage: false });
    expect(errors).toEqual([]);
    await context.close();
  });

  it("shows pimpinan the kota analysis with contributions, kecamatan and sensitivity", async () => {
    const { context, page, errors } = await openAs(server, "pimpinan", "/kemiskinan");
    await page.getByRole("heading", { level: 1, name: /Jakarta Pusat/ }).waitFor();
    await page.getByRole("heading", { name: "Sumbangan indikator terhadap M0" }).waitFor();
    await page.getByRole("heading", { name: "Rincian per kecamatan" }).waitFor();
    await page.getByRole("heading", { name: "Kepekaan terhadap batas k" }).waitFor();
    await page.locator(".poverty-chart svg").first().waitFor();
    expect(await page.getByRole("link", { name: /Daftar keluarga miskin/ }).count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/71-poverty-analysis.png`, fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });
});
