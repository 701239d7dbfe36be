import { ScenarioBuilder, type Scenario } from "./scenario-kit";

/**
 * Held-out scenarios: written after the grouping weights were frozen (commit e03bc22) and never used to
 * tune them, so their score estimates how the grouping does on storms it was not fitted to.
 */
export function holdoutScenarios(): Scenario[] {
  const identity = new ScenarioBuilder(
    "holdout-cascade-identity-db-slow-burn",
    "cascading",
    "identity-db I/O saturation: a slow-burn cascade through auth-service to every login path",
    "2026-11-19T16:20:00Z",
    "A reindex job saturates identity-db's disk I/O. Unlike a hard failover, this degrades slowly: auth-service latency alerts at +4 min, " +
      "sso-gateway at +7, customer-app-api and driver-app-api login errors at +9 and +13, api-gateway error budget at +16. Most " +
      "messages do not name the database. Meanwhile email-sender has an unrelated bounce-rate warning and reporting-api a slow query.",
  )
    .add({ incident: "idb", at: 0, source: "cloudwatch", service: "identity-db", region: "eu-west-1", severity: "high", rule: "identity-db-read-latency", target: "identity-db-prod-0",
      title: "ALARM: \"identity-db ReadLatency > 20ms\" in EU (Ireland)", message: "ReadLatency 0.087 s average over 5 minutes (DiskQueueDepth 48)", resolvesAfter: 50 })
    .add({ incident: "idb", at: 1.5, source: "cloudwatch", service: "identity-db", region: "eu-west-1", severity: "medium", rule: "identity-db-cpu-iowait", target: "identity-db-prod-0",
      title: "ALARM: \"identity-db CPU IOWait high\" in EU (Ireland)", message: "OS metrics: cpu.wait 62% for 3 datapoints", resolvesAfter: 45 })
    .add({ incident: "email", at: 2.0, source: "datadog", service: "email-sender", region: "eu-west-1", severity: "low", rule: "monitor-25001 email bounce rate",
      title: "[Warn] email-sender hard bounce rate above 3%", message: "Bounce rate 3.6% on campaign delivery-updates (invalid recipient domain parcelwise-test.com)", resolvesAfter: 40 })
    .add({ incident: "idb", at: 4.0, source: "datadog", service: "auth-service", region: "eu-west-1", severity: "high", rule: "monitor-21005 auth latency",
      title: "[Triggered] auth-service p99 latency above 1s", message: "p99 2.7s on POST /token; slow queries on users table", resolvesAfter: 45 })
    .add({ incident: "idb", at: 7.0, source: "pagerduty", service: "sso-gateway", region: "eu-west-1", severity: "high", rule: "pd-sso-latency",
      title: "SSO logins slow - identity on-call", message: "Okta bridge reports token exchange taking 6-9s", resolvesAfter: 40 })
    .add({ incident: "idb", at: 9.0, source: "sentry", service: "customer-app-api", region: "eu-west-1", severity: "medium", rule: "customer-app-api LoginTimeout",
      title: "LoginTimeout: token request exceeded 5000ms", message: "customer_api.auth.login (app 5.4.1)", resolvesAfter: 40 })
    .add({ incident: "report", at: 11.0, source: "datadog", service: "reporting-api", region: "eu-west-1", severity: "low", rule: "monitor-10400 reporting slow queries",
      title: "[Warn] reporting-api slow queries", message: "9 queries slower than 5s against warehouse-dw (courier performance report)", resolvesAfter: 20 })
    .add({ incident: "idb", at: 13.0, source: "datadog", service: "driver-app-api", region: "eu-west-1", severity: "high", rule: "monitor-66011 driver login errors",
      title: "[Triggered] driver-app-api login error rate above 5%", message: "Drivers cannot start shift: login times out after 8s", resolvesAfter: 35 })
    .add({ incident: "idb", at: 16.0, source: "datadog", service: "api-gateway", region: "eu-west-1", severity: "critical", rule: "monitor-40021 api-gateway error budget burn",
      title: "[Triggered] api-gateway error budget burn rate 6x", message: "SLO 99.9% availability: 504 from auth-service on token validation", errorCode: "HTTP 504", resolvesAfter: 30 })
    .add({ incident: "idb", at: 18.0, source: "cloudwatch", service: "identity-db", region: "eu-west-1", severity: "critical", rule: "identity-db-write-latency", target: "identity-db-prod-0",
      title: "ALARM: \"identity-db WriteLatency > 50ms\" in EU (Ireland)", message: "WriteLatency 0.21 s; reindex_users job still running", resolvesAfter: 30 })
    .build();

  const rabbit = new ScenarioBuilder(
    "holdout-cascade-rabbitmq-partition",
    "cascading",
    "RabbitMQ network partition: warehouse consumers and notifications stall; label printers chatter as usual",
    "2026-11-20T05:40:00Z",
    "A switch reboot splits the RabbitMQ cluster; queues on the minority node stop. inventory-service, scanner-ingest and " +
      "notification-service (all consume from rabbitmq) alert within minutes, some naming AMQP. At the warehouses, label printers run " +
      "out of labels as every morning (low-severity chatter).",
  )
    .add({ incident: "mq", at: 0, source: "alertmanager", service: "rabbitmq", region: "eu-central-1", severity: "critical", rule: "RabbitMQPartition", target: "rabbit-2", groupBy: ["alertname", "cluster"], labels: { cluster: "mq-prod" },
      title: "RabbitMQPartition", message: "Node rabbit@rabbit-2 reports a network partition with rabbit@rabbit-0, rabbit@rabbit-1", resolvesAfter: 30 })
    .add({ incident: "mq", at: 0.8, source: "alertmanager", service: "rabbitmq", region: "eu-central-1", severity: "high", rule: "RabbitMQQueueNoConsumers", target: "scans.inbound", groupBy: ["alertname", "cluster"], labels: { cluster: "mq-prod" },
      title: "RabbitMQQueueNoConsumers", message: "Queue scans.inbound on vhost /warehouse has 0 consumers and 18k ready messages", resolvesAfter: 30 })
    .add({ incident: "labels", at: 1.0, source: "generic", service: "label-printer-service", region: "eu-central-1", severity: "low", rule: "printer-paper-out-LEJ1", target: "LEJ1",
      title: "Label printer out of labels at LEJ1 dock 4", message: "Printer ZT411-LEJ1-04 reports media out", resolvesAfter: 12 })
    .add({ incident: "mq", at: 2.2, source: "sentry", service: "scanner-ingest", region: "eu-central-1", severity: "high", rule: "scanner ConnectionClosed",
      title: "AMQPConnectionError: connection to rabbit-2:5672 closed", message: "scanner_ingest.consumer.run: reconnecting in 5s", resolvesAfter: 25 })
    .add({ incident: "mq", at: 3.0, source: "grafana", service: "inventory-service", region: "eu-central-1", severity: "medium", rule: "Inventory event backlog", target: "inventory-events",
      title: "Inventory event backlog growing", message: "stock.adjustments consumer idle for 3m; 7,400 events waiting", resolvesAfter: 25 })
    .add({ incident: "mq", at: 4.5, source: "datadog", service: "notification-service", region: "eu-central-1", severity: "medium", rule: "monitor-26010 notification publish errors",
      title: "[Triggered] notification-service publish errors", message: "Publishing to exchange notifications failed: channel closed by broker (PRECONDITION_FAILED)", resolvesAfter: 25 })
    .add({ incident: "labels", at: 6.0, source: "generic", service: "label-printer-service", region: "eu-central-1", severity: "low", rule: "printer-paper-out-DUB2", target: "DUB2",
      title: "Label printer out of labels at DUB2 dock 1", message: "Printer ZT411-DUB2-01 reports media out", resolvesAfter: 10 })
    .add({ incident: "mq", at: 8.0, source: "datadog", service: "warehouse-gateway", region: "eu-central-1", severity: "medium", rule: "monitor-30105 handheld confirmations delayed",
      title: "[Triggered] warehouse-gateway scan confirmations delayed", message: "Handhelds wait > 30s for scan confirmation (inventory-service backlog)", resolvesAfter: 20 })
    .add({ incident: "mq", at: 9.0, source: "alertmanager", service: "rabbitmq", region: "eu-central-1", severity: "high", rule: "RabbitMQQueueNoConsumers", target: "notifications.email", groupBy: ["alertname", "cluster"], labels: { cluster: "mq-prod" },
      title: "RabbitMQQueueNoConsumers", message: "Queue notifications.email on vhost /notify has 0 consumers and 9k ready messages", resolvesAfter: 20 })
    .build();

  const geo = new ScenarioBuilder(
    "holdout-flap-geo-two-problems",
    "flapping",
    "geo-service: a provider rate limit flaps all morning, and a memory leak restarts pods on its own rhythm",
    "2026-11-21T08:00:00Z",
    "The geocoding provider's quota window makes geo-service's 429 monitor flap on and off across hosts (Datadog monitor per host, " +
      "aggregated under one monitor key). Separately, a memory leak in geo-service 4.2 OOM-kills a pod about every 40 minutes. Same " +
      "service, same region, interleaved in time: two problems. Genuinely hard for any grouping that leans on the service name.",
  );
  [0, 3, 26, 29, 55, 83, 86].forEach((at, i) =>
    geo.add({ incident: "quota", at, source: "datadog", service: "geo-service", region: "eu-west-1", severity: "medium", rule: "monitor-51230 geo provider 429", target: `geo-${(i % 3) + 1}`, groupKey: "datadog-monitor-51230",
      title: `[Triggered] geo-service provider 429 rate above 5% on geo-${(i % 3) + 1}`, message: "Geocoding provider answered 429 Too Many Requests (quota window)", errorCode: "HTTP 429", resolvesAfter: 9 }),
  );
  [12, 52, 93].forEach((at, i) =>
    geo.add({ incident: "leak", at, source: "alertmanager", service: "geo-service", region: "eu-west-1", severity: "medium", rule: "KubePodOOMKilled", target: `geo-7f9-${["a", "b", "c"][i]}`, groupBy: ["alertname", "namespace"], labels: { namespace: "routing" },
      title: "KubePodOOMKilled", message: `Container geo in pod geo-7f9-${["a", "b", "c"][i]} was OOMKilled (limit 2Gi), version 4.2.0`, resolvesAfter: 5 }),
  );
  geo.add({ incident: "leak", at: 60, source: "sentry", service: "geo-service", region: "eu-west-1", severity: "low", rule: "geo MemoryError tile cache",
    title: "MemoryError", message: "geo.tiles.cache.put: cannot allocate 64 MiB (tile cache size 1.9 GiB)", resolvesAfter: 5 });

  const ledger = new ScenarioBuilder(
    "holdout-concurrent-two-payment-databases",
    "concurrent",
    "payments-db replica lag and ledger-db archive-log full at the same time",
    "2026-11-22T01:10:00Z",
    "Two databases of the payments team fail at once for unrelated reasons: payments-db's replica lags after a vacuum, and ledger-db's " +
      "archive log destination fills up, blocking ledger writes. payments-api's errors mention E-LEDGER-503 (its ledger calls), so they " +
      "belong to the ledger incident even though payments-api also depends on payments-db. Hard: payments-api sits between the two.",
  )
    .add({ incident: "replica", at: 0, source: "cloudwatch", service: "payments-db", region: "eu-west-1", severity: "medium", rule: "paydb-prod-replica-lag", target: "payments-db-prod-2",
      title: "ALARM: \"payments-db-prod replica lag > 30s\" in EU (Ireland)", message: "ReplicaLag 140 seconds on payments-db-prod-2 (autovacuum on shipments_payments)", resolvesAfter: 40 })
    .add({ incident: "ledger", at: 1.0, source: "pagerduty", service: "ledger-db", region: "eu-west-1", severity: "critical", rule: "pd-oracle-archiver-stuck",
      title: "Oracle ORA-00257: archiver error on ledger-db", message: "Connect internal only until freed: archive destination LOG_ARCHIVE_DEST_1 full", errorCode: "ORA-00257", resolvesAfter: 30 })
    .add({ incident: "ledger", at: 2.0, source: "sentry", service: "ledger-service", region: "eu-west-1", severity: "critical", rule: "ledger DatabaseError ORA-00257",
      title: "DatabaseError: ORA-00257: archiver error", message: "ledger.entries.append E-LEDGER-503", errorCode: "ORA-00257", resolvesAfter: 30 })
    .add({ incident: "ledger", at: 3.0, source: "datadog", service: "payments-api", region: "eu-west-1", severity: "high", rule: "monitor-88140 payments ledger errors",
      title: "[Triggered] payments-api ledger write failures", message: "E-LEDGER-503 from ledger-service on 22% of captures", errorCode: "E-LEDGER-503", resolvesAfter: 30 })
    .add({ incident: "replica", at: 4.0, source: "datadog", service: "payouts-worker", region: "eu-west-1", severity: "low", rule: "monitor-88310 payouts stale reads",
      title: "[Warn] payouts-worker reading stale balances", message: "Replica read of courier balances 2m behind primary", resolvesAfter: 40 })
    .add({ incident: "ledger", at: 5.0, source: "datadog", service: "payouts-worker", region: "eu-west-1", severity: "high", rule: "monitor-88311 payouts ledger errors",
      title: "[Triggered] payouts-worker ledger posting failed", message: "E-LEDGER-503: could not post payout batch to ledger", errorCode: "E-LEDGER-503", resolvesAfter: 30 })
    .add({ incident: "replica", at: 7.0, source: "cloudwatch", service: "payments-db", region: "eu-west-1", severity: "medium", rule: "paydb-prod-replica-lag", target: "payments-db-prod-3",
      title: "ALARM: \"payments-db-prod replica lag > 30s\" in EU (Ireland)", message: "ReplicaLag 95 seconds on payments-db-prod-3", resolvesAfter: 35 })
    .add({ incident: "ledger", at: 9.0, source: "datadog", service: "checkout-web", region: "eu-west-1", severity: "high", rule: "monitor-77010 checkout-web payment step errors", target: "checkout-web-eu-a",
      title: "[Triggered] checkout-web payment step error rate high on checkout-web-eu-a", message: "POST /checkout/pay failing: payments-api returns E-LEDGER-503", errorCode: "E-LEDGER-503", resolvesAfter: 25 })
    .build();

  const checkout = new ScenarioBuilder(
    "holdout-concurrent-checkout-two-faults",
    "concurrent",
    "checkout-web: pricing timeouts and a broken pay button from a frontend release, same region, same minutes",
    "2026-11-23T17:00:00Z",
    "pricing-service slows down (pricing-db lock contention) and checkout-web returns 504 on quote; at the same time a frontend " +
      "release ships a TypeError in the pay button for Safari users. Both land on checkout-web in eu-west-1 within minutes. " +
      "Hard: same service, same place, same time, two causes.",
  )
    .add({ incident: "pricing", at: 0, source: "alertmanager", service: "pricing-db", region: "eu-west-1", severity: "high", rule: "PostgresLockWaitsHigh", target: "pricing-db-0", groupBy: ["alertname", "service"],
      title: "PostgresLockWaitsHigh", message: "pricing-db-0: 140 sessions waiting on locks (ALTER TABLE rates_zone)", resolvesAfter: 25 })
    .add({ incident: "pricing", at: 1.0, source: "datadog", service: "pricing-service", region: "eu-west-1", severity: "high", rule: "monitor-52000 pricing latency",
      title: "[Triggered] pricing-service p99 latency above 2s", message: "p99 6.1s on POST /rates; database statement timeout", resolvesAfter: 25 })
    .add({ incident: "js", at: 1.5, source: "sentry", service: "checkout-web", region: "eu-west-1", severity: "high", rule: "checkout-web TypeError payButton",
      title: "TypeError: undefined is not an object (evaluating 'e.paymentRequest.canMakePayment')", message: "PayButton.tsx in release checkout-web@2026.11.23-2 (Safari 17)", resolvesAfter: 30 })
    .add({ incident: "pricing", at: 2.5, source: "datadog", service: "checkout-web", region: "eu-west-1", severity: "high", rule: "monitor-77040 checkout quote errors",
      title: "[Triggered] checkout-web quote step 504 rate high", message: "GET /checkout/quote 504: pricing-service timed out", errorCode: "HTTP 504", resolvesAfter: 25 })
    .add({ incident: "pricing", at: 3.0, source: "datadog", service: "cart-service", region: "eu-west-1", severity: "medium", rule: "monitor-50100 cart quote latency",
      title: "[Triggered] cart-service quote latency p99 > 1.5s", message: "p99 4.2s for GET /cart/quote waiting on pricing", resolvesAfter: 25 })
    .add({ incident: "js", at: 4.0, source: "datadog", service: "checkout-web", region: "eu-west-1", severity: "high", rule: "monitor-77001 checkout conversion",
      title: "[Triggered] checkout-web conversion rate dropped 25%", message: "Safari orders per minute down 80%; other browsers normal", resolvesAfter: 25 })
    .add({ incident: "js", at: 6.0, source: "sentry", service: "checkout-web", region: "eu-west-1", severity: "medium", rule: "checkout-web Unhandled promise rejection payButton",
      title: "Unhandled Promise Rejection: PaymentRequest is not defined", message: "PayButton.tsx release checkout-web@2026.11.23-2", resolvesAfter: 25 })
    .add({ incident: "pricing", at: 7.0, source: "datadog", service: "checkout-web", region: "eu-west-1", severity: "high", rule: "monitor-77040 checkout quote errors", target: "checkout-web-eu-b",
      title: "[Triggered] checkout-web quote step 504 rate high on checkout-web-eu-b", message: "GET /checkout/quote 504: pricing-service timed out", errorCode: "HTTP 504", resolvesAfter: 20 })
    .build();

  const nodata = new ScenarioBuilder(
    "holdout-noise-agent-rollout-nodata",
    "noise",
    "A monitoring-agent rollout makes 'No Data' monitors fire across unrelated services — one monitoring incident",
    "2026-11-24T11:00:00Z",
    "A Datadog agent upgrade rolls across the data and reporting hosts; while each agent restarts its metrics stop, and several " +
      "[No Data] monitors fire across etl-pipeline, reporting-api and warehouse-dw within eight minutes. It is one incident (the rollout), " +
      "low severity. A real kafka consumer-lag alert lands in the middle. Hard for service-based grouping.",
  );
  [
    [0, "etl-pipeline", "etl-worker-1"],
    [1.5, "reporting-api", "reporting-1"],
    [2.5, "warehouse-dw", "dw-loader-2"],
    [4.0, "etl-pipeline", "etl-worker-2"],
    [6.0, "reporting-api", "reporting-2"],
    [7.5, "warehouse-dw", "dw-loader-1"],
  ].forEach(([at, service, host]) =>
    nodata.add({ incident: "agent", at: at as number, source: "datadog", service: service as string, region: "eu-west-1", severity: "low", rule: `monitor-nodata ${service}`, target: host as string,
      title: `[No Data] ${service} host metrics on ${host}`, message: `No data received for system.cpu.user from ${host} in the last 5 minutes` }),
  );
  nodata.add({ incident: "lag", at: 3.0, source: "grafana", service: "kafka", region: "eu-west-1", severity: "high", rule: "Kafka consumer group lag", target: "tracking-updates",
    title: "Kafka consumer group lag high", message: "tracking-updates lag 95k on parcels.scanned; consumer rebalancing every 30s", resolvesAfter: 30 });
  nodata.add({ incident: "lag", at: 5.0, source: "datadog", service: "tracking-service", region: "eu-west-1", severity: "medium", rule: "monitor-91000 tracking events freshness",
    title: "[Triggered] tracking-service event freshness > 10 min", message: "Newest tracking event is 10m old; Kafka consumer rebalancing", resolvesAfter: 30 });

  const templates = new ScenarioBuilder(
    "holdout-deploy-notification-templates",
    "deploy",
    "A notification template release breaks email, SMS and push at once",
    "2026-11-24T19:30:00Z",
    "notification-service 12.3 ships new delivery templates with a missing variable. Email bounces with a rendering error, the SMS " +
      "gateway rejects over-long messages, and push-service payloads exceed the APNs limit — three services, one release. push-service " +
      "is not a catalog dependency of notification-service. At the same time staging's notification-service runs the same build (its own " +
      "incident), and payouts-worker's nightly batch is slow as usual.",
  )
    .add({ incident: "tmpl", at: 0, source: "generic", service: "notification-service", region: "eu-central-1", severity: "info", rule: "deploy-marker notification-service 12.3.0",
      title: "Deployment: notification-service 12.3.0 rolled out to prod", message: "ArgoCD sync succeeded for notification-service (new delivery templates)" })
    .add({ incident: "tmpl", at: 1.5, source: "sentry", service: "notification-service", region: "eu-central-1", severity: "high", rule: "notifications TemplateError eta_window",
      title: "TemplateError: 'eta_window' is undefined", message: "notifications.render.delivery_update (template delivery_update_v3)", resolvesAfter: 25 })
    .add({ incident: "tmpl", at: 2.5, source: "datadog", service: "email-sender", region: "eu-central-1", severity: "medium", rule: "monitor-25002 email render failures",
      title: "[Triggered] email-sender rejected messages above 5%", message: "SMTP 554 message content rejected: empty body after rendering", errorCode: "SMTP 554", resolvesAfter: 25 })
    .add({ incident: "staging", at: 3.0, source: "sentry", service: "notification-service", env: "staging", region: "eu-central-1", severity: "low", rule: "notifications TemplateError eta_window staging",
      title: "TemplateError: 'eta_window' is undefined", message: "notifications.render.delivery_update (staging)", resolvesAfter: 60 })
    .add({ incident: "tmpl", at: 3.5, source: "datadog", service: "sms-gateway", region: "eu-central-1", severity: "medium", rule: "monitor-20003 sms rejected length",
      title: "[Triggered] sms-gateway messages rejected: too long", message: "Provider rejected 18% of messages: body exceeds 1600 characters", errorCode: "SMS 30006", resolvesAfter: 25 })
    .add({ incident: "tmpl", at: 5.0, source: "sentry", service: "push-service", region: "eu-central-1", severity: "medium", rule: "push PayloadTooLarge",
      title: "APNsError: PayloadTooLarge", message: "push.apns.send: payload 5.1 KB exceeds 4 KB limit (delivery_update_v3)", resolvesAfter: 25 })
    .add({ incident: "payouts", at: 6.0, source: "datadog", service: "payouts-worker", region: "eu-central-1", severity: "low", rule: "monitor-88300 payouts batch duration",
      title: "[Warn] payouts-worker batch duration above 20 min", message: "Batch 2026-11-24-19 took 23 min (expected 15)", resolvesAfter: 30 })
    .add({ incident: "tmpl", at: 8.0, source: "pagerduty", service: "notification-service", region: "eu-central-1", severity: "high", rule: "pd-delivery-notices-failing",
      title: "Delivery notices failing - customer notifications on-call", message: "Customers not receiving delivery updates since 19:31", resolvesAfter: 25 })
    .build();

  return [identity, rabbit, geo.build(), ledger, checkout, nodata.build(), templates];
}
