/**
 * Composition root: loadConfig() → createDb() → migrate → buildApp(deps).listen(), with graceful
 * shutdown on SIGTERM and SIGINT.
 */
import { buildApp } from "./app.ts";
import type { Config } from "./config.ts";
import { createDb } from "./db/create-db.ts";
import { migrateToLatest } from "./db/migrate.ts";
import { dailyBackupTask } from "./features/backups/backup.task.ts";
import { seedDemo } from "./features/demo/demo.service.ts";
import { HOUSEKEEPING } from "./features/maintenance/housekeeping.ts";
import { startScheduler } from "./features/maintenance/scheduler.ts";

export interface StartOptions {
  /** Seed the demo data when the database has no regions yet (first start). */
  autoSeed?: boolean;
  /** Called with lines worth showing the person who started the server. */
  announce?: (line: string) => void;
}

export async function startServer(config: Config, options: StartOptions = {}) {
  const announce = options.announce ?? ((line: string) => process.stdout.write(`${line}\n`));
  const handle = await createDb(config.databaseUrl);
  const applied = await migrateToLatest(handle.db);
  if (applied.length > 0) announce(`Migrasi diterapkan / migrations applied: ${applied.join(", ")}`);

  if (options.autoSeed) {
    const anyRegion = await handle.db.selectFrom("regions").select("code").limit(1).executeTakeFirst();
    if (!anyRegion) {
      announce("Basis data kosong: mengisi data demo Jakarta Pusat… / empty database: seeding demo data…");
      const summary = await seedDemo(handle.db, { demoPassword: config.demoPassword });
      announce(
        `Data demo / demo data: ${summary.regions} wilayah, ${summary.workers} petugas, ${summary.psks} PSKS, ${summary.households} keluarga, ${summary.persons} orang`,
      );
      announce(
        `Masuk dengan / log in as: admin, sudin, pimpinan, pelatih, tksk.gambir, psm.kebon-kelapa … (${summary.users.length} akun demo / demo accounts) — kata sandi / password: ${config.demoPassword}`,
      );
    }
  }

  const app = await buildApp({
    config,
    db: handle.db,
    dialect: handle.dialect,
    ...(handle.poolStats ? { poolStats: handle.poolStats } : {}),
  });
  // Housekeeping, run once across every node over this database (scheduler.ts).
  const tasks = [...HOUSEKEEPING, ...(config.backupAt ? [dailyBackupTask(config, config.backupAt)] : [])];
  const scheduler = startScheduler(handle.db, tasks, {
    onError: (task, error) => app.log.error({ err: error, task }, "scheduled task failed"),
  });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, "shutting down");
    await scheduler.stop();
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));

  await app.listen({ port: config.port, host: config.host });
  void scheduler.tick().catch((error: unknown) => app.log.error({ err: error }, "housekeeping failed"));
  const shownHost = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host;
  announce(`Peduli berjalan di / is running at http://${shownHost}:${config.port}`);
  announce(`Dokumentasi API / API reference: http://${shownHost}:${config.port}/api/docs`);
  return { app, handle };
}
