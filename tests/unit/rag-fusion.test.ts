import { describe, expect, it } from "vitest";
import { reciprocalRankFusion } from "@/lib/rag/fusion";
import { codeTokens, fullTextQuery, squashCode } from "@/lib/rag/search-terms";
import { pointerTarget, runbookSlug } from "@/lib/rag/retrieve";

describe("reciprocal rank fusion", () => {
  it("ranks an item found by both arms above items found by one", () => {
    const fused = reciprocalRankFusion([
      ["a", "b", "c"],
      ["c", "d", "a"],
    ]);
    expect(fused.map((f) => f.id).slice(0, 2).sort()).toEqual(["a", "c"]);
    expect(fused.find((f) => f.id === "a")!.score).toBeCloseTo(1 / 61 + 1 / 63, 12);
    expect(fused.map((f) => f.id)).toHaveLength(4);
  });

  it("prefers a consistent middle rank over one top rank (the point of RRF)", () => {
    const fused = reciprocalRankFusion([
      ["x", "m", "p", "q"],
      ["y", "m", "r", "s"],
    ]);
    expect(fused[0].id).toBe("m");
  });

  it("is stable on ties and handles empty lists", () => {
    expect(reciprocalRankFusion([["a"], ["b"]]).map((f) => f.id)).toEqual(["a", "b"]);
    expect(reciprocalRankFusion([[], []])).toEqual([]);
  });
});

describe("full-text terms", () => {
  it("squashes code tokens so PostgreSQL's parser keeps them whole", () => {
    expect(codeTokens("what does E-LEDGER-409 mean vs ORA-00060, SQLSTATE 53300 and ECONNREFUSED on max_connections")).toEqual(
      expect.arrayContaining(["eledger409", "ora00060", "53300", "econnrefused", "maxconnections"]),
    );
    expect(codeTokens("KubePodCrashLooping fired")).toContain("kubepodcrashlooping");
    expect(squashCode("E-LEDGER-409")).not.toBe(squashCode("E-LEDGER-500"));
  });

  it("builds OR queries of safe words only (no tsquery syntax injection)", () => {
    const q = fullTextQuery("db behind route planning is read only?? & ! ' :* (drop)");
    expect(q.english).toMatch(/^[a-z0-9 |]+$/);
    expect(q.english.split(" | ")).toEqual(expect.arrayContaining(["db", "route", "planning", "drop"]));
    expect(q.english.split(" | ")).not.toContain("is");
  });

  it("expands lexicon concepts when asked", () => {
    expect(fullTextQuery("db is slow", { expand: true }).english.split(" | ")).toContain("database");
  });
});

describe("runbook links", () => {
  it("reduces a link to the document slug", () => {
    expect(runbookSlug("https://wiki.parcelwise.example/runbooks/payments-db-failover?x=1#promote")).toBe("payments-db-failover");
    expect(runbookSlug("payments/payments-db-failover.md")).toBe("payments-db-failover");
  });
});

describe("pointer sections", () => {
  it("recognises a section that only points to another runbook", () => {
    expect(pointerTarget("See Search cluster health red or yellow.")).toBe("Search cluster health red or yellow");
    expect(pointerTarget("HTTP 429 from the maps provider: see Geocoding provider rate limits.")).toBe("Geocoding provider rate limits");
    expect(pointerTarget("See Login failures: token signing key rotation.")).toBe("Login failures");
  });

  it("ignores sections with real content or no runbook name", () => {
    expect(pointerTarget("Restart the pods one by one, check the error rate, then scale back up. See Deploy rollback if errors continue after ten minutes of waiting.")).toBeUndefined();
    expect(pointerTarget("see below.")).toBeUndefined();
  });
});
