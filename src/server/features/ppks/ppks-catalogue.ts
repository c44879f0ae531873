/**
 * The PPKS and PSKS catalogues are shipped as data (data/ppks.csv, data/psks.csv) so the lists
 * can change without a migration. `ensureCatalogues` upserts them once per database handle and
 * process; every registry entry point that needs the codes calls it first.
 */
import { parse } from "csv-parse/sync";
import type { Kysely } from "kysely";
import type { Database } from "../../db/database.ts";
import { nowIso } from "../../db/ids.ts";
import { readShippedData } from "../../shipped-data.ts";

const loaded = new WeakMap<Kysely<Database>, Promise<void>>();

interface CatalogueRow {
  code: string;
  name: string;
  group?: string;
}

function readCatalogue(file: string): CatalogueRow[] {
  return parse(readShippedData(file), { columns: true, skip_empty_lines: true, trim: true });
}

/** Loads data/ppks.csv and data/psks.csv into their tables (insert or update by code). */
export function ensureCatalogues(db: Kysely<Database>): Promise<void> {
  let done = loaded.get(db);
  if (!done) {
    done = loadCatalogues(db);
    loaded.set(db, done);
    done.catch(() => loaded.delete(db));
  }
  return done;
}

async function loadCatalogues(db: Kysely<Database>): Promise<void> {
  const now = nowIso();
  const ppks = readCatalogue("ppks.csv");
  const psks = readCatalogue("psks.csv");
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("ppks_categories")
      .values(
        ppks.map((r, i) => ({
          code: r.code,
          name: r.name,
          group_code: r.group ?? "lainnya",
          sort_order: i + 1,
          active: 1,
          updated_at: now,
        })),
      )
      .onConflict((oc) =>
        oc.column("code").doUpdateSet((eb) => ({
          name: eb.ref("excluded.name"),
          group_code: eb.ref("excluded.group_code"),
          sort_order: eb.ref("excluded.sort_order"),
          active: 1,
          updated_at: eb.ref("excluded.updated_at"),
        })),
      )
      .execute();
    await trx
      .insertInto("psks_kinds")
      .values(
        psks.map((r, i) => ({ code: r.code, name: r.name, sort_order: i + 1, active: 1, updated_at: now })),
      )
      .onConflict((oc) =>
        oc.column("code").doUpdateSet((eb) => ({
          name: eb.ref("excluded.name"),
          sort_order: eb.ref("excluded.sort_order"),
          active: 1,
          updated_at: eb.ref("excluded.updated_at"),
        })),
      )
      .execute();
    // Codes removed from the files stay (classifications refer to them) but are marked inactive.
    await trx
      .updateTable("ppks_categories")
      .set({ active: 0 })
      .where(
        "code",
        "not in",
        ppks.map((r) => r.code),
      )
      .execute();
    await trx
      .updateTable("psks_kinds")
      .set({ active: 0 })
      .where(
        "code",
        "not in",
        psks.map((r) => r.code),
      )
      .execute();
  });
}
