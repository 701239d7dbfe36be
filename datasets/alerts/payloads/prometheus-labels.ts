import type { SampleAlert } from "../sample-alerts";
import { stableHex } from "../sample-alerts";

/** The label set a Prometheus rule for this sample would carry. */
export function promLabels(a: SampleAlert): Record<string, string> {
  const severity = { critical: "critical", high: "critical", medium: "warning", low: "warning", info: "info" }[a.severity];
  return { alertname: a.alertname, cluster: a.cluster, service: a.service, team: a.team, severity, env: a.environment, ...a.labels };
}

/** Alertmanager fingerprints are 16 hex digits of a hash over the sorted label set. */
export function promFingerprint(labels: Record<string, string>): string {
  return stableHex(16, ...Object.keys(labels).sort().map((k) => `${k}=${labels[k]}`));
}

export const GO_ZERO_TIME = "0001-01-01T00:00:00Z";

/** `{}:{alertname="X", cluster="y"}` the way Alertmanager prints a group key. */
export function groupKey(route: string, groupLabels: Record<string, string>): string {
  const inner = Object.keys(groupLabels)
    .sort()
    .map((k) => `${k}=${JSON.stringify(groupLabels[k])}`)
    .join(", ");
  return `${route}:{${inner}}`;
}
