/**
 * PSKS and household PPKS in Chromium: a PSM opens the PSKS of their kelurahan from the region
 * page (with those of the kecamatan above, read only), registers a Karang Taruna, corrects its
 * name and deletes a wrongly registered one; then classifies a whole household as PPKS on a phone
 * and moves it to "Ditangani". Waits on elements and responses, never on time. Screenshots go to
 * test-results/.
 */
import { describe, expect, it } from "vitest";
import { expectNoHorizontalOverflow, openAs, PHONE, SHOTS, serveForFile } from "./support.ts";

const server = serveForFile({ households: 30, demoPassword: "kopi tubruk pagi hari" });

const isCall = (method: string, pattern: RegExp) => (r: { url(): string; request(): { method(): string } }) =>
  pattern.test(new URL(r.url()).pathname) && r.request().method() === method;

describe("PSKS and household PPKS in the browser", () => {
  it("lets a PSM register, edit and delete the PSKS of their kelurahan", async () => {
    const { context, page, errors } = await openAs(server, "psm.kebon-kelapa", "/wilayah/3171011005");
    await page.getByRole("link", { name: "PSKS", exact: true }).click();
    await page.waitForURL((url) => url.pathname === "/wilayah/3171011005/psks");
    await page.getByRole("heading", { level: 1, name: /^PSKS di / }).waitFor();
    // The kecamatan's LKS serves this kelurahan too: listed, marked, and not edited from here.
    const lks = page.getByRole("article", { name: "LKS Bina Sejahtera Gambir" });
    await lks.getByText("Tingkat di atas").waitFor();
    expect(await lks.getByRole("button", { name: "Ubah" }).count()).toBe(0);

    for (const name of ["Karang Taruna RW 07", "LKS Salah Daftar"]) {
      await page.getByRole("button", { name: "Daftarkan PSKS" }).click();
      const form = page.getByRole("form", { name: "Daftarkan PSKS" });
      await form.getByLabel("Jenis").selectOption({ label: "Karang Taruna" });
      await form.getByLabel("Nama lembaga").fill(name);
      await form.getByLabel("Nomor telepon (opsional)").fill("0812 3456 7890");
      const created = page.waitForResponse(isCall("POST", /\/api\/v1\/psks$/));
      await form.getByRole("button", { name: "Simpan PSKS" }).click();
      expect((await created).status()).toBe(201);
      await page.getByRole("article", { name }).waitFor();
    }

    const karangTaruna = page.getByRole("article", { name: "Karang Taruna RW 07" });
    await karangTaruna.getByText("081234567890", { exact: false }).waitFor();
    await karangTaruna.getByRole("button", { name: "Ubah" }).click();
    const edit = page.getByRole("form", { name: "Ubah Karang Taruna RW 07" });
    await edit.getByLabel("Nama lembaga").fill("Karang Taruna Kebon Kelapa");
    const changed = page.waitForResponse(isCall("PATCH", /\/api\/v1\/psks\/[0-9a-f-]{36}$/));
    await edit.getByRole("button", { name: "Simpan PSKS" }).click();
    expect((await changed).status()).toBe(200);
    await page.getByRole("article", { name: "Karang Taruna Kebon Kelapa" }).waitFor();

    const wrong = page.getByRole("article", { name: "LKS Salah Daftar" });
    await wrong.getByRole("button", { name: "Hapus" }).click();
    const deleted = page.waitForResponse(isCall("DELETE", /\/api\/v1\/psks\/[0-9a-f-]{36}$/));
    await wrong.getByRole("button", { name: "Ya, hapus LKS Salah Daftar" }).click();
    expect((await deleted).status()).toBe(204);
    await expect.poll(() => page.getByRole("article", { name: "LKS Salah Daftar" }).count()).toBe(0);
    await page.getByRole("article", { name: "Karang Taruna Kebon Kelapa" }).waitFor();
    await page.screenshot({ path: `${SHOTS}/90-desktop-psks.png`, fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  it("lets a PSM on a phone classify a whole household as PPKS and change its status", async () => {
    const { context, page, errors } = await openAs(
      server,
      "psm.kebon-kelapa",
      "/keluarga?region=3171011005",
      { viewport: PHONE },
    );
    await page.locator(".item-title a").first().click();
    await page.waitForURL(/\/keluarga\/[0-9a-f-]{36}$/);

    await page.getByRole("button", { name: "Tambah klasifikasi PPKS" }).click();
    expect(await page.getByLabel("Anggota", { exact: true }).inputValue()).toBe("keluarga");
    await page.getByLabel("Kategori", { exact: true }).selectOption("24");
    await page.getByLabel("Sumber").selectOption("dtks");
    const added = page.waitForResponse(isCall("POST", /\/api\/v1\/households\/[0-9a-f-]{36}\/ppks$/));
    await page.getByRole("button", { name: "Simpan klasifikasi" }).click();
    expect((await added).status()).toBe(201);
    const ppks = page.getByRole("region", { name: /Klasifikasi PPKS/ });
    await ppks
      .getByText(/Seluruh keluarga/)
      .first()
      .waitFor();

    const status = ppks.getByLabel("Ubah status 24 Fakir Miskin").first();
    const changed = page.waitForResponse(
      isCall("PATCH", /\/api\/v1\/households\/[0-9a-f-]{36}\/ppks\/[0-9a-f-]{36}$/),
    );
    await status.selectOption("ditangani");
    expect((await changed).status()).toBe(200);
    await expect.poll(() => status.inputValue()).toBe("ditangani");
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: `${SHOTS}/91-phone-household-ppks.png`, fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });
});
