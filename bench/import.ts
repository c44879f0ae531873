/**
 * Goal: 1,000,000 person rows into an empty SQLite database in under 30 s, within 5× (stretch 2×)
 * of the floor set by the sqlite3 command-line tool's `.import` of the same CSV into a plain table.
 *
 *   node --import tsx bench/import.ts [rows]        (default 1000000)
 *
 * Generates the CSV from the demo population (valid NIKs and KK numbers over Jakarta Pusat's 44
 * kelurahan), runs `peduli import persons FILE --json` as a child process on a fresh database
 * (timed from process start, so startup and migration are included), then `sqlite3 .import`, and
 * prints both times, their ratio, and Peduli's peak memory (RSS).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PERSON_COLUMNS } from "../src/core/registry/person-row.ts";
import { generateHouseholds } from "../src/server/features/demo/demo-population.ts";
import { DEMO_REGION_FILE, readShippedData } from "../src/server/shipped-data.ts";

const rows = Number(process.argv[2] ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), "peduli-bench-import-"));
const csvPath = join(dir, "persons.csv");

function kelurahanCodes(): string[] {
  return readShippedData(DEMO_REGION_FILE)
    .split("\n")
    .map((line) => line.split(","))
    .filter((cells) => cells[2] === "kelurahan")
    .map((cells) => (cells[0] ?? "").replace(/\./g, ""));
}

const quote = (v: string) => (/[",\n;]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

async function writeCsv(): Promise<number> {
  const out = createWriteStream(csvPath);
  const write = (text: string) =>
    out.write(text) ? Promise.resolve() : new Promise<void>((r) => out.once("drain", () => r()));
  await write(`${PERSON_COLUMNS.join(",")}\n`);
  let written = 0;
  let buffer = "";
  // Ages are counted from last new year, so no generated birth date lies in the future.
  const referenceDate = new Date(Date.UTC(new Date().getUTCFullYear() - 1, 0, 1));
  const households = generateHouseholds({
    count: Math.ceil(rows / 2),
    kelurahanCodes: kelurahanCodes(),
    referenceDate,
  });
  for (const h of households) {
    for (const m of h.members) {
      if (written === rows) break;
      const ppks = written % 50 === 0 ? "24" : written % 97 === 0 ? "09;24" : "";
      buffer += `${[
        h.kkNumber,
        m.nik,
        quote(m.name),
        m.sex,
        m.birthDate,
        m.relation,
        h.regionCode,
        h.rw,
        h.rt,
        quote(h.address),
        quote(m.birthPlace),
        m.maritalStatus,
        m.education,
        m.occupation,
        m.monthlyIncome ?? "",
        m.disability ?? "",
        m.chronicIllness ?? "",
        m.healthInsurance,
        m.phone ?? "",
        quote(ppks),
        h.latitude,
        h.longitude,
      ].join(",")}\n`;
      written++;
      if (buffer.length > 1 << 20) {
        await write(buffer);
        buffer = "";
      }
    }
    if (written === rows) break;
  }
  await write(buffer);
  await new Promise<void>((resolve) => out.end(resolve));
  return written;
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(2);
}

const generated = await writeCsv();
console.log(
  `CSV: ${generated.toLocaleString("en")} rows, ${(statSync(csvPath).size / 1e6).toFixed(0)} MB (${csvPath})`,
);

// Peduli: a fresh database with the region list, then the import command.
const dbPath = join(dir, "peduli.db");
const env = { ...process.env, DATABASE_URL: `sqlite:${dbPath}`, LOG_LEVEL: "silent" };
execFileSync("node", ["bin/peduli.js", "regions", "import", join("data", DEMO_REGION_FILE)], { env });
const timeBin = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;
const args = ["bin/peduli.js", "import", "persons", csvPath, "--json"];
const started = performance.now();
const run = timeBin
  ? spawnSync(timeBin, ["-f", "maxrss_kb=%M", "node", ...args], { env, encoding: "utf8" })
  : spawnSync("node", args, { env, encoding: "utf8" });
const pedulMs = performance.now() - started;
if (run.status !== 0) {
  console.error(run.stdout, run.stderr);
  process.exit(1);
}
const summary = JSON.parse(run.stdout.trim().split("\n").pop() ?? "{}");
const rss = /maxrss_kb=(\d+)/.exec(run.stderr ?? "")?.[1];

// Floor: the sqlite3 shell's CSV import of the same file into a plain table.
const floorDb = join(dir, "floor.db");
const floorStarted = performance.now();
execFileSync("sqlite3", [floorDb], { input: `.mode csv\n.import ${csvPath} persons_plain\n` });
const floorMs = performance.now() - floorStarted;

console.log(`Peduli import:   ${seconds(pedulMs)} s  ${JSON.stringify(summary)}`);
if (rss) console.log(`Peduli peak RSS: ${(Number(rss) / 1024).toFixed(0)} MB`);
console.log(`sqlite3 .import: ${seconds(floorMs)} s`);
console.log(`ratio:           ${(pedulMs / floorMs).toFixed(2)}× the sqlite3 floor`);
if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true });
