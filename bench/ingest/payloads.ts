/**
 * Request bodies for the ingest benchmark, each unique (new event id, new alert), so every request is
 * a real insert and the row count after the run can be checked exactly.
 */

const SERVICES = ["payments-api", "checkout-web", "route-planner", "inventory-service", "auth-service", "kafka", "redis-cache", "tracking-service"];

/** A customized Datadog template notification for one monitor on one scope. */
export function datadogBody(n: number, runId: string): string {
  const service = SERVICES[n % SERVICES.length];
  const now = Date.now();
  return JSON.stringify({
    id: `${runId}${String(n).padStart(10, "0")}`,
    alert_id: 40_000_000 + n,
    aggreg_key: `${runId}-agg-${n}`,
    alert_transition: "Triggered",
    alert_type: "error",
    priority: `P${(n % 4) + 1}`,
    title: `[Triggered on {service:${service},env:prod}] ${service} p99 latency above threshold (${n})`,
    body: `%%%\np99 latency is ${(1 + (n % 7) / 3).toFixed(2)}s for service:${service}\n%%%`,
    tags: `env:prod,service:${service},team:bench,region:eu-west-1`,
    alert_scope: `env:prod,service:${service},bench_run:${runId},n:${n}`,
    link: `https://app.datadoghq.eu/monitors/${40_000_000 + n}`,
    last_updated: now,
    org: { id: 310442, name: "Parcelwise" },
  });
}

/** An Alertmanager v4 group notification carrying 10 firing alerts. */
export function alertmanagerBody(n: number, runId: string, alertsPerBody = 10): string {
  const startsAt = new Date(Date.now() - 60_000).toISOString();
  const service = SERVICES[n % SERVICES.length];
  const alerts = Array.from({ length: alertsPerBody }, (_, i) => ({
    status: "firing",
    labels: { alertname: "KubePodCrashLooping", namespace: "prod", pod: `${service}-${runId}-${n}-${i}`, service, severity: "warning", bench_run: runId },
    annotations: { summary: `Pod ${service}-${n}-${i} is crash looping`, description: "Back-off restarting failed container" },
    startsAt,
    endsAt: "0001-01-01T00:00:00Z",
    generatorURL: "http://prometheus.parcelwise.internal:9090/graph?g0.expr=kube_pod_container_status_restarts_total",
    fingerprint: `${runId}${n.toString(16).padStart(8, "0")}${i.toString(16).padStart(2, "0")}`,
  }));
  return JSON.stringify({
    version: "4",
    groupKey: `{}:{alertname="KubePodCrashLooping", bench="${runId}-${n}"}`,
    truncatedAlerts: 0,
    status: "firing",
    receiver: "opsrelay",
    groupLabels: { alertname: "KubePodCrashLooping" },
    commonLabels: { alertname: "KubePodCrashLooping", namespace: "prod", service },
    commonAnnotations: {},
    externalURL: "http://alertmanager.parcelwise.internal:9093",
    alerts,
  });
}
