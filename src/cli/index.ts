/**
 * The `peduli` command line. Each command lives in commands/<name>.ts and registers itself on the
 * program; a command parses its options, calls a service and prints. Exit codes: 0 success,
 * 1 invalid input or failed work, 2 wrong usage.
 *
 * Command modules pull in the server's services, which are costly to load; only the module of
 * the command being run is imported (all of them for the top-level help), so that a quick
 * command such as `peduli mpi` starts fast.
 */
import { Command, CommanderError } from "commander";
import { CliError } from "./cli-error.ts";

type Register = (program: Command) => void;

/** Top-level command name → loader of the module that registers it. */
const COMMANDS: Record<string, () => Promise<Register>> = {
  serve: async () => (await import("./commands/serve.ts")).registerServeCommand,
  db: async () => (await import("./commands/db.ts")).registerDbCommands,
  seed: async () => (await import("./commands/seed.ts")).registerSeedCommand,
  regions: async () => (await import("./commands/regions.ts")).registerRegionsCommands,
  users: async () => (await import("./commands/users.ts")).registerUsersCommands,
  import: async () => (await import("./commands/import.ts")).registerImportCommands,
  export: async () => (await import("./commands/export.ts")).registerExportCommands,
  mpi: async () => (await import("./commands/mpi.ts")).registerMpiCommand,
  openapi: async () => (await import("./commands/openapi.ts")).registerOpenApiCommand,
  report: async () => (await import("./commands/report.ts")).registerReportCommands,
  cases: async () => (await import("./commands/cases.ts")).registerCasesCommands,
  backup: async () => (await import("./commands/backup.ts")).registerBackupCommands,
  dtsen: async () => (await import("./commands/dtsen.ts")).registerDtsenCommands,
};

/** Modules that register more than one top-level command (users also tokens, backup also restore). */
const ALIASES: Record<string, string> = { tokens: "users", restore: "backup" };

const program = new Command()
  .name("peduli")
  .description("Peduli — sistem kerja TKSK dan PSM / field-work system for TKSK and PSM")
  .showHelpAfterError()
  .exitOverride();

const requested = process.argv[2] ?? "";
const name = ALIASES[requested] ?? requested;
const toLoad = name in COMMANDS ? [name] : Object.keys(COMMANDS);
for (const register of await Promise.all(toLoad.map((n) => (COMMANDS[n] as () => Promise<Register>)()))) {
  register(program);
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else if (error instanceof CliError) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = error.exitCode;
  } else {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  }
}
