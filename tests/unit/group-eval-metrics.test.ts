import { describe, expect, it } from "vitest";
import { adjustedRandIndex, pairCounts, prf } from "@/datasets/grouping/metrics";

describe("grouping quality metrics", () => {
  it("counts pairs: one false merge and one missed pair", () => {
    // truth: {a,b} {c} {d,e}; predicted: {a,b,c} {d} {e}
    const c = pairCounts(["x", "x", "y", "z", "z"], ["1", "1", "1", "2", "3"]);
    expect(c).toEqual({ tp: 1, fp: 2, fn: 1, tn: 6 });
    const m = prf(c);
    expect(m.precision).toBeCloseTo(1 / 3);
    expect(m.recall).toBeCloseTo(0.5);
    expect(m.f1).toBeCloseTo(0.4);
  });

  it("ARI is 1 for identical partitions whatever the label names, and low for everything-in-one", () => {
    expect(adjustedRandIndex(["a", "a", "b", "c"], ["9", "9", "7", "5"])).toBe(1);
    expect(adjustedRandIndex(["a", "a", "b", "b", "c", "c"], ["1", "1", "1", "1", "1", "1"])).toBe(0);
    const partial = adjustedRandIndex(["a", "a", "a", "b", "b", "b"], ["1", "1", "2", "2", "3", "3"]);
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(1);
  });

  it("scores a split of singletons against singletons as perfect", () => {
    expect(prf(pairCounts(["a", "b"], ["1", "2"]))).toEqual({ precision: 1, recall: 1, f1: 1 });
  });
});
