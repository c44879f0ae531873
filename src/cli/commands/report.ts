import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { normalizeRegionCode } from "../../core/region/region-code.ts";
import { findRegion } from "../../server/features/regions/regions.repository.ts";
import { buildMonthlyReport, reportActor } from "../../server/features/reports/monthly-report.service.ts";
import { monthlyReportPdf } from "../../server/features/reports/monthly-report-pdf.ts";
import { monthlyReportXlsx } from "../../server/features/reports/monthly-report-xlsx.ts";
import { CliError } from "../cli-error.ts";
import { withDb } from "../with-db.ts";

/** `peduli report monthly --region 3171 --month 2024-05 --out report.pdf|report.xlsx` */
export function registerReportCommands(program: Command): void {
  const command = program.command("report").description("Laporan / reports");
  command
    .command("monthly")
    .description(
      "Laporan bulanan wilayah (PDF berbahasa Indonesia atau XLSX) / monthly area report (PDF or XLSX)",
    )
    .requiredOption("--region <code>", "kode wilayah: kota, kecamatan atau kelurahan / region code")
    .requiredOption("--month <YYYY-MM>", "bulan laporan / report month")
    .requiredOption("--out <file>", "berkas tujuan .pdf atau .xlsx / output file .pdf or .xlsx")
    .action(async (opts: { region: string; month: string; out: string }) => {
      const format = opts.out.toLowerCase().endsWith(".pdf")
        ? "pdf"
        : opts.out.toLowerCase().endsWith(".xlsx")
          ? "xlsx"
          : null;
      if (!format)
        throw new CliError("--out harus berakhiran .pdf atau .xlsx / must end in .pdf or .xlsx", 2);
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(opts.month))
        throw new CliError(`Bulan harus YYYY-MM / month must be YYYY-MM: ${opts.month}`, 2);
      const region = normalizeRegionCode(opts.region);
      if (!region) throw new CliError(`Kode wilayah tidak valid / invalid region code: ${opts.region}`, 2);
      const bytes = await withDb(async (h) => {
        if (!(await findRegion(h.db, region)))
          throw new CliError(`Wilayah tidak ditemukan / region not found: ${region}`, 1);
        const report = await buildMonthlyReport(h.db, reportActor(), region, opts.month, new Date());
        return format === "pdf" ? monthlyReportPdf(report) : monthlyReportXlsx(report);
      });
      await writeFile(opts.out, bytes);
      process.stdout.write(
        `Laporan bulanan / monthly report ${region} ${opts.month} → ${opts.out} (${bytes.length} bytes)\n`,
      );
    });
}
