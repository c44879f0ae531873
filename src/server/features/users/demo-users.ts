/**
 * Demo logins for `peduli seed --demo`: one per role (admin, sudin, pimpinan, pelatih) and one for
 * each demo TKSK and PSM (`tksk.gambir`, `psm.kebon-kelapa`), linked to their worker records, all
 * with the demo password. The password is hashed once and the hash reused: argon2 is slow on
 * purpose and 56 hashes would slow the seed by seconds.
 */
import { workerLoginName } from "../../../core/access/login-name.ts";
import type { Role } from "../../../core/access/permissions.ts";
import type { Db } from "../../db/database.ts";
import { newId, nowIso } from "../../db/ids.ts";
import { hashPassword } from "../auth/passwords.ts";
import { listDemoWorkers } from "../workers/workers.repository.ts";
import { deleteDemoUsers, existingUsernames, insertUsers } from "./users.repository.ts";
import type { NewUserRow } from "./users.table.ts";

const OFFICE_USERS: { username: string; role: Role; name: string }[] = [
  { username: "admin", role: "admin", name: "Administrator Demo" },
  { username: "sudin", role: "sudin", name: "Petugas Sudin Sosial Demo" },
  { username: "pimpinan", role: "pimpinan", name: "Pimpinan Demo" },
  { username: "pelatih", role: "pelatih", name: "Pelatih Demo" },
];

/** Replaces the demo users; returns their login names. Call inside the seed's transaction, after the workers. */
export async function seedDemoUsers(trx: Db, password: string): Promise<string[]> {
  await deleteDemoUsers(trx);
  const passwordHash = await hashPassword(password);
  const now = nowIso();
  const base = {
    password_hash: passwordHash,
    disabled: 0,
    failed_logins: 0,
    locked_until: null,
    last_login_at: null,
    password_changed_at: now,
    is_demo: 1,
    created_at: now,
    updated_at: now,
  };
  const rows: NewUserRow[] = OFFICE_USERS.map((u) => ({
    ...base,
    id: newId(),
    username: u.username,
    display_name: u.name,
    role: u.role,
    region_code: null,
    worker_id: null,
  }));
  const taken = new Set(rows.map((r) => r.username));
  for (const worker of await listDemoWorkers(trx)) {
    if (worker.role !== "tksk" && worker.role !== "psm") continue;
    const username = workerLoginName(worker.role, worker.region_name ?? worker.region_code);
    if (taken.has(username)) continue;
    taken.add(username);
    rows.push({
      ...base,
      id: newId(),
      username,
      display_name: worker.name,
      role: worker.role,
      region_code: worker.region_code,
      worker_id: worker.id,
    });
  }
  // Real users with a demo login name (unlikely) keep theirs: demo rows never replace real ones.
  const real = await existingUsernames(
    trx,
    rows.map((r) => r.username),
  );
  const fresh = rows.filter((r) => !real.has(r.username));
  await insertUsers(trx, fresh);
  return fresh.map((r) => r.username);
}
