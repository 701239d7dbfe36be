import type { Embedder } from "@/lib/ml/types";
import { FEATURE_WEIGHTS, fnv1a, mix32, opsLexicon, textFeatures, type FeatureWeights, type Lexicon } from "./text-features";

/**
 * The offline default embedder: no weights to download, deterministic, fast (hot path for alerts).
 * Signed feature hashing of stemmed words, word bigrams, character 3/4-grams (typos, inflections),
 * compound code tokens (E-LEDGER-409) and operations-lexicon concepts (db ≈ database, bounce ≈ restart)
 * into 384 dimensions, L2-normalized, so cosine similarity works in pgvector.
 */

const DIMS = 384 as const;
// Bump whenever the features or their weights change: the vectors change, so the model name must.
const ALGORITHM_VERSION = "v2";

export function embedText(text: string, lexicon: Lexicon = opsLexicon(), weights: FeatureWeights = FEATURE_WEIGHTS): Float64Array {
  const v = new Float64Array(DIMS);
  textFeatures(
    text,
    (feature, weight) => {
      const h = fnv1a(feature);
      const sign = mix32(h) & 1 ? 1 : -1;
      v[h % DIMS] += sign * weight;
    },
    lexicon,
    weights,
  );
  let norm = 0;
  for (let i = 0; i < DIMS; i++) norm += v[i] * v[i];
  // An empty/stopword-only text has no features: return the zero vector's safe stand-in (a fixed unit
  // vector) so pgvector's cosine distance stays defined.
  if (norm === 0) {
    v[0] = 1;
    return v;
  }
  const inv = 1 / Math.sqrt(norm);
  for (let i = 0; i < DIMS; i++) v[i] *= inv;
  return v;
}

export function offlineEmbedder(lexicon: Lexicon = opsLexicon()): Embedder {
  return {
    model: `opsrelay-offline-hash-${ALGORITHM_VERSION}+lex-${lexicon.version}`,
    dimensions: DIMS,
    async embed(texts: string[]): Promise<number[][]> {
      return texts.map((t) => Array.from(embedText(t, lexicon)));
    },
  };
}
