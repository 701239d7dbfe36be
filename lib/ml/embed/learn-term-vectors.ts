import { mulberry32 } from "@/lib/ml/prng";
import { opsLexicon, semanticUnits, type Lexicon } from "./text-features";
import { encodeVectors, firstPrincipalComponent, TermVectors, type TermVectorArtifact } from "./term-vectors";

/**
 * Learns term vectors from the runbook corpus itself (no pretrained weights): positive PMI of the
 * co-occurrence of stemmed words and lexicon concepts within a window, reduced by truncated SVD
 * (Levy, Goldberg & Dagan 2015: context-distribution smoothing 0.75, eigenvalue weighting p = 0.5).
 * Words used in the same contexts ("courier" and "driver", "tablespace" and "datafile") end up close,
 * which word overlap and the hand-written lexicon cannot see. Deterministic (seeded), so the same corpus
 * gives the same artifact and the same embedding model name.
 */

export interface LearnOptions {
  dims?: number;
  /** Co-occurrence window in tokens, each side. */
  window?: number;
  /** Units seen in fewer chunks are left out (one-off words have no usable context). */
  minCount?: number;
  lexicon?: Lexicon;
}

export const LEARN_DEFAULTS = { dims: 64, window: 8, minCount: 2 } as const;
const SMOOTHING = 0.75;
const EIGEN_WEIGHT = 0.5;
const POWER_ITERATIONS = 4;
const OVERSAMPLE = 12;

interface Sparse {
  n: number;
  rows: Int32Array;
  cols: Int32Array;
  vals: Float64Array;
}

/** out (n×l) = M · X (n×l), or Mᵀ · X with `transpose`. Dense matrices are row-major. */
function multiply(m: Sparse, x: Float64Array, l: number, transpose = false): Float64Array {
  const out = new Float64Array(m.n * l);
  for (let k = 0; k < m.vals.length; k++) {
    const i = transpose ? m.cols[k] : m.rows[k];
    const j = transpose ? m.rows[k] : m.cols[k];
    const v = m.vals[k];
    const oi = i * l;
    const xj = j * l;
    for (let c = 0; c < l; c++) out[oi + c] += v * x[xj + c];
  }
  return out;
}

/** Orthonormalizes the columns of an n×l matrix in place (modified Gram-Schmidt). */
function orthonormalize(a: Float64Array, n: number, l: number): void {
  for (let c = 0; c < l; c++) {
    for (let p = 0; p < c; p++) {
      let dot = 0;
      for (let i = 0; i < n; i++) dot += a[i * l + c] * a[i * l + p];
      for (let i = 0; i < n; i++) a[i * l + c] -= dot * a[i * l + p];
    }
    let norm = 0;
    for (let i = 0; i < n; i++) norm += a[i * l + c] ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < n; i++) a[i * l + c] /= norm;
  }
}

/** Eigen-decomposition of a small symmetric matrix (cyclic Jacobi): eigenvalues and column eigenvectors. */
export function symmetricEigen(input: Float64Array, l: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(input);
  const v = new Float64Array(l * l);
  for (let i = 0; i < l; i++) v[i * l + i] = 1;
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let p = 0; p < l; p++) for (let q = p + 1; q < l; q++) off += a[p * l + q] ** 2;
    if (off < 1e-18) break;
    for (let p = 0; p < l; p++) {
      for (let q = p + 1; q < l; q++) {
        const apq = a[p * l + q];
        if (Math.abs(apq) < 1e-15) continue;
        const theta = (a[q * l + q] - a[p * l + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < l; k++) {
          const akp = a[k * l + p];
          const akq = a[k * l + q];
          a[k * l + p] = c * akp - s * akq;
          a[k * l + q] = s * akp + c * akq;
        }
        for (let k = 0; k < l; k++) {
          const apk = a[p * l + k];
          const aqk = a[q * l + k];
          a[p * l + k] = c * apk - s * aqk;
          a[q * l + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < l; k++) {
          const vkp = v[k * l + p];
          const vkq = v[k * l + q];
          v[k * l + p] = c * vkp - s * vkq;
          v[k * l + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const values = new Float64Array(l);
  for (let i = 0; i < l; i++) values[i] = a[i * l + i];
  return { values, vectors: v };
}

/** Positive PMI matrix of unit co-occurrences within `window` tokens, over the vocabulary. */
function ppmi(docs: { unit: number; pos: number }[][], n: number, window: number): Sparse {
  const counts = new Map<number, number>();
  for (const units of docs) {
    for (let a = 0; a < units.length; a++) {
      for (let b = a + 1; b < units.length && units[b].pos - units[a].pos <= window; b++) {
        const i = units[a].unit;
        const j = units[b].unit;
        if (i === j) continue;
        counts.set(i * n + j, (counts.get(i * n + j) ?? 0) + 1);
        counts.set(j * n + i, (counts.get(j * n + i) ?? 0) + 1);
      }
    }
  }
  const row = new Float64Array(n);
  let total = 0;
  for (const [key, c] of counts) {
    row[Math.floor(key / n)] += c;
    total += c;
  }
  // Context distribution smoothing: rare contexts get less inflated PMI.
  let smoothTotal = 0;
  for (let j = 0; j < n; j++) smoothTotal += row[j] ** SMOOTHING;
  const rows: number[] = [];
  const cols: number[] = [];
  const vals: number[] = [];
  for (const [key, c] of counts) {
    const i = Math.floor(key / n);
    const j = key % n;
    const pmi = Math.log((c / total) / ((row[i] / total) * (row[j] ** SMOOTHING / smoothTotal)));
    if (pmi > 0) {
      rows.push(i);
      cols.push(j);
      vals.push(pmi);
    }
  }
  return { n, rows: Int32Array.from(rows), cols: Int32Array.from(cols), vals: Float64Array.from(vals) };
}

/** Top-`k` left singular vectors × singular values^p of a sparse n×n matrix (randomized SVD, Halko et al. 2011). */
function truncatedSvd(m: Sparse, k: number, seed: number): Float64Array {
  const l = Math.min(k + OVERSAMPLE, m.n);
  const rand = mulberry32(seed);
  const omega = new Float64Array(m.n * l).map(() => rand() * 2 - 1);
  let q = multiply(m, omega, l);
  orthonormalize(q, m.n, l);
  for (let it = 0; it < POWER_ITERATIONS; it++) {
    const z = multiply(m, q, l, true);
    orthonormalize(z, m.n, l);
    q = multiply(m, z, l);
    orthonormalize(q, m.n, l);
  }
  // B = Qᵀ M (l×n); B Bᵀ = Qᵀ M Mᵀ Q: its eigenvectors rotate Q onto the singular vectors.
  const mtq = multiply(m, q, l, true); // n×l = Mᵀ Q, so B = mtqᵀ
  const bbt = new Float64Array(l * l);
  for (let i = 0; i < m.n; i++) {
    for (let a = 0; a < l; a++) {
      const x = mtq[i * l + a];
      if (x === 0) continue;
      for (let b = 0; b < l; b++) bbt[a * l + b] += x * mtq[i * l + b];
    }
  }
  const { values, vectors } = symmetricEigen(bbt, l);
  const order = [...values.keys()].sort((a, b) => values[b] - values[a]).slice(0, Math.min(k, l));
  const out = new Float64Array(m.n * k);
  for (let i = 0; i < m.n; i++) {
    for (const [c, e] of order.entries()) {
      let s = 0;
      for (let a = 0; a < l; a++) s += q[i * l + a] * vectors[a * l + e];
      out[i * k + c] = s * Math.max(values[e], 0) ** (EIGEN_WEIGHT / 2);
    }
  }
  return out;
}

/** Learns the artifact from chunk texts (heading path + content, as they are embedded). */
export function learnTermVectors(texts: string[], opts: LearnOptions = {}): TermVectorArtifact {
  const dims = opts.dims ?? LEARN_DEFAULTS.dims;
  const window = opts.window ?? LEARN_DEFAULTS.window;
  const minCount = opts.minCount ?? LEARN_DEFAULTS.minCount;
  const lexicon = opts.lexicon ?? opsLexicon();
  const parsed = texts.map((t) => semanticUnits(t, lexicon));
  const df = new Map<string, number>();
  const tf = new Map<string, number>();
  for (const units of parsed) {
    for (const u of new Set(units.map((x) => x.unit))) df.set(u, (df.get(u) ?? 0) + 1);
    for (const x of units) tf.set(x.unit, (tf.get(x.unit) ?? 0) + 1);
  }
  const vocab = [...df.entries()].filter(([, c]) => c >= minCount).map(([u]) => u).sort();
  const index = new Map(vocab.map((u, i) => [u, i]));
  const docs = parsed.map((units) => units.filter((x) => index.has(x.unit)).map((x) => ({ unit: index.get(x.unit)!, pos: x.pos })));
  const k = Math.min(dims, vocab.length);
  const vectors = truncatedSvd(ppmi(docs, vocab.length, window), k, 0x5eed);
  for (let i = 0; i < vocab.length; i++) {
    let norm = 0;
    for (let c = 0; c < k; c++) norm += vectors[i * k + c] ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let c = 0; c < k; c++) vectors[i * k + c] /= norm;
  }
  const artifact: TermVectorArtifact = {
    format: "opsrelay-term-vectors",
    version: 1,
    learnedFrom: { chunks: texts.length },
    params: { dims: k, window, minCount, smoothing: SMOOTHING, eigenWeight: EIGEN_WEIGHT, lexicon: lexicon.version },
    units: vocab,
    counts: vocab.map((u) => tf.get(u)!),
    vectors: encodeVectors(vectors, vocab.length, k),
  };
  // SIF: the direction every chunk shares (boilerplate like "restart", "on-call") says nothing about topic.
  const model = new TermVectors(artifact, lexicon);
  artifact.commonComponent = firstPrincipalComponent(texts.map((t) => model.textVector(t)), k);
  return artifact;
}
