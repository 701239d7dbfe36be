import type { ServiceCatalog } from "@/lib/ml/catalog";
import { findServices, primaryService } from "@/lib/ml/entities/gazetteer";
import { lookupService } from "@/lib/ml/catalog";
import type { AlertText } from "@/lib/ml/types";
import { severitySignals } from "./severity-signals";

/**
 * Sparse hashed features of an alert for the linear classifier: words and bigrams of title and message
 * (camelCase split, light stemming), binned numbers with their unit (95% disk ≠ 9% errors), label keys and
 * values, the source, and the catalog service/tier the gazetteer recognises. Keys that carry the
 * platform's own severity are left out: the classifier only predicts when the platform said nothing.
 * Severity cues (impact, scope, environment, graded magnitudes) come from severity-signals.ts.
 */

export const FEATURE_VERSION = 14;
const IGNORED_LABELS = new Set(["severity", "priority", "level", "status", "state", "cloudwatch_state", "cloudwatch_previous_state", "urgency", "alert_transition", "transition"]);

export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function stem(w: string): string {
  if (w.length > 4 && w.endsWith("ies")) return `${w.slice(0, -3)}y`;
  if (w.length > 4 && w.endsWith("ing")) return w.slice(0, -3);
  if (w.length > 3 && w.endsWith("ed")) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith("s") && !w.endsWith("ss")) return w.slice(0, -1);
  return w;
}

export function words(text: string): string[] {
  return text
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w && w.length < 30 && !/^\d+$/.test(w) && !/^[0-9a-f]{8,}$/.test(w))
    .map(stem);
}

function bin(value: number, edges: number[]): string {
  let i = 0;
  while (i < edges.length && value >= edges[i]) i++;
  return String(i);
}

// What a number near these words measures; the same 3% means different things for errors and free disk.
const CONTEXTS: [string, RegExp][] = [
  ["free", /^(free|available|left|remaining|headroom)$/],
  ["disk", /^(disk|volume|filesystem|storage|space|inode|pvc|wal|partition|persistentvolume|\/data|mount)/],
  ["err", /^(error|errors|fail|failed|failing|failure|failures|5xx|4xx|500s|502s|503s|declin|decline|declines|bounce|reject|rejected|exception|timeout|timeouts|crash)/],
  ["ok", /^(success|successful|conversion|delivered|ok|crash-free|healthy|ready|availability)$/],
  ["drop", /^(drop|dropped|fell|fewer|below|down|lower|decrease|decreased)$/],
  ["res", /^(cpu|memory|heap|utilisation|utilization|usage|saturation|quota|connections|max_connections)$/],
];

function contextOf(tokens: string[], i: number): string {
  for (let d = 1; d <= 4; d++) {
    for (const j of [i - d, i + d]) {
      const w = tokens[j];
      if (!w) continue;
      for (const [name, re] of CONTEXTS) if (re.test(w)) return name;
    }
  }
  return "none";
}

const DURATION = /^(\d+(?:\.\d+)?)(ms|s|sec|secs|seconds?|m|min|mins|minutes?|h|hours?|d|days?)$/;

function seconds(value: number, unit: string): number {
  if (unit === "ms") return value / 1000;
  if (unit.startsWith("d")) return value * 86400;
  if (unit.startsWith("h")) return value * 3600;
  if (unit === "m" || unit.startsWith("min")) return value * 60;
  return value;
}

/**
 * Numbers with units, binned and tagged with what they measure (error %, free %, lag, expiry...), and
 * the ratio of a value to the threshold/objective it is compared with, so thresholds generalise across
 * values never seen in training.
 */
function numberFeatures(text: string, emit: (f: string) => void) {
  const t = text.toLowerCase().replace(/(\d),(\d{3})/g, "$1$2");
  // Tokens keep numbers with their unit: "97%", "1.9s", "450ms", "2/6".
  const tokens = t.match(/\d+(?:\.\d+)?\s?(?:%|ms|s|secs?|seconds?|m|mins?|minutes?|h|hours?|d|days?)?(?![a-z])|\d+\/\d+|[a-z][a-z0-9_/-]*/g) ?? [];
  const compact = tokens.map((x) => x.replace(/\s+/g, ""));
  const durations: number[] = [];
  compact.forEach((tok, i) => {
    const pct = /^(\d+(?:\.\d+)?)%$/.exec(tok);
    if (pct) {
      const v = Number(pct[1]);
      const b = bin(v, [1, 2, 5, 10, 20, 25, 30, 50, 70, 80, 85, 90, 95, 98]);
      emit(`pct:${b}`);
      emit(`pct:${contextOf(compact, i)}:${b}`);
      return;
    }
    const frac = /^(\d+)\/(\d+)$/.exec(tok);
    if (frac && Number(frac[2]) > 0) {
      emit(`frac:${bin(Number(frac[1]) / Number(frac[2]), [0.01, 0.34, 0.5, 0.67, 0.99])}`);
      return;
    }
    const dur = DURATION.exec(tok);
    if (dur) {
      const secs = seconds(Number(dur[1]), dur[2]);
      durations.push(secs);
      const ctx = /expir|valid|renew|cert/.test(compact.slice(Math.max(0, i - 6), i + 3).join(" ")) ? "expiry" : /behind|lag|late|delay|old|stale/.test(compact.slice(Math.max(0, i - 4), i + 4).join(" ")) ? "lag" : "dur";
      emit(`${ctx}:${bin(secs, [0.1, 0.3, 0.5, 1, 2, 5, 30, 120, 900, 3600, 4 * 86400, 8 * 86400, 15 * 86400, 31 * 86400])}`);
      return;
    }
    if (/^\d+$/.test(tok) && !/^[2-5]\d\d$/.test(tok)) {
      // Counts: "restarted 45 times", "2400000 messages behind", "affected 903 users".
      const next = compact[i + 1] && /^[a-z]/.test(compact[i + 1]) ? stem(compact[i + 1]) : "_";
      emit(`cnt:${next}:${bin(Number(tok), [3, 10, 30, 100, 500, 1000, 10000, 100000, 1000000])}`);
    }
    if (/^[2-5]\d\d$/.test(tok)) emit(`http:${tok[0]}xx`);
  });
  // "p99 2.9s (SLO 400ms)", "2,900 ms > 1,000 ms": how far over the line.
  if (durations.length >= 2 && durations[1] > 0) {
    emit(`ratio:${bin(durations[0] / durations[1], [0.8, 1.2, 1.5, 2, 3, 5, 10, 20])}`);
  }
  const cmp = /(\d+(?:\.\d+)?)\s*(?:>|>=|above|over|vs\.?|exceeds?)\s*(?:threshold\s*)?(\d+(?:\.\d+)?)/.exec(t);
  if (cmp && Number(cmp[2]) > 0) emit(`cmp:${bin(Number(cmp[1]) / Number(cmp[2]), [1.05, 1.2, 1.5, 2, 3, 5, 10, 30])}`);
}

type Emit = (feature: string, weight: number) => void;

/**
 * All features go to `emit`; the severity cues alone (source, title marker, catalog tier, severity
 * signals) also go to `cues`, for the small cue-only model that generalises past the training wording.
 */
export function alertFeatures(alert: AlertText, catalog: ServiceCatalog | undefined, emit: Emit, cues: Emit = () => {}): void {
  const both: Emit = (f, w) => {
    emit(f, w);
    cues(f, w);
  };
  both("bias", 1);
  both(`src:${alert.source}`, 1);
  const titleWords = words(alert.title);
  const messageWords = words(alert.message);
  for (const w of titleWords) emit(`t:${w}`, 1);
  const all = [...titleWords, ...messageWords];
  for (const w of all) emit(`w:${w}`, 0.7);
  for (let i = 0; i + 1 < all.length; i++) emit(`b:${all[i]}_${all[i + 1]}`, 0.5);
  // Number features alone, and crossed with the title's words: the same "pct:err:5" means more on a
  // payment flow than on a batch job; a linear model needs the pair to learn that.
  const nums: string[] = [];
  numberFeatures(`${alert.title}\n${alert.message}`, (f) => nums.push(f));
  const titleSet = [...new Set(titleWords)].slice(0, 12);
  for (const f of nums) {
    emit(f, 1);
    for (const w of titleSet) emit(`x:${w}:${f}`, 0.3);
  }
  const head = alert.title.trim().toLowerCase();
  const marker = /^\[?(recovered|resolved|ok|triggered|warn|warning|alert|firing|no data)\b/.exec(head.replace(/^\[firing:\d+\]\s*/, "[firing] "));
  if (marker) both(`mark:${marker[1]}`, 1.5);

  const labelText: string[] = [];
  for (const [k, v] of Object.entries(alert.labels ?? {})) {
    const key = k.toLowerCase();
    if (IGNORED_LABELS.has(key) || typeof v !== "string") continue;
    emit(`lk:${key}`, 0.5);
    emit(`lv:${key}=${v.toLowerCase().slice(0, 40)}`, 0.7);
    labelText.push(v);
    for (const w of words(v)) emit(`lw:${w}`, 0.5);
  }

  if (catalog) {
    const labelled = ["service", "service_name", "app", "project", "job"].map((k) => lookupService(catalog, alert.labels?.[k])).find(Boolean);
    const mentioned = primaryService(findServices(catalog, `${alert.title}\n${alert.message}\n${labelText.join(" ")}`));
    const s = labelled ?? mentioned?.service;
    if (s) {
      emit(`svc:${s.name}`, 1);
      emit(`team:${s.team}`, labelled || (mentioned && mentioned.score >= 2) ? 1.5 : 0.7);
      both(`tier:${s.tier}`, 1);
    } else both("svc:none", 1);
    severitySignals(alert, s?.tier, both);
  } else severitySignals(alert, undefined, both);
}

function hasher(v: Map<number, number>, dims: number): Emit {
  return (f, w) => {
    const i = fnv1a(f) % dims;
    v.set(i, (v.get(i) ?? 0) + w);
  };
}

/** Hashes features into a sparse vector (index → summed weight) of `dims` buckets. */
export function hashedFeatures(alert: AlertText, catalog: ServiceCatalog | undefined, dims: number): Map<number, number> {
  const v = new Map<number, number>();
  alertFeatures(alert, catalog, hasher(v, dims));
  return v;
}

/** All features and the cue-only subset in one pass (the catalog lookup is the costly part). */
export function hashedFeatureSets(alert: AlertText, catalog: ServiceCatalog | undefined, dims: number, cueDims: number): { all: Map<number, number>; cues: Map<number, number> } {
  const all = new Map<number, number>();
  const cues = new Map<number, number>();
  alertFeatures(alert, catalog, hasher(all, dims), hasher(cues, cueDims));
  return { all, cues };
}
