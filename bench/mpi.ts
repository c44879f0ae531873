/**
 * Speed goal: `peduli mpi` end to end is at least as fast as an equivalent vectorised pandas script
 * (stretch: twice as fast) on a 1,000,000-row household file.
 *
 *   npx tsx bench/mpi.ts [--rows N] [--repeat R] [--keep]
 *
 * Generates a CSV (seeded PRNG: the same file on every run) with numeric and categorical
 * indicators, missing cells, a kelurahan column and a household-size weight column, plus two
 * indicator files: "campuran" (mixed rules, M1/M2 undefined) and "kardinal" (only `lt` rules, M1
 * and M2 defined). Each tool runs as a child process, timed from spawn to exit (interpreter start,
 * reading, computing and printing the JSON). Results must agree to 1e-9 (H, A, M0, M1, M2 and
 * every group's M0) or the run fails. Prints the baseline, Peduli's figure and the ratio.
 *
 * Baseline: Debian's python3 with python3-pandas (`apt-get install -y python3-pandas`), run as
 * /usr/bin/python3 (override with PEDULI_BENCH_PYTHON).
 */
import { spawnSync } from "node:child_process";
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const PYTHON = process.env.PEDULI_BENCH_PYTHON ?? "/usr/bin/python3";
const TOLERANCE = 1e-9;

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} needs a positive integer`);
  return value;
}

const ROWS = argument("--rows", 1_000_000);
const REPEAT = argument("--repeat", 3);
const KEEP = process.argv.includes("--keep");

/** mulberry32: small, fast, good enough for synthetic data, and reproducible. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COLUMNS = [
  "id_rumah_tangga",
  "kode_kelurahan",
  "jumlah_art",
  "pendapatan_per_kapita",
  "lama_sekolah_krt",
  "luas_lantai_per_kapita",
  "jenis_lantai",
  "jenis_dinding",
  "sumber_air",
  "bahan_bakar",
  "punya_jaminan_kesehatan",
  "catatan",
];
/** Indicator columns that may be left empty (about 0.5 % of rows have one empty cell). */
const MAY_BE_EMPTY = [3, 4, 5, 6, 8, 10];

/** Writes the data file; rows depend on a latent "welfare" draw so deprivations go together. */
function generate(path: string, rows: number): void {
  const next = prng(20261128);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] as T;
  const kelurahan = Array.from(
    { length: 44 },
    (_, i) => `31710${(i % 8) + 1}100${String(i + 1).padStart(2, "0")}`,
  );
  const fd = openSync(path, "w");
  let lines: string[] = [COLUMNS.join(",")];
  for (let i = 0; i < rows; i++) {
    const welfare = next();
    const poorish = 1 - welfare;
    const cells = [
      `RT${String(i + 1).padStart(7, "0")}`,
      pick(kelurahan),
      String(1 + Math.floor(next() * next() * 8)),
      String(Math.round((150_000 + 2_000_000 * welfare ** 1.6 * (0.4 + next())) / 1000) * 1000),
      String(Math.min(16, Math.floor(welfare * 12 + next() * 6))),
      (2 + welfare * 18 + next() * 8).toFixed(1),
      next() < 0.35 * poorish ? pick(["tanah", "bambu"]) : pick(["kayu", "semen", "keramik", "keramik"]),
      next() < 0.3 * poorish ? pick(["bambu", "kayu"]) : "tembok",
      next() < 0.3 * poorish
        ? pick(["sumur_tak_terlindung", "sungai", "air_hujan"])
        : pick(["pam", "sumur_bor"]),
      next() < 0.25 * poorish ? pick(["kayu_bakar", "minyak_tanah"]) : pick(["gas", "listrik"]),
      next() < 0.05 + 0.3 * poorish ? "0" : "1",
      pick(["", "", "", "lansia", "disabilitas", "ibu_hamil"]),
    ];
    if (next() < 0.005) cells[pick(MAY_BE_EMPTY)] = "";
    lines.push(cells.join(","));
    if (lines.length >= 20_000) {
      writeSync(fd, `${lines.join("\n")}\n`);
      lines = [];
    }
  }
  if (lines.length > 0) writeSync(fd, `${lines.join("\n")}\n`);
  closeSync(fd);
}

const MIXED = {
  k: 0.3333,
  indicators: [
    {
      id: "pendapatan",
      column: "pendapatan_per_kapita",
      dimension: "ekonomi",
      weight: 2,
      deprivedIf: { op: "lt", value: 600000 },
    },
    {
      id: "sekolah",
      column: "lama_sekolah_krt",
      dimension: "pendidikan",
      weight: 2,
      deprivedIf: { op: "lt", value: 6 },
    },
    {
      id: "luas",
      column: "luas_lantai_per_kapita",
      dimension: "hunian",
      weight: 0.5,
      deprivedIf: { op: "lt", value: 8 },
    },
    {
      id: "lantai",
      column: "jenis_lantai",
      dimension: "hunian",
      weight: 0.5,
      deprivedIf: { op: "in", value: ["tanah", "bambu"] },
    },
    {
      id: "dinding",
      column: "jenis_dinding",
      dimension: "hunian",
      weight: 0.5,
      deprivedIf: { op: "ne", value: "tembok" },
    },
    {
      id: "air",
      column: "sumber_air",
      dimension: "hunian",
      weight: 0.5,
      deprivedIf: { op: "in", value: ["sumur_tak_terlindung", "sungai", "air_hujan"] },
    },
    {
      id: "bahan_bakar",
      column: "bahan_bakar",
      dimension: "hunian",
      weight: 0.5,
      deprivedIf: { op: "in", value: ["kayu_bakar", "minyak_tanah"] },
    },
    {
      id: "jamkes",
      column: "punya_jaminan_kesehatan",
      dimension: "kesehatan",
      weight: 2,
      deprivedIf: { op: "eq", value: 0 },
    },
  ],
};

const CARDINAL = {
  k: 0.4,
  indicators: [
    {
      id: "pendapatan",
      column: "pendapatan_per_kapita",
      dimension: "ekonomi",
      weight: 2,
      deprivedIf: { op: "lt", value: 600000 },
    },
    {
      id: "sekolah",
      column: "lama_sekolah_krt",
      dimension: "pendidikan",
      weight: 1,
      deprivedIf: { op: "lt", value: 6 },
    },
    {
      id: "luas",
      column: "luas_lantai_per_kapita",
      dimension: "hunian",
      weight: 1,
      deprivedIf: { op: "lt", value: 8 },
    },
  ],
};

interface Output {
  n: number;
  excluded: number;
  poor: number;
  H: number;
  A: number;
  M0: number;
  M1: number | null;
  M2: number | null;
  groups: { group: string; M0: number }[];
}

interface Timing {
  /** Median wall time, seconds. */
  wall: number;
  /** Median CPU time (user + system), seconds, or null without /usr/bin/time. */
  cpu: number | null;
  output: Output;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const SPAWN = { cwd: ROOT, encoding: "utf8" as const, maxBuffer: 1 << 26 };

/**
 * Runs a command `repeat` times; returns median wall and CPU times and the parsed JSON of the last
 * run. CPU time comes from GNU time when present: on a shared machine it is steadier than wall time.
 */
function time(command: string, args: string[], scratch: string): Timing {
  const walls: number[] = [];
  const cpus: number[] = [];
  const gnuTime = existsSync("/usr/bin/time");
  const usage = join(scratch, "usage.txt");
  let stdout = "";
  for (let r = 0; r < REPEAT; r++) {
    const start = process.hrtime.bigint();
    const run = gnuTime
      ? spawnSync("/usr/bin/time", ["-f", "%U %S", "-o", usage, command, ...args], SPAWN)
      : spawnSync(command, args, SPAWN);
    walls.push(Number(process.hrtime.bigint() - start) / 1e9);
    if (run.status !== 0)
      throw new Error(`${command} ${args.join(" ")} failed (${run.status}):\n${run.stderr}`);
    if (gnuTime) {
      const [user = 0, system = 0] = readFileSync(usage, "utf8").trim().split(/\s+/).slice(-2).map(Number);
      cpus.push(user + system);
    }
    stdout = run.stdout;
  }
  return {
    wall: median(walls),
    cpu: cpus.length > 0 ? median(cpus) : null,
    output: JSON.parse(stdout) as Output,
  };
}

function agree(peduli: Output, pandas: Output): string[] {
  const problems: string[] = [];
  const compare = (what: string, a: number | null | undefined, b: number | null | undefined) => {
    if (a === null || b === null || a === undefined || b === undefined) {
      if (a !== b) problems.push(`${what}: ${a} vs ${b}`);
    } else if (!(Math.abs(a - b) <= TOLERANCE)) problems.push(`${what}: ${a} vs ${b}`);
  };
  for (const key of ["n", "excluded", "poor", "H", "A", "M0", "M1", "M2"] as const)
    compare(key, peduli[key], pandas[key]);
  const theirs = new Map(pandas.groups.map((g) => [g.group, g.M0]));
  if (theirs.size !== peduli.groups.length)
    problems.push(`groups: ${peduli.groups.length} vs ${theirs.size}`);
  for (const g of peduli.groups) compare(`M0 of ${g.group}`, g.M0, theirs.get(g.group));
  return problems;
}

/** Peduli's command line, exactly as an analyst runs it. */
function peduliCommand(): string[] {
  return ["bin/peduli.js", "mpi"];
}

const dir = mkdtempSync(join(tmpdir(), "peduli-bench-mpi-"));
try {
  const data = join(dir, "rumah-tangga.csv");
  const started = process.hrtime.bigint();
  generate(data, ROWS);
  const generated = Number(process.hrtime.bigint() - started) / 1e9;
  const size = statSync(data).size / 1e6;
  const entry = peduliCommand();
  console.log(
    `MPI engine (bench/mpi): ${ROWS.toLocaleString("en")} rows, ${size.toFixed(0)} MB CSV (generated in ${generated.toFixed(1)} s)`,
  );
  console.log(
    `Peduli: node ${entry.join(" ")} … --format json; baseline: ${PYTHON} bench/mpi_pandas.py; median of ${REPEAT}`,
  );
  console.log(`Node ${process.version}`);

  let failed = false;
  for (const [name, definition] of [
    ["campuran", MIXED],
    ["kardinal", CARDINAL],
  ] as const) {
    const indicators = join(dir, `${name}.json`);
    writeFileSync(indicators, JSON.stringify(definition));
    const pandas = time(
      PYTHON,
      ["bench/mpi_pandas.py", data, indicators, "kode_kelurahan", "jumlah_art"],
      dir,
    );
    const peduli = time(
      process.execPath,
      [
        ...entry,
        "--data",
        data,
        "--indicators",
        indicators,
        "--group-by",
        "kode_kelurahan",
        "--weight-column",
        "jumlah_art",
        "--format",
        "json",
      ],
      dir,
    );
    const problems = agree(peduli.output, pandas.output);
    failed ||= problems.length > 0;
    const out = peduli.output;
    console.log(
      `\n[${name}] ${definition.indicators.length} indicators, k = ${definition.k}: H = ${out.H.toFixed(4)}, A = ${out.A.toFixed(4)}, ` +
        `M0 = ${out.M0.toFixed(4)}, M1 = ${out.M1?.toFixed(4) ?? "null"}, excluded rows = ${out.excluded}, groups = ${out.groups.length}`,
    );
    const cpu = (t: Timing) => (t.cpu === null ? "" : `, CPU ${t.cpu.toFixed(2)} s`);
    console.log(`  baseline pandas : ${pandas.wall.toFixed(2)} s wall${cpu(pandas)}`);
    console.log(`  peduli mpi      : ${peduli.wall.toFixed(2)} s wall${cpu(peduli)}`);
    console.log(
      `  ratio           : ${(pandas.wall / peduli.wall).toFixed(2)}× wall` +
        (pandas.cpu !== null && peduli.cpu !== null ? `, ${(pandas.cpu / peduli.cpu).toFixed(2)}× CPU` : "") +
        " (pandas time / Peduli time; goal ≥ 1, stretch ≥ 2)",
    );
    console.log(
      `  agreement 1e-9  : ${problems.length === 0 ? "yes" : `NO\n    ${problems.slice(0, 10).join("\n    ")}`}`,
    );
  }
  if (failed) process.exitCode = 1;
} finally {
  if (KEEP) console.log(`\nFiles kept in ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
