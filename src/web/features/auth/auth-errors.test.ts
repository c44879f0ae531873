import i18next from "i18next";
import { describe, expect, it } from "vitest";
import { ApiError } from "../../api/client.ts";
import { en } from "../../i18n/en.ts";
import { id } from "../../i18n/id.ts";
import { authErrorMessage } from "./auth-errors.ts";

async function tFor(language: "id" | "en") {
  const instance = i18next.createInstance();
  await instance.init({
    lng: language,
    resources: { id: { translation: id }, en: { translation: en } },
    interpolation: { escapeValue: false },
  });
  return instance.t;
}

const locked = new ApiError(
  423,
  "account_locked",
  "Akun dikunci karena terlalu banyak percobaan masuk yang gagal, sampai 2026-03-12T07:15:00.000Z (UTC). Hubungi administrator untuk membukanya lebih awal.",
  [],
  undefined,
  "2026-03-12T07:15:00.000Z",
);

describe("login error messages", () => {
  it("keeps the server's own words when it names no end", async () => {
    const noEnd = new ApiError(423, "account_locked", "Akun dikunci.");
    expect(authErrorMessage(noEnd, await tFor("id"), "id")).toBe("Akun dikunci.");
  });

  it("names the end of a lock in Jakarta time, in the interface language", async () => {
    const idText = authErrorMessage(locked, await tFor("id"), "id");
    expect(idText).toMatch(/sampai 12 Mar 2026.*14[.:]15 WIB\./);
    expect(idText).not.toContain("UTC");
    const enText = authErrorMessage(locked, await tFor("en"), "en");
    expect(enText).toMatch(/until Mar 12, 2026.*14:15 WIB\./);
  });

  it("words wrong passwords and disabled accounts itself, and keeps other details", async () => {
    const t = await tFor("id");
    expect(authErrorMessage(new ApiError(401, "invalid_credentials", "x"), t, "id")).toBe(
      "Nama pengguna atau kata sandi salah.",
    );
    expect(authErrorMessage(new ApiError(403, "account_disabled", "x"), t, "id")).toBe(
      "Akun ini dinonaktifkan. Hubungi administrator.",
    );
    expect(
      authErrorMessage(
        new ApiError(400, "password_too_weak", "Kata sandi baru tidak memenuhi aturan."),
        t,
        "id",
      ),
    ).toBe("Kata sandi baru tidak memenuhi aturan.");
    expect(authErrorMessage(new ApiError(0, "network_error", ""), t, "id")).toMatch(/Tidak dapat terhubung/);
  });
});
