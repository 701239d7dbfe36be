import { db } from "@/lib/db";

/**
 * Builds a retrieval query from alerts, so an incident brings up its runbook by itself: alert names,
 * titles, messages, services, error codes and the informative label values, plus any runbook links.
 */

export interface AlertLike {
  title: string;
  message?: string | null;
  labels?: Record<string, unknown> | null;
  service?: string | null;
  errorCode?: string | null;
  runbookUrl?: string | null;
}

export interface RetrievalQuery {
  text: string;
  runbookUrls: string[];
  services: string[];
}

// Labels that name a thing the runbooks talk about. Others (severity, env, instance, pod hashes) add noise.
const USEFUL_LABELS = new Set([
  "alertname", "service", "app", "job", "namespace", "queue", "topic", "consumergroup", "cluster", "db", "database",
  "certificate", "dag", "container", "deployment", "error_code", "errorcode", "check", "monitor", "component",
]);
const NOISE_VALUE = /^(?:\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?|[0-9a-f]{8,}|prod(?:uction)?|staging|dev|critical|warning|info|high|low|true|false)$/i;

function labelText(labels: Record<string, unknown> | null | undefined): string[] {
  if (!labels) return [];
  const out: string[] = [];
  for (const [k, v] of Object.entries(labels)) {
    if (typeof v !== "string" || !v.trim() || k.startsWith("_")) continue;
    if (!USEFUL_LABELS.has(k.toLowerCase())) continue;
    if (NOISE_VALUE.test(v)) continue;
    out.push(v);
  }
  return out;
}

const MAX_QUERY_CHARS = 2000;

// Monitoring tools wrap every alert in the same chrome: status prefixes ("[Triggered on {…}]", "[FIRING:1]"),
// links, @-handles to notify, and the monitor's query syntax (aggregations, tag sets, .as_count()). Those
// words are in every alert of a tool and say nothing about the failure; some even pull in wrong topics
// through the lexicon ("trace.http.request.errors" → http → certificates, "@pagerduty-Payments" → payments).
const STATUS_PREFIX = /^\s*\[(?:triggered|re-triggered|recovered|resolved|firing|alert|warn|warning|no data|ok)\b[^\]]*\]\s*/i;
const URL = /\b(?:https?|ftp):\/\/\S+/gi;
const HANDLE = /(^|[\s(])@[\w.-]+/g;
// "sum:trace.http.request.errors", "p99:trace.http.request.duration", "avg(last_5m):avg:redis.info.latency_ms":
// the metric a monitor aggregates; its name is instrumentation vocabulary (trace, http, request), the title says what it means.
const DD_METRIC = /(?:\b(?:sum|avg|max|min|count|p\d{2,3})(?:\(last_\w+\))?:)+[\w.]*/gi;
const DD_FUNCTION = /\.(?:as_count|as_rate|rollup|fill|by|last|index)\([^)]*\)/gi;
const TAG_SET = /\{[^{}]*\}/g;

/** Services named in a monitor's tag sets ("{service:fraud-scorer,env:prod}"). */
export function taggedServices(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(TAG_SET)) {
    for (const tag of m[0].slice(1, -1).split(",")) {
      const [k, v] = tag.split(":").map((x) => x.trim());
      if (k?.toLowerCase() === "service" && v) out.push(v);
    }
  }
  return out;
}

/** An alert title or message without the monitoring tool's chrome (see above). */
export function stripAlertChrome(text: string): string {
  return text
    .replace(STATUS_PREFIX, "")
    .replace(URL, " ")
    .replace(HANDLE, "$1")
    .replace(DD_FUNCTION, " ")
    .replace(DD_METRIC, " ")
    .replace(TAG_SET, " ")
    .replace(/[ \t]{2,}/g, " ")
    .trim();
}

export function alertQueryText(alert: AlertLike): string {
  const tagged = taggedServices(`${alert.title}\n${alert.message ?? ""}`);
  const parts = [stripAlertChrome(alert.title), stripAlertChrome(alert.message ?? ""), alert.service ?? "", ...tagged, alert.errorCode ?? "", ...labelText(alert.labels)];
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const p of parts.map((s) => s.trim()).filter(Boolean)) {
    const key = p.toLowerCase();
    if (seen.has(key) || kept.some((k) => k.toLowerCase().includes(key))) continue;
    seen.add(key);
    kept.push(p);
  }
  return kept.join("\n").slice(0, MAX_QUERY_CHARS);
}

/** Combines several alerts (most informative first); identical titles are used once. */
export function alertsQuery(alerts: AlertLike[]): RetrievalQuery {
  const texts: string[] = [];
  const titles = new Set<string>();
  for (const a of alerts) {
    if (titles.has(a.title)) continue;
    titles.add(a.title);
    texts.push(alertQueryText(a));
  }
  const urls = [...new Set(alerts.map((a) => a.runbookUrl).filter((u): u is string => !!u))];
  const services = [...new Set(alerts.map((a) => a.service).filter((s): s is string => !!s))];
  return { text: texts.join("\n").slice(0, MAX_QUERY_CHARS), runbookUrls: urls, services };
}

const ALERT_FIELDS = { title: true, message: true, labels: true, serviceName: true, errorCode: true, runbookUrl: true } as const;

type AlertRow = { title: string; message: string; labels: unknown; serviceName: string | null; errorCode: string | null; runbookUrl: string | null };

function toAlertLike(a: AlertRow): AlertLike {
  return {
    title: a.title,
    message: a.message,
    labels: a.labels && typeof a.labels === "object" ? (a.labels as Record<string, unknown>) : null,
    service: a.serviceName,
    errorCode: a.errorCode,
    runbookUrl: a.runbookUrl,
  };
}

/** The query for an incident: its firing alerts first, newest first (at most 20). Null when not found. */
export async function incidentQuery(incidentId: string, client = db()): Promise<RetrievalQuery | null> {
  const incident = await client.incident.findUnique({ where: { id: incidentId }, select: { title: true } });
  if (!incident) return null;
  const alerts = await client.alert.findMany({
    where: { incidentId },
    select: ALERT_FIELDS,
    orderBy: [{ status: "asc" }, { lastSeenAt: "desc" }],
    take: 20,
  });
  const q = alertsQuery(alerts.map(toAlertLike));
  if (!q.text) q.text = incident.title;
  return q;
}

export async function alertQuery(alertId: string, client = db()): Promise<RetrievalQuery | null> {
  const alert = await client.alert.findUnique({ where: { id: alertId }, select: ALERT_FIELDS });
  return alert ? alertsQuery([toAlertLike(alert)]) : null;
}
