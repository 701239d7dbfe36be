import type { CatalogService } from "@/lib/ml/catalog";
import type { Severity } from "@/lib/severity";

/** Shared pieces of the training-set generator: catalog service shape, scenario types, seeded randomness, severity steps. */

/** A catalog service as datasets/catalog/services.json lists it. */
export type { CatalogService as Service } from "@/lib/ml/catalog";

export interface Scenario {
  severity: Severity;
  /** Short rule-style name, e.g. HighErrorRate. */
  rule: string;
  title: string;
  message: string;
  entities: Record<string, string[]>;
  /** The renderer keeps this shape as written (human reports, platform-specific bodies). */
  verbatim?: boolean;
}

export interface Ctx {
  env: string;
  envText: string;
  region: string;
  host: string;
  pod: string;
  namespace: string;
}

export type Make = (s: CatalogService, svcText: string, ctx: Ctx) => Scenario;

// mulberry32: small seeded PRNG so the set is reproducible.
let state = 7;
export function seed(value: number): void {
  state = value >>> 0;
}
export function rand(): number {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
export const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
export const chance = (p: number) => rand() < p;
export const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
export const hex = (n: number) => Array.from({ length: n }, () => "0123456789abcdef"[int(0, 15)]).join("");
export const alnum = (n: number) => Array.from({ length: n }, () => "abcdefghijklmnopqrstuvwxyz0123456789"[int(0, 35)]).join("");

/** Severity one step worse/better, bounded. */
export const ORDER: Severity[] = ["critical", "high", "medium", "low", "info"];
export const shift = (s: Severity, by: number): Severity => ORDER[Math.min(4, Math.max(0, ORDER.indexOf(s) + by))];
/** Tier-3 services are one step less urgent; tier-1 keep the scenario's level. */
export const byTier = (s: Severity, tier: number): Severity => (tier >= 3 && s !== "info" ? shift(s, 1) : s);
/** Rubric levels from a value and descending thresholds: [[25, "critical"], [5, "high"]...]. */
export const graded = (value: number, steps: [number, Severity][], otherwise: Severity): Severity => steps.find(([min]) => value >= min)?.[1] ?? otherwise;
