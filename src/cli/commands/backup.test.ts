/**
 * `peduli backup`, `peduli backup verify` and `peduli restore` as a user runs them: the real
 * commands in child processes on temporary SQLite databases.
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import SqliteDatabase from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const fixture = new URL("../../../test/fixtures/persons-mixed.csv", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "peduli-cli-backup-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function peduli(db: string, uploads: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await run("node", ["bin/peduli.js", ...args], {
      env: {
        ...process.env,
        DATABASE_URL: `sqlite:${join(dir, db)}`,
        PEDULI_UPLOAD_DIR: join(dir, uploads),
        PEDULI_BACKUP_DIR: join(dir, "backups"),
        LOG_LEVEL: "silent",
      },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const persons = (db: string) => {
  const sqlite = new SqliteDatabase(join(dir, db), { readonly: true });
  try {
    return (sqlite.prepare("SELECT count(*) AS n FROM persons").get() as { n: number }).n;
  } finally {
    sqlite.close();
  }
};

describe("peduli backup / restore [sqlite, child process]", () => {
  it("backs up, verifies, refuses a damaged archive and restores into an empty database", async () => {
    expect(
      (await peduli("a.db", "up-a", "regions", "import", "data/regions/3171-jakarta-pusat.csv")).code,
    ).toBe(0);
    expect((await peduli("a.db", "up-a", "import", "persons", fixture, "--skip-invalid")).code).toBe(0);
    mkdirSync(join(dir, "up-a", "visits"), { recursive: true });
    writeFileSync(join(dir, "up-a", "visits", "foto.jpg"), "jpeg bytes");

    const made = await peduli("a.db", "up-a", "backup");
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toMatch(/Cadangan dibuat \/ backup written: .*peduli-backup-.*\.tar\.gz/);
    const [archive] = readdirSync(join(dir, "backups")).filter((f) => f.endsWith(".tar.gz"));
    const file = join(dir, "backups", archive as string);

    const verified = await peduli("a.db", "up-a", "backup", "verify", file);
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toContain("checksum OK");

    const damaged = join(dir, "rusak.tar.gz");
    const bytes = readFileSync(file);
    const at = Math.floor(bytes.length * 0.6);
    bytes[at] = (bytes[at] as number) ^ 0xff;
    writeFileSync(damaged, bytes);
    const refused = await peduli("a.db", "up-a", "backup", "verify", damaged);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^Cadangan tidak valid: .* \/ The backup is not valid: /);

    const restored = await peduli("b.db", "up-b", "restore", file);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toContain("Dipulihkan / restored");
    expect(persons("b.db")).toBe(persons("a.db"));
    expect(readFileSync(join(dir, "up-b", "visits", "foto.jpg"), "utf8")).toBe("jpeg bytes");

    const again = await peduli("b.db", "up-b", "restore", file);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("--force");
    expect((await peduli("b.db", "up-b", "restore", file, "--force")).code).toBe(0);
    expect(persons("b.db")).toBe(persons("a.db"));
  }, 120_000);
});
