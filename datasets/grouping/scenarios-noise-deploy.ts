import { ScenarioBuilder, type Scenario } from "./scenario-kit";

/** Noisy low-severity chatter around one real incident. */
export function noiseScenarios(): Scenario[] {
  const chatter = new ScenarioBuilder(
    "noise-background-chatter",
    "noise",
    "An afternoon of low-severity chatter, and one real auth outage in the middle",
    "2026-10-22T12:00:00Z",
    "Every afternoon: CI runner queues back up, the reporting API logs slow queries, promo-service sees coupon 404s from scrapers, " +
      "the payouts worker warns about a slow batch. Each is its own (minor) problem that recurs. At 13:05 auth-service starts rejecting " +
      "logins after an identity-db failover — a real incident, joined by sso-gateway. Traps: a time window turns the afternoon into one " +
      "blob; per-alert fingerprints split recurring chatter into many incidents.",
  );
  [0, 22, 41, 63, 88, 110].forEach((at, i) =>
    chatter.add({ incident: "ci", at, source: "grafana", service: "ci-runners", region: "eu-west-1", severity: "low", rule: "CI queue wait high", target: i % 2 ? "runner-pool-arm" : "runner-pool-x86",
      title: "CI queue wait above 10 minutes", message: `Jobs waiting ${11 + i} min for a runner in pool ${i % 2 ? "arm" : "x86"}`, resolvesAfter: 12 }),
  );
  [5, 35, 70, 101].forEach((at) =>
    chatter.add({ incident: "reporting", at, source: "datadog", service: "reporting-api", region: "eu-west-1", severity: "low", rule: "monitor-10400 reporting slow queries",
      title: "[Warn] reporting-api slow queries", message: "12 queries slower than 5s against warehouse-dw in the last 10 min (monthly revenue dashboard)", resolvesAfter: 15 }),
  );
  [9, 29, 52, 77, 99].forEach((at, i) =>
    chatter.add({ incident: "promo", at, source: "sentry", service: "promo-service", region: "eu-west-1", severity: "info", rule: `promo CouponNotFound ${i % 2}`,
      title: "CouponNotFound: code does not exist", message: `promo.redeem: unknown coupon code ${["XMAS50", "FREESHIP", "TEST123", "WELCOME10", "BLACKFRIDAY"][i]} (scraper traffic)` }),
  );
  chatter
    .add({ incident: "payouts", at: 16, source: "datadog", service: "payouts-worker", region: "eu-west-1", severity: "low", rule: "monitor-88300 payouts batch duration",
      title: "[Warn] payouts-worker batch duration above 20 min", message: "Batch 2026-10-22-12 took 24 min (expected 15)", resolvesAfter: 30 })
    .add({ incident: "auth", at: 65, source: "alertmanager", service: "identity-db", region: "eu-west-1", severity: "critical", rule: "PostgresPrimaryChanged", target: "identity-db", groupBy: ["alertname", "service"],
      title: "PostgresPrimaryChanged", message: "identity-db primary changed from identity-db-0 to identity-db-1 (Patroni failover)", resolvesAfter: 10 })
    .repeat([65.8, 66.3], { incident: "auth", source: "datadog", service: "auth-service", region: "eu-west-1", severity: "critical", rule: "monitor-21000 auth login failures", targets: ["auth-1", "auth-2"],
      title: "[Triggered] auth-service login failure rate above 20% on {target}", message: "POST /login 500: cannot execute UPDATE in a read-only transaction", errorCode: "HTTP 500", resolvesAfter: 14 })
    .add({ incident: "auth", at: 67, source: "sentry", service: "auth-service", region: "eu-west-1", severity: "high", rule: "auth ReadOnlySqlTransaction",
      title: "ReadOnlySqlTransaction: cannot execute UPDATE in a read-only transaction", message: "auth.sessions.touch_last_login", resolvesAfter: 14 })
    .add({ incident: "auth", at: 68, source: "pagerduty", service: "sso-gateway", region: "eu-west-1", severity: "high", rule: "pd-sso-synthetic",
      title: "Synthetic SSO login check failing", message: "Okta bridge: auth-service returned 500 on token exchange", resolvesAfter: 12 })
    .add({ incident: "payouts", at: 95, source: "datadog", service: "payouts-worker", region: "eu-west-1", severity: "low", rule: "monitor-88300 payouts batch duration",
      title: "[Warn] payouts-worker batch duration above 20 min", message: "Batch 2026-10-22-13 took 22 min (expected 15)", resolvesAfter: 30 });

  const sentry = new ScenarioBuilder(
    "noise-sentry-exceptions",
    "noise",
    "Distinct low-severity Sentry issues from one service, and one of them escalating",
    "2026-11-05T09:00:00Z",
    "customer-app-api reports a handful of unrelated exceptions during the morning (a null address on old app versions, a rate-limited " +
      "geocoder call, a malformed tracking number from a partner). They are separate issues in Sentry and separate problems for the team. " +
      "At 09:40 the tracking-number issue escalates as a partner floods bad IDs. Genuinely hard for grouping by shared service: the " +
      "exceptions share service, environment and region but not a cause.",
  );
  [0, 18, 44].forEach((at) =>
    sentry.add({ incident: "null-address", at, source: "sentry", service: "customer-app-api", region: "eu-west-1", severity: "low", rule: "customer-app-api TypeError address none",
      title: "TypeError: 'NoneType' object is not subscriptable", message: "customer_api.serializers.address.to_dict (app version 5.2.x, address missing)", resolvesAfter: 3 }),
  );
  [7, 31].forEach((at) =>
    sentry.add({ incident: "geocode-429", at, source: "sentry", service: "customer-app-api", region: "eu-west-1", severity: "low", rule: "customer-app-api GeocodeRateLimited",
      title: "GeocodeRateLimited: provider returned 429", message: "customer_api.addresses.validate: geocoding quota exceeded for key customer-app", errorCode: "HTTP 429", resolvesAfter: 3 }),
  );
  [12, 26, 40, 41.5].forEach((at) =>
    sentry.add({ incident: "bad-tracking", at, source: "sentry", service: "customer-app-api", region: "eu-west-1", severity: at > 39 ? "high" : "low", rule: "customer-app-api InvalidTrackingNumber",
      title: "ValueError: invalid tracking number format", message: "customer_api.tracking.lookup: 'PW-XXXX-??' from partner feed acme-logistics", resolvesAfter: 3 }),
  );
  sentry
    .add({ incident: "bad-tracking", at: 42, source: "datadog", service: "customer-app-api", region: "eu-west-1", severity: "high", rule: "monitor-14000 customer-app-api 4xx",
      title: "[Triggered] customer-app-api 400 rate above 15%", message: "GET /v1/track/{id}: 400 invalid tracking number, mostly from partner acme-logistics", errorCode: "HTTP 400", resolvesAfter: 20 })
    .add({ incident: "push", at: 22, source: "sentry", service: "push-service", region: "eu-west-1", severity: "low", rule: "push FCM Unregistered",
      title: "FCMError: Requested entity was not found (UNREGISTERED)", message: "push.fcm.send: token for device no longer registered", resolvesAfter: 2 });

  return [chatter.build(), sentry.build()];
}

/** A deploy or platform change that breaks several services at once. */
export function deployScenarios(): Scenario[] {
  const auth = new ScenarioBuilder(
    "deploy-auth-key-rotation",
    "deploy",
    "auth-service deploy rotates the token signing key; every caller gets 401s",
    "2026-10-27T10:15:00Z",
    "auth-service v9.4.0 ships with a new JWKS but old tokens are still signed with the previous key, so api-gateway, sso-gateway, " +
      "driver-app-api and customer-app-api all see 401 spikes within five minutes (all depend on auth-service). Each caller alerts with its " +
      "own monitor. Meanwhile a staging deploy of the same version breaks staging login: same titles, other environment. Traps: the " +
      "staging alerts share words and services (a time window merges them); fingerprints split every caller.",
  )
    .add({ incident: "prod", at: 0, source: "generic", service: "auth-service", region: "eu-west-1", severity: "info", rule: "deploy-marker auth-service v9.4.0",
      title: "Deployment: auth-service v9.4.0 rolled out to prod", message: "ArgoCD sync succeeded for auth-service (commit 4e1f0aa: rotate JWT signing key)" })
    .repeat([1.2, 1.6], { incident: "prod", source: "datadog", service: "api-gateway", region: "eu-west-1", severity: "critical", rule: "monitor-40020 api-gateway 401 spike", targets: ["edge-1", "edge-2"],
      title: "[Triggered] api-gateway 401 responses above 10% on {target}", message: "401 Unauthorized: token signature verification failed (kid=2026-09)", errorCode: "HTTP 401", resolvesAfter: 20 })
    .add({ incident: "prod", at: 2.0, source: "sentry", service: "auth-service", region: "eu-west-1", severity: "high", rule: "auth InvalidSignatureError",
      title: "InvalidSignatureError: Signature verification failed", message: "auth.tokens.verify: kid 2026-09 not found in JWKS", resolvesAfter: 20 })
    .add({ incident: "prod", at: 2.8, source: "datadog", service: "driver-app-api", region: "eu-west-1", severity: "high", rule: "monitor-66010 driver-app-api auth errors",
      title: "[Triggered] driver-app-api 401 rate high", message: "Drivers logged out: 401 from auth-service on token refresh", errorCode: "HTTP 401", resolvesAfter: 20 })
    .add({ incident: "staging", at: 3.0, source: "datadog", service: "auth-service", env: "staging", region: "eu-west-1", severity: "medium", rule: "monitor-21010 auth staging login",
      title: "[Triggered] auth-service login failure rate above 20%", message: "staging: POST /login 401 token signature verification failed", errorCode: "HTTP 401", resolvesAfter: 60 })
    .add({ incident: "prod", at: 3.4, source: "datadog", service: "customer-app-api", region: "eu-west-1", severity: "high", rule: "monitor-14010 customer-app-api 401",
      title: "[Triggered] customer-app-api 401 rate above 5%", message: "Customers bounced to login: 401 token signature verification failed", errorCode: "HTTP 401", resolvesAfter: 20 })
    .add({ incident: "prod", at: 4.0, source: "pagerduty", service: "sso-gateway", region: "eu-west-1", severity: "high", rule: "pd-sso-synthetic-prod",
      title: "Synthetic SSO login check failing", message: "Okta bridge token exchange rejected by auth-service (401)", resolvesAfter: 18 })
    .add({ incident: "staging", at: 5.5, source: "sentry", service: "auth-service", env: "staging", region: "eu-west-1", severity: "low", rule: "auth InvalidSignatureError staging",
      title: "InvalidSignatureError: Signature verification failed", message: "auth.tokens.verify: kid 2026-09 not found in JWKS (staging)", resolvesAfter: 60 })
    .add({ incident: "prod", at: 7.0, source: "datadog", service: "api-gateway", region: "eu-west-1", severity: "critical", rule: "monitor-40021 api-gateway error budget burn",
      title: "[Triggered] api-gateway error budget burn rate 14x", message: "SLO 99.9% availability: burn rate 14.2 over 5m", resolvesAfter: 25 })
    .build();

  const nodes = new ScenarioBuilder(
    "deploy-k8s-node-upgrade",
    "deploy",
    "A Kubernetes node-pool upgrade restarts pods of unrelated services; pricing ships a bad release at the same time",
    "2026-11-09T21:00:00Z",
    "The platform team drains node pool np-general for a Kubernetes upgrade; PodDisruptionBudgets are too loose, so inventory-service, " +
      "scanner-ingest and notification-service each lose pods and alert (CrashLoopBackOff / readiness). None of them depends on the " +
      "others and the catalog has no dependency on k8s-cluster — they belong together only through the upgrade, which the Alertmanager " +
      "route groups by alertname+cluster. Simultaneously pricing-service v3.14 ships a rounding bug (E-PRICE-ROUND) that breaks cart " +
      "quotes: a separate incident. Traps: the time window merges the pricing bug into the upgrade; cluster-wide alerts differ in service.",
  )
    .add({ incident: "upgrade", at: 0, source: "alertmanager", service: "k8s-cluster", region: "eu-west-1", severity: "medium", rule: "KubeNodeNotReady", target: "ip-10-20-3-41", groupBy: ["alertname", "cluster"], labels: { cluster: "prod-eu-1" },
      title: "KubeNodeNotReady", message: "Node ip-10-20-3-41 (np-general) has been unready for more than 2 minutes (cordoned for upgrade 1.31)", resolvesAfter: 20 })
    .repeat([1.5, 2.0], { incident: "upgrade", source: "alertmanager", service: "inventory-service", region: "eu-west-1", severity: "high", rule: "KubePodCrashLooping", targets: ["inventory-7d9-a1", "inventory-7d9-b7"], groupBy: ["alertname", "cluster"], labels: { cluster: "prod-eu-1", namespace: "warehouse" },
      title: "KubePodCrashLooping", message: "Pod warehouse/{target} is restarting 4 times / 10 minutes (liveness probe failed during node drain)", resolvesAfter: 18 })
    .add({ incident: "pricing", at: 2.5, source: "generic", service: "pricing-service", region: "eu-west-1", severity: "info", rule: "deploy-marker pricing-service v3.14.0",
      title: "Deployment: pricing-service v3.14.0 rolled out to prod", message: "ArgoCD sync succeeded for pricing-service (commit 9b2c7d1: new rounding for oversize parcels)" })
    .add({ incident: "upgrade", at: 3.0, source: "alertmanager", service: "scanner-ingest", region: "eu-west-1", severity: "high", rule: "KubePodCrashLooping", target: "scanner-ingest-5c4-k2", groupBy: ["alertname", "cluster"], labels: { cluster: "prod-eu-1", namespace: "warehouse" },
      title: "KubePodCrashLooping", message: "Pod warehouse/scanner-ingest-5c4-k2 is restarting 3 times / 10 minutes", resolvesAfter: 15 })
    .add({ incident: "upgrade", at: 3.6, source: "alertmanager", service: "k8s-cluster", region: "eu-west-1", severity: "medium", rule: "KubeNodeNotReady", target: "ip-10-20-5-17", groupBy: ["alertname", "cluster"], labels: { cluster: "prod-eu-1" },
      title: "KubeNodeNotReady", message: "Node ip-10-20-5-17 (np-general) has been unready for more than 2 minutes", resolvesAfter: 20 })
    .add({ incident: "pricing", at: 4.0, source: "sentry", service: "pricing-service", region: "eu-west-1", severity: "high", rule: "pricing RoundingError oversize",
      title: "RoundingError: E-PRICE-ROUND quote total does not match line items", message: "pricing.rates.oversize_surcharge: 12.499999 rounded twice", errorCode: "E-PRICE-ROUND", resolvesAfter: 35 })
    .add({ incident: "upgrade", at: 4.5, source: "alertmanager", service: "notification-service", region: "eu-west-1", severity: "medium", rule: "KubeDeploymentReplicasMismatch", target: "notification-service", groupBy: ["alertname", "cluster"], labels: { cluster: "prod-eu-1", namespace: "notifications" },
      title: "KubeDeploymentReplicasMismatch", message: "Deployment notifications/notification-service has 2 of 6 replicas available (pods pending: node pool draining)", resolvesAfter: 15 })
    .add({ incident: "pricing", at: 5.2, source: "datadog", service: "cart-service", region: "eu-west-1", severity: "high", rule: "monitor-50110 cart quote errors",
      title: "[Triggered] cart-service quote error rate above 3%", message: "Quotes rejected: E-PRICE-ROUND total mismatch returned by pricing-service", errorCode: "E-PRICE-ROUND", resolvesAfter: 30 })
    .add({ incident: "upgrade", at: 6.0, source: "datadog", service: "inventory-service", region: "eu-west-1", severity: "medium", rule: "monitor-31000 inventory api errors",
      title: "[Triggered] inventory-service 5xx above 2%", message: "503 from inventory-service during pod restarts (2 of 4 ready)", errorCode: "HTTP 503", resolvesAfter: 12 })
    .add({ incident: "pricing", at: 7.0, source: "datadog", service: "checkout-web", region: "eu-west-1", severity: "high", rule: "monitor-77030 checkout quote mismatch",
      title: "[Triggered] checkout-web price mismatch errors", message: "Customers see 'price changed' on pay step: pricing total mismatch E-PRICE-ROUND", errorCode: "E-PRICE-ROUND", resolvesAfter: 30 })
    .add({ incident: "upgrade", at: 8.0, source: "alertmanager", service: "k8s-cluster", region: "eu-west-1", severity: "medium", rule: "KubeNodeNotReady", target: "ip-10-20-7-02", groupBy: ["alertname", "cluster"], labels: { cluster: "prod-eu-1" },
      title: "KubeNodeNotReady", message: "Node ip-10-20-7-02 (np-general) has been unready for more than 2 minutes", resolvesAfter: 20 })
    .add({ incident: "upgrade", at: 9.0, source: "alertmanager", service: "scanner-ingest", region: "eu-west-1", severity: "high", rule: "KubePodCrashLooping", target: "scanner-ingest-5c4-m8", groupBy: ["alertname", "cluster"], labels: { cluster: "prod-eu-1", namespace: "warehouse" },
      title: "KubePodCrashLooping", message: "Pod warehouse/scanner-ingest-5c4-m8 is restarting 3 times / 10 minutes", resolvesAfter: 15 })
    .build();

  return [auth, nodes];
}
