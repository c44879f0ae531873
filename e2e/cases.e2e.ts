/**
 * Case work in Chromium: a PSM on a phone opens an area case from the kelurahan page, finds its
 * first-visit task in "Tugas saya", records a visit with GPS and a photo (a wrong file is refused
 * before upload with the server's message), sees it on the timeline and requests closure; the
 * Suku Dinas officer transfers it to the kecamatan's TKSK and approves it. Also the list, the stage board and the reports. Waits on
 * elements and responses, never on time. Screenshots go to test-results/.
 */
import { describe, expect, it } from "vitest";
import type { CaseDto, CaseReportDto } from "../src/core/api/cases.schema.ts";
import {
  expectNoHorizontalOverflow,
  KEBON_KELAPA_GPS,
  openAs,
  PHONE,
  SHOTS,
  serveForFile,
} from "./support.ts";

const PASSWORD = "kopi tubruk pagi hari";
const KEBON_KELAPA = "3171011005";
/** A 1×1 PNG: recognised as an image by its first bytes. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

const server = serveForFile({ households: 60, demoPassword: PASSWORD });
/** The case the PSM opens, shared by the steps that follow. */
let created: CaseDto | undefined;

describe("case work in the browser", () => {
  it("lets a PSM on a phone open a case, find its task, record a visit and request closure", async () => {
    // From the kelurahan page: "Buat kasus" opens the form with the kelurahan filled in.
    const { context, page, errors } = await openAs(server, "psm.kebon-kelapa", `/wilayah/${KEBON_KELAPA}`, {
      viewport: PHONE,
      geolocation: KEBON_KELAPA_GPS,
    });
    await page.getByRole("heading", { level: 1, name: "Kebon Kelapa" }).waitFor();
    await page.getByRole("link", { name: "Buat kasus" }).click();
    await page.waitForURL(/\/kasus\/baru\?regionCode=3171011005$/);
    await page.getByRole("heading", { level: 1, name: "Buat kasus" }).waitFor();
    expect(await page.getByLabel("Wilayah").isChecked()).toBe(true);
    await expect.poll(() => page.getByLabel("Kelurahan").inputValue()).toBe(KEBON_KELAPA);
    await page.getByLabel("RW (opsional)").fill("7");
    await page.getByLabel("Kategori masalah").selectOption({ label: "Wilayah rawan banjir" });
    await page
      .getByLabel("Uraian masalah")
      .fill("Genangan setinggi lutut di gang RW 07 setelah hujan deras.");
    await page.getByLabel("Sumber laporan").selectOption("laporan_warga");
    await page.getByLabel("Darurat").check();
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: `${SHOTS}/40-phone-new-case.png`, fullPage: true });
    const saved = page.waitForResponse(
      (r) => r.url().endsWith("/api/v1/cases") && r.request().method() === "POST",
    );
    await page.getByRole("button", { name: "Simpan kasus" }).click();
    const response = await saved;
    expect(response.status()).toBe(201);
    created = (await response.json()) as CaseDto;
    expect(created).toMatchObject({
      subjectType: "area",
      regionCode: KEBON_KELAPA,
      rw: "007",
      urgency: "darurat",
    });
    await page.waitForURL(new RegExp(`/kasus/${created.id}$`));
    await page.getByRole("heading", { level: 1, name: created.subjectLabel }).waitFor();
    const header = page.locator(".case-header");
    expect(await header.locator(".urgency").textContent()).toBe("Darurat");
    expect(await header.locator(".stage").textContent()).toBe("Laporan");
    expect(await header.locator(".facts").textContent()).toContain("31.71.01.1005 Kebon Kelapa");
    expect(await header.locator(".facts").textContent()).toContain("RW 007");

    // "Tugas saya": the first visit of a darurat case falls due within a day.
    const nav = page.getByRole("navigation", { name: "Navigasi utama" });
    await nav.getByRole("link", { name: "Tugas saya" }).click();
    await page.getByRole("heading", { level: 1, name: "Tugas saya" }).waitFor();
    const task = page.locator(".task-item", { has: page.getByText(created.caseNumber) });
    await task.waitFor();
    expect(await task.locator(".urgency").textContent()).toBe("Darurat");
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: `${SHOTS}/41-phone-my-tasks.png`, fullPage: true });
    await task.getByRole("link", { name: `Buka kasus ${created.caseNumber}` }).click();
    await page.waitForURL(new RegExp(`/kasus/${created.id}$`));

    // Record a visit: a text file named .jpg is refused before anything is sent.
    const visits = page.locator("#kunjungan");
    await visits.getByLabel("Yang ditemui").fill("Ketua RW 07 dan dua warga");
    await visits.getByLabel("Catatan").fill("Air surut pukul 10.00; tiga rumah perlu bantuan pompa.");
    await visits.getByRole("button", { name: "Ambil lokasi GPS" }).click();
    await visits.getByText("Lokasi: -6.17020, 106.81130").waitFor();
    await visits
      .getByLabel(/^Foto/)
      .setInputFiles({ name: "banjir.jpg", mimeType: "image/jpeg", buffer: Buffer.from("bukan gambar") });
    await visits
      .getByRole("alert")
      .getByText(
        "Berkas 'banjir.jpg' bukan gambar JPEG, PNG atau WebP (diperiksa dari isi berkas); berkas tidak disimpan.",
      )
      .waitFor();
    await visits
      .getByLabel(/^Foto/)
      .setInputFiles({ name: "genangan.png", mimeType: "image/png", buffer: PNG });
    await visits.getByText("1 foto").waitFor();
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: `${SHOTS}/42-phone-visit-form.png`, fullPage: true });
    const visitSaved = page.waitForResponse(
      (r) => r.url().endsWith("/visits") && r.request().method() === "POST",
    );
    const photoSaved = page.waitForResponse(
      (r) => r.url().endsWith("/photos") && r.request().method() === "POST",
    );
    await visits.getByRole("button", { name: "Simpan kunjungan" }).click();
    expect((await visitSaved).status()).toBe(201);
    expect((await photoSaved).status()).toBe(201);
    await visits.getByText("Kunjungan tersimpan.").waitFor();
    await visits.locator(".visit-item").getByText("Ketua RW 07 dan dua warga").waitFor();
    await visits.locator(".visit-item img").first().waitFor();
    expect(await visits.getByRole("link", { name: "Lihat di peta" }).getAttribute("href")).toContain(
      "mlat=-6.1702",
    );

    // The timeline shows the visit on top; the first-visit task is done.
    const timeline = page.locator("#riwayat .timeline-event");
    await timeline.first().getByText("Tugas selesai").waitFor();
    expect(await timeline.locator(".timeline-type").allTextContents()).toEqual([
      "Tugas selesai",
      "Kunjungan dicatat",
      "Tugas dibuat",
      "Petugas ditetapkan",
      "Kasus dibuat",
    ]);
    await timeline.nth(1).getByText("Air surut pukul 10.00; tiga rumah perlu bantuan pompa.").waitFor();
    expect(await timeline.last().locator(".timeline-type").textContent()).toBe("Kasus dibuat");
    await page.locator("#tugas .task-item").getByText("Selesai", { exact: true }).first().waitFor();
    await page.locator("#tugas .task-item").first().scrollIntoViewIfNeeded();

    // A PSM may move one stage on, and request closure (not close).
    const actions = page.locator("#tindakan");
    expect(await actions.getByLabel("Pindah ke tahap").locator("option").allTextContents()).toEqual([
      "Pilih tahap",
      "Asesmen",
    ]);
    await actions.getByLabel("Pindah ke tahap").selectOption("asesmen");
    const moved = page.waitForResponse((r) => r.request().method() === "PATCH");
    await actions.getByRole("button", { name: "Pindahkan" }).click();
    expect((await moved).status()).toBe(200);
    await header.locator(".stage").getByText("Asesmen").waitFor();
    await timeline.first().getByText("Laporan → Asesmen").waitFor();
    await actions.getByLabel("Alasan penutupan").selectOption("tertangani");
    await actions.getByRole("button", { name: "Ajukan penutupan" }).click();
    await header.getByText(/Menunggu persetujuan Sudin untuk ditutup: Tertangani/).waitFor();
    await timeline.first().getByText("Penutupan diajukan").waitFor();
    expect(await actions.getByRole("button", { name: "Ajukan penutupan" }).count()).toBe(0);
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: `${SHOTS}/43-phone-case-after-visit.png`, fullPage: true });

    expect(errors).toEqual([]);
    await context.close();
  });

  it("lets the Suku Dinas officer find the case on the board and approve its closure", async () => {
    expect(created).toBeDefined();
    const kase = created as CaseDto;
    const { context, page, errors } = await openAs(server, "sudin", "/kasus");
    await page.getByRole("heading", { level: 1, name: "Kasus" }).waitFor();
    await page.getByLabel("Urgensi").selectOption("darurat");
    await page.getByLabel("Wilayah").selectOption(KEBON_KELAPA);
    await page.locator(".case-list").getByRole("link", { name: kase.caseNumber }).waitFor();
    // The previous page stays on screen while the filtered one loads: wait until only darurat remain.
    await expect
      .poll(async () => [...new Set(await page.locator(".case-list .urgency").allTextContents())])
      .toEqual(["Darurat"]);
    await page.screenshot({ path: `${SHOTS}/44-cases-list.png`, fullPage: true });

    await page.getByRole("button", { name: "Papan tahap" }).click();
    const columns = page.locator(".board-column");
    await columns.first().waitFor();
    expect(await columns.locator(".board-title .stage").allTextContents()).toEqual([
      "Laporan",
      "Asesmen",
      "Rencana",
      "Intervensi",
      "Pemantauan",
      "Selesai",
    ]);
    await columns.nth(1).getByRole("link", { name: kase.caseNumber }).waitFor();
    await page.screenshot({ path: `${SHOTS}/45-cases-board.png`, fullPage: true });

    await columns.nth(1).getByRole("link", { name: kase.caseNumber }).click();
    await page.getByRole("heading", { level: 1, name: kase.subjectLabel }).waitFor();
    const header = page.locator(".case-header");

    // Transfer the case to the kecamatan's TKSK: the header names them, the history keeps both holders.
    const assignment = page.locator("#petugas");
    const tkskOption = assignment.getByLabel("Alihkan ke petugas").locator("option", { hasText: "(TKSK" });
    const tkskLabel = (await tkskOption.first().textContent()) ?? "";
    const tkskName = tkskLabel.slice(0, tkskLabel.indexOf(" ("));
    await assignment.getByLabel("Alihkan ke petugas").selectOption({ label: tkskLabel });
    await assignment.getByLabel("Alasan (opsional)").fill("Perlu koordinasi tingkat kecamatan");
    const reassigned = page.waitForResponse((r) => r.request().method() === "PATCH");
    await assignment.getByRole("button", { name: "Alihkan petugas" }).click();
    expect((await reassigned).status()).toBe(200);
    await assignment.getByText(`Kasus kini dipegang ${tkskName}.`).waitFor();
    expect(await header.locator(".facts").textContent()).toContain(tkskName);
    const holders = assignment.locator(".assignment-item");
    await holders.nth(1).getByText(tkskName).waitFor();
    expect(await holders.count()).toBe(2);
    expect(await holders.nth(0).locator(".item-meta").textContent()).toMatch(/ – /);
    expect(await holders.nth(1).locator(".item-meta").textContent()).toMatch(
      /^sejak .* \(kini\) · ditetapkan /,
    );

    const actions = page.locator("#tindakan");
    expect(await actions.getByLabel("Alasan penutupan").inputValue()).toBe("tertangani");
    await actions.getByRole("button", { name: "Tolak penutupan" }).waitFor();
    const approved = page.waitForResponse(
      (r) => r.url().endsWith("/events") && r.request().method() === "POST",
    );
    await actions.getByRole("button", { name: "Setujui penutupan" }).click();
    expect((await approved).status()).toBe(201);
    await header.locator(".stage").getByText("Selesai").waitFor();
    expect(await header.getByText(/Menunggu persetujuan/).count()).toBe(0);
    await page.locator("#riwayat .timeline-event").first().getByText("Kasus ditutup").waitFor();
    // A closed case can only be reopened.
    await actions.getByRole("button", { name: "Buka kembali" }).waitFor();
    await page.screenshot({ path: `${SHOTS}/46-case-closed-by-sudin.png`, fullPage: true });

    // The reports count it among the closed cases of Kebon Kelapa.
    await page.goto(`${server.baseUrl}/kasus/laporan?region=${KEBON_KELAPA}`);
    await page.getByRole("heading", { level: 1, name: "Laporan kasus" }).waitFor();
    const report = (await (
      await page.request.get(`${server.baseUrl}/api/v1/case-reports?region=${KEBON_KELAPA}`)
    ).json()) as CaseReportDto;
    const row = report.byRegion.find((r) => r.regionCode === KEBON_KELAPA);
    expect(row?.closed).toBeGreaterThan(0);
    const regionRow = page.locator("#by-region").locator("xpath=..").locator("tbody tr").first();
    expect(await regionRow.locator("th").textContent()).toBe("31.71.01.1005 Kebon Kelapa");
    expect(await regionRow.locator("td").allTextContents()).toEqual([String(row?.open), String(row?.closed)]);
    expect(await page.getByRole("link", { name: "Unduh XLSX" }).getAttribute("href")).toBe(
      `/api/v1/case-reports.xlsx?region=${KEBON_KELAPA}`,
    );
    await page.screenshot({ path: `${SHOTS}/47-case-report.png`, fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  it("shows the list and the board on a phone without sideways scrolling", async () => {
    const { context, page, errors } = await openAs(server, "psm.kebon-kelapa", "/kasus", { viewport: PHONE });
    await page.locator(".case-list .case-card").first().waitFor();
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: `${SHOTS}/48-phone-cases-list.png`, fullPage: true });
    await page.getByRole("button", { name: "Papan tahap" }).click();
    await page.locator(".board-column").first().waitFor();
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: `${SHOTS}/49-phone-cases-board.png`, fullPage: true });

    // Every text follows the language switch, the urgency tags included.
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { level: 1, name: "Cases" }).waitFor();
    expect(await page.getByRole("button", { name: "Stage board" }).getAttribute("aria-pressed")).toBe("true");
    expect(await page.locator(".board-title .stage").allTextContents()).toEqual([
      "Report",
      "Assessment",
      "Plan",
      "Intervention",
      "Monitoring",
      "Closed",
    ]);
    const urgencies = new Set(await page.locator(".case-board .urgency").allTextContents());
    expect([...urgencies].every((u) => ["Emergency", "High", "Normal"].includes(u))).toBe(true);
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: `${SHOTS}/50-phone-cases-board-en.png`, fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });
});
