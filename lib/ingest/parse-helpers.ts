import { createHash } from "node:crypto";
import type { Severity } from "@/lib/severity";

/**
 * Coercions shared by the source adapters. Platforms send the same field as a string in one version
 * and a number in the next, customized templates rename keys, ids exceed 2^53, dates come as seconds,
 * milliseconds or ISO text: each helper accepts all of those and returns one shape (or undefined).
 */

const SAFE_DIGITS = 15; // integers with ≤15 digits are always exact as JS numbers

/**
 * JSON.parse that keeps integers beyond 2^53 exact by reading them as strings (Datadog event ids,
 * Sentry/PagerDuty numeric ids). Only integer literals outside strings with more than 15 digits are
 * quoted; everything else parses exactly as JSON.parse would. Throws SyntaxError like JSON.parse.
 */
export function parseJsonPreservingBigInts(text: string): unknown {
  if (!/\d{16}/.test(text)) return JSON.parse(text);
  return JSON.parse(quoteUnsafeIntegers(text));
}

function quoteUnsafeIntegers(text: string): string {
  let out = "";
  let last = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
      continue;
    }
    if (c === 34) {
      inString = true;
      continue;
    }
    const isMinus = c === 45;
    if (isMinus || (c >= 48 && c <= 57)) {
      let j = isMinus ? i + 1 : i;
      while (j < text.length && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
      const digits = j - (isMinus ? i + 1 : i);
      const next = text[j];
      const isInteger = next !== "." && next !== "e" && next !== "E";
      if (isInteger && digits > SAFE_DIGITS && !Number.isSafeInteger(Number(text.slice(i, j)))) {
        out += text.slice(last, i) + '"' + text.slice(i, j) + '"';
        last = j;
      }
      i = j - 1;
    }
  }
  return out + text.slice(last);
}

/** A trimmed non-empty string from a string, number, bigint or boolean; undefined otherwise. */
export function str(value: unknown): string | undefined {
  if (typeof value === "string") {
    const t = value.trim();
    return t === "" ? undefined : t;
  }
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === "bigint" || typeof value === "boolean") return String(value);
  return undefined;
}

/** An identifier: like str(), but numbers print without exponent (1e21 → "1000000000000000000000"). */
export function idString(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isInteger(value) && Math.abs(value) >= 1e21) return BigInt(value).toString();
  return str(value);
}

/** Returns the first candidate that is a usable string. */
export function firstStr(...values: unknown[]): string | undefined {
  for (const v of values) {
    const s = str(v);
    if (s !== undefined) return s;
  }
  return undefined;
}

/** A finite number from a number or numeric string. */
export function num(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "string" && value.trim() !== "") {
    const n = Number(value.trim());
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/**
 * A date from unix seconds, milliseconds, microseconds or nanoseconds (number or numeric string),
 * ISO 8601 / RFC 2822 text, or a Date. Undefined for anything unreadable or absurd (before 2000,
 * more than a day in the future), so adapters fall back to the receive time.
 */
export function parseDate(value: unknown, now = Date.now()): Date | undefined {
  let ms: number | undefined;
  if (value instanceof Date) ms = value.getTime();
  else {
    const n = num(value);
    if (n !== undefined) {
      const abs = Math.abs(n);
      if (abs < 1e11) ms = n * 1000;
      else if (abs < 1e14) ms = n;
      else if (abs < 1e17) ms = n / 1000;
      else ms = n / 1e6;
    } else if (typeof value === "string" && value.trim() !== "") {
      ms = Date.parse(value.trim());
    }
  }
  if (ms === undefined || !Number.isFinite(ms)) return undefined;
  if (ms < Date.UTC(2000, 0, 1) || ms > now + 86_400_000) return undefined;
  return new Date(ms);
}

/** Go's zero time ("0001-01-01T00:00:00Z", Alertmanager's "not ended") and similar mean "no date". */
export function isZeroDate(value: unknown): boolean {
  return typeof value === "string" && /^0001-01-01/.test(value.trim());
}

/**
 * Tags to labels: ["service:api", "env:prod", "canary"] or "service:api,env:prod" or { k: v }.
 * Splits on the first ":" (values may hold more, e.g. URLs); a bare tag becomes { tag: "" }.
 * Repeated keys keep every value, comma-joined.
 */
export function tagsToLabels(tags: unknown): Record<string, string> {
  const labels: Record<string, string> = {};
  const add = (key: string, value: string) => {
    const k = key.trim();
    if (!k) return;
    const v = value.trim();
    if (k in labels && labels[k] !== v) {
      const existing = labels[k].split(",");
      if (!existing.includes(v)) labels[k] = `${labels[k]},${v}`;
    } else labels[k] = v;
  };
  const addTag = (tag: string) => {
    const t = tag.trim();
    if (!t) return;
    const colon = t.indexOf(":");
    if (colon > 0) add(t.slice(0, colon), t.slice(colon + 1));
    else add(t, "");
  };
  const parsed = parseNestedJson(tags);
  if (typeof parsed === "string") parsed.split(",").forEach(addTag);
  else if (Array.isArray(parsed)) {
    for (const t of parsed) {
      if (typeof t === "string") addTag(t);
      else if (Array.isArray(t)) {
        if (t.length === 2) add(String(t[0]), String(t[1] ?? ""));
      } else if (t && typeof t === "object") {
        // [{ key, value }] (Sentry tags) or [["k","v"]]
        const o = t as Record<string, unknown>;
        const key = str(o.key ?? o.name);
        if (key) add(key, str(o.value) ?? "");
      }
    }
  } else if (parsed && typeof parsed === "object") {
    for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) {
      const s = v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : String(v);
      add(k, s);
    }
  }
  return labels;
}

/** Any label map to string values (numbers, booleans stringified; nested objects as JSON). */
export function stringLabels(value: unknown): Record<string, string> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return tagsToLabels(value);
}

/** A string that holds JSON (SNS Message, templated fields) parsed; anything else returned as is. */
export function parseNestedJson(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const t = value.trim();
  if (!((t.startsWith("{") && t.endsWith("}")) || (t.startsWith("[") && t.endsWith("]")))) return value;
  try {
    return parseJsonPreservingBigInts(t);
  } catch {
    return value;
  }
}

const SEVERITY_WORDS: Record<string, Severity> = {};
const add = (severity: Severity, words: string[]) => words.forEach((w) => (SEVERITY_WORDS[w] = severity));
add("critical", ["critical", "crit", "fatal", "emergency", "emerg", "disaster", "p1", "sev0", "sev1", "s1", "blocker", "panic"]);
add("high", ["high", "error", "err", "major", "alert", "p2", "sev2", "s2", "urgent", "severe"]);
add("medium", ["medium", "warning", "warn", "moderate", "average", "p3", "sev3", "s3"]);
add("low", ["low", "minor", "notice", "p4", "sev4", "s4"]);
add("info", ["info", "informational", "information", "debug", "trace", "p5", "sev5", "s5", "none", "ok"]);

/**
 * Maps a platform's severity word to OpsRelay's scale: "CRITICAL", "P1", "sev-2", "Warning", "error"…
 * Undefined when the word is unknown (the classifier decides later).
 */
export function normalizeSeverity(value: unknown): Severity | undefined {
  const s = str(value);
  if (!s) return undefined;
  const key = s.toLowerCase().replace(/[^a-z0-9]/g, "");
  return SEVERITY_WORDS[key];
}

/**
 * A URL for display: absolute URLs as they are; relative ones resolved against `base` when given,
 * otherwise kept as the path (better than dropping the link). Undefined for non-strings/empties.
 */
export function toUrl(value: unknown, base?: string): string | undefined {
  const s = str(value);
  if (!s) return undefined;
  try {
    return new URL(s).toString();
  } catch {
    if (base) {
      try {
        return new URL(s, base).toString();
      } catch {
        return s;
      }
    }
    return s;
  }
}

/** Stable short identity from parts (fingerprints, derived external ids). */
export function stableHash(...parts: unknown[]): string {
  const h = createHash("sha256");
  for (const p of parts) h.update(typeof p === "string" ? p : JSON.stringify(p ?? null)).update("\u001f");
  return h.digest("hex").slice(0, 32);
}

/** A label map's stable hash regardless of key order (Alertmanager-style fingerprints). */
export function labelsHash(labels: Record<string, string>): string {
  const sorted = Object.keys(labels)
    .sort()
    .map((k) => [k, labels[k]]);
  return stableHash(sorted);
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Case-, underscore-, dash- and dot-insensitive key lookup for user-customized templates. */
export function pick(obj: Record<string, unknown> | undefined, ...keys: string[]): unknown {
  if (!obj) return undefined;
  for (const k of keys) if (obj[k] !== undefined && obj[k] !== null && obj[k] !== "") return obj[k];
  const wanted = new Set(keys.map(normalizeKey));
  for (const [k, v] of Object.entries(obj)) {
    if (v !== undefined && v !== null && v !== "" && wanted.has(normalizeKey(k))) return v;
  }
  return undefined;
}

function normalizeKey(k: string): string {
  return k.toLowerCase().replace(/[^a-z0-9]/g, "");
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
