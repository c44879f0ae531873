/**
 * Shared setup of the training route tests: the access fixture (regions, the 52 demo workers,
 * demo logins and the 2024 demo training), one login per role and a request shorthand.
 */
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { beforeAll } from "vitest";
import { type LoggedIn, loginAs, seedAccessFixture } from "../../../../test/auth-helpers.ts";
import type { TestContext } from "../../../../test/test-db.ts";

export type Who = "sudin" | "pelatih" | "pimpinan" | "psm" | "tksk";

export interface TrainingTestEnv {
  app: FastifyInstance;
  as: Record<Who, LoggedIn>;
  demoCohortId: string;
  call(method: string, url: string, who: LoggedIn | null, payload?: unknown): Promise<LightMyRequestResponse>;
}

/** A Jakarta-time (UTC+7) date and HH:MM for an instant. */
export function wib(at: Date): { date: string; time: string } {
  const iso = new Date(at.getTime() + 7 * 3_600_000).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/** Registers a beforeAll that seeds and logs in; the returned object is filled before the tests run. */
export function useTrainingTestEnv(ctx: TestContext): TrainingTestEnv {
  const env = { as: {} } as TrainingTestEnv;
  env.call = (method, url, who, payload) =>
    env.app.inject({
      method: method as "GET",
      url,
      headers: who?.headers ?? {},
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  beforeAll(async () => {
    await seedAccessFixture(ctx.db);
    env.app = await ctx.app();
    env.as.sudin = await loginAs(env.app, "sudin");
    env.as.pelatih = await loginAs(env.app, "pelatih");
    env.as.pimpinan = await loginAs(env.app, "pimpinan");
    env.as.psm = await loginAs(env.app, "psm.kebon-kelapa");
    env.as.tksk = await loginAs(env.app, "tksk.gambir");
    const cohorts = (await env.call("GET", "/api/v1/training/cohorts", env.as.sudin)).json().items;
    env.demoCohortId = cohorts.find((c: { year: number }) => c.year === 2024).id;
  });
  return env;
}
