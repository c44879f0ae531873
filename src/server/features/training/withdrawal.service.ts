/**
 * Withdrawing a participant from a cohort (pelatih, sudin): the enrolment is kept with its
 * attendance and attempts, but counts in no quota, rate, report or completion, and the worker no
 * longer acts in the cohort. Allowed until the cohort's certificates are issued; audited.
 */
import type { Kysely } from "kysely";
import { AppError, notFound } from "../../../core/errors/app-error.ts";
import type { Database } from "../../db/database.ts";
import { nowIso } from "../../db/ids.ts";
import * as audit from "../audit/audit.service.ts";
import type { Actor } from "../auth/actor.ts";
import * as repo from "./lifecycle.repository.ts";
import { findCohort } from "./results.repository.ts";
import { assertManage } from "./training-access.ts";

const ENROLMENT = { id: "Peserta pelatihan", en: "Training participant" };

/**
 * Withdraws a participant before the cohort's certificates are issued: the enrolment stays (with
 * its attendance and attempts) but counts in no quota, attendance rate, report or completion.
 */
export async function withdrawParticipant(
  db: Kysely<Database>,
  actor: Actor,
  enrolmentId: string,
  reason: string,
) {
  assertManage(actor);
  return db.transaction().execute(async (trx) => {
    const row = await repo.findEnrolment(trx, enrolmentId);
    if (!row) throw notFound(ENROLMENT);
    const cohort = (await findCohort(trx, row.cohort_id))!;
    const { certificates } = await repo.usageOf(trx, [row.cohort_id]);
    if (certificates > 0) {
      throw new AppError("training_change_refused", {
        reasonId: `sertifikat angkatan ini sudah diterbitkan (${certificates}); peserta tidak dapat dikeluarkan lagi`,
        reasonEn: `this cohort's certificates have been issued (${certificates}); participants can no longer be withdrawn`,
      });
    }
    const at = row.withdrawn_at ?? nowIso();
    if (row.withdrawn_at === null) {
      await trx
        .updateTable("training_enrolments")
        .set({ withdrawn_at: at, withdrawn_reason: reason })
        .where("id", "=", enrolmentId)
        .execute();
      await audit.record(trx, {
        by: actor,
        action: "update",
        table: "training_enrolments",
        recordId: enrolmentId,
        regionCode: row.region_code,
        before: { withdrawn_at: null },
        after: { withdrawn_at: at, withdrawn_reason: reason },
        detail: { cohortId: cohort.id, workerId: row.worker_id },
      });
    }
    const left = await trx
      .selectFrom("training_enrolments")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("cohort_id", "=", row.cohort_id)
      .where("withdrawn_at", "is", null)
      .executeTakeFirstOrThrow();
    return { enrolmentId, withdrawnAt: at, participants: Number(left.n) };
  });
}
