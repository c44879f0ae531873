import type { Command } from "commander";
import { loadConfig } from "../../server/config.ts";
import { startServer } from "../../server/main.ts";

export function registerServeCommand(program: Command): void {
  program
    .command("serve")
    .description("Menjalankan server web dan API / run the web and API server")
    .option("-p, --port <port>", "port (default: PORT or 8080)")
    .option(
      "--auto-seed",
      "isi data demo bila basis data masih kosong / seed demo data into an empty database",
    )
    .option("--dev", "mode pengembangan: log mudah dibaca / development mode")
    .action(async (opts: { port?: string; autoSeed?: boolean; dev?: boolean }) => {
      const config = loadConfig({
        ...(opts.port ? { PORT: opts.port } : {}),
        ...(opts.dev ? { NODE_ENV: "development" } : {}),
      });
      await startServer(config, { autoSeed: opts.autoSeed ?? false });
    });
}
