/**
 * Correcting training records in Chromium: the trainer reads the 2024 cohort's invitations and
 * prints a letter, is told why a session with attendance cannot be deleted, edits the session with
 * the create form, withdraws a participant of a fresh cohort, cancels that cohort and restores it,
 * and edits a programme. Waits on
 * elements and responses, never on time. Screenshots go to test-results/.
 */
import { describe, expect, it } from "vitest";
import { openAs, SHOTS, serveForFile } from "./support.ts";

const PASSWORD = "pelatihan dasar 2024";
const server = serveForFile({ households: 0, demoPassword: PASSWORD });

describe("correcting training records in the browser", () => {
  it("lists the invitations of the 2024 cohort with their status and prints a letter", async () => {
    const { context, page, errors } = await openAs(server, "pelatih", "/pelatihan");
    await page.getByRole("link", { name: /Angkatan I Tahun 2024/ }).click();
    await page.getByRole("link", { name: "Undangan", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: /Undangan peserta/ }).waitFor();
    const rows = page.locator("tbody tr");
    await rows.first().waitFor();
    expect(await rows.count()).toBe(52);
    expect(await page.locator("tbody .tag", { hasText: "Diundang" }).count()).toBe(52);
    const letter = await rows.first().getByRole("link", { name: "Surat (PDF)" }).getAttribute("href");
    const pdf = await page.request.get(`${server.baseUrl}${letter}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toContain("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
    const all = await page.getByRole("link", { name: /Cetak semua surat undangan/ }).getAttribute("href");
    expect(all).toMatch(/\/invitations\.pdf$/);
    await page.screenshot({ path: `${SHOTS}/64-training-invitations.png`, fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  it("explains why a session with attendance cannot be deleted, and edits it with the create form", async () => {
    const { context, page, errors } = await openAs(server, "pelatih", "/pelatihan");
    page.on("dialog", (dialog) => void dialog.accept());
    await page.getByRole("link", { name: /Angkatan I Tahun 2024/ }).click();
    const item = page.locator("li.item", {
      has: page.getByRole("link", { name: /Pembukaan oleh Wali Kota/ }),
    });
    const refused = page.waitForResponse((r) => r.request().method() === "DELETE");
    await item.getByRole("button", { name: "Hapus" }).click();
    expect((await refused).status()).toBe(409);
    await item
      .getByRole("alert")
      .getByText(
        /Sesi pelatihan tidak dapat dihapus karena sudah ada 52 catatan presensi, \d+ sertifikat terbit; batalkan saja\./,
      )
      .waitFor();
    await item.getByRole("button", { name: "Ubah", exact: true }).click();
    const form = item.locator("form", { hasText: "Ubah sesi" });
    await form.getByLabel("Judul sesi").fill("Pembukaan oleh Wali Kota Jakarta Pusat");
    const saved = page.waitForResponse(
      (r) => r.request().method() === "PUT" && r.url().includes("/sessions/"),
    );
    await form.getByRole("button", { name: "Simpan" }).click();
    expect((await saved).status()).toBe(200);
    await page.getByRole("link", { name: "Pembukaan oleh Wali Kota Jakarta Pusat" }).waitFor();
    expect(errors.filter((e) => !e.includes("409"))).toEqual([]);
    await context.close();
  });

  it("withdraws a participant of a fresh cohort and lists them as withdrawn", async () => {
    const { context, page, errors } = await openAs(server, "sudin", "/pelatihan");
    page.on("dialog", (dialog) => void dialog.accept("Pindah tugas"));
    const me = await (await page.request.get(`${server.baseUrl}/api/v1/auth/me`)).json();
    const headers = { "x-csrf-token": me.csrfToken as string };
    const post = async (path: string, data: unknown) => {
      const res = await page.request.post(`${server.baseUrl}/api/v1${path}`, { headers, data });
      expect(res.status(), `${path}: ${await res.text()}`).toBeLessThan(300);
      return res.json();
    };
    const programme = await post("/training/programmes", {
      name: "Pelatihan Koreksi Peramban",
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
      name: "Angkatan Koreksi Peramban",
      eligibleRegionCode: "3171",
      venue: "Aula Kantor Wali Kota",
      startsOn: "2026-12-01",
      endsOn: "2026-12-02",
    });
    const eligible = await (
      await page.request.get(`${server.baseUrl}/api/v1/training/cohorts/${cohort.id}/eligible-workers`)
    ).json();
    const chosen = eligible.items.slice(0, 2) as { workerId: string; name: string }[];
    await post(`/training/cohorts/${cohort.id}/enrolments`, { workerIds: chosen.map((w) => w.workerId) });

    await page.goto(`${server.baseUrl}/pelatihan/angkatan/${cohort.id}`);
    const row = page.locator("tr", { hasText: chosen[0]!.name });
    const withdrawn = page.waitForResponse((r) => r.url().endsWith("/withdraw"));
    await row.getByRole("button", { name: "Keluarkan" }).click();
    expect((await withdrawn).status()).toBe(200);
    const history = page.locator("section", {
      has: page.getByRole("heading", { name: "Peserta yang dikeluarkan" }),
    });
    await history.getByText(/Pindah tugas/).waitFor();
    await history.getByText(chosen[0]!.name, { exact: false }).waitFor();
    const stats = page.locator(".stats");
    await stats.getByText("TKSK 0, PSM 1").waitFor();
    await page.getByRole("link", { name: "Undangan", exact: true }).click();
    await page.locator("tbody .tag", { hasText: "Dikeluarkan" }).waitFor();
    await page.screenshot({ path: `${SHOTS}/65-training-withdrawn.png`, fullPage: true });

    // Cancelled by mistake, then restored from the same bar.
    await page.goto(`${server.baseUrl}/pelatihan/angkatan/${cohort.id}`);
    const cancelled = page.waitForResponse((r) => r.url().endsWith(`/cohorts/${cohort.id}/cancel`));
    await page.getByRole("button", { name: "Batalkan", exact: true }).click();
    expect((await cancelled).status()).toBe(200);
    await page.getByRole("status").getByText("Dibatalkan").waitFor();
    const restored = page.waitForResponse((r) => r.url().endsWith(`/cohorts/${cohort.id}/restore`));
    await page.getByRole("button", { name: "Pulihkan", exact: true }).click();
    expect((await restored).status()).toBe(200);
    await page.getByRole("button", { name: "Batalkan", exact: true }).waitFor();
    expect(await page.getByRole("status").getByText("Dibatalkan").count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("edits a programme with the create form", async () => {
    const { context, page, errors } = await openAs(server, "sudin", "/pelatihan");
    await page
      .locator('section[aria-labelledby="programmes-title"]')
      .getByRole("link", { name: /Bimbingan dan Pelatihan Tingkat Dasar/ })
      .click();
    await page.getByRole("button", { name: "Ubah program" }).click();
    const form = page.locator("form", { hasText: "Ubah program" });
    expect(await form.getByLabel("Kuota PSM").inputValue()).toBe("44");
    await form.getByLabel("Kuota PSM").fill("40");
    const refused = page.waitForResponse((r) => r.request().method() === "PUT");
    await form.getByRole("button", { name: "Simpan" }).click();
    expect((await refused).status()).toBe(409);
    await form
      .getByRole("alert")
      .getByText(/kuota PSM \(40\) lebih kecil dari 44 peserta/)
      .waitFor();
    await form.getByLabel("Kuota PSM").fill("46");
    const saved = page.waitForResponse((r) => r.request().method() === "PUT");
    await form.getByRole("button", { name: "Simpan" }).click();
    expect((await saved).status()).toBe(200);
    await page.getByRole("button", { name: "Ubah program" }).waitFor();
    expect(errors.filter((e) => !e.includes("409"))).toEqual([]);
    await context.close();
  });
});
