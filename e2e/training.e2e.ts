/**
 * Training in Chromium: the trainer reads the demo's 2024 cohort report and marks attendance on a
 * phone, a PSM sees their own training on a phone, and the public page verifies a certificate.
 * Waits on elements and responses, never on time. Screenshots go to test-results/.
 */
import { describe, expect, it } from "vitest";
import {
  expectNoHorizontalOverflow,
  navigationPlaces,
  openAs,
  openPage,
  PHONE,
  SHOTS,
  serveForFile,
} from "./support.ts";

const PASSWORD = "pelatihan dasar 2024";
const server = serveForFile({ households: 20, demoPassword: PASSWORD });

describe("training in the browser", () => {
  it("shows the trainer the 2024 cohort report and lets them mark attendance on a phone", async () => {
    const { context, page, errors } = await openAs(server, "pelatih", "/pelatihan");
    await page.getByRole("heading", { level: 1, name: "Pelatihan" }).waitFor();
    await page.getByRole("link", { name: /Angkatan I Tahun 2024/ }).click();
    await page.getByRole("heading", { level: 1, name: "Angkatan I Tahun 2024" }).waitFor();
    const stats = page.locator(".stats");
    await stats.getByText("TKSK 8, PSM 44").waitFor();
    expect(await stats.locator(".stat").first().locator(".count").textContent()).toBe("52");
    await page.getByRole("heading", { name: "Hasil per kompetensi" }).waitFor();
    await page.screenshot({ path: `${SHOTS}/60-training-cohort-report.png`, fullPage: true });
    expect(errors).toEqual([]);

    await page.setViewportSize(PHONE);
    await page.getByRole("link", { name: /Pembukaan oleh Wali Kota/ }).click();
    await page.getByRole("heading", { level: 1, name: /Pembukaan oleh Wali Kota/ }).waitFor();
    const rows = page.locator(".training-roster-row");
    expect(await rows.count()).toBe(52);
    const first = rows.first();
    const saved = page.waitForResponse(
      (r) => r.url().includes("/attendance") && r.request().method() === "PUT",
    );
    await first.getByRole("button", { name: "Sakit" }).click();
    expect((await saved).status()).toBe(200);
    await first.locator('button[aria-pressed="true"]', { hasText: "Sakit" }).waitFor();
    await page.getByRole("button", { name: "Tampilkan kode QR presensi" }).click();
    await page.getByRole("img", { name: "Kode QR presensi sesi ini" }).waitFor();
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: `${SHOTS}/61-training-attendance-phone.png`, fullPage: false });
    expect(errors).toEqual([]);
    await context.close();
  });

  it("shows a PSM their own training on a phone and refuses a check-in code outside its session", async () => {
    const { context, page, errors } = await openAs(server, "psm.kebon-kelapa", "/pelatihan", {
      viewport: PHONE,
    });
    const mine = page.locator("section", { has: page.getByRole("heading", { name: "Pelatihan saya" }) });
    await mine.getByText(/Angkatan I Tahun 2024/).waitFor();
    expect(await mine.locator(".item").count()).toBeGreaterThanOrEqual(6);
    expect(await navigationPlaces(page)).toContain("Pelatihan");
    // A PSM does not see the list of every cohort.
    expect(await page.getByRole("heading", { name: "Angkatan", exact: true }).count()).toBe(0);
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: `${SHOTS}/62-training-mine-phone.png`, fullPage: true });

    await page.goto(`${server.baseUrl}/pelatihan/presensi?token=kode-yang-tidak-ada`);
    await page.getByRole("button", { name: "Catat kehadiran saya" }).click();
    await page
      .getByRole("alert")
      .getByText(/kode QR tidak dikenal/)
      .waitFor();
    expect(errors.filter((e) => !e.includes("409"))).toEqual([]);
    await context.close();
  });

  it("verifies a certificate on the public page", async () => {
    const { context, page } = await openAs(server, "pelatih", "/pelatihan", { viewport: PHONE });
    const cohorts = await page.request.get(`${server.baseUrl}/api/v1/training/cohorts`);
    const cohortId = ((await cohorts.json()) as { items: { id: string }[] }).items[0]?.id;
    const list = await page.request.get(`${server.baseUrl}/api/v1/training/cohorts/${cohortId}/certificates`);
    const cert = ((await list.json()) as { items: { verifyUrl: string; holderName: string }[] }).items[0];
    const anonymous = await openPage(server.browser, PHONE);
    await anonymous.page.goto(cert?.verifyUrl ?? "");
    await anonymous.page.getByRole("heading", { name: "Sertifikat SAH" }).waitFor();
    await anonymous.page.getByText(cert?.holderName ?? "").waitFor();
    await anonymous.page.screenshot({ path: `${SHOTS}/63-certificate-verification.png`, fullPage: true });
    await anonymous.context.close();
    await context.close();
  });

  it("lets a PSM take a test on a phone and keeps the answers across a reload", async () => {
    const office = await openAs(server, "sudin", "/pelatihan");
    const me = await (await office.page.request.get(`${server.baseUrl}/api/v1/auth/me`)).json();
    const headers = { "x-csrf-token": me.csrfToken as string };
    const post = async (path: string, data: unknown, method: "post" | "put" = "post") => {
      const res = await office.page.request[method](`${server.baseUrl}/api/v1${path}`, { headers, data });
      expect(res.status(), `${path}: ${await res.text()}`).toBeLessThan(300);
      return res.json();
    };
    const programme = await post("/training/programmes", {
      name: "Pelatihan Lanjutan Uji Peramban",
      year: 2026,
      level: "lanjutan",
      organiser: "Suku Dinas Sosial Kota Administrasi Jakarta Pusat",
      organiserCode: "SUDINSOS-JP",
      quotas: { tksk: 0, psm: 5 },
      signatoryName: "Penandatangan Uji",
      signatoryTitle: "Kepala Suku Dinas Sosial",
    });
    const cohort = await post("/training/cohorts", {
      programmeId: programme.id,
      name: "Angkatan Uji Peramban",
      eligibleRegionCode: "3171",
      venue: "Aula Kantor Wali Kota",
      startsOn: "2026-12-01",
      endsOn: "2026-12-02",
    });
    // Enrolment and the test are set up on the cohort page, as a trainer does it.
    await office.page.goto(`${server.baseUrl}/pelatihan/angkatan/${cohort.id}`);
    await office.page.getByRole("button", { name: "Tampilkan petugas yang memenuhi syarat" }).click();
    await office.page.getByRole("checkbox", { name: /Kebon Kelapa/ }).check();
    const enrolled = office.page.waitForResponse((r) => r.url().endsWith("/enrolments"));
    await office.page.getByRole("button", { name: "Daftarkan 1 petugas" }).click();
    expect((await enrolled).status()).toBe(200);
    const testForm = office.page.locator("form", { hasText: "Atur pre-test atau post-test" });
    await testForm.getByLabel("Jenis").selectOption("post");
    await testForm.getByLabel("Soal per modul").fill("1");
    await testForm.getByRole("button", { name: "Simpan" }).click();
    await testForm.getByText("Tersimpan.").waitFor();
    await office.page.screenshot({ path: `${SHOTS}/65-training-cohort-manage.png`, fullPage: true });
    expect(office.errors).toEqual([]);
    await office.context.close();

    const { context, page, errors } = await openAs(server, "psm.kebon-kelapa", "/pelatihan", {
      viewport: PHONE,
    });
    const article = page.locator("article", { hasText: "Angkatan Uji Peramban" });
    await article.getByRole("link", { name: "Kerjakan" }).click();
    await page.getByRole("heading", { level: 1, name: "Post-test" }).waitFor();
    const questions = page.locator(".training-questions > li");
    expect(await questions.count()).toBe(6);
    for (const index of [0, 1]) {
      const saved = page.waitForResponse(
        (r) => r.url().includes("/answers/") && r.request().method() === "PUT",
      );
      // click, not check(): the answer is a controlled input that settles after the save returns.
      const option = questions.nth(index).getByRole("radio").first();
      await option.click();
      expect((await saved).status()).toBe(200);
      await expect.poll(() => option.isChecked()).toBe(true);
    }
    await page.getByText("2 dari 6 dijawab").waitFor();
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: `${SHOTS}/64-training-test-phone.png`, fullPage: false });
    // The connection drops and the phone reloads: the same questions come back with the answers.
    await page.reload();
    await page.getByText("2 dari 6 dijawab").waitFor();
    expect(await questions.nth(0).getByRole("radio").first().isChecked()).toBe(true);
    expect(await questions.nth(2).locator("input:checked").count()).toBe(0);
    await page.getByRole("button", { name: "Kumpulkan" }).click();
    await page.getByText(/^Nilai: /).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
