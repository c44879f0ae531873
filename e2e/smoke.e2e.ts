/**
 * Smoke test of the web app in Chromium: a demo-seeded server, the region browser from the city
 * down to a kecamatan, the language switch, the not-found page, and a phone-sized screen.
 * Waits on elements and responses, never on time. Screenshots go to test-results/.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RegionDetail } from "../src/web/api/client.ts";
import {
  type E2eServer,
  expectNoHorizontalOverflow,
  openPage as open,
  PHONE,
  SHOTS,
  startE2e,
} from "./support.ts";

const KECAMATAN = [
  "Gambir",
  "Sawah Besar",
  "Kemayoran",
  "Senen",
  "Cempaka Putih",
  "Menteng",
  "Tanah Abang",
  "Johar Baru",
];
const GAMBIR_KELURAHAN = [
  ["31.71.01.1001", "Gambir"],
  ["31.71.01.1002", "Cideng"],
  ["31.71.01.1003", "Petojo Utara"],
  ["31.71.01.1004", "Petojo Selatan"],
  ["31.71.01.1005", "Kebon Kelapa"],
  ["31.71.01.1006", "Duri Pulo"],
];

let server: E2eServer;
let baseUrl: string;

beforeAll(async () => {
  server = await startE2e({ households: 300 });
  baseUrl = server.baseUrl;
});

afterAll(async () => {
  await server?.close();
});

const openPage = (viewport?: { width: number; height: number }) => open(server.browser, viewport);

/** Texts of the region table's rows: [name, dotted code]. */
async function regionRows(page: Page): Promise<string[][]> {
  const rows = page.locator(".region-table tbody tr");
  const names = await rows.locator(".row-link").allTextContents();
  const codes = await rows.locator(".region-meta .code").allTextContents();
  return names.map((name, i) => [codes[i] ?? "", name]);
}

async function regionFromApi(code: string): Promise<RegionDetail> {
  const response = await fetch(`${baseUrl}/api/v1/regions/${code}?depth=1`);
  return (await response.json()) as RegionDetail;
}

describe("web app smoke test", () => {
  it("browses from the root to Jakarta Pusat and Gambir, in Indonesian", async () => {
    const { context, page, errors } = await openPage();
    const rootsLoaded = page.waitForResponse(
      (r) => new URL(r.url()).pathname === "/api/v1/regions" && r.ok(),
    );
    await page.goto(`${baseUrl}/`);
    await rootsLoaded;
    await page.waitForURL(/\/wilayah$/);
    expect(await page.getAttribute("html", "lang")).toBe("id");
    await page.getByRole("heading", { level: 1, name: "Wilayah" }).waitFor();
    expect(await regionRows(page)).toEqual([["31", "Daerah Khusus Ibukota Jakarta"]]);
    await page.screenshot({ path: `${SHOTS}/01-wilayah.png`, fullPage: true });

    await page.getByRole("link", { name: "Daerah Khusus Ibukota Jakarta" }).click();
    await page.getByRole("heading", { level: 1, name: "Daerah Khusus Ibukota Jakarta" }).waitFor();
    await page.getByRole("link", { name: "Kota Administrasi Jakarta Pusat" }).click();
    await page.getByRole("heading", { level: 1, name: "Kota Administrasi Jakarta Pusat" }).waitFor();
    expect(page.url()).toBe(`${baseUrl}/wilayah/3171`);

    const rows = await regionRows(page);
    expect(rows.map(([, name]) => name)).toEqual(KECAMATAN);
    expect(rows.map(([code]) => code)).toEqual(KECAMATAN.map((_, i) => `31.71.0${i + 1}`));
    await page
      .getByRole("heading", { level: 2, name: /Kecamatan di Kota Administrasi Jakarta Pusat/ })
      .waitFor();

    // Totals as the API counts them, formatted the Indonesian way.
    const city = await regionFromApi("3171");
    expect(city.region.households).toBe(300);
    const stats = page.locator(".stats");
    expect(await stats.locator("dt").allTextContents()).toEqual(["Keluarga", "Jiwa"]);
    expect(await stats.locator("dd").allTextContents()).toEqual([
      "300",
      new Intl.NumberFormat("id-ID").format(city.region.persons),
    ]);
    const breadcrumb = page.getByRole("navigation", { name: "Lokasi halaman" });
    expect(await breadcrumb.locator("li").allTextContents()).toEqual([
      "Semua wilayah",
      "Daerah Khusus Ibukota Jakarta",
      "Kota Administrasi Jakarta Pusat",
    ]);
    await page.screenshot({ path: `${SHOTS}/02-jakarta-pusat.png`, fullPage: true });

    await page.getByRole("link", { name: "Gambir", exact: true }).first().click();
    await page.getByRole("heading", { level: 1, name: "Gambir" }).waitFor();
    expect(page.url()).toBe(`${baseUrl}/wilayah/317101`);
    expect(await regionRows(page)).toEqual(GAMBIR_KELURAHAN);
    expect(await breadcrumb.locator("li").allTextContents()).toEqual([
      "Semua wilayah",
      "Daerah Khusus Ibukota Jakarta",
      "Kota Administrasi Jakarta Pusat",
      "Gambir",
    ]);
    await page.screenshot({ path: `${SHOTS}/03-gambir.png`, fullPage: true });

    // Back up through the breadcrumb.
    await breadcrumb.getByRole("link", { name: "Kota Administrasi Jakarta Pusat" }).click();
    await page.getByRole("heading", { level: 1, name: "Kota Administrasi Jakarta Pusat" }).waitFor();

    expect(errors).toEqual([]);
    await context.close();
  });

  it("switches to English, remembers it, and asks the API in English", async () => {
    const { context, page, errors } = await openPage();
    await page.goto(`${baseUrl}/wilayah/3171`);
    await page.getByRole("heading", { level: 1, name: "Kota Administrasi Jakarta Pusat" }).waitFor();

    await page.getByRole("button", { name: "English" }).click();
    await page
      .getByRole("heading", { level: 2, name: /Districts in Kota Administrasi Jakarta Pusat/ })
      .waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.locator(".stats dt").allTextContents()).toEqual(["Households", "Persons"]);
    expect(await page.getByRole("link", { name: "Regions" }).count()).toBeGreaterThan(0);
    expect(await page.getByRole("button", { name: "English" }).getAttribute("aria-pressed")).toBe("true");
    await page.screenshot({ path: `${SHOTS}/04-jakarta-pusat-en.png`, fullPage: true });

    // The choice survives a reload, and error details come back in English.
    const problem = page.waitForResponse((r) => r.url().includes("/api/v1/regions/9999"));
    await page.goto(`${baseUrl}/wilayah/9999`);
    const response = await problem;
    expect(response.status()).toBe(404);
    expect(response.request().headers()["accept-language"]).toBe("en");
    await page.getByRole("alert").getByText("Region 9999 was not found.").waitFor();
    await page.screenshot({ path: `${SHOTS}/05-unknown-region-en.png`, fullPage: true });

    await page.getByRole("button", { name: "Bahasa Indonesia" }).click();
    await page.getByRole("alert").getByText("Wilayah 9999 tidak ditemukan.").waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("id");

    expect(errors.filter((e) => !e.includes("404"))).toEqual([]);
    await context.close();
  });

  it("shows a not-found page with a way home for unknown addresses", async () => {
    const { context, page, errors } = await openPage();
    await page.goto(`${baseUrl}/tidak-ada`);
    await page.getByRole("heading", { level: 1, name: "Halaman tidak ditemukan" }).waitFor();
    await page.screenshot({ path: `${SHOTS}/11-not-found.png`, fullPage: true });
    await page.getByRole("link", { name: "Kembali ke beranda" }).click();
    await page.getByRole("heading", { level: 1, name: "Wilayah" }).waitFor();
    expect(page.url()).toBe(`${baseUrl}/wilayah`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("fits a 360 px phone screen without sideways scrolling", async () => {
    const { context, page, errors } = await openPage(PHONE);
    await page.goto(`${baseUrl}/wilayah`);
    await page.getByRole("heading", { level: 1, name: "Wilayah" }).waitFor();
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: `${SHOTS}/06-phone-wilayah.png`, fullPage: true });

    for (const [code, name, shot] of [
      ["3171", "Kota Administrasi Jakarta Pusat", "07-phone-jakarta-pusat"],
      ["317107", "Tanah Abang", "08-phone-tanah-abang"],
      ["3171071002", "Bendungan Hilir", "09-phone-kelurahan"],
    ] as const) {
      await page.goto(`${baseUrl}/wilayah/${code}`);
      await page.getByRole("heading", { level: 1, name }).waitFor();
      await expectNoHorizontalOverflow(page);
      await page.screenshot({ path: `${SHOTS}/${shot}.png`, fullPage: true });
    }
    // A kelurahan has nothing below it: the empty state says so.
    await page.getByText("Tidak ada wilayah di bawah Bendungan Hilir.").waitFor();

    await page.getByRole("button", { name: "English" }).click();
    await page.getByText("There are no regions within Bendungan Hilir.").waitFor();
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: `${SHOTS}/10-phone-kelurahan-en.png`, fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });
});
