import type { SampleAlert } from "../sample-alerts";
import { GO_ZERO_TIME, groupKey, promFingerprint, promLabels } from "./prometheus-labels";

const quirk = (id: string, n: number) => Number.parseInt(id[n], 16) % 4 === 0;

/** Prometheus Alertmanager webhook body (version 4) for one alert group. */
export function alertmanagerPayload(input: SampleAlert | SampleAlert[], options: { truncatedAlerts?: number } = {}) {
  const alerts = Array.isArray(input) ? input : [input];
  const first = alerts[0];
  const groupLabels = { alertname: first.alertname, cluster: first.cluster };
  const labelSets = alerts.map(promLabels);
  const common = Object.fromEntries(Object.entries(labelSets[0]).filter(([k, v]) => labelSets.every((l) => l[k] === v)));
  const anyFiring = alerts.some((a) => a.status === "firing");
  return {
    version: "4",
    groupKey: groupKey(`{}/{team="${first.team}"}`, groupLabels),
    truncatedAlerts: options.truncatedAlerts ?? (alerts.length > 2 && quirk(first.id, 2) ? 4 : 0),
    status: anyFiring ? "firing" : "resolved",
    receiver: `opsrelay-${first.team}`,
    groupLabels,
    commonLabels: common,
    commonAnnotations: alerts.length === 1 ? annotations(first) : { runbook_url: first.runbook },
    externalURL: "https://alertmanager.parcelwise.internal",
    alerts: alerts.map((a, i) => ({
      status: a.status,
      labels: labelSets[i],
      annotations: annotations(a),
      startsAt: a.startedAt.toISOString(),
      endsAt: a.status === "resolved" && a.endedAt ? a.endedAt.toISOString() : GO_ZERO_TIME,
      // Rules evaluated by a Prometheus without --web.external-url send a relative link.
      generatorURL: `${quirk(a.id, 1) ? "" : "https://prometheus.parcelwise.internal"}/graph?g0.expr=${encodeURIComponent(a.metric.query)}&g0.tab=1`,
      fingerprint: promFingerprint(labelSets[i]),
    })),
  };
}

function annotations(a: SampleAlert): Record<string, string> {
  return { summary: a.summary, description: a.description, runbook_url: a.runbook };
}
