import { expect, it } from "vitest";
import { describeEachDialect } from "../../../../test/test-db.ts";
import { ImportJobs } from "./import-jobs.ts";

describeEachDialect("import jobs across nodes", (ctx) => {
  const clock = { t: Date.parse("2026-12-06T03:00:00Z") };
  const now = () => clock.t;

  it("a job started on one node is followed from another: progress, then its result", async () => {
    const runner = new ImportJobs(ctx.db, now);
    const other = new ImportJobs(ctx.db, now);
    const job = await runner.start("user-a", { dryRun: false, totalRows: 1000 });
    expect(await other.get("user-a", job.id)).toMatchObject({ state: "running", phase: "queued", read: 0 });

    clock.t += 1000;
    await runner.update(job.id, { phase: "validating", read: 400, rejected: 2 });
    await new Promise((r) => setTimeout(r, 50));
    expect(await other.get("user-a", job.id)).toMatchObject({ phase: "validating", read: 400, rejected: 2 });

    const result = {
      summary: { read: 1000, inserted: 998, updated: 0, rejected: 2, households: 300 },
      problems: [],
      written: true,
    };
    await runner.update(job.id, {
      state: "finished",
      phase: "done",
      read: 1000,
      written: 998,
      result,
    } as never);
    const seen = await other.get("user-a", job.id);
    expect(seen).toMatchObject({ state: "finished", phase: "done", written: 998, error: null });
    expect(seen?.result).toEqual(result);
    expect(seen?.finishedAt).not.toBeNull();
    // Only its owner sees it, on every node.
    expect(await other.get("user-b", job.id)).toBeUndefined();
    expect(await runner.get("user-b", job.id)).toBeUndefined();
    runner.close();
    other.close();
  });

  it("a running job whose node stopped writing is reported as interrupted", async () => {
    const runner = new ImportJobs(ctx.db, now);
    const job = await runner.start("user-a", { dryRun: false, totalRows: 10 });
    runner.close(); // the node dies: no more heartbeats
    const other = new ImportJobs(ctx.db, now);
    expect((await other.get("user-a", job.id))?.state).toBe("running");
    clock.t += 3 * 60 * 1000;
    const seen = await other.get("user-a", job.id);
    expect(seen).toMatchObject({ state: "failed", phase: "done", error: { code: "import_interrupted" } });
    expect(seen?.error?.message.id).toContain("Unggah berkas itu lagi");
  });

  it("keeps finished jobs for an hour and at most 20 per user", async () => {
    const jobs = new ImportJobs(ctx.db, now);
    const ids: string[] = [];
    for (let i = 0; i < 22; i++) {
      clock.t += 1000;
      const job = await jobs.start("user-c", { dryRun: true, totalRows: 1 });
      await jobs.update(job.id, { state: "finished", phase: "done" });
      ids.push(job.id);
    }
    expect(await jobs.get("user-c", ids[0] as string)).toBeUndefined();
    expect(await jobs.get("user-c", ids[1] as string)).toBeUndefined();
    expect((await jobs.get("user-c", ids[2] as string))?.state).toBe("finished");
    clock.t += 61 * 60 * 1000;
    await jobs.start("user-d", { dryRun: true, totalRows: 1 });
    expect(await jobs.get("user-c", ids[21] as string)).toBeUndefined();
    jobs.close();
  });
});
