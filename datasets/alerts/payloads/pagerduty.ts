import { teamName, loadCatalog } from "../catalog";
import type { SampleAlert } from "../sample-alerts";
import { stableHex } from "../sample-alerts";

const PRIORITY = { critical: "P1", high: "P2", medium: "P3", low: "P4", info: "P5" } as const;

/** PagerDuty-style ids: "Q" + 13 upper-case alphanumerics. */
function pdId(...parts: string[]): string {
  return `Q${BigInt(`0x${stableHex(16, ...parts)}`).toString(36).toUpperCase().padStart(13, "0").slice(0, 13)}`;
}

/** PagerDuty V3 webhook body: incident.triggered for a firing sample, incident.resolved otherwise. */
export function pagerdutyPayload(a: SampleAlert) {
  const resolved = a.status === "resolved";
  const incidentId = pdId("pd-incident", a.id);
  const serviceId = pdId("pd-service", a.service);
  const number = 1000 + (Number.parseInt(stableHex(6, "pd-number", a.id), 16) % 9000);
  const team = teamName(loadCatalog(), a.team);
  const occurredAt = resolved && a.endedAt ? a.endedAt : a.startedAt;
  const ref = (type: string, id: string, summary: string, path: string) => ({
    html_url: `https://parcelwise.pagerduty.com/${path}/${id}`,
    id,
    self: `https://api.pagerduty.com/${path}/${id}`,
    summary,
    type,
  });
  return {
    event: {
      id: `01${stableHex(24, "pd-event", a.id, a.status).toUpperCase()}`,
      event_type: resolved ? "incident.resolved" : "incident.triggered",
      resource_type: "incident",
      occurred_at: occurredAt.toISOString(),
      agent: resolved ? ref("user_reference", pdId("pd-user", a.team), `${team} on-call`, "users") : ref("service_reference", serviceId, a.service, "service-directory"),
      client: null,
      data: {
        id: incidentId,
        type: "incident",
        self: `https://api.pagerduty.com/incidents/${incidentId}`,
        html_url: `https://parcelwise.pagerduty.com/incidents/${incidentId}`,
        number,
        status: resolved ? "resolved" : "triggered",
        incident_key: stableHex(32, "pd-key", a.kind, a.service),
        created_at: a.startedAt.toISOString(),
        title: `${a.title}: ${a.summary}`,
        service: ref("service_reference", serviceId, a.service, "service-directory"),
        assignees: [ref("user_reference", pdId("pd-user", a.team), `${team} on-call`, "users")],
        escalation_policy: ref("escalation_policy_reference", pdId("pd-ep", a.team), `${team} escalation`, "escalation_policies"),
        teams: [ref("team_reference", pdId("pd-team", a.team), team, "teams")],
        priority: ref("priority", pdId("pd-priority", PRIORITY[a.severity]), PRIORITY[a.severity], "account/incident_priorities"),
        urgency: a.severity === "critical" || a.severity === "high" ? "high" : "low",
        conference_bridge: null,
        resolve_reason: null,
      },
    },
  };
}
