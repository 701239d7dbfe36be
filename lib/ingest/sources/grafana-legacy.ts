import type { ParseResult } from "../adapter";
import { firstStr, idString, isRecord, normalizeSeverity, num, str, stringLabels, toUrl } from "../parse-helpers";

/**
 * Grafana's legacy dashboard alerting (Grafana ≤ 10): one rule per notification, { ruleId, ruleName,
 * state, title, message, evalMatches, ruleUrl, tags }. A rule keeps one identity across its firings:
 * "ok" resolves it, the next "alerting" reopens it.
 */

const FIRING = new Set(["alerting", "no_data"]);

export function isLegacyGrafana(body: unknown): body is Record<string, unknown> {
  return isRecord(body) && !Array.isArray(body.alerts) && ("ruleId" in body || "evalMatches" in body) && "state" in body;
}

export function parseLegacyGrafana(body: Record<string, unknown>, now = new Date()): ParseResult {
  const state = (str(body.state) ?? "").toLowerCase();
  if (state !== "ok" && !FIRING.has(state)) {
    return { kind: "unmapped", reason: `legacy Grafana alert in state "${state || "missing"}" carries no firing or resolution` };
  }
  const ruleId = idString(body.ruleId);
  const orgId = idString(body.orgId) ?? "1";
  const ruleName = firstStr(body.ruleName, str(body.title)?.replace(/^\[[^\]]+\]\s*/, "")) ?? `Grafana rule ${ruleId ?? "?"}`;
  const identity = `legacy:${orgId}:${ruleId ?? `${idString(body.dashboardId) ?? "?"}:${idString(body.panelId) ?? "?"}:${ruleName}`}`;

  const labels = stringLabels(body.tags);
  labels.grafana_org_id = orgId;
  if (ruleId) labels.grafana_rule_id = ruleId;
  if (state === "no_data") labels.grafana_state = "no_data";
  const matches = Array.isArray(body.evalMatches) ? body.evalMatches.filter(isRecord) : [];
  const values = matches
    .map((m) => `${str(m.metric) ?? "value"}=${num(m.value) ?? str(m.value) ?? "null"}`)
    .join(", ");
  const resolved = state === "ok";
  return {
    kind: "alerts",
    alerts: [
      {
        source: "grafana",
        externalId: identity,
        fingerprint: identity,
        status: resolved ? "resolved" : "firing",
        title: state === "no_data" ? `${ruleName} (no data)` : ruleName,
        message: [str(body.message), values ? `Values: ${values}` : undefined].filter(Boolean).join("\n") || ruleName,
        url: toUrl(body.ruleUrl),
        labels,
        sourceSeverity: normalizeSeverity(labels.severity ?? labels.priority),
        occurredAt: now,
        resolvedAt: resolved ? now : undefined,
      },
    ],
  };
}
