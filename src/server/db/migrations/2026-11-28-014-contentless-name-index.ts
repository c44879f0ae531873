/**
 * SQLite only: the trigram index of name keys (persons_fts) keeps no copy of the keys. Searches
 * only ask it which rows match (the key itself is read from persons), so the copy in
 * persons_fts_content was never read, yet every insert wrote it. Contentless with
 * `contentless_delete=1` (SQLite 3.43 and later), the table still supports the delete and update
 * triggers of migration 003 unchanged. A load of 1,000,000 persons spends about a sixth less time
 * indexing names, and the database is about 20 MB smaller (docs/benchmarks.md, "Import").
 * The index is filled again from persons here. Frozen once landed.
 */
import { type Kysely, SqliteAdapter, sql } from "kysely";

async function recreate(db: Kysely<any>, options: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`DROP TABLE persons_fts`.execute(trx);
    await sql
      .raw(`CREATE VIRTUAL TABLE persons_fts USING fts5(name_phonetic, tokenize = 'trigram'${options})`)
      .execute(trx);
    await sql`INSERT INTO persons_fts (rowid, name_phonetic)
      SELECT k.rowid, p.name_phonetic FROM person_search_keys k JOIN persons p ON p.id = k.person_id`.execute(
      trx,
    );
  });
}

const isSqlite = (db: Kysely<any>) => db.getExecutor().adapter instanceof SqliteAdapter;

export async function up(db: Kysely<any>): Promise<void> {
  if (isSqlite(db)) await recreate(db, ", content = '', contentless_delete = 1");
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isSqlite(db)) await recreate(db, "");
}
