/**
 * Correcting training records without a database administrator: a programme can be archived, a
 * cohort or session cancelled (kept, with what was recorded), and a participant withdrawn from a
 * cohort (kept in its history, not counted). Frozen once landed.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("training_programmes").addColumn("archived_at", "text").execute();
  await db.schema.alterTable("training_cohorts").addColumn("cancelled_at", "text").execute();
  await db.schema.alterTable("training_sessions").addColumn("cancelled_at", "text").execute();
  await db.schema.alterTable("training_enrolments").addColumn("withdrawn_at", "text").execute();
  await db.schema.alterTable("training_enrolments").addColumn("withdrawn_reason", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("training_enrolments").dropColumn("withdrawn_reason").execute();
  await db.schema.alterTable("training_enrolments").dropColumn("withdrawn_at").execute();
  await db.schema.alterTable("training_sessions").dropColumn("cancelled_at").execute();
  await db.schema.alterTable("training_cohorts").dropColumn("cancelled_at").execute();
  await db.schema.alterTable("training_programmes").dropColumn("archived_at").execute();
}
