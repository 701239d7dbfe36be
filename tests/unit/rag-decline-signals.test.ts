import { describe, expect, it } from "vitest";
import { calibrate, declineDecision, declineRisk } from "@/lib/rag/decline";
import { isEverydayWord, isTypoOfKnownWord, namesAThing } from "@/lib/rag/everyday-words";
import type { RetrievedChunk } from "@/lib/rag/retrieve";
import { armsAgreement, type Support } from "@/lib/rag/support";

describe("words that name something the runbooks may not cover", () => {
  it("treats everyday paraphrase words and typos as no evidence, product names as evidence", () => {
    for (const w of ["hogging", "tally", "shelves", "thermal", "dont", "thats"]) expect(isEverydayWord(w), w).toBe(true);
    for (const w of ["memry", "pricng", "kafak"]) expect(isTypoOfKnownWord(w), w).toBe(true);
    for (const w of ["hogging", "memry", "rn", "bc"]) expect(namesAThing(w), w).toBe(false);
    for (const w of ["mongodb", "kibana", "terraform", "gdpr", "zookeeper"]) expect(namesAThing(w), w).toBe(true);
  });

  it("does not read short names as typos of common words", () => {
    expect(isTypoOfKnownWord("eks")).toBe(false);
    expect(namesAThing("eks")).toBe(true);
  });
});

const chunk = (documentId: string, vectorRank?: number, textRank?: number): RetrievedChunk => ({
  chunkId: `${documentId}-${vectorRank}-${textRank}`,
  documentId,
  title: documentId,
  sourcePath: `${documentId}.md`,
  url: null,
  service: null,
  team: null,
  headingPath: documentId,
  anchor: null,
  ordinal: 0,
  content: "",
  score: 1,
  vectorRank,
  textRank,
});

describe("agreement between the retrieval arms", () => {
  it("is 1 when both arms' top passages share a runbook, 0 when they don't, unknown with one arm", () => {
    expect(armsAgreement([chunk("a", 1, undefined), chunk("a", undefined, 2), chunk("b", 2, 1)])).toBe(1);
    expect(armsAgreement([chunk("a", 1, undefined), chunk("b", undefined, 1), chunk("c", 5, 2)])).toBe(0);
    // The vector arm's best passages were all outranked: nothing it found first had text support.
    expect(armsAgreement([chunk("a", undefined, 1), chunk("b", undefined, 2), chunk("c", 7, 3)])).toBe(0);
    expect(armsAgreement([chunk("a", undefined, 1), chunk("b", undefined, 2)])).toBeUndefined();
  });

  it("lowers the risk when the arms agree, and a missing signal never raises it", () => {
    const s = (armsAgree?: number): Support => ({ unknownShare: 0.2, coverage: 0.4, similarity: 0.4, textScore: 0.5, armsAgree, missing: [] });
    const w = { wCoverage: 0.5, wSimilarity: 0.5, wText: 0.5, wAgree: 0.4 };
    expect(declineRisk(s(1), w)).toBeLessThan(declineRisk(s(0), w));
    expect(declineRisk(s(undefined), w)).toBe(declineRisk(s(1), w));
  });

  it("is used by the calibration when it is what separates the classes", () => {
    const an = Array.from({ length: 20 }, (): Support => ({ unknownShare: 0.1, coverage: 0.5, similarity: 0.5, textScore: 0.5, armsAgree: 1, missing: [] }));
    const un = Array.from({ length: 10 }, (): Support => ({ unknownShare: 0.1, coverage: 0.5, similarity: 0.5, textScore: 0.5, armsAgree: 0, missing: [] }));
    const c = calibrate([...an.map((support) => ({ unanswerable: false, support })), ...un.map((support) => ({ unanswerable: true, support }))], "m");
    expect(c.wAgree).toBeGreaterThan(0);
    expect(an.some((x) => declineDecision(x, c).decline)).toBe(false);
    expect(un.every((x) => declineDecision(x, c).decline)).toBe(true);
  });
});
