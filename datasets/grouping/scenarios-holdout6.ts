import { ScenarioBuilder, type Scenario } from "./scenario-kit";

/**
 * Sixth held-out batch: written and committed (2026-11-26) before the sixth round of grouping changes and before reading
 * any held-out-5 decision, from how outages at a parcel company unfold and how platforms word them. Covers every family.
 * Two storms are tied together only by timing and place (a zonal network impairment; a worker node whose kernel hangs),
 * and three have an unrelated outage in the same environment, region and minutes (an SES throttle beside the zone
 * impairment, a pricing-db report query beside the dead node, a payouts-worker bank-file rejection beside a search GC
 * cascade), so a rule that joins bursts is tested for precision too. Plus a service-mesh config rollout announced before
 * its symptoms and rolled back after them, a redis eviction cascade next to an unrelated geo-service problem on the same
 * dependency, a kafka consumer rebalancing loop flapping beside a flaky synthetic probe, and a JWKS rotation night with
 * chatter and a late support escalation. Never tuned on while it is the newest batch. Labels are what the on-call
 * engineer would call one incident.
 */
export function holdout6Scenarios(): Scenario[] {
  const search = new ScenarioBuilder(
    "holdout6-cascade-search-gc-and-bank-file",
    "cascading",
    "search-cluster data nodes stall in long old-gen GC pauses after a heavy aggregation; tracking-service, address-autocomplete and customer-app-api follow, while payouts-worker's bank file is rejected in the same minutes",
    "2026-11-25T09:12:00Z",
    "At 09:12 an analyst's dashboard runs a terms aggregation over 90 days of scan events on search-cluster (eu-west-1). Two " +
      "data nodes hit old-gen GC pauses of 20-40 s, drop out of the cluster briefly and shards relocate; the cluster goes " +
      "yellow then red for one index. tracking-service (reads search-cluster) times out, address-autocomplete returns empty " +
      "suggestions, customer-app-api (depends on tracking-service) shows 5xx on the tracking screen, support hears about it. " +
      "The search on-call kills the query and adds a circuit breaker limit at 09:41. Unrelated, same region and minutes: the " +
      "bank rejects payouts-worker's morning SEPA file (a schema change on the bank side) and payouts fail. Traps: the " +
      "symptoms on customer-app-api never name search; payouts fail with 'timeout'-free errors in the same minute.",
  )
    .add({ incident: "search-gc", at: 0, source: "alertmanager", service: "search-cluster", region: "eu-west-1", severity: "high", rule: "ElasticsearchJVMGCPause", target: "es-data-3", groupBy: ["alertname", "cluster"], labels: { cluster: "search-prod-euw1", node: "es-data-3" },
      title: "ElasticsearchJVMGCPause", message: "Old generation GC on es-data-3 took 27.4s over the last 5m (heap used 96%)", resolvesAfter: 30 })
    .add({ incident: "search-gc", at: 1.0, source: "alertmanager", service: "search-cluster", region: "eu-west-1", severity: "high", rule: "ElasticsearchJVMGCPause", target: "es-data-5", groupBy: ["alertname", "cluster"], labels: { cluster: "search-prod-euw1", node: "es-data-5" },
      title: "ElasticsearchJVMGCPause", message: "Old generation GC on es-data-5 took 38.1s over the last 5m (heap used 98%)", resolvesAfter: 29 })
    .add({ incident: "search-gc", at: 2.5, source: "alertmanager", service: "search-cluster", region: "eu-west-1", severity: "critical", rule: "ElasticsearchClusterRed", target: "search-prod-euw1", groupBy: ["alertname", "cluster"], labels: { cluster: "search-prod-euw1" },
      title: "ElasticsearchClusterRed", message: "Elastic cluster search-prod-euw1 health is RED: 2 primary shards unassigned (index scan-events-2026.11)", resolvesAfter: 12 })
    .add({ incident: "search-gc", at: 3.0, source: "datadog", service: "tracking-service", region: "eu-west-1", severity: "high", rule: "monitor-73000 tracking p99", target: "tracking-service",
      title: "[Triggered] tracking-service p99 latency above 1s", message: "p99 9.7s on GET /track/{id}; 12% of requests time out", resolvesAfter: 30 })
    .add({ incident: "bank-file", at: 3.5, source: "sentry", service: "payouts-worker", severity: "high", rule: "payouts BankFileRejected",
      title: "BankFileRejected: pain.001 file rejected by bank (code FF01 Invalid File Format)", message: "payouts.sepa.submit_batch: CstmrCdtTrfInitn/GrpHdr/InitgPty/Id missing", errorCode: "FF01", resolvesAfter: 55 })
    .add({ incident: "search-gc", at: 4.0, source: "sentry", service: "tracking-service", severity: "high", rule: "tracking ConnectionTimeout search",
      title: "ConnectionTimeout caused by - ReadTimeoutError(HTTPSConnectionPool(host='search-prod-euw1.internal', port=9200): Read timed out. (read timeout=10))", message: "tracking.lookup.find_parcel_events", resolvesAfter: 28 })
    .add({ incident: "search-gc", at: 5.0, source: "grafana", service: "address-autocomplete", region: "eu-west-1", severity: "medium", rule: "Autocomplete empty result ratio", target: "address-autocomplete",
      title: "Autocomplete empty result ratio above 20%", message: "41% of suggestion requests returned no results in the last 5 minutes", resolvesAfter: 26 })
    .add({ incident: "bank-file", at: 6.0, source: "grafana", service: "payouts-worker", region: "eu-west-1", severity: "high", rule: "Payout batch failed", target: "payouts-worker",
      title: "Payout batch failed", message: "batch 2026-11-25T09 SEPA: 0 of 4,212 payouts submitted; bank response FF01", resolvesAfter: 50 })
    .add({ incident: "search-gc", at: 6.5, source: "datadog", service: "customer-app-api", region: "eu-west-1", severity: "high", rule: "monitor-81200 customer-app-api 5xx", target: "customer-app-api",
      title: "[Triggered] customer-app-api 5xx rate above 2%", message: "5xx 8.4% on GET /v2/shipments/{id}/timeline; upstream tracking-service 504", errorCode: "HTTP 504", resolvesAfter: 24 })
    .add({ incident: "search-gc", at: 8.0, source: "alertmanager", service: "search-cluster", region: "eu-west-1", severity: "medium", rule: "ElasticsearchPendingTasks", target: "search-prod-euw1", groupBy: ["alertname", "cluster"], labels: { cluster: "search-prod-euw1" },
      title: "ElasticsearchPendingTasks", message: "Elasticsearch has 212 pending tasks; shard relocations in progress", resolvesAfter: 20 })
    .add({ incident: "search-gc", at: 14.0, source: "pagerduty", service: "customer-app-api", severity: "high", rule: "pd-cx-app-tracking",
      title: "Customer support: app shows 'Something went wrong' on parcel timeline", message: "Contacts up 5x in 10 minutes, iOS and Android; web tracking slow as well" })
    .add({ incident: "bank-file", at: 18.0, source: "pagerduty", service: "payouts-worker", severity: "high", rule: "pd-finance-payouts",
      title: "Finance: morning driver payouts not sent", message: "Treasury sees no SEPA submission today; drivers are paid at 11:00" })
    .add({ incident: "search-gc", at: 29.0, source: "generic", service: "search-cluster", region: "eu-west-1", severity: "info", rule: "change-search-breaker",
      title: "Change applied: indices.breaker.request.limit 40% on search-prod-euw1", message: "Search on call: killed task 8123:aggs from bi-dashboards and capped request circuit breaker" })
    .build();

  const zone = new ScenarioBuilder(
    "holdout6-concurrent-zone-packet-loss-and-ses-throttle",
    "concurrent",
    "A network impairment in one availability zone (use1-az4) makes pods of several unrelated services in that zone time out; at the same time email-sender hits its SES sending quota",
    "2026-11-24T14:20:00Z",
    "At 14:20 AWS has elevated packet loss in use1-az4 (us-east-1c for this account). Services with pods in that zone see " +
      "timeouts and failed health checks: auth-service, dispatch-service, inventory-service and geo-service. There is no " +
      "catalog link between most of them; what they share is the zone label on their nodes and the minute. The AWS Health " +
      "event arrives 11 minutes in; platform cordons the zone's nodes at 14:44 and errors stop. Unrelated, in the same " +
      "region and minutes: a marketing campaign pushes email-sender past its SES sending rate and sends are throttled, and " +
      "notification-service (depends on email-sender) alerts on its email queue. Traps: two outages start within two " +
      "minutes in one region; only the zone label and time link the first one's alerts.",
  )
    .add({ incident: "az4", at: 0, source: "datadog", service: "auth-service", region: "us-east-1", severity: "high", rule: "monitor-60100 auth-service errors", target: "auth-service", labels: { "availability-zone": "us-east-1c", kube_cluster_name: "prod-use1" },
      title: "[Triggered] auth-service error rate above 2%", message: "errors 6.3% on POST /token; 'context deadline exceeded' from pods in us-east-1c", resolvesAfter: 26 })
    .add({ incident: "az4", at: 0.8, source: "alertmanager", service: "dispatch-service", region: "us-east-1", severity: "medium", rule: "KubePodNotReady", target: "dispatch-service-7d9c4-k2lqp", groupBy: ["alertname", "namespace"], labels: { namespace: "routing", pod: "dispatch-service-7d9c4-k2lqp", node: "ip-10-20-141-37.ec2.internal", topology_kubernetes_io_zone: "us-east-1c" },
      title: "KubePodNotReady", message: "Pod routing/dispatch-service-7d9c4-k2lqp has been in a non-ready state for longer than 2 minutes. (readiness probe failed: Get \"http://10.20.141.52:8080/ready\": context deadline exceeded)", resolvesAfter: 24 })
    .add({ incident: "ses", at: 1.5, source: "cloudwatch", service: "email-sender", region: "us-east-1", severity: "high", rule: "ses-send-throttled", target: "email-sender",
      title: "ALARM: \"email-sender SES throttling\" in US East (N. Virginia)", message: "Threshold Crossed: 1 datapoint [318.0] was greater than the threshold (0.0) for metric ThrottledSends. Maximum sending rate exceeded.", resolvesAfter: 40 })
    .add({ incident: "az4", at: 2.0, source: "datadog", service: "inventory-service", region: "us-east-1", severity: "high", rule: "monitor-55010 inventory p99", target: "inventory-service", labels: { "availability-zone": "us-east-1c", kube_cluster_name: "prod-use1" },
      title: "[Triggered] inventory-service p99 latency above 800ms", message: "p99 4.1s on GET /stock; timeouts from 3 of 9 pods", resolvesAfter: 23 })
    .add({ incident: "az4", at: 2.5, source: "alertmanager", service: "geo-service", region: "us-east-1", severity: "medium", rule: "KubePodNotReady", target: "geo-service-6b8f9-x7wzn", groupBy: ["alertname", "namespace"], labels: { namespace: "routing", pod: "geo-service-6b8f9-x7wzn", node: "ip-10-20-138-9.ec2.internal", topology_kubernetes_io_zone: "us-east-1c" },
      title: "KubePodNotReady", message: "Pod routing/geo-service-6b8f9-x7wzn has been in a non-ready state for longer than 2 minutes. (readiness probe failed: context deadline exceeded)", resolvesAfter: 22 })
    .add({ incident: "ses", at: 3.0, source: "sentry", service: "email-sender", severity: "medium", rule: "email-sender Throttling",
      title: "ClientError: An error occurred (Throttling) when calling the SendRawEmail operation: Maximum sending rate exceeded.", message: "emailsender.ses.send_raw", errorCode: "Throttling", resolvesAfter: 38 })
    .add({ incident: "az4", at: 3.5, source: "sentry", service: "auth-service", severity: "high", rule: "auth redis dial timeout",
      title: "dial tcp 10.20.140.12:6379: i/o timeout", message: "auth/session.(*Store).Get", resolvesAfter: 22 })
    .add({ incident: "az4", at: 4.5, source: "datadog", service: "dispatch-service", region: "us-east-1", severity: "high", rule: "monitor-70200 dispatch assignment errors", target: "dispatch-service", labels: { "availability-zone": "us-east-1c", kube_cluster_name: "prod-use1" },
      title: "[Triggered] dispatch-service assignment failures above 1%", message: "4.8% of route assignments failed: upstream connect error or disconnect/reset before headers", errorCode: "HTTP 503", resolvesAfter: 20 })
    .add({ incident: "ses", at: 5.0, source: "grafana", service: "notification-service", region: "us-east-1", severity: "medium", rule: "Email queue backlog", target: "notification-service",
      title: "Email queue backlog above 10k", message: "notify.email queue 48,310 messages; oldest 7m", resolvesAfter: 36 })
    .add({ incident: "az4", at: 6.0, source: "cloudwatch", service: "inventory-service", region: "us-east-1", severity: "medium", rule: "alb-inventory-unhealthy-hosts", target: "inventory-alb",
      title: "ALARM: \"inventory-alb UnHealthyHostCount >= 1\" in US East (N. Virginia)", message: "Threshold Crossed: UnHealthyHostCount 3 (AvailabilityZone us-east-1c)", resolvesAfter: 18 })
    .add({ incident: "az4", at: 7.0, source: "grafana", service: "k8s-cluster", region: "us-east-1", severity: "medium", rule: "Node network errors", target: "prod-use1", labels: { cluster: "prod-use1", zone: "us-east-1c" },
      title: "Node network receive errors / drops high", message: "14 nodes in us-east-1c show rx drops and TCP retransmits above 5%", resolvesAfter: 17 })
    .add({ incident: "az4", at: 11.0, source: "generic", service: null, region: "us-east-1", severity: "high", rule: "aws-health-ec2-use1",
      title: "AWS Health: Increased packet loss (EC2, us-east-1)", message: "We are investigating increased packet loss for instances in a single Availability Zone (use1-az4) in the US-EAST-1 Region." })
    .add({ incident: "ses", at: 12.0, source: "pagerduty", service: "email-sender", severity: "medium", rule: "pd-growth-campaign",
      title: "Growth: Black Friday campaign emails going out slowly", message: "Campaign tool shows 30% sent after 15 minutes; expected 5 minutes" })
    .add({ incident: "az4", at: 24.0, source: "generic", service: "k8s-cluster", region: "us-east-1", severity: "info", rule: "change-cordon-zone",
      title: "Change applied: cordoned and drained 14 nodes in us-east-1c (prod-use1)", message: "Platform on call: moving workloads out of the impaired zone while AWS investigates" })
    .build();

  const node = new ScenarioBuilder(
    "holdout6-concurrent-node-hang-and-report-query",
    "concurrent",
    "A worker node's kernel hangs (soft lockups) and goes NotReady; pods of cart-service, scanner-ingest, promo-service and fraud-scorer on it fail; in the same minutes a finance report query saturates pricing-db",
    "2026-11-23T10:02:00Z",
    "At 10:02 node ip-10-4-17-22.eu-west-1.compute.internal in prod-euw1 logs 'watchdog: BUG: soft lockup' and stops " +
      "answering; the kubelet stops posting status and the node goes NotReady 40 s later. Pods on it (cart-service, " +
      "scanner-ingest, promo-service, fraud-scorer) stop answering until they are evicted and rescheduled about 6 minutes " +
      "later; each service's own alert fires in those minutes. The node is terminated by the autoscaler at 10:20. " +
      "Unrelated, same region and minutes: a finance analyst's month-end report hits pricing-db with a full scan, CPU sits at " +
      "99%, pricing-service slows down. Traps: cart-service depends on pricing-service (catalog link to the other outage) but " +
      "its alert is from the node; the node's symptoms share only the node name in some alerts and the minute.",
  )
    .add({ incident: "node", at: 0, source: "alertmanager", service: "k8s-cluster", region: "eu-west-1", severity: "high", rule: "KubeNodeNotReady", target: "ip-10-4-17-22.eu-west-1.compute.internal", groupBy: ["alertname", "cluster"], labels: { cluster: "prod-euw1", node: "ip-10-4-17-22.eu-west-1.compute.internal" },
      title: "KubeNodeNotReady", message: "ip-10-4-17-22.eu-west-1.compute.internal has been unready for more than 1 minute.", resolvesAfter: 18 })
    .add({ incident: "pricing-report", at: 0.5, source: "cloudwatch", service: "pricing-db", region: "eu-west-1", severity: "high", rule: "rds-pricing-db-cpu", target: "pricing-db-prod-euw1",
      title: "ALARM: \"pricing-db-prod-euw1 CPUUtilization > 90\" in EU (Ireland)", message: "Threshold Crossed: 3 datapoints [99.1, 98.7, 99.4] were greater than the threshold (90.0).", resolvesAfter: 25 })
    .add({ incident: "node", at: 1.0, source: "datadog", service: "cart-service", region: "eu-west-1", severity: "high", rule: "monitor-30010 cart errors", target: "cart-service", labels: { kube_cluster_name: "prod-euw1" },
      title: "[Triggered] cart-service error rate above 2%", message: "errors 9.2% on POST /cart/items: upstream connect error or disconnect/reset before headers. reset reason: connection failure", errorCode: "HTTP 503", resolvesAfter: 7 })
    .add({ incident: "node", at: 1.5, source: "alertmanager", service: "scanner-ingest", region: "eu-west-1", severity: "medium", rule: "TargetDown", target: "scanner-ingest", groupBy: ["alertname", "namespace"], labels: { namespace: "warehouse", job: "scanner-ingest" },
      title: "TargetDown", message: "33.3% of the scanner-ingest/scanner-ingest targets in warehouse namespace are down.", resolvesAfter: 7 })
    .add({ incident: "node", at: 2.0, source: "alertmanager", service: "k8s-cluster", region: "eu-west-1", severity: "medium", rule: "KubeletDown", target: "ip-10-4-17-22.eu-west-1.compute.internal", groupBy: ["alertname", "cluster"], labels: { cluster: "prod-euw1", node: "ip-10-4-17-22.eu-west-1.compute.internal" },
      title: "KubeletDown", message: "Kubelet on ip-10-4-17-22.eu-west-1.compute.internal has disappeared from Prometheus target discovery.", resolvesAfter: 16 })
    .add({ incident: "node", at: 2.5, source: "sentry", service: "promo-service", severity: "medium", rule: "promo ECONNREFUSED",
      title: "Error: connect ECONNREFUSED 10.4.17.198:8080", message: "promo/eligibility.ts in fetchCampaigns", resolvesAfter: 6 })
    .add({ incident: "pricing-report", at: 3.0, source: "datadog", service: "pricing-service", region: "eu-west-1", severity: "high", rule: "monitor-32010 pricing p99", target: "pricing-service",
      title: "[Triggered] pricing-service p99 latency above 500ms", message: "p99 2.7s on POST /quote; db time 91% of request time", resolvesAfter: 22 })
    .add({ incident: "node", at: 3.0, source: "datadog", service: "fraud-scorer", region: "eu-west-1", severity: "high", rule: "monitor-42010 fraud-scorer timeouts", target: "fraud-scorer", labels: { kube_cluster_name: "prod-euw1" },
      title: "[Triggered] fraud-scorer timeouts above 1%", message: "3.9% of score requests timed out after 300ms; 1 of 3 pods not responding", resolvesAfter: 5 })
    .add({ incident: "node", at: 3.5, source: "alertmanager", service: "scanner-ingest", region: "eu-west-1", severity: "medium", rule: "KubePodNotReady", target: "scanner-ingest-5c7d8-vq2rt", groupBy: ["alertname", "namespace"], labels: { namespace: "warehouse", pod: "scanner-ingest-5c7d8-vq2rt", node: "ip-10-4-17-22.eu-west-1.compute.internal" },
      title: "KubePodNotReady", message: "Pod warehouse/scanner-ingest-5c7d8-vq2rt has been in a non-ready state for longer than 2 minutes.", resolvesAfter: 5 })
    .add({ incident: "pricing-report", at: 4.0, source: "alertmanager", service: "pricing-db", region: "eu-west-1", severity: "medium", rule: "PostgresqlLongRunningQuery", target: "pricing-db-prod-euw1", groupBy: ["alertname", "cluster"], labels: { cluster: "prod-euw1", datname: "pricing" },
      title: "PostgresqlLongRunningQuery", message: "query by user finance_ro running for 3m40s: SELECT ... FROM price_history ph JOIN ...", resolvesAfter: 21 })
    .add({ incident: "node", at: 4.5, source: "alertmanager", service: "promo-service", region: "eu-west-1", severity: "low", rule: "KubePodNotReady", target: "promo-service-79f6d-hh8sw", groupBy: ["alertname", "namespace"], labels: { namespace: "checkout", pod: "promo-service-79f6d-hh8sw", node: "ip-10-4-17-22.eu-west-1.compute.internal" },
      title: "KubePodNotReady", message: "Pod checkout/promo-service-79f6d-hh8sw has been in a non-ready state for longer than 2 minutes.", resolvesAfter: 4 })
    .add({ incident: "pricing-report", at: 6.0, source: "datadog", service: "cart-service", region: "eu-west-1", severity: "medium", rule: "monitor-30020 cart p99", target: "cart-service",
      title: "[Triggered] cart-service p99 latency above 1s", message: "p99 2.9s on GET /cart; pricing-service quote calls 2.4s", resolvesAfter: 18 })
    .add({ incident: "node", at: 7.0, source: "generic", service: "k8s-cluster", region: "eu-west-1", severity: "info", rule: "eks-node-terminated",
      title: "Node ip-10-4-17-22.eu-west-1.compute.internal terminated", message: "cluster-autoscaler: node unready for 15m, terminating instance i-0a41c7be92f3d1e08; 11 pods rescheduled" })
    .add({ incident: "pricing-report", at: 19.0, source: "generic", service: "pricing-db", region: "eu-west-1", severity: "info", rule: "dba-cancel-query",
      title: "pg_cancel_backend on pricing-db-prod-euw1 (pid 48211, finance_ro)", message: "DBA on call: cancelled month-end report; asked finance to use the read replica" })
    .build();

  const mesh = new ScenarioBuilder(
    "holdout6-deploy-mesh-config-and-reporting-release",
    "deploy",
    "An Istio mesh config change (outlier detection too aggressive) is synced by Argo CD; several services ejected from load balancing return 503 UH; rolled back 25 minutes later; an unrelated reporting-api release fails its migration",
    "2026-11-24T16:00:00Z",
    "At 16:00 Argo CD syncs istio-mesh-config: a DestinationRule default with consecutive5xxErrors: 1 and " +
      "baseEjectionTime 5m. One transient 503 ejects a backend; under the afternoon load api-gateway, auth-service, " +
      "route-planner and checkout-web start returning 503 'no healthy upstream' (UH). The announcement comes before the " +
      "symptoms, the rollback after. Unrelated in the same half hour: reporting-api 4.12.0 is deployed and its migration " +
      "fails on a lock, so reporting-api is in CrashLoopBackOff. Traps: two deploy events in one window; the mesh change " +
      "names no service; symptom alerts share the Envoy flag UH.",
  )
    .add({ incident: "mesh", at: 0, source: "generic", service: null, region: "us-east-1", severity: "info", rule: "argocd-sync-istio-mesh-config",
      title: "Argo CD: application istio-mesh-config synced to 7f3a9c1 (prod-use1)", message: "Sync operation to 7f3a9c1 succeeded: DestinationRule/default-outlier configured (PR #418 'tighten outlier detection')" })
    .add({ incident: "report", at: 2.0, source: "generic", service: "reporting-api", region: "us-east-1", severity: "info", rule: "deploy-reporting-api",
      title: "Deploy started: reporting-api 4.12.0 to prod", message: "GitHub Actions run #8812 by data-platform: helm upgrade reporting-api --version 4.12.0" })
    .add({ incident: "mesh", at: 4.0, source: "datadog", service: "api-gateway", region: "us-east-1", severity: "high", rule: "monitor-10100 gateway 5xx", target: "api-gateway",
      title: "[Triggered] api-gateway 5xx rate above 1%", message: "5xx 4.6%; response_flags UH (no healthy upstream) on /v1/auth/*", errorCode: "HTTP 503", resolvesAfter: 24 })
    .add({ incident: "mesh", at: 4.5, source: "alertmanager", service: "auth-service", region: "us-east-1", severity: "high", rule: "IstioHigh5xxRate", target: "auth-service", groupBy: ["alertname", "destination_service"], labels: { destination_service: "auth-service.identity.svc.cluster.local", response_flags: "UH" },
      title: "IstioHigh5xxRate", message: "auth-service.identity.svc.cluster.local 5xx rate 7.1% (response_flags=UH)", errorCode: "HTTP 503", resolvesAfter: 23 })
    .add({ incident: "report", at: 5.0, source: "alertmanager", service: "reporting-api", region: "us-east-1", severity: "medium", rule: "KubePodCrashLooping", target: "reporting-api-6d4f5-2kq8m", groupBy: ["alertname", "namespace"], labels: { namespace: "bi", pod: "reporting-api-6d4f5-2kq8m" },
      title: "KubePodCrashLooping", message: "Pod bi/reporting-api-6d4f5-2kq8m (migrate) is in waiting state (reason: \"CrashLoopBackOff\").", resolvesAfter: 30 })
    .add({ incident: "mesh", at: 5.5, source: "alertmanager", service: "route-planner", region: "us-east-1", severity: "high", rule: "IstioHigh5xxRate", target: "route-planner", groupBy: ["alertname", "destination_service"], labels: { destination_service: "route-planner.routing.svc.cluster.local", response_flags: "UH" },
      title: "IstioHigh5xxRate", message: "route-planner.routing.svc.cluster.local 5xx rate 5.3% (response_flags=UH)", errorCode: "HTTP 503", resolvesAfter: 21 })
    .add({ incident: "report", at: 6.0, source: "sentry", service: "reporting-api", severity: "medium", rule: "reporting LockNotAvailable",
      title: "LockNotAvailable: canceling statement due to lock timeout", message: "alembic upgrade 4b1e2c -> 9d03aa: ALTER TABLE report_runs ADD COLUMN owner_team", resolvesAfter: 28 })
    .add({ incident: "mesh", at: 6.5, source: "sentry", service: "checkout-web", severity: "high", rule: "checkout-web fetch 503",
      title: "Error: Request failed with status code 503", message: "app/checkout/actions.ts in submitPayment: body 'no healthy upstream'", errorCode: "HTTP 503", resolvesAfter: 20 })
    .add({ incident: "mesh", at: 7.0, source: "datadog", service: "checkout-web", region: "us-east-1", severity: "critical", rule: "monitor-20010 checkout conversion", target: "checkout-web",
      title: "[Triggered] checkout-web order completion below 90%", message: "completion 71% over 5m; payment step errors", resolvesAfter: 19 })
    .add({ incident: "mesh", at: 8.0, source: "datadog", service: "driver-app-api", region: "us-east-1", severity: "medium", rule: "monitor-85010 driver-app-api errors", target: "driver-app-api",
      title: "[Triggered] driver-app-api error rate above 2%", message: "errors 3.4%: login and route fetch 503 from upstream", errorCode: "HTTP 503", resolvesAfter: 18 })
    .add({ incident: "mesh", at: 12.0, source: "pagerduty", service: "checkout-web", severity: "high", rule: "pd-cx-checkout",
      title: "Customer support: customers cannot pay, 'something went wrong' at checkout", message: "Spike of chats since 16:05; retries sometimes work" })
    .add({ incident: "report", at: 15.0, source: "pagerduty", service: "reporting-api", severity: "low", rule: "pd-bi-reports",
      title: "BI: scheduled reports failing since the afternoon deploy", message: "Dashboards show 'report service unavailable'" })
    .add({ incident: "mesh", at: 25.0, source: "generic", service: null, region: "us-east-1", severity: "info", rule: "argocd-sync-istio-mesh-config",
      title: "Argo CD: application istio-mesh-config synced to 2c81d0e (prod-use1)", message: "Sync operation to 2c81d0e succeeded: revert 'tighten outlier detection' (PR #419)" })
    .add({ incident: "report", at: 33.0, source: "generic", service: "reporting-api", region: "us-east-1", severity: "info", rule: "deploy-reporting-api",
      title: "Rollback: reporting-api to 4.11.3 in prod", message: "helm rollback reporting-api 41 by data-platform on call" })
    .build();

  const rebalance = new ScenarioBuilder(
    "holdout6-flapping-consumer-rebalance-and-synthetic-probe",
    "flapping",
    "etl-pipeline's kafka consumer group keeps rebalancing (max.poll.interval exceeded on a slow batch) and its lag alert fires and clears every 15-20 minutes; a synthetic check on api-gateway from one probe location flaps beside it",
    "2026-11-22T02:00:00Z",
    "From 02:00, a change in batch size makes etl-pipeline's consumers take longer than max.poll.interval.ms on some " +
      "batches; the coordinator kicks them out, the group rebalances, lag builds and drains. The lag alert fires and " +
      "resolves five times over ninety minutes; each time a rebalance warning and a Sentry CommitFailedError arrive. The data " +
      "on-call lowers max.poll.records at 03:35. Unrelated: the synthetic check on api-gateway from the Singapore probe " +
      "location flaps (probe-side network), with the same cadence by chance. Traps: the flapping alerts are each resolved " +
      "before the next fires; kafka is a dependency of etl-pipeline; the probe flaps in the same minutes.",
  )
    .repeat([0, 18, 35, 54, 72], { incident: "etl-rebalance", source: "alertmanager", service: "etl-pipeline", region: "eu-west-1", severity: "medium", rule: "KafkaConsumerGroupLagHigh", target: "etl-pipeline", groupBy: ["alertname", "consumergroup"], labels: { consumergroup: "etl-events-loader", topic: "parcel-events" },
      title: "KafkaConsumerGroupLagHigh", message: "Consumer group etl-events-loader lag on parcel-events above 500k", resolvesAfter: 11 })
    .repeat([1, 19, 36, 55, 73], { incident: "etl-rebalance", source: "sentry", service: "etl-pipeline", severity: "low", rule: "etl CommitFailedError",
      title: "CommitFailedError: Commit cannot be completed since the group has already rebalanced and assigned the partitions to another member.", message: "etl.loaders.events.run_batch: max.poll.interval.ms exceeded (300000)", resolvesAfter: 10 })
    .repeat([2, 37, 74], { incident: "etl-rebalance", source: "alertmanager", service: "kafka", region: "eu-west-1", severity: "low", rule: "KafkaConsumerGroupRebalancing", target: "kafka-1", groupBy: ["alertname", "consumergroup"], labels: { consumergroup: "etl-events-loader" },
      title: "KafkaConsumerGroupRebalancing", message: "Consumer group etl-events-loader is rebalancing (member left: max.poll.interval exceeded)", resolvesAfter: 3 })
    .repeat([6, 26, 47, 68], { incident: "probe", source: "datadog", service: "api-gateway", region: "ap-southeast-1", severity: "low", rule: "synthetics-api-gateway-health", target: "aws:ap-southeast-1",
      title: "[Synthetics] api-gateway /health from aws:ap-southeast-1 failing", message: "Assertion failed: response time 12,004 ms > 5,000 ms (other locations passing)", resolvesAfter: 6 })
    .add({ incident: "etl-rebalance", at: 60, source: "pagerduty", service: "etl-pipeline", severity: "medium", rule: "pd-data-freshness",
      title: "Data freshness SLA at risk: parcel_events 45 minutes stale", message: "warehouse-dw table parcel_events last load 02:15; SLA 30 minutes" })
    .add({ incident: "etl-rebalance", at: 95, source: "generic", service: "etl-pipeline", region: "eu-west-1", severity: "info", rule: "change-etl-consumer-config",
      title: "Config change: etl-events-loader max.poll.records 2000 -> 500", message: "Data on call: batches were exceeding max.poll.interval.ms and triggering rebalances" })
    .build();

  const jwks = new ScenarioBuilder(
    "holdout6-noise-jwks-rotation-night",
    "noise",
    "A scheduled signing-key rotation publishes the new JWKS before the old key's tokens expire wrongly: sso-gateway rejects valid tokens for some partners; a night of unrelated chatter around it; support escalates much later",
    "2026-11-21T23:00:00Z",
    "At 23:00 a cron job rotates auth-service's signing key and removes the previous key from the JWKS instead of keeping " +
      "it for the token lifetime. Tokens signed before 23:00 fail validation at sso-gateway and api-gateway until they " +
      "expire (12 h for partner integrations). Alerts: 401 rate on sso-gateway, Sentry 'invalid signature' at api-gateway, a " +
      "partner integration check failing, support escalation at 00:40, and the identity on-call re-publishing the old key at " +
      "01:05. Around it, ordinary night chatter: ci-runners disk warnings, a backup completed notice, a push-service APNs " +
      "feedback warning, a brief CPU warning on warehouse-dw during the nightly load, a certificate renewal notice from " +
      "cert-manager (renewed fine). Traps: the rotation event is info and names no failing symptom; the chatter sits in the " +
      "same hours; the escalation is 100 minutes after the first alert.",
  )
    .add({ incident: "jwks", at: 0, source: "generic", service: "auth-service", region: "eu-west-1", severity: "info", rule: "cron-rotate-signing-key",
      title: "CronJob identity/rotate-signing-key completed", message: "new kid 2026-11-21-b published to /.well-known/jwks.json; keys in set: 1" })
    .add({ incident: "chatter-ci", at: 3, source: "alertmanager", service: "ci-runners", region: "eu-west-1", severity: "low", rule: "NodeFilesystemSpaceFillingUp", target: "runner-07", groupBy: ["alertname", "instance"],
      title: "NodeFilesystemSpaceFillingUp", message: "Filesystem on /dev/nvme1n1 at runner-07 has only 14% available space left and is filling up.", resolvesAfter: 50 })
    .add({ incident: "jwks", at: 4, source: "datadog", service: "sso-gateway", region: "eu-west-1", severity: "high", rule: "monitor-62010 sso 401 rate", target: "sso-gateway",
      title: "[Triggered] sso-gateway 401 rate above 5%", message: "401 responses 23% on /oauth2/introspect; partner clients acme-3pl, fastfreight", errorCode: "HTTP 401", resolvesAfter: 120 })
    .add({ incident: "jwks", at: 6, source: "sentry", service: "api-gateway", severity: "high", rule: "gateway JWSSignatureVerificationFailed",
      title: "JWTVerifyError: signature verification failed: no key found for kid \"2026-11-20-a\"", message: "gateway/auth/verify.go in VerifyToken", resolvesAfter: 120 })
    .add({ incident: "chatter-backup", at: 12, source: "generic", service: "ledger-db", region: "eu-west-1", severity: "info", rule: "backup-ledger-db",
      title: "Backup completed: ledger-db-prod-euw1 snapshot", message: "rds:ledger-db-prod-euw1-2026-11-21-23-10 available (412 GB)" })
    .add({ incident: "jwks", at: 15, source: "grafana", service: "sso-gateway", region: "eu-west-1", severity: "medium", rule: "Partner integration check", target: "partner-fastfreight",
      title: "Partner integration check failing: fastfreight", message: "POST /partner/v1/shipments returned 401 invalid_token 6 times in 10m", errorCode: "HTTP 401", resolvesAfter: 100 })
    .add({ incident: "chatter-push", at: 22, source: "datadog", service: "push-service", region: "eu-west-1", severity: "low", rule: "monitor-74100 apns feedback", target: "push-service",
      title: "[Warn] push-service APNs BadDeviceToken above 2%", message: "BadDeviceToken 2.4% of sends (stale tokens after app reinstalls)", resolvesAfter: 40 })
    .add({ incident: "chatter-dw", at: 35, source: "grafana", service: "warehouse-dw", region: "eu-west-1", severity: "low", rule: "DW CPU high", target: "warehouse-dw",
      title: "warehouse-dw CPU above 85%", message: "CPU 88% during nightly load window", resolvesAfter: 12 })
    .add({ incident: "chatter-cert", at: 41, source: "alertmanager", service: "cert-manager", region: "eu-west-1", severity: "info", rule: "CertificateRenewed", target: "partner-api-tls", groupBy: ["alertname", "namespace"], labels: { namespace: "edge" },
      title: "CertificateRenewed", message: "Certificate edge/partner-api-tls renewed; not after 2027-02-19", resolvesAfter: 1 })
    .add({ incident: "chatter-ci", at: 48, source: "alertmanager", service: "ci-runners", region: "eu-west-1", severity: "low", rule: "NodeFilesystemSpaceFillingUp", target: "runner-11", groupBy: ["alertname", "instance"],
      title: "NodeFilesystemSpaceFillingUp", message: "Filesystem on /dev/nvme1n1 at runner-11 has only 12% available space left and is filling up.", resolvesAfter: 40 })
    .add({ incident: "jwks", at: 52, source: "datadog", service: "api-gateway", region: "eu-west-1", severity: "medium", rule: "monitor-10200 gateway 401", target: "api-gateway",
      title: "[Triggered] api-gateway 401 rate above 3%", message: "401 responses 6.8% on /partner/*; invalid_token", errorCode: "HTTP 401", resolvesAfter: 70 })
    .add({ incident: "chatter-dw", at: 65, source: "grafana", service: "warehouse-dw", region: "eu-west-1", severity: "low", rule: "DW CPU high", target: "warehouse-dw",
      title: "warehouse-dw CPU above 85%", message: "CPU 86% during nightly load window", resolvesAfter: 8 })
    .add({ incident: "jwks", at: 100, source: "pagerduty", service: "sso-gateway", severity: "high", rule: "pd-partner-support",
      title: "Partner support: two 3PL partners cannot create shipments since 23:00", message: "acme-3pl and fastfreight get 401 invalid_token on every call; their tokens were issued this afternoon" })
    .add({ incident: "jwks", at: 125, source: "generic", service: "auth-service", region: "eu-west-1", severity: "info", rule: "change-jwks-republish",
      title: "Change applied: previous signing key 2026-11-20-a re-added to JWKS", message: "Identity on call: rotation job removed the old kid immediately; keeping both keys until tokens expire" })
    .build();

  const redis = new ScenarioBuilder(
    "holdout6-cascade-redis-eviction-and-geo-tiles",
    "cascading",
    "redis-cache reaches maxmemory after a key-TTL bug; evictions make auth-service sessions fall through to identity-db (connections saturate) and carts vanish; geo-service has its own unrelated tile-source problem on the same dependency",
    "2026-11-25T19:30:00Z",
    "A cart-service release two days ago stopped setting TTLs on a cart snapshot key. At 19:30 redis-cache (us-east-1) " +
      "reaches maxmemory and evicts with allkeys-lru. auth-service sessions miss and fall back to identity-db, whose " +
      "connections saturate; users are logged out; cart-service loses carts; fraud-scorer's feature reads slow down. The " +
      "platform on-call raises maxmemory and flushes the snapshot keys at 19:58. Unrelated, same region and minutes: " +
      "geo-service (also on redis-cache) returns errors because its third-party tile provider's API key expired. Traps: " +
      "identity-db saturating looks like a root cause but is a symptom; geo-service shares the dependency and the minutes.",
  )
    .add({ incident: "evict", at: 0, source: "alertmanager", service: "redis-cache", region: "us-east-1", severity: "high", rule: "RedisMemoryHigh", target: "redis-cache-0", groupBy: ["alertname", "cluster"], labels: { cluster: "prod-use1" },
      title: "RedisMemoryHigh", message: "Redis is running out of memory (> 95%): used_memory 24.9GB / maxmemory 25GB", resolvesAfter: 30 })
    .add({ incident: "evict", at: 1.0, source: "alertmanager", service: "redis-cache", region: "us-east-1", severity: "medium", rule: "RedisEvictedKeys", target: "redis-cache-0", groupBy: ["alertname", "cluster"], labels: { cluster: "prod-use1" },
      title: "RedisEvictedKeys", message: "Redis instance redis-cache-0 has evicted 184,220 keys in the last 5 minutes", resolvesAfter: 28 })
    .add({ incident: "evict", at: 3.0, source: "datadog", service: "auth-service", region: "us-east-1", severity: "high", rule: "monitor-60200 auth session misses", target: "auth-service",
      title: "[Triggered] auth-service session cache miss ratio above 20%", message: "miss ratio 64%; fallback to identity-db for session lookup", resolvesAfter: 27 })
    .add({ incident: "geo-tiles", at: 3.5, source: "sentry", service: "geo-service", severity: "high", rule: "geo TileProviderUnauthorized",
      title: "HTTPError: 403 Client Error: Forbidden for url: https://tiles.mapvendor.example/v4/...", message: "geo.tiles.fetch_tile: API key expired", errorCode: "HTTP 403", resolvesAfter: 45 })
    .add({ incident: "evict", at: 4.0, source: "cloudwatch", service: "identity-db", region: "us-east-1", severity: "high", rule: "rds-identity-db-connections", target: "identity-db-prod-use1",
      title: "ALARM: \"identity-db-prod-use1 DatabaseConnections > 900\" in US East (N. Virginia)", message: "Threshold Crossed: 1 datapoint [1000.0] was greater than the threshold (900.0).", resolvesAfter: 25 })
    .add({ incident: "evict", at: 5.0, source: "sentry", service: "auth-service", severity: "high", rule: "auth too many clients",
      title: "FATAL: sorry, too many clients already", message: "auth/session.(*PGFallback).Load", resolvesAfter: 24 })
    .add({ incident: "geo-tiles", at: 5.5, source: "datadog", service: "geo-service", region: "us-east-1", severity: "medium", rule: "monitor-71010 geo errors", target: "geo-service",
      title: "[Triggered] geo-service error rate above 2%", message: "errors 11% on GET /tiles/{z}/{x}/{y}: upstream 403", errorCode: "HTTP 403", resolvesAfter: 40 })
    .add({ incident: "evict", at: 6.0, source: "datadog", service: "cart-service", region: "us-east-1", severity: "medium", rule: "monitor-30030 cart not found", target: "cart-service",
      title: "[Triggered] cart-service 404 cart-not-found rate above 1%", message: "7.2% of GET /cart return 404 for carts created in the last hour", errorCode: "HTTP 404", resolvesAfter: 24 })
    .add({ incident: "evict", at: 7.0, source: "grafana", service: "fraud-scorer", region: "us-east-1", severity: "low", rule: "Fraud feature read latency", target: "fraud-scorer",
      title: "Fraud feature read latency above 50ms", message: "p99 feature read 140ms (redis-cache misses)", resolvesAfter: 22 })
    .add({ incident: "evict", at: 9.0, source: "datadog", service: "sso-gateway", region: "us-east-1", severity: "medium", rule: "monitor-62020 sso login failures", target: "sso-gateway",
      title: "[Triggered] sso-gateway login failures above 5%", message: "login failures 12%: upstream auth-service 500", errorCode: "HTTP 500", resolvesAfter: 20 })
    .add({ incident: "evict", at: 13.0, source: "pagerduty", service: "auth-service", severity: "high", rule: "pd-cx-logged-out",
      title: "Customer support: customers logged out and carts emptied", message: "Customers report being logged out mid-checkout; carts empty after logging back in" })
    .add({ incident: "geo-tiles", at: 20.0, source: "pagerduty", service: "geo-service", severity: "medium", rule: "pd-ops-map-blank",
      title: "Dispatch ops: map tiles blank in the planner UI", message: "Route planner UI shows grey map since about 19:30; routes still compute" })
    .add({ incident: "evict", at: 28.0, source: "generic", service: "redis-cache", region: "us-east-1", severity: "info", rule: "change-redis-maxmemory",
      title: "Change applied: redis-cache maxmemory 25GB -> 40GB, deleted cart:snapshot:* keys", message: "Platform on call: cart snapshot keys had no TTL since cart-service 3.8.0; fix PR in review" })
    .build();

  return [search, zone, node, mesh, rebalance, jwks, redis];
}
