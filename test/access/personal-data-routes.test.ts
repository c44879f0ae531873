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
import { sampleBody } from "./sample-body.ts";

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
  /** A minimal body that passes the route's schema (from the OpenAPI document). */
  body: unknown;
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

/**
 * Bodies for routes whose rules go beyond their JSON schema (cross-field refinements), where the
 * sample derived from the schema would not pass validation.
 */
const SAMPLE_BODIES: Record<string, unknown> = {
  "POST /api/v1/cases/{id}/referrals": { serviceCode: "KLJ" },
};

const hasParams = (path: string) => path.includes("{");
const collectionOf = (path: string) => PARAMS[path]?.collection ?? path.slice(0, path.indexOf("/{"));

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
      Record<
        string,
        {
          tags?: string[];
          security?: { session?: string[] }[];
          requestBody?: { content?: Record<string, { schema?: object }> };
        }
      >
    >;
    for (const [path, methods] of Object.entries(paths)) {
      for (const [method, op] of Object.entries(methods)) {
        if (!op?.tags?.includes("personal-data")) continue;
        const schema = op.requestBody?.content?.["application/json"]?.schema;
        operations.push({
          method: method.toUpperCase(),
          path,
          permission: op.security?.[0]?.session?.[0],
          body:
            SAMPLE_BODIES[`${method.toUpperCase()} ${path}`] ??
            (schema ? sampleBody(schema, doc.components?.schemas ?? {}) : undefined),
        });
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

  /**
   * Fills a route's path parameters from a record of its collection: `{id}` (or PARAMS), then each
   * further parameter from the first item of the child collection before it
   * (`/cases/{id}/visits/{childId}` takes a visit of that case). Null when a child is missing.
   */
  async function fillPath(path: string, item: Item): Promise<string | null> {
    const special = PARAMS[path];
    if (special) {
      const values = special.fill(item);
      return path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? item.id);
    }
    let url = path.replace("{id}", item.id);
    for (let next = url.indexOf("/{"); next >= 0; next = url.indexOf("/{")) {
      const children = await send("GET", `${url.slice(0, next)}?pageSize=5`, sessions.sudin);
      const listed = children.statusCode === 200 ? children.json() : null;
      const child = (Array.isArray(listed) ? listed : listed?.items)?.[0] as Item | undefined;
      if (!child?.id) return null;
      url = url.slice(0, next + 1) + child.id + url.slice(url.indexOf("}", next) + 1);
    }
    return url;
  }

  it("opens and changes records inside the role's region and answers 404 outside it", async () => {
    let checkedOutside = 0;
    let checkedInside = 0;
    for (const op of operations.filter((o) => hasParams(o.path))) {
      const everything = await allItems(collectionOf(op.path));
      for (const role of ROLES) {
        if (!roleHas(role, op.permission as never)) continue;
        const scope: RegionScope = scopeFor(role, USERS[role].regionCode);
        const inside = everything.find((i) => i.regionCode && isInScope(scope, i.regionCode));
        const outside = everything.find((i) => i.regionCode && !isInScope(scope, i.regionCode));
        const label = `${role}: ${op.method} ${op.path}`;
        if (inside && PARAMS[op.path])
          await send("GET", `${collectionOf(op.path)}/${inside.id}`, sessions.sudin);
        const insideUrl = inside ? await fillPath(op.path, inside) : null;
        if (insideUrl && op.method === "GET") {
          const res = await send(op.method, insideUrl, sessions[role]);
          expect(res.statusCode, `${label} inside (${inside?.regionCode}): ${res.body.slice(0, 300)}`).toBe(
            200,
          );
          checkedInside++;
        } else if (insideUrl && (op.method === "PATCH" || op.method === "PUT")) {
          // Access is granted when the request gets past the region check: success, or a rule of the
          // feature refusing this particular change (409/422); never 401, 403 or 404.
          const res = await send(op.method, insideUrl, sessions[role], op.body ?? {});
          expect(
            [200, 201, 204, 409, 422],
            `${label} inside (${inside?.regionCode}): ${res.statusCode} ${res.body.slice(0, 300)}`,
          ).toContain(res.statusCode);
          checkedInside++;
        }
        if (outside) {
          if (PARAMS[op.path]) await send("GET", `${collectionOf(op.path)}/${outside.id}`, sessions.sudin);
          const outsideUrl = (await fillPath(op.path, outside)) ?? op.path.replace(/\{\w+\}/g, outside.id);
          const res = await send(op.method, outsideUrl, sessions[role], op.body ?? {});
          expect(res.statusCode, `${label} outside (${outside.regionCode}): ${res.body.slice(0, 300)}`).toBe(
            404,
          );
          checkedOutside++;
        }
      }
    }
    expect(checkedOutside).toBeGreaterThanOrEqual(6);
    expect(checkedInside).toBeGreaterThanOrEqual(6);
  });
});
