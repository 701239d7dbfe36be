import { ScenarioBuilder, type Scenario } from "./scenario-kit";

/** Two (or more) unrelated outages at once: same service in two regions, or unrelated services together. */
export function concurrentScenarios(): Scenario[] {
  const regions = new ScenarioBuilder(
    "concurrent-route-planner-two-regions",
    "concurrent",
    "route-planner fails in eu-west-1 (database) and in us-east-1 (bad node) at the same time",
    "2026-10-16T07:30:00Z",
    "routing-db in eu-west-1 runs out of connections after a batch job leaks them, so route-planner EU errors; four minutes later a " +
      "single bad node in us-east-1 makes route-planner US slow. Both fire the same Alertmanager rule, and the route groups by alertname " +
      "only, so the upstream group key is identical across regions. Traps: fingerprint/group-key grouping merges the two regions; a " +
      "time window merges everything; only region evidence separates them.",
  )
    .add({ incident: "eu", at: 0, source: "alertmanager", service: "routing-db", region: "eu-west-1", severity: "critical", rule: "PostgresTooManyConnections", target: "routing-db-eu-0", groupBy: ["alertname"],
      title: "PostgresTooManyConnections", message: "routing-db-eu-0: 498 of 500 connections used; 310 idle in transaction from role batch_reoptimizer", resolvesAfter: 30 })
    .repeat([1.0, 1.6], { incident: "eu", source: "alertmanager", service: "route-planner", region: "eu-west-1", severity: "high", rule: "RoutePlannerHighErrorRate", targets: ["route-planner-eu-a", "route-planner-eu-b"], groupBy: ["alertname"],
      title: "RoutePlannerHighErrorRate", message: "route-planner error rate 14% in eu-west-1: FATAL: sorry, too many clients already", resolvesAfter: 28 })
    .add({ incident: "eu", at: 2.5, source: "sentry", service: "route-planner", region: "eu-west-1", severity: "high", rule: "route-planner OperationalError too many clients",
      title: "OperationalError: FATAL: sorry, too many clients already", message: "route_planner.plan.load_depot_graph (region eu-west-1)", resolvesAfter: 30 })
    .repeat([4.0, 4.5, 5.5], { incident: "us", source: "alertmanager", service: "route-planner", region: "us-east-1", severity: "high", rule: "RoutePlannerHighErrorRate", targets: ["route-planner-us-a", "route-planner-us-b", "route-planner-us-c"], groupBy: ["alertname"],
      title: "RoutePlannerHighErrorRate", message: "route-planner error rate 6% in us-east-1: upstream request timeout after 3000ms", resolvesAfter: 25 })
    .add({ incident: "us", at: 5.0, source: "alertmanager", service: "route-planner", region: "us-east-1", severity: "medium", rule: "RoutePlannerLatencyHigh", target: "route-planner-us", groupBy: ["alertname"],
      title: "RoutePlannerLatencyHigh", message: "p99 plan latency 9.2s in us-east-1; node ip-10-40-7-12 CPU steal 60%", resolvesAfter: 25 })
    .add({ incident: "us", at: 6.0, source: "cloudwatch", service: "route-planner", region: "us-east-1", severity: "medium", rule: "i-0a7f routing node status check", target: "i-0a7f3c2e91b",
      title: "ALARM: \"routing-node StatusCheckFailed_Instance\" in US East (N. Virginia)", message: "StatusCheckFailed_Instance 1.0 for i-0a7f3c2e91b (route-planner node group)", resolvesAfter: 20 })
    .add({ incident: "eu", at: 7.0, source: "datadog", service: "dispatch-service", region: "eu-west-1", severity: "medium", rule: "monitor-60300 dispatch assignment delay",
      title: "[Triggered] dispatch-service assignment delay > 5 min", message: "Parcels waiting for a route: 1,240 in eu-west-1; route-planner returns errors", resolvesAfter: 30 })
    .add({ incident: "eu", at: 9.0, source: "alertmanager", service: "route-planner", region: "eu-west-1", severity: "high", rule: "RoutePlannerHighErrorRate", target: "route-planner-eu-c", groupBy: ["alertname"],
      title: "RoutePlannerHighErrorRate", message: "route-planner error rate 19% in eu-west-1: FATAL: sorry, too many clients already", resolvesAfter: 20 })
    .add({ incident: "us", at: 10.0, source: "sentry", service: "route-planner", region: "us-east-1", severity: "medium", rule: "route-planner TimeoutError solver",
      title: "TimeoutError: solver exceeded 3000ms budget", message: "route_planner.solver.solve_vrp (region us-east-1, node ip-10-40-7-12)", resolvesAfter: 20 })
    .build();

  const unrelated = new ScenarioBuilder(
    "concurrent-sms-and-vpn",
    "concurrent",
    "SMS provider outage and a warehouse VPN tunnel drop at the same minute",
    "2026-11-11T14:00:00Z",
    "The SMS provider has a regional outage: sms-gateway errors and notification-service retries pile up (notification-service depends " +
      "on sms-gateway: one incident). In the same minute, the IPsec tunnel to the Leipzig warehouse drops, so warehouse-gateway and " +
      "inventory-service sync alerts fire (warehouse-gateway depends on warehouse-vpn). And push-service has an unrelated APNs " +
      "certificate warning. Traps: a time window merges all three; notification alerts and warehouse alerts share words like 'timeout'.",
  )
    .add({ incident: "sms", at: 0, source: "datadog", service: "sms-gateway", region: "eu-central-1", severity: "high", rule: "monitor-20001 sms delivery failures",
      title: "[Triggered] sms-gateway delivery failure rate above 10%", message: "Provider returned 503 Service Unavailable for 64% of sends (twilio-bridge)", errorCode: "HTTP 503", resolvesAfter: 45 })
    .add({ incident: "vpn", at: 0.3, source: "cloudwatch", service: "warehouse-vpn", region: "eu-central-1", severity: "critical", rule: "vpn-leipzig-tunnel-state", target: "vpn-0c1d-tunnel-1",
      title: "ALARM: \"wh-vpn LEJ1 TunnelState\" in Europe (Frankfurt)", message: "TunnelState 0 for vpn-0c1d tunnel 1 (Leipzig LEJ1 site)", resolvesAfter: 35 })
    .add({ incident: "vpn", at: 0.6, source: "cloudwatch", service: "warehouse-vpn", region: "eu-central-1", severity: "critical", rule: "vpn-leipzig-tunnel-state", target: "vpn-0c1d-tunnel-2",
      title: "ALARM: \"wh-vpn LEJ1 TunnelState\" in Europe (Frankfurt)", message: "TunnelState 0 for vpn-0c1d tunnel 2 (Leipzig LEJ1 site)", resolvesAfter: 35 })
    .add({ incident: "sms", at: 1.2, source: "sentry", service: "notification-service", region: "eu-central-1", severity: "medium", rule: "notifications SmsProviderError",
      title: "SmsProviderError: 503 from provider after 3 retries", message: "notifications.channels.sms.send: delivery notice for parcel PW-88213 not sent", resolvesAfter: 45 })
    .add({ incident: "vpn", at: 1.8, source: "datadog", service: "warehouse-gateway", region: "eu-central-1", severity: "high", rule: "monitor-30100 wh-gateway site reachability",
      title: "[Triggered] warehouse-gateway cannot reach site LEJ1", message: "Connect timeout to 10.61.0.10:443 (LEJ1 handheld API) for 2m", resolvesAfter: 35 })
    .add({ incident: "sms", at: 2.5, source: "alertmanager", service: "notification-service", region: "eu-central-1", severity: "medium", rule: "NotificationQueueBacklog", target: "notifications-sms", groupBy: ["alertname"],
      title: "NotificationQueueBacklog", message: "queue notifications.sms has 48k ready messages; consumers retrying with backoff", resolvesAfter: 50 })
    .add({ incident: "push", at: 3.0, source: "sentry", service: "push-service", region: "eu-central-1", severity: "low", rule: "push APNs certificate expiring",
      title: "APNsCertificateWarning: certificate expires in 14 days", message: "push.apns.client: production push certificate for com.parcelwise.customer expires 2026-11-25" })
    .add({ incident: "vpn", at: 3.5, source: "grafana", service: "inventory-service", region: "eu-central-1", severity: "medium", rule: "Inventory site sync stale", target: "LEJ1",
      title: "Inventory site sync stale", message: "No stock updates from site LEJ1 for 3 minutes (last sync 14:00:40)", resolvesAfter: 35 })
    .add({ incident: "sms", at: 6.0, source: "datadog", service: "sms-gateway", region: "eu-central-1", severity: "high", rule: "monitor-20002 sms provider latency",
      title: "[Triggered] sms-gateway provider latency p95 > 5s", message: "p95 12.4s to provider API; timeouts after 10s", resolvesAfter: 40 })
    .add({ incident: "vpn", at: 8.0, source: "datadog", service: "warehouse-gateway", region: "eu-central-1", severity: "high", rule: "monitor-30101 handheld sync errors",
      title: "[Triggered] warehouse-gateway handheld sync error rate high", message: "Handheld scanners at LEJ1 failing to sync: connect timeout", resolvesAfter: 30 })
    .add({ incident: "sms", at: 12.0, source: "pagerduty", service: "notification-service", region: "eu-central-1", severity: "high", rule: "pd-delivery-notices-delayed",
      title: "Delivery notices delayed - customer notifications on-call", message: "SMS delivery notices more than 15 minutes late for 30% of parcels", resolvesAfter: 30 })
    .build();

  const dependent = new ScenarioBuilder(
    "concurrent-dependent-services-unrelated-faults",
    "concurrent",
    "payments-api acquirer timeouts and a checkout-web asset outage: linked in the catalog, unrelated in fact",
    "2026-11-18T19:10:00Z",
    "The card acquirer slows down, so payments-api authorisations time out (ACQ-TIMEOUT) — a payments incident. Two minutes later a " +
      "bad CDN config makes checkout-web's static bundle 404 (a checkout incident). checkout-web depends on payments-api in the catalog, " +
      "both are prod/eu-west-1 and close in time: the dependency signal invites a false merge. Later, checkout-web does show payment " +
      "errors — and those belong to the payments incident. Hard for everyone.",
  )
    .repeat([0, 0.8, 1.5], { incident: "acq", source: "datadog", service: "payments-api", region: "eu-west-1", severity: "high", rule: "monitor-88130 acquirer auth timeouts", targets: ["pay-api-1", "pay-api-2", "pay-api-3"],
      title: "[Triggered] payments-api acquirer authorisation timeouts on {target}", message: "ACQ-TIMEOUT: acquirer did not answer within 8s for 9% of authorisations", errorCode: "ACQ-TIMEOUT", resolvesAfter: 40 })
    .add({ incident: "cdn", at: 2.0, source: "datadog", service: "checkout-web", region: "eu-west-1", severity: "high", rule: "monitor-77020 checkout-web asset 404",
      title: "[Triggered] checkout-web static asset 404 rate high", message: "GET /_next/static/chunks/checkout-4f1a.js returning 404 from CDN for 100% of requests after config push", errorCode: "HTTP 404", resolvesAfter: 20 })
    .add({ incident: "cdn", at: 2.6, source: "sentry", service: "checkout-web", region: "eu-west-1", severity: "high", rule: "checkout-web ChunkLoadError",
      title: "ChunkLoadError: Loading chunk 812 failed", message: "(missing: https://cdn.parcelwise.com/_next/static/chunks/checkout-4f1a.js)", resolvesAfter: 20 })
    .add({ incident: "acq", at: 3.5, source: "sentry", service: "payments-api", region: "eu-west-1", severity: "medium", rule: "payments AcquirerTimeout",
      title: "AcquirerTimeout: no response from acquirer within 8000ms", message: "payments.acquirer.authorize ACQ-TIMEOUT", errorCode: "ACQ-TIMEOUT", resolvesAfter: 40 })
    .add({ incident: "cdn", at: 5.0, source: "datadog", service: "checkout-web", region: "eu-west-1", severity: "critical", rule: "monitor-77001 checkout conversion",
      title: "[Triggered] checkout-web conversion rate dropped 60%", message: "Orders per minute 38 vs 97 expected; page fails to render pay button", resolvesAfter: 18 })
    .add({ incident: "acq", at: 9.0, source: "datadog", service: "checkout-web", region: "eu-west-1", severity: "high", rule: "monitor-77010 checkout-web payment step errors", target: "checkout-web-eu-a",
      title: "[Triggered] checkout-web payment step error rate high on checkout-web-eu-a", message: "POST /checkout/pay: 7% of payments fail with ACQ-TIMEOUT from payments-api", errorCode: "ACQ-TIMEOUT", resolvesAfter: 30 })
    .add({ incident: "acq", at: 11.0, source: "pagerduty", service: "payments-api", region: "eu-west-1", severity: "critical", rule: "pd-acquirer-status",
      title: "Acquirer status page: degraded performance (card authorisations)", message: "Acquirer reports elevated latency for EU card authorisations", resolvesAfter: 40 })
    .build();

  return [regions, unrelated, dependent];
}
