import type { SampleAlert } from "../sample-alerts";

/** OpsRelay's own generic JSON webhook body (what a cron job or in-house tool would send). */
export function genericPayload(a: SampleAlert) {
  const at = a.status === "resolved" && a.endedAt ? a.endedAt : a.startedAt;
  return {
    id: `generic-${a.id}`,
    title: a.title,
    status: a.status,
    severity: a.severity,
    service: a.service,
    environment: a.environment,
    message: a.description,
    runbook_url: a.runbook,
    labels: { team: a.team, region: a.region, ...a.labels },
    // Shell scripts send `date +%s`; other tools ISO text.
    timestamp: Number.parseInt(a.id[0], 16) % 3 === 0 ? Math.floor(at.getTime() / 1000) : at.toISOString(),
  };
}
