import type { CatalogService, ServiceCatalog } from "@/lib/ml/catalog";
import { editDistance } from "./edit-distance";

/**
 * Finds catalog services named in free text: canonical names, aliases, and misspellings (edit distance)
 * of canonical names. Single-word aliases that are ordinary words ("cache", "edge", "login") only count
 * when nothing more specific is named, so "cache miss ratio on checkout-web" means checkout-web.
 */

export interface ServiceMention {
  service: CatalogService;
  /** 3 canonical name or distinctive alias, 2 misspelled name, 1.5 domain-word alias or misspelled alias, 1 generic-word alias; -0.75 when worded as a dependency ("calling X"). */
  score: number;
  index: number;
  matched: string;
}

interface Entry {
  service: CatalogService;
  score: number;
}

interface Gazetteer {
  exact: Map<string, Entry>;
  /** Names tried for misspellings: canonical names, and aliases of 8+ letters (lower score). */
  canonical: { name: string; service: CatalogService; score: number; words: number }[];
  maxWords: number;
}

const cache = new WeakMap<ServiceCatalog, Gazetteer>();

// Ordinary operations words: as aliases they only count when nothing more specific is named.
const GENERIC_WORDS = new Set([
  "cache", "edge", "gateway", "tls", "certs", "ci", "email", "mailer", "sms", "push", "login", "auth", "authn", "sso",
  "kubernetes", "k8s", "eks", "labels", "es", "reports", "reporting", "rates", "stock", "geo", "scanner", "routing",
  "dispatch", "inventory", "tracking", "notifications", "notifier", "autocomplete", "etl", "dw", "coupons", "promos",
  "fraud", "payouts", "basket", "cart", "payments", "checkout", "ledger", "pricing", "amqp", "rabbit",
]);

function aliasScore(alias: string): number {
  if (/[-_\d]/.test(alias)) return 3; // as unambiguous as the canonical name
  return GENERIC_WORDS.has(alias) ? 1 : 1.5;
}

function build(catalog: ServiceCatalog): Gazetteer {
  const exact = new Map<string, Entry>();
  let maxWords = 1;
  for (const s of catalog.services) {
    exact.set(s.name.toLowerCase(), { service: s, score: 3 });
    maxWords = Math.max(maxWords, s.name.split("-").length);
  }
  for (const s of catalog.services) {
    for (const a of s.aliases) {
      const key = a.toLowerCase();
      if (!exact.has(key)) exact.set(key, { service: s, score: aliasScore(key) });
      maxWords = Math.max(maxWords, key.split("-").length);
    }
  }
  const words = (name: string) => name.split("-").length;
  const canonical = catalog.services.map((s) => ({ name: s.name.toLowerCase(), service: s, score: 2, words: words(s.name) }));
  for (const s of catalog.services) {
    for (const a of s.aliases) if (a.length >= 8) canonical.push({ name: a.toLowerCase(), service: s, score: 1.5, words: words(a) });
  }
  return { exact, canonical, maxWords };
}

interface Token {
  word: string;
  index: number;
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const re = /[A-Za-z0-9]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ word: m[0].toLowerCase(), index: m.index });
  return out;
}

// Tokens whose neighbours are joined by "-", "_", "." or " " can form a name: "payments api", "payments_api".
function joinable(text: string, a: Token, b: Token): boolean {
  const gap = text.slice(a.index + a.word.length, b.index);
  return gap.length === 1 && /[-_ ]/.test(gap);
}

function fuzzy(g: Gazetteer, candidate: string, words: number): Entry | undefined {
  if (candidate.length < 7) return undefined;
  const max = candidate.length >= 11 ? 2 : 1;
  let best: { d: number; entry: Entry } | undefined;
  for (const c of g.canonical) {
    // People rarely get the first letter wrong; checking it first skips ~95% of comparisons.
    if (c.words !== words || c.name[0] !== candidate[0] || Math.abs(c.name.length - candidate.length) > max) continue;
    const d = editDistance(candidate, c.name, max);
    if (d <= max && (!best || d < best.d || (d === best.d && c.score > best.entry.score))) {
      best = { d, entry: { service: c.service, score: c.score } };
    }
  }
  return best?.entry;
}

// Words before a name that mark it as someone else's dependency: "timeouts calling ledger-service".
const DEPENDENCY_CUE = /(?:\bto|\bupstream|\bcalling|\bcalls to|\bfrom|->|\bvia|\bdepends on|\bon)\s*$/i;

// The classifier, the extractor and the features all ask about the same alert text in a row.
const recent = new Map<string, { catalog: ServiceCatalog; mentions: ServiceMention[] }>();

export function findServices(catalog: ServiceCatalog, text: string): ServiceMention[] {
  const hit = recent.get(text);
  if (hit && hit.catalog === catalog) return hit.mentions;
  const mentions = scan(catalog, text);
  if (recent.size >= 64) recent.delete(recent.keys().next().value!);
  recent.set(text, { catalog, mentions });
  return mentions;
}

function scan(catalog: ServiceCatalog, text: string): ServiceMention[] {
  let g = cache.get(catalog);
  if (!g) {
    g = build(catalog);
    cache.set(catalog, g);
  }
  const tokens = tokenize(text);
  const mentions: ServiceMention[] = [];
  const covered = new Set<number>();
  const maxN = Math.min(g.maxWords + 1, 4);
  const span = (i: number, n: number): string[] | undefined => {
    for (let k = i; k < i + n; k++) if (covered.has(k)) return undefined;
    for (let k = i; k < i + n - 1; k++) if (!joinable(text, tokens[k], tokens[k + 1])) return undefined;
    return tokens.slice(i, i + n).map((t) => t.word);
  };
  const record = (i: number, n: number, hit: Entry, matched: string) => {
    for (let k = i; k < i + n; k++) covered.add(k);
    const before = text.slice(Math.max(0, tokens[i].index - 16), tokens[i].index);
    const score = DEPENDENCY_CUE.test(before) ? hit.score - 0.75 : hit.score;
    mentions.push({ service: hit.service, score, index: tokens[i].index, matched });
  };
  // Exact names first, longest spans first ("payments-api" before "payments"); "route planner" and
  // "routeplanner" both name route-planner.
  for (let n = maxN; n >= 1; n--) {
    for (let i = 0; i + n <= tokens.length; i++) {
      const words = span(i, n);
      if (!words) continue;
      const hit = g.exact.get(words.join("-")) ?? (n > 1 ? g.exact.get(words.join("")) : undefined);
      if (hit) record(i, n, hit, words.join("-"));
    }
  }
  // Then misspellings, on what is left, comparing spans with the same number of words as the name.
  for (let n = maxN; n >= 1; n--) {
    for (let i = 0; i + n <= tokens.length; i++) {
      const words = span(i, n);
      if (!words) continue;
      if (words.some((w) => /^\d+$/.test(w))) continue;
      const hit = fuzzy(g, words.join("-"), n);
      if (hit) record(i, n, hit, words.join("-"));
    }
  }
  return mentions.sort((a, b) => a.index - b.index);
}

/** The service the text is about: the most specific mention, earliest on ties. */
export function primaryService(mentions: ServiceMention[]): ServiceMention | undefined {
  let best: ServiceMention | undefined;
  for (const m of mentions) if (!best || m.score > best.score) best = m;
  return best;
}
