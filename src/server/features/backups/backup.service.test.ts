/**
 * Backups on both engines: a backup made while writes go on holds every record committed before
 * it began, and restores into a fresh database with its files; a non-empty target is refused
 * unless forced; a flipped byte or a tampered file is detected by verify; old archives are pruned.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { TEST_PASSWORD } from "../../../../test/auth-helpers.ts";
import { describeEachDialect, openTestDb } from "../../../../test/test-db.ts";
import { AppError } from "../../../core/errors/app-error.ts";
import { insertHousehold, KEBON_KELAPA } from "../cases/cases.test-helper.ts";
import { seedDemo } from "../demo/demo.service.ts";
import { createBackup, pruneBackups, restoreBackup, verifyBackup } from "./backup.service.ts";
import { BACKUP_FILE_PATTERN } from "./backup-manifest.ts";
import { lastBackupAt } from "./backups.repository.ts";

const PHOTO = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(3000, 9)]);

describeEachDialect("backup and restore", (ctx) => {
  const dir = mkdtempSync(join(tmpdir(), "peduli-backup-test-"));
  const uploads = join(dir, "uploads");
  const out = join(dir, "backups");
  let file: string;
  let committedBefore: string[];
  let committedAll: Set<string>;

  beforeAll(async () => {
    await seedDemo(ctx.db, { households: 60, seed: 3, demoPassword: TEST_PASSWORD });
    mkdirSync(join(uploads, "visits", "2026"), { recursive: true });
    writeFileSync(join(uploads, "visits", "2026", "foto-1.png"), PHOTO);
    writeFileSync(join(uploads, "visits", "2026", "half-written.png.ab12.part"), "x");

    // Writes go on before, during and after the backup.
    committedAll = new Set();
    for (let i = 0; i < 5; i++)
      committedAll.add((await insertHousehold(ctx.db, KEBON_KELAPA, `Warga ${i}`)).householdId);
    committedBefore = [...committedAll];
    let writing = true;
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        committedAll.add((await insertHousehold(ctx.db, KEBON_KELAPA, `Sambil ${i}`)).householdId);
        await new Promise((r) => setTimeout(r, 1));
      }
    })();
    const made = await createBackup({
      db: ctx.db,
      source: ctx.address,
      uploadDir: uploads,
      outDir: out,
      madeBy: "cli",
    });
    writing = false;
    await writer;
    file = made.file;
    expect(committedAll.size, "households written while the backup ran").toBeGreaterThan(
      committedBefore.length,
    );
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes one named archive and records it", async () => {
    expect(BACKUP_FILE_PATTERN.test(file.split("/").at(-1) as string)).toBe(true);
    expect(await lastBackupAt(ctx.db)).not.toBeNull();
  });

  it("restores into a fresh database every record committed before the backup, and its files", async () => {
    const fresh = await openTestDb(ctx.dialect);
    const restoredUploads = join(dir, "restored-uploads");
    try {
      const target = { url: fresh.url, ...(fresh.schema ? { schema: fresh.schema } : {}) };
      const { manifest, files } = await restoreBackup({ file, target, uploadDir: restoredUploads });
      expect(files).toBe(1);
      const ids = new Set(
        (await fresh.handle.db.selectFrom("households").select("id").execute()).map((h) => h.id),
      );
      for (const id of committedBefore) expect(ids.has(id), id).toBe(true);
      // Nothing that was never committed, and exactly what the manifest counted.
      const seeded = await ctx.db.selectFrom("households").select("id").execute();
      const known = new Set([...committedAll, ...seeded.map((h) => h.id)]);
      for (const id of ids) expect(known.has(id), id).toBe(true);
      expect(ids.size).toBe(manifest.tables.households);
      const persons = await fresh.handle.db.selectFrom("persons").select("id").execute();
      expect(persons.length).toBe(manifest.tables.persons);
      const users = await fresh.handle.db.selectFrom("users").select("username").execute();
      expect(users.map((u) => u.username)).toContain("sudin");
      expect(Buffer.compare(readFileSync(join(restoredUploads, "visits", "2026", "foto-1.png")), PHOTO)).toBe(
        0,
      );

      // A second restore into the now non-empty database is refused, and --force replaces it.
      await expect(restoreBackup({ file, target, uploadDir: restoredUploads })).rejects.toMatchObject({
        code: "restore_target_not_empty",
      });
      await fresh.handle.db
        .deleteFrom("households")
        .where("id", "=", committedBefore[0] as string)
        .execute()
        .catch(() => {});
      const forced = await restoreBackup({ file, target, uploadDir: restoredUploads, force: true });
      expect(forced.report.rows).toBe(Object.values(manifest.tables).reduce((a, b) => a + b, 0));
      const again = await fresh.handle.db.selectFrom("households").select("id").execute();
      expect(again.length).toBe(manifest.tables.households);
    } finally {
      await fresh.handle.close();
      await fresh.cleanup();
    }
  }, 120_000);

  it("verify accepts the archive and names what is wrong in a damaged one", async () => {
    const ok = await verifyBackup(file);
    expect(ok.manifest.files.map((f) => f.path)).toEqual([
      "database.sqlite",
      "uploads/visits/2026/foto-1.png",
    ]);
    await ok.cleanup();

    const flipped = join(dir, "flipped.tar.gz");
    const bytes = readFileSync(file);
    const at = Math.floor(bytes.length / 2);
    bytes[at] = (bytes[at] as number) ^ 0x01;
    writeFileSync(flipped, bytes);
    const error = await verifyBackup(flipped).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("backup_invalid");
    expect((error as AppError).messageIn("id")).toMatch(/^Cadangan tidak valid: /);

    const missing = await verifyBackup(join(dir, "tidak-ada.tar.gz")).catch((e: unknown) => e);
    expect((missing as AppError).messageIn("en")).toContain("no such file");
  });

  it("keeps only the newest archives when pruning", async () => {
    const keepDir = join(dir, "prune");
    mkdirSync(keepDir);
    const names = ["2026-12-01T020000Z", "2026-12-02T020000Z", "2026-12-03T020000Z"].map(
      (t) => `peduli-backup-${t}.tar.gz`,
    );
    for (const name of names) copyFileSync(file, join(keepDir, name));
    writeFileSync(join(keepDir, "catatan.txt"), "bukan cadangan");
    expect(await pruneBackups(keepDir, 2)).toEqual([names[0]]);
  });
});
