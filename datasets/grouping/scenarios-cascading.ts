import { ScenarioBuilder, type Scenario } from "./scenario-kit";

/** Cascading failures: one root cause, symptoms in its dependents — and unrelated noise at the same time. */
export function cascadingScenarios(): Scenario[] {
  const paydb = new ScenarioBuilder(
    "cascade-payments-db-failover",
    "cascading",
    "payments-db primary fails over; payments-api, payouts and checkout follow",
    "2026-10-14T09:12:00Z",
    "The payments-db primary in eu-west-1 loses its EBS volume and RDS fails over (about 90 s of no writes, then a cold buffer cache). " +
      "payments-api starts returning 503 and its latency climbs, payouts-worker jobs fail with connection resets, checkout-web's pay step " +
      "shows 502s two hops up. Meanwhile, unrelated: the search cluster goes yellow after a scheduled node restart, and a driver-app-api " +
      "latency alert fires because of a mobile release in us-east-1. Traps: a time window merges the search and driver alerts into the " +
      "DB incident; fingerprints alone give every symptom its own incident.",
  )
    .add({ incident: "paydb", at: 0, source: "cloudwatch", service: "payments-db", region: "eu-west-1", severity: "critical", rule: "paydb-prod-writer-health", target: "payments-db-prod-1",
      title: "ALARM: \"payments-db-prod writer unavailable\" in EU (Ireland)",
      message: "Threshold Crossed: 1 datapoint [0.0] was less than the threshold (1.0). RDS DB instance payments-db-prod-1 WriterAvailability", resolvesAfter: 25 })
    .add({ incident: "paydb", at: 0.5, source: "cloudwatch", service: "payments-db", region: "eu-west-1", severity: "high", rule: "paydb-prod-failover-event", target: "payments-db-prod",
      title: "RDS event: Multi-AZ failover started for payments-db-prod", message: "A Multi-AZ failover has started. Reason: the primary host's storage volume is unreachable.", resolvesAfter: 20 })
    .repeat([1.2, 1.5, 2.1], { incident: "paydb", source: "datadog", service: "payments-api", region: "eu-west-1", severity: "critical", rule: "monitor-88121 payments-api 5xx rate", targets: ["pay-api-7c9f-1", "pay-api-7c9f-2", "pay-api-7c9f-3"],
      title: "[Triggered] payments-api 5xx rate above 5% on {target}", message: "HTTP 503 ratio 31.4% (threshold 5%). Upstream: could not connect to payments-db:5432 (connection refused)", errorCode: "HTTP 503", resolvesAfter: 28 })
    .add({ incident: "paydb", at: 2.4, source: "datadog", service: "payments-api", region: "eu-west-1", severity: "high", rule: "monitor-88122 payments-api p99 latency",
      title: "[Triggered] payments-api p99 latency > 2s", message: "p99 4.8s on POST /v2/charges; db pool wait time elevated", resolvesAfter: 30 })
    .add({ incident: "paydb", at: 3.0, source: "sentry", service: "payouts-worker", region: "eu-west-1", severity: "high", rule: "payouts ConnectionResetError settle_batch",
      title: "ConnectionResetError: server closed the connection unexpectedly", message: "in payouts.jobs.settle_batch: psycopg.OperationalError while committing courier payout batch 2026-10-14", resolvesAfter: 40 })
    .add({ incident: "search", at: 3.5, source: "alertmanager", service: "search-cluster", region: "eu-west-1", severity: "medium", rule: "ElasticsearchClusterYellow", target: "es-prod-eu",
      title: "ElasticsearchClusterYellow", message: "Cluster es-prod-eu health is YELLOW: 14 replica shards unassigned after node es-data-3 restart", resolvesAfter: 18 })
    .repeat([4.0, 5.2], { incident: "paydb", source: "datadog", service: "checkout-web", region: "eu-west-1", severity: "high", rule: "monitor-77010 checkout-web payment step errors", targets: ["checkout-web-eu-a", "checkout-web-eu-b"],
      title: "[Triggered] checkout-web payment step error rate high on {target}", message: "POST /checkout/pay returned 502 for 12% of requests: upstream payments-api unavailable", errorCode: "HTTP 502", resolvesAfter: 25 })
    .add({ incident: "driver", at: 6.0, source: "datadog", service: "driver-app-api", region: "us-east-1", severity: "medium", rule: "monitor-66002 driver-app-api latency",
      title: "[Triggered] driver-app-api p95 latency above 800ms", message: "p95 1.3s on GET /v1/routes/today since driver app 7.12 rollout (us-east-1)", resolvesAfter: 50 })
    .add({ incident: "paydb", at: 6.5, source: "cloudwatch", service: "payments-db", region: "eu-west-1", severity: "medium", rule: "paydb-prod-replica-lag", target: "payments-db-prod-2",
      title: "ALARM: \"payments-db-prod replica lag > 30s\" in EU (Ireland)", message: "ReplicaLag 94 seconds on payments-db-prod-2 (threshold 30)", resolvesAfter: 15 })
    .add({ incident: "paydb", at: 7.5, source: "pagerduty", service: "payments-api", region: "eu-west-1", severity: "critical", rule: "pd-payments-card-auth", 
      title: "Card authorisations failing - payments on-call paged", message: "Synthetic check 'card auth EU' failed 3 times in a row: charge endpoint 503", resolvesAfter: 25 })
    .add({ incident: "search", at: 9.0, source: "alertmanager", service: "address-autocomplete", region: "eu-west-1", severity: "low", rule: "AutocompleteSlowQueries", target: "autocomplete-eu",
      title: "AutocompleteSlowQueries", message: "p95 query time 420ms on address-autocomplete (search-cluster relocating shards)", resolvesAfter: 12 })
    .add({ incident: "driver", at: 14.0, source: "sentry", service: "driver-app-api", region: "us-east-1", severity: "medium", rule: "driver-app-api TimeoutError routes_today",
      title: "TimeoutError: route fetch exceeded 5000ms", message: "driver_api.handlers.routes_today: upstream dispatch-service slow for app version 7.12", resolvesAfter: 40 })
    .build();

  const redis = new ScenarioBuilder(
    "cascade-redis-eviction",
    "cascading",
    "redis-cache evicts hot keys; cart, fraud, geo and auth all slow down",
    "2026-10-21T18:40:00Z",
    "A marketing push doubles cart sizes; redis-cache hits maxmemory and starts evicting session and quote keys. Every direct dependent " +
      "(cart-service, fraud-scorer, geo-service, auth-service) reports timeouts or cache-miss storms within minutes, and api-gateway " +
      "(two hops, through auth-service) sees 5xx. At the same time the ETL pipeline falls behind on Kafka for an unrelated reason " +
      "(a schema change) — it shares no dependency path with redis. Traps: the dependents' alerts look different from the redis alert " +
      "(fingerprint/group-key baseline splits them); the ETL lag is inside the time window (time baseline merges it).",
  )
    .add({ incident: "redis", at: 0, source: "alertmanager", service: "redis-cache", region: "eu-west-1", severity: "high", rule: "RedisMemoryHigh", target: "redis-cache-0:9121", groupBy: ["alertname", "service"],
      title: "RedisMemoryHigh", message: "redis-cache-0 used_memory is 99.1% of maxmemory (8 GiB); evicted_keys rate 4.2k/s", resolvesAfter: 35 })
    .add({ incident: "redis", at: 0.4, source: "alertmanager", service: "redis-cache", region: "eu-west-1", severity: "high", rule: "RedisMemoryHigh", target: "redis-cache-1:9121", groupBy: ["alertname", "service"],
      title: "RedisMemoryHigh", message: "redis-cache-1 used_memory is 98.7% of maxmemory (8 GiB); evicted_keys rate 3.9k/s", resolvesAfter: 35 })
    .add({ incident: "redis", at: 1.5, source: "alertmanager", service: "redis-cache", region: "eu-west-1", severity: "medium", rule: "RedisEvictionsSpike", target: "redis-cache-0:9121", groupBy: ["alertname", "service"],
      title: "RedisEvictionsSpike", message: "More than 1000 keys/s evicted on redis-cache for 1m", resolvesAfter: 30 })
    .repeat([2.5, 3.1], { incident: "redis", source: "datadog", service: "cart-service", region: "eu-west-1", severity: "high", rule: "monitor-50100 cart quote latency", targets: ["cart-5d8-1", "cart-5d8-2"],
      title: "[Triggered] cart-service quote latency p99 > 1.5s on {target}", message: "p99 3.9s for GET /cart/quote; cache hit ratio dropped from 97% to 41%", resolvesAfter: 30 })
    .add({ incident: "redis", at: 3.4, source: "sentry", service: "fraud-scorer", region: "eu-west-1", severity: "medium", rule: "fraud-scorer redis TimeoutError",
      title: "redis.exceptions.TimeoutError: Timeout reading from socket", message: "fraud_scorer.features.velocity: feature lookup for card fingerprint timed out after 250ms", resolvesAfter: 30 })
    .add({ incident: "etl", at: 4.0, source: "grafana", service: "etl-pipeline", region: "eu-west-1", severity: "medium", rule: "ETL consumer lag", target: "etl-shipments-loader",
      title: "ETL consumer lag above 100k messages", message: "Consumer group etl-shipments-loader lag 184,220 on topic shipments.v3 after schema registry rejected v4 events", resolvesAfter: 80 })
    .add({ incident: "redis", at: 4.6, source: "datadog", service: "geo-service", region: "eu-west-1", severity: "medium", rule: "monitor-51220 geo-service error rate",
      title: "[Triggered] geo-service error rate above 2%", message: "geocode cache misses falling through to provider; provider 429 Too Many Requests", errorCode: "HTTP 429", resolvesAfter: 25 })
    .add({ incident: "redis", at: 5.3, source: "alertmanager", service: "auth-service", region: "eu-west-1", severity: "critical", rule: "AuthLoginLatencyHigh", target: "auth-service", groupBy: ["alertname", "service"],
      title: "AuthLoginLatencyHigh", message: "auth-service login p99 2.4s: session store (redis) GET timeouts", resolvesAfter: 28 })
    .add({ incident: "redis", at: 6.1, source: "datadog", service: "api-gateway", region: "eu-west-1", severity: "high", rule: "monitor-40001 api-gateway 5xx",
      title: "[Triggered] api-gateway 5xx rate above 1%", message: "5xx 3.8% on /api/*; upstream auth-service timeouts (504)", errorCode: "HTTP 504", resolvesAfter: 25 })
    .add({ incident: "etl", at: 9.0, source: "sentry", service: "etl-pipeline", region: "eu-west-1", severity: "medium", rule: "etl SchemaMismatchError shipments v4",
      title: "SchemaMismatchError: field 'parcel_dims' missing in shipments.v4", message: "airflow task load_shipments failed: Avro schema id 812 incompatible with target table", resolvesAfter: 70 })
    .add({ incident: "redis", at: 11.0, source: "alertmanager", service: "redis-cache", region: "eu-west-1", severity: "high", rule: "RedisMemoryHigh", target: "redis-cache-2:9121", groupBy: ["alertname", "service"],
      title: "RedisMemoryHigh", message: "redis-cache-2 used_memory is 97.9% of maxmemory (8 GiB)", resolvesAfter: 25 })
    .add({ incident: "redis", at: 12.0, source: "datadog", service: "cart-service", region: "eu-west-1", severity: "medium", rule: "monitor-50101 cart abandoned quotes",
      title: "[Triggered] cart-service quote failures above 1%", message: "Quote generation failing: pricing cache miss + pricing-service timeouts", resolvesAfter: 20 })
    .build();

  const kafka = new ScenarioBuilder(
    "cascade-kafka-disk",
    "cascading",
    "Kafka brokers fill their disks; dispatch, tracking, ledger and ETL fall behind — and route-planner crashes for its own reason",
    "2026-11-03T02:05:00Z",
    "Log retention was misconfigured on a new topic; two Kafka brokers reach 100% disk and partitions go under-replicated. " +
      "dispatch-service, tracking-service and ledger-service (all depend on kafka) report producer errors or lag; etl-pipeline lags. " +
      "Nine minutes in, route-planner — which dispatch-service also depends on — OOM-kills after a routing-graph reload: a separate " +
      "incident, but linked to dispatch by the catalog. A genuinely hard case for dependency-aware grouping.",
  )
    .repeat([0, 0.7], { incident: "kafka", source: "alertmanager", service: "kafka", region: "eu-central-1", severity: "critical", rule: "KafkaBrokerDiskFull", targets: ["kafka-2", "kafka-4"], groupBy: ["alertname", "cluster"], labels: { cluster: "prod-eu" },
      title: "KafkaBrokerDiskFull", message: "Broker {target} log dir /var/lib/kafka usage 100%", resolvesAfter: 60 })
    .add({ incident: "kafka", at: 1.5, source: "alertmanager", service: "kafka", region: "eu-central-1", severity: "high", rule: "KafkaUnderReplicatedPartitions", target: "prod-eu", groupBy: ["alertname", "cluster"], labels: { cluster: "prod-eu" },
      title: "KafkaUnderReplicatedPartitions", message: "312 under-replicated partitions on cluster prod-eu", resolvesAfter: 55 })
    .add({ incident: "kafka", at: 2.5, source: "sentry", service: "ledger-service", region: "eu-central-1", severity: "high", rule: "ledger KafkaTimeoutError publish",
      title: "KafkaTimeoutError: Failed to update metadata after 60.0 secs", message: "ledger.outbox.publish: E-LEDGER-503 could not publish ledger.entries batch", errorCode: "E-LEDGER-503", resolvesAfter: 50 })
    .add({ incident: "kafka", at: 3.0, source: "grafana", service: "dispatch-service", region: "eu-central-1", severity: "high", rule: "Dispatch consumer lag", target: "dispatch-assignments",
      title: "Dispatch consumer lag high", message: "consumer group dispatch-assignments lag 52k on topic parcels.ready; produce requests timing out", resolvesAfter: 50 })
    .add({ incident: "kafka", at: 4.2, source: "datadog", service: "tracking-service", region: "eu-central-1", severity: "medium", rule: "monitor-91000 tracking events freshness",
      title: "[Triggered] tracking-service event freshness > 10 min", message: "Newest tracking event is 11m old; Kafka consumer stalled on parcels.scanned", resolvesAfter: 50 })
    .add({ incident: "kafka", at: 6.0, source: "grafana", service: "etl-pipeline", region: "eu-central-1", severity: "low", rule: "ETL consumer lag", target: "etl-events-loader",
      title: "ETL consumer lag above 100k messages", message: "Consumer group etl-events-loader lag 230k on topic parcels.scanned", resolvesAfter: 70 })
    .add({ incident: "route", at: 9.0, source: "alertmanager", service: "route-planner", region: "eu-central-1", severity: "high", rule: "KubePodOOMKilled", target: "route-planner-6b7-x2", groupBy: ["alertname", "cluster"], labels: { cluster: "prod-eu", namespace: "routing" },
      title: "KubePodOOMKilled", message: "Container route-planner in pod route-planner-6b7-x2 was OOMKilled (limit 6Gi) after routing graph reload", resolvesAfter: 30 })
    .add({ incident: "route", at: 9.6, source: "datadog", service: "route-planner", region: "eu-central-1", severity: "high", rule: "monitor-70200 route-planner availability",
      title: "[Triggered] route-planner success rate below 99%", message: "success rate 91% on POST /plan: upstream connection reset while pods restart", resolvesAfter: 25 })
    .add({ incident: "kafka", at: 10.5, source: "sentry", service: "dispatch-service", region: "eu-central-1", severity: "medium", rule: "dispatch KafkaError produce",
      title: "KafkaError: Local: Message timed out", message: "dispatch.assign.publish_assignment: produce to parcels.assigned timed out (broker kafka-4 not available)", resolvesAfter: 45 })
    .add({ incident: "route", at: 11.0, source: "alertmanager", service: "route-planner", region: "eu-central-1", severity: "high", rule: "KubePodOOMKilled", target: "route-planner-6b7-q9", groupBy: ["alertname", "cluster"], labels: { cluster: "prod-eu", namespace: "routing" },
      title: "KubePodOOMKilled", message: "Container route-planner in pod route-planner-6b7-q9 was OOMKilled (limit 6Gi)", resolvesAfter: 30 })
    .add({ incident: "kafka", at: 13.0, source: "alertmanager", service: "kafka", region: "eu-central-1", severity: "critical", rule: "KafkaOfflinePartitions", target: "prod-eu", groupBy: ["alertname", "cluster"], labels: { cluster: "prod-eu" },
      title: "KafkaOfflinePartitions", message: "4 partitions offline on cluster prod-eu (no leader)", resolvesAfter: 40 })
    .add({ incident: "kafka", at: 16.0, source: "datadog", service: "tracking-service", region: "eu-central-1", severity: "high", rule: "monitor-91001 tracking page errors",
      title: "[Triggered] tracking-service stale parcel status complaints", message: "Customer tracking pages show parcel status older than 30 min for 18% of lookups", resolvesAfter: 40 })
    .build();

  return [paydb, redis, kafka];
}
