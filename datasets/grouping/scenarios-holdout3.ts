import { ScenarioBuilder, type Scenario } from "./scenario-kit";

/**
 * Third held-out batch: written and committed (2026-11-26) before the third round of grouping changes, without
 * running the grouping code on it, from how outages at a parcel company unfold — not from the grouping signals.
 * Four of the seven are shared-infrastructure failures (a cache, cluster DNS, an expired internal certificate, a
 * NAT gateway) where one broken piece lights up services that have no link to each other in the catalog, or only
 * an indirect one. Never tuned on. Labels are what the on-call engineer would call one incident.
 */
export function holdout3Scenarios(): Scenario[] {
  const redis = new ScenarioBuilder(
    "holdout3-cascade-redis-failover",
    "cascading",
    "redis-cache primary OOM-killed; Sentinel fails over but stale client pools keep four teams failing for a quarter hour",
    "2026-11-19T14:05:00Z",
    "A session-key TTL bug lets redis-cache's primary grow past its memory limit; at 14:05 it is OOM-killed. Sentinel promotes a " +
      "replica within a minute, but clients with long-lived pools keep talking to the dead address, and when the old primary comes " +
      "back as a replica some writes get READONLY errors. auth-service, fraud-scorer, cart-service and geo-service (all on redis-cache " +
      "in the catalog) alert, then their callers: payments-api falls back to manual fraud review, api-gateway and sso-gateway see " +
      "login failures, checkout conversion drops, drivers cannot log in. The returning node's full resync spikes fraud-scorer latency " +
      "again at 14:18. Unrelated in the same window: a failed ETL backfill job and a printer out of labels. " +
      "Traps: the symptoms are two hops from the root; the fraud-scorer monitor fires twice; the chatter sits inside any time window.",
  )
    .add({ incident: "redis", at: 0, source: "alertmanager", service: "redis-cache", region: "eu-west-1", severity: "critical", rule: "RedisOutOfMemory", target: "redis-prod-0", groupBy: ["alertname", "service"],
      title: "RedisOutOfMemory", message: "Redis is running out of memory (> 90%): used_memory 15.1GiB of maxmemory 16GiB on redis-prod-0", resolvesAfter: 2 })
    .add({ incident: "redis", at: 0.7, source: "alertmanager", service: "redis-cache", region: "eu-west-1", severity: "critical", rule: "RedisDown", target: "redis-prod-0", groupBy: ["alertname", "service"],
      title: "RedisDown", message: "Redis instance is down: redis-prod-0 (container redis OOMKilled, exit code 137)", resolvesAfter: 9 })
    .add({ incident: "redis", at: 1.0, source: "alertmanager", service: "redis-cache", region: "eu-west-1", severity: "critical", rule: "RedisMissingMaster", target: "redis-sentinel", groupBy: ["alertname", "service"],
      title: "RedisMissingMaster", message: "Redis cluster has no node marked as master (sentinel failover in progress, quorum 2/3)", resolvesAfter: 1 })
    .add({ incident: "redis", at: 1.2, source: "sentry", service: "auth-service", severity: "high", rule: "auth redis ConnectionError refused",
      title: "ConnectionError: Error 111 connecting to redis-cache.platform.svc:6379. Connection refused.", message: "auth.sessions.load_session", resolvesAfter: 12 })
    .add({ incident: "redis", at: 1.5, source: "datadog", service: "fraud-scorer", region: "eu-west-1", severity: "high", rule: "monitor-40120 fraud-scorer latency",
      title: "[Triggered] fraud-scorer p99 latency > 800ms", message: "p99 2.9s on POST /score: feature lookups timing out (JedisConnectionException: Read timed out)", resolvesAfter: 9 })
    .add({ incident: "redis", at: 2.0, source: "sentry", service: "cart-service", severity: "high", rule: "cart JedisConnectionException pool",
      title: "JedisConnectionException: Could not get a resource from the pool", message: "com.parcelwise.cart.CartRepository.load", resolvesAfter: 11 })
    .add({ incident: "redis", at: 2.4, source: "datadog", service: "geo-service", region: "eu-west-1", severity: "medium", rule: "monitor-51230 geo cache hit ratio",
      title: "[Triggered] geo-service cache hit ratio below 60%", message: "hit ratio 4% (baseline 92%); geocoding provider calls up 14x", resolvesAfter: 14 })
    .add({ incident: "etl-job", at: 2.8, source: "alertmanager", service: "etl-pipeline", region: "eu-west-1", severity: "low", rule: "KubeJobFailed", target: "etl-backfill-29385", groupBy: ["alertname", "namespace"], labels: { namespace: "data" },
      title: "KubeJobFailed", message: "Job data/etl-backfill-29385 failed to complete. Removing failed job after investigation should clear this alert.", resolvesAfter: 40 })
    .add({ incident: "redis", at: 3.0, source: "datadog", service: "payments-api", region: "eu-west-1", severity: "high", rule: "monitor-11040 payments fraud fallback",
      title: "[Triggered] payments-api fraud-check fallback above 1%", message: "4.8% of charges sent to manual review: fraud-scorer timeout after 1500ms", resolvesAfter: 12 })
    .add({ incident: "redis", at: 3.5, source: "alertmanager", service: "api-gateway", region: "eu-west-1", severity: "high", rule: "ApiGatewayUpstream5xxHigh", target: "kong-proxy", groupBy: ["alertname", "service"], labels: { upstream: "auth-service" },
      title: "ApiGatewayUpstream5xxHigh", message: "5xx ratio 11% for upstream auth-service on route /v1/session", errorCode: "HTTP 503", resolvesAfter: 10 })
    .add({ incident: "redis", at: 4.0, source: "grafana", service: "sso-gateway", region: "eu-west-1", severity: "medium", rule: "SSO login success rate", target: "sso-gateway",
      title: "SSO login success rate below 95%", message: "SAML logins succeeding 71% (auth-service session store errors)", resolvesAfter: 10 })
    .add({ incident: "redis", at: 5.0, source: "datadog", service: "checkout-web", region: "eu-west-1", severity: "critical", rule: "monitor-77001 checkout conversion",
      title: "[Triggered] checkout-web conversion rate dropped 30%", message: "Conversion 2.1% vs 3.1% baseline over 5 min; cart load errors and payment review fallbacks", resolvesAfter: 12 })
    .add({ incident: "redis", at: 8.0, source: "sentry", service: "fraud-scorer", severity: "medium", rule: "fraud redis ReadOnlyError",
      title: "ReadOnlyError: You can't write against a read only replica.", message: "fraud.features.update_velocity (stale connection to redis-prod-0, now a replica)", resolvesAfter: 7 })
    .add({ incident: "redis", at: 9.0, source: "datadog", service: "driver-app-api", region: "eu-west-1", severity: "high", rule: "monitor-62010 driver login errors",
      title: "[Triggered] driver-app-api login errors above 5%", message: "POST /v1/session failing 9%: 503 from auth-service", errorCode: "HTTP 503", resolvesAfter: 8 })
    .add({ incident: "printer", at: 10.0, source: "generic", service: "label-printer-service", region: "eu-west-1", severity: "low", rule: "printer-media-out-DUB2-07", target: "DUB2-07",
      title: "Printer DUB2-07 out of labels", message: "Zebra ZT411 at DUB2 lane 7 reports media out", resolvesAfter: 12 })
    .add({ incident: "redis", at: 11.0, source: "alertmanager", service: "redis-cache", region: "eu-west-1", severity: "medium", rule: "RedisDisconnectedSlaves", target: "redis-prod-1", groupBy: ["alertname", "service"],
      title: "RedisDisconnectedSlaves", message: "Redis not replicating for all slaves: 1 of 2 replicas in full resync (redis-prod-0 rejoining)", resolvesAfter: 8 })
    .add({ incident: "redis", at: 13.0, source: "datadog", service: "fraud-scorer", region: "eu-west-1", severity: "high", rule: "monitor-40120 fraud-scorer latency",
      title: "[Triggered] fraud-scorer p99 latency > 800ms", message: "p99 1.4s on POST /score during redis-cache full resync", resolvesAfter: 5 })
    .add({ incident: "redis", at: 15.0, source: "pagerduty", service: "customer-app-api", severity: "medium", rule: "pd-support-login-loops",
      title: "Customer support: app users logged out and stuck in a login loop", message: "31 tickets in 15 min mentioning 'logged out' / 'login again'", resolvesAfter: 20 })
    .build();

  const dns = new ScenarioBuilder(
    "holdout3-cascade-cluster-dns",
    "cascading",
    "CoreDNS in prod-euc1 overloaded and crash-looping; name resolution fails across unrelated services",
    "2026-11-21T09:32:00Z",
    "A new batch job resolves external hostnames without a trailing dot; with ndots:5 every lookup expands into five queries and " +
      "CoreDNS (two replicas, CPU-limited) falls over at 09:32. For twenty minutes any service in prod-euc1 may fail to resolve " +
      "anything: payments-api cannot find payments-db, dispatch-service cannot bootstrap Kafka, notification-service cannot reach " +
      "email-sender, CI jobs cannot pull images. None of these depend on each other in the catalog, and the catalog has no DNS entry. " +
      "The platform team scales CoreDNS at 09:46; latency blips once more while the new pods roll. Unrelated in the same cluster: " +
      "reporting-api pods are OOM-killed by a huge export (its KubePodCrashLooping shares the Alertmanager group key with CoreDNS's, " +
      "because the route groups by alertname and cluster), and a ledger-db read replica lags behind an analytics query while " +
      "ledger-service (its dependent) has its own DNS error. Traps: no catalog path; the shared group key; the linked-but-unrelated ledger pair.",
  )
    .add({ incident: "dns", at: 0, source: "alertmanager", service: "k8s-cluster", region: "eu-central-1", severity: "high", rule: "CoreDNSLatencyHigh", target: "coredns", groupBy: ["alertname", "cluster"], labels: { cluster: "prod-euc1", namespace: "kube-system" },
      title: "CoreDNSLatencyHigh", message: "CoreDNS has 99th percentile latency of 4.1 seconds for server dns://:53 zone .", resolvesAfter: 21 })
    .add({ incident: "dns", at: 0.4, source: "alertmanager", service: "k8s-cluster", region: "eu-central-1", severity: "critical", rule: "CoreDNSErrorsHigh", target: "coredns", groupBy: ["alertname", "cluster"], labels: { cluster: "prod-euc1", namespace: "kube-system" },
      title: "CoreDNSErrorsHigh", message: "CoreDNS is returning SERVFAIL for 12.4% of requests.", resolvesAfter: 19 })
    .add({ incident: "dns", at: 0.9, source: "sentry", service: "payments-api", severity: "high", rule: "payments OperationalError translate host name",
      title: "OperationalError: could not translate host name \"payments-db.payments.svc.cluster.local\" to address: Temporary failure in name resolution",
      message: "payments.charges.create", resolvesAfter: 18 })
    .add({ incident: "dns", at: 1.3, source: "datadog", service: "dispatch-service", region: "eu-central-1", severity: "high", rule: "monitor-60310 dispatch produce errors",
      title: "[Triggered] dispatch-service Kafka produce errors", message: "ConfigException: No resolvable bootstrap urls given in bootstrap.servers (3 pods restarting)", resolvesAfter: 17 })
    .add({ incident: "dns", at: 1.8, source: "sentry", service: "notification-service", severity: "medium", rule: "notifications getaddrinfo EAI_AGAIN",
      title: "Error: getaddrinfo EAI_AGAIN email-sender.notifications.svc.cluster.local", message: "notifications/email/dispatch.js in sendBatch", resolvesAfter: 16 })
    .add({ incident: "dns", at: 2.2, source: "alertmanager", service: "k8s-cluster", region: "eu-central-1", severity: "high", rule: "KubePodCrashLooping", target: "coredns-7d9c6b8f5-x2kqp", groupBy: ["alertname", "cluster"], labels: { cluster: "prod-euc1", namespace: "kube-system", pod: "coredns-7d9c6b8f5-x2kqp" },
      title: "KubePodCrashLooping", message: "Pod kube-system/coredns-7d9c6b8f5-x2kqp (coredns) is in waiting state (reason: \"CrashLoopBackOff\").", resolvesAfter: 15 })
    .add({ incident: "dns", at: 2.5, source: "datadog", service: "tracking-service", region: "eu-central-1", severity: "medium", rule: "monitor-91010 tracking error rate",
      title: "[Triggered] tracking-service error rate above 5%", message: "errors 9.1%: dial tcp: lookup search-cluster.search.svc.cluster.local: i/o timeout", resolvesAfter: 16 })
    .add({ incident: "dns", at: 3.0, source: "alertmanager", service: "api-gateway", region: "eu-central-1", severity: "critical", rule: "BlackboxProbeFailed", target: "https://api.parcelwise.eu/v1/health", groupBy: ["alertname"],
      title: "BlackboxProbeFailed", message: "Probe failed for https://api.parcelwise.eu/v1/health (HTTP 503, upstream auth-service unresolvable)", errorCode: "HTTP 503", resolvesAfter: 14 })
    .add({ incident: "dns", at: 3.6, source: "datadog", service: "driver-app-api", region: "eu-central-1", severity: "high", rule: "monitor-62000 driver-app-api 5xx",
      title: "[Triggered] driver-app-api 5xx above 2%", message: "5xx 7.3% on GET /v1/routes/today", errorCode: "HTTP 502", resolvesAfter: 14 })
    .add({ incident: "dns", at: 4.1, source: "alertmanager", service: "k8s-cluster", region: "eu-central-1", severity: "high", rule: "KubePodCrashLooping", target: "coredns-7d9c6b8f5-lq8mv", groupBy: ["alertname", "cluster"], labels: { cluster: "prod-euc1", namespace: "kube-system", pod: "coredns-7d9c6b8f5-lq8mv" },
      title: "KubePodCrashLooping", message: "Pod kube-system/coredns-7d9c6b8f5-lq8mv (coredns) is in waiting state (reason: \"CrashLoopBackOff\").", resolvesAfter: 12 })
    .add({ incident: "reporting-oom", at: 5.0, source: "alertmanager", service: "reporting-api", region: "eu-central-1", severity: "medium", rule: "KubePodCrashLooping", target: "reporting-api-6c5f9d-2xw9z", groupBy: ["alertname", "cluster"], labels: { cluster: "prod-euc1", namespace: "data", pod: "reporting-api-6c5f9d-2xw9z" },
      title: "KubePodCrashLooping", message: "Pod data/reporting-api-6c5f9d-2xw9z (api) is in waiting state (reason: \"CrashLoopBackOff\").", resolvesAfter: 30 })
    .add({ incident: "reporting-oom", at: 5.4, source: "alertmanager", service: "reporting-api", region: "eu-central-1", severity: "medium", rule: "KubernetesContainerOomKiller", target: "reporting-api-6c5f9d-2xw9z", groupBy: ["alertname", "cluster"], labels: { cluster: "prod-euc1", namespace: "data", container: "api" },
      title: "KubernetesContainerOomKiller", message: "Container api in pod data/reporting-api-6c5f9d-2xw9z has been OOMKilled 3 times in the last 10 minutes.", resolvesAfter: 30 })
    .add({ incident: "dns", at: 6.0, source: "datadog", service: "payments-api", region: "eu-central-1", severity: "high", rule: "monitor-11000 payments-api 5xx",
      title: "[Triggered] payments-api 5xx above 1%", message: "5xx 4.4% on POST /v1/charges", errorCode: "HTTP 500", resolvesAfter: 13 })
    .add({ incident: "dns", at: 7.0, source: "alertmanager", service: "k8s-cluster", region: "eu-central-1", severity: "medium", rule: "KubeDeploymentReplicasMismatch", target: "coredns", groupBy: ["alertname", "cluster"], labels: { cluster: "prod-euc1", namespace: "kube-system", deployment: "coredns" },
      title: "KubeDeploymentReplicasMismatch", message: "Deployment kube-system/coredns has not matched the expected number of replicas for longer than 15 minutes.", resolvesAfter: 10 })
    .add({ incident: "dns", at: 8.0, source: "sentry", service: "ledger-service", severity: "medium", rule: "ledger KafkaError _RESOLVE",
      title: "KafkaError: _RESOLVE: Failed to resolve 'kafka-0.kafka-headless.platform.svc.cluster.local:9092': Temporary failure in name resolution",
      message: "ledger.events.publisher", resolvesAfter: 11 })
    .add({ incident: "ledger-replica", at: 9.0, source: "cloudwatch", service: "ledger-db", region: "eu-central-1", severity: "medium", rule: "ledger-db-prod-replica ReplicaLag", target: "ledger-db-prod-replica-1",
      title: "ALARM: \"ledger-db-prod-replica ReplicaLag > 60\" in EU (Frankfurt)", message: "Threshold Crossed: 3 datapoints [212.0, 188.0, 141.0] were greater than the threshold (60.0)", resolvesAfter: 25 })
    .add({ incident: "reporting-oom", at: 10.5, source: "sentry", service: "reporting-api", severity: "medium", rule: "reporting MemoryError export",
      title: "MemoryError", message: "reports.export.build_xlsx (export 'all-shipments-2026' with 41M rows)", resolvesAfter: 25 })
    .add({ incident: "dns", at: 11.0, source: "datadog", service: "ci-runners", region: "eu-central-1", severity: "medium", rule: "monitor-90020 ci job failure rate",
      title: "[Triggered] ci-runners job failure rate above 20%", message: "43% of jobs failing: dial tcp: lookup registry.parcelwise.internal: i/o timeout", resolvesAfter: 12 })
    .add({ incident: "dns", at: 14.0, source: "generic", service: "k8s-cluster", region: "eu-central-1", severity: "info", rule: "argocd-sync coredns",
      title: "Argo CD: application coredns synced to revision 9f41c2a", message: "coredns replicas 2 -> 6, cpu limit removed (hotfix by platform on-call)" })
    .add({ incident: "dns", at: 24.0, source: "alertmanager", service: "k8s-cluster", region: "eu-central-1", severity: "high", rule: "CoreDNSLatencyHigh", target: "coredns", groupBy: ["alertname", "cluster"], labels: { cluster: "prod-euc1", namespace: "kube-system" },
      title: "CoreDNSLatencyHigh", message: "CoreDNS has 99th percentile latency of 1.2 seconds for server dns://:53 zone . (pods rolling)", resolvesAfter: 3 })
    .build();

  const cert = new ScenarioBuilder(
    "holdout3-concurrent-cert-expiry",
    "concurrent",
    "The internal service certificate expires after nine days of failed renewals, while pricing-db chokes on a promo query",
    "2026-11-23T16:05:00Z",
    "cert-manager has failed to renew platform/svc-wildcard-tls (the certificate every internal mTLS listener serves) for nine days: " +
      "Vault's PKI role was rotated and the issuer gets 'permission denied'. The expiry warning has been firing at low severity and " +
      "was ignored. At 16:46 the certificate expires and every caller of an mTLS listener fails its handshake at once: api-gateway to " +
      "auth-service, payments-api to ledger-service, dispatch-service to route-planner, warehouse-gateway to inventory-service. Earlier " +
      "and unrelated, a promotion launch at 16:00 sends pricing-db to 95% CPU with a bad query plan, slowing pricing-service and cart " +
      "quotes; and payouts-worker's bank file is rejected for a format error. Traps: a dozen services fail in the same minute with no " +
      "catalog link between most of them; the pricing alerts sit right before the expiry; payouts-worker shares payments-api's team.",
  )
    .add({ incident: "cert", at: 0, source: "alertmanager", service: "cert-manager", region: "eu-west-1", severity: "low", rule: "CertManagerCertExpirySoon", target: "svc-wildcard-tls", groupBy: ["alertname", "namespace"], labels: { namespace: "platform", name: "svc-wildcard-tls" },
      title: "CertManagerCertExpirySoon", message: "The domain that this cert covers will be unavailable after 41m. Clients using endpoints that this cert protects will start to fail." })
    .add({ incident: "pricing", at: 3.0, source: "datadog", service: "pricing-service", region: "eu-west-1", severity: "high", rule: "monitor-52001 pricing quote latency",
      title: "[Triggered] pricing-service quote p95 latency > 500ms", message: "p95 2.3s on POST /v2/quote since 16:01", resolvesAfter: 50 })
    .add({ incident: "pricing", at: 5.0, source: "cloudwatch", service: "pricing-db", region: "eu-west-1", severity: "high", rule: "pricing-db-prod CPUUtilization", target: "pricing-db-prod",
      title: "ALARM: \"pricing-db-prod CPUUtilization > 85\" in EU (Ireland)", message: "Threshold Crossed: 3 datapoints [95.1, 94.7, 96.0] were greater than the threshold (85.0)", resolvesAfter: 48 })
    .add({ incident: "pricing", at: 9.0, source: "datadog", service: "cart-service", region: "eu-west-1", severity: "medium", rule: "monitor-50120 cart quote timeouts",
      title: "[Triggered] cart-service quote timeouts above 2%", message: "6.1% of quote calls to pricing-service exceeded 3s", resolvesAfter: 44 })
    .add({ incident: "pricing", at: 14.0, source: "sentry", service: "pricing-service", severity: "high", rule: "pricing QueryCanceled statement timeout",
      title: "QueryCanceled: canceling statement due to statement timeout", message: "pricing.promotions.applicable_rules (SELECT ... FROM promo_rules WHERE ... ORDER BY priority)", resolvesAfter: 40 })
    .add({ incident: "payouts", at: 22.0, source: "datadog", service: "payouts-worker", region: "eu-west-1", severity: "medium", rule: "monitor-13020 payouts batch failed",
      title: "[Triggered] payouts-worker batch PW-20261123-02 failed", message: "Bank SFTP rejected file: format error at line 12 (IBAN field length)", resolvesAfter: 60 })
    .add({ incident: "pricing", at: 38.0, source: "grafana", service: "pricing-db", region: "eu-west-1", severity: "medium", rule: "Postgres slow queries", target: "pricing-db-prod",
      title: "Postgres slow queries above 50/min", message: "214 statements over 1s in the last minute on pricing-db-prod (promo_rules seq scan)", resolvesAfter: 20 })
    .add({ incident: "cert", at: 41.0, source: "alertmanager", service: "auth-service", region: "eu-west-1", severity: "critical", rule: "BlackboxSslCertificateExpired", target: "auth-service.identity.svc:8443", groupBy: ["alertname"],
      title: "BlackboxSslCertificateExpired", message: "SSL certificate has expired already on auth-service.identity.svc:8443 (notAfter 2026-11-23T16:46:00Z)", resolvesAfter: 14 })
    .add({ incident: "cert", at: 41.3, source: "datadog", service: "api-gateway", region: "eu-west-1", severity: "critical", rule: "monitor-30001 api-gateway upstream 5xx",
      title: "[Triggered] api-gateway upstream 503 above 5%", message: "upstream connect error or disconnect/reset before headers. reset reason: connection failure, transport failure reason: TLS error: CERTIFICATE_VERIFY_FAILED", errorCode: "HTTP 503", resolvesAfter: 13 })
    .add({ incident: "cert", at: 41.8, source: "sentry", service: "payments-api", severity: "high", rule: "payments SSLError ledger",
      title: "SSLError: HTTPSConnectionPool(host='ledger-service.payments.svc', port=8443): Max retries exceeded", message: "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: certificate has expired (_ssl.c:1006)", resolvesAfter: 13 })
    .add({ incident: "cert", at: 42.2, source: "datadog", service: "sso-gateway", region: "eu-west-1", severity: "high", rule: "monitor-21010 sso login failures",
      title: "[Triggered] sso-gateway login failures above 10%", message: "43% of SAML assertions failing: auth-service unreachable (x509: certificate has expired or is not yet valid)", resolvesAfter: 12 })
    .add({ incident: "cert", at: 42.5, source: "sentry", service: "dispatch-service", severity: "high", rule: "dispatch SSLHandshakeException PKIX",
      title: "SSLHandshakeException: PKIX path validation failed: java.security.cert.CertPathValidatorException: validity check failed", message: "com.parcelwise.dispatch.RoutePlannerClient.plan", resolvesAfter: 12 })
    .add({ incident: "cert", at: 43.0, source: "alertmanager", service: "warehouse-gateway", region: "eu-west-1", severity: "high", rule: "WarehouseGatewayUpstreamErrors", target: "wh-gw-lej1",
      title: "WarehouseGatewayUpstreamErrors", message: "calls to inventory-service failing for site LEJ1: x509: certificate has expired or is not yet valid", resolvesAfter: 11 })
    .add({ incident: "cert", at: 45.0, source: "pagerduty", service: "driver-app-api", severity: "high", rule: "pd-dispatch-ops-drivers-logged-out",
      title: "Dispatch ops: drivers logged out, cannot start routes", message: "Depot leads at three sites report the driver app rejecting logins since ~16:47", resolvesAfter: 15 })
    .add({ incident: "cert", at: 47.0, source: "alertmanager", service: "cert-manager", region: "eu-west-1", severity: "medium", rule: "CertManagerCertNotReady", target: "svc-wildcard-tls", groupBy: ["alertname", "namespace"], labels: { namespace: "platform", name: "svc-wildcard-tls" },
      title: "CertManagerCertNotReady", message: "Certificate platform/svc-wildcard-tls is not ready: Issuing: vault: permission denied (403) on pki_int/sign/svc", resolvesAfter: 9 })
    .add({ incident: "cert", at: 52.0, source: "generic", service: "cert-manager", region: "eu-west-1", severity: "info", rule: "chatops cmctl renew",
      title: "ChatOps: cmctl renew platform/svc-wildcard-tls by platform on-call", message: "Vault role pki_int/svc re-bound to cert-manager service account; new certificate issued, notAfter 2027-02-21" })
    .build();

  const nat = new ScenarioBuilder(
    "holdout3-concurrent-nat-port-exhaustion",
    "concurrent",
    "NAT gateway runs out of source ports: every outbound call to a third party fails; dispatch chokes on a poison message at the same time",
    "2026-11-20T18:10:00Z",
    "notification-service turns on a webhook fan-out that opens thousands of short connections to one partner IP; the NAT gateway " +
      "in use1-az1 runs out of ports to that destination and then drops new connections to everyone else too. Every service that " +
      "talks to the internet from that zone fails outbound: payments-api to the card processor, sms-gateway to Twilio, email-sender " +
      "to SendGrid, geo-service to the maps API (so route-planner falls back to straight-line ETAs), push-service to FCM. The flag is " +
      "turned off at 18:24; the port allocation alarm had flapped once. Unrelated at the same time: a producer ships a bad Avro schema " +
      "and dispatch-service's consumer stalls on a poison message, so its Kafka lag climbs. Traps: most NAT victims share no catalog " +
      "link; dispatch-service depends on route-planner (a NAT victim) and on kafka; the reporting warning sits in the same minutes.",
  )
    .add({ incident: "nat", at: 0, source: "cloudwatch", service: null, region: "us-east-1", severity: "high", rule: "nat-use1-az1 ErrorPortAllocation", target: "nat-0a1b2c3d4e5f60718",
      title: "ALARM: \"nat-use1-az1 ErrorPortAllocation > 0\" in US East (N. Virginia)", message: "Threshold Crossed: 1 datapoint [1843.0] was greater than the threshold (0.0)", resolvesAfter: 9 })
    .add({ incident: "nat", at: 0.8, source: "datadog", service: "payments-api", region: "us-east-1", severity: "critical", rule: "monitor-11050 payments processor timeouts",
      title: "[Triggered] payments-api card processor timeouts above 2%", message: "7.9% of /authorise calls to the processor failed: connect timeout after 10s", resolvesAfter: 15 })
    .add({ incident: "nat", at: 1.2, source: "sentry", service: "sms-gateway", severity: "high", rule: "sms ConnectTimeoutError twilio",
      title: "ConnectTimeoutError: Connection to api.twilio.com timed out. (connect timeout=5)", message: "sms.providers.twilio.send", resolvesAfter: 14 })
    .add({ incident: "nat", at: 1.9, source: "datadog", service: "email-sender", region: "us-east-1", severity: "high", rule: "monitor-24030 email provider errors",
      title: "[Triggered] email-sender SendGrid API errors above 5%", message: "22% of sends failing: ETIMEDOUT connecting to api.sendgrid.com:443", resolvesAfter: 13 })
    .add({ incident: "nat", at: 2.5, source: "sentry", service: "geo-service", severity: "medium", rule: "geo ConnectTimeout maps",
      title: "ConnectTimeout: HTTPSConnectionPool(host='maps.googleapis.com', port=443): Max retries exceeded", message: "geo.providers.google.distance_matrix", resolvesAfter: 13 })
    .add({ incident: "nat", at: 3.0, source: "alertmanager", service: "notification-service", region: "us-east-1", severity: "medium", rule: "NotificationQueueBacklog", target: "notifications-sms", groupBy: ["alertname", "service"],
      title: "NotificationQueueBacklog", message: "notifications-sms queue depth 48k and growing (send failures retried)", resolvesAfter: 16 })
    .add({ incident: "poison", at: 3.4, source: "datadog", service: "dispatch-service", region: "us-east-1", severity: "high", rule: "monitor-60320 dispatch consumer lag",
      title: "[Triggered] dispatch-service consumer lag on parcels.assigned > 50k", message: "consumer group dispatch-assigner lag 63k; partition 7 not advancing", resolvesAfter: 30 })
    .add({ incident: "poison", at: 3.9, source: "sentry", service: "dispatch-service", severity: "high", rule: "dispatch SerializationException avro",
      title: "SerializationException: Error deserializing Avro message for id 4417", message: "io.confluent.kafka.serializers.AbstractKafkaAvroDeserializer.deserialize (schema id 4417 unknown to reader)", resolvesAfter: 30 })
    .add({ incident: "nat", at: 4.5, source: "cloudwatch", service: null, region: "us-east-1", severity: "medium", rule: "nat-use1-az1 PacketsDropCount", target: "nat-0a1b2c3d4e5f60718",
      title: "ALARM: \"nat-use1-az1 PacketsDropCount > 1000\" in US East (N. Virginia)", message: "Threshold Crossed: 1 datapoint [48211.0] was greater than the threshold (1000.0)", resolvesAfter: 12 })
    .add({ incident: "nat", at: 5.5, source: "datadog", service: "route-planner", region: "us-east-1", severity: "medium", rule: "monitor-70230 route-planner eta fallback",
      title: "[Triggered] route-planner ETA fallback rate above 10%", message: "34% of ETAs computed from straight-line fallback: geo-service distance matrix unavailable", resolvesAfter: 12 })
    .add({ incident: "nat", at: 6.0, source: "sentry", service: "push-service", severity: "medium", rule: "push FirebaseError ETIMEDOUT",
      title: "FirebaseError: connect ETIMEDOUT 142.250.64.106:443", message: "push/fcm/sendMulticast", resolvesAfter: 10 })
    .add({ incident: "reporting", at: 7.0, source: "grafana", service: "reporting-api", region: "us-east-1", severity: "low", rule: "Reporting dashboard load time", target: "carrier-scorecard",
      title: "Reporting dashboard load time above 10s", message: "carrier-scorecard p95 load 14s (warehouse-dw queue)", resolvesAfter: 20 })
    .add({ incident: "poison", at: 9.0, source: "alertmanager", service: "kafka", region: "us-east-1", severity: "medium", rule: "KafkaConsumerGroupLagHigh", target: "dispatch-assigner", groupBy: ["alertname", "cluster"], labels: { cluster: "prod-use1", consumergroup: "dispatch-assigner" },
      title: "KafkaConsumerGroupLagHigh", message: "Consumer group dispatch-assigner lag is 71k on topic parcels.assigned", resolvesAfter: 25 })
    .add({ incident: "nat", at: 12.0, source: "cloudwatch", service: null, region: "us-east-1", severity: "high", rule: "nat-use1-az1 ErrorPortAllocation", target: "nat-0a1b2c3d4e5f60718",
      title: "ALARM: \"nat-use1-az1 ErrorPortAllocation > 0\" in US East (N. Virginia)", message: "Threshold Crossed: 1 datapoint [2210.0] was greater than the threshold (0.0)", resolvesAfter: 4 })
    .add({ incident: "nat", at: 14.0, source: "generic", service: "notification-service", region: "us-east-1", severity: "info", rule: "flag-change webhook-fanout",
      title: "Feature flag notification-service.webhook-fanout turned OFF in production", message: "Changed by on-call (incident bridge): outbound connection storm through NAT" })
    .add({ incident: "poison", at: 16.0, source: "datadog", service: "dispatch-service", region: "us-east-1", severity: "high", rule: "monitor-60300 dispatch assignment delay",
      title: "[Triggered] dispatch-service assignment delay > 10 min", message: "Parcels waiting for a driver assignment: 2,140 in us-east-1", resolvesAfter: 20 })
    .build();

  const gateway = new ScenarioBuilder(
    "holdout3-deploy-gateway-jwt-config",
    "deploy",
    "An api-gateway config release requires an audience claim the mobile apps never send; two unrelated releases go out alongside",
    "2026-11-18T10:15:00Z",
    "Argo CD syncs api-gateway config 2026.11.18-1 at 10:15: the JWT plugin now requires an 'aud' claim, which tokens issued to the " +
      "driver and customer apps lack. Mobile traffic gets 401s; the apps retry logins, so auth-service token issuance spikes. The " +
      "gateway is rolled back at 10:29. In the same window reporting-api v3.14.0 ships a CSV export bug (fixed by v3.14.1), and a " +
      "payments-api release goes out cleanly; CI's queue warns. Traps: three deploy markers within seven minutes; the 401 alerts are " +
      "on services that depend on auth-service, not on api-gateway, in the catalog.",
  )
    .add({ incident: "gateway", at: 0, source: "generic", service: "api-gateway", region: "eu-west-1", severity: "info", rule: "argocd-sync api-gateway",
      title: "Argo CD: application api-gateway synced to revision 2026.11.18-1", message: "kong declarative config: jwt plugin claims_to_verify [exp, aud]" })
    .add({ incident: "gateway", at: 1.5, source: "datadog", service: "driver-app-api", region: "eu-west-1", severity: "high", rule: "monitor-62020 driver-app-api 401 rate",
      title: "[Triggered] driver-app-api 401 rate above 5%", message: "401 Unauthorized on 38% of requests through api-gateway", errorCode: "HTTP 401", resolvesAfter: 15 })
    .add({ incident: "gateway", at: 2.0, source: "datadog", service: "customer-app-api", region: "eu-west-1", severity: "high", rule: "monitor-14010 customer-app-api 4xx",
      title: "[Triggered] customer-app-api 4xx above 10%", message: "4xx 29% (401 Unauthorized: token audience invalid)", errorCode: "HTTP 401", resolvesAfter: 14 })
    .add({ incident: "gateway", at: 2.6, source: "sentry", service: "driver-app-api", severity: "medium", rule: "driver-app HttpException 401",
      title: "HttpException: HTTP 401 Unauthorized", message: "com.parcelwise.driver.api.RoutesRepository.fetchToday (driver app 5.12.0, Android)", errorCode: "HTTP 401", resolvesAfter: 14 })
    .add({ incident: "gateway", at: 3.1, source: "alertmanager", service: "api-gateway", region: "eu-west-1", severity: "high", rule: "ApiGatewayHigh4xxRate", target: "kong-proxy", groupBy: ["alertname", "service"],
      title: "ApiGatewayHigh4xxRate", message: "4xx ratio 31% on routes /v1/routes/*, /v1/track/* (jwt: invalid audience)", errorCode: "HTTP 401", resolvesAfter: 12 })
    .add({ incident: "reporting-release", at: 4.0, source: "generic", service: "reporting-api", region: "eu-west-1", severity: "info", rule: "argocd-sync reporting-api",
      title: "Argo CD: application reporting-api synced to revision v3.14.0", message: "reporting-api v3.14.0 (new carrier columns in CSV export)" })
    .add({ incident: "gateway", at: 4.8, source: "datadog", service: "auth-service", region: "eu-west-1", severity: "medium", rule: "monitor-20030 auth token issuance rate",
      title: "[Triggered] auth-service token issuance 6x baseline", message: "POST /oauth/token 1,840/min (baseline 300/min): clients re-authenticating", resolvesAfter: 12 })
    .add({ incident: "reporting-release", at: 6.0, source: "sentry", service: "reporting-api", severity: "medium", rule: "reporting KeyError carrier_code",
      title: "KeyError: 'carrier_code'", message: "reports.export.csv.write_row (release v3.14.0)", resolvesAfter: 16 })
    .add({ incident: "payments-release", at: 6.5, source: "generic", service: "payments-api", region: "eu-west-1", severity: "info", rule: "argocd-sync payments-api",
      title: "Argo CD: application payments-api synced to revision v41.2.0", message: "payments-api v41.2.0 (canary passed 10/10 checks)" })
    .add({ incident: "gateway", at: 7.0, source: "pagerduty", service: "driver-app-api", severity: "high", rule: "pd-dispatch-ops-routes-not-loading",
      title: "Dispatch ops: drivers cannot load today's routes", message: "Depot leads report 'session expired' loops in the driver app", resolvesAfter: 12 })
    .add({ incident: "ci", at: 9.0, source: "datadog", service: "ci-runners", region: "eu-west-1", severity: "low", rule: "monitor-90010 ci queue wait",
      title: "[Warn] ci-runners queue wait above 10 minutes", message: "Jobs waiting 12 min for a runner in pool x86", resolvesAfter: 15 })
    .add({ incident: "gateway", at: 10.0, source: "datadog", service: "customer-app-api", region: "eu-west-1", severity: "high", rule: "monitor-14020 customer-app-api login success",
      title: "[Triggered] customer-app-api login success rate below 90%", message: "login success 62%: refreshed tokens rejected by the gateway", resolvesAfter: 8 })
    .add({ incident: "gateway", at: 14.0, source: "generic", service: "api-gateway", region: "eu-west-1", severity: "info", rule: "argocd-sync api-gateway",
      title: "Argo CD: application api-gateway synced to revision 2026.11.17-3", message: "rollback of api-gateway config (jwt claims_to_verify [exp])" })
    .add({ incident: "reporting-release", at: 15.0, source: "datadog", service: "reporting-api", region: "eu-west-1", severity: "medium", rule: "monitor-10410 reporting 5xx",
      title: "[Triggered] reporting-api 5xx above 1%", message: "5xx 3.2% on GET /v1/exports/*.csv since v3.14.0", errorCode: "HTTP 500", resolvesAfter: 10 })
    .add({ incident: "reporting-release", at: 21.0, source: "generic", service: "reporting-api", region: "eu-west-1", severity: "info", rule: "argocd-sync reporting-api",
      title: "Argo CD: application reporting-api synced to revision v3.14.1", message: "reporting-api v3.14.1 (fix KeyError in CSV export)" })
    .build();

  const vpn = new ScenarioBuilder(
    "holdout3-flap-warehouse-vpn",
    "flapping",
    "The LEJ1 site VPN flaps for two hours on a lossy carrier line; printers at DUB2 and an inventory query misbehave meanwhile",
    "2026-11-16T05:00:00Z",
    "The IPsec tunnel between AWS and the Leipzig warehouse goes down and up seven times between 05:00 and 06:45 while the carrier " +
      "has packet loss on the circuit (the carrier confirms at 06:00). Each drop raises the tunnel alarm; longer drops also make " +
      "warehouse-gateway lose the site and scanner uploads back up. The warehouse team treats it as one incident all morning. " +
      "Unrelated: DUB2's label printers miss heartbeats twice (a different site, a flaky switch), an inventory-service slow query at " +
      "05:45, and a RabbitMQ memory watermark warning at 06:20 (scanner-ingest depends on RabbitMQ). Traps: gaps between drops exceed " +
      "any short window; the tunnel alarm resolves and re-fires with the same fingerprint; the printer heartbeats flap too.",
  );
  const clock = (at: number) => `${String(5 + Math.floor(at / 60)).padStart(2, "0")}:${String(Math.floor(at % 60)).padStart(2, "0")}`;
  const drops: [number, number][] = [[0, 3], [11, 2.5], [19, 5], [37, 2], [52, 3], [71, 1.5], [98, 3]];
  for (const [at, lasts] of drops) {
    vpn.add({ incident: "vpn", at, source: "cloudwatch", service: "warehouse-vpn", region: "eu-central-1", severity: "high", rule: "vpn-lej1 TunnelState", target: "vpn-0f3a9c1e7b2d4e6a1",
      title: "ALARM: \"vpn-lej1 TunnelState < 1\" in EU (Frankfurt)", message: "Threshold Crossed: 1 datapoint [0.0] was less than the threshold (1.0)", resolvesAfter: lasts });
    if (lasts >= 2.5)
      vpn.add({ incident: "vpn", at: at + 1, source: "alertmanager", service: "warehouse-gateway", region: "eu-central-1", severity: "high", rule: "WarehouseSiteUnreachable", target: "LEJ1", groupBy: ["alertname", "site"], labels: { site: "LEJ1" },
        title: "WarehouseSiteUnreachable", message: `Site LEJ1 gateway not reachable for 1m (last scan received ${clock(at)})`, resolvesAfter: lasts - 0.5 });
  }
  vpn
    .add({ incident: "vpn", at: 22.0, source: "datadog", service: "scanner-ingest", region: "eu-central-1", severity: "medium", rule: "monitor-33010 scanner upload lag",
      title: "[Triggered] scanner-ingest upload lag for site LEJ1 > 3 min", message: "Handheld scan uploads from LEJ1 buffered on site; newest scan received 3m40s ago", resolvesAfter: 4 })
    .add({ incident: "printers", at: 8.0, source: "generic", service: "label-printer-service", region: "eu-west-1", severity: "low", rule: "printer-heartbeat-site-DUB2", target: "DUB2",
      title: "Label printer heartbeat missed at site DUB2", message: "3 of 18 printers at DUB2 missed 2 heartbeats", resolvesAfter: 5 })
    .add({ incident: "printers", at: 30.0, source: "generic", service: "label-printer-service", region: "eu-west-1", severity: "low", rule: "printer-heartbeat-site-DUB2", target: "DUB2",
      title: "Label printer heartbeat missed at site DUB2", message: "5 of 18 printers at DUB2 missed 2 heartbeats", resolvesAfter: 6 })
    .add({ incident: "inventory-slow", at: 45.0, source: "datadog", service: "inventory-service", region: "eu-central-1", severity: "medium", rule: "monitor-31002 inventory latency",
      title: "[Triggered] inventory-service p99 latency > 1s", message: "p99 1.8s on GET /v1/stock/by-site: sequential scan on stock_levels after ANALYZE skipped", resolvesAfter: 25 })
    .add({ incident: "inventory-slow", at: 47.0, source: "grafana", service: "inventory-db", region: "eu-central-1", severity: "low", rule: "Postgres slow queries", target: "inventory-db-prod",
      title: "Postgres slow queries above 50/min", message: "96 statements over 1s in the last minute on inventory-db-prod (stock_levels)", resolvesAfter: 22 })
    .add({ incident: "vpn", at: 60.0, source: "generic", service: "warehouse-vpn", region: "eu-central-1", severity: "medium", rule: "carrier-notice LEJ1-DTAG-4471",
      title: "Carrier notification: packet loss on circuit LEJ1-DTAG-4471", message: "Deutsche Telekom confirms intermittent packet loss on the Leipzig access circuit; engineer dispatched, ETA 2h" })
    .add({ incident: "rabbit", at: 80.0, source: "alertmanager", service: "rabbitmq", region: "eu-central-1", severity: "medium", rule: "RabbitmqMemoryHigh", target: "rabbit@rmq-1", groupBy: ["alertname", "cluster"], labels: { cluster: "rmq-prod-euc1" },
      title: "RabbitmqMemoryHigh", message: "A node use more than 90% of allocated RAM: rabbit@rmq-1 at 91% (memory alarm imminent)", resolvesAfter: 15 })
    .add({ incident: "vpn", at: 101.0, source: "datadog", service: "scanner-ingest", region: "eu-central-1", severity: "medium", rule: "monitor-33010 scanner upload lag",
      title: "[Triggered] scanner-ingest upload lag for site LEJ1 > 3 min", message: "Handheld scan uploads from LEJ1 buffered on site; newest scan received 3m10s ago", resolvesAfter: 3 });

  const night = new ScenarioBuilder(
    "holdout3-noise-night-dw-disk",
    "noise",
    "warehouse-dw runs out of disk during the nightly load; routine night-time warnings all around it",
    "2026-11-22T01:00:00Z",
    "A month-end snapshot table doubles warehouse-dw's footprint; at 01:12 the disk alarm fires, the nightly load fails at 01:20 and " +
      "again on its retry at 01:50, and by 02:35 the reporting dashboards are a day stale; finance notices at 03:00. Around it, the " +
      "usual night: a node's filesystem filling warning that comes back, CI's nightly queue, a cert expiring in 20 days, a JavaScript " +
      "error in the customer app, payments-db replica lag during the backup window, and ledger-db's own free-storage warning. Traps: " +
      "the real incident spans two hours; ledger-db's storage warning reads like the real one; reporting-api's symptom comes an hour " +
      "and a half after the root.",
  )
    .add({ incident: "node-disk", at: 0, source: "alertmanager", service: "k8s-cluster", region: "eu-west-1", severity: "low", rule: "NodeFilesystemSpaceFillingUp", target: "ip-10-20-4-11", groupBy: ["alertname", "cluster"], labels: { cluster: "prod-euw1", mountpoint: "/var/lib/containerd" },
      title: "NodeFilesystemSpaceFillingUp", message: "Filesystem on /dev/nvme0n1p1 at ip-10-20-4-11 has only 14.2% available space left and is filling up.", resolvesAfter: 35 })
    .add({ incident: "ci", at: 5.0, source: "datadog", service: "ci-runners", region: "eu-west-1", severity: "low", rule: "monitor-90010 ci queue wait",
      title: "[Warn] ci-runners queue wait above 10 minutes", message: "Nightly integration suite: jobs waiting 14 min for a runner", resolvesAfter: 20 })
    .add({ incident: "dw", at: 12.0, source: "cloudwatch", service: "warehouse-dw", region: "eu-west-1", severity: "high", rule: "warehouse-dw PercentageDiskSpaceUsed 90", target: "parcelwise-dw",
      title: "ALARM: \"warehouse-dw PercentageDiskSpaceUsed > 90\" in EU (Ireland)", message: "Threshold Crossed: 1 datapoint [91.8] was greater than the threshold (90.0)" })
    .add({ incident: "cert-soon", at: 18.0, source: "alertmanager", service: "cert-manager", region: "eu-west-1", severity: "low", rule: "CertManagerCertExpirySoon", target: "partner-sftp-tls", groupBy: ["alertname", "namespace"], labels: { namespace: "integrations", name: "partner-sftp-tls" },
      title: "CertManagerCertExpirySoon", message: "The domain that this cert covers will be unavailable after 20d 4h." })
    .add({ incident: "dw", at: 20.0, source: "datadog", service: "etl-pipeline", region: "eu-west-1", severity: "high", rule: "monitor-10300 etl nightly load",
      title: "[Triggered] etl-pipeline nightly load failed", message: "Airflow DAG nightly_parcels_load task load_fact_scans failed: Disk Full on warehouse-dw", resolvesAfter: 15 })
    .add({ incident: "dw", at: 20.6, source: "sentry", service: "etl-pipeline", severity: "high", rule: "etl InternalError Disk Full",
      title: "InternalError_: Disk Full", message: "etl.loaders.redshift.copy_into (COPY fact_scans FROM 's3://pw-etl/2026-11-21/')" })
    .add({ incident: "app-bug", at: 30.0, source: "sentry", service: "customer-app-api", severity: "low", rule: "customer-app TypeError eta",
      title: "TypeError: Cannot read properties of undefined (reading 'eta')", message: "app/tracking/TimelineCard.tsx (web 4.8.2)", resolvesAfter: 60 })
    .add({ incident: "dw", at: 35.0, source: "cloudwatch", service: "warehouse-dw", region: "eu-west-1", severity: "critical", rule: "warehouse-dw PercentageDiskSpaceUsed 98", target: "parcelwise-dw",
      title: "ALARM: \"warehouse-dw PercentageDiskSpaceUsed > 98\" in EU (Ireland)", message: "Threshold Crossed: 1 datapoint [99.2] was greater than the threshold (98.0)" })
    .add({ incident: "pdb-backup", at: 40.0, source: "datadog", service: "payments-db", region: "eu-west-1", severity: "low", rule: "monitor-11200 payments-db replica lag",
      title: "[Warn] payments-db replica lag above 10s", message: "replica lag 26s during nightly base backup", resolvesAfter: 3 })
    .add({ incident: "pdb-backup", at: 46.0, source: "datadog", service: "payments-db", region: "eu-west-1", severity: "low", rule: "monitor-11200 payments-db replica lag",
      title: "[Warn] payments-db replica lag above 10s", message: "replica lag 14s during nightly base backup", resolvesAfter: 4 })
    .add({ incident: "dw", at: 50.0, source: "datadog", service: "etl-pipeline", region: "eu-west-1", severity: "high", rule: "monitor-10300 etl nightly load",
      title: "[Triggered] etl-pipeline nightly load failed", message: "Retry 1 of nightly_parcels_load failed: Disk Full on warehouse-dw" })
    .add({ incident: "node-disk", at: 62.0, source: "alertmanager", service: "k8s-cluster", region: "eu-west-1", severity: "low", rule: "NodeFilesystemSpaceFillingUp", target: "ip-10-20-4-11", groupBy: ["alertname", "cluster"], labels: { cluster: "prod-euw1", mountpoint: "/var/lib/containerd" },
      title: "NodeFilesystemSpaceFillingUp", message: "Filesystem on /dev/nvme0n1p1 at ip-10-20-4-11 has only 12.9% available space left and is filling up.", resolvesAfter: 30 })
    .add({ incident: "ledger-disk", at: 70.0, source: "cloudwatch", service: "ledger-db", region: "eu-west-1", severity: "low", rule: "ledger-db-prod FreeStorageSpace", target: "ledger-db-prod",
      title: "ALARM: \"ledger-db-prod FreeStorageSpace < 20480\" in EU (Ireland)", message: "Threshold Crossed: 1 datapoint [19211.0] was less than the threshold (20480.0)", resolvesAfter: 45 })
    .add({ incident: "dw", at: 95.0, source: "grafana", service: "reporting-api", region: "eu-west-1", severity: "medium", rule: "Reporting data freshness", target: "carrier-performance",
      title: "Reporting data freshness above 24h", message: "carrier-performance dashboard data is 26h old (last successful nightly load 2026-11-21 01:41)" })
    .add({ incident: "ci", at: 105.0, source: "datadog", service: "ci-runners", region: "eu-west-1", severity: "low", rule: "monitor-90010 ci queue wait",
      title: "[Warn] ci-runners queue wait above 10 minutes", message: "Nightly release build: jobs waiting 11 min for a runner", resolvesAfter: 15 })
    .add({ incident: "dw", at: 120.0, source: "pagerduty", service: "reporting-api", severity: "high", rule: "pd-finance-daily-revenue",
      title: "Finance: daily revenue report missing", message: "The 03:00 daily revenue export is empty; finance close needs it by 07:00" })
    .build();

  return [redis, dns, cert, nat, gateway, vpn.build(), night];
}
