/** SQL for persons, their PPKS classifications and events. No rules here: see persons.service.ts. */
import { type ExpressionBuilder, sql } from "kysely";
import { phoneticKey } from "../../../core/identity/person-name.ts";
import type { Database, Db, Dialect } from "../../db/database.ts";
import { type RegionScope, scopeCondition } from "../../db/scope.ts";
import type { NewPersonEventRow, PersonEventRow } from "./person-events.table.ts";
import type { NewPersonRow, PersonRow, PersonUpdate } from "./persons.table.ts";

export interface PersonSearch {
  scope: RegionScope;
  /** Name as typed: matched on its phonetic key (spelling variants and partial words). */
  name?: string;
  nik?: string;
  kk?: string;
  regionCode?: string;
  rw?: string;
  ppksCode?: string;
  /** Birth date bounds from an age filter: born on or after / on or before (YYYY-MM-DD). */
  bornFrom?: string;
  bornTo?: string;
  householdId?: string;
  includeDead?: boolean;
  limit: number;
  offset: number;
}

type PersonEb = ExpressionBuilder<Database & { p: Database["persons"] }, "p">;

/**
 * The name condition. Every token of the phonetic key must occur in the stored key:
 * - SQLite: tokens of three letters or more through the FTS5 trigram index (persons_fts), shorter
 *   ones with LIKE on the rows that index already narrowed down;
 * - PostgreSQL: LIKE '%token%' per token, which the pg_trgm GIN index answers.
 * Tokens hold only letters and digits (phoneticKey removes everything else), so they need no
 * escaping for MATCH or LIKE.
 */
function nameCondition(eb: PersonEb, dialect: Dialect, key: string) {
  const tokens = key.split(" ").filter((t) => t.length > 0);
  const long = tokens.filter((t) => t.length >= 3);
  const conditions = [];
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

function searchQuery(db: Db, dialect: Dialect, s: PersonSearch) {
  let query = db
    .selectFrom("persons as p")
    .where(scopeCondition("p.region_code", s.scope))
    .where("p.merged_into_id", "is", null);
  if (!s.includeDead) query = query.where("p.died_at", "is", null);
  if (s.nik) query = query.where("p.nik", "=", s.nik);
  if (s.kk) {
    const kk = s.kk;
    query = query.where((eb) =>
      eb("p.household_id", "in", eb.selectFrom("households").select("id").where("kk_number", "=", kk)),
    );
  }
  if (s.householdId) query = query.where("p.household_id", "=", s.householdId);
  if (s.regionCode) query = query.where("p.region_code", "like", `${s.regionCode}%`);
  if (s.rw) {
    const rw = s.rw.padStart(3, "0");
    query = query.where((eb) =>
      eb("p.household_id", "in", eb.selectFrom("households").select("id").where("rw", "=", rw)),
    );
  }
  if (s.ppksCode) {
    const code = s.ppksCode;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("ppks_classifications as c")
          .select("c.id")
          .whereRef("c.person_id", "=", "p.id")
          .where("c.category_code", "=", code)
          .where("c.status", "<>", "selesai"),
      ),
    );
  }
  if (s.bornFrom) query = query.where("p.birth_date", ">=", s.bornFrom);
  if (s.bornTo) query = query.where("p.birth_date", "<=", s.bornTo);
  const key = s.name ? phoneticKey(s.name) : "";
  if (key !== "") query = query.where((eb) => nameCondition(eb as PersonEb, dialect, key));
  return { query, key };
}

/**
 * How many matches a search counts and ranks at most. Common name words (Siti, Wahyu, Muhammad)
 * match tens of thousands of persons; counting and sorting all of them made such searches take
 * seconds on a million-person registry, while a person looking for someone refines the name long
 * before page 50. Beyond this the total is reported as a lower bound.
 */
export const SEARCH_MATCH_CAP = 1000;

/** Above every character a phonetic key can hold: the upper end of a prefix range. */
const KEY_MAX = "\u{10FFFF}";

/**
 * One page of persons matching the search, best name matches first, and the number of matches.
 *
 * Without a name, pages are in region and name order and the total is exact. With a name, the
 * work is bounded: the candidates are the persons whose phonetic key equals or starts with the
 * searched one (from the B-tree on the key, up to SEARCH_MATCH_CAP) together with up to
 * SEARCH_MATCH_CAP substring matches (the trigram index); the page ranks those candidates (exact,
 * then prefix, then other matches; by name within each). When more persons match than the cap,
 * `totalIsLowerBound` is true and `total` counts the candidates only.
 */
export async function searchPersons(
  db: Db,
  dialect: Dialect,
  s: PersonSearch,
): Promise<{ rows: PersonRow[]; total: number; totalIsLowerBound: boolean }> {
  const { query, key } = searchQuery(db, dialect, s);
  if (key === "") {
    const [rows, count] = await Promise.all([
      query
        .selectAll("p")
        .orderBy("p.region_code")
        .orderBy("p.name")
        .orderBy("p.id")
        .limit(s.limit)
        .offset(s.offset)
        .execute(),
      query.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n), totalIsLowerBound: false };
  }
  // Exact and prefix matches contain every token of the key, so their arm needs no substring
  // condition: a range on the indexed key, walked in key order until the cap.
  const prefix = searchQuery(db, dialect, { ...s, name: undefined })
    .query.select("p.id")
    .where("p.name_phonetic", ">=", key)
    .where("p.name_phonetic", "<", `${key}${KEY_MAX}`)
    .orderBy("p.name_phonetic")
    .limit(SEARCH_MATCH_CAP);
  const substring = query.select("p.id").limit(SEARCH_MATCH_CAP);
  const candidates = db
    .selectFrom(prefix.as("a"))
    .select("a.id")
    .union(db.selectFrom(substring.as("b")).select("b.id"));
  const [rows, count] = await Promise.all([
    db
      .selectFrom("persons as p")
      .selectAll("p")
      .where("p.id", "in", candidates)
      .orderBy(
        sql`CASE WHEN p.name_phonetic = ${key} THEN 0 WHEN p.name_phonetic LIKE ${`${key}%`} THEN 1 ELSE 2 END`,
      )
      .orderBy("p.name")
      .orderBy("p.id")
      .limit(s.limit)
      .offset(s.offset)
      .execute(),
    db
      .selectFrom(
        query
          .select("p.id")
          .limit(SEARCH_MATCH_CAP + 1)
          .as("c"),
      )
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  const matched = Number(count.n);
  return {
    rows,
    total: Math.min(matched, SEARCH_MATCH_CAP),
    totalIsLowerBound: matched > SEARCH_MATCH_CAP,
  };
}

export async function findPerson(db: Db, id: string, scope: RegionScope): Promise<PersonRow | undefined> {
  return db
    .selectFrom("persons as p")
    .selectAll("p")
    .where("p.id", "=", id)
    .where(scopeCondition("p.region_code", scope))
    .executeTakeFirst();
}

/** By id whatever the scope: to tell "someone else's record" from "no such record" on create. */
export async function findPersonAnywhere(db: Db, id: string): Promise<PersonRow | undefined> {
  return db.selectFrom("persons").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function findPersonByNik(db: Db, nik: string): Promise<PersonRow | undefined> {
  return db.selectFrom("persons").selectAll().where("nik", "=", nik).executeTakeFirst();
}

/** Living, unmerged persons with this normalised name and birth date, other than `exceptId`. */
export async function findSameNameBirth(
  db: Db,
  nameNormalized: string,
  birthDate: string,
  exceptId: string,
): Promise<PersonRow[]> {
  return db
    .selectFrom("persons")
    .selectAll()
    .where("name_normalized", "=", nameNormalized)
    .where("birth_date", "=", birthDate)
    .where("id", "<>", exceptId)
    .where("merged_into_id", "is", null)
    .where("died_at", "is", null)
    .execute();
}

export async function insertPerson(db: Db, row: NewPersonRow): Promise<void> {
  await db.insertInto("persons").values(row).execute();
}

export async function updatePerson(db: Db, id: string, update: PersonUpdate): Promise<void> {
  await db.updateTable("persons").set(update).where("id", "=", id).execute();
}

export async function deletePerson(db: Db, id: string): Promise<void> {
  await db.deleteFrom("ppks_classifications").where("person_id", "=", id).execute();
  await db.deleteFrom("persons").where("id", "=", id).execute();
}

export async function listMembers(db: Db, householdId: string): Promise<PersonRow[]> {
  return db
    .selectFrom("persons")
    .selectAll()
    .where("household_id", "=", householdId)
    .where("merged_into_id", "is", null)
    .orderBy("birth_date")
    .orderBy("id")
    .execute();
}

export async function insertEvent(db: Db, row: NewPersonEventRow): Promise<void> {
  await db.insertInto("person_events").values(row).execute();
}

export async function listPersonEvents(db: Db, personIds: string[]): Promise<PersonEventRow[]> {
  if (personIds.length === 0) return [];
  return db
    .selectFrom("person_events")
    .selectAll()
    .where("person_id", "in", personIds)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

export async function listHouseholdEvents(db: Db, householdId: string): Promise<PersonEventRow[]> {
  return db
    .selectFrom("person_events")
    .selectAll()
    .where("household_id", "=", householdId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

/** Moves every classification, event and household-less reference of `fromId` to `toId` (a merge). */
export async function reassignPersonRecords(db: Db, fromId: string, toId: string): Promise<void> {
  await db
    .updateTable("ppks_classifications")
    .set({ person_id: toId })
    .where("person_id", "=", fromId)
    .execute();
}

/** Backfills the phonetic key of rows written without one (older rows, other writers). */
export async function backfillPhoneticKeys(db: Db, compute: (name: string) => string): Promise<number> {
  let done = 0;
  for (;;) {
    const rows = await db
      .selectFrom("persons")
      .select(["id", "name"])
      .where("name_phonetic", "=", "")
      .limit(1000)
      .execute();
    const pending = rows.filter((r) => compute(r.name) !== "");
    if (pending.length === 0) return done;
    for (const r of pending) {
      await db
        .updateTable("persons")
        .set({ name_phonetic: compute(r.name) })
        .where("id", "=", r.id)
        .execute();
    }
    done += pending.length;
  }
}
