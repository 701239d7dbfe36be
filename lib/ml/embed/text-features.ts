import lexiconData from "@/datasets/lexicon/ops-synonyms.json";

/**
 * Text → weighted sparse features for the offline embedder and for query expansion.
 * Pure and deterministic: the same text always gives the same features.
 */

export interface Lexicon {
  /** Stemmed token sequence (joined by " ") → concept ids (a term may belong to several groups). */
  phrases: Map<string, string[]>;
  /** Longest phrase in tokens, bounds the scan. */
  maxLen: number;
  /** concept id → its surface terms (for full-text query expansion). */
  terms: Map<string, string[]>;
  /** Short content hash: part of the model name, so editing the lexicon re-makes vectors. */
  version: string;
}

const STOPWORDS = new Set(
  (
    "a an the and or but if then else of to in on at by for with from into onto over under is are was were be been being " +
    "am do does did doing have has had having i me my we our us you your he she it its they them their this that these those " +
    "what which who whom whose when where why how can could should would will shall may might must not no nor so than too very " +
    "just also there here again any all some each both few more most other such only own same s t don now get got getting " +
    "please help hey hi ok okay anyone someone thing things way still why up down out off"
  ).split(" "),
);
// Stopwords are dropped as words only: lexicon phrases ("backed up", "who do i call") are matched before.

/** FNV-1a 32-bit. */
export function fnv1a(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** murmur3 finalizer: decorrelates the sign bit from the bucket. */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Very light English stemmer: folds plurals and common verb endings so "restarting"/"restarts"/"restart" meet. */
export function stem(w: string): string {
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (w.endsWith("ies") && w.length > 4) return w.slice(0, -3) + "y";
  if (w.endsWith("sses")) return w.slice(0, -2);
  if (w.endsWith("ing") && w.length > 5) return undouble(w.slice(0, -3));
  if (w.endsWith("ed") && w.length > 4) return undouble(w.slice(0, -2));
  if (w.endsWith("es") && /(ch|sh|x|ss|z)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) return w.slice(0, -1);
  return w;
}

function undouble(w: string): string {
  return /([bdgmnprt])\1$/.test(w) ? w.slice(0, -1) : w;
}

/** A code-like token: has a digit, or internal '-'/'_'/'.', e.g. E-LEDGER-409, ORA-00060, 53300, max_connections. */
export function isCodeLike(token: string): boolean {
  return /\d/.test(token) || /[a-z0-9][-_.][a-z0-9]/i.test(token) || /^[A-Z][A-Z0-9]{3,}$/.test(token);
}

export interface Tokens {
  /** Lower-cased words (split on non-alphanumerics, camelCase split), stopwords kept, in order. */
  words: string[];
  /** Compound tokens kept whole (lower-cased): error codes, metric names, hostnames. */
  compounds: string[];
}

const COMPOUND_RE = /[A-Za-z0-9]+(?:[-_.:/][A-Za-z0-9]+)+/g;

export function tokenize(text: string): Tokens {
  const compounds = (text.match(COMPOUND_RE) ?? []).map((c) => c.toLowerCase().replace(/[.:/]+$/, ""));
  const split = text
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .replace(/['’]/g, "")
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return { words: split, compounds };
}

export function buildLexicon(data: { groups: { concept: string; terms: string[] }[] }): Lexicon {
  const phrases = new Map<string, string[]>();
  const terms = new Map<string, string[]>();
  let maxLen = 1;
  for (const g of data.groups) {
    terms.set(g.concept, g.terms);
    for (const t of g.terms) {
      const toks = tokenize(t).words.map(stem);
      if (toks.length === 0) continue;
      maxLen = Math.max(maxLen, toks.length);
      const key = toks.join(" ");
      const cur = phrases.get(key) ?? [];
      if (!cur.includes(g.concept)) phrases.set(key, [...cur, g.concept]);
    }
  }
  const version = fnv1a(JSON.stringify(data.groups)).toString(16).padStart(8, "0");
  return { phrases, maxLen, terms, version };
}

let defaultLexicon: Lexicon | undefined;
export function opsLexicon(): Lexicon {
  defaultLexicon ??= buildLexicon(lexiconData);
  return defaultLexicon;
}

export interface ConceptSpan {
  /** Index of the phrase's first token. */
  start: number;
  length: number;
  concepts: string[];
}

/** Lexicon phrases found in the stemmed tokens (longest phrase first, non-overlapping), in order. */
export function conceptSpans(stemmed: string[], lexicon: Lexicon = opsLexicon()): ConceptSpan[] {
  const found: ConceptSpan[] = [];
  let i = 0;
  while (i < stemmed.length) {
    let matched = 0;
    for (let len = Math.min(lexicon.maxLen, stemmed.length - i); len >= 1; len--) {
      const concepts = lexicon.phrases.get(stemmed.slice(i, i + len).join(" "));
      if (concepts) {
        found.push({ start: i, length: len, concepts });
        matched = len;
        break;
      }
    }
    i += matched || 1;
  }
  return found;
}

/** Concepts named in the text (longest phrase first, non-overlapping), in order of appearance. */
export function findConcepts(stemmed: string[], lexicon: Lexicon = opsLexicon()): string[] {
  return conceptSpans(stemmed, lexicon).flatMap((s) => s.concepts);
}

/**
 * The units corpus term vectors are learned over and looked up by, in text order with their token
 * position: stemmed content words ("w:restart") and lexicon concepts ("c:database") at the phrase start.
 * Numbers and one-letter tokens carry no topic and are left out.
 */
export function semanticUnits(text: string, lexicon: Lexicon = opsLexicon()): { unit: string; pos: number }[] {
  const { words } = tokenize(text);
  const stemmed = words.map(stem);
  const out: { unit: string; pos: number }[] = [];
  const spans = conceptSpans(stemmed, lexicon);
  let s = 0;
  for (let i = 0; i < words.length; i++) {
    while (s < spans.length && spans[s].start === i) {
      for (const c of spans[s].concepts) out.push({ unit: "c:" + c, pos: i });
      s++;
    }
    if (STOPWORDS.has(words[i]) || words[i].length < 2 || /^\d+$/.test(words[i])) continue;
    out.push({ unit: "w:" + stemmed[i], pos: i });
  }
  return out;
}

export type FeatureSink = (feature: string, weight: number) => void;

export interface FeatureWeights {
  word: number;
  bigram: number;
  concept: number;
  compound: number;
  charTotal: number;
}

// Tuned on the runbook question set's dev split (bench/rag/tune-embedder.ts): concepts count double,
// bigrams little (they mostly repeat the words' evidence).
export const FEATURE_WEIGHTS: FeatureWeights = {
  word: 1.0,
  bigram: 0.3,
  concept: 2.0,
  compound: 1.5,
  /** Spread across a word's character n-grams; catches typos and inflections the stemmer misses. */
  charTotal: 0.9,
};

/**
 * Emits every feature of `text` with its weight. Word features are stemmed, stopwords dropped;
 * char 3- and 4-grams of each content word; word bigrams; lexicon concepts; compound code tokens.
 */
export function textFeatures(text: string, emit: FeatureSink, lexicon: Lexicon = opsLexicon(), weights: FeatureWeights = FEATURE_WEIGHTS): void {
  const { words, compounds } = tokenize(text);
  const stemmedAll = words.map(stem);
  for (const c of findConcepts(stemmedAll, lexicon)) emit("c:" + c, weights.concept);
  for (const c of compounds) emit("k:" + c, weights.compound);

  let prev: string | undefined;
  for (let i = 0; i < stemmedAll.length; i++) {
    const w = stemmedAll[i];
    if (STOPWORDS.has(words[i])) {
      prev = undefined;
      continue;
    }
    emit("w:" + w, weights.word);
    if (prev) emit("b:" + prev + " " + w, weights.bigram);
    prev = w;
    if (w.length >= 4 && !/^\d+$/.test(w)) {
      const padded = "<" + w + ">";
      const grams: string[] = [];
      for (let n = 3; n <= 4; n++) for (let i = 0; i + n <= padded.length; i++) grams.push(padded.slice(i, i + n));
      const each = weights.charTotal / Math.sqrt(grams.length);
      for (const g of grams) emit("g:" + g, each);
    }
  }
}

/** Content words of a text (stemmed, no stopwords): used to check paraphrase questions and build queries. */
export function contentWords(text: string): string[] {
  return tokenize(text)
    .words.filter((w) => !STOPWORDS.has(w))
    .map(stem);
}
