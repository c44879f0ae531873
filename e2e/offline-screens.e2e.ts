/**
 * The offline field screens in Chromium on a 360×740 phone: a PSM without signal assesses a held
 * household and sees the verdict computed on the phone; after the connection returns the server
 * holds the assessment with the same score. The admin's device page lists the phone with what it
 * holds; wiping it clears the phone's data at its next contact. Waits on elements and responses.
 */
import { describe, expect, it } from "vitest";
import {
  answerIndicators,
  expectNoHorizontalOverflow,
  goOffline,
  openAs,
  PHONE,
  PNG_BYTES,
  prepareOffline,
  SHOTS,
  serveForFile,
  waitForOfflineData,
} from "./support.ts";

const PASSWORD = "sinyal hilang di gang";
const PSM = "psm.kebon-kelapa";
const server = serveForFile({ households: 30, demoPassword: PASSWORD });

describe("offline field screens", () => {
  it("scores an assessment on the phone without signal, sends it with the same score, and wipes the phone on request", async () => {
    const phone = await openAs(server, PSM, "/luring", { viewport: PHONE });
    const { page } = phone;
    await prepareOffline(page);

    const form = page.getByRole("form", { name: "Penilaian kemiskinan (luring)" });
    await form.getByLabel("Pendapatan per kapita per bulan (Rp/bulan)").waitFor({ timeout: 30_000 });

    // The household is found by typing (a kelurahan holds thousands): part of a held address.
    const picker = form.getByRole("combobox", { name: "Keluarga yang dinilai" });
    const listbox = form.getByRole("listbox", { name: "Keluarga yang dinilai" });
    await picker.click();
    const first = listbox.getByRole("option").first();
    const address = (await first.locator(".picker-title").textContent())!.trim();
    const [firstWord, secondWord] = address.split(" ");
    // One word matches many households: at most 20 are shown, with the count of all.
    await picker.pressSequentially(firstWord!);
    await form.getByText(/\d+ (dari \d+ yang )?cocok/).waitFor();
    expect(await listbox.getByRole("option").count()).toBeLessThanOrEqual(20);
    await picker.evaluate((el) => {
      el.closest(".picker")?.scrollIntoView({ block: "start" });
      window.scrollBy(0, -12);
    });
    await page.screenshot({ path: `${SHOTS}/71-offline-picker-phone.png` });
    await picker.pressSequentially(` ${secondWord}`);
    const matches = listbox.getByRole("option").filter({ hasText: address });
    await matches.first().waitFor();
    // Keyboard: the first match is highlighted with the arrow and chosen with Enter.
    await picker.press("ArrowDown");
    expect(await picker.getAttribute("aria-activedescendant")).toBeTruthy();
    const chosenTitle = (await listbox
      .getByRole("option", { selected: true })
      .locator(".picker-title")
      .textContent())!;
    await picker.press("Enter");
    await form.getByRole("button", { name: "Ganti" }).waitFor();
    expect(await picker.inputValue()).toContain(chosenTitle.trim());
    await form.locator(".picker").screenshot({ path: `${SHOTS}/71-offline-picker-chosen-phone.png` });
    const householdId = await form.locator("input[name=householdId]").inputValue();
    expect(householdId).toBeTruthy();
    const onServer = async () => {
      const r = await page.request.get(`${server.baseUrl}/api/v1/households/${householdId}/assessments`);
      return (
        (await r.json()) as { items: { id: string; score: number; poor: boolean; deprived: unknown[] }[] }
      ).items;
    };
    // The demo data may already hold assessments of this household: the new one is the one not listed now.
    const before = new Set((await onServer()).map((a) => a.id));

    await goOffline(phone.context, page);
    await answerIndicators(form, { leaveNikOpen: true });
    // Not every indicator answered yet: no verdict, the count of what is left instead.
    await expect
      .poll(() => form.getByTestId("assessment-remaining").textContent())
      .toContain("1 belum dijawab");
    await form
      .getByRole("group", { name: "Ada anggota tanpa NIK" })
      .getByLabel("Tidak", { exact: true })
      .check();

    const verdict = form.getByRole("region", { name: "Hasil penilaian" });
    await verdict.getByText("Miskin multidimensi", { exact: true }).waitFor();
    // Economy 3/3 (1/5), education 1/2 (1/10), health 1/3 (1/15), housing 3/7 (3/35), protection 1/2 (1/10).
    const expected = 1 / 5 + 1 / 10 + 1 / 15 + 3 / 35 + 1 / 10;
    const shown = `${(expected * 100).toLocaleString("id-ID", { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`;
    expect(await verdict.getByTestId("poverty-score").textContent()).toBe(shown);
    await verdict.getByText("Pendapatan per orang kurang dari Rp600.000 sebulan").waitFor();
    await verdict.getByText("Penerangan bukan listrik atau listrik 450 VA").waitFor();
    expect(await verdict.locator(".poverty-deprived li").count()).toBe(9);
    await expectNoHorizontalOverflow(page);
    await verdict.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/72-offline-assessment-phone.png` });

    await form.getByRole("button", { name: "Simpan penilaian" }).click();
    await page.getByRole("alert").filter({ hasText: "Penilaian disimpan di ponsel" }).waitFor();
    await page.getByRole("region", { name: "Hasil penilaian tersimpan" }).getByText(shown).waitFor();
    await expect.poll(() => page.getByTestId("pending").textContent()).toContain("1 perubahan");
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: `${SHOTS}/73-offline-assessment-saved-phone.png`, fullPage: true });

    // An open task marked done without signal.
    const task = page.getByRole("region", { name: "Tugas terbuka" }).locator("li[data-task]").first();
    const taskId = (await task.getAttribute("data-task"))!;
    const caseId = (await task.getAttribute("data-case"))!;
    await task.getByRole("button", { name: /^Tandai selesai:/ }).click();
    await task.getByText("Selesai — menunggu dikirim").waitFor();
    await expect.poll(() => page.getByTestId("pending").textContent()).toContain("2 perubahan");

    await phone.context.setOffline(false);
    // Chromium keeps the service worker's fetches offline until the page loads again.
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Kerja luring" }).waitFor();
    const added = async () => (await onServer()).filter((a) => !before.has(a.id));
    await expect.poll(async () => (await added()).length, { timeout: 30_000 }).toBe(1);
    const [stored] = await added();
    expect(stored!.score).toBeCloseTo(expected, 12);
    expect(stored!.poor).toBe(true);
    expect(stored!.deprived).toHaveLength(9);
    await expect
      .poll(() => page.getByTestId("pending").textContent(), { timeout: 30_000 })
      .toContain("0 perubahan");
    const tasks = await page.request.get(`${server.baseUrl}/api/v1/cases/${caseId}/tasks`);
    const done = ((await tasks.json()) as { items: { id: string; status: string }[] }).items.find(
      (x) => x.id === taskId,
    );
    expect(done?.status).toBe("done");
    expect(phone.errors).toEqual([]);

    // The admin sees the phone, what it holds, and asks for a wipe.
    const admin = await openAs(server, "admin", "/admin/perangkat");
    await admin.page.getByRole("heading", { level: 1, name: "Perangkat luring" }).waitFor();
    const device = admin.page.locator(`li[data-username="${PSM}"]`);
    await expect.poll(() => device.count(), { timeout: 30_000 }).toBe(1);
    expect(await device.getByTestId("device-held").textContent()).toMatch(/\d+ keluarga/);
    expect(await device.getByTestId("device-pending").textContent()).toBe("0");
    admin.page.once("dialog", (dialog) => void dialog.accept());
    await device.getByRole("button", { name: /Hapus data perangkat/ }).click();
    await device.getByTestId("device-state").filter({ hasText: "Menunggu dihapus" }).waitFor();
    await admin.page.screenshot({ path: `${SHOTS}/74-admin-devices.png`, fullPage: true });

    // The phone's next contact wipes it: the held data and the encrypted database are gone.
    await page.getByRole("button", { name: "Sinkronkan sekarang" }).click();
    await page.getByRole("heading", { name: "Siapkan data luring" }).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("held").count()).toBe(0);
    expect(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).not.toContain(
      "peduli-offline",
    );
    await admin.page.reload();
    await device.getByTestId("device-state").filter({ hasText: "Data sudah dihapus" }).waitFor();
    expect(admin.errors).toEqual([]);
    await admin.context.close();
    await phone.context.close();
  }, 180_000);

  it("shows a refused change with its reason to fix and resend, and a conflict with both values to choose", async () => {
    const phone = await openAs(server, PSM, "/luring", { viewport: PHONE });
    const { page } = phone;
    await waitForOfflineData(page);

    // The same PSM at a desk (own session) changes a household's address on the server.
    const desk = await openAs(server, PSM, "/profil");
    const me = await (await desk.page.request.get(`${server.baseUrl}/api/v1/auth/me`)).json();
    const headers = { "x-csrf-token": me.csrfToken as string };

    const edit = page.getByRole("form", { name: "Perbaiki data keluarga" });
    await edit.getByRole("combobox").click();
    await edit.getByRole("option").first().click();
    const householdId = await edit.locator("input[name=recordId]").inputValue();
    expect(householdId).toBeTruthy();
    await goOffline(phone.context, page);
    await edit.getByLabel("Alamat").fill("Jl. Dari Ponsel 1");
    await edit.getByRole("button", { name: "Simpan perbaikan" }).click();
    await page.getByRole("alert").filter({ hasText: "Perbaikan disimpan di ponsel" }).waitFor();

    // A household in a kelurahan outside the PSM's region: the server will refuse it.
    const household = page.getByRole("form", { name: "Daftarkan keluarga" });
    const ownRegion = await household.getByLabel("Kode kelurahan").inputValue();
    expect(ownRegion).toMatch(/^\d{10}$/);
    await household
      .getByLabel("Kode kelurahan")
      .fill(ownRegion === "3171011001" ? "3171011002" : "3171011001");
    await household.getByLabel("RW").fill("2");
    await household.getByLabel("RT").fill("4");
    await household.getByLabel("Alamat").fill("Gg. Salah Wilayah 9");
    await household.getByRole("button", { name: "Simpan keluarga" }).click();
    await page.getByRole("alert").filter({ hasText: "Keluarga disimpan" }).waitFor();
    await expect.poll(() => page.getByTestId("pending").textContent()).toContain("2 perubahan");

    // A photo over 5 MB is refused on the phone with the server's own message.
    const visit = page.getByRole("form", { name: "Catat kunjungan" });
    await visit.locator("input[type=file]").setInputFiles({
      name: "besar.jpg",
      mimeType: "image/jpeg",
      buffer: Buffer.alloc(6 * 1024 * 1024, 0xff),
    });
    await visit
      .getByRole("alert")
      .filter({ hasText: "Berkas 'besar.jpg' lebih besar dari batas 5 MB" })
      .waitFor();

    // A visit with two photos whose upload will fail: the worker sees them, retries one, discards one.
    const caseId = await visit
      .locator("select[name=caseId] option:not([disabled])")
      .first()
      .getAttribute("value");
    await visit.locator("select[name=caseId]").selectOption(caseId!);
    await visit.getByLabel("Bertemu dengan").fill("Pak RT");
    await visit.locator("input[type=file]").setInputFiles([
      { name: "rumah.png", mimeType: "image/png", buffer: PNG_BYTES },
      { name: "dapur.png", mimeType: "image/png", buffer: PNG_BYTES },
    ]);
    await visit.getByTestId("photos-ready").waitFor();
    await visit.getByRole("button", { name: "Simpan kunjungan" }).click();
    await page.getByRole("alert").filter({ hasText: "Kunjungan disimpan" }).waitFor();
    await phone.context.route("**/visits/*/photos", (route) =>
      route.fulfill({
        status: 503,
        contentType: "application/problem+json",
        body: JSON.stringify({ title: "Server sibuk", status: 503, detail: "Server sibuk" }),
      }),
    );

    const patched = await desk.page.request.patch(`${server.baseUrl}/api/v1/households/${householdId}`, {
      headers,
      data: { address: "Jl. Dari Server 2" },
    });
    expect(patched.status(), await patched.text()).toBe(200);

    await phone.context.setOffline(false);
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Kerja luring" }).waitFor();
    const attention = page.getByTestId("attention");
    await attention.waitFor({ timeout: 30_000 });
    const conflict = attention.locator("li").filter({ hasText: "Bentrok dengan data server" });
    await conflict.waitFor({ timeout: 30_000 });
    expect(await conflict.getByTestId("phone-value").textContent()).toBe("Jl. Dari Ponsel 1");
    expect(await conflict.getByTestId("server-value").textContent()).toBe("Jl. Dari Server 2");
    const refused = attention.locator("li").filter({ hasText: "Ditolak server" });
    await refused.getByText(/Alasan: .+/).waitFor();
    const failedPhoto = (name: string) => attention.getByTestId("failed-photo").filter({ hasText: name });
    await failedPhoto("rumah.png").waitFor({ timeout: 30_000 });
    await failedPhoto("dapur.png")
      .getByText(/Gagal dikirim \(\d+×\)/)
      .waitFor();
    await failedPhoto("dapur.png")
      .getByText(/Kunjungan pada kasus/)
      .waitFor();
    await expectNoHorizontalOverflow(page);
    await attention.screenshot({ path: `${SHOTS}/75-offline-attention-phone.png` });

    // The supervisor at a desk sees the same conflict with both values.
    const supervisor = await openAs(server, "sudin", "/luring/konflik");
    await supervisor.page.getByRole("heading", { level: 1, name: "Bentrok data luring" }).waitFor();
    const atDesk = supervisor.page.getByTestId("conflict-choice").filter({ hasText: "Jl. Dari Ponsel 1" });
    await atDesk.waitFor();
    expect(await atDesk.getByTestId("server-value").textContent()).toBe("Jl. Dari Server 2");
    // Named by the household's address as it is now (not a bare id), its KK never whole.
    const deskItem = supervisor.page.locator("li").filter({ has: atDesk });
    await deskItem.getByRole("link", { name: "Keluarga Jl. Dari Server 2" }).waitFor();
    expect(await deskItem.textContent()).not.toMatch(/\d{16}/);
    await supervisor.page.screenshot({ path: `${SHOTS}/76-conflicts-desk.png` });
    expect(supervisor.errors).toEqual([]);
    await supervisor.context.close();

    await conflict.getByRole("button", { name: "Pakai nilai ponsel" }).click();
    await expect
      .poll(async () => {
        const r = await desk.page.request.get(`${server.baseUrl}/api/v1/households/${householdId}`);
        return ((await r.json()) as { address: string }).address;
      })
      .toBe("Jl. Dari Ponsel 1");
    await conflict.waitFor({ state: "detached" });

    page.once("dialog", (dialog) => void dialog.accept());
    await failedPhoto("dapur.png").getByRole("button", { name: "Buang foto" }).click();
    await failedPhoto("dapur.png").waitFor({ state: "detached" });
    await phone.context.unroute("**/visits/*/photos");
    await failedPhoto("rumah.png").getByRole("button", { name: "Coba lagi" }).click();
    await failedPhoto("rumah.png").waitFor({ state: "detached", timeout: 30_000 });
    // The retried photo arrived; the discarded one never will.
    const visits = await desk.page.request.get(`${server.baseUrl}/api/v1/cases/${caseId}/visits`);
    const items = ((await visits.json()) as { items: { met: string; photos: unknown[] }[] }).items;
    expect(items.find((v) => v.met === "Pak RT")?.photos).toHaveLength(1);

    await refused.getByRole("button", { name: "Ubah", exact: true }).click();
    await refused.getByLabel("Kode kelurahan").fill(ownRegion);
    await refused.getByRole("button", { name: "Simpan dan kirim ulang" }).click();
    await page.getByRole("button", { name: "Sinkronkan sekarang" }).click();
    // Sent again with the same change id: the household arrives once, in the PSM's kelurahan.
    const fixedOnServer = async () => {
      const list = await desk.page.request.get(`${server.baseUrl}/api/v1/sync/pull?since=0&limit=5000`);
      const { records } = (await list.json()) as {
        records: { table: string; data: Record<string, unknown> }[];
      };
      return records
        .filter((r) => r.table === "households" && r.data.address === "Gg. Salah Wilayah 9")
        .map((r) => r.data.regionCode);
    };
    await expect.poll(fixedOnServer, { timeout: 30_000 }).toEqual([ownRegion]);
    await attention.waitFor({ state: "detached", timeout: 30_000 });
    await expect
      .poll(() => page.getByTestId("pending").textContent(), { timeout: 30_000 })
      .toContain("0 perubahan");
    // 403: the refused household; 503: the photo uploads made to fail.
    expect(phone.errors.filter((e) => !e.includes("403") && !e.includes("503"))).toEqual([]);
    await desk.context.close();
    await phone.context.close();
  }, 180_000);

  it("lets whoever runs a training mark attendance without signal", async () => {
    const phone = await openAs(server, "sudin", "/luring", { viewport: PHONE });
    const { page } = phone;
    const me = await (await page.request.get(`${server.baseUrl}/api/v1/auth/me`)).json();
    const headers = { "x-csrf-token": me.csrfToken as string };
    const post = async (path: string, data: unknown) => {
      const res = await page.request.post(`${server.baseUrl}/api/v1${path}`, { headers, data });
      expect(res.status(), `${path}: ${await res.text()}`).toBeLessThan(300);
      return res.json();
    };
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 31 * 3_600_000).toISOString().slice(0, 10);
    const programme = await post("/training/programmes", {
      name: "Pelatihan Presensi Luring",
      year: Number(today.slice(0, 4)),
      level: "dasar",
      organiser: "Suku Dinas Sosial Kota Administrasi Jakarta Pusat",
      organiserCode: "SUDINSOS-JP",
      quotas: { tksk: 0, psm: 5 },
      signatoryName: "Penandatangan Uji",
      signatoryTitle: "Kepala Suku Dinas Sosial",
    });
    const cohort = await post("/training/cohorts", {
      programmeId: programme.id,
      name: "Angkatan Presensi Luring",
      eligibleRegionCode: "3171",
      venue: "Aula Kantor Wali Kota",
      startsOn: today,
      endsOn: tomorrow,
    });
    const session = await post(`/training/cohorts/${cohort.id}/sessions`, {
      date: today,
      startTime: "08:00",
      endTime: "12:00",
      venue: "Aula Kantor Wali Kota",
      trainer: "Pelatih Uji",
      title: "Pendampingan keluarga",
    });
    const eligible = await (
      await page.request.get(`${server.baseUrl}/api/v1/training/cohorts/${cohort.id}/eligible-workers`)
    ).json();
    const chosen = eligible.items.slice(0, 2) as { workerId: string; name: string }[];
    expect(chosen).toHaveLength(2);
    await post(`/training/cohorts/${cohort.id}/enrolments`, { workerIds: chosen.map((w) => w.workerId) });

    // The phone pulls the session with its participants.
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Kerja luring" }).waitFor();
    const form = page.getByRole("form", { name: "Presensi pelatihan" });
    await form
      .locator(`select[name=sessionId] option[value="${session.id}"]`)
      .waitFor({ state: "attached", timeout: 30_000 });

    // A supervisor's phone holds many households: one letter matches more than the picker shows.
    const member = page.getByRole("form", { name: "Perbaiki data anggota" });
    const memberPicker = member.getByRole("combobox", { name: "Anggota" });
    await memberPicker.pressSequentially("a");
    await member.getByText(/20 dari \d+ yang cocok ditampilkan/).waitFor();
    expect(await member.getByRole("listbox").getByRole("option").count()).toBe(20);
    await expectNoHorizontalOverflow(page);
    await memberPicker.evaluate((el) => {
      el.closest(".picker")?.scrollIntoView({ block: "start" });
      window.scrollBy(0, -12);
    });
    await page.screenshot({ path: `${SHOTS}/78-offline-member-picker-phone.png` });
    await memberPicker.press("Escape");
    expect(await memberPicker.getAttribute("aria-expanded")).toBe("false");

    await goOffline(phone.context, page);
    await form.locator("select[name=sessionId]").selectOption(session.id);
    await form.getByLabel(`Kehadiran ${chosen[0]!.name}`).selectOption("hadir");
    await form.getByLabel(`Kehadiran ${chosen[1]!.name}`).selectOption("terlambat");
    await expectNoHorizontalOverflow(page);
    await form.screenshot({ path: `${SHOTS}/77-offline-attendance-phone.png` });
    await form.getByRole("button", { name: "Simpan presensi" }).click();
    await page.getByRole("alert").filter({ hasText: "Presensi 2 peserta disimpan di ponsel" }).waitFor();
    await expect.poll(() => page.getByTestId("pending").textContent()).toContain("2 perubahan");

    await phone.context.setOffline(false);
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Kerja luring" }).waitFor();
    const statuses = async () => {
      const r = await page.request.get(`${server.baseUrl}/api/v1/training/sessions/${session.id}/attendance`);
      const roster = (await r.json()) as { entries: { name: string; status: string | null }[] };
      return Object.fromEntries(roster.entries.map((e) => [e.name, e.status]));
    };
    await expect
      .poll(statuses, { timeout: 30_000 })
      .toEqual({ [chosen[0]!.name]: "hadir", [chosen[1]!.name]: "terlambat" });
    expect(phone.errors).toEqual([]);
    await phone.context.close();
  }, 180_000);
});
