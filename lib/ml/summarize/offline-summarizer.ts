import { loadCatalog, type ServiceCatalog } from "@/lib/ml/catalog";
import type { Summarizer, Summary, SummaryInput } from "@/lib/ml/types";
import { describeDuration } from "@/lib/duration";
import { firstLookHints, likelyOrigins } from "./first-look";

export const OFFLINE_SUMMARY_MODEL = "opsrelay-summary-template-v1";

function duration(from: Date, to: Date): string {
  return describeDuration(to.getTime() - from.getTime());
}

function hhmm(d: Date): string {
  return `${d.toISOString().slice(11, 16)} UTC`;
}

function clip(s: string, n: number): string {
  const one = s.replace(/\s+/g, " ").trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
}

function list(values: string[], max = 4): string {
  const v = values.filter(Boolean);
  if (v.length <= max) return v.join(", ");
  return `${v.slice(0, max).join(", ")} and ${v.length - max} more`;
}

/**
 * A deterministic on-call summary from the incident's own data: what is failing, where, since when, how
 * bad, what happened recently, and where to look first.
 */
export function offlineSummary(input: SummaryInput, catalog?: ServiceCatalog, now = new Date()): string {
  const { incident, alerts, timeline } = input;
  const firing = alerts.filter((a) => a.status === "firing");
  const services = incident.affectedServices.length
    ? incident.affectedServices
    : [...new Set(alerts.map((a) => a.service).filter((s): s is string => !!s))];
  const envs = incident.environments.length
    ? incident.environments
    : [...new Set(alerts.map((a) => a.environment).filter((s): s is string => !!s))];
  const regions = [...new Set(alerts.map((a) => a.region).filter((s): s is string => !!s))];
  const codes = [...new Set(alerts.map((a) => a.errorCode).filter((s): s is string => !!s))];

  const where = [services.length ? list(services) : "an unidentified service", envs.length ? `in ${list(envs)}` : "", regions.length ? `(${list(regions)})` : ""]
    .filter(Boolean)
    .join(" ");
  const state = incident.status === "resolved" ? "Resolved" : firing.length ? "Ongoing" : "Quiet (all alerts resolved)";
  const lines: string[] = [];
  lines.push(`${incident.severity.toUpperCase()} incident #${incident.number}: ${clip(incident.title, 120)}, affecting ${where}.`);
  const end = incident.status === "resolved" ? incident.lastAlertAt : now;
  lines.push(
    `${state}: started ${incident.firstAlertAt.toISOString().replace("T", " ").slice(0, 16)} UTC (${duration(incident.firstAlertAt, end)} ${incident.status === "resolved" ? "long" : "ago"}); ` +
      `${incident.alertCount} alert${incident.alertCount === 1 ? "" : "s"}, ${firing.length} still firing; last alert at ${hhmm(incident.lastAlertAt)}.`,
  );

  // What is failing: distinct alert titles, most repeated first.
  const byTitle = new Map<string, { count: number; severity: string | null; service: string | null; firing: boolean }>();
  for (const a of alerts) {
    const key = clip(a.title, 100);
    const cur = byTitle.get(key) ?? { count: 0, severity: a.severity, service: a.service, firing: false };
    cur.count += Math.max(1, a.occurrenceCount);
    cur.firing ||= a.status === "firing";
    byTitle.set(key, cur);
  }
  const top = [...byTitle.entries()].sort((a, b) => b[1].count - a[1].count).slice(0, 5);
  if (top.length) {
    lines.push("What is failing:");
    for (const [title, t] of top) {
      const tags = [t.severity, t.service, t.count > 1 ? `×${t.count}` : "", t.firing ? "" : "resolved"].filter(Boolean).join(", ");
      lines.push(`- ${title}${tags ? ` (${tags})` : ""}`);
    }
    if (byTitle.size > top.length) lines.push(`- …and ${byTitle.size - top.length} other alert types`);
  }
  if (codes.length) lines.push(`Error codes seen: ${list(codes, 6)}.`);

  const recent = [...timeline].sort((a, b) => a.at.getTime() - b.at.getTime()).slice(-5);
  if (recent.length) {
    lines.push("Recent timeline:");
    for (const t of recent) lines.push(`- ${hhmm(t.at)} ${t.type}${t.message ? `: ${clip(t.message, 100)}` : ""} (${t.actor})`);
  }

  const first = [...alerts].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime())[0];
  const look: string[] = [];
  const origins = likelyOrigins(catalog, services);
  if (origins.length) look.push(`${list(origins)}: other affected services depend on it, so it is the likely origin`);
  else if (first?.service && services.length > 1) look.push(`${first.service}: it alerted first`);
  look.push(...firstLookHints(alerts.map((a) => `${a.title} ${a.message} ${a.errorCode ?? ""}`).join("\n")));
  if (look.length) {
    lines.push("Suggested first look:");
    for (const l of look.slice(0, 4)) lines.push(`- ${l}`);
  }
  return lines.join("\n");
}

export class OfflineSummarizer implements Summarizer {
  readonly name = "offline";
  constructor(private readonly catalog: () => ServiceCatalog | undefined = () => safeCatalog()) {}

  async summarize(input: SummaryInput): Promise<Summary> {
    return { text: offlineSummary(input, this.catalog()), provider: "offline", model: OFFLINE_SUMMARY_MODEL };
  }
}

/** A broken catalog file must not stop summaries; they just lose the dependency hint. */
function safeCatalog(): ServiceCatalog | undefined {
  try {
    return loadCatalog();
  } catch {
    return undefined;
  }
}
