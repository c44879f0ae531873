/**
 * Two `peduli serve` processes over one PostgreSQL database behave as one system behind a load
 * balancer: migrations are safe when both start at the same moment; a session made on one node
 * is valid on the other (and a logout on either ends it); an Idempotency-Key replayed on the
 * other node has no second effect and returns the first answer; an import job started on one
 * node is followed from the other; a visit photo stored through one node is served by the other
 * (a shared upload directory); housekeeping and the daily backup run once, not once per node; account lockout and address throttling count across nodes.
 * PostgreSQL only (TEST_DATABASE_URL): SQLite is one process's embedded file.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type DbHandle } from "../../src/server/db/create-db.ts";
import { MIGRATIONS } from "../../src/server/db/migrations/index.ts";
import {
  ACCOUNT_LOCK_THRESHOLD,
  ADDRESS_LOCK_THRESHOLD,
} from "../../src/server/features/auth/auth-policy.ts";
import { insertHousehold, KEBON_KELAPA } from "../../src/server/features/cases/cases.test-helper.ts";
import { HOUSEKEEPING } from "../../src/server/features/maintenance/housekeeping.ts";
import { seedAccessFixture, TEST_PASSWORD } from "../auth-helpers.ts";

const base = process.env.TEST_DATABASE_URL;
const root = new URL("../../", import.meta.url);
const MIXED = readFileSync(new URL("../fixtures/persons-mixed.csv", import.meta.url));
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(200, 7),
]);

interface Node {
  url: string;
  process: ChildProcess;
  output: string[];
}

interface Session {
  cookie: string;
  csrf: string;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

async function startNode(databaseUrl: string, workDir: string): Promise<Node> {
  const uploadDir = join(workDir, "uploads");
  const port = await freePort();
  const child = spawn(process.execPath, ["bin/peduli.js", "serve"], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      NODE_ENV: "test",
      PEDULI_UPLOAD_DIR: uploadDir,
      PEDULI_BACKUP_DIR: join(workDir, "backups"),
      PEDULI_WEB_DIR: "./no-web-in-tests",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  child.stdout?.on("data", (d) => output.push(String(d)));
  child.stderr?.on("data", (d) => output.push(String(d)));
  return { url: `http://127.0.0.1:${port}`, process: child, output };
}

async function waitReady(node: Node): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (node.process.exitCode !== null) throw new Error(`node exited: ${node.output.join("")}`);
    try {
      if ((await fetch(`${node.url}/readyz`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`node not ready in 60 s: ${node.output.join("")}`);
}

async function login(node: Node, username: string, password = TEST_PASSWORD) {
  const res = await fetch(`${node.url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  const body = (await res.json()) as { csrfToken?: string; code?: string };
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  return { status: res.status, body, session: { cookie, csrf: body.csrfToken ?? "" } as Session };
}

function call(node: Node, session: Session, method: string, path: string, init: RequestInit = {}) {
  return fetch(`${node.url}${path}`, {
    ...init,
    method,
    headers: { cookie: session.cookie, "x-csrf-token": session.csrf, ...(init.headers ?? {}) },
  });
}

const json = (payload: unknown): RequestInit => ({
  body: JSON.stringify(payload),
  headers: { "content-type": "application/json" },
});

describe.skipIf(!base)("two Peduli nodes over one PostgreSQL database", () => {
  const database = `peduli_nodes_${process.pid}_${Date.now() % 100_000}`;
  const admin = () => new pg.Client({ connectionString: base });
  let url: string;
  let workDir: string;
  let a: Node;
  let b: Node;
  let handle: DbHandle;

  beforeAll(async () => {
    const client = admin();
    await client.connect();
    await client.query(`CREATE DATABASE ${database}`);
    await client.end();
    const target = new URL(base as string);
    target.pathname = `/${database}`;
    url = target.toString();
    workDir = mkdtempSync(join(tmpdir(), "peduli-nodes-"));
    // Both start at the same moment on an empty database: both migrate.
    [a, b] = await Promise.all([startNode(url, workDir), startNode(url, workDir)]);
    await Promise.all([waitReady(a), waitReady(b)]);
    handle = await createDb(url);
    await seedAccessFixture(handle.db);
  }, 120_000);

  afterAll(async () => {
    for (const node of [a, b]) node?.process.kill("SIGTERM");
    await Promise.all(
      [a, b].map((node) =>
        node && node.process.exitCode === null
          ? new Promise((r) => node.process.once("exit", r))
          : Promise.resolve(),
      ),
    );
    await handle?.close();
    const client = admin();
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${database}`);
    await client.end();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  }, 60_000);

  it("both nodes migrated the database at once, each migration applied exactly once", async () => {
    const rows = await handle.db
      .selectFrom("kysely_migration" as never)
      .select("name" as never)
      .execute();
    expect(rows.length).toBe(Object.keys(MIGRATIONS).length);
    for (const node of [a, b]) expect((await fetch(`${node.url}/readyz`)).status).toBe(200);
  });

  it("housekeeping and the daily backup ran once, not once per node", async () => {
    const names = [...HOUSEKEEPING.map((t) => t.name), "backup.daily"].sort();
    let rows: {
      name: string;
      run_count: number;
      last_finished_at: string | null;
      last_error: string | null;
    }[] = [];
    for (let i = 0; i < 50; i++) {
      rows = await handle.db.selectFrom("scheduled_tasks").selectAll().orderBy("name").execute();
      if (rows.length === names.length && rows.every((r) => r.last_finished_at !== null)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(rows.map((r) => [r.name, Number(r.run_count)])).toEqual(names.map((n) => [n, 1]));
    expect(rows.every((r) => r.last_error === null)).toBe(true);
    const archives = readdirSync(join(workDir, "backups")).filter((f) => f.endsWith(".tar.gz"));
    expect(archives.length).toBe(1);
    const health = (await (await fetch(`${b.url}/healthz`)).json()) as { lastBackupAt: string | null };
    expect(health.lastBackupAt).not.toBeNull();
  });

  it("a session made on one node is valid on the other, and a logout on either ends it", async () => {
    const { status, session } = await login(a, "sudin");
    expect(status).toBe(200);
    const me = await call(b, session, "GET", "/api/v1/auth/me");
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { username: string } }).user.username).toBe("sudin");
    expect((await call(b, session, "POST", "/api/v1/auth/logout")).status).toBeLessThan(300);
    expect((await call(a, session, "GET", "/api/v1/auth/me")).status).toBe(401);
  });

  it("an Idempotency-Key replayed on the other node returns the first answer without a second effect", async () => {
    const subject = await insertHousehold(handle.db, KEBON_KELAPA, "Siti Aminah");
    const { session } = await login(a, "sudin");
    const create = (node: Node) =>
      call(node, session, "POST", "/api/v1/cases", {
        ...json({
          subjectType: "person",
          personId: subject.personId,
          category: "12",
          description: "Lansia tinggal sendiri tanpa pendamping",
          source: "temuan_lapangan",
          urgency: "darurat",
        }),
        headers: { "content-type": "application/json", "idempotency-key": "kasus-lintas-node-0001" },
      });
    const first = await create(a);
    expect(first.status).toBe(201);
    const firstBody = await first.json();
    const again = await create(b);
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.json()).toEqual(firstBody);
    const cases = await handle.db
      .selectFrom("cases")
      .select("id")
      .where("person_id", "=", subject.personId)
      .execute();
    expect(cases.length).toBe(1);
  });

  it("a visit photo stored through one node is served by the other", async () => {
    const subject = await insertHousehold(handle.db, KEBON_KELAPA, "Budi Santoso");
    const { session } = await login(a, "psm.kebon-kelapa");
    const kase = (await (
      await call(a, session, "POST", "/api/v1/cases", {
        ...json({
          subjectType: "person",
          personId: subject.personId,
          category: "12",
          description: "Lansia tinggal sendiri",
          source: "temuan_lapangan",
          urgency: "biasa",
        }),
      })
    ).json()) as { id: string };
    const visit = (await (
      await call(a, session, "POST", `/api/v1/cases/${kase.id}/visits`, {
        ...json({ met: "Pak Budi", notes: "", latitude: -6.17, longitude: 106.82 }),
      })
    ).json()) as { id: string };
    const form = new FormData();
    form.append("file", new Blob([PNG], { type: "image/png" }), "rumah.png");
    const stored = await call(a, session, "POST", `/api/v1/cases/${kase.id}/visits/${visit.id}/photos`, {
      body: form,
    });
    expect(stored.status).toBe(201);
    const photo = ((await stored.json()) as { photos: { url: string }[] }).photos[0] as { url: string };
    const served = await call(b, session, "GET", photo.url);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(Buffer.compare(Buffer.from(await served.arrayBuffer()), PNG)).toBe(0);
  });

  it("an import job started on one node is followed from the other to its result", async () => {
    const { session } = await login(a, "sudin");
    const started = await call(a, session, "POST", "/api/v1/imports/persons/jobs?skipInvalid=true", {
      body: MIXED,
      headers: { "content-type": "text/csv" },
    });
    expect(started.status).toBe(202);
    const { id } = (await started.json()) as { id: string };
    let job: { state: string; written: number; result: { summary: { inserted: number } } | null } | undefined;
    for (let i = 0; i < 200; i++) {
      const res = await call(b, session, "GET", `/api/v1/imports/persons/jobs/${id}`);
      expect(res.status).toBe(200);
      job = (await res.json()) as typeof job;
      if (job?.state !== "running") break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(job).toMatchObject({ state: "finished", written: 4 });
    expect(job?.result?.summary.inserted).toBe(4);
  });

  it("account lockout counts wrong passwords on every node", async () => {
    for (let i = 0; i < ACCOUNT_LOCK_THRESHOLD; i++) {
      const res = await login(i % 2 === 0 ? a : b, "psm.gambir", "salah-sandi-sekali");
      expect(res.status).toBe(401);
    }
    for (const node of [a, b]) {
      const res = await login(node, "psm.gambir");
      expect(res.status, JSON.stringify(res.body)).not.toBe(200);
      expect(res.body.code).toBe("account_locked");
    }
  });

  it("address throttling counts failed logins on every node, sent at the same time", async () => {
    // The lockout test above already counted ACCOUNT_LOCK_THRESHOLD failures from this address;
    // the rest arrive at once, half on each node: every one must be counted.
    const rest = ADDRESS_LOCK_THRESHOLD - ACCOUNT_LOCK_THRESHOLD;
    const failures = await Promise.all(
      Array.from({ length: rest }, (_, i) => login(i % 2 === 0 ? a : b, `tidak-ada-${i}`, "salah-sandi")),
    );
    expect(failures.every((f) => f.status === 401)).toBe(true);
    for (const node of [a, b]) {
      const res = await login(node, "sudin");
      expect(res.status).toBe(429);
      expect(res.body.code).toBe("too_many_attempts");
    }
  });
});
