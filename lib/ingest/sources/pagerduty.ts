import type { ParseResult, SourceAdapter } from "../adapter";
import { deny, requireSecret, verifyHmacSignatures } from "../auth";
import { firstStr, idString, isRecord, normalizeSeverity, parseDate, str, toUrl } from "../parse-helpers";
import type { NormalizedAlert } from "../types";

/**
 * PagerDuty V3 webhooks: { event: { id, event_type, resource_type, occurred_at, agent, data } }, one
 * event per request. incident.triggered / reopened / unacknowledged → firing; incident.resolved →
 * resolved; other incident.* updates (acknowledged, escalated, annotated, priority_updated…) and
 * service.* carry no alert state change and are acknowledged without storing; pagey.ping is the
 * subscription test.
 * Auth: X-PagerDuty-Signature: v1=<hex>[,v1=<hex>…], HMAC-SHA256 of the raw body; any configured secret
 * (PAGERDUTY_WEBHOOK_SECRETS, comma-separated) is accepted, for rotation.
 */

const FIRING = new Set(["incident.triggered", "incident.reopened", "incident.unacknowledged"]);
const RESOLVED = new Set(["incident.resolved"]);

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (isRecord(v) ? v : undefined);

/** "v1=abc,v1=def" → ["abc", "def"]; other scheme versions are ignored. */
export function pagerdutySignatures(header: string | null): string[] {
  if (!header) return [];
  return header
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part.startsWith("v1="))
    .map((part) => part.slice(3));
}

function summary(ref: unknown): string | undefined {
  const o = obj(ref);
  return o ? firstStr(o.summary, o.name) : undefined;
}

function toAlert(event: Obj, data: Obj, eventType: string): NormalizedAlert | undefined {
  const incidentId = idString(data.id);
  if (!incidentId) return undefined;
  const resolved = RESOLVED.has(eventType);
  const labels: Record<string, string> = {};
  const service = summary(data.service);
  if (service) labels.service = service;
  const teams = Array.isArray(data.teams) ? data.teams.map(summary).filter(Boolean) : [];
  if (teams.length > 0) labels.team = teams.join(",");
  const priority = summary(data.priority);
  if (priority) labels.priority = priority;
  const urgency = str(data.urgency);
  if (urgency) labels.urgency = urgency;
  const policy = summary(data.escalation_policy);
  if (policy) labels.escalation_policy = policy;
  const number = idString(data.number);
  if (number) labels.incident_number = number;
  const occurredAt = parseDate(event.occurred_at) ?? new Date();
  const incidentKey = str(data.incident_key);
  return {
    source: "pagerduty",
    externalId: `incident:${incidentId}`,
    fingerprint: incidentKey ? `pagerduty:key:${incidentKey}` : `pagerduty:incident:${incidentId}`,
    groupKey: incidentKey,
    status: resolved ? "resolved" : "firing",
    title: firstStr(data.title, data.summary, data.description) ?? `PagerDuty incident ${number ?? incidentId}`,
    message: firstStr(data.description, obj(data.body)?.details, data.resolve_reason) ?? "",
    url: toUrl(firstStr(data.html_url, data.self)),
    labels,
    // An explicit incident priority wins; urgency high/low is the coarser fallback.
    sourceSeverity: normalizeSeverity(priority) ?? (urgency === "high" ? "high" : urgency === "low" ? "low" : undefined),
    occurredAt: parseDate(data.created_at) ?? occurredAt,
    resolvedAt: resolved ? occurredAt : undefined,
  };
}

export const pagerdutyAdapter: SourceAdapter = {
  source: "pagerduty",

  verify(req, env) {
    const missing = requireSecret(env, "PAGERDUTY_WEBHOOK_SECRETS", env.PAGERDUTY_WEBHOOK_SECRETS);
    if (missing) return missing;
    const signatures = pagerdutySignatures(req.headers.get("x-pagerduty-signature"));
    if (signatures.length === 0) return deny("missing X-PagerDuty-Signature header (v1=<hex>)");
    return verifyHmacSignatures(req.rawBody, signatures, env.PAGERDUTY_WEBHOOK_SECRETS);
  },

  parse(body): ParseResult {
    const event = isRecord(body) ? obj(body.event) : undefined;
    if (!event) return { kind: "unmapped", reason: "expected a PagerDuty V3 webhook: { event: { event_type, data } }" };
    const eventType = (str(event.event_type) ?? "").toLowerCase();
    if (!eventType) return { kind: "unmapped", reason: "event.event_type is missing" };
    if (eventType === "pagey.ping") return { kind: "control", status: 200, body: { accepted: true, ping: true } };
    if (!FIRING.has(eventType) && !RESOLVED.has(eventType)) {
      return { kind: "control", status: 200, body: { accepted: true, ignored: `${eventType} carries no alert state change` } };
    }
    const data = obj(event.data);
    const alert = data && toAlert(event, data, eventType);
    if (!alert) return { kind: "unmapped", reason: `${eventType} without event.data.id` };
    return { kind: "alerts", alerts: [alert] };
  },

  /** event.id is unique per event and repeated on retries; X-Webhook-Id is the fallback. */
  deliveryId(req, body) {
    const event = isRecord(body) ? obj(body.event) : undefined;
    return firstStr(idString(event?.id), req.headers.get("x-webhook-id"));
  },
};
