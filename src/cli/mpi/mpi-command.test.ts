/** `peduli mpi` through commander, without the process entry point (src/cli/index.ts). */
import { join } from "node:path";
import { Command } from "commander";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CliError } from "../cli-error.ts";
import { registerMpiCommand } from "../commands/mpi.ts";

const FIXTURES = join(import.meta.dirname, "../../../test/fixtures/mpi");
const DATA = join(FIXTURES, "rumah-tangga-contoh.csv");
const INDICATORS = join(FIXTURES, "indikator-contoh.json");

async function run(...args: string[]): Promise<string> {
  const program = new Command().exitOverride();
  registerMpiCommand(program);
  let out = "";
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  try {
    await program.parseAsync(["mpi", ...args], { from: "user" });
  } finally {
    spy.mockRestore();
  }
  return out;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("peduli mpi", () => {
  it("prints the documented JSON object", async () => {
    const out = await run(
      "--data",
      DATA,
      "--indicators",
      INDICATORS,
      "--group-by",
      "kode_kelurahan",
      "--weight-column",
      "jumlah_art",
      "--format",
      "json",
    );
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual([
      "n",
      "excluded",
      "k",
      "poor",
      "H",
      "A",
      "M0",
      "M1",
      "M2",
      "indicators",
      "groups",
    ]);
    expect(json).toMatchObject({ n: 26, excluded: 1, k: 0.3333, poor: 18, M1: null, M2: null });
    expect(json.M0).toBeCloseTo(41 / 78, 12);
    expect(Object.keys(json.indicators[0])).toEqual([
      "id",
      "dimension",
      "weight",
      "uncensoredHeadcount",
      "censoredHeadcount",
      "contribution",
    ]);
    expect(json.indicators[0].weight).toBeCloseTo(1 / 3, 12);
    expect(Object.keys(json.groups[0])).toEqual([
      "group",
      "n",
      "populationShare",
      "H",
      "A",
      "M0",
      "contribution",
    ]);
    expect(json.groups.map((g: { group: string }) => g.group)).toEqual(["3171011001", "3171011002"]);
  });

  it("omits groups without --group-by and honours --k", async () => {
    const json = JSON.parse(
      await run("--data", DATA, "--indicators", INDICATORS, "--k", "1", "--format", "json"),
    );
    expect(json.groups).toBeUndefined();
    expect(json.k).toBe(1);
    // Only RT001 and RT007 are deprived in everything.
    expect(json.poor).toBe(2);
  });

  it("prints an Indonesian table by default", async () => {
    const out = await run("--data", DATA, "--indicators", INDICATORS, "--group-by", "kode_kelurahan");
    expect(out).toContain("Indeks Kemiskinan Multidimensi");
    expect(out).toContain("H  rasio kemiskinan (headcount) : 57,14%");
    expect(out).toContain("Baris dikecualikan (data kosong): 1");
    expect(out).toMatch(/Indikator\s+Dimensi\s+Bobot\s+Tak tersensor\s+Tersensor\s+Kontribusi/);
    expect(out).toMatch(/pendapatan\s+ekonomi\s+0,3333/);
    expect(out).toContain("Menurut kelompok: kode_kelurahan");
  });

  it("prints nothing on stdout when the input is bad", async () => {
    let out = "";
    const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      out += String(chunk);
      return true;
    });
    const program = new Command().exitOverride();
    registerMpiCommand(program);
    await expect(
      program.parseAsync(["mpi", "--data", DATA, "--indicators", INDICATORS, "--k", "2"], { from: "user" }),
    ).rejects.toBeInstanceOf(CliError);
    spy.mockRestore();
    expect(out).toBe("");
  });
});
