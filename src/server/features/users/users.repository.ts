/** SQL for users. No rules here: see users.service.ts. */
import type { Db } from "../../db/database.ts";
import type { NewUserRow, UserRow, UserUpdate } from "./users.table.ts";

export type UserWithRegion = UserRow & { region_name: string | null };

function withRegion(db: Db) {
  return db
    .selectFrom("users")
    .leftJoin("regions", "regions.code", "users.region_code")
    .selectAll("users")
    .select("regions.name as region_name");
}

export async function findUserById(db: Db, id: string): Promise<UserWithRegion | undefined> {
  return withRegion(db).where("users.id", "=", id).executeTakeFirst();
}

export async function findUserByUsername(db: Db, username: string): Promise<UserWithRegion | undefined> {
  return withRegion(db).where("users.username", "=", username).executeTakeFirst();
}

export interface UserFilter {
  role?: string;
  q?: string;
  limit: number;
  offset: number;
}

export async function listUsers(
  db: Db,
  filter: UserFilter,
): Promise<{ rows: UserWithRegion[]; total: number }> {
  let query = withRegion(db);
  if (filter.role) query = query.where("users.role", "=", filter.role);
  if (filter.q) {
    const like = `%${filter.q.toLowerCase()}%`;
    query = query.where((eb) =>
      eb.or([eb("users.username", "like", like), eb(eb.fn("lower", ["users.display_name"]), "like", like)]),
    );
  }
  const [rows, count] = await Promise.all([
    query.orderBy("users.username").limit(filter.limit).offset(filter.offset).execute(),
    query
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function insertUsers(db: Db, rows: NewUserRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto("users")
      .values(rows.slice(i, i + 200))
      .execute();
  }
}

export async function updateUser(db: Db, id: string, changes: UserUpdate): Promise<void> {
  await db.updateTable("users").set(changes).where("id", "=", id).execute();
}

/** Counts a failed login and returns the new count of consecutive failures. */
export async function incrementFailedLogins(db: Db, id: string): Promise<number> {
  const row = await db
    .updateTable("users")
    .set((eb) => ({ failed_logins: eb("failed_logins", "+", 1) }))
    .where("id", "=", id)
    .returning("failed_logins")
    .executeTakeFirstOrThrow();
  return Number(row.failed_logins);
}

export async function deleteDemoUsers(db: Db): Promise<void> {
  await db.deleteFrom("users").where("is_demo", "=", 1).execute();
}

/** Which of `usernames` are taken. */
export async function existingUsernames(db: Db, usernames: string[]): Promise<Set<string>> {
  if (usernames.length === 0) return new Set();
  const rows = await db.selectFrom("users").select("username").where("username", "in", usernames).execute();
  return new Set(rows.map((r) => r.username));
}
