/** SQL of the backup records. */
import type { Db } from "../../db/database.ts";
import type { BackupRow } from "./backups.table.ts";

export async function insertBackup(db: Db, row: BackupRow): Promise<void> {
  await db.insertInto("backups").values(row).execute();
}

/** When the newest recorded backup was made, or null when there is none. */
export async function lastBackupAt(db: Db): Promise<string | null> {
  const row = await db
    .selectFrom("backups")
    .select("created_at")
    .orderBy("created_at", "desc")
    .limit(1)
    .executeTakeFirst();
  return row?.created_at ?? null;
}
