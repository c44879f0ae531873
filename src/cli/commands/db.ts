import type { Command } from "commander";
import { migrateToLatest } from "../../server/db/migrate.ts";
import { withDb } from "../with-db.ts";

export function registerDbCommands(program: Command): void {
  const db = program.command("db").description("Basis data / database");
  db.command("migrate")
    .description("Menerapkan migrasi yang belum berjalan / apply pending migrations")
    .action(async () => {
      const applied = await withDb((h) => migrateToLatest(h.db), { migrate: false });
      process.stdout.write(
        applied.length === 0
          ? "Basis data sudah terbaru / database is up to date\n"
          : `Migrasi diterapkan / applied: ${applied.join(", ")}\n`,
      );
    });
}
