import { ScenarioBuilder, type Scenario } from "./scenario-kit";

/**
 * Fifth held-out batch: written and committed (2026-11-26) before the fifth round of grouping changes and before
 * reading any held-out-4 decision, from how outages at a parcel company unfold and how platforms word them. Covers every
 * family: a ledger-db vacuum cascade next to the same service failing in another region, a pricing-db bad plan next to
 * an unrelated fraud-scorer OOM (checkout-web sits on both), a route-planner release next to an unrelated app release,
 * an hourly ETL job flapping next to a flaky synthetic probe, a DKIM DNS change with a night of chatter and a late
 * support escalation, a cluster that cannot add nodes under unrelated pending pods, and an inventory-db storage-full that
 * resolves and re-fires next to warehouse-floor chatter. Never tuned on while it is the newest batch. Labels are what the on-call engineer would call one incident.
 */
export function holdout5Scenarios(): Scenario[] {
  const ledger = new ScenarioBuilder(
    "holdout5-cascade-ledger-db-vacuum",
    "cascading",
    "An anti-wraparound autovacuum on ledger-db's biggest table starves IO; ledger-service, payments-api and payouts-worker follow in us-east-1 while eu-west-1 payments-api has its own blip",
    "2026-11-23T15:05:00Z",
    "At 15:05 PostgreSQL starts an anti-wraparound autovacuum on ledger_entries (1.4 TB) in us-east-1. Read IOPS hit the " +
      "provisioned ceiling; ledger-service queries slow down and its pool saturates; payments-api (depends on ledger-service) " +
      "times out on capture; payouts-worker's batch falls behind. The DBA throttles the vacuum (cost limit) at 15:38; latency " +
      "recovers, and ledger-service's latency alert re-fires once at 15:52 when the vacuum resumes its last phase. Unrelated: " +
      "payments-api in eu-west-1 has a 4-minute error blip at 15:14 because one acquirer endpoint there returns 502s, and a " +
      "kafka consumer-group rebalance warning (ledger-service depends on kafka) fires during a routine broker config reload. " +
      "Traps: the same service in two regions at once; a warning on a catalog dependency that is not the cause; the re-fire.",
  )
    .add({ incident: "vacuum", at: 0, source: "datadog", service: "ledger-db", region: "us-east-1", severity: "high", rule: "monitor-51200 ledger-db read iops", target: "ledger-db-prod-use1",
      title: "[Triggered] ledger-db ReadIOPS at provisioned limit on ledger-db-prod-use1", message: "aws.rds.read_iops 11,980 (limit 12,000) for 5m; disk queue depth 64", resolvesAfter: 40 })
    .add({ incident: "vacuum", at: 2.5, source: "alertmanager", service: "ledger-db", region: "us-east-1", severity: "medium", rule: "PostgresqlLongRunningTransaction", target: "ledger-db-prod-use1", groupBy: ["alertname", "cluster"], labels: { cluster: "prod-use1", datname: "ledger" },
      title: "PostgresqlLongRunningTransaction", message: "autovacuum: VACUUM public.ledger_entries (to prevent wraparound) running for 2m31s", resolvesAfter: 36 })
    .add({ incident: "vacuum", at: 4.0, source: "datadog", service: "ledger-service", region: "us-east-1", severity: "high", rule: "monitor-51010 ledger-service p99", target: "ledger-service",
      title: "[Triggered] ledger-service p99 latency above 1.5s", message: "p99 6.2s on POST /entries (us-east-1)", resolvesAfter: 33 })
    .add({ incident: "vacuum", at: 5.2, source: "sentry", service: "ledger-service", severity: "high", rule: "ledger QueuePool limit reached",
      title: "TimeoutError: QueuePool limit of size 20 overflow 10 reached, connection timed out, timeout 30.00", message: "ledger.api.entries.create_entry", resolvesAfter: 30 })
    .add({ incident: "kafka-rebalance", at: 6.0, source: "alertmanager", service: "kafka", region: "us-east-1", severity: "low", rule: "KafkaConsumerGroupRebalancing", target: "kafka-2", groupBy: ["alertname", "cluster"], labels: { cluster: "prod-use1", consumergroup: "ledger-projector" },
      title: "KafkaConsumerGroupRebalancing", message: "Consumer group ledger-projector is rebalancing (broker kafka-2 config reload)", resolvesAfter: 3 })
    .add({ incident: "vacuum", at: 7.5, source: "datadog", service: "payments-api", region: "us-east-1", severity: "critical", rule: "monitor-40100 payments-api capture errors", target: "payments-api",
      title: "[Triggered] payments-api capture error rate above 3% in us-east-1", message: "capture errors 14.8%: upstream ledger-service timeout after 5000ms", errorCode: "HTTP 504", resolvesAfter: 28 })
    .add({ incident: "euw-acquirer", at: 9.0, source: "datadog", service: "payments-api", region: "eu-west-1", severity: "high", rule: "monitor-40100 payments-api capture errors", target: "payments-api",
      title: "[Triggered] payments-api capture error rate above 3% in eu-west-1", message: "capture errors 6.1%: acquirer adyen-eu returned 502 Bad Gateway", errorCode: "HTTP 502", resolvesAfter: 4 })
    .add({ incident: "vacuum", at: 10.0, source: "sentry", service: "payments-api", severity: "high", rule: "payments LedgerTimeout",
      title: "LedgerTimeout: ledger-service did not acknowledge entry within 5s", message: "payments.capture.post_ledger_entry", resolvesAfter: 26 })
    .add({ incident: "euw-acquirer", at: 9.6, source: "sentry", service: "payments-api", severity: "medium", rule: "payments AcquirerBadGateway",
      title: "AcquirerError: 502 Bad Gateway from adyen-eu", message: "payments.acquirers.adyen.authorise", errorCode: "HTTP 502", resolvesAfter: 4 })
    .add({ incident: "vacuum", at: 14.0, source: "grafana", service: "payouts-worker", region: "us-east-1", severity: "medium", rule: "Payout batch behind schedule", target: "payouts-worker",
      title: "Payout batch behind schedule", message: "batch 2026-11-23T15 is 11 minutes late; 38% of payouts processed", resolvesAfter: 30 })
    .add({ incident: "vacuum", at: 20.0, source: "pagerduty", service: "payments-api", severity: "high", rule: "pd-merchant-support-captures",
      title: "Merchants report delayed payment captures (US)", message: "Three enterprise merchants escalated: captures pending for 15+ minutes since 15:10 ET dashboard", resolvesAfter: 25 })
    .add({ incident: "vacuum", at: 33.0, source: "generic", service: "ledger-db", region: "us-east-1", severity: "info", rule: "dba-change-ledger-vacuum-throttle",
      title: "Change applied: autovacuum_vacuum_cost_limit lowered on ledger-db-prod-use1", message: "DBA on call: throttling the wraparound vacuum on ledger_entries to give IO back to the application" })
    .add({ incident: "vacuum", at: 47.0, source: "datadog", service: "ledger-service", region: "us-east-1", severity: "medium", rule: "monitor-51010 ledger-service p99", target: "ledger-service",
      title: "[Triggered] ledger-service p99 latency above 1.5s", message: "p99 1.9s on POST /entries (us-east-1)", resolvesAfter: 6 })
    .build();

  const pricing = new ScenarioBuilder(
    "holdout5-concurrent-pricing-plan-and-fraud-oom",
    "concurrent",
    "pricing-db picks a bad plan after an ANALYZE and pricing calls crawl, while fraud-scorer pods are OOM-killed after a model refresh; checkout-web alerts for both",
    "2026-11-24T11:40:00Z",
    "A nightly ANALYZE left stale statistics on price_rules; at 11:40 pricing-db switches the hot lookup to a sequential scan. " +
      "pricing-service and promo-service (both on pricing-db) slow down, cart-service totals time out, and checkout-web shows " +
      "'prices unavailable'. At 11:43, unrelated, the fraud-scorer deployment loads a model twice the old size and its pods are " +
      "OOMKilled in a loop; payments-api falls back to 'review' and then declines. checkout-web (on both cart-service and payments-api) " +
      "alerts for each: price lookups timing out belong to pricing; payment declines belong to fraud. The DBA pins the plan at 12:05; " +
      "fraud-scorer is rolled back to the previous model at 12:08. Traps: two outages in one env, region and minute; checkout-web " +
      "has two problems; both causes are one catalog hop from payments or checkout.",
  )
    .add({ incident: "pricing", at: 0, source: "datadog", service: "pricing-db", region: "eu-west-1", severity: "high", rule: "monitor-61000 pricing-db cpu", target: "pricing-db-prod",
      title: "[Triggered] pricing-db CPU above 90% on pricing-db-prod", message: "aws.rds.cpuutilization 97.4% for 5m", resolvesAfter: 26 })
    .add({ incident: "pricing", at: 1.5, source: "sentry", service: "pricing-service", severity: "high", rule: "pricing QueryCanceled",
      title: "QueryCanceled: canceling statement due to statement timeout", message: "pricing.rules.lookup_price (SELECT ... FROM price_rules WHERE sku = ANY(...))", resolvesAfter: 24 })
    .add({ incident: "pricing", at: 2.0, source: "alertmanager", service: "pricing-service", region: "eu-west-1", severity: "high", rule: "HighRequestLatency", target: "pricing-service", groupBy: ["alertname", "service"],
      title: "HighRequestLatency", message: "pricing-service 99th percentile request latency is 4.8s (threshold 500ms)", resolvesAfter: 24 })
    .add({ incident: "fraud", at: 3.0, source: "alertmanager", service: "fraud-scorer", region: "eu-west-1", severity: "high", rule: "KubePodCrashLooping", target: "fraud-scorer-7c9d8-x2k4p", groupBy: ["alertname", "namespace"], labels: { namespace: "payments", pod: "fraud-scorer-7c9d8-x2k4p", reason: "OOMKilled" },
      title: "KubePodCrashLooping", message: "Pod payments/fraud-scorer-7c9d8-x2k4p (scorer) is in waiting state (reason: \"CrashLoopBackOff\"), last terminated: OOMKilled", resolvesAfter: 26 })
    .add({ incident: "pricing", at: 3.5, source: "datadog", service: "promo-service", region: "eu-west-1", severity: "medium", rule: "monitor-61200 promo-service latency", target: "promo-service",
      title: "[Triggered] promo-service p95 latency above 800ms", message: "p95 3.1s on GET /promotions/eligible", resolvesAfter: 23 })
    .add({ incident: "fraud", at: 4.0, source: "alertmanager", service: "fraud-scorer", region: "eu-west-1", severity: "high", rule: "KubePodCrashLooping", target: "fraud-scorer-7c9d8-m8q2z", groupBy: ["alertname", "namespace"], labels: { namespace: "payments", pod: "fraud-scorer-7c9d8-m8q2z", reason: "OOMKilled" },
      title: "KubePodCrashLooping", message: "Pod payments/fraud-scorer-7c9d8-m8q2z (scorer) is in waiting state (reason: \"CrashLoopBackOff\"), last terminated: OOMKilled", resolvesAfter: 25 })
    .add({ incident: "pricing", at: 4.5, source: "sentry", service: "cart-service", severity: "high", rule: "cart PricingTimeout",
      title: "ReadTimeout: HTTPConnectionPool(host='pricing-service', port=80): Read timed out. (read timeout=2)", message: "cart.totals.recalculate", resolvesAfter: 22 })
    .add({ incident: "fraud", at: 5.5, source: "datadog", service: "payments-api", region: "eu-west-1", severity: "critical", rule: "monitor-40300 payments-api decline rate", target: "payments-api",
      title: "[Triggered] payments-api authorisation decline rate above 15%", message: "declines 41%: reason fraud_check_unavailable", resolvesAfter: 22 })
    .add({ incident: "pricing", at: 6.0, source: "grafana", service: "checkout-web", region: "eu-west-1", severity: "high", rule: "Checkout price lookup errors", target: "checkout-web",
      title: "Checkout price lookup errors above 5%", message: "'prices unavailable' banner shown on 23% of cart views; cart-service totals timing out", resolvesAfter: 21 })
    .add({ incident: "fraud", at: 7.0, source: "sentry", service: "payments-api", severity: "high", rule: "payments FraudScorerUnavailable",
      title: "ConnectionRefusedError: fraud-scorer:8080 connection refused", message: "payments.risk.score_transaction", resolvesAfter: 21 })
    .add({ incident: "fraud", at: 8.5, source: "grafana", service: "checkout-web", region: "eu-west-1", severity: "high", rule: "Checkout payment success rate", target: "checkout-web",
      title: "Checkout payment success rate below 90%", message: "payment step success 58% over 10m; most failures are authorisation declines", resolvesAfter: 20 })
    .add({ incident: "pricing", at: 10.0, source: "pagerduty", service: "checkout-web", severity: "high", rule: "pd-cx-checkout-prices",
      title: "Customer support: shoppers see 'prices unavailable' in the basket", message: "42 chats in 10 minutes about missing prices; screenshots attached" })
    .add({ incident: "fraud", at: 12.0, source: "datadog", service: "fraud-scorer", region: "eu-west-1", severity: "medium", rule: "monitor-62000 fraud-scorer memory", target: "fraud-scorer",
      title: "[Triggered] fraud-scorer container memory above 95% of limit", message: "kubernetes.memory.usage 3.9GiB / limit 4GiB on 3 of 3 pods", resolvesAfter: 16 })
    .add({ incident: "pricing", at: 25.0, source: "generic", service: "pricing-db", region: "eu-west-1", severity: "info", rule: "dba-change-pricing-plan-pin",
      title: "Change applied: pg_hint_plan pin for price_rules lookup on pricing-db-prod", message: "Forcing index scan on price_rules_sku_idx until statistics are fixed" })
    .add({ incident: "fraud", at: 28.0, source: "generic", service: "fraud-scorer", region: "eu-west-1", severity: "info", rule: "argocd-fraud-scorer-rollback",
      title: "ArgoCD: fraud-scorer rolled back to revision 41", message: "Sync succeeded; model fraud-gbm-2026-11-17 restored" })
    .build();

  const release = new ScenarioBuilder(
    "holdout5-deploy-route-planner-release-and-app-release",
    "deploy",
    "route-planner 5.2 calls geo-service once per stop instead of once per route; geo-service and redis-cache saturate; customer-app-api ships an unrelated bug the same hour",
    "2026-11-25T09:00:00Z",
    "route-planner 5.2.0 is synced by ArgoCD at 09:00. A refactor moved the geocode call inside the per-stop loop, so geo-service " +
      "traffic goes up 40x; geo-service's redis-cache hit path saturates CPU on the shared redis, route-planner times out building " +
      "morning routes, and dispatch-service (on route-planner) cannot assign drivers. Rolled back at 09:31. At 09:12, unrelated, " +
      "customer-app-api 3.18 ships and Sentry opens a new issue (KeyError on 'eta_window' from older app versions) with a 4xx " +
      "monitor. Traps: two releases in the same hour; the shared redis-cache CPU alert names neither route-planner nor geo-service; " +
      "customer-app-api and dispatch-service both serve drivers/customers and both alert in the window.",
  )
    .add({ incident: "route", at: 0, source: "generic", service: "route-planner", region: "eu-west-1", severity: "info", rule: "argocd-route-planner-sync",
      title: "ArgoCD: route-planner synced to 5.2.0", message: "Application route-planner sync succeeded (revision a41c9e2)" })
    .add({ incident: "route", at: 3.0, source: "datadog", service: "geo-service", region: "eu-west-1", severity: "medium", rule: "monitor-70100 geo-service request rate", target: "geo-service",
      title: "[Triggered] geo-service requests/s anomalous (40x baseline)", message: "trace.http.request.hits 18.2k/s vs 450/s forecast", resolvesAfter: 32 })
    .add({ incident: "route", at: 4.5, source: "alertmanager", service: "redis-cache", region: "eu-west-1", severity: "high", rule: "RedisHighCpu", target: "redis-cache-0", groupBy: ["alertname", "cluster"], labels: { cluster: "prod-euw1" },
      title: "RedisHighCpu", message: "Redis instance redis-cache-0 CPU at 98% (single-threaded command loop saturated)", resolvesAfter: 28 })
    .add({ incident: "route", at: 5.5, source: "alertmanager", service: "geo-service", region: "eu-west-1", severity: "high", rule: "HighRequestLatency", target: "geo-service", groupBy: ["alertname", "service"],
      title: "HighRequestLatency", message: "geo-service 99th percentile request latency is 2.7s (threshold 300ms)", resolvesAfter: 27 })
    .add({ incident: "route", at: 7.0, source: "sentry", service: "route-planner", severity: "high", rule: "route-planner GeocodeTimeout",
      title: "GeocodeTimeout: geo-service did not answer within 1500ms", message: "planner.stops.resolve_stop_coordinates (release 5.2.0)", resolvesAfter: 24 })
    .add({ incident: "route", at: 9.0, source: "datadog", service: "route-planner", region: "eu-west-1", severity: "high", rule: "monitor-70300 route build duration", target: "route-planner",
      title: "[Triggered] route-planner route build duration p95 above 60s", message: "p95 412s; 212 morning routes not built", resolvesAfter: 22 })
    .add({ incident: "app", at: 12.0, source: "generic", service: "customer-app-api", region: "eu-west-1", severity: "info", rule: "argocd-customer-app-api-sync",
      title: "ArgoCD: customer-app-api synced to 3.18.0", message: "Application customer-app-api sync succeeded (revision 7be01f4)" })
    .add({ incident: "route", at: 13.0, source: "grafana", service: "dispatch-service", region: "eu-west-1", severity: "high", rule: "Unassigned stops", target: "dispatch-service",
      title: "Unassigned stops above 500", message: "1,870 stops without a driver 45 minutes before first wave", resolvesAfter: 25 })
    .add({ incident: "app", at: 15.0, source: "sentry", service: "customer-app-api", severity: "medium", rule: "customer-app-api KeyError eta_window",
      title: "KeyError: 'eta_window'", message: "tracking.views.shipment_detail (release 3.18.0) - first seen", resolvesAfter: 40 })
    .add({ incident: "route", at: 16.0, source: "pagerduty", service: "dispatch-service", severity: "high", rule: "pd-depot-ops-routes",
      title: "Depot ops: drivers at BRS and LDS have no routes on their devices", message: "Depot supervisors calling in; vans waiting at the gates" })
    .add({ incident: "app", at: 18.0, source: "datadog", service: "customer-app-api", region: "eu-west-1", severity: "medium", rule: "monitor-80100 customer-app-api 5xx", target: "customer-app-api",
      title: "[Triggered] customer-app-api 5xx rate above 1% on GET /shipments/{id}", message: "5xx 3.4% since 09:14, only app versions < 4.2", errorCode: "HTTP 500", resolvesAfter: 37 })
    .add({ incident: "route", at: 31.0, source: "generic", service: "route-planner", region: "eu-west-1", severity: "info", rule: "argocd-route-planner-sync",
      title: "ArgoCD: route-planner rolled back to 5.1.4", message: "Application route-planner sync succeeded (revision 9d03b11)" })
    .add({ incident: "route", at: 34.0, source: "datadog", service: "dispatch-service", region: "eu-west-1", severity: "medium", rule: "monitor-70500 dispatch assignment lag", target: "dispatch-service",
      title: "[Triggered] dispatch-service assignment backlog above 1000", message: "backlog 1,412 assignments draining at 300/min", resolvesAfter: 8 })
    .build();

  const flapping = new ScenarioBuilder(
    "holdout5-flapping-etl-hourly-and-sso-probe",
    "flapping",
    "The hourly ETL load fails on a warehouse-dw lock timeout every hour for three hours; a synthetic SSO probe from one location flaps in between",
    "2026-11-22T01:00:00Z",
    "A long-running analyst query holds a lock on warehouse-dw's fact_scans table. Every hour at :05 the etl-pipeline load job " +
      "waits, times out and retries; the job-failure alert fires and resolves each hour, and reporting-api's freshness alert " +
      "fires once the data is two hours stale. The query is killed at 03:40. Separately, the synthetic login check for " +
      "sso-gateway from the Singapore probe location fails on and off (a probe-side network issue; real users are fine) from " +
      "01:30 to 03:00, each failure resolving within a few minutes. Traps: each flapping series re-fires beyond any short window; " +
      "the two series interleave in time with no link; the freshness alert arrives long after the first failure.",
  )
    .repeat([5, 65, 125], { incident: "etl", source: "alertmanager", service: "etl-pipeline", region: "eu-west-1", severity: "high", rule: "EtlJobFailed", target: "load-fact-scans", groupBy: ["alertname", "job"], labels: { job: "load-fact-scans" },
      title: "EtlJobFailed", message: "Airflow task load_fact_scans failed after 3 retries: LockNotAvailable: canceling statement due to lock timeout", resolvesAfter: 12 })
    .repeat([6, 66, 126], { incident: "etl", source: "sentry", service: "etl-pipeline", severity: "medium", rule: "etl LockNotAvailable fact_scans",
      title: "LockNotAvailable: canceling statement due to lock timeout", message: "etl.loaders.fact_scans.copy_into", resolvesAfter: 10 })
    .repeat([31, 48, 84, 112, 171], { incident: "probe", source: "datadog", service: "sso-gateway", region: "ap-southeast-1", severity: "medium", rule: "synthetics-sso-login-sin", target: "aws:ap-southeast-1",
      title: "[Synthetics] SSO login journey failing from Singapore", message: "Step 2 'Submit credentials' failed: connection timed out after 30000ms (location aws:ap-southeast-1)", resolvesAfter: 4 })
    .add({ incident: "etl", at: 122, source: "datadog", service: "reporting-api", region: "eu-west-1", severity: "medium", rule: "monitor-90500 reporting data freshness", target: "reporting-api",
      title: "[Triggered] reporting-api scans dashboard data older than 2h", message: "latest fact_scans partition 2026-11-22T00:00; expected 02:00", resolvesAfter: 110 })
    .add({ incident: "etl", at: 150, source: "pagerduty", service: "reporting-api", severity: "low", rule: "pd-bi-team-stale-dashboards",
      title: "BI team: overnight scan dashboards stale", message: "Morning ops report will be wrong if the 03:00 load also fails" })
    .add({ incident: "etl", at: 160, source: "alertmanager", service: "warehouse-dw", region: "eu-west-1", severity: "medium", rule: "PostgresqlLongRunningQuery", target: "warehouse-dw-0", groupBy: ["alertname", "cluster"], labels: { cluster: "dw-euw1", usename: "analyst_ro" },
      title: "PostgresqlLongRunningQuery", message: "Query by analyst_ro running for 3h02m holds AccessExclusiveLock-conflicting lock on fact_scans", resolvesAfter: 60 })
    .build();

  const dkim = new ScenarioBuilder(
    "holdout5-noise-dkim-dns-change",
    "noise",
    "A DNS cleanup removes the DKIM selector record; Gmail and Outlook start rejecting delivery emails over a quiet night with routine chatter and a late support escalation",
    "2026-11-21T22:00:00Z",
    "At 22:00 a Terraform change tidying the mail domain's DNS removes the s2 DKIM selector record still used by email-sender. " +
      "Big mailbox providers start rejecting with 550 5.7.26 (unauthenticated) as caches expire: the first bounce alert at 22:20, " +
      "notification-service's email delivery success drops at 22:35, a Sentry error at 22:41, and customer support escalates at " +
      "23:55 that customers have no delivery emails. The record is restored at 00:20. Around it, the usual night: the Terraform " +
      "apply event itself (names no service), a cert-manager renewal info event, ci-runners disk warnings, a k8s-cluster HPA at max " +
      "replicas warning for the batch namespace, a printer offline, and a low sms-gateway latency warning that resolves on its own. " +
      "Traps: the cause event arrives 20 minutes before the first symptom and names no service; the support escalation comes 80 " +
      "minutes after the symptoms; a low-severity warning on a catalog dependency (sms-gateway) of a symptomatic service.",
  )
    .add({ incident: "dkim", at: 0, source: "generic", service: null, region: null, severity: "info", rule: "terraform-apply-dns-mail",
      title: "Terraform apply: dns/mail-domain (3 to destroy)", message: "Destroyed aws_route53_record.dkim_s2, aws_route53_record.legacy_spf_include, aws_route53_record.mx_backup by atlantis" })
    .add({ incident: "chatter-ci", at: 8, source: "datadog", service: "ci-runners", region: "eu-west-1", severity: "low", rule: "monitor-90100 ci runner disk", target: "runner-07",
      title: "[Warn] ci-runners disk usage above 80% on runner-07", message: "/var/lib/docker 84% used", resolvesAfter: 120 })
    .add({ incident: "dkim", at: 20, source: "datadog", service: "email-sender", region: "eu-west-1", severity: "high", rule: "monitor-88100 email bounce rate", target: "email-sender",
      title: "[Triggered] email-sender hard bounce rate above 5%", message: "bounces 19.6% in 15m; top reason '550 5.7.26 This message does not pass authentication checks'", errorCode: "SMTP 550", resolvesAfter: 130 })
    .add({ incident: "cert-renew", at: 27, source: "alertmanager", service: "cert-manager", region: "eu-west-1", severity: "info", rule: "CertificateRenewed", target: "api-gateway-tls", groupBy: ["alertname"], labels: { namespace: "edge", certificate: "api-gateway-tls" },
      title: "CertificateRenewed", message: "Certificate edge/api-gateway-tls renewed; valid until 2027-02-19", resolvesAfter: 1 })
    .add({ incident: "dkim", at: 35, source: "grafana", service: "notification-service", region: "eu-west-1", severity: "medium", rule: "Email delivery success rate", target: "notification-service",
      title: "Email delivery success rate below 90%", message: "delivered 71% of delivery-update emails in the last 30 minutes (gmail.com, outlook.com failing)", resolvesAfter: 115 })
    .add({ incident: "sms-latency", at: 38, source: "datadog", service: "sms-gateway", region: "eu-west-1", severity: "low", rule: "monitor-88300 sms provider latency", target: "sms-gateway",
      title: "[Warn] sms-gateway provider latency above 2s", message: "p95 2.4s from provider twilio-eu", resolvesAfter: 9 })
    .add({ incident: "dkim", at: 41, source: "sentry", service: "email-sender", severity: "medium", rule: "email-sender SMTPRecipientsRefused",
      title: "SMTPRecipientsRefused: 550 5.7.26 Unauthenticated email from parcelwise.com is not accepted due to domain's DMARC policy", message: "mailer.smtp.send_batch", errorCode: "SMTP 550", resolvesAfter: 100 })
    .add({ incident: "hpa", at: 52, source: "alertmanager", service: "k8s-cluster", region: "eu-west-1", severity: "low", rule: "KubeHpaMaxedOut", target: "batch/report-renderer", groupBy: ["alertname", "namespace"], labels: { namespace: "batch", horizontalpodautoscaler: "report-renderer" },
      title: "KubeHpaMaxedOut", message: "HPA batch/report-renderer has been running at max replicas for longer than 15 minutes.", resolvesAfter: 40 })
    .add({ incident: "printer", at: 70, source: "generic", service: "label-printer-service", region: "eu-west-1", severity: "low", rule: "printer-offline-LDS-11", target: "LDS-11",
      title: "Printer LDS-11 offline", message: "No heartbeat from Zebra ZT411 at LDS lane 11 for 10 minutes", resolvesAfter: 300 })
    .add({ incident: "dkim", at: 82, source: "datadog", service: "email-sender", region: "eu-west-1", severity: "medium", rule: "monitor-88200 email deferred queue", target: "email-sender",
      title: "[Triggered] email-sender deferred queue above 20k", message: "deferred 27,310 messages; retries to gmail-smtp-in.l.google.com rejected", resolvesAfter: 70 })
    .add({ incident: "chatter-ci", at: 96, source: "datadog", service: "ci-runners", region: "eu-west-1", severity: "low", rule: "monitor-90100 ci runner disk", target: "runner-11",
      title: "[Warn] ci-runners disk usage above 80% on runner-11", message: "/var/lib/docker 81% used", resolvesAfter: 60 })
    .add({ incident: "dkim", at: 115, source: "pagerduty", service: "notification-service", severity: "high", rule: "pd-cx-no-delivery-emails",
      title: "Customer support: customers not receiving 'out for delivery' emails", message: "Spike of contacts since 22:30; customers checked spam folders; SMS updates arrive fine" })
    .add({ incident: "dkim", at: 140, source: "generic", service: null, region: null, severity: "info", rule: "terraform-apply-dns-mail",
      title: "Terraform apply: dns/mail-domain (1 to add)", message: "Created aws_route53_record.dkim_s2 by atlantis (revert of PR #2231)" })
    .build();

  const capacity = new ScenarioBuilder(
    "holdout5-shared-infra-node-capacity",
    "concurrent",
    "The cluster autoscaler cannot launch nodes (instance capacity in one AZ) during a traffic ramp; pods of unrelated services sit Pending; an SMS provider outage overlaps",
    "2026-11-20T17:30:00Z",
    "At 17:30, as the evening tracking peak ramps, the cluster autoscaler's scale-ups fail: AWS returns " +
      "InsufficientInstanceCapacity for m6i.2xlarge in eu-west-1b and the node group's only subnet is there. HPAs add replicas " +
      "that stay Pending: tracking-service, address-autocomplete, push-service and reporting-api (no catalog link between them " +
      "except tracking-service and address-autocomplete both reading search-cluster, which is healthy). tracking-service's " +
      "latency climbs, push notifications lag. Platform adds a second instance type at 18:02 and pods schedule. Unrelated, in " +
      "the same minutes: the SMS provider has an outage and sms-gateway errors, and notification-service's SMS delivery alert " +
      "fires (notification-service depends on sms-gateway). Traps: the shared cause is named only in the autoscaler alerts; " +
      "push-service and notification-service both 'notify' customers but fail for unrelated reasons.",
  )
    .add({ incident: "capacity", at: 0, source: "cloudwatch", service: "k8s-cluster", region: "eu-west-1", severity: "high", rule: "eks-prod-euw1 ng-general launch failures", target: "eks-ng-general",
      title: "ALARM: \"eks-ng-general failed instance launches > 0\" in EU (Ireland)", message: "Launching a new EC2 instance. Status Reason: We currently do not have sufficient m6i.2xlarge capacity in the Availability Zone you requested (eu-west-1b). InsufficientInstanceCapacity", resolvesAfter: 33 })
    .add({ incident: "capacity", at: 1.5, source: "alertmanager", service: "k8s-cluster", region: "eu-west-1", severity: "medium", rule: "ClusterAutoscalerUnschedulablePods", target: "cluster-autoscaler", groupBy: ["alertname", "cluster"], labels: { cluster: "prod-euw1" },
      title: "ClusterAutoscalerUnschedulablePods", message: "Cluster has 37 unschedulable pods; scale-up failed for node group eks-ng-general", resolvesAfter: 32 })
    .add({ incident: "capacity", at: 3.0, source: "alertmanager", service: "tracking-service", region: "eu-west-1", severity: "medium", rule: "KubeDeploymentReplicasMismatch", target: "tracking-service", groupBy: ["alertname", "namespace"], labels: { namespace: "tracking", deployment: "tracking-service" },
      title: "KubeDeploymentReplicasMismatch", message: "Deployment tracking/tracking-service has not matched the expected number of replicas for longer than 15 minutes. (12 desired, 6 available)", resolvesAfter: 30 })
    .add({ incident: "sms", at: 3.5, source: "datadog", service: "sms-gateway", region: "eu-west-1", severity: "high", rule: "monitor-88310 sms provider errors", target: "sms-gateway",
      title: "[Triggered] sms-gateway provider error rate above 10%", message: "provider twilio-eu returning 503 Service Unavailable on 64% of sends", errorCode: "HTTP 503", resolvesAfter: 22 })
    .add({ incident: "capacity", at: 4.0, source: "alertmanager", service: "address-autocomplete", region: "eu-west-1", severity: "medium", rule: "KubeDeploymentReplicasMismatch", target: "address-autocomplete", groupBy: ["alertname", "namespace"], labels: { namespace: "checkout", deployment: "address-autocomplete" },
      title: "KubeDeploymentReplicasMismatch", message: "Deployment checkout/address-autocomplete has not matched the expected number of replicas for longer than 15 minutes. (8 desired, 4 available)", resolvesAfter: 29 })
    .add({ incident: "capacity", at: 5.0, source: "datadog", service: "tracking-service", region: "eu-west-1", severity: "high", rule: "monitor-73000 tracking p99", target: "tracking-service",
      title: "[Triggered] tracking-service p99 latency above 1s", message: "p99 3.8s on GET /track/{id}; request rate +180% (evening peak)", resolvesAfter: 28 })
    .add({ incident: "sms", at: 6.0, source: "grafana", service: "notification-service", region: "eu-west-1", severity: "medium", rule: "SMS delivery success rate", target: "notification-service",
      title: "SMS delivery success rate below 95%", message: "SMS delivered 38% over the last 10 minutes; provider errors", resolvesAfter: 20 })
    .add({ incident: "capacity", at: 6.5, source: "alertmanager", service: "push-service", region: "eu-west-1", severity: "medium", rule: "KubePodNotReady", target: "push-service-5f6b7-qq9wd", groupBy: ["alertname", "namespace"], labels: { namespace: "notify", pod: "push-service-5f6b7-qq9wd" },
      title: "KubePodNotReady", message: "Pod notify/push-service-5f6b7-qq9wd has been in a non-ready state for longer than 15 minutes. (phase Pending: 0/24 nodes are available: 24 Insufficient cpu)", resolvesAfter: 26 })
    .add({ incident: "capacity", at: 8.0, source: "datadog", service: "push-service", region: "eu-west-1", severity: "medium", rule: "monitor-74000 push send lag", target: "push-service",
      title: "[Triggered] push-service send queue lag above 2 minutes", message: "oldest push 4m40s; 6 workers for 120k queued", resolvesAfter: 24 })
    .add({ incident: "capacity", at: 9.0, source: "alertmanager", service: "reporting-api", region: "eu-west-1", severity: "low", rule: "KubePodNotReady", target: "reporting-api-84c2d-7jx2m", groupBy: ["alertname", "namespace"], labels: { namespace: "bi", pod: "reporting-api-84c2d-7jx2m" },
      title: "KubePodNotReady", message: "Pod bi/reporting-api-84c2d-7jx2m has been in a non-ready state for longer than 15 minutes. (phase Pending: 0/24 nodes are available: 24 Insufficient cpu)", resolvesAfter: 24 })
    .add({ incident: "sms", at: 10.0, source: "sentry", service: "sms-gateway", severity: "medium", rule: "sms-gateway ProviderUnavailable",
      title: "ProviderError: 503 Service Unavailable from api.twilio.com", message: "smsgw.providers.twilio.send_message", errorCode: "HTTP 503", resolvesAfter: 19 })
    .add({ incident: "capacity", at: 14.0, source: "pagerduty", service: "tracking-service", severity: "high", rule: "pd-cx-tracking-slow",
      title: "Customer support: tracking page spinning / timing out", message: "Customers on the evening delivery wave report the tracking page not loading" })
    .add({ incident: "capacity", at: 32.0, source: "generic", service: "k8s-cluster", region: "eu-west-1", severity: "info", rule: "change-eks-ng-general-instance-types",
      title: "Change applied: eks-ng-general launch template adds m6a.2xlarge and m5.2xlarge", message: "Platform on call: diversify instance types so scale-up is not bound to m6i capacity in eu-west-1b" })
    .build();

  const storage = new ScenarioBuilder(
    "holdout5-cascade-inventory-db-storage-and-printer-fleet",
    "cascading",
    "inventory-db runs out of storage after a bulk import; writes fail for inventory-service and warehouse-gateway; unrelated printer-fleet firmware alerts interleave and the DB alert resolves and re-fires",
    "2026-11-19T07:45:00Z",
    "A supplier catalogue bulk import fills inventory-db's storage (no autoscaling on that instance). At 07:45 FreeStorageSpace " +
      "falls under 2 GB; at 07:51 writes start failing with 'could not extend file ... No space left on device'. " +
      "inventory-service errors, warehouse-gateway (on inventory-service) fails put-away confirmations, and the handheld floor " +
      "escalates. The DBA deletes the import staging table at 08:05 (storage alert resolves), but the import job retries and " +
      "storage falls again at 08:20 until storage is grown at 08:30. Unrelated: label-printer-service alerts for printers " +
      "rejecting a pushed firmware (all printers at one site), and warehouse-vpn reports a short packet-loss warning. " +
      "Traps: the storage alert resolves and re-fires 15 minutes later; printer and VPN alerts are warehouse-floor topics next " +
      "to a warehouse-floor incident; the VPN is a catalog dependency of warehouse-gateway.",
  )
    .add({ incident: "storage", at: 0, source: "cloudwatch", service: "inventory-db", region: "eu-west-1", severity: "high", rule: "inventory-db-prod FreeStorageSpace", target: "inventory-db-prod",
      title: "ALARM: \"inventory-db-prod FreeStorageSpace < 2GB\" in EU (Ireland)", message: "Threshold Crossed: 1 datapoint [1.71GB] was less than the threshold (2.0GB)", resolvesAfter: 20 })
    .add({ incident: "printers", at: 2.0, source: "generic", service: "label-printer-service", region: "eu-west-1", severity: "medium", rule: "printer-fleet-firmware-BRS", target: "BRS",
      title: "Printer fleet BRS: 14 printers rejected firmware V84.20.23", message: "MDM push failed: signature check failed; printers remain on V84.20.18 and keep printing" })
    .add({ incident: "storage", at: 6.0, source: "sentry", service: "inventory-service", severity: "critical", rule: "inventory DiskFull",
      title: "DiskFull: could not extend file \"base/16401/2619\": No space left on device", message: "inventory.putaway.confirm_location", resolvesAfter: 16 })
    .add({ incident: "storage", at: 6.5, source: "datadog", service: "inventory-service", region: "eu-west-1", severity: "high", rule: "monitor-30200 inventory-service 5xx", target: "inventory-service",
      title: "[Triggered] inventory-service 5xx above 2%", message: "5xx 31% on POST /putaway and POST /adjustments", errorCode: "HTTP 500", resolvesAfter: 15 })
    .add({ incident: "vpn", at: 8.0, source: "cloudwatch", service: "warehouse-vpn", region: "eu-west-1", severity: "low", rule: "warehouse-vpn-brs1 TunnelPacketLoss", target: "vpn-07c1d2e3",
      title: "ALARM: \"warehouse-vpn-brs1 packet loss > 1%\" in EU (Ireland)", message: "Threshold Crossed: 1 datapoint [1.6] was greater than the threshold (1.0)", resolvesAfter: 6 })
    .add({ incident: "storage", at: 9.0, source: "alertmanager", service: "warehouse-gateway", region: "eu-west-1", severity: "high", rule: "HighErrorRate", target: "warehouse-gateway", groupBy: ["alertname", "service"],
      title: "HighErrorRate", message: "warehouse-gateway 5xx ratio 27% on /handheld/putaway (upstream inventory-service 500)", resolvesAfter: 14 })
    .add({ incident: "storage", at: 12.0, source: "pagerduty", service: "warehouse-gateway", severity: "high", rule: "pd-warehouse-floor-putaway",
      title: "Warehouse floor: put-away scans rejected at BRS and LDS", message: "Handhelds show 'location confirm failed'; inbound pallets stacking" })
    .add({ incident: "printers", at: 14.0, source: "generic", service: "label-printer-service", region: "eu-west-1", severity: "low", rule: "printer-offline-BRS-04", target: "BRS-04",
      title: "Printer BRS-04 offline", message: "No heartbeat from Zebra ZT411 at BRS lane 4 for 10 minutes (rebooted after firmware retry)", resolvesAfter: 12 })
    .add({ incident: "storage", at: 20.0, source: "generic", service: "inventory-db", region: "eu-west-1", severity: "info", rule: "dba-change-inventory-staging-drop",
      title: "Change applied: dropped staging.supplier_import_2026_11 on inventory-db-prod", message: "DBA on call: freed 38 GB; import job paused" })
    .add({ incident: "storage", at: 35.0, source: "cloudwatch", service: "inventory-db", region: "eu-west-1", severity: "high", rule: "inventory-db-prod FreeStorageSpace", target: "inventory-db-prod",
      title: "ALARM: \"inventory-db-prod FreeStorageSpace < 2GB\" in EU (Ireland)", message: "Threshold Crossed: 1 datapoint [1.92GB] was less than the threshold (2.0GB)", resolvesAfter: 12 })
    .add({ incident: "storage", at: 37.0, source: "datadog", service: "inventory-service", region: "eu-west-1", severity: "high", rule: "monitor-30200 inventory-service 5xx", target: "inventory-service",
      title: "[Triggered] inventory-service 5xx above 2%", message: "5xx 8% on POST /adjustments", errorCode: "HTTP 500", resolvesAfter: 9 })
    .add({ incident: "storage", at: 45.0, source: "generic", service: "inventory-db", region: "eu-west-1", severity: "info", rule: "rds-modify-inventory-db-storage",
      title: "RDS-EVENT-0025: Finished applying modification to allocated storage for inventory-db-prod", message: "Allocated storage increased from 500 GiB to 800 GiB" })
    .build();

  return [ledger, pricing, release, flapping, dkim, capacity, storage];
}
