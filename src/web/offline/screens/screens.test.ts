import { describe, expect, it } from "vitest";
import {
  DEFAULT_INDICATOR_SET,
  type IndicatorSetIndicator,
} from "../../../core/mpi/default-indicator-set.ts";
import { scoreMpiUnit } from "../../../core/mpi/mpi.ts";
import { heldCounts } from "../../features/devices/devices.queries.ts";
import type { LocalRecord } from "../local-store.ts";
import { currentHeldSet } from "./assessment-form.tsx";
import { participantsOf } from "./attendance-form.tsx";
import { editableFields } from "./attention-list.tsx";
import { localVerdict, toHeldSet } from "./local-assessment.ts";

const set = DEFAULT_INDICATOR_SET;

/** An answer that makes the indicator deprived, or one that does not. */
function answer(indicator: IndicatorSetIndicator, deprived: boolean): string | number | boolean {
  const rule = indicator.deprivedIf as { op: string; value: unknown };
  switch (rule.op) {
    case "eq":
      return deprived ? (rule.value as boolean) : !(rule.value as boolean);
    case "lt":
    case "lte":
      return deprived ? 0 : (rule.value as number) * 10;
    case "in": {
      if (deprived) return (rule.value as string[])[0]!;
      const input = indicator.input;
      const other =
        input?.type === "choice"
          ? input.options.find((o) => !(rule.value as string[]).includes(o.value))?.value
          : undefined;
      return other ?? "lainnya";
    }
    default:
      throw new Error(`no test answer for ${rule.op}`);
  }
}

function answers(deprivedDimensions: readonly string[]) {
  return Object.fromEntries(
    set.indicators.map((i) => [i.column, answer(i, deprivedDimensions.includes(i.dimension))]),
  );
}

const record = (table: string, id: string, data: Record<string, unknown>, seq = 1): LocalRecord => ({
  table: table as LocalRecord["table"],
  id,
  seq,
  regionCode: null,
  data,
});

describe("local assessment verdict", () => {
  it("is not poor when nothing is deprived", () => {
    const result = localVerdict(set, answers([]));
    expect(result.complete).toBe(true);
    if (!result.complete) return;
    expect(result.verdict).toEqual({ poor: false, score: 0, k: set.k, deprived: [] });
  });

  it("counts one dimension of five as 0.2, below k = 1/3: not poor, with the deprivations named", () => {
    const result = localVerdict(set, answers(["ekonomi"]));
    if (!result.complete) throw new Error("incomplete");
    expect(result.verdict.score).toBeCloseTo(0.2, 12);
    expect(result.verdict.poor).toBe(false);
    const ekonomi = set.indicators.filter((i) => i.dimension === "ekonomi");
    expect(result.verdict.deprived.map((d) => d.id)).toEqual(ekonomi.map((i) => i.id));
    expect(result.verdict.deprived[0]!.text.id).toBe("Pendapatan per orang kurang dari Rp600.000 sebulan");
  });

  it("is poor at two dimensions (0.4 ≥ 1/3) and agrees with the engine the server scores with", () => {
    const values = answers(["ekonomi", "pendidikan"]);
    const result = localVerdict(set, values);
    if (!result.complete) throw new Error("incomplete");
    const engine = scoreMpiUnit(values, set);
    expect(result.verdict.poor).toBe(true);
    expect(result.verdict.score).toBe(engine.score);
    expect(result.verdict.score).toBeCloseTo(0.4, 12);
    expect(result.values).toEqual(values);
  });

  it("names the unanswered indicators instead of a verdict", () => {
    const values: Record<string, string | number | boolean | null> = answers([]);
    values.pendapatan_per_kapita = null;
    delete values.tanpa_tabungan;
    const result = localVerdict(set, values);
    expect(result).toEqual({
      complete: false,
      missing: ["pendapatan_per_kapita", "tanpa_tabungan"],
      invalid: [],
    });
  });

  it("reads the held indicator set and picks the newest default set", () => {
    const older = record("indicator_sets", "a", {
      id: "a",
      code: "ikm-peduli",
      name: "IKM",
      version: 1,
      definition: set,
    });
    const newer = record("indicator_sets", "b", {
      id: "b",
      code: "ikm-peduli",
      name: "IKM",
      version: 2,
      definition: set,
    });
    const other = record("indicator_sets", "c", {
      id: "c",
      code: "lain",
      name: "Lain",
      version: 9,
      definition: set,
    });
    expect(currentHeldSet([older, other, newer])?.id).toBe("b");
    expect(currentHeldSet([other])?.id).toBe("c");
    expect(currentHeldSet([])).toBeNull();
    expect(toHeldSet({ id: "x", name: "Rusak" })).toBeNull();
  });
});

describe("field screens helpers", () => {
  it("lets the worker correct text and number fields of a refused change, not its links", () => {
    expect(
      editableFields({ householdId: "h1", name: "Siti", rw: "7", visitedAt: 3, values: { a: 1 }, ok: true }),
    ).toEqual(["name", "rw", "visitedAt"]);
  });

  it("lists the participants of a session's cohort by name, not the worker's own enrolment", () => {
    const session = record("training_sessions", "s1", { cohortId: "c1", date: "2026-12-01" });
    const enrolments = [
      record("enrolments", "e2", { cohortId: "c1", name: "Angkatan 1", participantName: "Wati" }),
      record("enrolments", "e1", { cohortId: "c1", participantName: "Budi" }),
      record("enrolments", "e3", { cohortId: "c2", participantName: "Asep" }),
      record("enrolments", "e4", { cohortId: "c1", name: "Angkatan 1", participantName: "Saya", own: true }),
    ];
    expect(participantsOf(session, enrolments).map((e) => e.id)).toEqual(["e1", "e2"]);
    expect(participantsOf(undefined, enrolments)).toEqual([]);
  });

  it("shows a device's held records largest first, leaving out empty tables", () => {
    expect(heldCounts({ persons: 120, households: 40, cases: 0, case_tasks: 40 })).toEqual([
      ["persons", 120],
      ["case_tasks", 40],
      ["households", 40],
    ]);
  });
});
