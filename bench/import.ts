/**
 * Goal: 1,000,000 person rows into an empty SQLite database in under 30 s, within 5× (stretch 2×)
 * of the floor set by the sqlite3 command-line tool's `.import` of the same CSV into a plain table,
 * measured in the same run; peak memory under 400 MB.
 *
 *   node --import tsx bench/import.ts [rows]        (default 1000000)
 *
 * Generates the CSV from the demo population (bench/person-csv.ts), runs
 * `peduli import persons FILE --json` as a child process on a fresh database (timed from process
 * start, so startup and migration are included) under /usr/bin/time for its CPU time and peak
 * memory, then `sqlite3 .import` of the same file, and prints both, their ratio and the load
 * average (the machine may be shared: compare CPU times as well as wall times).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { DEMO_REGION_FILE } from "../src/server/shipped-data.ts";
import { writePersonCsv } from "./person-csv.ts";

const rows = Number(process.argv[2] ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), "peduli-bench-import-"));
const csvPath = join(dir, "persons.csv");
const timeBin = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;

/** Runs a command, timed; CPU time and peak RSS when /usr/bin/time is there. */
function timed(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; input?: string }) {
  const started = performance.now();
  const run = timeBin
    ? spawnSync(timeBin, ["-f", "cpu=%U+%S maxrss_kb=%M", command, ...args], { ...options, encoding: "utf8" })
    : spawnSync(command, args, { ...options, encoding: "utf8" });
  const ms = performance.now() - started;
  if (run.status !== 0) {
    console.error(run.stdout, run.stderr);
    process.exit(1);
  }
  const cpu = /cpu=([\d.]+)\+([\d.]+)/.exec(run.stderr ?? "");
  const rss = /maxrss_kb=(\d+)/.exec(run.stderr ?? "")?.[1];
  return {
    ms,
    cpuS: cpu ? Number(cpu[1]) + Number(cpu[2]) : null,
    rssMb: rss ? Number(rss) / 1024 : null,
    stdout: run.stdout,
  };
}

const generated = await writePersonCsv(csvPath, rows);
console.log(
  `CSV: ${generated.toLocaleString("en")} rows, ${(statSync(csvPath).size / 1e6).toFixed(0)} MB (${csvPath})`,
);

// Peduli: a fresh database with the region list, then the import command.
const dbPath = join(dir, "peduli.db");
const env = { ...process.env, DATABASE_URL: `sqlite:${dbPath}`, LOG_LEVEL: "silent" };
execFileSync("node", ["bin/peduli.js", "regions", "import", join("data", DEMO_REGION_FILE)], { env });
const loadBefore = loadavg()[0] ?? 0;
const peduli = timed("node", ["bin/peduli.js", "import", "persons", csvPath, "--json"], { env });
const summary = JSON.parse(peduli.stdout.trim().split("\n").pop() ?? "{}");

// Floor: the sqlite3 shell's CSV import of the same file into a plain table.
const floor = timed("sqlite3", [join(dir, "floor.db")], {
  input: `.mode csv\n.import ${csvPath} persons_plain\n`,
});
const loadAfter = loadavg()[0] ?? 0;

const s = (ms: number) => (ms / 1000).toFixed(2);
const cpu = (c: number | null) => (c === null ? "" : `, CPU ${c.toFixed(2)} s`);
console.log(`Peduli import:   ${s(peduli.ms)} s${cpu(peduli.cpuS)}  ${JSON.stringify(summary)}`);
if (peduli.rssMb !== null) console.log(`Peduli peak RSS: ${peduli.rssMb.toFixed(0)} MB`);
console.log(`sqlite3 .import: ${s(floor.ms)} s${cpu(floor.cpuS)}`);
console.log(
  `ratio:           ${(peduli.ms / floor.ms).toFixed(2)}× the sqlite3 floor (wall)${
    peduli.cpuS !== null && floor.cpuS ? `, ${(peduli.cpuS / floor.cpuS).toFixed(2)}× (CPU)` : ""
  }`,
);
console.log(`load average:    ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after (1 min)`);
if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true });
