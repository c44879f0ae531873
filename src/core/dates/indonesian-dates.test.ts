import { describe, expect, it } from "vitest";
import { monthNameId, namaBulan, periodeIndonesia, tanggalIndonesia } from "./indonesian-dates.ts";

describe("Indonesian dates", () => {
  it("names the months in Indonesian", () => {
    expect([1, 5, 8, 12].map(namaBulan)).toEqual(["Januari", "Mei", "Agustus", "Desember"]);
  });

  it("writes a date, a month and a period the way letters print them", () => {
    expect(tanggalIndonesia("2024-05-02")).toBe("2 Mei 2024");
    expect(tanggalIndonesia("2026-12-31")).toBe("31 Desember 2026");
    expect(monthNameId("2024-08")).toBe("Agustus 2024");
    expect(periodeIndonesia("2024-05-02", "2024-05-02")).toBe("2 Mei 2024");
    expect(periodeIndonesia("2024-05-02", "2024-05-04")).toBe("2–4 Mei 2024");
    expect(periodeIndonesia("2024-04-30", "2024-05-02")).toBe("30 April 2024 – 2 Mei 2024");
  });
});
