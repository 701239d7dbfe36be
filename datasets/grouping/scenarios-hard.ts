import { ScenarioBuilder, type Scenario } from "./scenario-kit";

/**
 * Harder dev storms, added when the first dev set scored perfectly on cascading, concurrent and noise:
 * a slow cascade, two problems on one service with dependents of each, and recurring low-severity
 * chatter on the very service that has the real incident. Dev split: tuned on.
 */
export function hardDevScenarios(): Scenario[] {
  const routing = new ScenarioBuilder(
    "cascade-routing-db-slow-burn",
    "cascading",
    "routing-db table bloat slowly starves route-planner; dispatch and the driver app follow over half an hour",
    "2026-11-06T05:30:00Z",
    "Autovacuum has been blocked on routing-db by a forgotten replication slot; the depot_edges table is 40x bloated. At the morning " +
      "planning peak, query times grow minute by minute: routing-db's slow-query alarm fires first, route-planner latency degrades " +
      "12 minutes later, dispatch-service assignments back up after 19, and driver-app-api (two hops, through dispatch) complains " +
      "after 27, when drivers cannot load their routes. Separately, geo-service (which route-planner also depends on) warns that its " +
      "provider quota is 80% used, and the label printers at DUB2 miss a heartbeat. Traps: dependents fire long after the root; " +
      "geo-service is linked to route-planner in the catalog but has its own, unrelated warning.",
  )
    .add({ incident: "routing-db", at: 0, source: "cloudwatch", service: "routing-db", region: "eu-west-1", severity: "medium", rule: "routing-db-prod ReadLatency", target: "routing-db-prod",
      title: "ALARM: \"routing-db-prod ReadLatency > 20ms\" in EU (Ireland)", message: "Threshold Crossed: 3 datapoints [34.2, 41.0, 48.7] ms were greater than the threshold (20 ms)", resolvesAfter: 50 })
    .add({ incident: "routing-db", at: 2.0, source: "alertmanager", service: "routing-db", region: "eu-west-1", severity: "medium", rule: "PostgresDeadTuplesHigh", target: "routing-db-0", groupBy: ["alertname", "service"],
      title: "PostgresDeadTuplesHigh", message: "routing-db table depot_edges has 41M dead tuples (autovacuum blocked: oldest xmin held by slot osm_sync)", resolvesAfter: 60 })
    .add({ incident: "geo-quota", at: 5.0, source: "datadog", service: "geo-service", region: "eu-west-1", severity: "low", rule: "monitor-51230 geo provider quota",
      title: "[Warn] geo-service provider quota above 80%", message: "Geocoding provider daily quota 81% used (resets 00:00 UTC)", resolvesAfter: 90 })
    .add({ incident: "routing-db", at: 12.0, source: "datadog", service: "route-planner", region: "eu-west-1", severity: "high", rule: "monitor-70201 route-planner latency",
      title: "[Triggered] route-planner p95 plan latency above 5s", message: "p95 7.9s on POST /plan; time spent in load_depot_graph query", resolvesAfter: 40 })
    .add({ incident: "printers", at: 14.0, source: "generic", service: "label-printer-service", region: "eu-west-1", severity: "low", rule: "printer-heartbeat-site-DUB2", target: "DUB2",
      title: "Label printer heartbeat missed at site DUB2", message: "1 of 14 printers at DUB2 missed 2 heartbeats", resolvesAfter: 5 })
    .add({ incident: "routing-db", at: 15.5, source: "sentry", service: "route-planner", region: "eu-west-1", severity: "medium", rule: "route-planner QueryCanceled depot graph",
      title: "QueryCanceled: canceling statement due to statement timeout", message: "route_planner.graph.load_depot_graph: SELECT ... FROM depot_edges", resolvesAfter: 35 })
    .add({ incident: "routing-db", at: 19.0, source: "datadog", service: "dispatch-service", region: "eu-west-1", severity: "high", rule: "monitor-60300 dispatch assignment delay",
      title: "[Triggered] dispatch-service assignment delay > 5 min", message: "Parcels waiting for a route: 2,310 in eu-west-1", resolvesAfter: 35 })
    .add({ incident: "geo-quota", at: 22.0, source: "sentry", service: "geo-service", region: "eu-west-1", severity: "low", rule: "geo QuotaWarning",
      title: "QuotaWarning: provider quota 85% used", message: "geo.providers.primary: switching low-priority lookups to cache-only mode", resolvesAfter: 60 })
    .add({ incident: "routing-db", at: 27.0, source: "datadog", service: "driver-app-api", region: "eu-west-1", severity: "high", rule: "monitor-66002 driver-app-api latency",
      title: "[Triggered] driver-app-api p95 latency above 800ms", message: "p95 6.2s on GET /v1/routes/today (drivers cannot load routes)", resolvesAfter: 30 })
    .add({ incident: "routing-db", at: 30.0, source: "pagerduty", service: "dispatch-service", severity: "critical", rule: "pd-depot-ops-routes",
      title: "Depot ops: morning routes not published", message: "DUB-N and DUB-S depots report no routes for the 06:00 wave", resolvesAfter: 30 })
    .build();

  const tracking = new ScenarioBuilder(
    "concurrent-tracking-two-problems",
    "concurrent",
    "tracking-service: a consumer rebalance storm and a bad release at the same time, each with its own customer-facing symptom",
    "2026-11-13T12:00:00Z",
    "tracking-service v7.3.1 ships at 12:00 with a serializer that crashes on parcels without an ETA (KeyError 'eta'): 500s on the " +
      "tracking lookup endpoint, which customer-app-api surfaces as 502s. Three minutes later, unrelated, the platform team's planned " +
      "rolling restart of the Kafka brokers meets a too-short consumer session timeout: a rebalance storm stops tracking-service's " +
      "event consumption (the API pods were not restarted by it): freshness alerts, and " +
      "customer-app-api complaints about stale statuses. Both are tracking-service, prod, eu-central-1, within ten minutes. Traps: " +
      "same service, environment, region and minute; customer-app-api alerts for each problem.",
  )
    .add({ incident: "release", at: 0, source: "generic", service: "tracking-service", region: "eu-central-1", severity: "info", rule: "deploy-marker tracking-service v7.3.1",
      title: "Deployment: tracking-service v7.3.1 to prod", message: "ArgoCD sync succeeded for tracking-service (commit a41c9e0: delivery window serializer)" })
    .add({ incident: "release", at: 1.5, source: "sentry", service: "tracking-service", severity: "high", rule: "tracking KeyError eta",
      title: "KeyError: 'eta'", message: "tracking.api.serializers.parcel_status (release 7.3.1)", resolvesAfter: 25 })
    .add({ incident: "release", at: 2.2, source: "datadog", service: "tracking-service", region: "eu-central-1", severity: "high", rule: "monitor-91010 tracking api 5xx",
      title: "[Triggered] tracking-service 5xx rate above 2%", message: "500 on GET /v2/parcels/{id}/status for 7% of requests", errorCode: "HTTP 500", resolvesAfter: 25 })
    .add({ incident: "rebalance", at: 3.0, source: "alertmanager", service: "tracking-service", region: "eu-central-1", severity: "high", rule: "KafkaConsumerGroupRebalancing", target: "tracking-events", groupBy: ["alertname", "service"],
      title: "KafkaConsumerGroupRebalancing", message: "consumer group tracking-events rebalanced 14 times in 5m (session.timeout.ms 6000)", resolvesAfter: 30 })
    .add({ incident: "release", at: 4.0, source: "datadog", service: "customer-app-api", region: "eu-central-1", severity: "high", rule: "monitor-14020 customer-app-api tracking errors",
      title: "[Triggered] customer-app-api tracking lookup errors above 5%", message: "GET /v1/track/{id} returning 502: tracking-service answered 500", errorCode: "HTTP 502", resolvesAfter: 25 })
    .add({ incident: "rebalance", at: 6.5, source: "datadog", service: "tracking-service", region: "eu-central-1", severity: "medium", rule: "monitor-91000 tracking events freshness",
      title: "[Triggered] tracking-service event freshness > 5 min", message: "Newest tracking event is 6m old; consumer group tracking-events has no stable assignment", resolvesAfter: 30 })
    .add({ incident: "release", at: 7.0, source: "sentry", service: "customer-app-api", severity: "medium", rule: "customer-app-api UpstreamError tracking",
      title: "UpstreamError: tracking-service returned 500", message: "customer_api.tracking.lookup", errorCode: "HTTP 500", resolvesAfter: 20 })
    .add({ incident: "rebalance", at: 9.0, source: "alertmanager", service: "tracking-service", region: "eu-central-1", severity: "medium", rule: "KafkaConsumerLagHigh", target: "tracking-events", groupBy: ["alertname", "service"],
      title: "KafkaConsumerLagHigh", message: "consumer group tracking-events lag 480k on parcels.scanned", resolvesAfter: 30 })
    .add({ incident: "rebalance", at: 12.0, source: "datadog", service: "customer-app-api", region: "eu-central-1", severity: "medium", rule: "monitor-14030 customer-app-api stale tracking",
      title: "[Triggered] customer-app-api stale tracking responses above 10%", message: "14% of tracking lookups show a last event older than 20 min", resolvesAfter: 30 })
    .add({ incident: "release", at: 13.0, source: "generic", service: "tracking-service", region: "eu-central-1", severity: "info", rule: "deploy-marker tracking-service v7.3.0",
      title: "Deployment: tracking-service rolled back to v7.3.0", message: "ArgoCD rollback for tracking-service" })
    .build();

  const gateway = new ScenarioBuilder(
    "noise-gateway-chatter-during-login-outage",
    "noise",
    "api-gateway's routine partner rate-limit chatter keeps firing through a real login outage behind it",
    "2026-11-16T15:00:00Z",
    "Every afternoon partners exceed their API quota and api-gateway's 429 monitor warns every 20 minutes or so; CI queues back up " +
      "and customer-app-api logs a Sentry 404 for retired deep links. At 15:31 an auth-service release raises the bcrypt cost " +
      "factor: logins go CPU-bound, auth-service latency alerts, api-gateway times out on /login (504) and the SSO synthetic fails. " +
      "The partner 429 warning fires again in the middle of the outage. Traps: the 429 chatter is on the same service, environment " +
      "and region as the gateway's outage alerts; recurring chatter must stay in its own incidents.",
  );
  [0, 19, 41, 58, 80].forEach((at) =>
    gateway.add({ incident: "partner-429", at, source: "datadog", service: "api-gateway", region: "eu-west-1", severity: "low", rule: "monitor-40030 api-gateway partner 429",
      title: "[Warn] api-gateway partner 429 rate above 1%", message: "Partner keys over quota: 429 Too Many Requests for 1.8% of /partner/* calls", errorCode: "HTTP 429", resolvesAfter: 18 }),
  );
  [7, 37, 72].forEach((at, i) =>
    gateway.add({ incident: "ci", at, source: "grafana", service: "ci-runners", region: "eu-west-1", severity: "low", rule: "CI queue wait high", target: i % 2 ? "runner-pool-arm" : "runner-pool-x86",
      title: "CI queue wait above 10 minutes", message: `Jobs waiting ${12 + i} min for a runner`, resolvesAfter: 12 }),
  );
  [12, 49].forEach((at) =>
    gateway.add({ incident: "deeplinks", at, source: "sentry", service: "customer-app-api", severity: "info", rule: "customer-app-api DeepLinkNotFound",
      title: "DeepLinkNotFound: /promo/summer-2025 no longer exists", message: "customer_api.links.resolve (old marketing email)", resolvesAfter: 2 }),
  );
  gateway
    .add({ incident: "login", at: 30, source: "generic", service: "auth-service", region: "eu-west-1", severity: "info", rule: "deploy-marker auth-service v9.6.0",
      title: "Deployment: auth-service v9.6.0 rolled out to prod", message: "ArgoCD sync succeeded for auth-service (commit 77b0e2d: raise bcrypt cost to 14)" })
    .add({ incident: "login", at: 33, source: "alertmanager", service: "auth-service", region: "eu-west-1", severity: "high", rule: "AuthLoginLatencyHigh", target: "auth-service", groupBy: ["alertname", "service"],
      title: "AuthLoginLatencyHigh", message: "auth-service login p99 3.8s; CPU throttled on all pods", resolvesAfter: 25 })
    .add({ incident: "login", at: 34.5, source: "datadog", service: "api-gateway", region: "eu-west-1", severity: "high", rule: "monitor-40001 api-gateway 5xx",
      title: "[Triggered] api-gateway 5xx rate above 1%", message: "504 Gateway Timeout on POST /login for 9% of requests", errorCode: "HTTP 504", resolvesAfter: 25 })
    .add({ incident: "login", at: 36, source: "pagerduty", service: "sso-gateway", region: "eu-west-1", severity: "high", rule: "pd-sso-synthetic-prod",
      title: "Synthetic SSO login check failing", message: "Okta bridge login flow timed out after 10s", resolvesAfter: 22 })
    .add({ incident: "login", at: 39, source: "datadog", service: "api-gateway", region: "eu-west-1", severity: "critical", rule: "monitor-40021 api-gateway error budget burn",
      title: "[Triggered] api-gateway error budget burn rate 9x", message: "SLO 99.9% availability: burn rate 9.1 over 5m", resolvesAfter: 20 })
    .add({ incident: "login", at: 46, source: "generic", service: "auth-service", region: "eu-west-1", severity: "info", rule: "deploy-marker auth-service v9.5.2",
      title: "Deployment: auth-service rolled back to v9.5.2", message: "ArgoCD rollback for auth-service" });

  const redisWarn = new ScenarioBuilder(
    "noise-standing-redis-warning-cart-bug",
    "noise",
    "A standing redis memory warning fires all afternoon; cart-service ships a bug underneath it",
    "2026-11-19T13:00:00Z",
    "redis-cache sits at 78% memory after a key-TTL change and its low-severity warning stays firing for hours (the platform team " +
      "tracks it in a ticket). At 13:40 cart-service v4.2.0 breaks discount rounding: cart quote errors, Sentry exceptions, and " +
      "checkout-web (which calls cart-service) sees quote mismatches. Later fraud-scorer (also on redis) logs a model-version " +
      "warning of its own. Traps: every service here depends on redis-cache, whose warning is still firing: a cascade rule that " +
      "trusts any firing dependency merges the cart bug into the redis warning.",
  )
    .add({ incident: "redis-mem", at: 0, source: "alertmanager", service: "redis-cache", region: "eu-west-1", severity: "low", rule: "RedisMemoryWarning", target: "redis-cache-0:9121", groupBy: ["alertname", "service"],
      title: "RedisMemoryWarning", message: "redis-cache-0 used_memory is 78% of maxmemory (8 GiB) for 30m", resolvesAfter: 180 })
    .add({ incident: "redis-mem", at: 25, source: "alertmanager", service: "redis-cache", region: "eu-west-1", severity: "low", rule: "RedisMemoryWarning", target: "redis-cache-1:9121", groupBy: ["alertname", "service"],
      title: "RedisMemoryWarning", message: "redis-cache-1 used_memory is 76% of maxmemory (8 GiB) for 30m", resolvesAfter: 150 })
    .add({ incident: "cart-bug", at: 40, source: "generic", service: "cart-service", region: "eu-west-1", severity: "info", rule: "deploy-marker cart-service v4.2.0",
      title: "Deployment: cart-service v4.2.0 rolled out to prod", message: "ArgoCD sync succeeded for cart-service (commit c0ffee1: stackable discounts)" })
    .add({ incident: "cart-bug", at: 43, source: "datadog", service: "cart-service", region: "eu-west-1", severity: "high", rule: "monitor-50110 cart quote errors",
      title: "[Triggered] cart-service quote error rate above 3%", message: "Quotes rejected: discount total exceeds line items", errorCode: "E-CART-DISCOUNT", resolvesAfter: 25 })
    .add({ incident: "cart-bug", at: 44, source: "sentry", service: "cart-service", region: "eu-west-1", severity: "high", rule: "cart DiscountOverflow",
      title: "DiscountOverflowError: E-CART-DISCOUNT stacked discounts exceed subtotal", message: "cart.pricing.apply_discounts (release 4.2.0)", errorCode: "E-CART-DISCOUNT", resolvesAfter: 25 })
    .add({ incident: "cart-bug", at: 46.5, source: "datadog", service: "checkout-web", region: "eu-west-1", severity: "high", rule: "monitor-77030 checkout quote mismatch",
      title: "[Triggered] checkout-web price mismatch errors", message: "Customers see 'price changed' on the pay step: cart-service quote rejected", resolvesAfter: 25 })
    .add({ incident: "fraud-model", at: 58, source: "sentry", service: "fraud-scorer", region: "eu-west-1", severity: "low", rule: "fraud ModelVersionWarning",
      title: "ModelVersionWarning: scoring with model v31 older than 14 days", message: "fraud_scorer.model.load: retraining pipeline skipped last run", resolvesAfter: 120 })
    .add({ incident: "cart-bug", at: 60, source: "generic", service: "cart-service", region: "eu-west-1", severity: "info", rule: "deploy-marker cart-service v4.1.9",
      title: "Deployment: cart-service rolled back to v4.1.9", message: "ArgoCD rollback for cart-service" })
    .add({ incident: "redis-mem", at: 75, source: "alertmanager", service: "redis-cache", region: "eu-west-1", severity: "medium", rule: "RedisEvictionsNonZero", target: "redis-cache-0:9121", groupBy: ["alertname", "service"],
      title: "RedisEvictionsNonZero", message: "redis-cache-0 evicted 120 keys in 5m (maxmemory-policy allkeys-lru)", resolvesAfter: 30 })
    .build();

  const lagging = new ScenarioBuilder(
    "cascade-lagging-db-alarm",
    "cascading",
    "ledger-db I/O credits run out; the applications notice first and the database alarm arrives a quarter of an hour later",
    "2026-11-22T09:00:00Z",
    "ledger-db's gp2 volume burns through its I/O burst credits. Latency climbs, and the applications notice first: ledger-service " +
      "timeouts at 09:00, payments-api capture latency at 09:03. The CloudWatch alarm on the database evaluates 3 datapoints of 5 " +
      "minutes, so 'BurstBalance low' arrives at 09:14 and 'WriteLatency high' at 09:16 — after the symptoms, while they still fire. " +
      "payouts-worker batches slow down at 09:20. Unrelated: a Sentry issue in customer-app-api at 09:08. Traps: the root cause " +
      "alarm arrives long after the first symptoms.",
  )
    .add({ incident: "ledger-io", at: 0, source: "datadog", service: "ledger-service", region: "eu-west-1", severity: "high", rule: "monitor-80030 ledger latency",
      title: "[Triggered] ledger-service p99 latency > 1s", message: "p99 3.2s on POST /entries; database commit time 2.8s", resolvesAfter: 40 })
    .add({ incident: "ledger-io", at: 1.5, source: "sentry", service: "ledger-service", region: "eu-west-1", severity: "medium", rule: "ledger StatementTimeout",
      title: "QueryCanceled: canceling statement due to statement timeout", message: "ledger.entries.append: INSERT INTO entries", resolvesAfter: 40 })
    .add({ incident: "ledger-io", at: 3.0, source: "datadog", service: "payments-api", region: "eu-west-1", severity: "high", rule: "monitor-88151 payments capture latency",
      title: "[Triggered] payments-api capture latency above 2s", message: "POST /v2/captures p95 4.1s: waiting on ledger-service", resolvesAfter: 35 })
    .add({ incident: "deeplink", at: 8.0, source: "sentry", service: "customer-app-api", severity: "low", rule: "customer-app-api DeepLinkNotFound",
      title: "DeepLinkNotFound: /promo/autumn no longer exists", message: "customer_api.links.resolve", resolvesAfter: 2 })
    .add({ incident: "ledger-io", at: 14.0, source: "cloudwatch", service: "ledger-db", region: "eu-west-1", severity: "high", rule: "ledger-db-prod BurstBalance", target: "ledger-db-prod",
      title: "ALARM: \"ledger-db-prod BurstBalance < 10%\" in EU (Ireland)", message: "Threshold Crossed: 3 datapoints [8.1, 4.0, 0.7] were less than the threshold (10.0)", resolvesAfter: 60 })
    .add({ incident: "ledger-io", at: 16.0, source: "cloudwatch", service: "ledger-db", region: "eu-west-1", severity: "high", rule: "ledger-db-prod WriteLatency", target: "ledger-db-prod",
      title: "ALARM: \"ledger-db-prod WriteLatency > 50ms\" in EU (Ireland)", message: "Threshold Crossed: 3 datapoints [88.0, 140.2, 210.9] ms were greater than the threshold (50 ms)", resolvesAfter: 55 })
    .add({ incident: "ledger-io", at: 20.0, source: "datadog", service: "payouts-worker", region: "eu-west-1", severity: "medium", rule: "monitor-88300 payouts batch duration",
      title: "[Warn] payouts-worker batch duration above 20 min", message: "Batch 2026-11-22-09 running for 26 min (expected 15); ledger writes slow", resolvesAfter: 30 })
    .build();

  return [routing, tracking, gateway.build(), redisWarn, lagging];
}
