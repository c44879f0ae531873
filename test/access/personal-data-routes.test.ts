/**
 * Walks every route the OpenAPI document tags `personal-data` (routes declared with
 * `config: { personalData: true, permission }`) and checks, for every role in the permission
 * table: 401 without a login; 403 for a role without the route's permission (pimpinan and
 * pelatih see no individual record); for a permitted role, access to records inside its region
 * and refusal outside it (lists leave them out, single records answer 404). A new route is
 * covered as soon as it is flagged; nothing here names a feature's routes except where a path
 * parameter cannot be derived from a collection route (PARAMS below).
 */
import type { FastifyInstance } from "fastify";
import { beforeAll, expect, it } from "vitest";
import { isPermission, ROLES, type Role, roleHas } from "../../src/core/access/permissions.ts";
import { isInScope, type RegionScope } from "../../src/server/db/scope.ts";
import { scopeFor } from "../../src/server/features/auth/actor.ts";
import { seedDemo } from "../../src/server/features/demo/demo.service.ts";
import { type LoggedIn, loginAs, TEST_PASSWORD } from "../auth-helpers.ts";
import { describeEachDialect } from "../test-db.ts";

/** One login per role; tksk and psm are assigned to Gambir and Kebon Kelapa. */
const USERS: Record<Role, { username: string; regionCode: string | null }> = {
  admin: { username: "admin", regionCode: null },
  sudin: { username: "sudin", regionCode: null },
  pimpinan: { username: "pimpinan", regionCode: null },
  pelatih: { username: "pelatih", regionCode: null },
  tksk: { username: "tksk.gambir", regionCode: "317101" },
  psm: { username: "psm.kebon-kelapa", regionCode: "3171011005" },
};

interface Operation {
  method: string;
  path: string;
  permission: string | undefined;
}

interface Item {
  id: string;
  regionCode?: string | null;
}

/** Routes whose path parameters are not `{id}` of a collection route: how to fill them from a record. */
const PARAMS: Record<string, { collection: string; fill: (item: Item) => Record<string, string> }> = {
  "/api/v1/audit/records/{table}/{id}": {
    collection: "/api/v1/workers",
    fill: (item) => ({ table: "workers", id: item.id }),
  },
};

/** Bodies for in-scope PATCH/PUT checks where an empty change is not valid; `{}` otherwise. */
const SAMPLE_BODIES: Record<string, unknown> = {};

const hasParams = (path: string) => path.includes("{");
const collectionOf = (path: string) => PARAMS[path]?.collection ?? path.slice(0, path.indexOf("/{"));
const fill = (path: string, item: Item) => {
  const values = PARAMS[path]?.fill(item) ?? { id: item.id };
  return path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? item.id);
};

describeEachDialect("personal-data routes: login, permission and region scope for every role", (ctx) => {
  let app: FastifyInstance;
  let operations: Operation[] = [];
  const sessions = {} as Record<Role, LoggedIn>;

  beforeAll(async () => {
    await seedDemo(ctx.db, { households: 120, demoPassword: TEST_PASSWORD });
    app = await ctx.app();
    const doc = (await app.inject({ method: "GET", url: "/api/v1/openapi.json" })).json();
    const paths = doc.paths as Record<
      string,
      Record<string, { tags?: string[]; security?: { session?: string[] }[] }>
    >;
    for (const [path, methods] of Object.entries(paths)) {
      for (const [method, op] of Object.entries(methods)) {
        if (!op?.tags?.includes("personal-data")) continue;
        operations.push({ method: method.toUpperCase(), path, permission: op.security?.[0]?.session?.[0] });
      }
    }
    operations = operations.sort((a, b) => a.path.localeCompare(b.path));
    for (const role of ROLES) sessions[role] = await loginAs(app, USERS[role].username);
  });

  const send = (method: string, url: string, who: LoggedIn | null, payload?: unknown) =>
    app.inject({
      method: method as "GET",
      url,
      headers: who?.headers ?? {},
      ...(method === "GET" || method === "DELETE" ? {} : { payload: (payload ?? {}) as object }),
    });

  /** Every record of a collection, as a role that sees the whole city. */
  async function allItems(collection: string): Promise<Item[]> {
    for (const role of ["sudin", "admin"] as const) {
      const res = await send("GET", `${collection}?pageSize=500`, sessions[role]);
      if (res.statusCode !== 200) continue;
      if (!String(res.headers["content-type"]).includes("json")) return [];
      return (res.json().items ?? []) as Item[];
    }
    return [];
  }

  it("finds the personal-data routes in the OpenAPI document, each with a permission from the table", () => {
    const names = operations.map((o) => `${o.method} ${o.path}`);
    expect(names).toEqual(
      expect.arrayContaining([
        "GET /api/v1/workers",
        "GET /api/v1/workers/{id}",
        "PATCH /api/v1/workers/{id}",
      ]),
    );
    for (const op of operations)
      expect(isPermission(op.permission ?? ""), `${op.method} ${op.path}`).toBe(true);
  });

  it("answers 401 on every personal-data route without a login", async () => {
    for (const op of operations) {
      const url = op.path.replace(/\{\w+\}/g, "0190f0f0-0000-7000-8000-000000000000");
      const res = await send(op.method, url, null);
      expect(res.statusCode, `${op.method} ${op.path}`).toBe(401);
    }
  });

  it("answers 403 to every role without the route's permission (pimpinan, pelatih on individual records)", async () => {
    for (const op of operations) {
      for (const role of ROLES) {
        if (roleHas(role, op.permission as never)) continue;
        const url = op.path.replace(/\{\w+\}/g, "0190f0f0-0000-7000-8000-000000000000");
        const res = await send(op.method, url, sessions[role]);
        expect(res.statusCode, `${role}: ${op.method} ${op.path}`).toBe(403);
      }
    }
    const individual = operations.filter((o) => o.path.startsWith("/api/v1/workers"));
    expect(individual.every((o) => !roleHas("pimpinan", o.permission as never))).toBe(true);
  });

  it("lists only records inside the role's region, and every one of them", async () => {
    for (const op of operations.filter((o) => o.method === "GET" && !hasParams(o.path))) {
      const everything = await allItems(op.path);
      for (const role of ROLES) {
        if (!roleHas(role, op.permission as never)) continue;
        const scope = scopeFor(role, USERS[role].regionCode);
        const res = await send("GET", `${op.path}?pageSize=500`, sessions[role]);
        const label = `${role}: GET ${op.path}`;
        expect(res.statusCode, label).toBe(200);
        if (!String(res.headers["content-type"]).includes("json")) continue;
        const items = (res.json().items ?? []) as Item[];
        for (const item of items) {
          if (item.regionCode)
            expect(isInScope(scope, item.regionCode), `${label} returned ${item.regionCode}`).toBe(true);
        }
        if (scope.kind === "region" && everything.every((i) => typeof i.regionCode === "string")) {
          const expected = everything
            .filter((i) => isInScope(scope, i.regionCode as string))
            .map((i) => i.id);
          expect(items.map((i) => i.id).sort(), label).toEqual(expected.sort());
        }
      }
    }
  });

  it("opens and changes records inside the role's region and answers 404 outside it", async () => {
    let checkedOutside = 0;
    for (const op of operations.filter((o) => hasParams(o.path))) {
      const everything = await allItems(collectionOf(op.path));
      for (const role of ROLES) {
        if (!roleHas(role, op.permission as never)) continue;
        const scope: RegionScope = scopeFor(role, USERS[role].regionCode);
        const inside = everything.find((i) => i.regionCode && isInScope(scope, i.regionCode));
        const outside = everything.find((i) => i.regionCode && !isInScope(scope, i.regionCode));
        const label = `${role}: ${op.method} ${op.path}`;
        const body = SAMPLE_BODIES[`${op.method} ${op.path}`] ?? {};
        if (inside && PARAMS[op.path])
          await send("GET", `${collectionOf(op.path)}/${inside.id}`, sessions.sudin);
        if (inside && (op.method === "GET" || op.method === "PATCH" || op.method === "PUT")) {
          const res = await send(op.method, fill(op.path, inside), sessions[role], body);
          expect(res.statusCode, `${label} inside (${inside.regionCode}): ${res.body}`).toBe(200);
        }
        if (outside) {
          if (PARAMS[op.path]) await send("GET", `${collectionOf(op.path)}/${outside.id}`, sessions.sudin);
          const res = await send(op.method, fill(op.path, outside), sessions[role], body);
          expect(res.statusCode, `${label} outside (${outside.regionCode})`).toBe(404);
          checkedOutside++;
        }
      }
    }
    expect(checkedOutside).toBeGreaterThanOrEqual(6);
  });
});
