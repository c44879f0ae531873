import { describe, expect, it } from "vitest";
import { checkDtsenHeader, dtsenHeaderKey } from "./dtsen-columns.ts";
import { validateDtsenRow } from "./dtsen-row.ts";

const context = {
  knownKelurahan: (code: string) => code === "3171011001",
  knownPpks: () => true,
  today: new Date("2026-12-06T00:00:00Z"),
};

const row = {
  no_kk: "3171010101100001",
  nik: "3171014108900001",
  nama: "Siti Aminah",
  jenis_kelamin: "2",
  tanggal_lahir: "01-08-1990",
  hubungan_keluarga: "3",
  kode_kelurahan: "31.71.01.1001",
  rw: "001",
  rt: "002",
  alamat: "Jl. Kenari II No. 5",
  desil: "3",
};

describe("DTSEN extract header", () => {
  it("recognises the spellings extracts use, in any case", () => {
    expect(dtsenHeaderKey("No. KK")).toBe("no_kk");
    expect(dtsenHeaderKey(" Tgl Lahir ")).toBe("tgl_lahir");
    const check = checkDtsenHeader([
      "NOMOR KK",
      "NIK",
      "Nama Lengkap",
      "JNS KEL",
      "TGL LAHIR",
      "SHDK",
      "Kode Desa",
      "RW",
      "RT",
      "Alamat",
      "DESIL NASIONAL",
      "ID Keluarga",
      "Status PKH",
      "BPNT",
      "Catatan petugas",
    ]);
    expect(check.missing).toEqual([]);
    expect(check.columns.slice(0, 7)).toEqual([
      "no_kk",
      "nik",
      "nama",
      "jenis_kelamin",
      "tanggal_lahir",
      "hubungan_keluarga",
      "kode_kelurahan",
    ]);
    expect(check.columns.slice(10, 14)).toEqual(["desil", "id_keluarga", "pkh", "bpnt_sembako"]);
    expect(check.unknown).toEqual(["Catatan petugas"]);
  });

  it("names the missing and the repeated columns", () => {
    const check = checkDtsenHeader(["nik", "NIK", "nama"]);
    expect(check.duplicated).toEqual(["nik"]);
    expect(check.missing).toContain("desil");
    expect(check.missing).toContain("no_kk");
  });
});

describe("DTSEN extract row", () => {
  it("reads the extract's codings into Peduli's", () => {
    const result = validateDtsenRow({ ...row, pkh: "Ya", bpnt_sembako: "0" }, context);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.desil).toBe(3);
    expect(result.value.person.sex).toBe("P");
    expect(result.value.person.relation).toBe("istri");
    expect(result.value.person.regionCode).toBe("3171011001");
    expect(result.value.person.birthDate).toBe("1990-08-01");
    expect(result.value.programmes).toEqual({ pkh: true, bpnt_sembako: false });
    expect(result.value.familyId).toBeNull();
  });

  it("refuses desil 11, 0 or words, with the value in both languages", () => {
    for (const desil of ["11", "0", "tiga", "3.5"]) {
      const result = validateDtsenRow({ ...row, desil }, context);
      expect(result.ok, desil).toBe(false);
      if (result.ok) continue;
      expect(result.problems).toEqual([
        expect.objectContaining({ column: "desil", code: "desil_invalid", value: desil }),
      ]);
      expect(result.problems[0]?.id).toContain(desil);
    }
    const missing = validateDtsenRow({ ...row, desil: "" }, context);
    expect(!missing.ok && missing.problems[0]?.code).toBe("required");
  });

  it("reports the person's problems and the desil's together", () => {
    const result = validateDtsenRow(
      { ...row, nik: "123", kode_kelurahan: "3171999999", desil: "12" },
      context,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const columns = result.problems.map((p) => p.column);
    expect(columns).toContain("nik");
    expect(columns).toContain("kode_kelurahan");
    expect(columns).toContain("desil");
  });

  it("refuses a programme flag that is neither yes nor no", () => {
    const result = validateDtsenRow({ ...row, pbi_jk: "mungkin" }, context);
    expect(!result.ok && result.problems[0]).toMatchObject({ column: "pbi_jk", code: "flag_invalid" });
  });
});
