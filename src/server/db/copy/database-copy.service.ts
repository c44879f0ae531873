/**
 * `peduli db copy`: every table of a migrated Peduli database into an empty, migrated database of
 * the other engine (SQLite → PostgreSQL when a city outgrows its laptop; PostgreSQL → SQLite
 * too). One write transaction on the target, tables in foreign-key order, values converted where
 * the engines store them differently, each table's row count checked before the commit: a copy
 * that fails or is killed leaves the target as empty as it was. Engine specifics (bulk writes,
 * triggers, the search index, counters) are in copy-engines.ts; docs/decisions/0020-database-copy.md.
 */
import { AppError } from "../../../core/errors/app-error.ts";
import type { CopyEndpoint, CopyTable } from "./copy-engines.ts";

/** Tables the migrations themselves fill (the change counter's one row): replaced by the source's. */
const FILLED_BY_MIGRATIONS = new Set(["change_counter"]);

export interface CopiedTable {
  name: string;
  rows: number;
  seconds: number;
}

export interface CopyReport {
  tables: CopiedTable[];
  rows: number;
  seconds: number;
}

export interface CopyOptions {
  /** Called after each table is written (for progress output). */
  onTable?: (table: CopiedTable) => void;
  /**
   * Replace what the target holds instead of refusing a target with rows (`peduli restore
   * --force`): its rows are deleted inside the same write transaction, children first.
   */
  replace?: boolean;
}

/** Parents before children; a cycle of foreign keys (none in Peduli's schema) is refused. */
export function foreignKeyOrder(tables: readonly CopyTable[]): CopyTable[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const order: CopyTable[] = [];
  const visit = (t: CopyTable) => {
    if (done.has(t.name)) return;
    if (visiting.has(t.name)) throw new Error(`foreign-key cycle through table ${t.name}`);
    visiting.add(t.name);
    for (const p of t.parents) {
      const parent = byName.get(p);
      if (parent) visit(parent);
    }
    visiting.delete(t.name);
    done.add(t.name);
    order.push(t);
  };
  for (const t of [...tables].sort((a, b) => a.name.localeCompare(b.name))) visit(t);
  return order;
}

/** Copies `source` into `target`; both migrated to the same version, the target empty. */
export async function copyDatabase(
  source: CopyEndpoint,
  target: CopyEndpoint,
  options: CopyOptions = {},
): Promise<CopyReport> {
  const started = performance.now();
  const [from, to] = [await source.migrations(), await target.migrations()];
  if (from.join() !== to.join()) {
    const missing = from.filter((m) => !to.includes(m));
    const extra = to.filter((m) => !from.includes(m));
    const detail = [
      missing.length > 0 ? `target lacks ${missing.join(", ")}` : "",
      extra.length > 0 ? `source lacks ${extra.join(", ")}` : "",
    ]
      .filter(Boolean)
      .join("; ");
    throw new AppError("copy_migrations_differ", { detail });
  }

  // The tables both engines hold; each engine leaves out its internal and derived ones.
  const sourceTables = new Map((await source.tables()).map((t) => [t.name, t]));
  const tables = foreignKeyOrder((await target.tables()).filter((t) => sourceTables.has(t.name)));
  for (const t of options.replace ? [] : tables) {
    if (!FILLED_BY_MIGRATIONS.has(t.name) && (await target.hasRows(t.name))) {
      throw new AppError("copy_target_not_empty", { table: t.name });
    }
  }

  const copied: CopiedTable[] = [];
  await source.beginRead();
  try {
    await target.beginWrite(tables.map((t) => t.name));
    try {
      if (options.replace) for (const t of [...tables].reverse()) await target.clear(t.name);
      for (const t of tables) {
        const tableStarted = performance.now();
        const readable = new Set(sourceTables.get(t.name)?.columns.map((c) => c.name));
        const columns = t.columns.filter((c) => readable.has(c.name));
        if (FILLED_BY_MIGRATIONS.has(t.name)) await target.clear(t.name);
        const expected = await source.count(t.name);
        const written =
          expected === 0
            ? 0
            : await target.load(
                t,
                columns,
                source.rows(
                  t.name,
                  columns.map((c) => c.name),
                ),
              );
        const actual = await target.count(t.name);
        if (written !== expected || actual !== expected) {
          throw new AppError("copy_count_mismatch", { table: t.name, source: expected, target: actual });
        }
        const done = { name: t.name, rows: actual, seconds: (performance.now() - tableStarted) / 1000 };
        copied.push(done);
        options.onTable?.(done);
      }
      await target.finishWrite();
      await target.commit();
    } catch (error) {
      await target.rollback();
      throw error;
    }
  } finally {
    await source.endRead();
  }
  return {
    tables: copied,
    rows: copied.reduce((n, t) => n + t.rows, 0),
    seconds: (performance.now() - started) / 1000,
  };
}
