/**
 * The plan of a compiled query on the suite's engine, for plan tests that keep a list or a count
 * on its index: a later change that brings back a sort or a sequential scan fails them.
 *
 * - SQLite: the EXPLAIN QUERY PLAN lines ("SCAN h USING COVERING INDEX …", "USE TEMP B-TREE …");
 * - PostgreSQL: every node of EXPLAIN (FORMAT JSON), with its type, table and index.
 */
import { CompiledQuery, sql } from "kysely";
import type { TestContext } from "./test-db.ts";

export interface PlanNode {
  type: string;
  relation?: string;
  index?: string;
}

export interface QueryPlan {
  /** SQLite's plan lines, or PostgreSQL's nodes as "type relation index" lines. */
  text: string;
  /** PostgreSQL only: the nodes, outermost first. */
  nodes: PlanNode[];
}

interface PgNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Plans?: PgNode[];
}

export async function queryPlan(ctx: TestContext, query: CompiledQuery): Promise<QueryPlan> {
  if (ctx.dialect === "sqlite") {
    const rows = ctx.handle
      .sqlite!.prepare(`EXPLAIN QUERY PLAN ${query.sql}`)
      .all(...(query.parameters as unknown[])) as { detail: string }[];
    return { text: rows.map((r) => r.detail).join("\n"), nodes: [] };
  }
  const result = await ctx.db.executeQuery<{ "QUERY PLAN": [{ Plan: PgNode }] }>(
    CompiledQuery.raw(`EXPLAIN (FORMAT JSON) ${query.sql}`, [...query.parameters]),
  );
  const nodes: PlanNode[] = [];
  const walk = (n: PgNode) => {
    nodes.push({ type: n["Node Type"], relation: n["Relation Name"], index: n["Index Name"] });
    for (const child of n.Plans ?? []) walk(child);
  };
  walk((result.rows[0] as { "QUERY PLAN": [{ Plan: PgNode }] })["QUERY PLAN"][0].Plan);
  return {
    text: nodes.map((n) => [n.type, n.relation, n.index].filter(Boolean).join(" ")).join("\n"),
    nodes,
  };
}

/**
 * Brings the planner's statistics up to date (and, on PostgreSQL, the visibility map that lets an
 * index-only scan skip the table) after a test loaded its rows.
 */
export async function analyze(ctx: TestContext, tables: string[]): Promise<void> {
  for (const table of tables) {
    if (ctx.dialect === "postgres") await sql`VACUUM (ANALYZE) ${sql.id(table)}`.execute(ctx.db);
    else await sql`ANALYZE ${sql.id(table)}`.execute(ctx.db);
  }
}
