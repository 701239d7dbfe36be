import type { SampleAlert } from "../sample-alerts";
import { stableHex } from "../sample-alerts";

/** Deterministic per-sample variation, so samples show the formats real templates produce. */
const quirk = (id: string, n: number) => Number.parseInt(id[n], 16) % 4 === 0;

const PRIORITY = { critical: "P1", high: "P2", medium: "P3", low: "P4", info: "P5" } as const;

/**
 * Datadog webhook body from a customized payload template (the default one plus $ALERT_ID,
 * $ALERT_TRANSITION, $AGGREG_KEY, $TAGS, $ALERT_SCOPE...), as teams usually configure it. The event
 * $ID is a bigint: it is sent unquoted and exceeds 2^53, as Datadog's does.
 */
export function datadogPayload(a: SampleAlert) {
  const recovered = a.status === "resolved";
  const monitorId = Number.parseInt(stableHex(7, "dd-monitor", a.alertname, a.service), 16) % 90_000_000 + 10_000_000;
  const scope = `env:${a.environment},service:${a.service}`;
  const when = (recovered && a.endedAt ? a.endedAt : a.startedAt).getTime();
  const tags = [`env:${a.environment}`, `service:${a.service}`, `team:${a.team}`, `region:${a.region}`, ...Object.entries(a.labels).map(([k, v]) => `${k}:${v}`)];
  return {
    id: BigInt(`0x${stableHex(15, "dd-event", a.id, a.status)}`) * 7n + 1_000_000_000_000_000_000n,
    title: `[${recovered ? "Recovered" : "Triggered"} on {${scope}}] ${a.title}`,
    body: `%%%\n${recovered ? `Recovered: ${a.metric.name} back under ${a.metric.threshold}.` : a.description}\n\nRunbook: ${a.runbook}\n@webhook-opsrelay @slack-${a.team}-alerts\n%%%`,
    last_updated: when,
    event_type: "query_alert_monitor",
    date: when,
    org: { id: 418_237, name: "Parcelwise" },
    alert_id: String(monitorId),
    alert_transition: recovered ? "Recovered" : "Triggered",
    alert_type: recovered ? "success" : a.severity === "medium" ? "warning" : "error",
    alert_priority: PRIORITY[a.severity],
    aggreg_key: stableHex(32, "dd-aggreg", monitorId, scope),
    alert_cycle_key: stableHex(20, "dd-cycle", a.id),
    alert_scope: scope,
    alert_metric: a.metric.name,
    alert_query: `avg(last_5m):avg:${a.metric.name}{${scope}} > ${a.metric.threshold}`,
    // Teams write $TAGS both ways in their templates: "a:b,c:d" and a JSON array.
    tags: quirk(a.id, 0) ? tags : tags.join(","),
    hostname: a.labels.instance ?? a.labels.pod ?? null,
    link: `https://app.datadoghq.eu/monitors/${monitorId}?group=${encodeURIComponent(scope)}&from_ts=${when - 900_000}&to_ts=${when + 300_000}&event_id=${a.id}`,
  };
}
