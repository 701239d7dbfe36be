import type { Severity } from "@/lib/severity";

/**
 * Keyword rules for severity: the rules-only baseline, and the fallback when no trained model is present.
 * Each rule is a phrase people use in alerts at that level; the strongest matching level wins.
 */
const RULES: [Severity, RegExp][] = [
  ["critical", /\b(p1|sev[ -]?1|critical|crit|outage|down|unreachable|data loss|all (?:requests|pods|replicas|brokers)|100%|total failure|complete failure|cannot (?:process|accept)|split[- ]brain|no healthy|disk full|out of disk)\b/i],
  ["high", /\b(p2|sev[ -]?2|high|error|errors|failing|failed|failure|5xx|exception|deadlock|crash\w*|oom\w*|timeout|timed out|refused|expired|unavailable|saturat\w*|exhaust\w*)\b/i],
  ["medium", /\b(p3|sev[ -]?3|warn\w*|degraded|elevated|slow|latency|lag|backlog|retry\w*|increase\w*|above (?:threshold|normal)|high memory|high cpu)\b/i],
  ["low", /\b(p4|sev[ -]?4|low|minor|approaching|will expire|expires in|cleanup|flaky|deprecated|nearing)\b/i],
  ["info", /\b(p5|info|informational|fyi|notice|test alert|deploy(?:ed|ment) (?:started|finished|completed)|completed successfully|scheduled maintenance|heartbeat)\b/i],
];

export function severityFromRules(text: string): { severity: Severity; confidence: number } {
  // "PaymentsApiHighErrorRate" → "Payments Api High Error Rate", so alert-rule names match too.
  const spaced = text.replace(/([a-z])([A-Z])/g, "$1 $2");
  for (const [severity, re] of RULES) if (re.test(spaced)) return { severity, confidence: 0.55 };
  return { severity: "medium", confidence: 0.3 };
}
