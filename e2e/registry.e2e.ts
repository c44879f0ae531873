/**
 * The registry in Chromium: a PSM on a phone registers a household with two people (one without
 * NIK, after a wrong NIK is refused with the core's message), finds it in the list with the NIK
 * masked, reveals the NIK on the household page and adds a PPKS classification; the Suku Dinas
 * officer checks an import file with one bad row and reads that row's reason. Waits on elements
 * and responses, never on time. Screenshots go to test-results/.
 */
import { describe, expect, it } from "vitest";
import {
  expectNoHorizontalOverflow,
  KEBON_KELAPA_GPS,
  openAs,
  PHONE,
  SHOTS,
  serveForFile,
} from "./support.ts";

const PASSWORD = "kopi tubruk pagi hari";
const KK = "3171012203259850";
const NIK = "3171014508909871";
const MASKED_NIK = "3171••••••••9871";

const server = serveForFile({ households: 40, demoPassword: PASSWORD });

describe("registry in the browser", () => {
  it("lets a PSM on a phone register a household with two people and classify one as PPKS", async () => {
    // The navigation offers "Keluarga"; the form starts in the PSM's own kelurahan.
    const { context, page, errors } = await openAs(server, "psm.kebon-kelapa", "/keluarga/baru", {
      viewport: PHONE,
      geolocation: KEBON_KELAPA_GPS,
    });
    await expect.poll(() => page.getByRole("link", { name: "Keluarga", exact: true }).count()).toBe(1);
    await page.getByRole("heading", { level: 1, name: "Daftarkan keluarga" }).waitFor();
    await expect.poll(() => page.getByLabel("Kelurahan").inputValue()).toBe("3171011005");
    await page.getByLabel("Nomor KK").fill(KK);
    await page.getByLabel("RW", { exact: true }).fill("7");
    await page.getByLabel("RT", { exact: true }).fill("3");
    await page.getByLabel("Alamat").fill("Jl. Kebon Kelapa Raya Gg. Melati No. 12");
    await page.getByRole("button", { name: "Pakai lokasi saya" }).click();
    await expect.poll(() => page.getByLabel("Lintang").inputValue()).toBe("-6.170200");
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: `${SHOTS}/60-phone-register-household.png`, fullPage: true });
    const created = page.waitForResponse(
      (r) => r.url().endsWith("/api/v1/households") && r.request().method() === "POST",
    );
    await page.getByRole("button", { name: "Simpan keluarga" }).click();
    expect((await created).status()).toBe(201);
    await page.waitForURL(/\/keluarga\/[0-9a-f-]{36}$/);
    const householdPath = new URL(page.url()).pathname;

    // First member: a wrong NIK is refused with the core's reason before anything is sent.
    await page.getByRole("link", { name: "Tambah anggota" }).click();
    await page.getByRole("heading", { level: 1, name: "Tambah anggota keluarga" }).waitFor();
    await page.getByLabel("NIK", { exact: true }).fill("3171");
    await page.getByLabel("Nama lengkap").fill("Siti Rahmawati");
    await page.getByLabel("Jenis kelamin").selectOption("P");
    await page.getByLabel("Tanggal lahir").fill("1990-08-05");
    expect(await page.getByLabel("Hubungan dalam keluarga").inputValue()).toBe("kepala_keluarga");
    await page.getByRole("button", { name: "Simpan dan tambah lagi" }).click();
    await page.getByText("NIK harus 16 digit, diterima 4 digit.").waitFor();
    await page.screenshot({ path: `${SHOTS}/61-phone-person-form-error.png`, fullPage: true });
    await page.getByLabel("NIK", { exact: true }).fill(NIK);
    const first = page.waitForResponse(
      (r) => r.url().endsWith("/api/v1/persons") && r.request().method() === "POST",
    );
    await page.getByRole("button", { name: "Simpan dan tambah lagi" }).click();
    expect((await first).status()).toBe(201);
    await page.getByText("Siti Rahmawati: Tersimpan.").waitFor();

    // Second member: a child without NIK.
    await page.getByLabel("NIK belum ada").check();
    expect(await page.getByLabel("NIK", { exact: true }).count()).toBe(0);
    await page.getByLabel("Nama lengkap").fill("Putri Rahmawati");
    await page.getByLabel("Jenis kelamin").selectOption("P");
    await page.getByLabel("Tanggal lahir").fill("2016-02-10");
    await page.getByLabel("Hubungan dalam keluarga").selectOption("anak");
    await page.getByLabel("Jaminan kesehatan").selectOption("pbi");
    const second = page.waitForResponse(
      (r) => r.url().endsWith("/api/v1/persons") && r.request().method() === "POST",
    );
    await page.getByRole("button", { name: "Simpan anggota", exact: true }).click();
    const secondResponse = await second;
    expect(secondResponse.status()).toBe(201);
    expect(((await secondResponse.json()) as { nikStatus: string }).nikStatus).toBe("belum_ada");
    await page.waitForURL((url) => url.pathname === householdPath);

    // The list, searched by KK: people with the NIK masked.
    await page.goto(`${server.baseUrl}/keluarga?view=jiwa&q=${KK}`);
    await page.getByRole("heading", { name: "2 jiwa" }).waitFor();
    await page.getByText(MASKED_NIK).waitFor();
    expect(await page.getByText(NIK).count()).toBe(0);
    await page.getByText("NIK belum ada").waitFor();
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: `${SHOTS}/62-phone-person-list-masked.png`, fullPage: true });

    // The household page: members masked until "Lihat NIK", then a PPKS classification.
    await page.getByRole("link", { name: "Siti Rahmawati" }).click();
    await page.waitForURL((url) => url.pathname === householdPath);
    await page.getByRole("heading", { level: 1, name: "Jl. Kebon Kelapa Raya Gg. Melati No. 12" }).waitFor();
    await page.getByText("31.71.01.1005 Kebon Kelapa").waitFor();
    const siti = page.getByRole("article", { name: "Siti Rahmawati" });
    await siti.getByText(MASKED_NIK).waitFor();
    const reveal = page.waitForResponse((r) => /\/api\/v1\/persons\/[0-9a-f-]{36}$/.test(r.url()));
    await page.getByRole("button", { name: "Lihat NIK Siti Rahmawati" }).click();
    expect((await reveal).status()).toBe(200);
    await siti.getByText(NIK, { exact: true }).waitFor();
    await page.getByRole("link", { name: "Buat kasus" }).waitFor();

    await page.getByRole("button", { name: "Tambah klasifikasi PPKS" }).click();
    await page.getByLabel("Anggota", { exact: true }).selectOption({ label: "Putri Rahmawati" });
    await page.getByLabel("Kategori", { exact: true }).selectOption("02");
    await page.getByLabel("Sumber").selectOption("laporan_warga");
    const added = page.waitForResponse((r) => r.url().endsWith("/ppks") && r.request().method() === "POST");
    await page.getByRole("button", { name: "Simpan klasifikasi" }).click();
    expect((await added).status()).toBe(200);
    const ppks = page.getByRole("region", { name: /Klasifikasi PPKS/ });
    await ppks.getByRole("button", { name: "Tambah klasifikasi PPKS" }).waitFor();
    await ppks.getByText("02 Anak Terlantar", { exact: true }).waitFor();
    expect(await ppks.getByLabel("Ubah status 02 Anak Terlantar").inputValue()).toBe("aktif");
    await ppks.getByText(/Putri Rahmawati/).waitFor();
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: `${SHOTS}/63-phone-household-page.png`, fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  it("shows the Suku Dinas officer the reason of the bad row in a dry-run import", async () => {
    const { context, page, errors } = await openAs(server, "sudin", "/keluarga/impor");
    await page.getByRole("heading", { level: 1, name: "Impor penduduk" }).waitFor();
    const csv = [
      "no_kk,nik,nama,jenis_kelamin,tanggal_lahir,hubungan_keluarga,kode_kelurahan,rw,rt,alamat",
      "3171012203258801,3171010101808801,Bambang Suryadi,L,1980-01-01,kepala keluarga,31.71.01.1005,5,2,Jl. Kebon Kelapa No. 3",
      "3171012203258801,3171014101858801,Ani Suryadi,X,1985-01-01,istri,31.71.01.1005,5,2,Jl. Kebon Kelapa No. 3",
    ].join("\n");
    await page
      .getByLabel("Berkas CSV atau XLSX")
      .setInputFiles({ name: "warga.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    // The upload starts an import job; the page then polls it until it ends.
    const upload = page.waitForResponse((r) => r.url().includes("/api/v1/imports/persons/jobs?dryRun=true"));
    const polled = page.waitForResponse((r) =>
      /\/api\/v1\/imports\/persons\/jobs\/[0-9a-f-]+$/.test(r.url()),
    );
    await page.getByRole("button", { name: "Periksa berkas (uji coba)" }).click();
    expect((await upload).status()).toBe(202);
    expect((await polled).status()).toBe(200);
    await page.getByText("Uji coba selesai: ada baris yang perlu diperbaiki.").waitFor();
    const row = page.getByRole("row", { name: /jenis_kelamin/ });
    await row.waitFor();
    expect(await row.getByRole("cell").first().textContent()).toBe("3");
    await row.getByText('Jenis kelamin harus L (laki-laki) atau P (perempuan), diterima "X".').waitFor();
    await page.getByRole("button", { name: "Unduh laporan (CSV)" }).waitFor();
    await page.screenshot({ path: `${SHOTS}/64-import-dry-run-report.png`, fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });
});
