import type { Command } from "commander";
import { loadConfig } from "../../server/config.ts";
import { seedDemo } from "../../server/features/demo/demo.service.ts";
import { CliError } from "../cli-error.ts";
import { withDb } from "../with-db.ts";

export function registerSeedCommand(program: Command): void {
  program
    .command("seed")
    .description("Mengisi data demo / seed demo data")
    .option(
      "--demo",
      "data demo Jakarta Pusat: wilayah, petugas, penduduk sintetis / Jakarta Pusat demo data",
    )
    .option("--households <n>", "jumlah keluarga sintetis / number of synthetic households", "5000")
    .option("--seed <n>", "benih acak, hasil sama untuk benih sama / random seed", "2024")
    .action(async (opts: { demo?: boolean; households: string; seed: string }) => {
      if (!opts.demo) throw new CliError("Gunakan --demo / use --demo (the only seed available)", 2);
      const households = Number(opts.households);
      const seed = Number(opts.seed);
      if (!Number.isInteger(households) || households < 0 || households > 2_000_000) {
        throw new CliError(
          `--households harus bilangan bulat 0–2000000 / must be an integer 0–2000000: ${opts.households}`,
          2,
        );
      }
      if (!Number.isInteger(seed))
        throw new CliError(`--seed harus bilangan bulat / must be an integer: ${opts.seed}`, 2);
      const started = Date.now();
      const { demoPassword } = loadConfig();
      const summary = await withDb((h) => seedDemo(h.db, { households, seed, demoPassword }));
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stdout.write(
        `Data demo selesai dalam ${seconds} dtk / demo data done in ${seconds} s: ${summary.regions} wilayah/regions, ${summary.workers} petugas/workers, ${summary.psks} PSKS, ${summary.households} keluarga/households, ${summary.persons} orang/persons\n`,
      );
      process.stdout.write(
        `Akun demo / demo logins (${summary.users.length}): admin, sudin, pimpinan, pelatih, tksk.<kecamatan>, psm.<kelurahan> (mis./e.g. tksk.gambir, psm.kebon-kelapa) — kata sandi / password: ${demoPassword}\n`,
      );
    });
}
