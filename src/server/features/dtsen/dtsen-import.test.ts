import { expect, it } from "vitest";
import { describeEachDialect } from "../../../../test/test-db.ts";
import { AppError } from "../../../core/errors/app-error.ts";
import { normalizeName } from "../../../core/identity/person-name.ts";
import { DEMO_REGION_FILE, readShippedData } from "../../shipped-data.ts";
import { importPersons } from "../imports/person-import.service.ts";
import { importRegionsCsv } from "../regions/regions.service.ts";
import { importDtsen } from "./dtsen-import.service.ts";

const REGISTRY = `no_kk,nik,nama,jenis_kelamin,tanggal_lahir,hubungan_keluarga,kode_kelurahan,rw,rt,alamat
3171010101200001,3171011208900001,Muhammad Rizki,L,1990-08-12,kepala_keluarga,3171011001,001,002,Jl. Cideng Barat 12
3171010101200001,3171015505920002,Siti Aminah,P,1992-05-15,istri,3171011001,001,002,Jl. Cideng Barat 12
3171010101200002,3171010101750003,Budi Santoso,L,1975-01-01,kepala_keluarga,3171011001,003,001,Jl. Kebon Jahe 4
`;

const HEADER =
  "NOMOR KK,NIK,NAMA LENGKAP,JNS KEL,TGL LAHIR,SHDK,KODE DESA,RW,RT,ALAMAT,DESIL,ID KELUARGA,STATUS PKH";
// Rizki as in the registry; Siti with another birth date; a child new to the registry in Rizki's
// KK; Budi's wife, recorded in the registry without NIK; a family the registry does not know.
const EXTRACT = `${HEADER}
3171010101200001,3171011208900001,MUHAMMAD RIZKI,1,12-08-1990,1,31.71.01.1001,001,002,Jl. Cideng Barat 12,2,F-001,Ya
3171010101200001,3171015505920002,SITI AMINAH,2,16-05-1992,3,31.71.01.1001,001,002,Jl. Cideng Barat 12,2,F-001,Ya
3171010101200001,3171010303150004,Ahmad Fauzi,1,03-03-2015,4,31.71.01.1001,001,002,Jl. Cideng Barat 12,2,F-001,Ya
3171010101200002,3171014404800005,Sri Wahyuni,2,04-04-1980,3,31.71.01.1001,003,001,Jl. Kebon Jahe 4,5,F-002,Tidak
3171010101200003,3171010606600006,Slamet Riyadi,L,06-06-1960,1,31.71.01.1001,005,007,Jl. Tanah Abang 9,1,,Tidak
`;

const buffer = (text: string) => ({ buffer: Buffer.from(text) });

describeEachDialect("DTSEN import", (ctx) => {
  const target = () => ({ db: ctx.db, sqlite: ctx.handle.sqlite });
  const count = async (
    table: "persons" | "households" | "dtsen_families" | "dtsen_members" | "dtsen_differences",
  ) =>
    Number(
      (
        await ctx.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const tables = async () => ({
    persons: await count("persons"),
    households: await count("households"),
    families: await count("dtsen_families"),
    members: await count("dtsen_members"),
    differences: await count("dtsen_differences"),
  });

  it("matches by NIK, then by name within the KK, adds the unknown, and records differences", async () => {
    await importRegionsCsv(ctx.db, readShippedData(DEMO_REGION_FILE));
    await importPersons(target(), buffer(REGISTRY));
    const budi = await ctx.db
      .selectFrom("persons")
      .select(["household_id", "seq"])
      .where("nik", "=", "3171010101750003")
      .executeTakeFirstOrThrow();
    const now = new Date().toISOString();
    await ctx.db
      .insertInto("persons")
      .values({
        id: "0190a000-0000-7000-8000-000000000001",
        household_id: budi.household_id,
        nik: null,
        nik_status: "belum_ada",
        name: "Sri Wahyuni",
        name_normalized: normalizeName("Sri Wahyuni"),
        sex: "P",
        birth_date: "1980-04-04",
        relation: "istri",
        region_code: "3171011001",
        birth_place: null,
        marital_status: null,
        education: null,
        occupation: null,
        monthly_income: null,
        disability: null,
        chronic_illness: null,
        health_insurance: null,
        phone: null,
        died_at: null,
        merged_into_id: null,
        is_demo: 0,
        seq: budi.seq + 100,
        created_at: now,
        updated_at: now,
      })
      .execute();

    const result = await importDtsen(target(), buffer(EXTRACT), { period: "2025-q1", fileName: "dtsen.csv" });
    expect(result.problems).toEqual([]);
    expect(result.written).toBe(true);
    expect(result.summary).toMatchObject({
      period: "2025-Q1",
      read: 5,
      matched: 3,
      created: 2,
      rejected: 0,
      families: 3,
    });

    const persons = await ctx.db
      .selectFrom("persons")
      .select(["nik", "name", "birth_date"])
      .orderBy("name")
      .execute();
    expect(persons.map((p) => p.name)).toEqual([
      "Ahmad Fauzi",
      "Budi Santoso",
      "Muhammad Rizki",
      "Siti Aminah",
      "Slamet Riyadi",
      "Sri Wahyuni",
    ]);
    // The registry keeps its own values: Siti's birth date is a difference, not an overwrite.
    expect(persons.find((p) => p.name === "Siti Aminah")?.birth_date).toBe("1992-05-15");
    const differences = await ctx.db
      .selectFrom("dtsen_differences as d")
      .innerJoin("persons as p", "p.id", "d.person_id")
      .select(["p.name", "d.field", "d.registry_value", "d.dtsen_value"])
      .orderBy("p.name")
      .orderBy("d.field")
      .execute();
    expect(differences).toEqual([
      {
        name: "Siti Aminah",
        field: "tanggal_lahir",
        registry_value: "1992-05-15",
        dtsen_value: "1992-05-16",
      },
      { name: "Sri Wahyuni", field: "nik", registry_value: null, dtsen_value: "3171014404800005" },
    ]);
    expect(result.summary.differing).toBe(2);

    const families = await ctx.db
      .selectFrom("dtsen_families as f")
      .innerJoin("households as h", "h.id", "f.household_id")
      .select(["h.kk_number", "f.desil", "f.family_id", "f.period"])
      .orderBy("h.kk_number")
      .execute();
    expect(families).toEqual([
      { kk_number: "3171010101200001", desil: 2, family_id: "F-001", period: "2025-Q1" },
      { kk_number: "3171010101200002", desil: 5, family_id: "F-002", period: "2025-Q1" },
      { kk_number: "3171010101200003", desil: 1, family_id: null, period: "2025-Q1" },
    ]);
    const members = await ctx.db
      .selectFrom("dtsen_members as m")
      .innerJoin("persons as p", "p.id", "m.person_id")
      .select(["p.name", "m.origin", "m.programmes"])
      .orderBy("p.name")
      .execute();
    expect(members).toEqual([
      { name: "Ahmad Fauzi", origin: "new", programmes: "pkh" },
      { name: "Muhammad Rizki", origin: "nik", programmes: "pkh" },
      { name: "Siti Aminah", origin: "nik", programmes: "pkh" },
      { name: "Slamet Riyadi", origin: "new", programmes: "" },
      { name: "Sri Wahyuni", origin: "kk", programmes: "" },
    ]);
    // The persons added are found by the registry's name search like any other.
    const words = await ctx.db
      .selectFrom("person_name_words as w")
      .innerJoin("persons as p", "p.id", "w.person_id")
      .select("p.name")
      .where("p.nik", "=", "3171010606600006")
      .execute();
    expect(words.length).toBeGreaterThan(0);
    const record = await ctx.db.selectFrom("dtsen_imports").selectAll().executeTakeFirstOrThrow();
    expect(record).toMatchObject({ period: "2025-Q1", file_name: "dtsen.csv", matched: 3, created: 2 });
  });

  it("changes nothing when the same extract is imported again", async () => {
    const before = await tables();
    const again = await importDtsen(target(), buffer(EXTRACT), { period: "2025-Q1" });
    expect(again.summary).toMatchObject({ matched: 5, created: 0, differing: 2, changes: 0 });
    expect(await tables()).toEqual(before);
  });

  it("keeps each period's desil, so the history across updates shows", async () => {
    const next = EXTRACT.replaceAll(",2,F-001,", ",4,F-001,");
    const result = await importDtsen(target(), buffer(next), { period: "2025-Q2" });
    expect(result.summary.created).toBe(0);
    const history = await ctx.db
      .selectFrom("dtsen_families as f")
      .innerJoin("households as h", "h.id", "f.household_id")
      .select(["f.period", "f.desil"])
      .where("h.kk_number", "=", "3171010101200001")
      .orderBy("f.period")
      .execute();
    expect(history).toEqual([
      { period: "2025-Q1", desil: 2 },
      { period: "2025-Q2", desil: 4 },
    ]);
  });

  it("refuses a bad file with row-level reasons and writes nothing", async () => {
    const before = await tables();
    const bad = `${HEADER}
3171010101200009,3171011208900099,Dewi Lestari,2,12-08-1990,4,31.71.01.1001,001,002,Jl. A 1,3,,
3171010101200009,12345,Rina,2,01-01-2000,4,31.71.01.1001,001,002,Jl. A 1,3,,
3171010101200010,3171010707700007,Joko,1,07-07-1970,1,3171019999,001,002,Jl. B 2,3,,
3171010101200011,3171010808800008,Tono,1,08-08-1980,1,31.71.01.1001,001,002,Jl. C 3,11,,
3171010101200009,3171011208900099,Dewi Lestari,2,12-08-1990,4,31.71.01.1001,001,002,Jl. A 1,3,,
3171010101200009,3171010909900009,Wati,2,09-09-1990,3,31.71.01.1001,001,002,Jl. A 1,4,,
`;
    const result = await importDtsen(target(), buffer(bad), { period: "2025-Q3" });
    expect(result.written).toBe(false);
    expect(result.summary).toMatchObject({ read: 6, rejected: 5 });
    const reasons = result.problems.map((p) => [p.row, p.column, p.code]);
    expect(reasons).toContainEqual([3, "nik", expect.any(String)]);
    expect(reasons).toContainEqual([4, "kode_kelurahan", expect.any(String)]);
    expect(reasons).toContainEqual([5, "desil", "desil_invalid"]);
    expect(reasons).toContainEqual([6, "nik", "nik_repeated"]);
    expect(reasons).toContainEqual([7, "desil", "desil_conflict"]);
    expect(result.problems.find((p) => p.code === "desil_invalid")?.id).toContain("11");
    expect(await tables()).toEqual(before);

    const partial = await importDtsen(target(), buffer(bad), { period: "2025-Q3", skipInvalid: true });
    expect(partial.written).toBe(true);
    expect(partial.summary).toMatchObject({ rejected: 5, created: 1 });
    expect(await count("persons")).toBe(before.persons + 1);
  });

  it("refuses a file without the required columns, naming them", async () => {
    const error = await importDtsen(target(), buffer("nik,nama\n3171011208900001,Rizki\n"), {
      period: "2025-Q1",
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    const fields = (error as AppError).problems.map((d) => d.field);
    expect(fields).toContain("baris 1, kolom desil");
    expect(fields).toContain("baris 1, kolom no_kk");
  });

  it("refuses a period that is not YEAR-Qn", async () => {
    const error = await importDtsen(target(), buffer(EXTRACT), { period: "2025-5" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).problems[0]?.code).toBe("period_invalid");
  });

  it("tells in a dry run what the import would do, and writes nothing", async () => {
    const before = await tables();
    const next = EXTRACT.replace("Slamet Riyadi", "Slamet Riyadi Putra");
    const dry = await importDtsen(target(), buffer(next), { period: "2025-Q4", dryRun: true });
    expect(dry.written).toBe(false);
    expect(dry.summary).toMatchObject({ matched: 5, created: 0, differing: 3 });
    expect(dry.summary.changes).toBeGreaterThan(0);
    expect(await tables()).toEqual(before);
  });
});
