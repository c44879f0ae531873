import { describe, expect, it } from "vitest";
import { describeEachDialect } from "../../../../test/test-db.ts";
import { AppError } from "../../../core/errors/app-error.ts";
import { ADDRESS_LOCK_THRESHOLD, ADDRESS_WINDOW_MS, addressLockMs } from "./auth-policy.ts";
import { assertAddressAllowed, recordAddressFailure } from "./throttle.service.ts";

describeEachDialect("login throttle", (ctx) => {
  const now = new Date("2026-12-06T08:00:00.000Z");
  const row = (key: string) =>
    ctx.db.selectFrom("login_throttle").selectAll().where("key", "=", key).executeTakeFirstOrThrow();

  it("counts failures that arrive at the same moment exactly, and locks once", async () => {
    // Two connections' worth of concurrency on PostgreSQL: a read-then-write would lose counts.
    const attempts = ADDRESS_LOCK_THRESHOLD + 5;
    await Promise.all(Array.from({ length: attempts }, () => recordAddressFailure(ctx.db, "10.0.0.1", now)));
    const saved = await row("ip:10.0.0.1");
    expect(saved.lock_count).toBe(1);
    expect(saved.failures).toBe(attempts - ADDRESS_LOCK_THRESHOLD);
    expect(saved.locked_until).toBe(new Date(now.getTime() + addressLockMs(0)).toISOString());
    await expect(assertAddressAllowed(ctx.db, "10.0.0.1", now)).rejects.toBeInstanceOf(AppError);
  });

  it("stays open below the threshold and starts a new window after it lapses", async () => {
    for (let n = 1; n < ADDRESS_LOCK_THRESHOLD; n++) await recordAddressFailure(ctx.db, "10.0.0.2", now);
    await expect(assertAddressAllowed(ctx.db, "10.0.0.2", now)).resolves.toBeUndefined();
    expect((await row("ip:10.0.0.2")).failures).toBe(ADDRESS_LOCK_THRESHOLD - 1);
    const later = new Date(now.getTime() + ADDRESS_WINDOW_MS + 1000);
    await recordAddressFailure(ctx.db, "10.0.0.2", later);
    const saved = await row("ip:10.0.0.2");
    expect(saved.failures).toBe(1);
    expect(saved.window_started_at).toBe(later.toISOString());
    expect(saved.locked_until).toBeNull();
  });
});

describe("addressLockMs", () => {
  it("doubles from five minutes up to an hour", () => {
    expect(addressLockMs(0)).toBe(5 * 60 * 1000);
    expect(addressLockMs(1)).toBe(10 * 60 * 1000);
    expect(addressLockMs(10)).toBe(60 * 60 * 1000);
  });
});
