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

export function alertQueryText(alert: AlertLike): string {
  const parts = [alert.title, alert.message ?? "", alert.service ?? "", alert.errorCode ?? "", ...labelText(alert.labels)];
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
