import { contentWords, findConcepts, opsLexicon, stem, tokenize } from "@/lib/ml/embed/text-features";

/**
 * Full-text terms. PostgreSQL's parser splits and stems code-like tokens (E-LEDGER-409 → 'e-ledg', '409';
 * ORA-00060 → 'ora', '-00060'; ECONNREFUSED → 'econnrefus'), so an error code would also match its
 * siblings. Code tokens are therefore also indexed whole, squashed to one alphanumeric word
 * (eledger409, ora00060, maxconnections), with the 'simple' configuration, on both sides.
 */

const CODE_PATTERNS = [
  /\b[A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)+\b/g, // E-LEDGER-409, ORA-00060, max_connections, pg_stat_activity
  /\b\d{3,}\b/g, // SQLSTATE 53300, HTTP 503, exit code 137
  /\b[A-Z][A-Z0-9]{3,}\b/g, // ECONNREFUSED, ENOSPC, NXDOMAIN
  /\b[A-Z]?[a-z]+(?:[A-Z][a-z0-9]+){2,}\b/g, // alert names: KubePodCrashLooping, PaymentsDbReplicationLagHigh
];

export function squashCode(token: string): string {
  return token.toLowerCase().replace(/[^a-z0-9]+/g, "");
}

/** Code-like tokens of a text, squashed and de-duplicated, in order of appearance. */
export function codeTokens(text: string): string[] {
  const seen = new Set<string>();
  for (const re of CODE_PATTERNS) {
    for (const m of text.matchAll(re)) {
      const s = squashCode(m[0]);
      if (s.length >= 3) seen.add(s);
    }
  }
  return [...seen];
}

const SAFE_WORD = /^[a-z0-9]+$/;

export interface FullTextQuery {
  /** For to_tsquery('english', …): content words OR-ed (ranking does the AND-ish work). */
  english: string;
  /** For to_tsquery('simple', …): squashed code tokens OR-ed. */
  codes: string;
}

/**
 * Builds OR-queries: stressed people type many words and none may be required. With `expand`, words of
 * lexicon concepts found in the text are added (db → database, postgres…), single words only.
 */
export function fullTextQuery(text: string, opts: { expand?: boolean } = {}): FullTextQuery {
  const words = new Set<string>();
  for (const w of tokenize(text).words) if (SAFE_WORD.test(w)) words.add(w);
  const content = new Set(contentWords(text));
  const english = [...words].filter((w) => content.has(stem(w)));
  if (opts.expand) {
    const lex = opsLexicon();
    for (const concept of findConcepts(tokenize(text).words.map(stem), lex)) {
      for (const term of lex.terms.get(concept) ?? []) {
        if (SAFE_WORD.test(term) && term.length > 2) english.push(term);
      }
    }
  }
  return {
    english: [...new Set(english)].slice(0, 64).join(" | "),
    codes: codeTokens(text).slice(0, 32).join(" | "),
  };
}
