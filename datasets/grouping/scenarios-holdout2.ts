import { ScenarioBuilder, type Scenario } from "./scenario-kit";

/**
 * Second held-out batch: written and committed (2026-11-25) before any change to the grouping code that
 * followed the first held-out score, from how outages at a parcel company actually unfold — not from
 * the grouping signals. Never tuned on. Labels are what the on-call engineer would call one incident.
 */
export function holdout2Scenarios(): Scenario[] {
  const search = new ScenarioBuilder(
    "holdout2-cascade-search-readonly",
    "cascading",
    "search-cluster hits the flood-stage disk watermark; tracking and autocomplete degrade over half an hour",
    "2026-11-12T03:10:00Z",
    "A reindex job doubled the parcel-events index; at 03:10 two data nodes cross the 95% flood-stage watermark and Elasticsearch " +
      "puts a read_only_allow_delete block on every index. Writes fail at once, but reads keep working, so the symptoms creep out " +
      "slowly: tracking-service's indexer backs up, tracking freshness alerts after 9 minutes, autocomplete's nightly suggestion " +
      "refresh fails after 14, customer-app-api (two hops) shows stale tracking after 24, and customer support pages someone after " +
      "half an hour. Unrelated in the same window: an email bounce-rate warning from a bad newsletter list, and the CI queue. " +
      "Traps: the dependents fire far from the root in time; the noise sits inside any time window.",
  )
    .repeat([0, 0.5], { incident: "search", source: "alertmanager", service: "search-cluster", region: "eu-west-1", severity: "critical", rule: "ElasticsearchDiskOutOfSpace", targets: ["es-data-1", "es-data-2"], groupBy: ["alertname", "cluster"], labels: { cluster: "es-prod-eu" },
      title: "ElasticsearchDiskOutOfSpace", message: "Disk usage on {target} is 95.4% (flood stage watermark 95%); index.blocks.read_only_allow_delete applied", resolvesAfter: 55 })
    .add({ incident: "search", at: 1.3, source: "sentry", service: "tracking-service", severity: "high", rule: "tracking ClusterBlockException bulk_index",
      title: "ClusterBlockException: index [parcel-events-2026.11] blocked by: [FORBIDDEN/12/index read-only / allow delete (api)]",
      message: "tracking.indexer.bulk_index: 1,204 documents rejected", errorCode: "HTTP 403", resolvesAfter: 50 })
    .add({ incident: "search", at: 3.0, source: "datadog", service: "search-cluster", region: "eu-west-1", severity: "high", rule: "monitor-93010 es indexing rate",
      title: "[Triggered] search-cluster indexing rate dropped to 0", message: "indexing rate 0 docs/s on es-prod-eu for 3m (baseline 2.1k/s)", resolvesAfter: 50 })
    .add({ incident: "bounces", at: 6.0, source: "datadog", service: "email-sender", region: "eu-west-1", severity: "low", rule: "monitor-24020 email bounce rate",
      title: "[Warn] email-sender bounce rate above 3%", message: "Hard bounces 4.1% on campaign november-newsletter (list imported 2026-11-11)", resolvesAfter: 20 })
    .add({ incident: "search", at: 9.0, source: "datadog", service: "tracking-service", region: "eu-west-1", severity: "high", rule: "monitor-91000 tracking events freshness",
      title: "[Triggered] tracking-service event freshness > 5 min", message: "Newest searchable tracking event is 8m old; bulk indexer retrying", resolvesAfter: 45 })
    .add({ incident: "search", at: 14.0, source: "grafana", service: "address-autocomplete", region: "eu-west-1", severity: "medium", rule: "Autocomplete index staleness", target: "address-suggest",
      title: "Autocomplete index staleness", message: "address-suggest index last refreshed 14 min ago; refresh job failing with cluster_block_exception", resolvesAfter: 40 })
    .add({ incident: "ci", at: 18.0, source: "grafana", service: "ci-runners", region: "eu-west-1", severity: "low", rule: "CI queue wait high", target: "runner-pool-x86",
      title: "CI queue wait above 10 minutes", message: "Jobs waiting 12 min for a runner in pool x86", resolvesAfter: 15 })
    .add({ incident: "search", at: 19.0, source: "alertmanager", service: "search-cluster", region: "eu-west-1", severity: "critical", rule: "ElasticsearchDiskOutOfSpace", target: "es-data-3", groupBy: ["alertname", "cluster"], labels: { cluster: "es-prod-eu" },
      title: "ElasticsearchDiskOutOfSpace", message: "Disk usage on es-data-3 is 95.1% (flood stage watermark 95%)", resolvesAfter: 35 })
    .add({ incident: "search", at: 21.0, source: "datadog", service: "tracking-service", region: "eu-west-1", severity: "medium", rule: "monitor-91004 tracking indexer lag",
      title: "[Triggered] tracking-service indexer consumer lag high", message: "consumer group tracking-indexer lag 310k on parcels.scanned: indexer paused after repeated bulk rejections", resolvesAfter: 40 })
    .add({ incident: "search", at: 24.0, source: "datadog", service: "customer-app-api", region: "eu-west-1", severity: "high", rule: "monitor-14030 customer-app-api stale tracking",
      title: "[Triggered] customer-app-api stale tracking responses above 10%", message: "18% of GET /v1/track/{id} return a last event older than 20 min", resolvesAfter: 35 })
    .add({ incident: "search", at: 31.0, source: "pagerduty", service: "customer-app-api", severity: "high", rule: "pd-support-tracking-complaints",
      title: "Customer support: parcels stuck 'in transit' on the tracking page", message: "Support ticket volume 4x normal for 'tracking not updating' in the last 30 min", resolvesAfter: 30 })
    .add({ incident: "bounces", at: 33.0, source: "datadog", service: "email-sender", region: "eu-west-1", severity: "low", rule: "monitor-24020 email bounce rate",
      title: "[Warn] email-sender bounce rate above 3%", message: "Hard bounces 3.6% on campaign november-newsletter", resolvesAfter: 20 })
    .build();

  const inventory = new ScenarioBuilder(
    "holdout2-concurrent-inventory-two-problems",
    "concurrent",
    "inventory-service: a leaking cron exhausts inventory-db connections while a fresh release double-books reservations",
    "2026-11-17T08:40:00Z",
    "inventory-service v12.8.0 goes out at 08:40 with a retry bug that inserts a reservation twice. Two minutes later, unrelated, " +
      "the stock-reconciler cron (which starts at 08:40 daily) leaks connections and inventory-db runs out of connection slots. " +
      "Both show up as inventory-service alerts in prod eu-west-1 within the same ten minutes; warehouse-gateway's stock lookups " +
      "time out because of the pool. The team handles them as two incidents (DBA + release rollback). Traps: same service, " +
      "environment, region and minute; the release marker sits right before the pool alarm.",
  )
    .add({ incident: "release", at: 0, source: "generic", service: "inventory-service", region: "eu-west-1", severity: "info", rule: "deploy-marker inventory-service v12.8.0",
      title: "Deployment: inventory-service v12.8.0 to prod", message: "Spinnaker pipeline inventory-deploy #4411 finished (canary skipped: hotfix path)" })
    .add({ incident: "pool", at: 2.0, source: "cloudwatch", service: "inventory-db", region: "eu-west-1", severity: "critical", rule: "inventory-db-prod DatabaseConnections", target: "inventory-db-prod",
      title: "ALARM: \"inventory-db-prod DatabaseConnections > 450\" in EU (Ireland)", message: "Threshold Crossed: 1 datapoint [497.0] was greater than the threshold (450.0)", resolvesAfter: 30 })
    .add({ incident: "pool", at: 2.5, source: "sentry", service: "inventory-service", severity: "high", rule: "inventory OperationalError reserved slots",
      title: "OperationalError: FATAL: remaining connection slots are reserved for non-replication superuser connections", message: "inventory.stock.adjust", resolvesAfter: 30 })
    .add({ incident: "release", at: 3.0, source: "sentry", service: "inventory-service", severity: "high", rule: "inventory IntegrityError reservations_parcel_id_key",
      title: "IntegrityError: duplicate key value violates unique constraint \"reservations_parcel_id_key\"", message: "inventory.reservations.reserve: retry path inserts the reservation again (release v12.8.0)", resolvesAfter: 40 })
    .add({ incident: "release", at: 3.6, source: "datadog", service: "inventory-service", region: "eu-west-1", severity: "high", rule: "monitor-31000 inventory api errors",
      title: "[Triggered] inventory-service 5xx above 2%", message: "5xx 6.2% on POST /v1/reservations (unique violation surfaced as 500)", errorCode: "HTTP 500", resolvesAfter: 35 })
    .add({ incident: "pool", at: 4.2, source: "datadog", service: "inventory-service", region: "eu-west-1", severity: "high", rule: "monitor-31002 inventory latency",
      title: "[Triggered] inventory-service p99 latency > 1s", message: "p99 4.1s on GET /v1/stock: requests waiting for a database connection (pool exhausted)", resolvesAfter: 28 })
    .add({ incident: "pool", at: 5.0, source: "alertmanager", service: "warehouse-gateway", region: "eu-west-1", severity: "high", rule: "WarehouseGatewayUpstreamErrors", target: "wh-gw-dub2",
      title: "WarehouseGatewayUpstreamErrors", message: "stock lookups to inventory-service timing out for site DUB2 (504 after 5s)", errorCode: "HTTP 504", resolvesAfter: 25 })
    .add({ incident: "pool", at: 6.0, source: "grafana", service: "inventory-db", region: "eu-west-1", severity: "medium", rule: "Postgres idle in transaction", target: "inventory-db-prod",
      title: "Postgres idle-in-transaction sessions high", message: "312 sessions idle in transaction from application_name=stock-reconciler", resolvesAfter: 25 })
    .add({ incident: "release", at: 7.5, source: "datadog", service: "inventory-service", region: "eu-west-1", severity: "medium", rule: "monitor-31010 inventory reservation conflicts",
      title: "[Triggered] inventory-service reservation conflicts above 1%", message: "409 duplicate reservation on POST /v1/reservations since v12.8.0", errorCode: "HTTP 409", resolvesAfter: 30 })
    .add({ incident: "release", at: 9.0, source: "pagerduty", service: "inventory-service", severity: "high", rule: "pd-warehouse-ops-picklists",
      title: "Warehouse ops: parcels appearing twice on pick lists", message: "Pickers at DUB2 and LEJ1 report parcels reserved twice since this morning", resolvesAfter: 30 })
    .add({ incident: "pool", at: 11.0, source: "sentry", service: "inventory-service", severity: "medium", rule: "inventory PoolTimeout stock_lookup",
      title: "PoolTimeout: couldn't get a connection after 30.00 sec", message: "inventory.api.stock_lookup", resolvesAfter: 20 })
    .add({ incident: "printers", at: 12.0, source: "generic", service: "label-printer-service", region: "eu-west-1", severity: "low", rule: "printer-heartbeat-site-DUB2", target: "DUB2",
      title: "Label printer heartbeat missed at site DUB2", message: "2 of 14 printers at DUB2 missed 2 heartbeats", resolvesAfter: 5 })
    .add({ incident: "release", at: 14.0, source: "generic", service: "inventory-service", region: "eu-west-1", severity: "info", rule: "deploy-marker inventory-service v12.7.4",
      title: "Deployment: inventory-service rolled back to v12.7.4", message: "Spinnaker pipeline inventory-rollback #212 finished" })
    .build();

  const email = new ScenarioBuilder(
    "holdout2-flap-email-throttling",
    "flapping",
    "The email provider throttles on and off for two hours; a short SMS provider blip in the middle",
    "2026-11-20T10:00:00Z",
    "After a sender-reputation dip, the SMTP relay answers 421 for bursts of a few minutes, all morning. email-sender's deferred-rate " +
      "monitor fires and resolves repeatedly (gaps up to 25 minutes) and notification-service's email queue backs up with it. At 11:02 " +
      "the SMS provider has a nine-minute 500 blip: sms-gateway fails, notification-service reports SMS errors and its SMS queue backs " +
      "up — a separate incident, although notification-service's queue alert uses the same Alertmanager rule (grouped by alertname " +
      "only) for both queues. push-service logs unregistered tokens now and then. Traps: the shared group key joins the two queues; " +
      "re-fires after long quiet gaps must still land in the throttling incident.",
  );
  [0, 11, 26, 44, 58, 83, 97].forEach((at, i) =>
    email.add({ incident: "smtp", at, source: "datadog", service: "email-sender", region: "eu-west-1", severity: "medium", rule: "monitor-24010 email deferred rate",
      title: "[Triggered] email-sender deferred rate above 5%", message: `421 4.7.0 Try again later from smtp-relay (throttled); deferred ${[7.8, 6.1, 9.4, 5.6, 8.2, 6.9, 7.1][i]}%`, errorCode: "SMTP 421", resolvesAfter: 5 }),
  );
  [3, 47, 86].forEach((at) =>
    email.add({ incident: "smtp", at, source: "alertmanager", service: "notification-service", region: "eu-west-1", severity: "medium", rule: "NotificationQueueBacklog", target: "notifications-email",
      title: "NotificationQueueBacklog", message: "queue notifications.email has 31k ready messages; consumers deferring on SMTP 421", resolvesAfter: 10 }),
  );
  email
    .add({ incident: "sms", at: 62, source: "datadog", service: "sms-gateway", region: "eu-west-1", severity: "high", rule: "monitor-20001 sms delivery failures",
      title: "[Triggered] sms-gateway delivery failure rate above 10%", message: "Provider returned 500 Internal Server Error for 22% of sends", errorCode: "HTTP 500", resolvesAfter: 9 })
    .add({ incident: "sms", at: 63.5, source: "sentry", service: "notification-service", severity: "medium", rule: "notifications SmsProviderError",
      title: "SmsProviderError: 500 from provider after 3 retries", message: "notifications.channels.sms.send: out-for-delivery notice not sent", resolvesAfter: 8 })
    .add({ incident: "sms", at: 65, source: "alertmanager", service: "notification-service", region: "eu-west-1", severity: "medium", rule: "NotificationQueueBacklog", target: "notifications-sms",
      title: "NotificationQueueBacklog", message: "queue notifications.sms has 12k ready messages; consumers retrying with backoff", resolvesAfter: 8 });
  [30, 71].forEach((at) =>
    email.add({ incident: "push", at, source: "sentry", service: "push-service", severity: "low", rule: "push FCM Unregistered",
      title: "FCMError: Requested entity was not found (UNREGISTERED)", message: "push.fcm.send: token for device no longer registered", resolvesAfter: 2 }),
  );

  const pricing = new ScenarioBuilder(
    "holdout2-deploy-pricing-migration",
    "deploy",
    "A pricing-service release runs a locking migration on pricing-db; quotes, promos and checkout stall — and a driver API release breaks in the US",
    "2026-11-23T14:30:00Z",
    "pricing-service v5.0.0 runs migration 0142 (ALTER TABLE rates ADD COLUMN zone ... NOT NULL DEFAULT), which takes an ACCESS " +
      "EXCLUSIVE lock while rewriting the table. Everything reading rates queues behind it: pricing-service quotes time out, " +
      "promo-service (same database) cancels statements, cart-service and checkout-web fail quotes. The release is rolled back " +
      "after twelve minutes. Meanwhile in us-east-1, driver-app-api v8.1.0 ships a serializer bug. Traps: two deploy markers in " +
      "the same minutes; promo-service is linked to the migration only through the database.",
  )
    .add({ incident: "migration", at: 0, source: "generic", service: "pricing-service", region: "eu-west-1", severity: "info", rule: "deploy-marker pricing-service v5.0.0",
      title: "Deployment: pricing-service v5.0.0 started", message: "ArgoCD sync started for pricing-service; pre-sync hook runs migration 0142_add_zone_column" })
    .add({ incident: "migration", at: 0.8, source: "alertmanager", service: "pricing-db", region: "eu-west-1", severity: "critical", rule: "PostgresLockWaitsHigh", target: "pricing-db-0", groupBy: ["alertname", "service"],
      title: "PostgresLockWaitsHigh", message: "pricing-db: 184 sessions waiting on AccessExclusiveLock for relation rates", resolvesAfter: 13 })
    .add({ incident: "migration", at: 1.5, source: "datadog", service: "pricing-service", region: "eu-west-1", severity: "high", rule: "monitor-52001 pricing quote latency",
      title: "[Triggered] pricing-service p99 latency > 2s", message: "p99 12s on POST /quote: statement timeout waiting for lock on rates", resolvesAfter: 14 })
    .add({ incident: "migration", at: 2.2, source: "sentry", service: "promo-service", severity: "high", rule: "promo QueryCanceled rules",
      title: "QueryCanceled: canceling statement due to statement timeout", message: "promo.rules.load_active: SELECT ... FROM promo_rules JOIN rates", resolvesAfter: 14 })
    .add({ incident: "migration", at: 2.9, source: "datadog", service: "cart-service", region: "eu-west-1", severity: "high", rule: "monitor-50110 cart quote errors",
      title: "[Triggered] cart-service quote error rate above 3%", message: "Quotes failing: pricing-service 504 after 10s", errorCode: "HTTP 504", resolvesAfter: 15 })
    .add({ incident: "driver", at: 3.3, source: "generic", service: "driver-app-api", region: "us-east-1", severity: "info", rule: "deploy-marker driver-app-api v8.1.0",
      title: "Deployment: driver-app-api v8.1.0 to prod (us-east-1)", message: "ArgoCD sync succeeded for driver-app-api (commit 51de0c2: stop card ETA windows)" })
    .add({ incident: "migration", at: 4.0, source: "datadog", service: "checkout-web", region: "eu-west-1", severity: "critical", rule: "monitor-77001 checkout conversion",
      title: "[Triggered] checkout-web conversion rate dropped 40%", message: "Orders per minute 51 vs 86 expected; quote step spinner timing out", resolvesAfter: 15 })
    .add({ incident: "driver", at: 5.0, source: "sentry", service: "driver-app-api", region: "us-east-1", severity: "high", rule: "driver-app-api AttributeError eta_window",
      title: "AttributeError: 'NoneType' object has no attribute 'eta_window'", message: "driver_api.serializers.stop_card (release 8.1.0)", resolvesAfter: 20 })
    .add({ incident: "migration", at: 7.0, source: "pagerduty", service: "checkout-web", severity: "critical", rule: "pd-checkout-quotes",
      title: "Checkout quotes failing - checkout on-call paged", message: "Synthetic 'quote and pay' check failed 4 times in a row", resolvesAfter: 10 })
    .add({ incident: "driver", at: 8.0, source: "datadog", service: "driver-app-api", region: "us-east-1", severity: "high", rule: "monitor-66020 driver-app-api 5xx",
      title: "[Triggered] driver-app-api 5xx above 1%", message: "500 on GET /v1/routes/today since v8.1.0 (us-east-1)", errorCode: "HTTP 500", resolvesAfter: 20 })
    .add({ incident: "migration", at: 12.0, source: "generic", service: "pricing-service", region: "eu-west-1", severity: "info", rule: "deploy-marker pricing-service v4.9.3",
      title: "Deployment: pricing-service rolled back to v4.9.3", message: "ArgoCD rollback for pricing-service; migration 0142 cancelled (lock released)" })
    .add({ incident: "migration", at: 12.5, source: "sentry", service: "cart-service", severity: "medium", rule: "cart PricingUnavailable",
      title: "PricingUnavailable: quote service returned 504", message: "cart.quote.build (retry budget exhausted)", errorCode: "HTTP 504", resolvesAfter: 5 })
    .build();

  const night = new ScenarioBuilder(
    "holdout2-noise-night-geocoder",
    "noise",
    "A night of routine warnings, and a geocoding provider outage that breaks route planning",
    "2026-11-24T01:00:00Z",
    "Every night: the route re-optimisation batch makes route-planner's solve-time warning fire every half hour, reporting-api logs " +
      "slow queries, warehouse-dw warns about credit usage, and the label printers at LEJ1 miss heartbeats. At 01:44 the external " +
      "geocoding provider starts returning 502s: geo-service errors, route-planner fails plans (it geocodes depots through " +
      "geo-service) and dispatch-service assignments back up. The nightly solve-time warning fires again in the middle of the " +
      "outage. Traps: the nightly route-planner warning shares service, environment and region with the real incident; " +
      "fingerprints split recurring noise only where the rule targets differ.",
  );
  [5, 35, 65, 95].forEach((at) =>
    night.add({ incident: "nightly-batch", at, source: "grafana", service: "route-planner", region: "eu-west-1", severity: "low", rule: "Route solve time above target", target: "reoptimizer",
      title: "Route solve time above target", message: "p95 solve time 2.8s for nightly re-optimisation batch (target 2s)", resolvesAfter: 10 }),
  );
  [0, 40, 85].forEach((at) =>
    night.add({ incident: "reporting", at, source: "datadog", service: "reporting-api", region: "eu-west-1", severity: "low", rule: "monitor-10400 reporting slow queries",
      title: "[Warn] reporting-api slow queries", message: "9 queries slower than 5s against warehouse-dw in the last 10 min", resolvesAfter: 15 }),
  );
  [10, 70].forEach((at) =>
    night.add({ incident: "dw-credits", at, source: "datadog", service: "warehouse-dw", region: "eu-west-1", severity: "low", rule: "monitor-10500 dw credit usage",
      title: "[Warn] warehouse-dw credit usage above daily budget", message: "Snowflake warehouse ETL_XL used 112% of its daily credit budget", resolvesAfter: 30 }),
  );
  [20, 52].forEach((at) =>
    night.add({ incident: "printers", at, source: "generic", service: "label-printer-service", region: "eu-central-1", severity: "low", rule: "printer-heartbeat-site-LEJ1", target: "LEJ1",
      title: "Label printer heartbeat missed at site LEJ1", message: "4 of 20 printers at LEJ1 missed 2 heartbeats", resolvesAfter: 6 }),
  );
  night
    .add({ incident: "geo", at: 44, source: "datadog", service: "geo-service", region: "eu-west-1", severity: "high", rule: "monitor-51221 geo-service geocoder errors",
      title: "[Triggered] geo-service geocoder error rate above 5%", message: "Upstream geocoding provider returning 502 Bad Gateway for 37% of requests", errorCode: "HTTP 502", resolvesAfter: 10 })
    .add({ incident: "geo", at: 44.5, source: "sentry", service: "geo-service", severity: "medium", rule: "geo GeocoderUnavailable",
      title: "GeocoderUnavailable: provider responded 502", message: "geo.providers.primary.geocode (circuit breaker half-open)", errorCode: "HTTP 502", resolvesAfter: 25 })
    .add({ incident: "geo", at: 46, source: "datadog", service: "route-planner", region: "eu-west-1", severity: "high", rule: "monitor-70210 route-planner plan failures",
      title: "[Triggered] route-planner plan failures above 2%", message: "POST /plan failing: depot geocodes unavailable (502 from geo-service)", errorCode: "HTTP 502", resolvesAfter: 22 })
    .add({ incident: "geo", at: 47, source: "alertmanager", service: "route-planner", region: "eu-west-1", severity: "high", rule: "RoutePlannerHighErrorRate", target: "route-planner-eu-a",
      title: "RoutePlannerHighErrorRate", message: "route-planner error rate 9% in eu-west-1", resolvesAfter: 20 })
    .add({ incident: "geo", at: 50, source: "datadog", service: "dispatch-service", region: "eu-west-1", severity: "medium", rule: "monitor-60300 dispatch assignment delay",
      title: "[Triggered] dispatch-service assignment delay > 5 min", message: "Parcels waiting for a route: 860 in eu-west-1", resolvesAfter: 25 })
    .add({ incident: "geo", at: 58, source: "datadog", service: "geo-service", region: "eu-west-1", severity: "high", rule: "monitor-51221 geo-service geocoder errors",
      title: "[Triggered] geo-service geocoder error rate above 5%", message: "Upstream geocoding provider returning 502 Bad Gateway for 41% of requests", errorCode: "HTTP 502", resolvesAfter: 15 })
    .build();

  const az = new ScenarioBuilder(
    "holdout2-concurrent-az-impairment",
    "concurrent",
    "An availability-zone network impairment in eu-central-1 hits several unrelated services; a 3-D Secure outage in eu-west-1 at the same time",
    "2026-11-25T06:15:00Z",
    "euc1-az2 loses network connectivity for about 25 minutes. Everything with a foot in that zone alerts within minutes: a Kafka " +
      "broker drops out, Kubernetes nodes go NotReady, an sms-gateway pod becomes unreachable, RabbitMQ loses a node, and Kafka's " +
      "consumers and producers (dispatch, ledger, tracking) complain. The catalog does not relate most of these, but it is one " +
      "incident: the zone. At the same time in eu-west-1, the card schemes' 3-D Secure directory server times out, so payments-api " +
      "and checkout-web fail challenges (a payments incident), and push-service warns about its certificate. Traps: the zone " +
      "alerts share only region, time and the zone name; a time window also merges the 3DS incident into them.",
  )
    .add({ incident: "az", at: 0, source: "cloudwatch", service: null, region: "eu-central-1", severity: "high", rule: "aws-health AWS_EC2_OPERATIONAL_ISSUE euc1-az2",
      title: "AWS Health Event: AWS_EC2_OPERATIONAL_ISSUE in eu-central-1", message: "We are investigating increased packet loss and instance connectivity issues in a single Availability Zone (euc1-az2) in the EU-CENTRAL-1 Region.", resolvesAfter: 30 })
    .add({ incident: "az", at: 0.5, source: "alertmanager", service: "kafka", region: "eu-central-1", severity: "critical", rule: "KafkaBrokerDown", target: "kafka-3", groupBy: ["alertname", "cluster"], labels: { cluster: "prod-eu" },
      title: "KafkaBrokerDown", message: "Broker kafka-3 (euc1-az2) is not reachable from the controller", resolvesAfter: 26 })
    .add({ incident: "az", at: 1.0, source: "datadog", service: "sms-gateway", region: "eu-central-1", severity: "medium", rule: "monitor-20002 sms provider latency",
      title: "[Triggered] sms-gateway provider latency p95 > 5s", message: "p95 6.4s; 1 of 3 pods unreachable (node in euc1-az2)", resolvesAfter: 24 })
    .add({ incident: "az", at: 1.8, source: "datadog", service: "dispatch-service", region: "eu-central-1", severity: "high", rule: "monitor-60310 dispatch produce errors",
      title: "[Triggered] dispatch-service produce errors above 1%", message: "produce to parcels.assigned failing: NOT_LEADER_OR_FOLLOWER (broker kafka-3)", resolvesAfter: 24 })
    .repeat([2.4, 2.6, 3.0], { incident: "az", source: "alertmanager", service: "k8s-cluster", region: "eu-central-1", severity: "medium", rule: "KubeNodeNotReady", targets: ["ip-10-30-2-14", "ip-10-30-2-77", "ip-10-30-2-203"], groupBy: ["alertname", "cluster"], labels: { cluster: "prod-euc1" },
      title: "KubeNodeNotReady", message: "Node {target} (euc1-az2) NotReady: kubelet stopped posting node status", resolvesAfter: 25 })
    .add({ incident: "az", at: 3.5, source: "datadog", service: "ledger-service", region: "eu-central-1", severity: "high", rule: "monitor-80010 ledger publish failures",
      title: "[Triggered] ledger-service publish failures", message: "E-LEDGER-503 could not publish ledger.entries: broker kafka-3 unreachable", errorCode: "E-LEDGER-503", resolvesAfter: 22 })
    .add({ incident: "3ds", at: 4.0, source: "datadog", service: "payments-api", region: "eu-west-1", severity: "high", rule: "monitor-88140 3ds challenge failures",
      title: "[Triggered] payments-api 3DS challenge failures above 5%", message: "E-3DS-TIMEOUT: directory server did not answer within 10s for 11% of challenges", errorCode: "E-3DS-TIMEOUT", resolvesAfter: 35 })
    .add({ incident: "3ds", at: 5.5, source: "sentry", service: "payments-api", severity: "medium", rule: "payments ThreeDSTimeout",
      title: "ThreeDSTimeout: directory server did not respond in 10000ms", message: "payments.threeds.start_challenge (scheme: visa)", errorCode: "E-3DS-TIMEOUT", resolvesAfter: 35 })
    .add({ incident: "az", at: 6.0, source: "datadog", service: "tracking-service", region: "eu-central-1", severity: "medium", rule: "monitor-91000 tracking events freshness",
      title: "[Triggered] tracking-service event freshness > 10 min", message: "Consumer stalled: partitions led by kafka-3 unavailable", resolvesAfter: 22 })
    .add({ incident: "az", at: 7.0, source: "alertmanager", service: "kafka", region: "eu-central-1", severity: "high", rule: "KafkaUnderReplicatedPartitions", target: "prod-eu", groupBy: ["alertname", "cluster"], labels: { cluster: "prod-eu" },
      title: "KafkaUnderReplicatedPartitions", message: "207 under-replicated partitions on cluster prod-eu", resolvesAfter: 25 })
    .add({ incident: "3ds", at: 8.0, source: "datadog", service: "checkout-web", region: "eu-west-1", severity: "high", rule: "monitor-77010 checkout-web payment step errors", target: "checkout-web-eu-b",
      title: "[Triggered] checkout-web payment step error rate high on checkout-web-eu-b", message: "POST /checkout/pay: 3-D Secure challenge failed (E-3DS-TIMEOUT) for 6% of payments", errorCode: "E-3DS-TIMEOUT", resolvesAfter: 30 })
    .add({ incident: "az", at: 9.0, source: "alertmanager", service: "rabbitmq", region: "eu-central-1", severity: "high", rule: "RabbitMQNodeDown", target: "rabbit@rmq-2",
      title: "RabbitMQNodeDown", message: "RabbitMQ node rabbit@rmq-2 (euc1-az2) down; cluster running on 2 of 3 nodes", resolvesAfter: 20 })
    .add({ incident: "push", at: 10.0, source: "sentry", service: "push-service", region: "eu-central-1", severity: "low", rule: "push APNs certificate expiring",
      title: "APNsCertificateWarning: certificate expires in 21 days", message: "push.apns.client: production push certificate for com.parcelwise.driver expires 2026-12-16" })
    .add({ incident: "3ds", at: 12.0, source: "pagerduty", service: "payments-api", severity: "critical", rule: "pd-card-auth-eu",
      title: "Card payments failing 3-D Secure - payments on-call paged", message: "Scheme status page: directory server degraded for EU issuers", resolvesAfter: 30 })
    .build();

  const ledger = new ScenarioBuilder(
    "holdout2-cascade-ledger-db-disk",
    "cascading",
    "An abandoned replication slot fills ledger-db; ledger writes stop and payments captures fail — while payouts has an unrelated bank SFTP problem",
    "2026-11-18T11:00:00Z",
    "The CDC connector that fed the data warehouse died days ago, but its replication slot kept retaining WAL. ledger-db's free " +
      "storage alarm fires at 11:00, gets critical at 11:06, and at 11:08 the instance is storage-full: ledger-service writes fail, " +
      "payments-api captures fail, payouts-worker cannot post payout entries, checkout-web's pay step errors two hops up, and " +
      "finance notices missing entries. The ETL lag alert names the dead connector. Separately, since 11:04, payouts-worker's bank " +
      "export fails because the bank rotated its SFTP credentials. Traps: payouts-worker has one alert for each problem; the " +
      "storage alarms precede the symptoms by several minutes.",
  )
    .add({ incident: "ledger", at: 0, source: "cloudwatch", service: "ledger-db", region: "eu-west-1", severity: "high", rule: "ledger-db-prod FreeStorageSpace 10GiB", target: "ledger-db-prod",
      title: "ALARM: \"ledger-db-prod FreeStorageSpace < 10 GiB\" in EU (Ireland)", message: "Threshold Crossed: FreeStorageSpace 6.2 GiB; replication slot debezium_ledger retaining 410 GiB of WAL", resolvesAfter: 40 })
    .add({ incident: "sftp", at: 4.0, source: "sentry", service: "payouts-worker", severity: "high", rule: "payouts SFTPAuthenticationError bank_export",
      title: "SFTPAuthenticationError: Authentication failed for user parcelwise_payouts", message: "payouts.bank_export.upload: server rejected publickey (bank rotated credentials)", resolvesAfter: 60 })
    .add({ incident: "ledger", at: 6.0, source: "cloudwatch", service: "ledger-db", region: "eu-west-1", severity: "critical", rule: "ledger-db-prod FreeStorageSpace 2GiB", target: "ledger-db-prod",
      title: "ALARM: \"ledger-db-prod FreeStorageSpace < 2 GiB\" in EU (Ireland)", message: "Threshold Crossed: FreeStorageSpace 1.4 GiB", resolvesAfter: 34 })
    .add({ incident: "ledger", at: 8.0, source: "cloudwatch", service: "ledger-db", region: "eu-west-1", severity: "critical", rule: "ledger-db-prod storage-full event", target: "ledger-db-prod",
      title: "RDS event: DB instance ledger-db-prod has reached its storage limit", message: "The DB instance has reached its storage limit and is in storage-full state; writes are blocked", resolvesAfter: 30 })
    .add({ incident: "ledger", at: 8.7, source: "sentry", service: "ledger-service", severity: "critical", rule: "ledger DiskFull",
      title: "DiskFull: could not extend file \"base/16384/24611\": No space left on device", message: "ledger.entries.append (HINT: Check free disk space.)", resolvesAfter: 30 })
    .add({ incident: "ledger", at: 9.3, source: "datadog", service: "ledger-service", region: "eu-west-1", severity: "critical", rule: "monitor-80020 ledger write errors",
      title: "[Triggered] ledger-service write error rate above 1%", message: "E-LEDGER-500 on POST /entries: database rejected write", errorCode: "E-LEDGER-500", resolvesAfter: 30 })
    .add({ incident: "ledger", at: 10.5, source: "datadog", service: "payments-api", region: "eu-west-1", severity: "high", rule: "monitor-88150 payments capture failures",
      title: "[Triggered] payments-api capture failures above 2%", message: "Captures failing: ledger-service returned E-LEDGER-500", errorCode: "E-LEDGER-500", resolvesAfter: 30 })
    .add({ incident: "sftp", at: 13.0, source: "datadog", service: "payouts-worker", region: "eu-west-1", severity: "high", rule: "monitor-88310 payouts bank export",
      title: "[Triggered] payouts-worker bank export job failed", message: "Daily bank export failed 3 times: SFTP authentication failed for host sftp.bank.example", resolvesAfter: 55 })
    .add({ incident: "ledger", at: 15.0, source: "sentry", service: "payouts-worker", severity: "high", rule: "payouts LedgerWriteError",
      title: "LedgerWriteError: E-LEDGER-500 posting payout entries", message: "payouts.jobs.post_entries: ledger-service rejected batch", errorCode: "E-LEDGER-500", resolvesAfter: 28 })
    .add({ incident: "ledger", at: 16.0, source: "datadog", service: "checkout-web", region: "eu-west-1", severity: "high", rule: "monitor-77010 checkout-web payment step errors", target: "checkout-web-eu-a",
      title: "[Triggered] checkout-web payment step error rate high on checkout-web-eu-a", message: "POST /checkout/pay returned 502 for 4% of requests: payments-api capture failed", errorCode: "HTTP 502", resolvesAfter: 25 })
    .add({ incident: "ledger", at: 18.0, source: "pagerduty", service: "ledger-service", severity: "high", rule: "pd-finance-ledger-gaps",
      title: "Finance: ledger entries missing for captured payments", message: "Reconciliation job found 1,930 captures without ledger entries since 11:08", resolvesAfter: 30 })
    .add({ incident: "ledger", at: 20.0, source: "grafana", service: "etl-pipeline", region: "eu-west-1", severity: "medium", rule: "ETL connector failed", target: "debezium-ledger",
      title: "ETL connector failed", message: "Kafka Connect connector debezium-ledger (source ledger-db) in FAILED state since 2026-11-23; replication slot not advancing", resolvesAfter: 60 })
    .build();

  return [search, inventory, email.build(), pricing, night.build(), az, ledger];
}
