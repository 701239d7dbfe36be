import type { ServiceCatalog } from "@/lib/ml/catalog";
import { findServices, primaryService } from "@/lib/ml/entities/gazetteer";
import { lookupService } from "@/lib/ml/catalog";
import type { AlertText } from "@/lib/ml/types";

/**
 * Sparse hashed features of an alert for the linear classifier: words and bigrams of title and message
 * (camelCase split, light stemming), binned numbers with their unit (95% disk ≠ 9% errors), label keys and
 * values, the source, and the catalog service/tier the gazetteer recognises. Keys that carry the
 * platform's own severity are left out: the classifier only predicts when the platform said nothing.
 */

export const FEATURE_VERSION = 1;
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

/** Numbers with units, binned, so thresholds generalise across values never seen in training. */
function numberFeatures(text: string, emit: (f: string) => void) {
  const t = text.toLowerCase();
  for (const m of t.matchAll(/(\d+(?:\.\d+)?)\s*%/g)) emit(`pct:${bin(Number(m[1]), [1, 5, 10, 25, 50, 70, 80, 85, 90, 95, 99])}`);
  for (const m of t.matchAll(/(-?\d+)\s*(?:d|days?)\b/g)) emit(`days:${bin(Number(m[1]), [1, 4, 8, 15, 31])}`);
  for (const m of t.matchAll(/(\d+(?:\.\d+)?)\s*(ms|s|sec|seconds?|min|minutes?|h|hours?)\b/g)) {
    const unit = m[2];
    const secs = Number(m[1]) * (unit === "ms" ? 0.001 : unit.startsWith("m") ? 60 : unit.startsWith("h") ? 3600 : 1);
    emit(`dur:${bin(secs, [0.1, 0.3, 0.5, 1, 2, 5, 30, 120, 900, 3600])}`);
  }
  for (const m of t.matchAll(/\b(\d{1,3}(?:,\d{3})+|\d{4,})\b/g)) emit(`mag:${Math.floor(Math.log10(Number(m[1].replace(/,/g, ""))))}`);
  for (const m of t.matchAll(/\b([2-5])\d\d\b/g)) emit(`http:${m[1]}xx`);
}

export function alertFeatures(alert: AlertText, catalog: ServiceCatalog | undefined, emit: (feature: string, weight: number) => void): void {
  emit("bias", 1);
  emit(`src:${alert.source}`, 1);
  const titleWords = words(alert.title);
  const messageWords = words(alert.message);
  for (const w of titleWords) emit(`t:${w}`, 1);
  const all = [...titleWords, ...messageWords];
  for (const w of all) emit(`w:${w}`, 0.7);
  for (let i = 0; i + 1 < all.length; i++) emit(`b:${all[i]}_${all[i + 1]}`, 0.5);
  numberFeatures(`${alert.title}\n${alert.message}`, (f) => emit(f, 1));

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
      emit(`tier:${s.tier}`, 1);
    } else emit("svc:none", 1);
  }
}

/** Hashes features into a sparse vector (index → summed weight) of `dims` buckets. */
export function hashedFeatures(alert: AlertText, catalog: ServiceCatalog | undefined, dims: number): Map<number, number> {
  const v = new Map<number, number>();
  alertFeatures(alert, catalog, (f, w) => {
    const i = fnv1a(f) % dims;
    v.set(i, (v.get(i) ?? 0) + w);
  });
  return v;
}
