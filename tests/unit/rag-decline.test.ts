import { describe, expect, it } from "vitest";
import { calibrate, declineDecision, declineRisk, loadCalibration } from "@/lib/rag/decline";
import { declinedAnswer, NOT_COVERED, offlineAnswer } from "@/lib/rag/offline-answer";
import { buildUserMessage, selectPassages } from "@/lib/rag/prompt";
import type { RetrievedChunk } from "@/lib/rag/retrieve";
import type { Support } from "@/lib/rag/support";

const support = (unknownShare: number, coverage: number, similarity: number, textScore = 0): Support => ({ unknownShare, coverage, similarity, textScore, missing: [] });

describe("decline calibration", () => {
  // Answerable questions: mostly covered, little unknown vocabulary; one hard paraphrase.
  const answerable = [
    ...Array.from({ length: 19 }, (_, i) => support(0.05 * (i % 3), 0.6 + 0.01 * i, 0.5)),
    support(0.5, 0.1, 0.2),
  ];
  const unanswerable = [support(0.6, 0.3, 0.3), support(0.55, 0.2, 0.25), support(0.1, 0.5, 0.5)];
  const rows = [...answerable.map((s) => ({ unanswerable: false, support: s })), ...unanswerable.map((s) => ({ unanswerable: true, support: s }))];

  it("declines as many unanswerable questions as it can while declining at most 5% of answerable ones", () => {
    const c = calibrate(rows, "m");
    const anDeclined = answerable.filter((s) => declineDecision(s, c).decline).length;
    const unDeclined = unanswerable.filter((s) => declineDecision(s, c).decline).length;
    expect(anDeclined).toBeLessThanOrEqual(1);
    expect(unDeclined).toBeGreaterThanOrEqual(2);
    expect(c).toMatchObject({ model: "m", devUnanswerableDeclined: unDeclined / 3 });
  });

  it("uses a strong full-text match when that is what separates the classes", () => {
    // Same unknown share, coverage and similarity: only the full-text rank tells them apart.
    const an = Array.from({ length: 20 }, (_, i) => support(0.3, 0.4, 0.5, 0.8 + 0.05 * (i % 5)));
    const un = Array.from({ length: 10 }, (_, i) => support(0.3, 0.4, 0.5, 0.1 + 0.02 * i));
    const c = calibrate([...an.map((s) => ({ unanswerable: false, support: s })), ...un.map((s) => ({ unanswerable: true, support: s }))], "m");
    expect(c.wText).toBeGreaterThan(0);
    expect(an.filter((s) => declineDecision(s, c).decline)).toHaveLength(0);
    expect(un.every((s) => declineDecision(s, c).decline)).toBe(true);
    // Past the cap a higher rank adds nothing.
    expect(declineRisk(support(0.3, 0.4, 0.5, 1), c)).toBe(declineRisk(support(0.3, 0.4, 0.5, 3), c));
  });

  it("reads calibrations stored before the full-text weight existed as weight 0", () => {
    expect(loadCalibration("opsrelay-offline-hash-v2+lex-d7ff243f")).toMatchObject({ wText: 0 });
  });

  it("risk rises with unknown vocabulary and falls with coverage and similarity", () => {
    const w = { wCoverage: 0.5, wSimilarity: 0.5, wText: 0 };
    expect(declineRisk(support(0.6, 0.3, 0.3), w)).toBeGreaterThan(declineRisk(support(0.2, 0.3, 0.3), w));
    expect(declineRisk(support(0.3, 0.8, 0.3), w)).toBeLessThan(declineRisk(support(0.3, 0.2, 0.3), w));
    expect(declineRisk(support(0.3, 0.3, 0.9), w)).toBeLessThan(declineRisk(support(0.3, 0.3, 0.1), w));
  });
});

const chunk = (id: string, content: string, heading = "Doc › Section"): RetrievedChunk => ({
  chunkId: id,
  documentId: "d",
  title: "Doc",
  sourcePath: "doc.md",
  url: null,
  service: null,
  team: null,
  headingPath: heading,
  anchor: "section",
  ordinal: 0,
  content,
  score: 1,
});

describe("answers without a model", () => {
  it("keeps numbered steps and code blocks whole and cites each passage", () => {
    const steps = "1. Stop writers.\n2. Promote:\n\n   ```bash\n   patronictl failover pg --force\n   ```\n\n3. Watch errors.";
    const text = offlineAnswer(selectPassages([chunk("a", steps, "DB › Failover"), chunk("b", "Other text.", "DB › Other")]));
    expect(text).toContain("**DB › Failover** [1]");
    expect(text).toContain(steps);
    expect(text).toContain("**DB › Other** [2]");
  });

  it("says plainly when the runbooks don't cover it and lists what was closest", () => {
    const text = declinedAnswer([chunk("a", "x", "Kafka › Lag")], ["mongodb"]);
    expect(text.startsWith(NOT_COVERED)).toBe(true);
    expect(text).toContain('"mongodb"');
    expect(text).toContain("Kafka › Lag");
  });

  it("bounds the prompt without truncating a passage", () => {
    const big = "x".repeat(7000);
    const passages = selectPassages([chunk("a", big), chunk("b", big), chunk("c", "small")], 12_000);
    expect(passages.map((p) => p.chunk.chunkId)).toEqual(["a", "c"]);
    const msg = buildUserMessage("q <script>", passages);
    expect(msg).toContain('<passage n="1"');
    expect(msg).toContain(big);
    expect(msg.length).toBeLessThan(12_000 + 1_000);
  });
});
