import termVectorData from "@/lib/ml/models/corpus-term-vectors.json";
import type { Embedder } from "@/lib/ml/types";
import { TermVectors, type TermVectorArtifact } from "./term-vectors";
import { FEATURE_WEIGHTS, fnv1a, mix32, opsLexicon, textFeatures, type FeatureWeights, type Lexicon } from "./text-features";

/**
 * The offline default embedder: no weights to download, deterministic, fast (hot path for alerts).
 * Two parts in one 384-dimension unit vector:
 * - signed feature hashing of stemmed words, word bigrams, character 3/4-grams (typos, inflections),
 *   compound code tokens (E-LEDGER-409) and operations-lexicon concepts (db ≈ database, bounce ≈ restart);
 * - a dense part from term vectors learned on the runbook corpus itself (lib/ml/embed/term-vectors.ts):
 *   words used in the same contexts ("courier" and "driver") come close without sharing a letter.
 * The parts take separate dimensions, so cosine = (1−s)·cos(hashed) + s·cos(dense) with s = semantic share.
 */

const DIMS = 384 as const;
// Bump whenever the features or their weights change: the vectors change, so the model name must.
const ALGORITHM_VERSION = "v3";
/** Share of the cosine that comes from the corpus term vectors (tuned on the dev split, bench/rag/tune-embedder.ts). */
export const SEMANTIC_SHARE = 0.35;

let defaultTerms: TermVectors | undefined;
export function corpusTermVectors(): TermVectors {
  defaultTerms ??= new TermVectors(termVectorData as TermVectorArtifact);
  return defaultTerms;
}

export interface OfflineEmbedOptions {
  lexicon?: Lexicon;
  weights?: FeatureWeights;
  /** Corpus term vectors; null for hashing only (the v2 embedder). */
  terms?: TermVectors | null;
  semanticShare?: number;
}

export function embedText(text: string, opts: OfflineEmbedOptions = {}): Float64Array {
  const lexicon = opts.lexicon ?? opsLexicon();
  const terms = opts.terms === undefined ? corpusTermVectors() : opts.terms;
  const dense = terms ? terms.textVector(text) : undefined;
  const hashDims = DIMS - (terms?.dims ?? 0);
  const v = new Float64Array(DIMS);
  textFeatures(
    text,
    (feature, weight) => {
      const h = fnv1a(feature);
      const sign = mix32(h) & 1 ? 1 : -1;
      v[h % hashDims] += sign * weight;
    },
    lexicon,
    opts.weights ?? FEATURE_WEIGHTS,
  );
  let norm = 0;
  for (let i = 0; i < hashDims; i++) norm += v[i] * v[i];
  let denseNorm = 0;
  if (dense) for (let c = 0; c < dense.length; c++) denseNorm += dense[c] * dense[c];
  // An empty/stopword-only text has no features: return the zero vector's safe stand-in (a fixed unit
  // vector) so pgvector's cosine distance stays defined.
  if (norm === 0 && denseNorm === 0) {
    v[0] = 1;
    return v;
  }
  // Each part is a unit vector scaled so the squared lengths add to 1; a missing part gives its share away.
  const share = dense && denseNorm > 0 ? (norm > 0 ? (opts.semanticShare ?? SEMANTIC_SHARE) : 1) : 0;
  const hashScale = norm > 0 ? Math.sqrt(1 - share) / Math.sqrt(norm) : 0;
  for (let i = 0; i < hashDims; i++) v[i] *= hashScale;
  if (dense && share > 0) for (let c = 0; c < dense.length; c++) v[hashDims + c] = Math.sqrt(share) * dense[c];
  return v;
}

export function offlineEmbedder(lexicon: Lexicon = opsLexicon(), terms: TermVectors | null = corpusTermVectors()): Embedder {
  return {
    model: `opsrelay-offline-hash-${ALGORITHM_VERSION}+lex-${lexicon.version}${terms ? `+terms-${terms.version}` : ""}`,
    dimensions: DIMS,
    async embed(texts: string[]): Promise<number[][]> {
      return texts.map((t) => Array.from(embedText(t, { lexicon, terms })));
    },
  };
}
