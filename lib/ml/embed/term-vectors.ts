import { fnv1a, opsLexicon, semanticUnits, type Lexicon } from "./text-features";

/**
 * Corpus-learned term vectors (lib/ml/embed/learn-term-vectors.ts) at run time: a text's dense vector is
 * the SIF-weighted mean of its words' and lexicon concepts' vectors (Arora et al. 2017: frequent units
 * count less, the corpus' common direction is removed). A word the corpus never used borrows the mean
 * vector of the known words sharing its character 3/4-grams, so "memry" still lands near "memory".
 */

export interface TermVectorArtifact {
  format: "opsrelay-term-vectors";
  version: 1;
  learnedFrom: { chunks: number; documents?: number; source?: string };
  params: { dims: number; window: number; minCount: number; smoothing: number; eigenWeight: number; lexicon: string };
  /** "w:<stem>" and "c:<concept>", sorted. */
  units: string[];
  /** Occurrences of each unit in the corpus (for SIF weights). */
  counts: number[];
  /** Unit vectors, L2-normalized, int8-quantized, row-major, base64. */
  vectors: string;
  /** The first principal component of the corpus' chunk vectors, removed from every text vector. */
  commonComponent?: number[];
}

/** SIF smoothing: a unit with relative frequency p weighs a / (a + p). */
const SIF_A = 1e-3;
/** Unknown words borrow an n-gram vector; they count this much of a rare known word. */
const OOV_WEIGHT = 0.6;
/** …and only when this share of their n-grams is known. */
const OOV_MIN_NGRAM_SHARE = 0.5;

export function encodeVectors(v: Float64Array, rows: number, dims: number): string {
  const q = new Int8Array(rows * dims);
  for (let i = 0; i < q.length; i++) q[i] = Math.max(-127, Math.min(127, Math.round(v[i] * 127)));
  return Buffer.from(q.buffer).toString("base64");
}

function decodeVectors(b64: string, rows: number, dims: number): Float32Array {
  const bytes = Buffer.from(b64, "base64");
  const q = new Int8Array(bytes.buffer, bytes.byteOffset, rows * dims);
  const out = new Float32Array(rows * dims);
  for (let i = 0; i < rows; i++) {
    let norm = 0;
    for (let c = 0; c < dims; c++) norm += q[i * dims + c] ** 2;
    const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let c = 0; c < dims; c++) out[i * dims + c] = q[i * dims + c] * inv;
  }
  return out;
}

function charGrams(stemmed: string): string[] {
  const padded = "<" + stemmed + ">";
  const grams: string[] = [];
  for (let n = 3; n <= 4; n++) for (let i = 0; i + n <= padded.length; i++) grams.push(padded.slice(i, i + n));
  return grams;
}

export class TermVectors {
  readonly dims: number;
  /** Short content hash: part of the embedding model name. */
  readonly version: string;
  private readonly index: Map<string, number>;
  private readonly vectors: Float32Array;
  private readonly weights: Float64Array;
  private readonly common?: Float64Array;
  private grams?: Map<string, Float32Array>;

  constructor(
    artifact: TermVectorArtifact,
    private readonly lexicon: Lexicon = opsLexicon(),
  ) {
    this.dims = artifact.params.dims;
    this.version = fnv1a(JSON.stringify([artifact.params, artifact.units.length, artifact.vectors, artifact.commonComponent ?? []]))
      .toString(16)
      .padStart(8, "0");
    this.index = new Map(artifact.units.map((u, i) => [u, i]));
    this.vectors = decodeVectors(artifact.vectors, artifact.units.length, this.dims);
    const total = artifact.counts.reduce((a, b) => a + b, 0) || 1;
    this.weights = Float64Array.from(artifact.counts, (c) => SIF_A / (SIF_A + c / total));
    if (artifact.commonComponent) this.common = Float64Array.from(artifact.commonComponent);
  }

  /** Mean vector of the known words containing each character n-gram (built on first use). */
  private gramVectors(): Map<string, Float32Array> {
    if (this.grams) return this.grams;
    const sums = new Map<string, { v: Float32Array; n: number }>();
    for (const [unit, i] of this.index) {
      if (!unit.startsWith("w:") || unit.length < 6) continue;
      for (const g of new Set(charGrams(unit.slice(2)))) {
        let s = sums.get(g);
        if (!s) sums.set(g, (s = { v: new Float32Array(this.dims), n: 0 }));
        for (let c = 0; c < this.dims; c++) s.v[c] += this.vectors[i * this.dims + c];
        s.n++;
      }
    }
    this.grams = new Map([...sums].map(([g, s]) => [g, s.v.map((x) => x / s.n)]));
    return this.grams;
  }

  /** Adds a unit's vector × weight into `out`; returns whether the unit (or its n-grams) was known. */
  private addUnit(unit: string, out: Float64Array): boolean {
    const i = this.index.get(unit);
    if (i !== undefined) {
      const w = this.weights[i];
      for (let c = 0; c < this.dims; c++) out[c] += w * this.vectors[i * this.dims + c];
      return true;
    }
    const word = unit.slice(2);
    if (!unit.startsWith("w:") || word.length < 4 || /\d/.test(word)) return false;
    const grams = charGrams(word);
    const known = grams.map((g) => this.gramVectors().get(g)).filter((v): v is Float32Array => v !== undefined);
    if (known.length < grams.length * OOV_MIN_NGRAM_SHARE) return false;
    const w = OOV_WEIGHT / known.length;
    for (const v of known) for (let c = 0; c < this.dims; c++) out[c] += w * v[c];
    return true;
  }

  /** The text's dense vector, L2-normalized; all zeros when no unit of the text is known. */
  textVector(text: string): Float64Array {
    const out = new Float64Array(this.dims);
    for (const { unit } of semanticUnits(text, this.lexicon)) this.addUnit(unit, out);
    return this.finish(out);
  }

  /** Removes the common component and normalizes (SIF). */
  finish(out: Float64Array): Float64Array {
    if (this.common) {
      let dot = 0;
      for (let c = 0; c < this.dims; c++) dot += out[c] * this.common[c];
      for (let c = 0; c < this.dims; c++) out[c] -= dot * this.common[c];
    }
    let norm = 0;
    for (let c = 0; c < this.dims; c++) norm += out[c] * out[c];
    if (norm === 0) return out;
    const inv = 1 / Math.sqrt(norm);
    for (let c = 0; c < this.dims; c++) out[c] *= inv;
    return out;
  }

  /** Nearest known units to a unit (for inspection and tests). */
  neighbours(unit: string, k = 5): { unit: string; similarity: number }[] {
    const i = this.index.get(unit);
    if (i === undefined) return [];
    const out: { unit: string; similarity: number }[] = [];
    for (const [u, j] of this.index) {
      if (j === i) continue;
      let s = 0;
      for (let c = 0; c < this.dims; c++) s += this.vectors[i * this.dims + c] * this.vectors[j * this.dims + c];
      out.push({ unit: u, similarity: s });
    }
    return out.sort((a, b) => b.similarity - a.similarity).slice(0, k);
  }
}

/** First principal component of row vectors (power iteration), for SIF's common-component removal. */
export function firstPrincipalComponent(rows: Float64Array[], dims: number): number[] {
  let v = new Float64Array(dims).fill(1 / Math.sqrt(dims));
  for (let it = 0; it < 50; it++) {
    const next = new Float64Array(dims);
    for (const r of rows) {
      let dot = 0;
      for (let c = 0; c < dims; c++) dot += r[c] * v[c];
      for (let c = 0; c < dims; c++) next[c] += dot * r[c];
    }
    let norm = 0;
    for (let c = 0; c < dims; c++) norm += next[c] ** 2;
    norm = Math.sqrt(norm) || 1;
    v = next.map((x) => x / norm);
  }
  return Array.from(v, (x) => Math.round(x * 1e5) / 1e5);
}
