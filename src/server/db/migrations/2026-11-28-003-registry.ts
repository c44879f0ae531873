/**
 * Registry of households and residents: the PPKS and PSKS catalogues (their rows are loaded from
 * data/ppks.csv and data/psks.csv by the registry's catalogue step, so the lists can change
 * without a migration), PPKS classifications of persons and households, PSKS organisations per
 * region, the event history (moved, died, household moved, merged), the duplicate review queue,
 * and the name search index:
 * - a phonetic key column on persons with a B-tree index (exact and prefix lookups), and
 * - SQLite: an FTS5 trigram table over that key, kept up to date by triggers on persons. Its rows
 *   are keyed by a mapping table with its own INTEGER PRIMARY KEY, because persons has a text
 *   primary key and VACUUM may renumber the implicit rowid of such a table.
 * - PostgreSQL: a pg_trgm GIN index on the same column (substring LIKE uses it directly).
 * Frozen once landed.
 */
import { type Kysely, SqliteAdapter, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("ppks_categories")
    .addColumn("code", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("group_code", "text", (c) => c.notNull())
    .addColumn("sort_order", "integer", (c) => c.notNull())
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("psks_kinds")
    .addColumn("code", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("sort_order", "integer", (c) => c.notNull())
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("ppks_classifications")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("person_id", "text", (c) => c.references("persons.id"))
    .addColumn("household_id", "text", (c) => c.references("households.id"))
    .addColumn("category_code", "text", (c) => c.notNull().references("ppks_categories.code"))
    .addColumn("found_on", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("worker_id", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("region_code", "text", (c) => c.notNull().references("regions.code"))
    .addColumn("seq", "bigint", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("ppks_classifications_person_idx")
    .on("ppks_classifications")
    .columns(["person_id", "category_code"])
    .execute();
  await db.schema
    .createIndex("ppks_classifications_household_idx")
    .on("ppks_classifications")
    .column("household_id")
    .execute();
  await db.schema
    .createIndex("ppks_classifications_region_idx")
    .on("ppks_classifications")
    .columns(["region_code", "seq"])
    .execute();
  await db.schema
    .createIndex("ppks_classifications_category_idx")
    .on("ppks_classifications")
    .columns(["category_code", "status"])
    .execute();

  await db.schema
    .createTable("psks_organisations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("kind_code", "text", (c) => c.notNull().references("psks_kinds.code"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("region_code", "text", (c) => c.notNull().references("regions.code"))
    .addColumn("address", "text")
    .addColumn("contact_name", "text")
    .addColumn("phone", "text")
    .addColumn("note", "text")
    .addColumn("seq", "bigint", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("psks_organisations_region_idx")
    .on("psks_organisations")
    .columns(["region_code", "seq"])
    .execute();

  await db.schema
    .createTable("person_events")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("person_id", "text")
    .addColumn("household_id", "text")
    .addColumn("details", "text", (c) => c.notNull())
    .addColumn("occurred_on", "text", (c) => c.notNull())
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("recorded_by", "text")
    .addColumn("seq", "bigint", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("person_events_person_idx").on("person_events").column("person_id").execute();
  await db.schema
    .createIndex("person_events_household_idx")
    .on("person_events")
    .column("household_id")
    .execute();

  await db.schema
    .createTable("duplicate_candidates")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("fingerprint", "text", (c) => c.notNull().unique())
    .addColumn("person_id", "text", (c) => c.notNull())
    .addColumn("other_person_id", "text")
    .addColumn("incoming", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("resolved_by", "text")
    .addColumn("resolved_at", "text")
    .addColumn("resolution_note", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("duplicate_candidates_status_idx")
    .on("duplicate_candidates")
    .columns(["status", "region_code"])
    .execute();

  await db.schema
    .alterTable("persons")
    .addColumn("name_phonetic", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  await db.schema.alterTable("persons").addColumn("merged_into_id", "text").execute();
  await db.schema.createIndex("persons_phonetic_idx").on("persons").column("name_phonetic").execute();

  if (db.getExecutor().adapter instanceof SqliteAdapter) await createSqliteSearch(db);
  else await createPostgresSearch(db);
}

async function createSqliteSearch(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE person_search_keys (rowid INTEGER PRIMARY KEY, person_id TEXT NOT NULL UNIQUE)`.execute(
    db,
  );
  await sql`CREATE VIRTUAL TABLE persons_fts USING fts5(name_phonetic, tokenize = 'trigram')`.execute(db);
  await sql`CREATE TRIGGER persons_search_insert AFTER INSERT ON persons BEGIN
    INSERT INTO person_search_keys (person_id) VALUES (new.id);
    INSERT INTO persons_fts (rowid, name_phonetic) VALUES (last_insert_rowid(), new.name_phonetic);
  END`.execute(db);
  await sql`CREATE TRIGGER persons_search_update AFTER UPDATE OF name_phonetic ON persons
    WHEN old.name_phonetic IS NOT new.name_phonetic BEGIN
    UPDATE persons_fts SET name_phonetic = new.name_phonetic
      WHERE rowid = (SELECT rowid FROM person_search_keys WHERE person_id = new.id);
  END`.execute(db);
  await sql`CREATE TRIGGER persons_search_delete AFTER DELETE ON persons BEGIN
    DELETE FROM persons_fts WHERE rowid = (SELECT rowid FROM person_search_keys WHERE person_id = old.id);
    DELETE FROM person_search_keys WHERE person_id = old.id;
  END`.execute(db);
  // Rows that existed before this migration.
  await sql`INSERT INTO person_search_keys (person_id) SELECT id FROM persons`.execute(db);
  await sql`INSERT INTO persons_fts (rowid, name_phonetic)
    SELECT k.rowid, p.name_phonetic FROM person_search_keys k JOIN persons p ON p.id = k.person_id`.execute(
    db,
  );
}

async function createPostgresSearch(db: Kysely<any>): Promise<void> {
  // The extension is database-wide; it lives in the schema where it was first created. Reuse that
  // schema if it exists, otherwise create it in public, and name its operator class explicitly so
  // the index works whatever the search_path of this connection.
  const existing = await sql<{ schema: string }>`
    SELECT n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
    WHERE e.extname = 'pg_trgm'`.execute(db);
  let schema = existing.rows[0]?.schema;
  if (!schema) {
    await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public`.execute(db);
    schema = "public";
  }
  await sql`CREATE INDEX persons_phonetic_trgm_idx ON persons USING gin (name_phonetic ${sql.id(schema)}.gin_trgm_ops)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    for (const name of ["persons_search_insert", "persons_search_update", "persons_search_delete"]) {
      await sql`DROP TRIGGER IF EXISTS ${sql.id(name)}`.execute(db);
    }
    await sql`DROP TABLE IF EXISTS persons_fts`.execute(db);
    await sql`DROP TABLE IF EXISTS person_search_keys`.execute(db);
  } else {
    await sql`DROP INDEX IF EXISTS persons_phonetic_trgm_idx`.execute(db);
  }
  await db.schema.dropIndex("persons_phonetic_idx").execute();
  await db.schema.alterTable("persons").dropColumn("merged_into_id").execute();
  await db.schema.alterTable("persons").dropColumn("name_phonetic").execute();
  for (const table of [
    "duplicate_candidates",
    "person_events",
    "psks_organisations",
    "ppks_classifications",
    "psks_kinds",
    "ppks_categories",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
