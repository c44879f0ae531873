/**
 * The `peduli` command line. Each command lives in commands/<name>.ts and registers itself on the
 * program; a command parses its options, calls a service and prints. Exit codes: 0 success,
 * 1 invalid input or failed work, 2 wrong usage.
 */
import { Command, CommanderError } from "commander";
import { CliError } from "./cli-error.ts";
import { registerDbCommands } from "./commands/db.ts";
import { registerExportCommands } from "./commands/export.ts";
import { registerImportCommands } from "./commands/import.ts";
import { registerOpenApiCommand } from "./commands/openapi.ts";
import { registerRegionsCommands } from "./commands/regions.ts";
import { registerSeedCommand } from "./commands/seed.ts";
import { registerServeCommand } from "./commands/serve.ts";
import { registerUsersCommands } from "./commands/users.ts";

const program = new Command()
  .name("peduli")
  .description("Peduli — sistem kerja TKSK dan PSM / field-work system for TKSK and PSM")
  .showHelpAfterError()
  .exitOverride();

registerServeCommand(program);
registerDbCommands(program);
registerSeedCommand(program);
registerRegionsCommands(program);
registerUsersCommands(program);
registerImportCommands(program);
registerExportCommands(program);
registerOpenApiCommand(program);

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
