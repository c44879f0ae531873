/**
 * The server's daily backup (PEDULI_BACKUP_AT, Western Indonesian Time): one node makes it (the
 * scheduler's claim), into PEDULI_BACKUP_DIR, keeping the newest PEDULI_BACKUP_KEEP archives. With
 * several nodes, PEDULI_BACKUP_DIR should be storage they share (or copied off each machine).
 */
import type { Config } from "../../config.ts";
import { dailyAtWib, type ScheduledTask } from "../maintenance/scheduler.ts";
import { createBackup, pruneBackups } from "./backup.service.ts";

export function dailyBackupTask(
  config: Pick<Config, "databaseUrl" | "uploadDir" | "backupDir" | "backupKeep">,
  time: string,
): ScheduledTask {
  return {
    name: "backup.daily",
    dueSince: dailyAtWib(time),
    async run(db, now) {
      await createBackup({
        db,
        source: { url: config.databaseUrl },
        uploadDir: config.uploadDir,
        outDir: config.backupDir,
        madeBy: "schedule",
        now,
      });
      await pruneBackups(config.backupDir, config.backupKeep);
    },
  };
}
