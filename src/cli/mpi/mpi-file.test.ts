import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { referenceMpi } from "../../core/mpi/mpi.reference.test-helper.ts";
import type { MpiDefinition } from "../../core/mpi/mpi-definition.ts";
import { CliError } from "../cli-error.ts";
import { type MpiFileOptions, runMpiFile } from "./mpi-file.ts";

const FIXTURES = join(import.meta.dirname, "../../../test/fixtures/mpi");
const dir = mkdtempSync(join(tmpdir(), "peduli-mpi-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let fileCount = 0;
function write(name: string, content: string): string {
  const path = join(dir, `${fileCount++}-${name}`);
  writeFileSync(path, content);
  return path;
}

/** Deterministic PRNG (mulberry32) so a failing case can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MIXED: MpiDefinition = {
  k: 0.3,
  indicators: [
    {
      id: "pendapatan",
      column: "pendapatan",
      dimension: "ekonomi",
      weight: 3,
      deprivedIf: { op: "lt", value: 600000 },
    },
    {
      id: "sekolah",
      column: "sekolah",
      dimension: "pendidikan",
      weight: 1.5,
      deprivedIf: { op: "lte", value: 6 },
    },
    {
      id: "lantai",
      column: "lantai",
      dimension: "hunian",
      weight: 1,
      deprivedIf: { op: "in", value: ["tanah", "bambu"] },
    },
    { id: "air", column: "air", dimension: "hunian", weight: 0.5, deprivedIf: { op: "ne", value: "pam" } },
    { id: "jamkes", column: "jamkes", dimension: "kesehatan", weight: 2, deprivedIf: { op: "eq", value: 0 } },
  ],
};

/** A mixed file: numeric and categorical columns, missing cells, a weight and a group column. */
function mixedData(seed: number, rowsCount: number, delimiter: string, quoteSome: boolean) {
  const next = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] as T;
  const maybe = (value: string) => (next() < 0.03 ? "" : value);
  const rows: Record<string, string>[] = [];
  const weights: number[] = [];
  const groups: string[] = [];
  const lines = [
    ["id", "kelurahan", "art", "pendapatan", "sekolah", "lantai", "air", "jamkes"].join(delimiter),
  ];
  for (let i = 0; i < rowsCount; i++) {
    const row = {
      pendapatan: maybe(String(Math.round(next() * 1_500_000))),
      sekolah: maybe(String(Math.floor(next() * 13))),
      lantai: maybe(pick(["tanah", "bambu", "keramik", "semen", " tanah"])),
      air: maybe(pick(["pam", "sumur", "sungai"])),
      jamkes: maybe(pick(["0", "1", "0.0"])),
    };
    const weight = 1 + Math.floor(next() * 7);
    const group = pick(["3171011001", "3171011002", "3171021003"]);
    const quoted = quoteSome && next() < 0.05;
    const lantai = quoted ? `"${row.lantai}"` : row.lantai;
    lines.push(
      [`R${i}`, group, weight, row.pendapatan, row.sekolah, lantai, row.air, row.jamkes].join(delimiter),
    );
    rows.push(row);
    weights.push(weight);
    groups.push(group);
  }
  return { rows, weights, groups, csv: `${lines.join("\n")}\n` };
}

async function expectCliError(options: MpiFileOptions, ...patterns: RegExp[]): Promise<string> {
  const error = await runMpiFile(options).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CliError);
  const { message, exitCode } = error as CliError;
  expect(exitCode).toBe(1);
  const [id, en] = message.split("\n");
  expect(id?.length, "Indonesian first").toBeGreaterThan(0);
  expect(en?.length, "English second").toBeGreaterThan(0);
  for (const pattern of patterns) expect(message).toMatch(pattern);
  return message;
}

describe("runMpiFile on the committed example (computed by hand)", () => {
  // test/fixtures/mpi: 8 households, `;`, BOM, CRLF, one missing income. Normalised weights 1/3 and
  // 1/6 × 4; scores (household size): RT001 1 (4), RT002 0 (3), RT003 1/3 (5), RT004 1/2 (2), RT005
  // excluded (6), RT006 0 (1), RT007 1 (7), RT008 1/6 (4), so with k = 0.3333: n = 26, q = 18,
  // Σ c(k) = 4 + 5/3 + 1 + 7 = 41/3, H = 9/13, A = 41/54, M0 = 41/78.
  it("matches the hand computation", async () => {
    const { result, delimiter } = await runMpiFile({
      dataPath: join(FIXTURES, "rumah-tangga-contoh.csv"),
      indicatorsPath: join(FIXTURES, "indikator-contoh.json"),
      groupBy: "kode_kelurahan",
      weightColumn: "jumlah_art",
    });
    expect(delimiter).toBe(";");
    expect(result).toMatchObject({ n: 26, rows: 7, excluded: 1, excludedWeight: 6, poor: 18, M1: null });
    expect(result.H).toBeCloseTo(9 / 13, 12);
    expect(result.A).toBeCloseTo(41 / 54, 12);
    expect(result.M0).toBeCloseTo(41 / 78, 12);
    // Income: RT001, RT003, RT007 → 16 persons, contributing (1/3)(16)/(41/3) = 16/41.
    expect(result.indicators[0]?.censoredHeadcount).toBeCloseTo(16 / 26, 12);
    expect(result.indicators[0]?.contribution).toBeCloseTo(16 / 41, 12);
    // Health insurance: RT008 (4 persons) is deprived but not poor.
    expect(result.indicators[4]?.uncensoredHeadcount).toBeCloseTo(15 / 26, 12);
    expect(result.indicators[4]?.censoredHeadcount).toBeCloseTo(11 / 26, 12);
    // 3171011001: n 14, Σc 20/3, M0 10/21; 3171011002: n 12, Σc 7, M0 7/12; shares 20/41, 21/41.
    const [first, second] = result.groups;
    expect(first).toMatchObject({ group: "3171011001", n: 14, excluded: 0 });
    expect(first?.M0).toBeCloseTo(10 / 21, 12);
    expect(first?.contribution).toBeCloseTo(20 / 41, 12);
    expect(second).toMatchObject({ group: "3171011002", n: 12, excluded: 1 });
    expect(second?.M0).toBeCloseTo(7 / 12, 12);
    expect(second?.contribution).toBeCloseTo(21 / 41, 12);
  });

  it("applies --k over the file's k", async () => {
    const { result } = await runMpiFile({
      dataPath: join(FIXTURES, "rumah-tangga-contoh.csv"),
      indicatorsPath: join(FIXTURES, "indikator-contoh.json"),
      k: "0.5",
    });
    // Unweighted, k = 1/2: RT001, RT004, RT007 of 7 rows; Σc = 1 + 1/2 + 1.
    expect(result.k).toBe(0.5);
    expect(result.poor).toBe(3);
    expect(result.M0).toBeCloseTo(2.5 / 7, 12);
    expect(result.groups).toEqual([]);
  });
});

describe("runMpiFile agrees with the naive reference on generated mixed files", () => {
  const indicatorsPath = write("mixed.json", JSON.stringify(MIXED));
  it.each([
    [1, ",", false],
    [2, ";", false],
    [3, ",", true],
    [4, ";", true],
  ])("seed %i, delimiter %j, quoted cells %s", async (seed, delimiter, quoteSome) => {
    const data = mixedData(seed, 3000, delimiter, quoteSome);
    const dataPath = write("mixed.csv", data.csv);
    const options = { dataPath, indicatorsPath, groupBy: "kelurahan", weightColumn: "art" };
    const { result } = await runMpiFile(options);
    const reference = referenceMpi(data.rows, MIXED, data.weights, data.groups);
    expect(result.excluded).toBe(reference.excluded);
    expect(result.excluded).toBeGreaterThan(0);
    for (const key of ["n", "poor", "H", "A", "M0"] as const) {
      expect(Math.abs(result[key] - reference[key]), key).toBeLessThanOrEqual(1e-9);
    }
    expect(result.M1).toBeNull();
    result.indicators.forEach((x, j) => {
      expect(Math.abs(x.censoredHeadcount - (reference.censored[j] as number))).toBeLessThanOrEqual(1e-9);
      expect(
        Math.abs((x.contribution as number) - (reference.contributions[j] as number)),
      ).toBeLessThanOrEqual(1e-9);
    });
    for (const group of result.groups) {
      const expected = reference.groups.get(group.group);
      expect(Math.abs(group.M0 - (expected?.M0 ?? Number.NaN))).toBeLessThanOrEqual(1e-9);
      expect(Math.abs(group.populationShare - (expected?.share ?? Number.NaN))).toBeLessThanOrEqual(1e-9);
    }
    const viaParser = await runMpiFile({ ...options, forceParser: true });
    expect(viaParser.result).toEqual(result);
  });
});

describe("runMpiFile rejects bad input with exit code 1 and a bilingual message", () => {
  const goodJson = JSON.stringify(MIXED);
  const header = "id,kelurahan,art,pendapatan,sekolah,lantai,air,jamkes";
  const goodCsv = `${header}\nR1,A,3,500000,5,tanah,pam,0\nR2,B,2,900000,9,semen,pam,1\n`;
  const indicatorsPath = write("good.json", goodJson);
  const dataPath = write("good.csv", goodCsv);

  it("a non-numeric value under a numeric rule names line, value and column", async () => {
    const bad = write("bad.csv", `${header}\nR1,A,3,500000,5,tanah,pam,0\nR2,B,2,1.000.000,9,semen,pam,1\n`);
    await expectCliError(
      { dataPath: bad, indicatorsPath },
      /^Baris 3 berkas .*"1\.000\.000".*"pendapatan"/,
      /Line 3 of/,
    );
  });

  it("a missing column names the column and the option or indicator", async () => {
    const noAir = write(
      "no-air.csv",
      "id,kelurahan,art,pendapatan,sekolah,lantai,jamkes\nR1,A,3,1,1,tanah,0\n",
    );
    await expectCliError(
      { dataPath: noAir, indicatorsPath },
      /kolom "air"/,
      /column "air"/,
      /indicators\[3\]\.column/,
    );
    await expectCliError({ dataPath, indicatorsPath, groupBy: "rw" }, /kolom "rw" \(--group-by\)/);
    await expectCliError(
      { dataPath, indicatorsPath, weightColumn: "jumlah" },
      /column "jumlah" \(--weight-column\)/,
    );
  });

  it("an indicator weight that is not a positive number names the field", async () => {
    for (const weight of [0, -1, "2", null]) {
      const def = { ...MIXED, indicators: MIXED.indicators.map((x, j) => (j === 2 ? { ...x, weight } : x)) };
      await expectCliError(
        { dataPath, indicatorsPath: write("w.json", JSON.stringify(def)) },
        /indicators\[2\]\.weight \(indikator "lantai"\): bobot harus angka positif/,
        /the weight must be a positive finite number/,
      );
    }
  });

  it.each(["0", "-2", "abc", ""])("a weight-column value %j names the line", async (value) => {
    const bad = write(
      "weight.csv",
      `${header}\nR1,A,3,500000,5,tanah,pam,0\nR2,B,${value},900000,9,semen,pam,1\n`,
    );
    await expectCliError(
      { dataPath: bad, indicatorsPath, weightColumn: "art" },
      new RegExp(`^Baris 3 berkas .*bobot "${value}" di kolom "art"`),
      /is not a positive number/,
    );
  });

  it("k outside (0, 1], in the file or in --k", async () => {
    const file = write("k.json", JSON.stringify({ ...MIXED, k: 1.5 }));
    await expectCliError(
      { dataPath, indicatorsPath: file },
      /^Berkas indikator .* tidak valid/,
      /k: batas kemiskinan k/,
    );
    for (const k of ["0", "1.01", "-0.2", "sepertiga", ""]) {
      await expectCliError(
        { dataPath, indicatorsPath, k },
        /^Opsi --k tidak valid/,
        /--k: the poverty cutoff/,
      );
    }
  });

  it("unknown operators, bad JSON, unreadable and empty files", async () => {
    const op = { ...MIXED, indicators: [{ ...MIXED.indicators[0], deprivedIf: { op: "kurang", value: 1 } }] };
    await expectCliError(
      { dataPath, indicatorsPath: write("op.json", JSON.stringify(op)) },
      /indicators\[0\]\.deprivedIf\.op/,
    );
    await expectCliError({ dataPath, indicatorsPath: write("bad.json", "{k: 1") }, /bukan JSON yang valid/);
    await expectCliError(
      { dataPath: join(dir, "nope.csv"), indicatorsPath },
      /tidak dapat dibaca/,
      /cannot be read/,
    );
    await expectCliError(
      { dataPath, indicatorsPath: join(dir, "nope.json") },
      /Berkas indikator .* tidak dapat dibaca/,
    );
    await expectCliError({ dataPath: write("empty.csv", "\n\n"), indicatorsPath }, /kosong/, /empty/);
  });
});

describe("runMpiFile on a 10,000-row file", () => {
  const indicatorsPath = write("long.json", JSON.stringify(MIXED));
  const data = mixedData(9, 10_000, ",", false);
  const lines = data.csv.trimEnd().split("\n");

  function corrupt(changes: Record<number, (cells: string[]) => void>): string {
    const copy = lines.map((line, index) => {
      const change = changes[index + 1];
      if (!change) return line;
      const cells = line.split(",");
      change(cells);
      return cells.join(",");
    });
    return write("long.csv", `${copy.join("\n")}\n`);
  }

  it("reports the first bad line in file order", async () => {
    const dataPath = corrupt({
      9001: (cells) => {
        cells[3] = "sembilan";
      },
      9500: (cells) => {
        cells[2] = "0";
      },
    });
    await expectCliError(
      { dataPath, indicatorsPath, weightColumn: "art" },
      /^Baris 9001 berkas .*"sembilan"/,
    );
    const weightFirst = corrupt({
      5000: (cells) => {
        cells[2] = "-1";
      },
      9001: (cells) => {
        cells[3] = "sembilan";
      },
    });
    await expectCliError(
      { dataPath: weightFirst, indicatorsPath, weightColumn: "art" },
      /^Baris 5000 berkas .*bobot "-1"/,
    );
  });

  it("agrees with the reference over 10,000 rows", async () => {
    const dataPath = write("long.csv", data.csv);
    const { result } = await runMpiFile({
      dataPath,
      indicatorsPath,
      groupBy: "kelurahan",
      weightColumn: "art",
    });
    const reference = referenceMpi(data.rows, MIXED, data.weights, data.groups);
    expect(result.rows + result.excluded).toBe(10_000);
    expect(Math.abs(result.M0 - reference.M0)).toBeLessThanOrEqual(1e-9);
    expect(Math.abs(result.H - reference.H)).toBeLessThanOrEqual(1e-9);
  });
});
