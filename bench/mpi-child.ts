/**
 * Stand-in for `node bin/peduli.js mpi` used by bench/mpi.ts while the command is not yet registered
 * in src/cli/index.ts: the same command module on a fresh commander program, with index.ts's
 * handling of expected errors. Run as `node --import tsx bench/mpi-child.ts mpi …`.
 */
import { Command, CommanderError } from "commander";
import { CliError } from "../src/cli/cli-error.ts";
import { registerMpiCommand } from "../src/cli/commands/mpi.ts";

const program = new Command().name("peduli").exitOverride();
registerMpiCommand(program);
try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exitCode = error.exitCode === 0 ? 0 : 2;
  else if (error instanceof CliError) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = error.exitCode;
  } else throw error;
}
