/**
 * Foundation: regions, the workforce, households, persons, and the change and idempotency
 * bookkeeping. Frozen once landed: change the schema with a new migration.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("regions")
    .addColumn("code", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("parent_code", "text", (c) => c.references("regions.code"))
    .addColumn("postal_code", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("regions_parent_idx").on("regions").column("parent_code").execute();

  await db.schema
    .createTable("change_counter")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("value", "bigint", (c) => c.notNull())
    .execute();
  await db.insertInto("change_counter").values({ id: 1, value: 0 }).execute();

  await db.schema
    .createTable("tombstones")
    .addColumn("seq", "bigint", (c) => c.primaryKey())
    .addColumn("table_name", "text", (c) => c.notNull())
    .addColumn("record_id", "text", (c) => c.notNull())
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("deleted_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("tombstones_region_idx")
    .on("tombstones")
    .columns(["region_code", "seq"])
    .execute();

  await db.schema
    .createTable("idempotency_keys")
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("principal", "text", (c) => c.notNull())
    .addColumn("method", "text", (c) => c.notNull())
    .addColumn("path", "text", (c) => c.notNull())
    .addColumn("request_hash", "text", (c) => c.notNull())
    .addColumn("status_code", "integer")
    .addColumn("response_body", "text")
    .addColumn("content_type", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("idempotency_keys_pk", ["key", "principal"])
    .execute();

  await db.schema
    .createTable("workers")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("region_code", "text", (c) => c.notNull().references("regions.code"))
    .addColumn("phone", "text")
    .addColumn("is_demo", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("seq", "bigint", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("workers_region_idx").on("workers").columns(["region_code", "role"]).execute();

  await db.schema
    .createTable("households")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("kk_number", "text", (c) => c.unique())
    .addColumn("region_code", "text", (c) => c.notNull().references("regions.code"))
    .addColumn("rw", "text", (c) => c.notNull())
    .addColumn("rt", "text", (c) => c.notNull())
    .addColumn("address", "text", (c) => c.notNull())
    .addColumn("latitude", "double precision")
    .addColumn("longitude", "double precision")
    .addColumn("is_demo", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("seq", "bigint", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("households_region_idx")
    .on("households")
    .columns(["region_code", "rw", "rt"])
    .execute();
  await db.schema
    .createIndex("households_seq_idx")
    .on("households")
    .columns(["region_code", "seq"])
    .execute();

  await db.schema
    .createTable("persons")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("household_id", "text", (c) => c.references("households.id"))
    .addColumn("nik", "text", (c) => c.unique())
    .addColumn("nik_status", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("name_normalized", "text", (c) => c.notNull())
    .addColumn("sex", "text", (c) => c.notNull())
    .addColumn("birth_place", "text")
    .addColumn("birth_date", "text")
    .addColumn("relation", "text", (c) => c.notNull())
    .addColumn("marital_status", "text")
    .addColumn("education", "text")
    .addColumn("occupation", "text")
    .addColumn("monthly_income", "bigint")
    .addColumn("disability", "text")
    .addColumn("chronic_illness", "text")
    .addColumn("health_insurance", "text")
    .addColumn("phone", "text")
    .addColumn("region_code", "text", (c) => c.notNull().references("regions.code"))
    .addColumn("died_at", "text")
    .addColumn("is_demo", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("seq", "bigint", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("persons_household_idx").on("persons").column("household_id").execute();
  await db.schema.createIndex("persons_region_idx").on("persons").columns(["region_code", "seq"]).execute();
  await db.schema
    .createIndex("persons_name_birth_idx")
    .on("persons")
    .columns(["name_normalized", "birth_date"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "persons",
    "households",
    "workers",
    "idempotency_keys",
    "tombstones",
    "change_counter",
    "regions",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
