/**
 * Training (bimbingan dan pelatihan) of TKSK and PSM: the competency framework, programmes with
 * quotas and modules, learning objectives mapped to competencies, question banks, cohorts and
 * their sessions, enrolments of workers, attendance, pre- and post-tests with per-item answers,
 * anonymous evaluations and certificates. Children are deleted with their parents (a removed
 * demo worker takes its enrolments, answers and certificates along). Frozen once landed.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("training_competencies")
    .addColumn("code", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("sort_order", "integer", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("training_programmes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("level", "text", (c) => c.notNull())
    .addColumn("organiser", "text", (c) => c.notNull())
    .addColumn("organiser_code", "text", (c) => c.notNull())
    .addColumn("min_attendance_rate", "real", (c) => c.notNull())
    .addColumn("min_post_score", "real", (c) => c.notNull())
    .addColumn("signatory_name", "text", (c) => c.notNull())
    .addColumn("signatory_title", "text", (c) => c.notNull())
    .addColumn("is_demo", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("training_quotas")
    .addColumn("programme_id", "text", (c) =>
      c.notNull().references("training_programmes.id").onDelete("cascade"),
    )
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("quota", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("training_quotas_pk", ["programme_id", "role"])
    .execute();

  await db.schema
    .createTable("training_modules")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("programme_id", "text", (c) =>
      c.notNull().references("training_programmes.id").onDelete("cascade"),
    )
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("hours", "real", (c) => c.notNull())
    .addColumn("sort_order", "integer", (c) => c.notNull())
    .addUniqueConstraint("training_modules_code_uq", ["programme_id", "code"])
    .execute();

  await db.schema
    .createTable("training_objectives")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("module_id", "text", (c) => c.notNull().references("training_modules.id").onDelete("cascade"))
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("competency_code", "text", (c) => c.notNull().references("training_competencies.code"))
    .addColumn("sort_order", "integer", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("training_objectives_module_idx")
    .on("training_objectives")
    .column("module_id")
    .execute();

  await db.schema
    .createTable("training_questions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("module_id", "text", (c) => c.notNull().references("training_modules.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("options", "text", (c) => c.notNull())
    .addColumn("correct_index", "integer", (c) => c.notNull())
    .addColumn("competency_code", "text", (c) => c.notNull().references("training_competencies.code"))
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("training_questions_module_idx")
    .on("training_questions")
    .column("module_id")
    .execute();

  await db.schema
    .createTable("training_cohorts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("programme_id", "text", (c) =>
      c.notNull().references("training_programmes.id").onDelete("cascade"),
    )
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("venue", "text", (c) => c.notNull())
    .addColumn("starts_on", "text", (c) => c.notNull())
    .addColumn("ends_on", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("training_cohorts_programme_idx")
    .on("training_cohorts")
    .column("programme_id")
    .execute();

  await db.schema
    .createTable("training_sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("cohort_id", "text", (c) => c.notNull().references("training_cohorts.id").onDelete("cascade"))
    .addColumn("date", "text", (c) => c.notNull())
    .addColumn("start_time", "text", (c) => c.notNull())
    .addColumn("end_time", "text", (c) => c.notNull())
    .addColumn("venue", "text", (c) => c.notNull())
    .addColumn("trainer", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("check_in_token", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("training_sessions_cohort_idx")
    .on("training_sessions")
    .columns(["cohort_id", "date"])
    .execute();

  await db.schema
    .createTable("training_session_modules")
    .addColumn("session_id", "text", (c) =>
      c.notNull().references("training_sessions.id").onDelete("cascade"),
    )
    .addColumn("module_id", "text", (c) => c.notNull().references("training_modules.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("training_session_modules_pk", ["session_id", "module_id"])
    .execute();

  await db.schema
    .createTable("training_enrolments")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("cohort_id", "text", (c) => c.notNull().references("training_cohorts.id").onDelete("cascade"))
    .addColumn("worker_id", "text", (c) => c.notNull().references("workers.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("enrolled_at", "text", (c) => c.notNull())
    .addUniqueConstraint("training_enrolments_uq", ["cohort_id", "worker_id"])
    .execute();
  await db.schema
    .createIndex("training_enrolments_worker_idx")
    .on("training_enrolments")
    .column("worker_id")
    .execute();

  await db.schema
    .createTable("training_attendance")
    .addColumn("session_id", "text", (c) =>
      c.notNull().references("training_sessions.id").onDelete("cascade"),
    )
    .addColumn("enrolment_id", "text", (c) =>
      c.notNull().references("training_enrolments.id").onDelete("cascade"),
    )
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("method", "text", (c) => c.notNull())
    .addColumn("marked_at", "text", (c) => c.notNull())
    .addColumn("marked_by", "text")
    .addPrimaryKeyConstraint("training_attendance_pk", ["session_id", "enrolment_id"])
    .execute();
  await db.schema
    .createIndex("training_attendance_enrolment_idx")
    .on("training_attendance")
    .column("enrolment_id")
    .execute();

  await db.schema
    .createTable("training_tests")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("cohort_id", "text", (c) => c.notNull().references("training_cohorts.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("time_limit_minutes", "integer", (c) => c.notNull())
    .addColumn("questions_per_module", "integer", (c) => c.notNull())
    .addColumn("is_open", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("training_tests_uq", ["cohort_id", "kind"])
    .execute();

  await db.schema
    .createTable("training_attempts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("test_id", "text", (c) => c.notNull().references("training_tests.id").onDelete("cascade"))
    .addColumn("enrolment_id", "text", (c) =>
      c.notNull().references("training_enrolments.id").onDelete("cascade"),
    )
    .addColumn("seed", "bigint", (c) => c.notNull())
    .addColumn("started_at", "text", (c) => c.notNull())
    .addColumn("deadline_at", "text", (c) => c.notNull())
    .addColumn("submitted_at", "text")
    .addColumn("closed_at_limit", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("correct_count", "integer")
    .addColumn("question_count", "integer", (c) => c.notNull())
    .addColumn("score", "real")
    .addUniqueConstraint("training_attempts_uq", ["test_id", "enrolment_id"])
    .execute();
  await db.schema
    .createIndex("training_attempts_enrolment_idx")
    .on("training_attempts")
    .column("enrolment_id")
    .execute();

  await db.schema
    .createTable("training_attempt_items")
    .addColumn("attempt_id", "text", (c) =>
      c.notNull().references("training_attempts.id").onDelete("cascade"),
    )
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("question_id", "text", (c) => c.notNull().references("training_questions.id"))
    .addColumn("option_order", "text", (c) => c.notNull())
    .addColumn("selected_option", "integer")
    .addColumn("is_correct", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("answered_at", "text")
    .addPrimaryKeyConstraint("training_attempt_items_pk", ["attempt_id", "position"])
    .execute();
  await db.schema
    .createIndex("training_attempt_items_question_idx")
    .on("training_attempt_items")
    .column("question_id")
    .execute();

  // Anonymous: the answers carry no participant; a separate table only records who has answered.
  await db.schema
    .createTable("training_evaluations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("cohort_id", "text", (c) => c.notNull().references("training_cohorts.id").onDelete("cascade"))
    .addColumn("content", "integer", (c) => c.notNull())
    .addColumn("trainer", "integer", (c) => c.notNull())
    .addColumn("venue", "integer", (c) => c.notNull())
    .addColumn("usefulness", "integer", (c) => c.notNull())
    .addColumn("comment", "text")
    .addColumn("submitted_on", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("training_evaluations_cohort_idx")
    .on("training_evaluations")
    .column("cohort_id")
    .execute();
  await db.schema
    .createTable("training_evaluation_receipts")
    .addColumn("cohort_id", "text", (c) => c.notNull().references("training_cohorts.id").onDelete("cascade"))
    .addColumn("enrolment_id", "text", (c) =>
      c.notNull().references("training_enrolments.id").onDelete("cascade"),
    )
    .addPrimaryKeyConstraint("training_evaluation_receipts_pk", ["cohort_id", "enrolment_id"])
    .execute();

  await db.schema
    .createTable("training_certificates")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("enrolment_id", "text", (c) =>
      c.notNull().unique().references("training_enrolments.id").onDelete("cascade"),
    )
    .addColumn("programme_id", "text", (c) => c.notNull())
    .addColumn("serial", "integer", (c) => c.notNull())
    .addColumn("number", "text", (c) => c.notNull().unique())
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("holder_name", "text", (c) => c.notNull())
    .addColumn("programme_name", "text", (c) => c.notNull())
    .addColumn("completed_on", "text", (c) => c.notNull())
    .addColumn("hours", "real", (c) => c.notNull())
    .addColumn("issued_at", "text", (c) => c.notNull())
    .addColumn("revoked_at", "text")
    .addColumn("revoked_reason", "text")
    .addUniqueConstraint("training_certificates_serial_uq", ["programme_id", "serial"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "training_certificates",
    "training_evaluation_receipts",
    "training_evaluations",
    "training_attempt_items",
    "training_attempts",
    "training_tests",
    "training_attendance",
    "training_enrolments",
    "training_session_modules",
    "training_sessions",
    "training_cohorts",
    "training_questions",
    "training_objectives",
    "training_modules",
    "training_quotas",
    "training_programmes",
    "training_competencies",
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
