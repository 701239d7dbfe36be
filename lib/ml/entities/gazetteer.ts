import type { CatalogService, ServiceCatalog } from "@/lib/ml/catalog";
import { editDistance } from "./edit-distance";

/**
 * Finds catalog services named in free text: canonical names, aliases, and misspellings (edit distance)
 * of canonical names. Single-word aliases that are ordinary words ("cache", "edge", "login") only count
 * when nothing more specific is named, so "cache miss ratio on checkout-web" means checkout-web.
 */

export interface ServiceMention {
  service: CatalogService;
  /** 3 exact canonical, 2.5 distinctive alias, 2 misspelled canonical, 1.5 domain-word alias or misspelled alias, 1 generic-word alias. */
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
  canonical: { name: string; service: CatalogService; score: number }[];
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
  if (/[-_\d]/.test(alias)) return 2.5;
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
  const canonical = catalog.services.map((s) => ({ name: s.name.toLowerCase(), service: s, score: 2 }));
  for (const s of catalog.services) {
    for (const a of s.aliases) if (a.length >= 8) canonical.push({ name: a.toLowerCase(), service: s, score: 1.5 });
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

function fuzzy(g: Gazetteer, candidate: string): Entry | undefined {
  if (candidate.length < 8) return undefined;
  const max = candidate.length >= 11 ? 2 : 1;
  let best: { d: number; entry: Entry } | undefined;
  for (const c of g.canonical) {
    const d = editDistance(candidate, c.name, max);
    if (d <= max && (!best || d < best.d || (d === best.d && c.score > best.entry.score))) {
      best = { d, entry: { service: c.service, score: c.score } };
    }
  }
  return best?.entry;
}

export function findServices(catalog: ServiceCatalog, text: string): ServiceMention[] {
  let g = cache.get(catalog);
  if (!g) {
    g = build(catalog);
    cache.set(catalog, g);
  }
  const tokens = tokenize(text);
  const mentions: ServiceMention[] = [];
  const covered = new Set<number>();
  // Longest spans first so "payments-api" wins over "payments".
  for (let n = Math.min(g.maxWords + 1, 4); n >= 1; n--) {
    for (let i = 0; i + n <= tokens.length; i++) {
      let ok = true;
      for (let k = i; k < i + n; k++) if (covered.has(k)) ok = false;
      for (let k = i; ok && k < i + n - 1; k++) if (!joinable(text, tokens[k], tokens[k + 1])) ok = false;
      if (!ok) continue;
      const words = tokens.slice(i, i + n).map((t) => t.word);
      const candidate = words.join("-");
      const compact = words.join("");
      // "route planner" and "routeplanner" both name route-planner.
      let hit: Entry | undefined = g.exact.get(candidate) ?? (n > 1 ? g.exact.get(compact) : undefined);
      if (!hit) hit = fuzzy(g, candidate);
      if (!hit) continue;
      for (let k = i; k < i + n; k++) covered.add(k);
      mentions.push({ service: hit.service, score: hit.score, index: tokens[i].index, matched: candidate });
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
