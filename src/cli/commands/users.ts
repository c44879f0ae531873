/** `peduli users add|list|disable|reset-password` and `peduli tokens create|revoke`. */
import { createInterface } from "node:readline";
import type { Command } from "commander";
import { isRole, ROLES } from "../../core/access/permissions.ts";
import { AppError } from "../../core/errors/app-error.ts";
import { normalizeRegionCode } from "../../core/region/region-code.ts";
import { createToken, revokeToken } from "../../server/features/auth/tokens.service.ts";
import { presentUser } from "../../server/features/users/users.presenter.ts";
import { listUsers as listUserRows } from "../../server/features/users/users.repository.ts";
import {
  CLI_ACTOR,
  createUser,
  getUserByUsername,
  resetPassword,
  updateUser,
} from "../../server/features/users/users.service.ts";
import { CliError } from "../cli-error.ts";
import { formatAppError } from "../format-error.ts";
import { withDb } from "../with-db.ts";

/** Reads a password from stdin (one line) or, on a terminal, asks for it twice without echo. */
async function readPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin || !process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    const line = Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
    if (line === "") throw new CliError("Tidak ada kata sandi di stdin / no password on stdin", 2);
    return line;
  }
  const ask = (prompt: string) =>
    new Promise<string>((resolve) => {
      const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
      const out = rl as unknown as { _writeToOutput: (s: string) => void };
      out._writeToOutput = (s: string) => {
        if (s.startsWith(prompt)) process.stdout.write(prompt);
      };
      rl.question(prompt, (answer) => {
        rl.close();
        process.stdout.write("\n");
        resolve(answer);
      });
    });
  const first = await ask("Kata sandi / password: ");
  const second = await ask("Ulangi / repeat: ");
  if (first !== second) throw new CliError("Kata sandi tidak sama / passwords differ", 1);
  return first;
}

async function run<T>(work: Parameters<typeof withDb<T>>[0]): Promise<T> {
  try {
    return await withDb(work);
  } catch (error) {
    if (error instanceof AppError) throw new CliError(formatAppError(error));
    throw error;
  }
}

export function registerUsersCommands(program: Command): void {
  const users = program.command("users").description("Pengguna / users");

  users
    .command("add")
    .description("Menambah pengguna / add a user (the first admin is created here)")
    .requiredOption("--username <name>", "nama pengguna / login name")
    .requiredOption("--role <role>", `peran / role: ${ROLES.join(", ")}`)
    .option("--region <code>", "kecamatan (tksk) atau kelurahan (psm) / region code")
    .option("--name <name>", "nama lengkap / display name")
    .option("--worker-id <id>", "tautan ke data petugas / linked worker record")
    .option("--password-stdin", "baca kata sandi dari stdin / read the password from stdin")
    .option("--generate-password", "buat kata sandi acak, ditampilkan sekali / generate one, shown once")
    .action(
      async (opts: {
        username: string;
        role: string;
        region?: string;
        name?: string;
        workerId?: string;
        passwordStdin?: boolean;
        generatePassword?: boolean;
      }) => {
        if (!isRole(opts.role)) throw new CliError(`Peran tidak dikenal / unknown role: ${opts.role}`, 2);
        const regionCode = opts.region === undefined ? null : normalizeRegionCode(opts.region);
        if (opts.region !== undefined && regionCode === null) {
          throw new CliError(`Kode wilayah tidak valid / invalid region code: ${opts.region}`, 2);
        }
        const password = opts.generatePassword ? undefined : await readPassword(Boolean(opts.passwordStdin));
        const result = await run((h) =>
          createUser(h.db, CLI_ACTOR, {
            username: opts.username,
            displayName: opts.name ?? opts.username,
            role: opts.role as never,
            regionCode,
            workerId: opts.workerId ?? null,
            password,
          }),
        );
        process.stdout.write(
          `Pengguna dibuat / user created: ${result.user.username} (${result.user.role})\n`,
        );
        if (result.password) {
          process.stdout.write(`Kata sandi (sekali ini saja) / password (shown once): ${result.password}\n`);
        }
      },
    );

  users
    .command("list")
    .description("Daftar pengguna / list users")
    .action(async () => {
      const { rows } = await run((h) => listUserRows(h.db, { limit: 100_000, offset: 0 }));
      const now = new Date();
      for (const row of rows.map((r) => presentUser(r, now))) {
        const state = row.disabled
          ? "nonaktif/disabled"
          : row.lockedUntil
            ? `terkunci/locked until ${row.lockedUntil}`
            : "aktif/active";
        process.stdout.write(
          `${row.username.padEnd(32)} ${row.role.padEnd(9)} ${(row.regionCode ?? "-").padEnd(11)} ${state}\n`,
        );
      }
    });

  users
    .command("disable")
    .description("Menonaktifkan pengguna dan mengakhiri sesinya / disable a user and end their sessions")
    .argument("<username>")
    .action(async (username: string) => {
      await run(async (h) => {
        const user = await getUserByUsername(h.db, username);
        await updateUser(h.db, CLI_ACTOR, user.id, { disabled: true });
      });
      process.stdout.write(`Dinonaktifkan / disabled: ${username}\n`);
    });

  users
    .command("reset-password")
    .description("Mengganti kata sandi pengguna / set a new password (also unlocks)")
    .argument("<username>")
    .option("--password-stdin", "baca kata sandi dari stdin / read the password from stdin")
    .option("--generate-password", "buat kata sandi acak, ditampilkan sekali / generate one, shown once")
    .action(async (username: string, opts: { passwordStdin?: boolean; generatePassword?: boolean }) => {
      const given = opts.generatePassword ? undefined : await readPassword(Boolean(opts.passwordStdin));
      const result = await run(async (h) => {
        const user = await getUserByUsername(h.db, username);
        return resetPassword(h.db, CLI_ACTOR, user.id, given);
      });
      process.stdout.write(`Kata sandi diganti / password reset: ${username}\n`);
      if (result.password) {
        process.stdout.write(`Kata sandi (sekali ini saja) / password (shown once): ${result.password}\n`);
      }
    });

  const tokens = program.command("tokens").description("Token API / API tokens");
  tokens
    .command("create")
    .description("Membuat token API untuk pengguna / create an API token for a user (shown once)")
    .requiredOption("--username <name>", "pemilik token / the user the token acts as")
    .requiredOption("--name <label>", "nama token, mis. integrasi / a label, e.g. the integration")
    .action(async (opts: { username: string; name: string }) => {
      const created = await run(async (h) => {
        const user = await getUserByUsername(h.db, opts.username);
        return createToken(h.db, user.id, opts.name);
      });
      process.stdout.write(`Token ${created.token.id} (${opts.username}, ${opts.name})\n`);
      process.stdout.write(`Rahasia (sekali ini saja) / secret (shown once): ${created.secret}\n`);
    });
  tokens
    .command("revoke")
    .description("Mencabut token API / revoke an API token")
    .argument("<id>")
    .action(async (id: string) => {
      await run((h) => revokeToken(h.db, { userId: null }, id));
      process.stdout.write(`Dicabut / revoked: ${id}\n`);
    });
}
