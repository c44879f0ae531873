import { expect, it } from "vitest";
import { createTestUser } from "../../../../test/auth-helpers.ts";
import { describeEachDialect } from "../../../../test/test-db.ts";
import { HOUSEKEEPING } from "./housekeeping.ts";
import { listTasks } from "./scheduled-tasks.repository.ts";
import { dailyAtWib, every, type ScheduledTask, startScheduler } from "./scheduler.ts";

describeEachDialect("scheduler", (ctx) => {
  const clock = { t: Date.parse("2026-12-06T03:00:00Z") };
  const now = () => new Date(clock.t);

  it("runs each due task once across nodes that tick at the same moment", async () => {
    const runs: string[] = [];
    const tasks: ScheduledTask[] = [
      { name: "test.a", dueSince: every(60_000), run: async () => void runs.push("a") },
      { name: "test.b", dueSince: every(10 * 60_000), run: async () => void runs.push("b") },
    ];
    const nodes = ["node-1", "node-2", "node-3"].map((node) =>
      startScheduler(ctx.db, tasks, { node, now, tickMs: 3_600_000 }),
    );
    await Promise.all(nodes.map((n) => n.tick()));
    expect(runs.sort()).toEqual(["a", "b"]);

    clock.t += 30_000; // neither is due yet
    await Promise.all(nodes.map((n) => n.tick()));
    expect(runs.length).toBe(2);

    clock.t += 31_000; // a is due again, b is not
    await Promise.all(nodes.map((n) => n.tick()));
    expect(runs.sort()).toEqual(["a", "a", "b"]);

    const rows = (await listTasks(ctx.db)).filter((r) => r.name.startsWith("test."));
    expect(rows.map((r) => [r.name, Number(r.run_count)])).toEqual([
      ["test.a", 2],
      ["test.b", 1],
    ]);
    expect(rows.every((r) => r.last_finished_at !== null && r.last_error === null)).toBe(true);
    await Promise.all(nodes.map((n) => n.stop()));
  });

  it("a daily task is due from the latest hh:mm WIB", () => {
    const due = dailyAtWib("02:00");
    // 2026-12-06 03:00 UTC is 10:00 WIB: due since 02:00 WIB today (19:00 UTC the day before).
    expect(due(new Date("2026-12-06T03:00:00Z")).toISOString()).toBe("2026-12-05T19:00:00.000Z");
    // 18:59 UTC is 01:59 WIB: still yesterday's 02:00 WIB.
    expect(due(new Date("2026-12-05T18:59:00Z")).toISOString()).toBe("2026-12-04T19:00:00.000Z");
    expect(due(new Date("2026-12-05T19:00:00Z")).toISOString()).toBe("2026-12-05T19:00:00.000Z");
  });

  it("records a failing task's error and still runs the others", async () => {
    const errors: string[] = [];
    const ran: string[] = [];
    const tasks: ScheduledTask[] = [
      {
        name: "test.fails",
        dueSince: every(60_000),
        run: async () => {
          throw new Error("disk full");
        },
      },
      { name: "test.after", dueSince: every(60_000), run: async () => void ran.push("after") },
    ];
    const node = startScheduler(ctx.db, tasks, { now, onError: (task) => errors.push(task) });
    expect(await node.tick()).toEqual(["test.fails", "test.after"]);
    expect(errors).toEqual(["test.fails"]);
    expect(ran).toEqual(["after"]);
    const failed = (await listTasks(ctx.db)).find((r) => r.name === "test.fails");
    expect(failed?.last_error).toBe("disk full");
    await node.stop();
  });

  it("housekeeping forgets expired sessions, old idempotency keys, finished jobs and stale throttles", async () => {
    const at = new Date(clock.t);
    const old = new Date(clock.t - 2 * 24 * 3_600_000).toISOString();
    const recent = new Date(clock.t - 60_000).toISOString();
    const userId = await createTestUser(ctx.db, { username: "rumah.tangga", role: "admin" });
    const session = (id: string, lastSeen: string) => ({
      id,
      user_id: userId,
      csrf_token: "c",
      ip: null,
      user_agent: null,
      created_at: lastSeen,
      last_seen_at: lastSeen,
      expires_at: new Date(clock.t + 3_600_000).toISOString(),
    });
    await ctx.db
      .insertInto("sessions")
      .values([session("s-old", old), session("s-live", recent)])
      .execute();
    await ctx.db
      .insertInto("login_throttle")
      .values([
        { key: "ip:old", failures: 3, window_started_at: old, locked_until: null, lock_count: 0 },
        { key: "ip:recent", failures: 3, window_started_at: recent, locked_until: null, lock_count: 0 },
      ])
      .execute();
    const node = startScheduler(ctx.db, HOUSEKEEPING, { now: () => at });
    expect(await node.tick()).toEqual(HOUSEKEEPING.map((t) => t.name));
    await node.stop();
    const sessions = await ctx.db.selectFrom("sessions").select("id").where("id", "like", "s-%").execute();
    expect(sessions.map((s) => s.id)).toEqual(["s-live"]);
    const throttles = await ctx.db.selectFrom("login_throttle").select("key").execute();
    expect(throttles.map((t) => t.key)).toEqual(["ip:recent"]);
  });
});
