import { severityRank, type Severity } from "@/lib/severity";

/**
 * When is an incident's summary worth rewriting? Summaries cost an LLM call with a hosted provider, so
 * they follow meaningful change only: a new incident, alert count crossing 3/10/50 (then every
 * doubling), severity escalation, resolution or reopening. Pure: decided from stored state, not from
 * the event that woke us (debouncing drops all but the last event).
 */

export const ALERT_COUNT_THRESHOLDS = [3, 10, 50] as const;

export type ResummarizeReason = "new_incident" | "resolved" | "reopened" | "escalated" | "alert_count";

export interface SummaryState {
  hasSummary: boolean;
  /** Alert count when the summary was written (incidents.summary_alert_count). */
  summaryAlertCount: number | null;
  alertCount: number;
  severity: Severity;
  status: "open" | "investigating" | "resolved";
  /** Severity and status recorded with the last summary (its timeline action), when known. */
  lastSummary: { severity: Severity; status: string } | null;
}

/** Thresholds 3, 10, 50, then 100, 200, 400... */
export function alertCountThresholdCrossed(before: number, now: number): number | null {
  let crossed: number | null = null;
  for (const t of ALERT_COUNT_THRESHOLDS) if (before < t && now >= t) crossed = t;
  for (let t = 100; t <= now; t *= 2) if (before < t) crossed = t;
  return crossed;
}

export function resummarizeReason(s: SummaryState): ResummarizeReason | null {
  if (!s.hasSummary) return "new_incident";
  const last = s.lastSummary;
  if (s.status === "resolved" && last?.status !== "resolved") return "resolved";
  if (s.status !== "resolved" && last?.status === "resolved") return "reopened";
  if (last && severityRank(s.severity) < severityRank(last.severity)) return "escalated";
  if (alertCountThresholdCrossed(s.summaryAlertCount ?? 0, s.alertCount) !== null) return "alert_count";
  return null;
}
