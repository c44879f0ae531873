import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { permissionsOf } from "../../core/access/permissions.ts";
import type { CaseDto } from "../../core/api/cases.schema.ts";
import { STAGES, type Stage } from "../../core/cases/case-enums.ts";
import { normalizeRegionCode } from "../../core/region/region-code.ts";
import { ALL_REGIONS } from "../../server/db/scope.ts";
import type { Actor } from "../../server/features/auth/actor.ts";
import { allCases, type CaseFilter, casesCsv, casesXlsx } from "../../server/features/cases/case-export.ts";
import { findRegion } from "../../server/features/regions/regions.repository.ts";
import { CliError } from "../cli-error.ts";
import { withDb } from "../with-db.ts";

/** The command line reads the whole city, like a Suku Dinas officer. */
function cliActor(): Actor {
  return {
    userId: "cli",
    username: "peduli-cli",
    role: "sudin",
    regionCode: null,
    scope: ALL_REGIONS,
    permissions: new Set(permissionsOf("sudin")),
    via: "token",
    ip: "",
    requestId: "cli",
  };
}

interface FilterOptions {
  region?: string;
  stage?: string;
  overdue?: boolean;
}

/** Checks the options (exit 2 on wrong usage) and turns them into the list filters. */
function filterFrom(opts: FilterOptions): CaseFilter {
  const filter: CaseFilter = {};
  if (opts.region !== undefined) {
    const code = normalizeRegionCode(opts.region);
    if (!code) throw new CliError(`Kode wilayah tidak valid / invalid region code: ${opts.region}`, 2);
    filter.region = code;
  }
  if (opts.stage !== undefined) {
    if (!STAGES.includes(opts.stage as Stage))
      throw new CliError(`Tahap tidak dikenal / unknown stage: ${opts.stage} (${STAGES.join(", ")})`, 2);
    filter.stage = opts.stage as Stage;
  }
  if (opts.overdue) filter.overdue = true;
  return filter;
}

/** Runs `work` on the cases matching `filter`, after checking the region exists (exit 1 if not). */
function withCases<T>(
  filter: CaseFilter,
  work: (ctx: Parameters<typeof allCases>[0], cases: CaseDto[]) => Promise<T>,
) {
  return withDb(async (h) => {
    if (filter.region && !(await findRegion(h.db, filter.region)))
      throw new CliError(`Wilayah tidak ditemukan / region not found: ${filter.region}`, 1);
    const ctx = { db: h.db, actor: cliActor(), now: new Date() };
    return work(ctx, await allCases(ctx, filter));
  });
}

const addFilterOptions = (command: Command) =>
  command
    .option("--region <code>", "kode wilayah (boleh bertitik) / region code (dots allowed)")
    .option("--stage <stage>", `tahap / stage: ${STAGES.join(", ")}`)
    .option("--overdue", "hanya kasus dengan tindak lanjut terlambat / only cases with an overdue follow-up");

/** `peduli cases list [--region CODE] [--stage S] [--overdue] [--json]`, `peduli cases export --out F` */
export function registerCasesCommands(program: Command): void {
  const command = program.command("cases").description("Kasus / cases");

  addFilterOptions(
    command.command("list").description("Daftar kasus di seluruh kota / list cases across the city"),
  )
    .option("--json", "keluaran JSON / JSON output")
    .action(async (opts: FilterOptions & { json?: boolean }) => {
      const filter = filterFrom(opts);
      const cases = await withCases(filter, async (_ctx, cases) => cases);
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(cases, null, 2)}\n`);
        return;
      }
      for (const c of cases) {
        process.stdout.write(
          `${[
            c.caseNumber,
            c.stage,
            c.urgency,
            c.regionCode,
            c.subjectLabel,
            c.assigneeName ?? "-",
            c.overdueTasks > 0 ? `terlambat/overdue ${c.overdueTasks}` : "",
          ]
            .join("\t")
            .trimEnd()}\n`,
        );
      }
      process.stderr.write(`${cases.length} kasus / cases\n`);
    });

  addFilterOptions(
    command
      .command("export")
      .description(
        "Ekspor kasus ke CSV, atau XLSX dengan lembar laporan kasus / export cases to CSV, or XLSX with the case report sheets",
      )
      .requiredOption("--out <file>", "berkas tujuan .csv atau .xlsx / output file .csv or .xlsx"),
  ).action(async (opts: FilterOptions & { out: string }) => {
    const out = opts.out.toLowerCase();
    const format = out.endsWith(".xlsx") ? "xlsx" : out.endsWith(".csv") ? "csv" : null;
    if (!format) throw new CliError("--out harus berakhiran .csv atau .xlsx / must end in .csv or .xlsx", 2);
    const filter = filterFrom(opts);
    const { bytes, count } = await withCases(filter, async (ctx, cases) => ({
      bytes: format === "csv" ? Buffer.from(casesCsv(cases)) : await casesXlsx(ctx, filter, cases),
      count: cases.length,
    }));
    await writeFile(opts.out, bytes);
    process.stdout.write(`Diekspor / exported: ${count} kasus/cases → ${opts.out} (${bytes.length} bytes)\n`);
  });
}
