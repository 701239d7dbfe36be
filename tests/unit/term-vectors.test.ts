import { describe, expect, it } from "vitest";
import { learnTermVectors, symmetricEigen } from "@/lib/ml/embed/learn-term-vectors";
import { embedText, offlineEmbedder } from "@/lib/ml/embed/offline";
import { TermVectors } from "@/lib/ml/embed/term-vectors";
import { buildLexicon } from "@/lib/ml/embed/text-features";

const cos = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).reduce((s, x, i) => s + x * b[i], 0);
const noLexicon = buildLexicon({ groups: [] });

// A small corpus where "courier" and "driver" never meet but are used in the same contexts.
const corpus = [
  ...Array.from({ length: 6 }, (_, i) => `the courier app logs out and the courier loses offline deliveries on route ${i}`),
  ...Array.from({ length: 6 }, (_, i) => `the driver app logs out and the driver loses offline deliveries on shift ${i}`),
  ...Array.from({ length: 6 }, (_, i) => `tablespace full: add a datafile to the oracle tablespace, dba rota ${i}`),
  ...Array.from({ length: 6 }, (_, i) => `certificate renewal failing: check the issuer and the acme challenge ${i}`),
];

describe("corpus term vectors", () => {
  const artifact = learnTermVectors(corpus, { dims: 8, window: 6, lexicon: noLexicon });
  const terms = new TermVectors(artifact, noLexicon);

  it("learns that words used in the same contexts are close, without their ever co-occurring", () => {
    const near = terms.neighbours("w:courier", 3).map((n) => n.unit);
    expect(near).toContain("w:driver");
    const sim = (a: string, b: string) => cos(terms.textVector(a), terms.textVector(b));
    expect(sim("courier", "driver")).toBeGreaterThan(sim("courier", "tablespace") + 0.3);
  });

  it("is deterministic: the same corpus gives the same artifact and version", () => {
    const again = learnTermVectors(corpus, { dims: 8, window: 6, lexicon: noLexicon });
    expect(again).toEqual(artifact);
    expect(new TermVectors(again, noLexicon).version).toBe(terms.version);
  });

  it("gives a misspelled word the vector of the known words sharing its character n-grams", () => {
    expect(cos(terms.textVector("tablespce"), terms.textVector("tablespace"))).toBeGreaterThan(0.6);
    expect(Array.from(terms.textVector("zzzzqqq")).every((x) => x === 0)).toBe(true);
  });

  it("eigen-decomposes a symmetric matrix", () => {
    const { values, vectors } = symmetricEigen(Float64Array.from([2, 1, 1, 2]), 2);
    expect([...values].sort()).toEqual([expect.closeTo(1, 9), expect.closeTo(3, 9)]);
    const i = values[0] > values[1] ? 0 : 1;
    expect(Math.abs(vectors[i]) - Math.abs(vectors[2 + i])).toBeCloseTo(0, 9);
  });
});

describe("offline embedder with the shipped corpus term vectors", () => {
  it("keeps 384-dim unit vectors and names the term vectors in the model", async () => {
    const e = offlineEmbedder();
    const [v] = await e.embed(["couriers logged out of the app"]);
    expect(v).toHaveLength(384);
    expect(Math.sqrt(cos(v, v))).toBeCloseTo(1, 9);
    expect(e.model).not.toBe(offlineEmbedder(undefined, null).model);
  });

  it("hashing only (terms: null) differs from the combined vector and stays a unit vector", () => {
    const a = embedText("redis failover readonly errors", { terms: null });
    const b = embedText("redis failover readonly errors");
    expect(cos(a, a)).toBeCloseTo(1, 9);
    expect(cos(a, b)).toBeLessThan(0.999);
  });
});
