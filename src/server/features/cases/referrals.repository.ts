/** SQL of referrals. */
import type { Insertable } from "kysely";
import type { Db } from "../../db/database.ts";
import type { ReferralRow, ReferralTable } from "./cases.table.ts";

export async function listReferrals(db: Db, caseId: string): Promise<ReferralRow[]> {
  return db
    .selectFrom("referrals")
    .selectAll()
    .where("case_id", "=", caseId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

export async function findReferral(db: Db, caseId: string, id: string): Promise<ReferralRow | undefined> {
  return db
    .selectFrom("referrals")
    .selectAll()
    .where("case_id", "=", caseId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function findReferralById(db: Db, id: string): Promise<ReferralRow | undefined> {
  return db.selectFrom("referrals").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function countReferrals(db: Db, caseId: string): Promise<number> {
  const row = await db
    .selectFrom("referrals")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("case_id", "=", caseId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertReferral(db: Db, row: Insertable<ReferralTable>): Promise<void> {
  await db.insertInto("referrals").values(row).execute();
}

export async function updateReferral(db: Db, id: string, changes: Partial<ReferralRow>): Promise<void> {
  await db.updateTable("referrals").set(changes).where("id", "=", id).execute();
}
