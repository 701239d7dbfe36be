/**
 * Service-specific failure modes for the per-service runbooks: what breaks in practice and what the
 * owners do about it. Services without notes get only the common sections.
 */

export interface FailureMode {
  heading: string;
  alert: string;
  body: string;
}

export const SERVICE_NOTES: Record<string, FailureMode[]> = {
  "payments-api": [
    {
      heading: "Card charges declined in bulk",
      alert: "PaymentsDeclineRateHigh",
      body: "A decline rate above 25% for 10 minutes is almost always the payment service provider, not us. Check the PSP status page and the `psp_response_code` breakdown: code `05` everywhere means the acquirer is rejecting; `91` means the issuer is unreachable. Switch traffic to the secondary PSP with the flag `payments.psp.primary=adyen-b`.",
    },
    {
      heading: "Charges stuck in PAYMENT_STATE_UNKNOWN",
      alert: "PaymentsUnknownStateBacklog",
      body: "Charges whose PSP call timed out are marked `PAYMENT_STATE_UNKNOWN` and reconciled every 15 minutes against the PSP report. Do not retry them manually: a retry can charge the customer twice.",
    },
  ],
  "ledger-service": [
    {
      heading: "Postings rejected",
      alert: "LedgerPostingErrors",
      body: "Look up the `E-LEDGER-*` code in the Ledger error codes reference. A flood of one code after a deploy of a producer points at that producer.",
    },
  ],
  "fraud-scorer": [
    {
      heading: "Scoring latency",
      alert: "FraudScorerLatencyP99",
      body: "payments-api waits at most 300 ms for a fraud score and then lets the payment through with a default score (fail-open). Above that the model server is usually CPU throttled: check the `container_cpu_cfs_throttled_periods_total` metric and raise the CPU limit. The feature cache lives in redis-cache.",
    },
  ],
  "payouts-worker": [
    {
      heading: "Nightly payout run failed",
      alert: "PayoutsRunFailed",
      body: "The payout run starts at 01:00 UTC and must finish before 06:00 for couriers to be paid the same day. It is safe to re-run: `kubectl -n payments create job --from=cronjob/payouts payouts-rerun`. Already paid couriers are skipped by their payout id. If the bank file was already uploaded (SFTP log shows `226 Transfer complete`), do not re-run: call the payments lead.",
    },
  ],
  "checkout-web": [
    {
      heading: "Checkout page errors",
      alert: "CheckoutErrorRate",
      body: "The checkout web app renders server-side. A spike of 500s right after a deploy: roll back. 502s from the CDN: the origin pods are out of memory or restarting; check pods in namespace `checkout`.",
    },
  ],
  "cart-service": [
    {
      heading: "Carts lost or emptied",
      alert: "CartReadErrors",
      body: "Carts live in redis-cache with a 7 day TTL. If redis-cache evicted keys under memory pressure customers see empty carts; this cannot be undone, fix the memory pressure first.",
    },
  ],
  "pricing-service": [
    {
      heading: "Wrong or missing shipping rates",
      alert: "PricingQuoteFailures",
      body: "Rates are loaded from pricing-db at start-up and refreshed every 5 minutes. If a rate table import was half-finished, pricing returns `NO_RATE` for some lanes. Re-run the import (`rates-import` job) and restart pricing-service to reload.",
    },
  ],
  "route-planner": [
    {
      heading: "Route planning timeouts",
      alert: "RoutePlannerSolveTimeout",
      body: "The solver has 20 minutes per depot. Timeouts on many depots at once usually mean routing-db is slow (check replication and locks) or geo-service is throttled by the maps provider. A single depot timing out on a peak day: raise its `solver.max_minutes` to 35 in the depot config.",
    },
    {
      heading: "Plans not published",
      alert: "RoutePlanNotPublished",
      body: "dispatch-service needs the plan by 05:30 local time. If the plan is computed but not published, the publish step could not write to routing-db: check that routing-db accepts writes (it may have failed over and the planner still points to the old leader).",
    },
  ],
  "dispatch-service": [
    {
      heading: "Parcels not assigned to drivers",
      alert: "DispatchUnassignedParcels",
      body: "dispatch consumes `parcel-events` from Kafka. If the consumer group `dispatch` lags, assignments are late: follow Kafka consumer lag. If drivers see no parcels at all, check driver-app-api as well.",
    },
  ],
  "geo-service": [
    {
      heading: "Geocoding failures",
      alert: "GeoProviderThrottled",
      body: "HTTP 429 from the maps provider: see Geocoding provider rate limits.",
    },
  ],
  "warehouse-gateway": [
    {
      heading: "Scanners cannot reach the gateway",
      alert: "WarehouseGatewayUnreachable",
      body: "If only one site is affected, it is that site's VPN tunnel: see Warehouse VPN tunnels. If all sites are affected, the gateway itself is down: check its pods in namespace `warehouse` and the NLB target health.",
    },
  ],
  "inventory-service": [
    {
      heading: "Stock counts drift",
      alert: "InventoryReconciliationMismatch",
      body: "The nightly reconciliation compares scans with inventory. Mismatches above 0.5% of parcels mean scan events were lost or processed twice; check the `inventory.adjustments` queue for redeliveries.",
    },
  ],
  "scanner-ingest": [
    {
      heading: "Scan events delayed",
      alert: "ScanIngestDelay",
      body: "Scans go from handhelds to warehouse-gateway to the `scan-events` RabbitMQ queue. A growing queue with consumers up means the inventory-service write path is slow. Handhelds retry for 8 hours, so nothing is lost if the backlog clears.",
    },
  ],
  "label-printer-service": [
    {
      heading: "Labels print blank",
      alert: "LabelPrintFailures",
      body: "Blank labels: the ZPL template failed to render, usually a new carrier logo missing. Printers offline: power-cycle them; they are Zebra ZT411 on the site network.",
    },
  ],
  "auth-service": [
    {
      heading: "Token validation errors",
      alert: "AuthTokenValidationErrors",
      body: "See Login failures: token signing key rotation.",
    },
  ],
  "kafka": [
    {
      heading: "Under-replicated partitions",
      alert: "KafkaUnderReplicatedPartitions",
      body: "A broker is down or slow. Check broker pods and their disks (a full disk stops a broker). When the broker returns, replicas catch up by themselves; do not reassign partitions during an incident.",
    },
  ],
  "k8s-cluster": [
    {
      heading: "Nodes not ready",
      alert: "KubeNodeNotReady",
      body: "One node: cordon it and let the autoscaler replace it. Many nodes at once in one availability zone: an AWS zone problem; check the AWS health dashboard and shift traffic with the zone weights in the load balancer.",
    },
  ],
  "cert-manager": [
    {
      heading: "Renewals failing",
      alert: "CertificateExpiringSoon",
      body: "See TLS certificate renewal and expiry.",
    },
  ],
  "tracking-service": [
    {
      heading: "Tracking pages stale",
      alert: "TrackingStaleness",
      body: "Parcel status comes from `parcel-events` (Kafka) indexed into search-cluster. Stale status: check the `tracking-indexer` consumer lag first, then search-cluster health.",
    },
  ],
  "notification-service": [
    {
      heading: "Notifications delayed",
      alert: "NotificationDispatchDelay",
      body: "See Notification backlog.",
    },
  ],
  "sms-gateway": [
    {
      heading: "SMS provider errors",
      alert: "SmsProviderErrors",
      body: "Twilio error `30003` (unreachable handset) is normal noise. Error `20429` (too many requests) or HTTP 5xx across all messages: provider outage, switch to the fallback provider (see Notification backlog).",
    },
  ],
  "driver-app-api": [
    {
      heading: "Drivers logged out",
      alert: "DriverAppAuthFailures",
      body: "Drivers are logged out when refresh tokens fail. Check auth-service first. Drivers must not reinstall the app: offline deliveries stored on the device would be lost.",
    },
  ],
  "customer-app-api": [
    {
      heading: "App shows old parcel status",
      alert: "CustomerAppStaleResponses",
      body: "The BFF caches tracking responses for 60 s; longer staleness comes from tracking-service.",
    },
  ],
  "etl-pipeline": [
    {
      heading: "DAG failures",
      alert: "AirflowDagFailed",
      body: "See Nightly ETL (Airflow).",
    },
  ],
  "identity-db": [
    {
      heading: "Slow logins from the database",
      alert: "IdentityDbSlowQueries",
      body: "The `sessions` table is vacuumed nightly. If autovacuum fell behind, `SELECT relname, n_dead_tup FROM pg_stat_user_tables ORDER BY 2 DESC` shows millions of dead rows: run `VACUUM (ANALYZE) sessions;` (it does not lock reads or writes).",
    },
  ],
  "inventory-db": [
    {
      heading: "Lock waits",
      alert: "InventoryDbLockWaits",
      body: "Stock adjustments lock rows per parcel. Long lock waits during the evening peak come from the bulk re-slotting job; it can be paused with the flag `inventory.reslotting.enabled=false`.",
    },
  ],
  "search-cluster": [
    {
      heading: "Cluster red",
      alert: "SearchClusterRed",
      body: "See Search cluster health red or yellow.",
    },
  ],
  "push-service": [
    {
      heading: "Pushes not delivered",
      alert: "PushDeliveryFailures",
      body: "See Push notification credentials.",
    },
  ],
  "email-sender": [
    {
      heading: "Bounces",
      alert: "EmailBounceRate",
      body: "A bounce rate above 5% risks our sender reputation. Pause marketing sends (flag `email.marketing.enabled=false`); transactional mail continues.",
    },
  ],
};
