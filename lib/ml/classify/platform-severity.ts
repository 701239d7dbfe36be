import { normalizeSeverity } from "@/lib/ingest/parse-helpers";
import { promSeverity } from "@/lib/ingest/sources/prometheus-alerts";
import type { AlertText, Prediction } from "@/lib/ml/types";
import type { Severity } from "@/lib/severity";

/**
 * What the platform itself says about an alert's severity, when it says something an on-call engineer
 * would act on. The adapters normalise the common fields into `sourceSeverity`; this also reads what
 * reaches the classifier without it (generic webhooks forwarding labels, `[P1]` / `[SEV2]` tags that
 * teams put in monitor names). A recovery notice is info whatever severity its rule carries.
 */

export interface PlatformSeverity {
  value: Severity;
  /** Where it came from, for provenance ("labels.severity", "title tag", "resolved"...). */
  from: string;
}

// A notification that the condition has cleared: "[RESOLVED] …", "[Recovered] …", "[OK] …",
// CloudWatch's OK state or "OK: \"alarm\" in …", Alertmanager's "status: resolved" annotation text.
const RECOVERY_TITLE = /^\s*\[(?:resolved|recovered|ok)\]/i;
const RECOVERY_MESSAGE = /^\s*(?:\[(?:resolved|recovered|ok)\]|resolved\b|ok: ")|\bstatus: resolved\b/i;

/** True when the alert announces a recovery: no action is needed, whatever the rule's severity was. */
export function isRecoveryNotice(alert: AlertText): boolean {
  const labels = alert.labels ?? {};
  const state = labels.cloudwatch_state ?? labels.state ?? labels.status;
  if (typeof state === "string" && /^(ok|resolved|recovered)$/i.test(state)) return true;
  return RECOVERY_TITLE.test(alert.title) || RECOVERY_MESSAGE.test(alert.message);
}

// "[P1]", "(P2)", "[SEV-1]", "SEV2:", "P3 -" written at the start of a title or as a bracketed tag.
const TITLE_TAG = /\[(p[1-5]|sev-?[0-5])\]|\((p[1-5]|sev-?[0-5])\)|^\s*(?:\[[^\]]*\]\s*)*(p[1-5]|sev-?[0-5])\s*[:\-–|]/i;

function titleTag(title: string): Severity | undefined {
  const m = TITLE_TAG.exec(title);
  const tag = m && (m[1] ?? m[2] ?? m[3]);
  // SEV0 is the worst level where it is used; normalizeSeverity knows sev0..sev5 and p1..p5.
  return tag ? normalizeSeverity(tag) : undefined;
}

/**
 * Priority names teams give their levels: "P1 - Critical", "SEV-2 (major)", "critical-page". The level
 * word or code at the start decides; anything else is not a severity.
 */
function leadingLevel(value: string | undefined): Severity | undefined {
  const head = value?.trim().match(/^(p[1-5]|sev-?[0-5]|s[1-5]|[a-z]+)\b/i)?.[1];
  return head ? normalizeSeverity(head) : undefined;
}

/** The platform's severity statement, or undefined when the classifier has to decide. */
export function platformSeverity(alert: AlertText): PlatformSeverity | undefined {
  if (isRecoveryNotice(alert)) return { value: "info", from: "resolved" };
  if (alert.sourceSeverity) return { value: alert.sourceSeverity, from: "sourceSeverity" };
  const labels = alert.labels ?? {};
  const fromLabels = promSeverity(labels) ?? leadingLevel(labels.severity ?? labels.priority);
  if (fromLabels) return { value: fromLabels, from: "labels" };
  const urgency = labels.urgency?.toLowerCase();
  if (urgency === "high" || urgency === "low") return { value: urgency, from: "labels.urgency" };
  const tagged = titleTag(alert.title);
  return tagged ? { value: tagged, from: "title tag" } : undefined;
}

/** The platform's statement as a classifier prediction (provenance "source"), when there is one. */
export function platformPrediction(alert: AlertText): Prediction<Severity> | undefined {
  const p = platformSeverity(alert);
  return p && { value: p.value, confidence: 0.95, provider: "source", model: p.from === "sourceSeverity" ? alert.source : `${alert.source} ${p.from}` };
}
