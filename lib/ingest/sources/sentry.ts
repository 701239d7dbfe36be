import type { ParseResult, SourceAdapter } from "../adapter";
import { deny, requireSecret, verifyHmacSignatures } from "../auth";
import { firstStr, idString, isRecord, normalizeSeverity, parseDate, pick, str, tagsToLabels, toUrl } from "../parse-helpers";
import type { NormalizedAlert, WebhookRequest } from "../types";

/**
 * Sentry integration-platform webhooks. The `sentry-hook-resource` header says what the body is:
 * - event_alert (issue alert rule fired): { action: "triggered", data: { event: {...}, triggered_rule } }
 * - issue: { action: created|resolved|unresolved|assigned|archived|ignored, data: { issue: {...} } }
 * - metric_alert: { action: critical|warning|resolved, data: { metric_alert: {...}, description_text, web_url } }
 * - error: { action: "created", data: { error: {...} } } (an event, mapped like event_alert)
 * - installation, comment, seer…: acknowledged, no alert.
 * An issue alert and the issue webhook of the same issue share the external id `issue:<id>`, so a
 * "resolved" issue webhook resolves the alert its event alert opened.
 * Auth: sentry-hook-signature = hex HMAC-SHA256 of the body with the client secret (SENTRY_CLIENT_SECRET).
 */

type Obj = Record<string, unknown>;

function obj(value: unknown): Obj | undefined {
  return isRecord(value) ? value : undefined;
}

/** The project slug: a field, or the path segment after /projects/<org>/ in the event's API URL. */
function projectSlug(...sources: unknown[]): string | undefined {
  for (const s of sources) {
    if (isRecord(s)) {
      const slug = firstStr(s.slug, s.name);
      if (slug) return slug;
    } else if (typeof s === "string") {
      const m = /\/projects\/[^/]+\/([^/]+)\//.exec(s);
      if (m) return m[1];
    }
  }
  return undefined;
}

function fromEvent(event: Obj, data: Obj, action: string): NormalizedAlert | undefined {
  const issueId = idString(pick(event, "issue_id", "group_id", "groupID"));
  const eventId = idString(pick(event, "event_id", "id"));
  if (!issueId && !eventId) return undefined;
  const labels = tagsToLabels(event.tags);
  const environment = firstStr(event.environment, labels.environment);
  if (environment) labels.environment = environment;
  const project = projectSlug(event.project_slug, event.url, event.project);
  if (project) labels.project = project;
  const level = firstStr(event.level, labels.level);
  if (level) labels.level = level;
  const rule = firstStr(data.triggered_rule, obj(data.issue_alert)?.title);
  if (rule) labels.alert_rule = rule;
  const metadata = obj(event.metadata);
  const title = firstStr(event.title, metadata?.title, event.message, metadata?.value) ?? `Sentry issue ${issueId ?? eventId}`;
  const message = [firstStr(event.culprit), firstStr(metadata?.type && metadata?.value ? `${metadata.type}: ${metadata.value}` : undefined, event.message)]
    .filter(Boolean)
    .join("\n");
  const occurredAt = parseDate(event.datetime) ?? parseDate(event.timestamp) ?? parseDate(event.received) ?? new Date();
  const key = issueId ? `issue:${issueId}` : `event:${eventId}`;
  return {
    source: "sentry",
    externalId: key,
    fingerprint: `sentry:${key}`,
    groupKey: issueId ? `sentry-issue:${issueId}` : undefined,
    status: action === "resolved" ? "resolved" : "firing",
    title,
    message,
    url: toUrl(firstStr(event.web_url, event.issue_url, event.url)),
    labels,
    sourceSeverity: normalizeSeverity(level),
    occurredAt,
  };
}

const ISSUE_FIRING = new Set(["created", "unresolved", "regression"]);

function fromIssue(issue: Obj, action: string): NormalizedAlert | undefined {
  const issueId = idString(issue.id);
  if (!issueId) return undefined;
  const project = obj(issue.project);
  const labels: Record<string, string> = {};
  const slug = projectSlug(project);
  if (slug) labels.project = slug;
  const level = str(issue.level);
  if (level) labels.level = level;
  const shortId = str(issue.shortId);
  if (shortId) labels.short_id = shortId;
  const resolved = action === "resolved";
  const metadata = obj(issue.metadata);
  const occurredAt = (resolved ? parseDate(issue.lastSeen) : parseDate(issue.firstSeen)) ?? new Date();
  return {
    source: "sentry",
    externalId: `issue:${issueId}`,
    fingerprint: `sentry:issue:${issueId}`,
    groupKey: `sentry-issue:${issueId}`,
    status: resolved ? "resolved" : "firing",
    title: firstStr(issue.title, metadata?.title) ?? `Sentry issue ${shortId ?? issueId}`,
    message: firstStr(issue.culprit, metadata?.value) ?? "",
    url: toUrl(firstStr(issue.web_url, issue.permalink)),
    labels,
    sourceSeverity: normalizeSeverity(level),
    occurredAt,
    resolvedAt: resolved ? new Date() : undefined,
  };
}

function fromMetricAlert(data: Obj, action: string): NormalizedAlert | undefined {
  const metricAlert = obj(data.metric_alert);
  if (!metricAlert) return undefined;
  const incidentId = idString(pick(metricAlert, "id", "identifier"));
  const rule = obj(metricAlert.alert_rule);
  const ruleId = idString(rule?.id);
  if (!incidentId && !ruleId) return undefined;
  const labels: Record<string, string> = {};
  const projects = Array.isArray(rule?.projects) ? rule.projects.map((p) => str(p)).filter(Boolean) : [];
  if (projects.length > 0) labels.project = projects.join(",");
  const environment = str(rule?.environment);
  if (environment) labels.environment = environment;
  const aggregate = str(rule?.aggregate);
  if (aggregate) labels.aggregate = aggregate;
  const query = str(rule?.query);
  if (query) labels.query = query;
  if (ruleId) labels.alert_rule_id = ruleId;
  const resolved = action === "resolved";
  const occurredAt = parseDate(metricAlert.date_started) ?? parseDate(metricAlert.date_detected) ?? new Date();
  return {
    source: "sentry",
    externalId: `metric:${incidentId ?? ruleId}`,
    fingerprint: `sentry:metric-rule:${ruleId ?? incidentId}`,
    groupKey: ruleId ? `sentry-metric-rule:${ruleId}` : undefined,
    status: resolved ? "resolved" : "firing",
    title: firstStr(data.description_title, metricAlert.title, rule?.name) ?? `Sentry metric alert ${incidentId}`,
    message: firstStr(data.description_text) ?? "",
    url: toUrl(firstStr(data.web_url)),
    labels,
    sourceSeverity: action === "critical" ? "critical" : action === "warning" ? "medium" : undefined,
    occurredAt,
    resolvedAt: resolved ? (parseDate(metricAlert.date_closed) ?? new Date()) : undefined,
  };
}

/** The resource from the header, or guessed from the body when a proxy dropped the header. */
function resourceOf(req: WebhookRequest, data: Obj | undefined): string | undefined {
  const header = req.headers.get("sentry-hook-resource")?.trim().toLowerCase();
  if (header) return header;
  if (!data) return undefined;
  if (data.metric_alert) return "metric_alert";
  if (data.event) return "event_alert";
  if (data.issue) return "issue";
  if (data.error) return "error";
  return undefined;
}

function ignored(resource: string, action: string): ParseResult {
  return { kind: "control", status: 200, body: { accepted: true, ignored: `sentry ${resource}.${action} carries no alert` } };
}

export const sentryAdapter: SourceAdapter = {
  source: "sentry",

  verify(req, env) {
    const missing = requireSecret(env, "SENTRY_CLIENT_SECRET", env.SENTRY_CLIENT_SECRET);
    if (missing) return missing;
    const signature = req.headers.get("sentry-hook-signature")?.trim();
    if (!signature) return deny("missing sentry-hook-signature header");
    return verifyHmacSignatures(req.rawBody, [signature], [env.SENTRY_CLIENT_SECRET!]);
  },

  parse(body, req): ParseResult {
    if (!isRecord(body)) return { kind: "unmapped", reason: "expected a Sentry webhook object" };
    const data = obj(body.data);
    const resource = resourceOf(req, data);
    const action = (str(body.action) ?? "").toLowerCase();
    if (!resource) return { kind: "unmapped", reason: "no sentry-hook-resource header and no event, issue or metric_alert in data" };
    if (["installation", "comment", "seer", "preprod_artifact"].includes(resource)) return ignored(resource, action);
    if (!data) return { kind: "unmapped", reason: `sentry ${resource} webhook without data` };

    let alert: NormalizedAlert | undefined;
    switch (resource) {
      case "event_alert":
      case "error": {
        const event = obj(data.event) ?? obj(data.error);
        alert = event && fromEvent(event, data, action);
        break;
      }
      case "issue": {
        if (!ISSUE_FIRING.has(action) && action !== "resolved") return ignored(resource, action);
        const issue = obj(data.issue);
        alert = issue && fromIssue(issue, action);
        break;
      }
      case "metric_alert":
        alert = fromMetricAlert(data, action);
        break;
      default:
        return { kind: "unmapped", reason: `unsupported sentry-hook-resource "${resource}"` };
    }
    if (!alert) return { kind: "unmapped", reason: `sentry ${resource} webhook without the expected ids` };
    return { kind: "alerts", alerts: [alert] };
  },

  /** Sentry sends a Request-ID per delivery; fall back to resource + action + the object's id. */
  deliveryId(req, body) {
    const header = firstStr(req.headers.get("request-id"), req.headers.get("sentry-hook-request-id"));
    if (header) return header;
    if (!isRecord(body) || !isRecord(body.data)) return undefined;
    const data = body.data;
    const event = obj(data.event) ?? obj(data.error);
    const id =
      idString(event?.event_id) ?? idString(obj(data.issue)?.id) ?? idString(obj(data.metric_alert)?.id);
    if (!id) return undefined;
    const rule = firstStr(data.triggered_rule) ?? "";
    return `${req.headers.get("sentry-hook-resource") ?? ""}:${str(body.action) ?? ""}:${id}:${rule}`;
  },
};
