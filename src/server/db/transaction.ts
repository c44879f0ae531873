import type { Db } from "./database.ts";

/**
 * Runs `work` in a transaction: the caller's, when `db` already is one, or a new one. Lets a
 * service own its transaction and still be called inside a larger one (the demo seed, tests).
 */
export async function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db);
  return db.transaction().execute(work);
}
