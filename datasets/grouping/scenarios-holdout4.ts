import { ScenarioBuilder, type Scenario } from "./scenario-kit";

/**
 * Fourth held-out batch: written and committed (2026-11-26) before the fourth round of grouping changes, before
 * reading the grouping code or any held-out-3 decision, from how outages at a parcel company unfold. In three of the
 * seven the shared cause is not named in the symptoms' text: it shows only through the catalog's dependencies
 * (a RabbitMQ disk alarm, an identity-db failover) or through timing (a node dying under unrelated pods). Two are
 * simultaneous unrelated outages in the same environment and region. Never tuned on while it is the newest batch.
 * Labels are what the on-call engineer would call one incident.
 */
export function holdout4Scenarios(): Scenario[] {
  const rabbit = new ScenarioBuilder(
    "holdout4-cascade-rabbitmq-disk-alarm",
    "cascading",
    "RabbitMQ disk alarm blocks every publisher during the morning scan peak; the symptoms never name RabbitMQ",
    "2026-11-24T06:10:00Z",
    "A dead-letter queue with no consumer (parcel.events.dlq) grew to 40 GB overnight. At 06:10, during the morning scan peak, " +
      "the rabbitmq nodes cross disk_free_limit and the disk alarm blocks every publishing connection cluster-wide. scanner-ingest " +
      "stops accepting scans, inventory-service cannot emit stock events so reservations hang, notification-service cannot enqueue, " +
      "and warehouse-gateway (on inventory-service) times out to the handhelds. None of the service alerts says RabbitMQ: the link " +
      "is the catalog (scanner-ingest, inventory-service and notification-service all depend on rabbitmq). Platform purges the DLQ " +
      "at 06:31; scanner-ingest's backlog alert re-fires at 06:41 while the backlog drains. Unrelated in the same window: the " +
      "warehouse VPN reports a latency warning (catalog-linked to warehouse-gateway), a CI runner disk warning, a printer offline. " +
      "Traps: no shared words between the symptoms; the VPN warning is one catalog hop from a real symptom; the re-fire comes 30 min later.",
  )
    .add({ incident: "rabbit", at: 0, source: "alertmanager", service: "rabbitmq", region: "eu-west-1", severity: "critical", rule: "RabbitmqDiskAlarm", target: "rabbitmq-1", groupBy: ["alertname", "cluster"], labels: { cluster: "prod-euw1", namespace: "messaging" },
      title: "RabbitmqDiskAlarm", message: "RabbitMQ disk alarm raised on rabbit@rabbitmq-1: disk free 1.9GB below limit 2GB. Publishers are blocked.", resolvesAfter: 22 })
    .add({ incident: "rabbit", at: 0.5, source: "alertmanager", service: "rabbitmq", region: "eu-west-1", severity: "critical", rule: "RabbitmqDiskAlarm", target: "rabbitmq-0", groupBy: ["alertname", "cluster"], labels: { cluster: "prod-euw1", namespace: "messaging" },
      title: "RabbitmqDiskAlarm", message: "RabbitMQ disk alarm raised on rabbit@rabbitmq-0: disk free 1.8GB below limit 2GB. Publishers are blocked.", resolvesAfter: 21 })
    .add({ incident: "rabbit", at: 1.5, source: "datadog", service: "scanner-ingest", region: "eu-west-1", severity: "high", rule: "monitor-33410 scans ingested per minute",
      title: "[Triggered] scanner-ingest scans ingested/min dropped below 200", message: "scans ingested 41/min (expected ~1,900 at this hour); handheld sync pending on 3 sites", resolvesAfter: 23 })
    .add({ incident: "rabbit", at: 2.2, source: "sentry", service: "inventory-service", severity: "high", rule: "inventory TimeoutError stock event publish",
      title: "TimeoutError: publish of StockReserved did not complete within 5000ms", message: "inventory.reservations.reserve_stock", resolvesAfter: 20 })
    .add({ incident: "chatter-ci", at: 3.0, source: "datadog", service: "ci-runners", region: "eu-west-1", severity: "low", rule: "monitor-90100 ci runner disk",
      title: "[Warn] ci-runners disk usage above 80% on runner-14", message: "/var/lib/docker 83% used", resolvesAfter: 50 })
    .add({ incident: "rabbit", at: 3.4, source: "datadog", service: "inventory-service", region: "eu-west-1", severity: "high", rule: "monitor-30220 inventory reservation latency",
      title: "[Triggered] inventory-service reservation p99 latency > 2s", message: "p99 8.4s on POST /v1/reservations", resolvesAfter: 19 })
    .add({ incident: "rabbit", at: 4.0, source: "grafana", service: "notification-service", region: "eu-west-1", severity: "medium", rule: "Outbound notification lag", target: "notification-service",
      title: "Outbound notification lag above 5 minutes", message: "oldest pending notification 6m12s; enqueue calls timing out", resolvesAfter: 20 })
    .add({ incident: "vpn-latency", at: 4.5, source: "cloudwatch", service: "warehouse-vpn", region: "eu-west-1", severity: "low", rule: "warehouse-vpn-ams1 TunnelLatency", target: "vpn-0a1b2c3d",
      title: "ALARM: \"warehouse-vpn-ams1 tunnel latency > 80ms\" in EU (Ireland)", message: "Threshold Crossed: 2 datapoints [96.0, 88.0] were greater than the threshold (80.0)", resolvesAfter: 15 })
    .add({ incident: "rabbit", at: 5.5, source: "alertmanager", service: "warehouse-gateway", region: "eu-west-1", severity: "high", rule: "HighRequestLatency", target: "warehouse-gateway", groupBy: ["alertname", "service"],
      title: "HighRequestLatency", message: "warehouse-gateway 99th percentile request latency is 12.3s (threshold 3s) on /handheld/sync", resolvesAfter: 17 })
    .add({ incident: "rabbit", at: 6.0, source: "sentry", service: "scanner-ingest", severity: "high", rule: "scanner-ingest ChannelBlocked",
      title: "ConnectionBlockedTimeout: connection blocked for more than 30s", message: "ingest.publisher.publish_scan", resolvesAfter: 18 })
    .add({ incident: "rabbit", at: 8.0, source: "pagerduty", service: "warehouse-gateway", severity: "high", rule: "pd-warehouse-floor-handhelds",
      title: "Warehouse floor: handhelds stuck on 'sync pending' at AMS1 and DUB2", message: "Shift leads report scanning stopped 15 minutes ago; parcels piling at inbound doors", resolvesAfter: 25 })
    .add({ incident: "printer", at: 9.0, source: "generic", service: "label-printer-service", region: "eu-west-1", severity: "low", rule: "printer-offline-AMS1-03", target: "AMS1-03",
      title: "Printer AMS1-03 offline", message: "No heartbeat from Zebra ZT411 at AMS1 lane 3 for 10 minutes", resolvesAfter: 30 })
    .add({ incident: "rabbit", at: 12.0, source: "alertmanager", service: "rabbitmq", region: "eu-west-1", severity: "high", rule: "RabbitmqTooManyMessagesInQueue", target: "parcel.events.dlq", groupBy: ["alertname", "cluster"], labels: { cluster: "prod-euw1", namespace: "messaging", queue: "parcel.events.dlq" },
      title: "RabbitmqTooManyMessagesInQueue", message: "Queue parcel.events.dlq is filling up (> 1000 msgs): 18,442,107 messages", resolvesAfter: 20 })
    .add({ incident: "rabbit", at: 31.0, source: "datadog", service: "scanner-ingest", region: "eu-west-1", severity: "medium", rule: "monitor-33420 scan backlog",
      title: "[Triggered] scanner-ingest backlog above 50k scans", message: "backlog 212k scans draining at 6k/min", resolvesAfter: 14 })
    .add({ incident: "rabbit", at: 33.0, source: "datadog", service: "inventory-service", region: "eu-west-1", severity: "medium", rule: "monitor-30230 inventory consumer lag",
      title: "[Triggered] inventory-service stock event consumer lag > 10k", message: "lag 88k events on stock-updates; catching up", resolvesAfter: 10 })
    .build();

  const identity = new ScenarioBuilder(
    "holdout4-cascade-identity-db-failover",
    "cascading",
    "identity-db Multi-AZ failover; auth-service keeps dead pooled connections for eight minutes and logins fail everywhere",
    "2026-11-25T13:20:00Z",
    "The identity-db primary's host fails a hardware check and RDS fails over to the standby (about 70 seconds). auth-service's " +
      "connection pool keeps the dead connections until they time out, so logins fail for eight minutes after the database is back. " +
      "Every login path alerts: sso-gateway, api-gateway's /v1/session, driver-app-api and customer-app-api. Only the first RDS event " +
      "names the database; the auth errors say 'server closed the connection unexpectedly'; the rest say 503 or login failures. " +
      "Unrelated in the same window: push-service gets APNs 'BadDeviceToken' spikes after a token cleanup, and customer-app-api has " +
      "its own new Sentry issue from the app release that morning (a null ETA on the tracking screen). " +
      "Traps: the cause shows only through auth-service's dependency on identity-db; customer-app-api has two problems at once.",
  )
    .add({ incident: "identity", at: 0, source: "cloudwatch", service: "identity-db", region: "eu-west-1", severity: "high", rule: "RDS-EVENT-0049 identity-db-prod", target: "identity-db-prod",
      title: "RDS-EVENT-0049: Multi-AZ instance failover started for identity-db-prod", message: "The instance identity-db-prod is failing over because its host failed a health check." })
    .add({ incident: "identity", at: 0.6, source: "sentry", service: "auth-service", severity: "critical", rule: "auth OperationalError server closed connection",
      title: "OperationalError: server closed the connection unexpectedly", message: "This probably means the server terminated abnormally before or while processing the request. (auth.tokens.issue_token)", resolvesAfter: 10 })
    .add({ incident: "identity", at: 1.0, source: "datadog", service: "auth-service", region: "eu-west-1", severity: "critical", rule: "monitor-21000 auth-service 5xx",
      title: "[Triggered] auth-service 5xx above 2%", message: "5xx 38.2% on POST /oauth/token", errorCode: "HTTP 500", resolvesAfter: 9 })
    .add({ incident: "identity", at: 1.3, source: "cloudwatch", service: "identity-db", region: "eu-west-1", severity: "medium", rule: "RDS-EVENT-0071 identity-db-prod", target: "identity-db-prod",
      title: "RDS-EVENT-0071: A Multi-AZ failover has completed for identity-db-prod", message: "Multi-AZ instance failover completed." })
    .add({ incident: "identity", at: 1.6, source: "grafana", service: "sso-gateway", region: "eu-west-1", severity: "high", rule: "SSO login success rate", target: "sso-gateway",
      title: "SSO login success rate below 95%", message: "SAML and OIDC logins succeeding 54% over the last 5 minutes", resolvesAfter: 9 })
    .add({ incident: "push", at: 2.0, source: "datadog", service: "push-service", region: "eu-west-1", severity: "medium", rule: "monitor-70010 push APNs rejects",
      title: "[Triggered] push-service APNs rejection rate above 3%", message: "BadDeviceToken 11.4% of sends after token table cleanup job", resolvesAfter: 35 })
    .add({ incident: "identity", at: 2.3, source: "alertmanager", service: "api-gateway", region: "eu-west-1", severity: "high", rule: "ApiGatewayUpstream5xxHigh", target: "kong-proxy", groupBy: ["alertname", "service"], labels: { upstream: "auth-service" },
      title: "ApiGatewayUpstream5xxHigh", message: "5xx ratio 29% for upstream auth-service on route /v1/session", errorCode: "HTTP 503", resolvesAfter: 8 })
    .add({ incident: "identity", at: 3.0, source: "datadog", service: "driver-app-api", region: "eu-west-1", severity: "high", rule: "monitor-62010 driver login errors",
      title: "[Triggered] driver-app-api login errors above 5%", message: "POST /v1/session failing 31%", errorCode: "HTTP 503", resolvesAfter: 8 })
    .add({ incident: "app-eta", at: 3.5, source: "sentry", service: "customer-app-api", severity: "medium", rule: "customer-app TypeError eta null",
      title: "TypeError: Cannot read properties of null (reading 'etaWindow')", message: "GET /v2/parcels/:id/tracking (release customer-app-api@4.31.0)", resolvesAfter: 60 })
    .add({ incident: "identity", at: 4.0, source: "datadog", service: "customer-app-api", region: "eu-west-1", severity: "high", rule: "monitor-63010 customer login errors",
      title: "[Triggered] customer-app-api login errors above 5%", message: "POST /v1/login failing 24%", errorCode: "HTTP 503", resolvesAfter: 7 })
    .add({ incident: "identity", at: 5.0, source: "sentry", service: "auth-service", severity: "high", rule: "auth PoolTimeout",
      title: "TimeoutError: QueuePool limit of size 20 overflow 10 reached, connection timed out, timeout 30", message: "auth.sessions.refresh_session", resolvesAfter: 4 })
    .add({ incident: "app-eta", at: 9.0, source: "datadog", service: "customer-app-api", region: "eu-west-1", severity: "low", rule: "monitor-63020 tracking screen errors",
      title: "[Warn] customer-app-api tracking screen error rate above 1%", message: "1.8% of GET /v2/parcels/:id/tracking return 500 since 11:02 (release 4.31.0)", errorCode: "HTTP 500", resolvesAfter: 55 })
    .add({ incident: "identity", at: 11.0, source: "pagerduty", service: "customer-app-api", severity: "medium", rule: "pd-support-cannot-login",
      title: "Customer support: spike in 'cannot log in' chats", message: "47 chats in 10 minutes from app and web users unable to sign in", resolvesAfter: 15 })
    .add({ incident: "push", at: 14.0, source: "sentry", service: "push-service", severity: "low", rule: "push apns BadDeviceToken",
      title: "APNsError: 400 BadDeviceToken", message: "push.apns.send_batch (tokens deleted by cleanup job re-registered with stale ids)", resolvesAfter: 30 })
    .build();

  const twoOutages = new ScenarioBuilder(
    "holdout4-concurrent-routing-db-and-acquirer",
    "concurrent",
    "routing-db runs out of connections while the card acquirer degrades, in the same region and minute",
    "2026-11-24T18:40:00Z",
    "Two unrelated outages in prod eu-west-1 at the evening peak. (1) The nightly route re-optimisation batch was moved two hours " +
      "earlier and opens 400 connections to routing-db; route-planner gets 'remaining connection slots are reserved', dispatch-service " +
      "cannot assign drivers, driver-app-api's routes endpoint returns 504. (2) Two minutes later the card acquirer starts timing out " +
      "authorisations: payments-api returns 504, checkout conversion drops; it recovers, then degrades again 25 minutes later (same " +
      "incident, per the acquirer's status page). Unrelated chatter: a search-cluster heap warning. Traps: both outages are critical, " +
      "both show HTTP 504, same region and minute; the acquirer's second wave is far outside a 10-minute window.",
  )
    .add({ incident: "routing-db", at: 0, source: "cloudwatch", service: "routing-db", region: "eu-west-1", severity: "high", rule: "routing-db-prod DatabaseConnections", target: "routing-db-prod",
      title: "ALARM: \"routing-db-prod DatabaseConnections > 450\" in EU (Ireland)", message: "Threshold Crossed: 1 datapoint [497.0] was greater than the threshold (450.0)", resolvesAfter: 28 })
    .add({ incident: "routing-db", at: 0.8, source: "sentry", service: "route-planner", severity: "critical", rule: "route-planner OperationalError slots reserved",
      title: "OperationalError: FATAL: remaining connection slots are reserved for non-replication superuser connections", message: "planner.routes.load_stops", resolvesAfter: 26 })
    .add({ incident: "acquirer", at: 2.0, source: "datadog", service: "payments-api", region: "eu-west-1", severity: "critical", rule: "monitor-11050 payments acquirer timeouts",
      title: "[Triggered] payments-api authorisation timeouts above 2%", message: "17.6% of card authorisations timing out after 10s at the acquirer", resolvesAfter: 14 })
    .add({ incident: "routing-db", at: 2.4, source: "datadog", service: "dispatch-service", region: "eu-west-1", severity: "high", rule: "monitor-60400 dispatch unassigned",
      title: "[Triggered] dispatch-service unassigned jobs above 500", message: "1,240 jobs unassigned; assignment loop failing on route lookups", resolvesAfter: 27 })
    .add({ incident: "acquirer", at: 2.9, source: "datadog", service: "payments-api", region: "eu-west-1", severity: "high", rule: "monitor-11000 payments-api 5xx",
      title: "[Triggered] payments-api 5xx above 1%", message: "5xx 9.8% on POST /v1/charges", errorCode: "HTTP 504", resolvesAfter: 12 })
    .add({ incident: "routing-db", at: 3.3, source: "datadog", service: "driver-app-api", region: "eu-west-1", severity: "high", rule: "monitor-62000 driver-app-api 5xx",
      title: "[Triggered] driver-app-api 5xx above 2%", message: "5xx 12.1% on GET /v1/routes/today", errorCode: "HTTP 504", resolvesAfter: 25 })
    .add({ incident: "acquirer", at: 4.0, source: "datadog", service: "checkout-web", region: "eu-west-1", severity: "critical", rule: "monitor-77001 checkout conversion",
      title: "[Triggered] checkout-web conversion rate dropped 30%", message: "Conversion 1.9% vs 3.2% baseline over 5 min; payment step abandonment up", resolvesAfter: 12 })
    .add({ incident: "search-heap", at: 5.0, source: "alertmanager", service: "search-cluster", region: "eu-west-1", severity: "low", rule: "ElasticsearchHeapUsageWarning", target: "es-data-2", groupBy: ["alertname", "cluster"], labels: { cluster: "prod-euw1" },
      title: "ElasticsearchHeapUsageWarning", message: "The heap usage is over 80% (81.3%) on es-data-2", resolvesAfter: 20 })
    .add({ incident: "routing-db", at: 6.0, source: "sentry", service: "dispatch-service", severity: "high", rule: "dispatch RoutePlannerUnavailable",
      title: "RoutePlannerUnavailable: route-planner returned 500 for batch 7f2c", message: "dispatch.assign.assign_batch", resolvesAfter: 22 })
    .add({ incident: "acquirer", at: 7.0, source: "pagerduty", service: "payments-api", severity: "high", rule: "pd-acquirer-status",
      title: "Acquirer status page: Degraded performance - card authorisations (EU)", message: "We are investigating elevated latency for authorisation requests in the EU region.", resolvesAfter: 40 })
    .add({ incident: "routing-db", at: 9.0, source: "pagerduty", service: "driver-app-api", severity: "high", rule: "pd-driver-ops-routes",
      title: "Driver ops: drivers cannot load tomorrow's routes", message: "Depot leads at 6 depots report the routes screen spinning", resolvesAfter: 20 })
    .add({ incident: "routing-db", at: 14.0, source: "cloudwatch", service: "routing-db", region: "eu-west-1", severity: "medium", rule: "routing-db-prod CPUUtilization", target: "routing-db-prod",
      title: "ALARM: \"routing-db-prod CPUUtilization > 85\" in EU (Ireland)", message: "Threshold Crossed: 3 datapoints [91.2, 93.0, 88.4] were greater than the threshold (85.0)", resolvesAfter: 12 })
    .add({ incident: "acquirer", at: 29.0, source: "datadog", service: "payments-api", region: "eu-west-1", severity: "critical", rule: "monitor-11050 payments acquirer timeouts",
      title: "[Triggered] payments-api authorisation timeouts above 2%", message: "9.3% of card authorisations timing out after 10s at the acquirer", resolvesAfter: 9 })
    .add({ incident: "acquirer", at: 30.0, source: "datadog", service: "checkout-web", region: "eu-west-1", severity: "high", rule: "monitor-77001 checkout conversion",
      title: "[Triggered] checkout-web conversion rate dropped 30%", message: "Conversion 2.2% vs 3.2% baseline over 5 min", resolvesAfter: 8 })
    .add({ incident: "routing-db", at: 31.0, source: "generic", service: "route-planner", region: "eu-west-1", severity: "info", rule: "batch-reopt-cancelled",
      title: "Job route-reoptimisation-nightly cancelled by routing on-call", message: "Cancelled run 2026-11-24 (started 18:38, moved from 20:30 by config change)" })
    .build();

  const kafkaFlap = new ScenarioBuilder(
    "holdout4-flapping-kafka-broker-disk",
    "flapping",
    "A degraded EBS volume makes kafka-2 drop out of ISR every twenty minutes for two hours, next to a flapping SMS provider",
    "2026-11-22T01:00:00Z",
    "kafka-2's data volume has degraded I/O (the EBS volume later gets an AWS scheduled-replacement notice). Every 15-25 minutes a " +
      "write stall pushes kafka-2 out of the in-sync replicas; it catches up after a few minutes and the alerts resolve. During the " +
      "longer stalls ledger-service's and tracking-service's consumers lag. At the same time the SMS provider's delivery receipts are " +
      "delayed in waves: notification-service's SMS delivery alert flaps three times and sms-gateway logs webhook timeouts. Kafka is " +
      "finally drained and the broker replaced at 03:05. Traps: flaps are 20 minutes apart, beyond any short window; two flapping " +
      "problems overlap in time; the consumer-lag alerts come from services whose dependency is kafka.",
  )
    .repeat([0, 22, 41, 63, 84, 101], { incident: "kafka", source: "alertmanager", service: "kafka", region: "eu-west-1", severity: "high", rule: "KafkaUnderReplicatedPartitions", target: "kafka-2", groupBy: ["alertname", "cluster"], labels: { cluster: "prod-euw1" },
      title: "KafkaUnderReplicatedPartitions", message: "Kafka has 142 under-replicated partitions (broker 2 out of ISR)", resolvesAfter: 5 })
    .add({ incident: "kafka", at: 1.0, source: "cloudwatch", service: "kafka", region: "eu-west-1", severity: "medium", rule: "kafka-prod-2-data VolumeQueueLength", target: "vol-0c41e9d2",
      title: "ALARM: \"kafka-prod-2-data VolumeQueueLength > 32\" in EU (Ireland)", message: "Threshold Crossed: 2 datapoints [211.0, 187.0] were greater than the threshold (32.0)", resolvesAfter: 6 })
    .add({ incident: "sms", at: 8.0, source: "datadog", service: "notification-service", region: "eu-west-1", severity: "medium", rule: "monitor-80020 sms delivery rate",
      title: "[Triggered] notification-service SMS delivery success below 95%", message: "delivered 81% over 15 min; receipts pending from provider", resolvesAfter: 12 })
    .add({ incident: "kafka", at: 23.5, source: "datadog", service: "ledger-service", region: "eu-west-1", severity: "medium", rule: "monitor-12050 ledger consumer lag",
      title: "[Triggered] ledger-service consumer lag > 10k", message: "consumer group ledger-posting lag 26k on payments.events", resolvesAfter: 6 })
    .add({ incident: "sms", at: 31.0, source: "sentry", service: "sms-gateway", severity: "low", rule: "sms-gateway webhook ReadTimeout",
      title: "ReadTimeout: HTTPSConnectionPool(host='api.sms-provider.example', port=443): Read timed out. (read timeout=10)", message: "sms.receipts.poll_status", resolvesAfter: 20 })
    .add({ incident: "kafka", at: 42.0, source: "cloudwatch", service: "kafka", region: "eu-west-1", severity: "medium", rule: "kafka-prod-2-data VolumeQueueLength", target: "vol-0c41e9d2",
      title: "ALARM: \"kafka-prod-2-data VolumeQueueLength > 32\" in EU (Ireland)", message: "Threshold Crossed: 2 datapoints [164.0, 140.0] were greater than the threshold (32.0)", resolvesAfter: 5 })
    .add({ incident: "sms", at: 52.0, source: "datadog", service: "notification-service", region: "eu-west-1", severity: "medium", rule: "monitor-80020 sms delivery rate",
      title: "[Triggered] notification-service SMS delivery success below 95%", message: "delivered 86% over 15 min; receipts pending from provider", resolvesAfter: 10 })
    .add({ incident: "kafka", at: 64.0, source: "datadog", service: "tracking-service", region: "eu-west-1", severity: "medium", rule: "monitor-91030 tracking event freshness",
      title: "[Triggered] tracking-service event freshness above 5 minutes", message: "newest processed scan event is 7m40s old", resolvesAfter: 7 })
    .add({ incident: "kafka", at: 65.0, source: "datadog", service: "ledger-service", region: "eu-west-1", severity: "medium", rule: "monitor-12050 ledger consumer lag",
      title: "[Triggered] ledger-service consumer lag > 10k", message: "consumer group ledger-posting lag 31k on payments.events", resolvesAfter: 7 })
    .add({ incident: "sms", at: 88.0, source: "datadog", service: "notification-service", region: "eu-west-1", severity: "medium", rule: "monitor-80020 sms delivery rate",
      title: "[Triggered] notification-service SMS delivery success below 95%", message: "delivered 79% over 15 min; receipts pending from provider", resolvesAfter: 14 })
    .add({ incident: "kafka", at: 102.0, source: "alertmanager", service: "kafka", region: "eu-west-1", severity: "high", rule: "KafkaOfflinePartitions", target: "kafka-2", groupBy: ["alertname", "cluster"], labels: { cluster: "prod-euw1" },
      title: "KafkaOfflinePartitions", message: "3 partitions have no active leader (min.insync.replicas not met)", resolvesAfter: 3 })
    .add({ incident: "kafka", at: 110.0, source: "generic", service: "kafka", region: "eu-west-1", severity: "info", rule: "aws-health ebs-degraded",
      title: "AWS Health: EBS volume vol-0c41e9d2 degraded, scheduled for replacement", message: "We have detected degraded performance of one of your EBS volumes in eu-west-1b." })
    .add({ incident: "kafka", at: 125.0, source: "generic", service: "kafka", region: "eu-west-1", severity: "info", rule: "change-kafka-2-replace",
      title: "Change CHG-8812: kafka-2 drained and replaced", message: "Partition reassignment complete, broker 2 on new volume" })
    .build();

  const night = new ScenarioBuilder(
    "holdout4-noise-smtp-credentials",
    "noise",
    "A secret rotation breaks SMTP auth at 02:00; the night's routine warnings surround it, including on notification-service",
    "2026-11-23T00:00:00Z",
    "The monthly secret-rotation job rotates the SMTP relay password at 02:00 but email-sender keeps the old one cached: every " +
      "send fails with 535. notification-service's email success rate drops, its retry queue grows, and nobody notices the " +
      "customer impact until support escalates at 03:25 (delivery confirmation emails missing). Around it, the usual night: the " +
      "Watchdog heartbeat, a nightly backup job slow, an ETL job late, a certificate due in 21 days, a deprecation warning in " +
      "notification-service, CI disk, a reporting slow query, printers going offline at shift end. Traps: the chatter includes " +
      "notification-service itself; the support escalation comes 85 minutes after the start; nothing names the rotation except one info event.",
  )
    .add({ incident: "n-watchdog", at: 0, source: "alertmanager", service: null, region: "eu-west-1", severity: "info", rule: "Watchdog", groupBy: ["alertname"],
      title: "Watchdog", message: "This is an alert meant to ensure that the entire alerting pipeline is functional. This alert is always firing." })
    .add({ incident: "n-backup", at: 15, source: "cloudwatch", service: "ledger-db", region: "eu-west-1", severity: "low", rule: "ledger-db-prod BackupDuration", target: "ledger-db-prod",
      title: "ALARM: \"ledger-db-prod backup duration > 45 min\" in EU (Ireland)", message: "Threshold Crossed: 1 datapoint [52.0] was greater than the threshold (45.0)", resolvesAfter: 20 })
    .add({ incident: "n-etl", at: 45, source: "alertmanager", service: "etl-pipeline", region: "eu-west-1", severity: "medium", rule: "KubeJobNotCompleted", target: "etl-nightly-29388", groupBy: ["alertname", "namespace"], labels: { namespace: "data" },
      title: "KubeJobNotCompleted", message: "Job data/etl-nightly-29388 is taking more than 12 hours to complete.", resolvesAfter: 70 })
    .add({ incident: "n-cert", at: 60, source: "alertmanager", service: "cert-manager", region: "eu-west-1", severity: "low", rule: "CertManagerCertExpirySoon", target: "tracking-webhooks-tls", groupBy: ["alertname", "namespace"], labels: { namespace: "search", name: "tracking-webhooks-tls" },
      title: "CertManagerCertExpirySoon", message: "The domain that this cert covers will be unavailable after 21d. Clients using endpoints that this cert protects will start to fail." })
    .add({ incident: "n-deprecation", at: 95, source: "sentry", service: "notification-service", severity: "low", rule: "notifications DeprecationWarning templates",
      title: "DeprecationWarning: jinja2.Markup is deprecated and will be removed in Jinja 3.1", message: "notifications/templates/render.py in render_sms" })
    .add({ incident: "smtp", at: 119, source: "generic", service: null, region: "eu-west-1", severity: "info", rule: "secret-rotation-run",
      title: "Secret rotation completed: 14 secrets rotated", message: "rotation lambda run 2026-11-23T02:00Z: smtp-relay, stripe-webhook, grafana-admin, ..." })
    .add({ incident: "smtp", at: 123, source: "sentry", service: "email-sender", severity: "high", rule: "email-sender SMTPAuthenticationError",
      title: "SMTPAuthenticationError: (535, b'5.7.8 Authentication credentials invalid')", message: "email_sender.relay.send_message", errorCode: "535", resolvesAfter: 100 })
    .add({ incident: "smtp", at: 125, source: "datadog", service: "email-sender", region: "eu-west-1", severity: "high", rule: "monitor-81010 email send failures",
      title: "[Triggered] email-sender send failures above 5%", message: "100% of sends failing over the last 5 minutes", resolvesAfter: 98 })
    .add({ incident: "n-ci", at: 128, source: "datadog", service: "ci-runners", region: "eu-west-1", severity: "low", rule: "monitor-90100 ci runner disk",
      title: "[Warn] ci-runners disk usage above 80% on runner-09", message: "/var/lib/docker 81% used", resolvesAfter: 240 })
    .add({ incident: "smtp", at: 131, source: "grafana", service: "notification-service", region: "eu-west-1", severity: "medium", rule: "Email delivery success rate", target: "notification-service",
      title: "Email delivery success rate below 95%", message: "0% of emails accepted by relay in the last 10 minutes", resolvesAfter: 92 })
    .add({ incident: "n-reporting", at: 140, source: "datadog", service: "reporting-api", region: "eu-west-1", severity: "low", rule: "monitor-94010 reporting slow queries",
      title: "[Warn] reporting-api slow queries above 10/min", message: "14 queries over 30s against warehouse-dw (nightly dashboards refresh)", resolvesAfter: 25 })
    .add({ incident: "smtp", at: 150, source: "alertmanager", service: "notification-service", region: "eu-west-1", severity: "medium", rule: "RabbitmqTooManyMessagesInQueue", target: "notifications.email.retry", groupBy: ["alertname", "cluster"], labels: { cluster: "prod-euw1", queue: "notifications.email.retry" },
      title: "RabbitmqTooManyMessagesInQueue", message: "Queue notifications.email.retry is filling up (> 1000 msgs): 38,120 messages", resolvesAfter: 70 })
    .add({ incident: "n-printers", at: 180, source: "generic", service: "label-printer-service", region: "eu-west-1", severity: "low", rule: "printer-offline-DUB2-11", target: "DUB2-11",
      title: "Printer DUB2-11 offline", message: "No heartbeat from Zebra ZT411 at DUB2 lane 11 for 10 minutes", resolvesAfter: 240 })
    .add({ incident: "n-printers", at: 183, source: "generic", service: "label-printer-service", region: "eu-west-1", severity: "low", rule: "printer-offline-DUB2-12", target: "DUB2-12",
      title: "Printer DUB2-12 offline", message: "No heartbeat from Zebra ZT411 at DUB2 lane 12 for 10 minutes", resolvesAfter: 240 })
    .add({ incident: "smtp", at: 205, source: "pagerduty", service: "notification-service", severity: "high", rule: "pd-support-missing-emails",
      title: "Customer support: customers not receiving delivery confirmation emails", message: "62 tickets since 02:30 about missing confirmation and password-reset emails", resolvesAfter: 30 })
    .add({ incident: "smtp", at: 214, source: "generic", service: "email-sender", region: "eu-west-1", severity: "info", rule: "deploy-email-sender-restart",
      title: "Argo CD: email-sender restarted (rollout restart by notifications on-call)", message: "pods re-read smtp-relay secret" })
    .build();

  const deploy = new ScenarioBuilder(
    "holdout4-deploy-promo-migration-and-tracking-release",
    "deploy",
    "A promo-service migration locks pricing-db while an unrelated tracking-service release ships a parser regression",
    "2026-11-20T15:00:00Z",
    "Friday 15:02: promo-service 3.2.0 rolls out with a migration that adds an index to the shared promotions table without " +
      "CONCURRENTLY, holding a lock for 18 minutes. promo-service itself barely alerts; pricing-service (also on pricing-db) stalls " +
      "on lock waits, cart quotes time out and checkout conversion falls. The pricing alerts never mention promo-service: the " +
      "link is pricing-db in the catalog and the timing of the deploy. At 15:05 tracking-service 8.14.0 ships a carrier-webhook parser " +
      "regression: its own Sentry issue and customer-app-api's tracking page errors. Rollbacks at 15:21 (promo) and 15:30 (tracking). " +
      "Traps: two deploys three minutes apart; both lead to customer-facing errors; the Argo CD events look alike.",
  )
    .add({ incident: "promo", at: 2, source: "generic", service: "promo-service", region: "eu-west-1", severity: "info", rule: "argocd promo-service sync",
      title: "Argo CD: application promo-service synced to 3.2.0", message: "Sync operation succeeded; PreSync hook db-migrate completed" })
    .add({ incident: "promo", at: 3, source: "grafana", service: "pricing-db", region: "eu-west-1", severity: "high", rule: "PostgreSQL lock waits", target: "pricing-db-prod",
      title: "PostgreSQL lock waits high", message: "62 sessions waiting on AccessExclusiveLock on relation promotions for > 60s", resolvesAfter: 18 })
    .add({ incident: "tracking", at: 5, source: "generic", service: "tracking-service", region: "eu-west-1", severity: "info", rule: "argocd tracking-service sync",
      title: "Argo CD: application tracking-service synced to 8.14.0", message: "Sync operation succeeded" })
    .add({ incident: "promo", at: 5.5, source: "datadog", service: "pricing-service", region: "eu-west-1", severity: "high", rule: "monitor-52001 pricing quote latency",
      title: "[Triggered] pricing-service quote p95 latency > 500ms", message: "p95 9.8s on POST /v2/quote", resolvesAfter: 17 })
    .add({ incident: "tracking", at: 7, source: "sentry", service: "tracking-service", severity: "high", rule: "tracking ValueError carrier webhook",
      title: "ValueError: time data '2026-11-20T15:07:11.000+0100' does not match format '%Y-%m-%dT%H:%M:%SZ'", message: "tracking.webhooks.carrier.parse_event (release tracking-service@8.14.0)", resolvesAfter: 24 })
    .add({ incident: "promo", at: 7.5, source: "sentry", service: "pricing-service", severity: "high", rule: "pricing QueryCanceled lock timeout",
      title: "QueryCanceled: canceling statement due to lock timeout", message: "pricing.quotes.apply_promotions", resolvesAfter: 14 })
    .add({ incident: "promo", at: 9, source: "datadog", service: "cart-service", region: "eu-west-1", severity: "medium", rule: "monitor-50120 cart quote timeouts",
      title: "[Triggered] cart-service quote timeouts above 2%", message: "14.2% of quote calls exceeded 3s", resolvesAfter: 13 })
    .add({ incident: "tracking", at: 10, source: "datadog", service: "customer-app-api", region: "eu-west-1", severity: "high", rule: "monitor-63030 tracking page 5xx",
      title: "[Triggered] customer-app-api 5xx above 2%", message: "5xx 6.7% on GET /v2/parcels/:id/tracking", errorCode: "HTTP 502", resolvesAfter: 21 })
    .add({ incident: "promo", at: 11, source: "datadog", service: "checkout-web", region: "eu-west-1", severity: "critical", rule: "monitor-77001 checkout conversion",
      title: "[Triggered] checkout-web conversion rate dropped 30%", message: "Conversion 2.0% vs 3.1% baseline over 5 min", resolvesAfter: 12 })
    .add({ incident: "promo", at: 12, source: "sentry", service: "promo-service", severity: "medium", rule: "promo LockNotAvailable",
      title: "LockNotAvailable: could not obtain lock on relation \"promotions\"", message: "promo.admin.update_campaign", resolvesAfter: 9 })
    .add({ incident: "tracking", at: 14, source: "datadog", service: "tracking-service", region: "eu-west-1", severity: "medium", rule: "monitor-91040 webhook rejects",
      title: "[Triggered] tracking-service carrier webhook rejects above 1%", message: "22% of DHL/PostNL webhooks rejected with 422", errorCode: "HTTP 422", resolvesAfter: 16 })
    .add({ incident: "promo", at: 21, source: "generic", service: "promo-service", region: "eu-west-1", severity: "info", rule: "argocd promo-service sync",
      title: "Argo CD: application promo-service synced to 3.1.4", message: "Rollback by checkout on-call; migration reverted" })
    .add({ incident: "tracking", at: 30, source: "generic", service: "tracking-service", region: "eu-west-1", severity: "info", rule: "argocd tracking-service sync",
      title: "Argo CD: application tracking-service synced to 8.13.2", message: "Rollback by search on-call" })
    .build();

  const node = new ScenarioBuilder(
    "holdout4-concurrent-node-failure-and-vpn",
    "concurrent",
    "A worker node dies under four unrelated services while the DUB2 warehouse VPN tunnel drops, both in prod eu-west-1",
    "2026-11-25T20:15:00Z",
    "Node ip-10-40-12-7 (prod-euw1) kernel-panics. The scheduler reschedules its pods, but four services had most replicas on it " +
      "(no anti-affinity): geo-service, address-autocomplete, push-service and fraud-scorer degrade for a few minutes. Their alerts " +
      "are ordinary service symptoms that never name the node; only timing ties them to the KubeNodeNotReady. Two minutes later, " +
      "unrelated, the ISP at the DUB2 warehouse fails and the site VPN tunnel drops: warehouse-gateway sync errors and a floor " +
      "escalation. A fraud-scorer latency alert re-fires at 20:31 when the rescheduled pods warm their caches (still the node). " +
      "Traps: unrelated services in the same minute that do belong together; two outages in the same environment and region; " +
      "warehouse-gateway and the node symptoms are equally close in time.",
  )
    .add({ incident: "node", at: 0, source: "alertmanager", service: "k8s-cluster", region: "eu-west-1", severity: "critical", rule: "KubeNodeNotReady", target: "ip-10-40-12-7.eu-west-1.compute.internal", groupBy: ["alertname", "cluster"], labels: { cluster: "prod-euw1", node: "ip-10-40-12-7.eu-west-1.compute.internal" },
      title: "KubeNodeNotReady", message: "ip-10-40-12-7.eu-west-1.compute.internal has been unready for more than 15 minutes.", resolvesAfter: 25 })
    .add({ incident: "node", at: 0.8, source: "datadog", service: "geo-service", region: "eu-west-1", severity: "high", rule: "monitor-55010 geo-service error rate",
      title: "[Triggered] geo-service error rate above 5%", message: "errors 23% on GET /v1/geocode (connection reset by peer)", resolvesAfter: 6 })
    .add({ incident: "node", at: 1.2, source: "alertmanager", service: "address-autocomplete", region: "eu-west-1", severity: "high", rule: "KubeDeploymentReplicasMismatch", target: "address-autocomplete", groupBy: ["alertname", "cluster"], labels: { cluster: "prod-euw1", namespace: "search", deployment: "address-autocomplete" },
      title: "KubeDeploymentReplicasMismatch", message: "Deployment search/address-autocomplete has not matched the expected number of replicas for longer than 15 minutes.", resolvesAfter: 8 })
    .add({ incident: "node", at: 1.6, source: "datadog", service: "push-service", region: "eu-west-1", severity: "medium", rule: "monitor-70020 push send rate",
      title: "[Triggered] push-service send rate dropped 60%", message: "sends/min 1,120 vs 2,900 baseline", resolvesAfter: 7 })
    .add({ incident: "vpn", at: 2.0, source: "cloudwatch", service: "warehouse-vpn", region: "eu-west-1", severity: "critical", rule: "warehouse-vpn-dub2 TunnelState", target: "vpn-07f3e1aa",
      title: "ALARM: \"warehouse-vpn-dub2 TunnelState < 1\" in EU (Ireland)", message: "Threshold Crossed: 2 datapoints [0.0, 0.0] were less than the threshold (1.0)", resolvesAfter: 34 })
    .add({ incident: "node", at: 2.3, source: "datadog", service: "fraud-scorer", region: "eu-west-1", severity: "high", rule: "monitor-40120 fraud-scorer latency",
      title: "[Triggered] fraud-scorer p99 latency > 800ms", message: "p99 2.2s on POST /score", resolvesAfter: 5 })
    .add({ incident: "node", at: 2.8, source: "datadog", service: "address-autocomplete", region: "eu-west-1", severity: "medium", rule: "monitor-92010 autocomplete latency",
      title: "[Triggered] address-autocomplete p95 latency > 300ms", message: "p95 1.4s on GET /v1/suggest", resolvesAfter: 7 })
    .add({ incident: "vpn", at: 3.5, source: "datadog", service: "warehouse-gateway", region: "eu-west-1", severity: "high", rule: "monitor-34010 warehouse sync errors",
      title: "[Triggered] warehouse-gateway site sync errors above 5%", message: "DUB2 sync failing 100%: dial tcp 10.80.0.12:443: i/o timeout", resolvesAfter: 33 })
    .add({ incident: "node", at: 4.0, source: "alertmanager", service: "k8s-cluster", region: "eu-west-1", severity: "medium", rule: "KubePodNotReady", target: "geo-service-5d8f7-k2x9p", groupBy: ["alertname", "cluster"], labels: { cluster: "prod-euw1", namespace: "routing", pod: "geo-service-5d8f7-k2x9p" },
      title: "KubePodNotReady", message: "Pod routing/geo-service-5d8f7-k2x9p has been in a non-ready state for longer than 15 minutes.", resolvesAfter: 4 })
    .add({ incident: "vpn", at: 9.0, source: "pagerduty", service: "warehouse-gateway", severity: "high", rule: "pd-dub2-floor",
      title: "DUB2 shift lead: scanners offline, whole site", message: "All handhelds show 'no connection'; site ISP router has red WAN light", resolvesAfter: 30 })
    .add({ incident: "node", at: 16.0, source: "datadog", service: "fraud-scorer", region: "eu-west-1", severity: "high", rule: "monitor-40120 fraud-scorer latency",
      title: "[Triggered] fraud-scorer p99 latency > 800ms", message: "p99 1.1s on POST /score (new pods warming feature cache)", resolvesAfter: 4 })
    .add({ incident: "vpn", at: 36.0, source: "cloudwatch", service: "warehouse-vpn", region: "eu-west-1", severity: "medium", rule: "warehouse-vpn-dub2 TunnelState", target: "vpn-07f3e1aa",
      title: "ALARM: \"warehouse-vpn-dub2 TunnelState < 1\" in EU (Ireland)", message: "Threshold Crossed: 1 datapoint [0.0] was less than the threshold (1.0) (tunnel 2 renegotiating)", resolvesAfter: 3 })
    .build();

  return [rabbit, identity, twoOutages, kafkaFlap, night, deploy, node];
}
