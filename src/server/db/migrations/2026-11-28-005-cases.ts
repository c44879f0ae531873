/**
 * Case work: cases about a person, a household or an area, their append-only timeline, the
 * assignment history, plans, referrals, home visits with photos, and follow-up tasks. Every
 * region-scoped table carries `region_code` (the case's kelurahan) and `seq`, so the field app can
 * sync them. Children are deleted with their case. Frozen once landed.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("case_counters")
    .addColumn("year", "integer", (c) => c.primaryKey())
    .addColumn("value", "integer", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("cases")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("case_number", "text", (c) => c.notNull().unique())
    .addColumn("subject_type", "text", (c) => c.notNull())
    .addColumn("person_id", "text", (c) => c.references("persons.id"))
    .addColumn("household_id", "text", (c) => c.references("households.id"))
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("rw", "text")
    .addColumn("rt", "text")
    .addColumn("category_kind", "text", (c) => c.notNull())
    .addColumn("category", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("urgency", "text", (c) => c.notNull())
    .addColumn("stage", "text", (c) => c.notNull())
    .addColumn("closure_reason", "text")
    .addColumn("closure_requested_reason", "text")
    .addColumn("closure_requested_at", "text")
    .addColumn("closure_requested_by", "text")
    .addColumn("assignee_id", "text", (c) => c.references("workers.id"))
    .addColumn("reported_at", "text", (c) => c.notNull())
    .addColumn("first_visit_at", "text")
    .addColumn("closed_at", "text")
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("created_by", "text")
    .addColumn("is_demo", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("cases_region_idx").on("cases").columns(["region_code", "stage"]).execute();
  await db.schema.createIndex("cases_assignee_idx").on("cases").column("assignee_id").execute();
  await db.schema.createIndex("cases_person_idx").on("cases").column("person_id").execute();
  await db.schema.createIndex("cases_household_idx").on("cases").column("household_id").execute();
  await db.schema.createIndex("cases_seq_idx").on("cases").column("seq").execute();

  await db.schema
    .createTable("case_events")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("case_id", "text", (c) => c.notNull().references("cases.id").onDelete("cascade"))
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("case_version", "integer", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("by_user_id", "text")
    .addColumn("by_name", "text")
    .addColumn("from_stage", "text")
    .addColumn("to_stage", "text")
    .addColumn("note", "text")
    .addColumn("data_json", "text")
    .addColumn("seq", "integer", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("case_events_case_idx")
    .on("case_events")
    .columns(["case_id", "case_version"])
    .execute();
  await db.schema.createIndex("case_events_seq_idx").on("case_events").column("seq").execute();

  await db.schema
    .createTable("case_assignments")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("case_id", "text", (c) => c.notNull().references("cases.id").onDelete("cascade"))
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("worker_id", "text", (c) => c.notNull().references("workers.id"))
    .addColumn("from_at", "text", (c) => c.notNull())
    .addColumn("to_at", "text")
    .addColumn("assigned_by", "text")
    .addColumn("assigned_by_name", "text")
    .addColumn("seq", "integer", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("case_assignments_case_idx")
    .on("case_assignments")
    .columns(["case_id", "from_at"])
    .execute();
  await db.schema
    .createIndex("case_assignments_worker_idx")
    .on("case_assignments")
    .column("worker_id")
    .execute();

  await db.schema
    .createTable("case_plan_items")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("case_id", "text", (c) => c.notNull().references("cases.id").onDelete("cascade"))
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("due_on", "text")
    .addColumn("done_at", "text")
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("case_plan_items_case_idx").on("case_plan_items").column("case_id").execute();

  await db.schema
    .createTable("referrals")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("case_id", "text", (c) => c.notNull().references("cases.id").onDelete("cascade"))
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("service_code", "text")
    .addColumn("organisation_id", "text", (c) => c.references("psks_organisations.id"))
    .addColumn("target_name", "text", (c) => c.notNull())
    .addColumn("external", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("sent_on", "text", (c) => c.notNull())
    .addColumn("responded_on", "text")
    .addColumn("completed_on", "text")
    .addColumn("outcome", "text")
    .addColumn("note", "text")
    .addColumn("letter_number", "text", (c) => c.notNull())
    .addColumn("created_by", "text")
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("referrals_case_idx").on("referrals").column("case_id").execute();
  await db.schema.createIndex("referrals_region_idx").on("referrals").column("region_code").execute();

  await db.schema
    .createTable("visits")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("case_id", "text", (c) => c.notNull().references("cases.id").onDelete("cascade"))
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("visited_at", "text", (c) => c.notNull())
    .addColumn("worker_id", "text", (c) => c.references("workers.id"))
    .addColumn("met", "text", (c) => c.notNull())
    .addColumn("notes", "text", (c) => c.notNull())
    .addColumn("latitude", "real")
    .addColumn("longitude", "real")
    .addColumn("created_by", "text")
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("visits_case_idx").on("visits").columns(["case_id", "visited_at"]).execute();

  await db.schema
    .createTable("visit_photos")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("visit_id", "text", (c) => c.notNull().references("visits.id").onDelete("cascade"))
    .addColumn("case_id", "text", (c) => c.notNull().references("cases.id").onDelete("cascade"))
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("storage_key", "text", (c) => c.notNull())
    .addColumn("mime_type", "text", (c) => c.notNull())
    .addColumn("size_bytes", "integer", (c) => c.notNull())
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("visit_photos_visit_idx").on("visit_photos").column("visit_id").execute();

  await db.schema
    .createTable("case_tasks")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("case_id", "text", (c) => c.notNull().references("cases.id").onDelete("cascade"))
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("due_at", "text", (c) => c.notNull())
    .addColumn("assignee_id", "text", (c) => c.references("workers.id"))
    .addColumn("referral_id", "text", (c) => c.references("referrals.id").onDelete("cascade"))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("done_at", "text")
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("case_tasks_assignee_idx")
    .on("case_tasks")
    .columns(["assignee_id", "status", "due_at"])
    .execute();
  await db.schema.createIndex("case_tasks_case_idx").on("case_tasks").column("case_id").execute();
  await db.schema
    .createIndex("case_tasks_region_idx")
    .on("case_tasks")
    .columns(["region_code", "status"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "case_tasks",
    "visit_photos",
    "visits",
    "referrals",
    "case_plan_items",
    "case_assignments",
    "case_events",
    "cases",
    "case_counters",
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
