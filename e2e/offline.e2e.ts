/**
 * Offline field work in Chromium: a PSM on a phone prepares the offline data, loses the network,
 * registers a household with a member, assesses it (verdict computed on the phone), opens a case
 * and records a visit with a photo, reloads the page (the service worker serves the app, the
 * encrypted store still holds the changes), regains the network and — without reloading or
 * pressing anything — finds everything on the server exactly once, the photo included. Waits on
 * elements and responses.
 */
import type { Locator } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { PullResponse } from "../src/core/api/sync.schema.ts";
import {
  answerIndicators,
  goOffline,
  openAs,
  PHONE,
  PNG_BYTES,
  prepareOffline,
  SHOTS,
  serveForFile,
} from "./support.ts";

const PASSWORD = "kopi tubruk pagi hari";
const ADDRESS = `Gg. Sempit ${Date.now() % 100000}`;

const server = serveForFile({ households: 30, demoPassword: PASSWORD });

/** Finds the household made on the phone with the search picker and chooses it. */
async function pickNewHousehold(form: Locator) {
  await form
    .getByPlaceholder("Alamat, RW/RT, no. KK, atau nama")
    .fill(`${ADDRESS.split(" ").at(-1)} rw 7 rt 3`);
  await form
    .getByRole("listbox")
    .getByRole("option")
    .filter({ hasText: ADDRESS })
    .filter({ hasText: "baru, belum terkirim" })
    .click();
  await form.getByRole("button", { name: "Ganti" }).waitFor();
}

describe("offline field work", () => {
  it("keeps a household, a member, an assessment, a case and a visit with a photo made offline and sends them once by itself", async () => {
    const { context, page } = await openAs(server, "psm.kebon-kelapa", "/luring", { viewport: PHONE });
    await prepareOffline(page);

    await goOffline(context, page);

    const household = page.getByRole("form", { name: "Daftarkan keluarga" });
    await household.getByLabel("RW").fill("7");
    await household.getByLabel("RT").fill("3");
    await household.getByLabel("Alamat").fill(ADDRESS);
    await household.getByRole("button", { name: "Simpan keluarga" }).click();
    await page.getByRole("alert").filter({ hasText: "Keluarga disimpan" }).waitFor();

    const person = page.getByRole("form", { name: "Tambah anggota keluarga" });
    await pickNewHousehold(person);
    await person.getByLabel("Nama", { exact: true }).fill("Siti Rahayu");
    await person.getByRole("button", { name: "Simpan anggota" }).click();
    await page.getByRole("alert").filter({ hasText: "Anggota disimpan" }).waitFor();

    const assessment = page.getByRole("form", { name: "Penilaian kemiskinan (luring)" });
    await pickNewHousehold(assessment);
    await answerIndicators(assessment);
    // The verdict is computed on the phone, with no network.
    await assessment.getByText("Dihitung di ponsel ini").first().waitFor();
    await assessment.getByRole("button", { name: "Simpan penilaian" }).click();
    await page.getByRole("alert").filter({ hasText: "Penilaian disimpan" }).waitFor();

    const caseForm = page.getByRole("form", { name: "Buka kasus keluarga" });
    await pickNewHousehold(caseForm);
    await caseForm.getByLabel("Uraian masalah").fill(`Balita tanpa pengasuh di ${ADDRESS}`);
    await caseForm.getByRole("button", { name: "Buka kasus" }).click();
    await page.getByRole("alert").filter({ hasText: "Kasus disimpan" }).waitFor();

    const visit = page.getByRole("form", { name: "Catat kunjungan" });
    await visit.locator("select[name=caseId]").selectOption({ label: `Balita tanpa pengasuh di ${ADDRESS}` });
    await visit.getByLabel("Bertemu dengan").fill("Ibu Siti");
    await visit
      .locator("input[name=photos]")
      .setInputFiles({ name: "rumah.png", mimeType: "image/png", buffer: PNG_BYTES });
    await visit.getByTestId("photos-ready").waitFor();
    await visit.getByRole("button", { name: "Simpan kunjungan" }).click();
    await page.getByRole("alert").filter({ hasText: "Kunjungan disimpan" }).waitFor();
    // Five changes and one photo wait.
    await expect.poll(() => page.getByTestId("pending").textContent()).toContain("6 perubahan");

    // Reload without a network: the service worker serves the app, the store still holds the changes.
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Kerja luring" }).waitFor();
    await expect.poll(() => page.getByTestId("pending").textContent()).toContain("6 perubahan");
    await page.screenshot({ path: `${SHOTS}/70-phone-offline.png`, fullPage: true });

    // Back online: no reload and no button. The phone sends everything by itself.
    await context.setOffline(false);
    await expect
      .poll(() => page.getByTestId("pending").textContent(), { timeout: 60_000 })
      .toContain("0 perubahan");

    const pullRecords = async () => {
      const pull = await page.request.get(`${server.baseUrl}/api/v1/sync/pull?since=0&limit=5000`);
      return ((await pull.json()) as PullResponse).records;
    };
    const records = await pullRecords();
    const households = records.filter((r) => r.table === "households" && r.data.address === ADDRESS);
    expect(households).toHaveLength(1);
    const householdId = households[0]!.id;
    const members = records.filter((r) => r.table === "persons" && r.data.householdId === householdId);
    expect(members.map((m) => m.data.name)).toEqual(["Siti Rahayu"]);
    const assessments = await page.request.get(
      `${server.baseUrl}/api/v1/households/${householdId}/assessments`,
    );
    expect(((await assessments.json()) as { items: unknown[] }).items).toHaveLength(1);
    const cases = records.filter((r) => r.table === "cases" && r.data.householdId === householdId);
    expect(cases).toHaveLength(1);
    const visits = await page.request.get(`${server.baseUrl}/api/v1/cases/${cases[0]!.id}/visits`);
    const items = ((await visits.json()) as { items: { met: string; photos: unknown[] }[] }).items;
    expect(items.map((v) => v.met)).toEqual(["Ibu Siti"]);
    expect(items[0]!.photos).toHaveLength(1);
    await context.close();
  }, 120_000);
});
