/**
 * Goal: 1,000,000 person rows into an empty SQLite database in under 30 s, within 5× (stretch 2×)
 * of the floor set by the sqlite3 command-line tool's `.import` of the same CSV into a plain table,
 * measured in the same run; peak memory under 400 MB. On PostgreSQL (`--engine postgres`): the
 * same 30 s and 400 MB, within 5× (stretch 3×) of psql's `\copy` of the same file into a plain
 * table of text columns, and 100,000 rows in under 5 s.
 *
 *   node --import tsx bench/import.ts [rows…] [--engine sqlite|postgres]
 *     (default 1000000 on SQLite; 1000000 and 100000 on PostgreSQL)
 *
 * PostgreSQL: each size gets a fresh database `<name>_import_<pid>` (name from BENCH_DATABASE_URL,
 * default peduli_bench on postgres://postgres@127.0.0.1:5432), dropped afterwards.
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
import { PERSON_COLUMNS } from "../src/core/registry/person-row.ts";
import { DEMO_REGION_FILE } from "../src/server/shipped-data.ts";
import { writePersonCsv } from "./person-csv.ts";
import { parseBenchArgs } from "./support/engine.ts";

const args = parseBenchArgs();
const sizes = args.positional.length
  ? args.positional.map((r) => Number(r.replace(/[_,]/g, "")))
  : args.engine === "postgres"
    ? [1_000_000, 100_000]
    : [1_000_000];
const dir = mkdtempSync(join(tmpdir(), "peduli-bench-import-"));
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

const s = (ms: number) => (ms / 1000).toFixed(2);
const cpu = (c: number | null) => (c === null ? "" : `, CPU ${c.toFixed(2)} s`);

/** The PostgreSQL server and the base of the bench databases' names. */
const pgBase = new URL(process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/peduli_bench");
const pgName = `${pgBase.pathname.slice(1) || "peduli_bench"}_import_${process.pid}`;
const pgUrl = (db: string) => Object.assign(new URL(pgBase.href), { pathname: `/${db}` }).href;
const psql = (db: string, command: string) =>
  execFileSync("psql", [pgUrl(db), "-v", "ON_ERROR_STOP=1", "-qc", command], { encoding: "utf8" });

for (const rows of sizes) {
  const csvPath = join(dir, `persons-${rows}.csv`);
  const generated = await writePersonCsv(csvPath, rows);
  console.log(
    `CSV: ${generated.toLocaleString("en")} rows, ${(statSync(csvPath).size / 1e6).toFixed(0)} MB (${csvPath})`,
  );
  let url: string;
  if (args.engine === "postgres") {
    psql("postgres", `DROP DATABASE IF EXISTS ${pgName}`);
    psql("postgres", `CREATE DATABASE ${pgName}`);
    url = pgUrl(pgName);
  } else url = `sqlite:${join(dir, `peduli-${rows}.db`)}`;
  // Peduli: a fresh database with the region list, then the import command.
  const env = { ...process.env, DATABASE_URL: url, LOG_LEVEL: "silent" };
  execFileSync("node", ["bin/peduli.js", "regions", "import", join("data", DEMO_REGION_FILE)], { env });
  const loadBefore = loadavg()[0] ?? 0;
  const peduli = timed("node", ["bin/peduli.js", "import", "persons", csvPath, "--json"], { env });
  const summary = JSON.parse(peduli.stdout.trim().split("\n").pop() ?? "{}");

  // Floor: the engine's own client loading the same file into a plain table.
  let floorName: string;
  let floor: ReturnType<typeof timed>;
  if (args.engine === "postgres") {
    floorName = "psql \\copy";
    psql(pgName, `CREATE TABLE persons_plain (${PERSON_COLUMNS.map((c) => `${c} text`).join(", ")})`);
    floor = timed(
      "psql",
      [
        url,
        "-v",
        "ON_ERROR_STOP=1",
        "-qc",
        `\\copy persons_plain FROM '${csvPath}' WITH (FORMAT csv, HEADER true)`,
      ],
      {},
    );
  } else {
    floorName = "sqlite3 .import";
    floor = timed("sqlite3", [join(dir, `floor-${rows}.db`)], {
      input: `.mode csv\n.import ${csvPath} persons_plain\n`,
    });
  }
  const loadAfter = loadavg()[0] ?? 0;
  console.log(
    `Peduli import (${args.engine}, ${rows.toLocaleString("en")} rows): ${s(peduli.ms)} s${cpu(peduli.cpuS)}  ${JSON.stringify(summary)}`,
  );
  if (peduli.rssMb !== null) console.log(`Peduli peak RSS: ${peduli.rssMb.toFixed(0)} MB`);
  console.log(`${floorName}: ${s(floor.ms)} s${cpu(floor.cpuS)}`);
  console.log(
    `ratio:           ${(peduli.ms / floor.ms).toFixed(2)}× the ${floorName} floor (wall)${
      peduli.cpuS !== null && floor.cpuS ? `, ${(peduli.cpuS / floor.cpuS).toFixed(2)}× (CPU)` : ""
    }`,
  );
  console.log(`load average:    ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after (1 min)`);
  if (args.engine === "postgres" && !args.keep) psql("postgres", `DROP DATABASE IF EXISTS ${pgName}`);
  rmSync(csvPath, { force: true });
}
if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true });
