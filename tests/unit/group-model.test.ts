import { describe, expect, it } from "vitest";
import { groupingModel, logistic, pairLogit, PAIR_FEATURES, type PairFeatures } from "@/lib/triage/group-model";

const none = Object.fromEntries(PAIR_FEATURES.map((k) => [k, 0])) as PairFeatures;
const p = (f: Partial<PairFeatures>) => logistic(pairLogit({ ...none, ...f }));

describe("the fitted grouping weights (lib/triage/group-weights.json)", () => {
  it("read the way an on-call engineer would: links raise the odds, contradictions and time lower them", () => {
    const w = groupingModel().weights;
    for (const k of ["cascadeDirect", "mentions", "sharedCause", "sameErrorCode", "similarity"] as const) expect(w[k]).toBeGreaterThan(0);
    for (const k of ["conflictingErrorCodes", "regionDifferent", "minutesApartOfWindow"] as const) expect(w[k]).toBeLessThan(0);
  });

  it("join a failing dependency and its dependent within minutes, and not the same edge half an hour apart", () => {
    const cascade = { cascadeDirect: 1, regionSame: 1, bothFailing: 1 };
    expect(p({ ...cascade, minutesApartOfWindow: 0.05 })).toBeGreaterThan(0.55);
    expect(p({ ...cascade, minutesApartOfWindow: 0.05 })).toBeGreaterThan(p({ ...cascade, minutesApartOfWindow: 1 }));
  });

  it("keep two alerts of one service with unlike text below two with near-identical text", () => {
    expect(p({ sameService: 1, similarity: 0.1, sameServiceSimilarity: 0.1, bothFailing: 1 })).toBeLessThan(0.55);
    expect(p({ sameService: 1, similarity: 0.9, sameServiceSimilarity: 0.9, bothFailing: 1 })).toBeGreaterThan(0.55);
  });
});
