import type { Severity } from "@/lib/severity";
import type { ParseResult, SourceAdapter } from "../adapter";
import { verifyToken } from "../auth";
import {
  firstStr,
  idString,
  isRecord,
  normalizeSeverity,
  num,
  parseDate,
  parseNestedJson,
  pick,
  stableHash,
  str,
  tagsToLabels,
  toUrl,
} from "../parse-helpers";
import type { NormalizedAlert } from "../types";

/**
 * Datadog webhook integration. The payload is a user-editable template of $VARIABLES, so keys and
 * types vary per customer: the default template ({ id: $ID, title: $EVENT_TITLE, body: $EVENT_MSG,
 * last_updated, event_type, date, org }) and customized ones adding $ALERT_ID, $AGGREG_KEY,
 * $ALERT_TRANSITION, $ALERT_TYPE, $PRIORITY, $TAGS, $ALERT_SCOPE, $ALERT_CYCLE_KEY, $LINK… under any
 * key spelling, nested one level (e.g. { alert: {...} }), unquoted numbers (an unquoted $ID exceeds
 * 2^53), tags as a comma string or array. Several alerts per request: a top-level array or { alerts: [] }.
 * Auth: DATADOG_WEBHOOK_TOKEN via a custom header (Authorization: Bearer / X-OpsRelay-Token) or basic auth.
 */

const NESTED_KEYS = ["alert", "monitor", "event", "data", "payload"];

/** Top-level fields win over the same fields nested one level down. */
function flatten(item: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of NESTED_KEYS) {
    const nested = parseNestedJson(item[key]);
    if (isRecord(nested)) Object.assign(out, nested);
  }
  for (const [k, v] of Object.entries(item)) if (!(NESTED_KEYS.includes(k) && isRecord(parseNestedJson(v)))) out[k] = v;
  return out;
}

/** "[P2] [Recovered on {host:x}] …" → ["P2", "Recovered"]: the leading bracketed markers, minus scopes. */
function titleMarkers(title: string): string[] {
  const markers: string[] = [];
  const re = /^\s*\[([^\]]*)\]/;
  let rest = title;
  for (let m = re.exec(rest); m; m = re.exec(rest)) {
    markers.push(m[1].replace(/\s+on\s+.*$/i, ""));
    rest = rest.slice(m[0].length);
  }
  return markers;
}

type Transition = "triggered" | "recovered" | "warn" | "no_data" | "renotify";

/** $ALERT_TRANSITION / $ALERT_TYPE / a "[Recovered]" title prefix, whichever the template carries. */
function transitionOf(f: Record<string, unknown>, title: string): Transition {
  const words = [
    str(pick(f, "alert_transition", "transition", "alert_status_transition")),
    str(pick(f, "alert_type", "type")),
    str(pick(f, "alert_status", "status", "state")),
    ...titleMarkers(title),
  ]
    .filter((w): w is string => Boolean(w))
    .map((w) => w.toLowerCase().replace(/[^a-z]/g, ""));
  for (const w of words) {
    if (["recovered", "success", "resolved", "ok", "recovery", "warnrecovered"].includes(w)) return "recovered";
    if (["triggered", "retriggered", "error", "alert", "firing"].includes(w)) return "triggered";
    if (["warn", "warning", "rewarn", "warned"].includes(w)) return "warn";
    if (["nodata", "renotifynodata"].includes(w)) return "no_data";
    if (["renotify", "renotified"].includes(w)) return "renotify";
  }
  return "triggered";
}

const STATUS_PREFIX = /^\s*(?:\[(?:P[1-5]|Triggered|Re-?Triggered|Recovered|Warn|Re-?Warn|Renotify|No Data|Alert|OK|Resolved|Warning)(?:\s+on\s+[^\]]*)?\]\s*)+/i;

/** Datadog wraps markdown bodies in %%% fences. */
function cleanBody(body: string): string {
  return body.replace(/^\s*%%%\s*$/gm, "").replace(/%%%/g, "").trim();
}

function priorityOf(value: unknown): Severity | undefined {
  const n = num(value);
  if (n !== undefined && Number.isInteger(n) && n >= 1 && n <= 5) return normalizeSeverity(`p${n}`);
  const s = str(value);
  return s && /^p[1-5]$/i.test(s) ? normalizeSeverity(s) : undefined;
}

function normalizeOne(item: Record<string, unknown>, receivedAt: Date): NormalizedAlert | undefined {
  const f = flatten(item);
  const rawTitle = firstStr(pick(f, "title", "alert_title", "event_title", "monitor_name", "name"));
  const body = str(pick(f, "body", "message", "event_msg", "text", "msg"));
  const monitorId = idString(pick(f, "alert_id", "monitor_id", "alertId", "monitorId"));
  const aggregKey = idString(pick(f, "aggreg_key", "aggregation_key", "aggregate", "aggreg"));
  if (!rawTitle && !monitorId && !aggregKey) return undefined;

  const labels = {
    ...tagsToLabels(pick(f, "tags", "alert_tags", "event_tags")),
  };
  const scope = str(pick(f, "alert_scope", "scope", "group", "alert_group"));
  if (scope && scope !== "*") Object.assign(labels, tagsToLabels(scope));
  const host = str(pick(f, "hostname", "host"));
  if (host && !labels.host) labels.host = host;
  const metric = str(pick(f, "alert_metric", "metric"));
  if (metric) labels.metric = metric;
  if (monitorId) labels.monitor_id = monitorId;
  const org = pick(f, "org");
  const orgName = isRecord(org) ? str(org.name) : str(pick(f, "org_name"));
  if (orgName) labels.org = orgName;

  const title = (rawTitle ?? `Datadog monitor ${monitorId ?? aggregKey}`).replace(STATUS_PREFIX, "").trim() || rawTitle!;
  const transition = transitionOf(f, rawTitle ?? "");
  const resolved = transition === "recovered";
  const occurredAt = parseDate(pick(f, "last_updated", "date", "timestamp", "alert_timestamp", "event_time")) ?? receivedAt;

  const severity =
    priorityOf(pick(f, "priority", "alert_priority", "monitor_priority")) ??
    normalizeSeverity(labels.severity ?? labels.priority) ??
    (transition === "warn" ? "medium" : undefined);

  // "Same problem" = the monitor on this scope; one alert instance = one alert cycle of it when the
  // template carries $ALERT_CYCLE_KEY (trigger and recovery share it), else the monitor on the scope.
  const problem = monitorId ? `${monitorId}:${scope ?? aggregKey ?? ""}` : (aggregKey ?? stableHash(title, scope ?? ""));
  const fingerprint = `datadog:${problem}`;
  const cycle = idString(pick(f, "alert_cycle_key", "cycle_key"));
  const externalId = cycle ? `${problem}:${cycle}` : problem;

  return {
    source: "datadog",
    externalId,
    fingerprint,
    groupKey: aggregKey,
    status: resolved ? "resolved" : "firing",
    title,
    message: body ? cleanBody(body) : "",
    url: toUrl(pick(f, "link", "url", "event_url", "alert_url", "monitor_url")),
    runbookUrl: toUrl(pick(f, "runbook_url", "runbook")),
    labels,
    sourceSeverity: severity,
    occurredAt,
    resolvedAt: resolved ? occurredAt : undefined,
  };
}

function items(body: unknown): Record<string, unknown>[] | undefined {
  if (Array.isArray(body)) return body.filter(isRecord);
  if (!isRecord(body)) return undefined;
  const list = parseNestedJson(body.alerts ?? body.events);
  if (Array.isArray(list)) return list.filter(isRecord);
  return [body];
}

export const datadogAdapter: SourceAdapter = {
  source: "datadog",

  verify(req, env) {
    return verifyToken(req, env, "DATADOG_WEBHOOK_TOKEN", env.DATADOG_WEBHOOK_TOKEN);
  },

  parse(body): ParseResult {
    const list = items(body);
    if (!list || list.length === 0) return { kind: "unmapped", reason: "expected a Datadog webhook object (or a list of them)" };
    const receivedAt = new Date();
    const alerts: NormalizedAlert[] = [];
    for (const item of list) {
      const alert = normalizeOne(item, receivedAt);
      if (!alert) return { kind: "unmapped", reason: "Datadog payload has none of title, alert_id or aggreg_key" };
      alerts.push(alert);
    }
    return { kind: "alerts", alerts };
  },

  /** $ID: Datadog's id of this notification event (a retry repeats it; the recovery has its own). */
  deliveryId(req, body) {
    const header = firstStr(req.headers.get("x-datadog-delivery-id"), req.headers.get("idempotency-key"));
    if (header) return header;
    const list = items(body);
    if (!list || list.length === 0) return undefined;
    const ids = list.map((i) => idString(pick(flatten(i), "id", "event_id", "eventId")));
    if (ids.some((id) => !id)) return undefined;
    return `event:${ids.join(",")}`;
  },
};
