/**
 * SQL of the person search (GET /api/v1/persons): filters, NIK and KK numbers, and names. No
 * rules here: see persons.service.ts.
 *
 * A name is matched on its phonetic key (Muhamad Rizky = Muhammad Rizki), word by word: every word
 * of the query must begin a word of the person's key. Those matches come from person_name_words,
 * whose primary key (word, region_code, person_id) lets a scoped search read only its region's
 * entries of a word: the rarest query word in scope drives, the other words are checked on the
 * entry's copy of the whole key, and only the page's persons rows are read (other filters than
 * region and death also read the candidates' rows). When a query word begins no name word at all, the
 * search uses substrings of the key instead (FTS5 trigram index on SQLite, pg_trgm on PostgreSQL),
 * which finds a word typed from its middle.
 */
import type SqliteDatabase from "better-sqlite3";
import { type Expression, type SqlBool, sql } from "kysely";
import { phoneticKey } from "../../../core/identity/person-name.ts";
import type { Db, Dialect } from "../../db/database.ts";
import { regionScope, scopeRangeCondition } from "../../db/scope.ts";
import {
  filterConditions,
  filtered,
  listPersonPage,
  type PersonEb,
  type PersonSearch,
} from "./person-list.repository.ts";
import type { PersonRow } from "./persons.table.ts";

export type { PersonSearch } from "./person-list.repository.ts";

export interface PersonSearchResult {
  rows: PersonRow[];
  total: number;
  /** True when more persons match than SEARCH_MATCH_CAP (a list: LIST_COUNT_CAP): `total` is then the cap. */
  totalIsLowerBound: boolean;
  /** Keyset cursors' keys (person-list.repository.ts); always null for a name search. */
  nextKey: string[] | null;
  prevKey: string[] | null;
}

/**
 * How many matches a name search counts and ranks at most. Common name words (Siti, Wahyu,
 * Muhammad) match tens of thousands of persons, while a person looking for someone refines the
 * name long before page 50. Beyond this the total is reported as a lower bound.
 */
export const SEARCH_MATCH_CAP = 1000;

/** A query word that begins more distinct name words than this is checked on the row instead. */
const MAX_WORD_EXPANSION = 50;

/** Index entries read at most to estimate which query word is the rarest in scope. */
const PROBE_LIMIT = 1000;

/** Above every character a phonetic key can hold: the upper end of a prefix range. */
const KEY_MAX = "\u{10FFFF}";

/**
 * Substring condition: every token of the key occurs in the stored key.
 * - SQLite: tokens of three letters or more through the FTS5 trigram index (persons_fts), shorter
 *   ones with LIKE on the rows that index already narrowed down;
 * - PostgreSQL: LIKE '%token%' per token, which the pg_trgm GIN index answers.
 * Tokens hold only letters and digits (phoneticKey removes everything else), so they need no
 * escaping for MATCH or LIKE.
 */
function substringCondition(eb: PersonEb, dialect: Dialect, tokens: string[]) {
  const long = tokens.filter((t) => t.length >= 3);
  const conditions: Expression<SqlBool>[] = [];
  if (dialect === "sqlite" && long.length > 0) {
    const match = long.map((t) => `"${t}"`).join(" AND ");
    conditions.push(
      eb(
        "p.id",
        "in",
        sql<string>`(SELECT k.person_id FROM persons_fts f JOIN person_search_keys k ON k.rowid = f.rowid
          WHERE persons_fts MATCH ${match})`,
      ),
    );
  }
  for (const t of dialect === "sqlite" ? tokens.filter((x) => x.length < 3) : tokens) {
    conditions.push(eb("p.name_phonetic", "like", `%${t}%`));
  }
  return eb.and(conditions);
}

/** The distinct name words that begin with `token`, in order, at most MAX_WORD_EXPANSION + 1. */
async function wordsStartingWith(db: Db, token: string): Promise<string[]> {
  // A walk over the distinct words: one index seek per word, however many persons carry it.
  const high = `${token}${KEY_MAX}`;
  const result = await sql<{ word: string }>`WITH RECURSIVE w(word) AS (
      SELECT (SELECT word FROM person_name_words WHERE word >= ${token} AND word < ${high}
        ORDER BY word LIMIT 1)
      UNION ALL
      SELECT (SELECT k.word FROM person_name_words k WHERE k.word > w.word AND k.word < ${high}
        ORDER BY k.word LIMIT 1) FROM w WHERE w.word IS NOT NULL)
    SELECT word FROM w WHERE word IS NOT NULL LIMIT ${MAX_WORD_EXPANSION + 1}`.execute(db);
  return result.rows.map((r) => r.word);
}

/** True when the search filters on more than scope, region and death (those the word table holds). */
function needsPersonRow(s: PersonSearch): boolean {
  return Boolean(s.nik || s.kk || s.householdId || s.rw || s.ppksCode || s.bornFrom || s.bornTo);
}

/** Conditions on person_name_words as k: one of `words`, in scope and region, alive unless asked. */
function wordsInScope(words: string[], s: PersonSearch): Expression<SqlBool> {
  const conditions = [
    sql<SqlBool>`k.word in (${sql.join(words)})`,
    scopeRangeCondition("k.region_code", s.scope),
    sql<SqlBool>`k.merged = 0`,
  ];
  if (s.regionCode) conditions.push(scopeRangeCondition("k.region_code", regionScope(s.regionCode)));
  if (!s.includeDead) conditions.push(sql<SqlBool>`k.died = 0`);
  return sql<SqlBool>`(${sql.join(conditions, sql` and `)})`;
}

/** Index entries in scope for `words`, counted up to PROBE_LIMIT: how selective a query word is. */
async function probe(db: Db, words: string[], s: PersonSearch): Promise<number> {
  const row = await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT 1 FROM person_name_words k
    WHERE ${wordsInScope(words, s)} LIMIT ${PROBE_LIMIT}) x`.execute(db);
  return Number(row.rows[0]?.n ?? 0);
}

interface Candidate {
  id: string;
  name_phonetic: string;
}

/** " key" contains " token": the token begins a word of the key. */
function beginsAWord(token: string): Expression<SqlBool> {
  return sql<SqlBool>`(' ' || k.name_phonetic) like ${`% ${token}%`}`;
}

/**
 * Entries of person_name_words for the words of `driver` matching the search: every other query
 * word begins a word of the key (checked on the entry's own copy of the key), and, for filters
 * the table does not hold, the persons row passes them.
 */
function wordQuery(db: Db, s: PersonSearch, driver: Expanded, tokens: string[]) {
  let query = db.selectFrom("person_name_words as k").where(wordsInScope(driver.words, s));
  for (const token of tokens) if (token !== driver.token) query = query.where(beginsAWord(token));
  if (needsPersonRow(s)) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("persons as p")
          .select("p.id")
          .whereRef("p.id", "=", "k.person_id")
          .where((inner) => filterConditions(inner as unknown as PersonEb, s)),
      ),
    );
  }
  return query.select(["k.person_id as id", "k.name_phonetic"]).distinct();
}

interface Expanded {
  token: string;
  words: string[];
}

/**
 * The rarest query word in scope that the index can drive (one that begins at most
 * MAX_WORD_EXPANSION distinct name words), with those words; null when some query word begins no
 * name word at all (nothing can match), undefined when no query word can drive.
 */
async function chooseDriver(db: Db, s: PersonSearch, tokens: string[]): Promise<Expanded | null | undefined> {
  const expanded = await Promise.all(
    tokens.map(async (token): Promise<Expanded> => ({ token, words: await wordsStartingWith(db, token) })),
  );
  if (expanded.some((e) => e.words.length === 0)) return null;
  const indexed = expanded.filter((e) => e.words.length <= MAX_WORD_EXPANSION);
  if (indexed.length <= 1) return indexed[0];
  const sizes = await Promise.all(indexed.map((e) => probe(db, e.words, s)));
  return indexed[sizes.indexOf(Math.min(...sizes))];
}

/**
 * One page of persons matching the search and the number of matches.
 *
 * Without a name, the list's page (person-list.repository.ts: region and name order, keyset
 * cursors, the total counted up to LIST_COUNT_CAP). With a name, the
 * candidates are the word matches (see the module comment), or, when a query word begins no name
 * word, the substring matches; at most SEARCH_MATCH_CAP + 1 of either are read. They are ranked: the whole
 * key equal to the query's, then starting with it, then word matches, then substring matches;
 * within a rank by key, then id. When more persons match than the cap, `totalIsLowerBound` is true,
 * and the exact and prefix matches lead, read in key order from the B-tree on the key.
 */
export async function searchPersons(db: Db, dialect: Dialect, s: PersonSearch): Promise<PersonSearchResult> {
  const key = s.name ? phoneticKey(s.name) : "";
  if (key === "") return listPersonPage(db, s);
  const tokens = [...new Set(key.split(" ").filter((t) => t.length > 0))];
  const driver = await chooseDriver(db, s, tokens);
  const words =
    driver === null
      ? []
      : driver === undefined
        ? undefined
        : await wordQuery(db, s, driver, tokens)
            .limit(SEARCH_MATCH_CAP + 1)
            .execute();
  const wordIds = new Set((words ?? []).map((c) => c.id));
  let candidates: Candidate[] = words ?? [];
  // Substrings only when the word index cannot answer: a query word begins no name word at all (typed
  // from the middle of a word, or misspelled beyond the spelling rules), or every query word is too
  // short to drive. Widening whenever a page is not full made every rare name in a small scope pay
  // for a city-wide trigram scan, and mostly added names that merely contain the word (Bagus for Agus).
  if (words === undefined || driver === null) {
    const substring = await filtered(db, s)
      .where((eb) => substringCondition(eb as PersonEb, dialect, tokens))
      .select(["p.id", "p.name_phonetic"])
      .limit(SEARCH_MATCH_CAP + 1)
      .execute();
    candidates = [...candidates, ...substring.filter((c) => !wordIds.has(c.id))];
  }
  const matched = candidates.length;
  const rank = (c: Candidate) =>
    c.name_phonetic === key ? 0 : c.name_phonetic.startsWith(key) ? 1 : wordIds.has(c.id) ? 2 : 3;
  let ranked: Candidate[];
  if (matched > SEARCH_MATCH_CAP) {
    // The cap cut the matches in index order: put the best ones first, the whole key equal to or
    // starting with the query's, read in key order from the B-tree on the key. Within one key
    // they stay in that index's order (SQLite: row order, no sort of a large group of equal
    // names), so every page is a slice of the same order.
    const best = await filtered(db, s)
      .where("p.name_phonetic", ">=", key)
      .where("p.name_phonetic", "<", `${key}${KEY_MAX}`)
      .select(["p.id", "p.name_phonetic"])
      .orderBy("p.name_phonetic")
      .orderBy(dialect === "sqlite" ? sql`p.rowid` : sql`p.id`)
      .limit(s.offset + s.limit)
      .execute();
    const bestIds = new Set(best.map((c) => c.id));
    const rest = candidates.filter((c) => !bestIds.has(c.id));
    ranked = [
      ...best,
      ...rest
        .map((c) => ({ c, rank: rank(c) }))
        .sort((x, y) => x.rank - y.rank)
        .map((x) => x.c),
    ];
  } else {
    ranked = candidates
      .map((c) => ({ c, rank: rank(c) }))
      .sort(
        (x, y) => x.rank - y.rank || compare(x.c.name_phonetic, y.c.name_phonetic) || compare(x.c.id, y.c.id),
      )
      .map((x) => x.c);
  }
  const pageIds = ranked.slice(s.offset, s.offset + s.limit).map((c) => c.id);
  // The page's rows pass every filter again, the scope first, on the persons rows themselves: the
  // word table is derived data, and it never decides alone what a user may see.
  const rows =
    pageIds.length === 0 ? [] : await filtered(db, s).selectAll("p").where("p.id", "in", pageIds).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    rows: pageIds.flatMap((id) => byId.get(id) ?? []),
    total: Math.min(matched, SEARCH_MATCH_CAP),
    totalIsLowerBound: matched > SEARCH_MATCH_CAP,
    nextKey: null,
    prevKey: null,
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Fills person_name_words set-based, in key order, after a bulk load into SQLite that dropped the
 * person_name_words_insert trigger (which keeps it current row by row, at several times the cost)
 * inside its transaction and recreates it afterwards from its stored definition. Without
 * `newPersons` the table is emptied and filled for every person; otherwise only for the persons
 * whose ids `newPersons` yields: a table name or a parenthesised query with an `id` column, e.g.
 * "temp.import_new_persons" or "(SELECT id FROM persons WHERE rowid > 4000)". Inside the
 * caller's transaction.
 */
export function rebuildPersonNameWords(sqlite: SqliteDatabase.Database, newPersons?: string): void {
  const insert = `INSERT OR IGNORE INTO person_name_words (word, region_code, person_id, name_phonetic, died, merged)
    SELECT w.value, p.region_code, p.id, p.name_phonetic, p.died_at IS NOT NULL, p.merged_into_id IS NOT NULL`;
  const words = `json_each('["' || replace(p.name_phonetic, ' ', '","') || '"]') w`;
  if (newPersons === undefined) {
    sqlite.exec("DELETE FROM person_name_words");
    sqlite.exec(`${insert} FROM persons p, ${words} WHERE w.value <> '' ORDER BY 1, 2, 3`);
  } else {
    sqlite.exec(`${insert} FROM ${newPersons} n JOIN persons p ON p.id = n.id, ${words}
      WHERE w.value <> '' ORDER BY 1, 2, 3`);
  }
}
