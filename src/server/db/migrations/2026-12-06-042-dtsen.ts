/**
 * DTSEN (Data Tunggal Sosial dan Ekonomi Nasional) in the registry: each import of an extract,
 * the desil of each family per quarterly period, which persons the extract lists per period (with
 * the programmes it says they receive), and where the extract and the registry disagree. Rows are
 * keyed by household or person and period, so a second import of the same extract finds its rows
 * and changes nothing. Frozen once landed.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("dtsen_imports")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("read_rows", "integer", (c) => c.notNull())
    .addColumn("matched", "integer", (c) => c.notNull())
    .addColumn("created", "integer", (c) => c.notNull())
    .addColumn("differing", "integer", (c) => c.notNull())
    .addColumn("rejected", "integer", (c) => c.notNull())
    .addColumn("changes", "integer", (c) => c.notNull())
    .addColumn("actor_id", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("dtsen_imports_period_idx")
    .on("dtsen_imports")
    .columns(["period", "created_at"])
    .execute();

  await db.schema
    .createTable("dtsen_families")
    .addColumn("household_id", "text", (c) => c.notNull().references("households.id").onDelete("cascade"))
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("desil", "integer", (c) => c.notNull())
    .addColumn("family_id", "text")
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("import_id", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("dtsen_families_pk", ["household_id", "period"])
    .execute();
  await db.schema
    .createIndex("dtsen_families_region_idx")
    .on("dtsen_families")
    .columns(["period", "region_code", "desil"])
    .execute();

  await db.schema
    .createTable("dtsen_members")
    .addColumn("person_id", "text", (c) => c.notNull().references("persons.id").onDelete("cascade"))
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("household_id", "text", (c) => c.notNull())
    .addColumn("region_code", "text", (c) => c.notNull())
    /** Programme codes the extract marks as received, `;`-separated (empty: none or unknown). */
    .addColumn("programmes", "text", (c) => c.notNull())
    /** How the row was matched: nik | kk (a person without NIK in the KK, by name) | new. */
    .addColumn("origin", "text", (c) => c.notNull())
    .addColumn("import_id", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("dtsen_members_pk", ["person_id", "period"])
    .execute();
  await db.schema
    .createIndex("dtsen_members_household_idx")
    .on("dtsen_members")
    .columns(["period", "household_id"])
    .execute();
  await db.schema
    .createIndex("dtsen_members_region_idx")
    .on("dtsen_members")
    .columns(["period", "region_code"])
    .execute();

  await db.schema
    .createTable("dtsen_differences")
    .addColumn("person_id", "text", (c) => c.notNull().references("persons.id").onDelete("cascade"))
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("field", "text", (c) => c.notNull())
    .addColumn("registry_value", "text")
    .addColumn("dtsen_value", "text")
    .addColumn("household_id", "text")
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("import_id", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("dtsen_differences_pk", ["person_id", "period", "field"])
    .execute();
  await db.schema
    .createIndex("dtsen_differences_region_idx")
    .on("dtsen_differences")
    .columns(["period", "region_code"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["dtsen_differences", "dtsen_members", "dtsen_families", "dtsen_imports"]) {
    await db.schema.dropTable(table).execute();
  }
}
