import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { writePersonCsv } from "../../../../bench/person-csv.ts";
import { loginAs, seedAccessFixture } from "../../../../test/auth-helpers.ts";
import { describeEachDialect } from "../../../../test/test-db.ts";
import type { ImportJob } from "./import-jobs.ts";
import { importPersons } from "./person-import.service.ts";

const MIXED = readFileSync(new URL("../../../../test/fixtures/persons-mixed.csv", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "peduli-import-jobs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeEachDialect("person import jobs API", (ctx) => {
  beforeAll(async () => {
    await seedAccessFixture(ctx.db);
  });

  const as = async (username: string) => {
    const app = await ctx.app();
    const { headers } = await loginAs(app, username);
    const start = (query: string, payload: Buffer) =>
      app.inject({
        method: "POST",
        url: `/api/v1/imports/persons/jobs${query}`,
        headers: { ...headers, "content-type": "text/csv" },
        payload,
      });
    const get = (id: string) =>
      app.inject({ method: "GET", url: `/api/v1/imports/persons/jobs/${id}`, headers });
    /** Polls until the job ends; returns every state seen. */
    const follow = async (id: string): Promise<ImportJob[]> => {
      const seen: ImportJob[] = [];
      for (;;) {
        const res = await get(id);
        expect(res.statusCode).toBe(200);
        const job = res.json() as ImportJob;
        seen.push(job);
        if (job.state !== "running") return seen;
        await new Promise((r) => setTimeout(r, 10));
      }
    };
    return { start, get, follow };
  };

  it("a dry-run job reports progress while it validates, then the same result as a direct import", async () => {
    const file = join(dir, "persons.csv");
    await writePersonCsv(file, 30_000);
    const body = readFileSync(file);
    const sudin = await as("sudin");
    const started = await sudin.start("?dryRun=true", body);
    expect(started.statusCode).toBe(202);
    const job = started.json() as ImportJob;
    expect(job).toMatchObject({ state: "running", dryRun: true, totalRows: 30_000, result: null });
    const seen = await sudin.follow(job.id);
    const during = seen.filter((j) => j.state === "running" && j.read > 0 && j.read < 30_000);
    expect(during.length).toBeGreaterThan(0);
    expect(during.every((j) => j.phase === "validating")).toBe(true);
    const done = seen.at(-1) as ImportJob;
    expect(done).toMatchObject({ state: "finished", phase: "done", read: 30_000, written: 0, error: null });
    const direct = await importPersons({ db: ctx.db }, { buffer: body }, { dryRun: true });
    expect(done.result?.summary).toEqual(direct.summary);
    expect(done.result?.written).toBe(false);
  }, 120_000);

  it("import jobs end with the CLI's summary (refused, then skip-invalid) and only their owner sees them", async () => {
    const sudin = await as("sudin");
    const refused = (await sudin.start("", MIXED)).json() as ImportJob;
    const refusedEnd = (await sudin.follow(refused.id)).at(-1);
    // The same summary and rows as `peduli import persons` prints for this file.
    expect(refusedEnd?.result?.summary).toEqual({
      read: 11,
      inserted: 0,
      updated: 0,
      rejected: 7,
      households: 0,
    });
    expect([...new Set(refusedEnd?.result?.problems.map((p) => p.row))]).toEqual([6, 7, 8, 9, 10, 11, 12]);
    expect(refusedEnd?.result?.written).toBe(false);

    const accepted = (await sudin.start("?skipInvalid=true", MIXED)).json() as ImportJob;
    const end = (await sudin.follow(accepted.id)).at(-1);
    expect(end).toMatchObject({ state: "finished", written: 4, rejected: 7 });
    expect(end?.result?.summary).toEqual({ read: 11, inserted: 4, updated: 0, rejected: 7, households: 2 });
    expect(end?.result?.written).toBe(true);
    const persons = await ctx.db
      .selectFrom("persons")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(persons.n)).toBe(4);

    const other = await as("psm.gambir");
    expect((await other.get(accepted.id)).statusCode).toBe(404);
    expect((await sudin.get("01890a5d-ac96-774b-bcce-b302099a8057")).statusCode).toBe(404);
  }, 120_000);

  it("a file without a required column fails the job with the reason", async () => {
    const sudin = await as("sudin");
    const job = (await sudin.start("", Buffer.from("nik,nama\n1,2\n"))).json() as ImportJob;
    const end = (await sudin.follow(job.id)).at(-1);
    expect(end).toMatchObject({ state: "failed", error: { code: "file_invalid" } });
    expect(end?.error?.problems.map((p) => p.field)).toContain("baris 1, kolom no_kk");
  });
});
