import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { attendanceRate, checkInDecision, sessionHours, sessionInstants } from "./attendance.ts";
import {
  certificateNumber,
  normalizeVerificationCode,
  VERIFICATION_CODE_PATTERN,
  verificationCode,
} from "./certificate-number.ts";
import { DEFAULT_COMPLETION_RULE, evaluateCompletion } from "./completion.ts";
import { analyseItems } from "./item-analysis.ts";
import { hashSeed, seededRandom, shuffled } from "./random.ts";
import { classAverageGain, normalizedGain, scoreDistribution, scorePercent } from "./scoring.ts";
import { assembleTest } from "./test-assembly.ts";

describe("scores and gains", () => {
  it("scores a percentage of correct items", () => {
    expect(scorePercent(21, 30)).toBe(70);
    expect(scorePercent(2, 3)).toBe(66.67);
    expect(scorePercent(0, 0)).toBe(0);
  });

  it("computes g = (post − pre) / (100 − pre)", () => {
    expect(normalizedGain(40, 70)).toEqual({ status: "ok", value: 0.5 });
    expect(normalizedGain(60, 50)).toEqual({ status: "ok", value: -0.25 });
    expect(normalizedGain(0, 100)).toEqual({ status: "ok", value: 1 });
  });

  it("leaves g undefined when pre = 100 and when a test is missing, without throwing", () => {
    expect(normalizedGain(100, 100)).toEqual({ status: "pre_perfect", value: null });
    expect(normalizedGain(100, 80)).toEqual({ status: "pre_perfect", value: null });
    expect(normalizedGain(null, 80)).toEqual({ status: "missing", value: null });
    expect(normalizedGain(50, null)).toEqual({ status: "missing", value: null });
    expect(normalizedGain(undefined, undefined)).toEqual({ status: "missing", value: null });
  });

  it("g never exceeds 1 and is finite for every pair of scores", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), (pre, post) => {
        const g = normalizedGain(pre, post);
        if (pre === 100) return g.status === "pre_perfect";
        return g.status === "ok" && Number.isFinite(g.value) && g.value <= 1;
      }),
    );
  });

  it("class-average gain uses the mean scores", () => {
    expect(
      classAverageGain([
        { pre: 40, post: 80 },
        { pre: 60, post: 80 },
      ]),
    ).toBe(0.6);
    expect(classAverageGain([])).toBeNull();
    expect(classAverageGain([{ pre: 100, post: 100 }])).toBeNull();
  });

  it("bands scores by ten points, 100 in the top band", () => {
    const bands = scoreDistribution([0, 9.9, 10, 55, 100]);
    expect(bands.map((b) => b.count)).toEqual([2, 1, 0, 0, 0, 1, 0, 0, 0, 1]);
  });
});

describe("item analysis", () => {
  it("computes difficulty and the 27 % upper − lower discrimination", () => {
    // Ten participants; scores 100, 90, … 10. q1 is answered correctly by the top five only.
    const totals = Array.from({ length: 10 }, (_, i) => ({ attemptId: `a${i}`, score: 100 - i * 10 }));
    const responses = totals.flatMap((t, i) => [
      { attemptId: t.attemptId, questionId: "q1", correct: i < 5 },
      { attemptId: t.attemptId, questionId: "q2", correct: true },
      { attemptId: t.attemptId, questionId: "q3", correct: i >= 7 },
    ]);
    const stats = analyseItems(responses, totals);
    // round(10 × 0.27) = 3 per group.
    expect(stats).toEqual([
      { questionId: "q1", n: 10, difficulty: 0.5, discrimination: 1 },
      { questionId: "q2", n: 10, difficulty: 1, discrimination: 0 },
      { questionId: "q3", n: 10, difficulty: 0.3, discrimination: -1 },
    ]);
  });

  it("gives no discrimination for a question seen by one participant", () => {
    const stats = analyseItems(
      [{ attemptId: "a", questionId: "q", correct: true }],
      [{ attemptId: "a", score: 50 }],
    );
    expect(stats).toEqual([{ questionId: "q", n: 1, difficulty: 1, discrimination: null }]);
  });
});

describe("completion", () => {
  it("needs attendance ≥ 80 % and post-test ≥ 70", () => {
    expect(evaluateCompletion(DEFAULT_COMPLETION_RULE, 0.8, 70)).toEqual({ completed: true, shortfalls: [] });
    expect(evaluateCompletion(DEFAULT_COMPLETION_RULE, 0.75, 69.99).shortfalls).toEqual([
      "attendance",
      "post_test_below",
    ]);
    expect(evaluateCompletion(DEFAULT_COMPLETION_RULE, 1, null).shortfalls).toEqual(["post_test_missing"]);
  });
});

describe("attendance and the QR window", () => {
  const session = { date: "2024-05-02", startTime: "08:00", endTime: "12:00" };

  it("reads session times as Asia/Jakarta", () => {
    expect(sessionInstants(session).start.toISOString()).toBe("2024-05-02T01:00:00.000Z");
    expect(sessionHours(session)).toBe(4);
  });

  it("opens 30 minutes before the start, marks late after 15 minutes, closes at the end", () => {
    expect(checkInDecision(session, new Date("2024-05-02T00:29:59Z"))).toEqual({
      allowed: false,
      reason: "not_yet_open",
    });
    expect(checkInDecision(session, new Date("2024-05-02T00:30:00Z"))).toEqual({
      allowed: true,
      status: "hadir",
    });
    expect(checkInDecision(session, new Date("2024-05-02T01:15:00Z"))).toEqual({
      allowed: true,
      status: "hadir",
    });
    expect(checkInDecision(session, new Date("2024-05-02T01:16:00Z"))).toEqual({
      allowed: true,
      status: "terlambat",
    });
    expect(checkInDecision(session, new Date("2024-05-02T05:00:01Z"))).toEqual({
      allowed: false,
      reason: "closed",
    });
  });

  it("counts hadir and terlambat as present", () => {
    expect(attendanceRate(["hadir", "terlambat", "izin", "sakit", "alpa"], 5)).toBe(0.4);
    expect(attendanceRate(["hadir", null], 4)).toBe(0.25);
    expect(attendanceRate([], 0)).toBe(0);
  });
});

describe("test assembly", () => {
  const bank = ["m1", "m2"].flatMap((m) =>
    Array.from({ length: 6 }, (_, i) => ({ id: `${m}-q${i}`, moduleId: m, optionCount: i === 0 ? 2 : 4 })),
  );

  it("draws per module, shuffles questions and options, and is reproducible from the seed", () => {
    const a = assembleTest(bank, 4, hashSeed("test-1:participant-1"));
    const again = assembleTest(bank, 4, hashSeed("test-1:participant-1"));
    const other = assembleTest(bank, 4, hashSeed("test-1:participant-2"));
    expect(a).toEqual(again);
    expect(a).toHaveLength(8);
    expect(a.filter((i) => i.questionId.startsWith("m1"))).toHaveLength(4);
    expect(new Set(a.map((i) => i.questionId)).size).toBe(8);
    for (const item of a) {
      const expected = item.questionId.endsWith("q0") ? [0, 1] : [0, 1, 2, 3];
      expect([...item.optionOrder].sort()).toEqual(expected);
    }
    expect(other.map((i) => i.questionId)).not.toEqual(a.map((i) => i.questionId));
  });

  it("takes the whole bank of a module that is smaller than the draw", () => {
    expect(assembleTest(bank, 10, 1)).toHaveLength(12);
  });

  it("shuffles a permutation", () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer(), (items, seed) => {
        const out = shuffled(items, seededRandom(seed));
        return [...out].sort().join() === [...items].sort().join();
      }),
    );
  });
});

describe("certificate numbers and codes", () => {
  it("formats the number", () => {
    expect(certificateNumber(7, "dasar", "SUDINSOS-JP", 2024)).toBe("0007/BIMTEK-DASAR/SUDINSOS-JP/2024");
  });

  it("makes 12-character Crockford codes and normalises typed ones", () => {
    const code = verificationCode(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]));
    expect(code).toMatch(VERIFICATION_CODE_PATTERN);
    expect(normalizeVerificationCode(code.toLowerCase())).toBe(code);
    expect(normalizeVerificationCode("abcd-efgh-ijkl")).toBe("ABCDEFGH1JK1");
    expect(() => verificationCode(new Uint8Array(4))).toThrow();
  });
});
