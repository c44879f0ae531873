/**
 * Word-level name search keys: one row per word of a person's phonetic key, with the person's
 * kelurahan code, in a table whose primary key is (word, region_code, person_id). A search for
 * "agus" in a kelurahan reads one short range of it (the word, then the region code range),
 * whatever the number of Agus in the city. Each row also carries the whole key and whether the
 * person died or was merged, so a name search checks its other words and ranks its matches from
 * this table alone, without reading a persons row per candidate. The trigram index stays for
 * substring matches (the fallback when word matches are few).
 *
 * Kept current by triggers on persons, on both engines:
 * - SQLite: insert, update and delete triggers. Words are split with json_each: a phonetic key
 *   holds only letters, digits and single spaces. A bulk load may drop person_name_words_insert
 *   inside its transaction and call rebuildPersonNameWords (persons feature) at the end.
 * - PostgreSQL: one plpgsql function behind insert, update and delete triggers; the word and
 *   region columns use the "C" collation so that prefix ranges compare bytes, as on SQLite.
 * Frozen once landed.
 */
import { type Kysely, SqliteAdapter, sql } from "kysely";

const SQLITE_WORDS = (key: string) => `json_each('["' || replace(${key}, ' ', '","') || '"]')`;

/** The columns of person_name_words, and their values for a persons row named `r` (new, old, p). */
const COLUMNS = "word, region_code, person_id, name_phonetic, died, merged";
const values = (r: string, word: string) =>
  `${word}, ${r}.region_code, ${r}.id, ${r}.name_phonetic,
    CASE WHEN ${r}.died_at IS NULL THEN 0 ELSE 1 END, CASE WHEN ${r}.merged_into_id IS NULL THEN 0 ELSE 1 END`;

/** The columns whose change rewrites a person's words. */
const WATCHED = ["name_phonetic", "region_code", "died_at", "merged_into_id"];

export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) await upSqlite(db);
  else await upPostgres(db);
}

async function upSqlite(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE person_name_words (word TEXT NOT NULL, region_code TEXT NOT NULL,
    person_id TEXT NOT NULL, name_phonetic TEXT NOT NULL, died INTEGER NOT NULL, merged INTEGER NOT NULL,
    PRIMARY KEY (word, region_code, person_id)) WITHOUT ROWID`.execute(db);
  const insertNew = `INSERT OR IGNORE INTO person_name_words (${COLUMNS})
      SELECT ${values("new", "value")} FROM ${SQLITE_WORDS("new.name_phonetic")} WHERE value <> '';`;
  const deleteOld = `DELETE FROM person_name_words WHERE region_code = old.region_code AND person_id = old.id
      AND word IN (SELECT value FROM ${SQLITE_WORDS("old.name_phonetic")});`;
  await sql
    .raw(`CREATE TRIGGER person_name_words_insert AFTER INSERT ON persons BEGIN ${insertNew} END`)
    .execute(db);
  await sql
    .raw(`CREATE TRIGGER person_name_words_update AFTER UPDATE OF ${WATCHED.join(", ")} ON persons
    WHEN ${WATCHED.map((c) => `old.${c} IS NOT new.${c}`).join(" OR ")} BEGIN ${deleteOld} ${insertNew} END`)
    .execute(db);
  await sql
    .raw(`CREATE TRIGGER person_name_words_delete AFTER DELETE ON persons BEGIN ${deleteOld} END`)
    .execute(db);
  await sql
    .raw(`INSERT OR IGNORE INTO person_name_words (${COLUMNS})
    SELECT ${values("p", "w.value")} FROM persons p, ${SQLITE_WORDS("p.name_phonetic")} w
    WHERE w.value <> '' ORDER BY 1, 2, 3`)
    .execute(db);
}

async function upPostgres(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE person_name_words (word text COLLATE "C" NOT NULL,
    region_code text COLLATE "C" NOT NULL, person_id text NOT NULL, name_phonetic text NOT NULL,
    died integer NOT NULL, merged integer NOT NULL, PRIMARY KEY (word, region_code, person_id))`.execute(db);
  await sql
    .raw(`CREATE FUNCTION person_name_words_sync() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP <> 'INSERT' THEN
        DELETE FROM person_name_words WHERE region_code = OLD.region_code AND person_id = OLD.id
          AND word = ANY (string_to_array(OLD.name_phonetic, ' '));
      END IF;
      IF TG_OP <> 'DELETE' THEN
        INSERT INTO person_name_words (${COLUMNS})
          SELECT DISTINCT ${values("NEW", "w")} FROM unnest(string_to_array(NEW.name_phonetic, ' ')) AS w
          WHERE w <> '' ON CONFLICT DO NOTHING;
      END IF;
      RETURN NULL;
    END $$`)
    .execute(db);
  await sql`CREATE TRIGGER person_name_words_insert AFTER INSERT ON persons
    FOR EACH ROW EXECUTE FUNCTION person_name_words_sync()`.execute(db);
  await sql
    .raw(`CREATE TRIGGER person_name_words_update AFTER UPDATE OF ${WATCHED.join(", ")} ON persons
    FOR EACH ROW WHEN (${WATCHED.map((c) => `OLD.${c} IS DISTINCT FROM NEW.${c}`).join(" OR ")})
    EXECUTE FUNCTION person_name_words_sync()`)
    .execute(db);
  await sql`CREATE TRIGGER person_name_words_delete AFTER DELETE ON persons
    FOR EACH ROW EXECUTE FUNCTION person_name_words_sync()`.execute(db);
  await sql
    .raw(`INSERT INTO person_name_words (${COLUMNS})
    SELECT DISTINCT ${values("p", "w")} FROM persons p, unnest(string_to_array(p.name_phonetic, ' ')) AS w
    WHERE w <> ''`)
    .execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    for (const name of ["person_name_words_insert", "person_name_words_update", "person_name_words_delete"]) {
      await sql`DROP TRIGGER IF EXISTS ${sql.id(name)}`.execute(db);
    }
  } else {
    for (const name of ["person_name_words_insert", "person_name_words_update", "person_name_words_delete"]) {
      await sql`DROP TRIGGER IF EXISTS ${sql.id(name)} ON persons`.execute(db);
    }
    await sql`DROP FUNCTION IF EXISTS person_name_words_sync()`.execute(db);
  }
  await sql`DROP TABLE person_name_words`.execute(db);
}
