import type { SummaryInput } from "@/lib/ml/types";

/**
 * The prompt for hosted summaries, bounded so cost stays predictable whatever the incident's size:
 * at most MAX_ALERTS alerts (distinct titles first, most recent first), messages cut to MAX_MESSAGE
 * characters, the last MAX_TIMELINE timeline entries.
 */
export const PROMPT_LIMITS = { maxAlerts: 15, maxMessage: 280, maxTimeline: 12, maxTitle: 160 } as const;

export const SUMMARY_SYSTEM_PROMPT = [
  "You are an incident-response assistant writing for the on-call engineer who was just paged.",
  "Write a concise summary (at most 8 short lines, plain text, no markdown headings) covering: what is failing,",
  "where (services, environments, regions), since when and how bad, what changed or happened recently, and",
  "the single most useful first thing to check. Use only the facts given; say 'unknown' rather than guessing.",
  "Cite error codes exactly as given.",
].join(" ");

function cut(s: string, n: number): string {
  const one = s.replace(/\s+/g, " ").trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
}

export function buildSummaryPrompt(input: SummaryInput): string {
  const { incident, alerts, timeline } = input;
  // Distinct titles first so one noisy alert repeated 200 times doesn't crowd out the others.
  const seen = new Set<string>();
  const sorted = [...alerts].sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime());
  const distinct = sorted.filter((a) => (seen.has(a.title) ? false : (seen.add(a.title), true)));
  const rest = sorted.filter((a) => !distinct.includes(a));
  const chosen = [...distinct, ...rest].slice(0, PROMPT_LIMITS.maxAlerts);
  const omitted = alerts.length - chosen.length;

  const lines: string[] = [];
  lines.push(`Incident #${incident.number}: ${cut(incident.title, PROMPT_LIMITS.maxTitle)}`);
  lines.push(`Status: ${incident.status}; severity: ${incident.severity}; alerts: ${incident.alertCount}`);
  lines.push(`Affected services: ${incident.affectedServices.join(", ") || "unknown"}; environments: ${incident.environments.join(", ") || "unknown"}`);
  lines.push(`First alert: ${incident.firstAlertAt.toISOString()}; last alert: ${incident.lastAlertAt.toISOString()}`);
  lines.push("");
  lines.push(`Alerts (${chosen.length} of ${alerts.length}${omitted > 0 ? `, ${omitted} omitted` : ""}):`);
  for (const a of chosen) {
    const where = [a.service, a.environment, a.region].filter(Boolean).join("/");
    const meta = [a.source, a.status, a.severity ?? "severity unknown", where, a.errorCode ? `code ${a.errorCode}` : "", a.occurrenceCount > 1 ? `x${a.occurrenceCount}` : ""]
      .filter(Boolean)
      .join(", ");
    lines.push(`- [${a.occurredAt.toISOString()}] ${cut(a.title, PROMPT_LIMITS.maxTitle)} (${meta})`);
    if (a.message) lines.push(`  ${cut(a.message, PROMPT_LIMITS.maxMessage)}`);
  }
  const recent = [...timeline].sort((a, b) => a.at.getTime() - b.at.getTime()).slice(-PROMPT_LIMITS.maxTimeline);
  if (recent.length) {
    lines.push("");
    lines.push("Timeline (oldest first):");
    for (const t of recent) lines.push(`- [${t.at.toISOString()}] ${t.type} by ${t.actor}${t.message ? `: ${cut(t.message, 200)}` : ""}`);
  }
  return lines.join("\n");
}
