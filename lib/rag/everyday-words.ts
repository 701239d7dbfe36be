import { opsLexicon, stem } from "@/lib/ml/embed/text-features";
import english from "./english-words.json";
import { GENERAL_WORDS } from "./general-words";

/**
 * Tells everyday words from names of things. A question word the runbooks never use is evidence that the
 * question is about something they don't cover only when it names a thing ("mongodb", "kibana", "gdpr"):
 * stressed on-call engineers paraphrase with everyday words the runbooks never needed ("hogging", "tally",
 * "shelves") and mistype ("memry"). Everyday = in a common-English word list (SCOWL sizes ≤ 35, ~40k words,
 * english-words.json) or in GENERAL_WORDS; a typo = one edit away from an everyday word or a lexicon term.
 */

const ENGLISH = new Set<string>((english as { words: string[] }).words);

let lexiconWords: Set<string> | undefined;
function lexiconTerms(): Set<string> {
  if (!lexiconWords) {
    lexiconWords = new Set();
    for (const terms of opsLexicon().terms.values()) for (const t of terms) if (/^[a-z0-9]+$/i.test(t)) lexiconWords.add(t.toLowerCase());
  }
  return lexiconWords;
}

const known = (w: string) => ENGLISH.has(w) || GENERAL_WORDS.has(w) || lexiconTerms().has(w);

export function isEverydayWord(word: string): boolean {
  const w = word.toLowerCase();
  return ENGLISH.has(w) || GENERAL_WORDS.has(w) || ENGLISH.has(stem(w));
}

const LETTERS = "abcdefghijklmnopqrstuvwxyz";
/** Shorter words are too close to too many others for a one-edit match to mean a typo ("eks" ~ "eke"). */
const MIN_TYPO_LENGTH = 5;

/** One deletion, transposition, substitution or insertion away from a known word (Norvig's edits1). */
export function isTypoOfKnownWord(word: string): boolean {
  const w = word.toLowerCase();
  if (w.length < MIN_TYPO_LENGTH || !/^[a-z]+$/.test(w)) return false;
  for (let i = 0; i <= w.length; i++) {
    const a = w.slice(0, i);
    const b = w.slice(i);
    if (b && known(a + b.slice(1))) return true;
    if (b.length > 1 && known(a + b[1] + b[0] + b.slice(2))) return true;
    for (const c of LETTERS) {
      if (b && c !== b[0] && known(a + c + b.slice(1))) return true;
      if (known(a + c + b)) return true;
    }
  }
  return false;
}

/** Short chat abbreviations ("rn", "bc", "im") say nothing about a topic either way. */
const MIN_TOPIC_WORD_LENGTH = 3;

/** A word that, if the knowledge base never uses it, points at a topic it does not cover. */
export function namesAThing(word: string): boolean {
  return word.length >= MIN_TOPIC_WORD_LENGTH && !isEverydayWord(word) && !isTypoOfKnownWord(word);
}
