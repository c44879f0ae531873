/**
 * Logins, roles and the audit trail in Chromium: a PSM on a phone, a wrong password, the admin
 * creating and disabling a user, and the Suku Dinas officer reading the audit trail. Waits on
 * elements and responses, never on time. Screenshots go to test-results/.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { SessionInfo } from "../src/core/api/auth.schema.ts";
import {
  expectNoHorizontalOverflow,
  navigationPlaces,
  openPage,
  PHONE,
  SHOTS,
  serveForFile,
} from "./support.ts";

const PASSWORD = "kopi tubruk pagi hari";
const server = serveForFile({ households: 40, demoPassword: PASSWORD });

/** Fills the login form and submits it; resolves to the login response. */
async function logIn(page: Page, username: string, password: string) {
  await page.getByLabel("Nama pengguna").fill(username);
  await page.getByLabel("Kata sandi").fill(password);
  const response = page.waitForResponse((r) => r.url().endsWith("/api/v1/auth/login"));
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  return response;
}

describe("logins and roles in the browser", () => {
  it("logs a PSM in on a phone, returns to the page they wanted, and logs out", async () => {
    const { context, page, errors } = await openPage(server.browser, PHONE);
    await page.goto(`${server.baseUrl}/profil`);
    await page.waitForURL(/\/masuk\?next=%2Fprofil$/);
    await page.getByRole("heading", { level: 1, name: "Masuk ke Peduli" }).waitFor();
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: `${SHOTS}/20-phone-login.png`, fullPage: true });

    const response = await logIn(page, "psm.kebon-kelapa", server.demoPassword);
    expect(response.status()).toBe(200);
    const session = (await response.json()) as SessionInfo;
    await page.waitForURL(/\/profil$/);
    await page.getByRole("heading", { level: 1, name: "Profil saya" }).waitFor();
    const header = page.locator(".app-header");
    await header.getByText(session.user.displayName).waitFor();
    expect(await header.locator(".user-role").textContent()).toBe("PSM");
    expect(await page.locator(".facts").textContent()).toContain("31.71.01.1005 Kebon Kelapa");
    // A PSM manages no users and reads no audit trail: the navigation does not offer them.
    const psmLinks = await navigationPlaces(page);
    expect(psmLinks).toContain("Wilayah");
    expect(psmLinks).not.toContain("Pengguna");
    expect(psmLinks).not.toContain("Audit");
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: `${SHOTS}/21-phone-profile-psm.png`, fullPage: true });

    // An API token is shown once, then listed by its prefix only.
    await page.getByLabel("Nama token").fill("ponsel lapangan");
    await page.getByRole("button", { name: "Buat token" }).click();
    const secret = (await page.locator("#token-secret").textContent()) ?? "";
    expect(secret).toMatch(/^pdl_/);
    await page.locator(".item-list").getByText("ponsel lapangan").waitFor();
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: `${SHOTS}/22-phone-token.png`, fullPage: true });

    await header.getByRole("button", { name: "Keluar" }).click();
    await page.waitForURL(/\/masuk$/);
    expect(await header.getByText(session.user.displayName).count()).toBe(0);
    await page.goto(`${server.baseUrl}/admin/pengguna`);
    await page.waitForURL(/\/masuk\?next=%2Fadmin%2Fpengguna$/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("sends the user back to the login page when the session ends, and returns afterwards", async () => {
    const { context, page, errors } = await openPage(server.browser, PHONE);
    await page.goto(`${server.baseUrl}/masuk?next=%2Fprofil`);
    await logIn(page, "tksk.gambir", server.demoPassword);
    await page.getByRole("heading", { level: 1, name: "Profil saya" }).waitFor();
    // The session cookie disappears (expired, or ended elsewhere): the next request answers 401.
    await context.clearCookies();
    await page.getByLabel("Nama token").fill("tablet");
    await page.getByRole("button", { name: "Buat token" }).click();
    await page.waitForURL(/\/masuk\?next=%2Fprofil$/);
    await logIn(page, "tksk.gambir", server.demoPassword);
    await page.waitForURL(/\/profil$/);
    await page.locator(".app-header .user-role").getByText("TKSK").waitFor();
    expect(errors.filter((e) => !e.includes("401"))).toEqual([]);
    await context.close();
  });

  it("refuses a wrong password with an Indonesian message", async () => {
    const { context, page, errors } = await openPage(server.browser, PHONE);
    await page.goto(`${server.baseUrl}/masuk`);
    const response = await logIn(page, "psm.kebon-kelapa", "salah sekali ini");
    expect(response.status()).toBe(401);
    await page.getByRole("alert").getByText("Nama pengguna atau kata sandi salah.").waitFor();
    expect(page.url()).toBe(`${server.baseUrl}/masuk`);
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: `${SHOTS}/23-phone-wrong-password.png`, fullPage: true });
    expect(errors.filter((e) => !e.includes("401"))).toEqual([]);
    await context.close();
  });

  it("lets the admin create a PSM login and disable it", async () => {
    const { context, page, errors } = await openPage(server.browser);
    page.on("dialog", (dialog) => void dialog.accept());
    await page.goto(`${server.baseUrl}/masuk`);
    await logIn(page, "admin", server.demoPassword);
    await page.waitForURL(/\/wilayah$/);
    const nav = page.getByRole("navigation", { name: "Navigasi utama" });
    expect(await navigationPlaces(page)).toEqual(expect.arrayContaining(["Pengguna", "Audit"]));
    await nav.getByRole("link", { name: "Pengguna" }).click();
    await page.getByRole("heading", { level: 1, name: "Pengguna" }).waitFor();
    await page.locator(".user-item").first().waitFor();
    await page.screenshot({ path: `${SHOTS}/24-admin-users.png`, fullPage: true });
    await page.getByLabel("Cari nama atau nama pengguna").fill("kebon");
    await page.locator("[data-username='psm.kebon-kelapa']").waitFor();

    await page.getByRole("button", { name: "Tambah pengguna" }).click();
    await page.locator("#new-username").fill("psm.uji-coba");
    await page.locator("#new-name").fill("Siti Uji Coba");
    await page.locator("#new-role").selectOption("psm");
    const region = page.locator("#new-region");
    await region.locator("option[value='3171011005']").waitFor({ state: "attached" });
    await region.selectOption("3171011005");
    const created = page.waitForResponse(
      (r) => r.url().endsWith("/api/v1/users") && r.request().method() === "POST",
    );
    await page.getByRole("button", { name: "Buat pengguna" }).click();
    expect((await created).status()).toBe(201);
    await page.getByText("Pengguna psm.uji-coba sudah dibuat.").waitFor();
    const generated = (await page.getByTestId("generated-password").textContent()) ?? "";
    expect(generated.length).toBeGreaterThanOrEqual(12);
    await page.screenshot({ path: `${SHOTS}/25-admin-user-created.png`, fullPage: true });

    await page.getByLabel("Cari nama atau nama pengguna").fill("uji-coba");
    const row = page.locator("[data-username='psm.uji-coba']");
    await row.waitFor();
    expect(await row.textContent()).toContain("31.71.01.1005 Kebon Kelapa");
    expect(await row.locator(".tag-ok").textContent()).toBe("Aktif");
    await row.getByRole("button", { name: "Kelola" }).click();
    await row.getByRole("button", { name: "Nonaktifkan" }).click();
    await row.locator(".tag-danger").getByText("Nonaktif").waitFor();
    await row.getByText("Pengguna dinonaktifkan dan sesinya diakhiri.").waitFor();
    // The account's own history lists its creation and the change.
    await row.locator(".record-history").getByText("Diubah").waitFor();
    expect(await row.locator(".record-history").getByText("Dibuat").count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}/26-admin-user-disabled.png`, fullPage: true });

    // The disabled account cannot log in any more.
    const api = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "psm.uji-coba", password: generated }),
    });
    expect(api.status).toBe(403);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("shows the Suku Dinas officer the audit trail", async () => {
    const { context, page, errors } = await openPage(server.browser);
    await page.goto(`${server.baseUrl}/admin/audit`);
    await page.waitForURL(/\/masuk\?next=%2Fadmin%2Faudit$/);
    await logIn(page, "sudin", server.demoPassword);
    await page.waitForURL(/\/admin\/audit$/);
    await page.getByRole("heading", { level: 1, name: "Jejak audit" }).waitFor();
    const entries = page.locator(".audit-entry");
    await entries.first().waitFor();
    expect(await entries.count()).toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: `${SHOTS}/27-sudin-audit.png`, fullPage: true });

    await page.getByLabel("Tabel").fill("users");
    await page.getByLabel("Tindakan").selectOption("update");
    const filtered = page.waitForResponse(
      (r) => r.url().includes("/api/v1/audit?") && r.url().includes("action=update"),
    );
    await page.getByRole("button", { name: "Cari" }).click();
    const body = (await (await filtered).json()) as { items: { table: string; action: string }[] };
    expect(body.items.length).toBeGreaterThanOrEqual(1);
    expect(body.items.every((e) => e.table === "users" && e.action === "update")).toBe(true);
    await entries.first().getByText("Diubah").waitFor();
    expect(await page.getByRole("link", { name: "Unduh CSV" }).getAttribute("href")).toBe(
      "/api/v1/audit/export?table=users&action=update",
    );
    await page.screenshot({ path: `${SHOTS}/28-sudin-audit-filtered.png`, fullPage: true });

    await page.setViewportSize(PHONE);
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: `${SHOTS}/29-phone-audit.png`, fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });
});
