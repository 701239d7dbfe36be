import { describe, expect, it } from "vitest";
import { embedText, offlineEmbedder } from "@/lib/ml/embed/offline";
import { findConcepts, stem, tokenize } from "@/lib/ml/embed/text-features";

const cos = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i], 0);

describe("offline embedder", () => {
  const embedder = offlineEmbedder();

  it("returns 384-dim unit vectors, deterministically, with a versioned model name", async () => {
    const [a, b] = await embedder.embed(["payments-db is read only", "payments-db is read only"]);
    expect(a).toHaveLength(384);
    expect(Math.sqrt(cos(a, a))).toBeCloseTo(1, 9);
    expect(a).toEqual(b);
    expect(embedder.model).toMatch(/^opsrelay-offline-hash-v\d+\+lex-[0-9a-f]{8}\+terms-[0-9a-f]{8}$/);
  });

  it("gives a finite unit vector for empty and stopword-only text", async () => {
    for (const v of await embedder.embed(["", "the and of", "???"])) {
      expect(v.every(Number.isFinite)).toBe(true);
      expect(Math.sqrt(cos(v, v))).toBeCloseTo(1, 9);
    }
  });

  it("puts abbreviations and synonyms closer than unrelated text", async () => {
    const [q, para, other] = await embedder.embed([
      "db behind route planning is read only??",
      "routing database rejects writes after failover to the replica",
      "label printer in the warehouse prints blank labels",
    ]);
    expect(cos(q, para)).toBeGreaterThan(cos(q, other) + 0.1);
  });

  it("survives typos and inflections", async () => {
    const [a, typo, unrelated] = await embedder.embed([
      "kafka consumer lag growing on shipment events",
      "kafak consumr lagging on shipments event",
      "rotate the TLS certificate for the public API",
    ]);
    expect(cos(a, typo)).toBeGreaterThan(0.3);
    expect(cos(a, typo)).toBeGreaterThan(cos(a, unrelated) + 0.2);
  });

  it("matches exact error codes strongly in its hashed part", async () => {
    // The corpus-learned part cannot see codes (it knows "ledger", not 409 from 500): exact codes are the
    // hashed part's and the full-text arm's job (codes are indexed whole there).
    const [q, doc, near] = ["what does E-LEDGER-409 mean", "E-LEDGER-409: ledger entry conflict, another writer holds the period lock", "E-LEDGER-500: ledger service internal failure"].map(
      (t) => Array.from(embedText(t, { terms: null })),
    );
    expect(cos(q, doc)).toBeGreaterThan(cos(q, near));
    const [q2, doc2, other] = await embedder.embed([
      "what does E-LEDGER-409 mean",
      "E-LEDGER-409: ledger entry conflict, another writer holds the period lock",
      "redis cache memory full and evictions",
    ]);
    expect(cos(q2, doc2)).toBeGreaterThan(cos(q2, other) + 0.3);
  });
});

describe("text features", () => {
  it("splits camelCase and keeps compound codes whole", () => {
    const t = tokenize("KubePodCrashLooping on ORA-00060 in max_connections");
    expect(t.words).toContain("crash");
    expect(t.compounds).toEqual(["ora-00060", "max_connections"]);
  });

  it("stems inflections together", () => {
    expect(stem("restarting")).toBe(stem("restarts"));
    expect(stem("queues")).toBe(stem("queue"));
  });

  it("finds multi-word lexicon concepts, longest first", () => {
    const words = tokenize("pods ran out of memory, please bounce them").words.map(stem);
    expect(findConcepts(words)).toEqual(expect.arrayContaining(["pod", "out-of-memory", "restart"]));
  });
});
