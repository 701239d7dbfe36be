/**
 * Heartbeat alerts fire forever on purpose (kube-prometheus' Watchdog, the DeadMansSwitch convention): they
 * prove that the chain monitoring → Alertmanager → OpsRelay works. Grouping them would open an incident
 * that never ends, so triage records them and the heartbeat monitor watches for them to stop instead.
 */

export interface HeartbeatCandidate {
  title: string;
  labels: unknown;
}

/** The heartbeat's name when the alert is one (by `alertname` label, else by title), otherwise null. */
export function heartbeatName(alert: HeartbeatCandidate, names: readonly string[]): string | null {
  const labels = alert.labels && typeof alert.labels === "object" ? (alert.labels as Record<string, unknown>) : {};
  const alertname = typeof labels.alertname === "string" ? labels.alertname.trim() : "";
  for (const candidate of [alertname, alert.title.trim()]) {
    if (candidate && names.includes(candidate.toLowerCase())) return candidate;
  }
  return null;
}
