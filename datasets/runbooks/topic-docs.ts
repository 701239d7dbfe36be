/**
 * Hand-written topic runbooks of Parcelwise (cross-service procedures). The generator writes them
 * next to the per-service runbooks. Some carry YAML front matter, some not; some are long, some terse.
 */

export interface TopicDoc {
  path: string;
  content: string;
}

const dbFailover = (o: {
  db: string;
  title: string;
  team: string;
  cluster: string;
  primary: string;
  replica: string;
  consumers: string;
  extra: string;
  lagSeconds: number;
}) => `---
title: ${o.title}
service: ${o.db}
team: ${o.team}
tags: [postgresql, patroni, failover, replica]
url: https://wiki.parcelwise.example/runbooks/${o.db}-failover
---
# ${o.title}

${o.db} is a PostgreSQL 15 cluster managed by Patroni (cluster \`${o.cluster}\`): one primary
(\`${o.primary}\`) and one synchronous standby (\`${o.replica}\`). ${o.consumers}

## Symptoms

- Alert \`PostgresPrimaryDown\` or \`PatroniLeaderMissing\` for cluster \`${o.cluster}\`.
- Applications log \`ERROR: cannot execute INSERT in a read-only transaction\` (SQLSTATE 25006):
  they are connected to a node that is no longer the leader, or the cluster lost its leader.
- Replication lag above ${o.lagSeconds}s on the standby (\`PostgresReplicationLagHigh\`).

## Check the cluster state

\`\`\`bash
kubectl -n databases exec -it ${o.primary} -- patronictl -c /etc/patroni.yml list ${o.cluster}
\`\`\`

| Column | Healthy value |
|--------|---------------|
| Role   | one Leader, one Sync Standby |
| State  | running / streaming |
| Lag in MB | below 16 |

If there is no Leader for more than 60 seconds, Patroni failed to elect one: go to *Manual failover*.

## Manual failover

Only the ${o.team} on-call or the DBA rota may do this. Announce it in the incident channel first.

1. Stop the writers so no transaction is lost half-way:
   \`kubectl -n ${o.team} scale deploy --replicas=0 -l writes-to=${o.db}\`
2. Confirm the standby has replayed everything:

   \`\`\`sql
   SELECT pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() AS caught_up;
   \`\`\`

3. Promote the standby:

   \`\`\`bash
   patronictl -c /etc/patroni.yml failover ${o.cluster} --candidate ${o.replica} --force
   \`\`\`

4. Check that the service DNS name \`${o.db}-rw.databases.svc\` now resolves to the new leader
   (Patroni updates the endpoint; allow 30 seconds).
5. Scale the writers back up and watch the error rate for ten minutes.

${o.extra}

## Rebuild the old primary

After a failover the old primary must not come back as a leader. Reinitialise it as a standby:

\`\`\`bash
patronictl -c /etc/patroni.yml reinit ${o.cluster} ${o.primary}
\`\`\`

## Escalation

If the failover does not complete in 15 minutes, page the DBA rota (PagerDuty service *DBA*) and
open a SEV-1.
`;

export const TOPIC_DOCS: TopicDoc[] = [
  {
    path: "databases/payments-db-failover.md",
    content: dbFailover({
      db: "payments-db",
      title: "Payments DB failover",
      team: "payments",
      cluster: "pg-payments",
      primary: "pg-payments-0",
      replica: "pg-payments-1",
      consumers: "payments-api and payouts-worker write to it; ledger-service only reads card references.",
      lagSeconds: 30,
      extra: `## After the failover: card tokens

payments-api caches prepared statements per connection. Restart it after a failover so it reconnects
to the new leader: \`kubectl -n payments rollout restart deploy/payments-api\`. Charges that failed
with \`PAYMENT_STATE_UNKNOWN\` during the switch are retried by the reconciliation job at the next
quarter hour; do not retry them by hand (double charge risk).`,
    }),
  },
  {
    path: "databases/routing-db-failover.md",
    content: dbFailover({
      db: "routing-db",
      title: "Routing DB failover",
      team: "routing",
      cluster: "pg-routing",
      primary: "pg-routing-0",
      replica: "pg-routing-1",
      consumers: "route-planner writes the daily plans; dispatch-service reads them. The PostGIS extension is installed.",
      lagSeconds: 120,
      extra: `## After the failover: PostGIS and the nightly plan

The route plan for tomorrow is computed between 02:00 and 04:30 UTC. If the failover happened in that
window, re-run the planning job once the new leader is up:
\`kubectl -n routing create job --from=cronjob/nightly-plan nightly-plan-rerun\`.
Check \`SELECT postgis_full_version();\` on the new leader; a missing PostGIS library means the standby
image is out of date, which is a SEV-2 on its own.`,
    }),
  },
  {
    path: "databases/postgres-connection-exhaustion.md",
    content: `---
title: PostgreSQL connection exhaustion
team: platform
tags: [postgresql, pgbouncer, connections]
---
# PostgreSQL connection exhaustion

Applies to every PostgreSQL database (payments-db, routing-db, inventory-db, identity-db).

## Symptoms

- \`FATAL: sorry, too many clients already\` or \`FATAL: remaining connection slots are reserved\`
  (SQLSTATE 53300) in application logs.
- Alert \`PgbouncerClientWaiting\`: clients queue in PgBouncer for more than 5 seconds.

## Find who holds the connections

\`\`\`sql
SELECT usename, application_name, state, count(*)
FROM pg_stat_activity GROUP BY 1, 2, 3 ORDER BY 4 DESC;
\`\`\`

Connections \`idle in transaction\` for minutes point at an application that leaks transactions.

## Mitigate

1. Kill sessions idle in transaction for more than 5 minutes:

   \`\`\`sql
   SELECT pg_terminate_backend(pid) FROM pg_stat_activity
   WHERE state = 'idle in transaction' AND state_change < now() - interval '5 minutes';
   \`\`\`

2. Lower the offending service's pool size (env \`DB_POOL_MAX\`) and redeploy it.
3. Do **not** raise \`max_connections\` on the server during an incident: it needs a restart and every
   connection costs memory.

## Prevention

All services must connect through PgBouncer in transaction mode (\`<db>-pooler.databases.svc:6432\`).
`,
  },
  {
    path: "databases/ledger-db-oracle.md",
    content: `# Ledger DB (Oracle)

ledger-db is Oracle 19c, run by the Payments team with vendor support. ledger-service is its only client.

## Deadlocks (ORA-00060)

\`ORA-00060: deadlock detected while waiting for resource\` appears when two ledger postings lock the
same accounts in opposite order. ledger-service retries a deadlocked posting three times; the alert
\`LedgerDeadlockRate\` fires above 5 per minute.

1. Find the trace file named in the alert (\`/u01/app/oracle/diag/rdbms/ledger/trace\`).
2. The "Deadlock graph" section names both sessions and the SQL they ran.
3. If one batch job (usually the payouts posting at 01:00) causes them, pause it:
   \`kubectl -n payments patch cronjob payouts-posting -p '{"spec":{"suspend":true}}'\`.

## Snapshot too old (ORA-01555)

Long reporting queries against ledger-db fail with \`ORA-01555: snapshot too old\`. Reporting must use
the read replica \`ledger-db-ro\`; move the query there, do not enlarge the undo tablespace.

## Tablespace full (ORA-01653)

\`ORA-01653: unable to extend table\` means the LEDGER_DATA tablespace is full. Add a datafile (DBA rota
only):

\`\`\`sql
ALTER TABLESPACE ledger_data ADD DATAFILE SIZE 32G AUTOEXTEND ON NEXT 1G MAXSIZE 64G;
\`\`\`

## Vendor support

Oracle support contract CSI 88412093. Open a Severity 1 SR for data corruption only.
`,
  },
  {
    path: "payments/ledger-error-codes.md",
    content: `---
title: Ledger error codes
service: ledger-service
team: payments
tags: [ledger, error-codes, reference]
---
# Ledger error codes

ledger-service answers failed postings with an \`E-LEDGER-*\` code in the response body and logs.

| Code | Meaning | What to do |
|------|---------|------------|
| E-LEDGER-400 | Malformed posting (missing account or currency) | Bug in the caller; open a ticket for its team |
| E-LEDGER-404 | Account does not exist | Usually a courier account not yet onboarded; payouts-worker skips it |
| E-LEDGER-409 | Posting conflict: the idempotency key was already used with a different amount | Never retry blindly; see *Conflicts* below |
| E-LEDGER-412 | Accounting period closed | Posting dated in a closed month; finance must reopen the period |
| E-LEDGER-422 | Unbalanced entry: debits and credits differ | Bug; stop the producer, page payments on-call |
| E-LEDGER-429 | Posting rate limit reached | Back off; the limit is 2,000 postings/s per client |
| E-LEDGER-503 | ledger-db unavailable | See the Ledger DB (Oracle) runbook |

## Conflicts

E-LEDGER-409 means two requests used the same idempotency key with different amounts. The first one
won. Compare both requests in the \`ledger_postings_rejected\` topic; if the second amount is right,
finance issues an adjusting entry. A burst of E-LEDGER-409 after a deploy usually means the caller
started generating keys differently: roll the caller back.

## Closed periods

Periods close on the third working day of the month at 18:00 UTC. Finance (#finance-ops) can reopen a
period for 2 hours.
`,
  },
  {
    path: "queues/kafka-consumer-lag.md",
    content: `---
title: Kafka consumer lag
service: kafka
team: platform
tags: [kafka, consumer-lag, backlog]
---
# Kafka consumer lag

## Symptoms

Alert \`KafkaConsumerGroupLag\` fires when a consumer group is more than 50,000 messages or 10 minutes
behind on any partition. Downstream effects: tracking pages show stale parcel status, dispatch assigns
late, ledger postings arrive late.

## Diagnosis

\`\`\`bash
kafka-consumer-groups.sh --bootstrap-server kafka:9092 --describe --group <group>
\`\`\`

- Lag growing on **all** partitions: consumers too slow or down. Check their pods and error logs.
- Lag on **one** partition: a hot key or a poison message stuck at one offset.
- \`CURRENT-OFFSET\` not moving while consumers are up: they crash on a message and restart.

## Mitigation

1. Scale the consumer deployment (max = number of partitions; 24 for \`parcel-events\`).
2. Poison message: note partition and offset, then skip it:
   \`kafka-consumer-groups.sh --reset-offsets --group <group> --topic <topic>:<partition> --to-offset <offset+1> --execute\`
   (consumers must be stopped first). Copy the message to \`<topic>.dlq\` before skipping.
3. Broker-side: check under-replicated partitions (\`KafkaUnderReplicatedPartitions\`).

## Escalation

Platform on-call owns the brokers; the consuming team owns its consumers.
`,
  },
  {
    path: "queues/rabbitmq-backlog.md",
    content: `---
title: RabbitMQ queue backlog
service: rabbitmq
team: platform
tags: [rabbitmq, backlog, queues]
---
# RabbitMQ queue backlog

## Symptoms

Alert \`RabbitmqQueueMessagesReady\` fires when a queue holds more than 20,000 ready messages for 10
minutes. Queues that matter most: \`scan-events\` (scanner-ingest), \`notifications.sms\`,
\`notifications.email\`, \`inventory.adjustments\`.

## Diagnosis

\`\`\`bash
rabbitmqctl list_queues name messages_ready messages_unacknowledged consumers
\`\`\`

- \`consumers\` = 0: the consuming service is down.
- Many unacknowledged messages: consumers take messages but never ack (stuck handler, prefetch too high).
- Memory alarm (\`rabbitmqctl status\` shows \`{resource_alarm, memory}\`): publishers are blocked.

## Mitigation

1. Restart the consumer pods if they are stuck.
2. Scale consumers; prefetch is 50 per consumer.
3. Memory alarm: purge only queues marked *disposable* in the table below.

| Queue | Disposable | Owner |
|-------|-----------|-------|
| scan-events | no | warehouse |
| notifications.sms | no | notifications |
| notifications.email | yes (after 6 h) | notifications |
| inventory.adjustments | no | warehouse |

## Escalation

Platform on-call owns the RabbitMQ cluster (3 nodes, quorum queues).
`,
  },
  {
    path: "queues/notification-backlog.md",
    content: `# Notification backlog

Delivery notifications (SMS, e-mail, push) are queued by notification-service.

## Symptoms

Customers report "your parcel is out for delivery" messages arriving hours late; alert
\`NotificationDispatchDelay\` fires when the oldest queued notification is older than 15 minutes.

## Diagnosis

Check which channel is stuck. The SMS channel depends on sms-gateway (Twilio bridge); a provider
outage makes its queue grow while e-mail keeps flowing.

## Mitigation

1. Provider outage: switch SMS to the fallback provider with the feature flag
   \`sms.provider=messagebird\` in the flag console.
2. Expired notifications (delivery already happened) are dropped automatically after 6 hours.

## Escalation

Notifications on-call; the provider status pages are linked in #team-notifications.
`,
  },
  {
    path: "platform/certificate-renewal.md",
    content: `---
title: TLS certificate renewal and expiry
service: cert-manager
team: platform
tags: [tls, certificates, cert-manager]
url: https://wiki.parcelwise.example/runbooks/certificate-renewal
---
# TLS certificate renewal and expiry

cert-manager issues every public and internal TLS certificate from Let's Encrypt (public) or the
internal Vault PKI (\`*.svc.parcelwise.internal\`). Certificates renew 30 days before they expire.

## Symptoms

- \`CertificateExpiringSoon\`: a certificate expires in less than 14 days (renewal is failing).
- Clients fail with \`x509: certificate has expired or is not yet valid\` or
  \`SSL_ERROR_EXPIRED_CERT_ALERT\`.

## Check a certificate

\`\`\`bash
kubectl get certificate -A | grep -v True
kubectl describe certificate <name> -n <namespace>
echo | openssl s_client -connect api.parcelwise.example:443 2>/dev/null | openssl x509 -noout -dates
\`\`\`

## Renewal is failing

1. Look at the \`CertificateRequest\` and \`Order\` events. The usual cause for public certificates is an
   HTTP-01 challenge blocked by the WAF, or DNS-01 failing because the Route53 credentials expired.
2. Force a renewal: \`cmctl renew <name> -n <namespace>\`.
3. Vault PKI: check that the \`cert-manager\` Vault role's token is valid (\`vault token lookup\`).

## Certificate already expired

Issue a manual certificate from Vault and load it as the secret, then renew properly afterwards:

\`\`\`bash
vault write pki_int/issue/parcelwise common_name=<host> ttl=720h -format=json > cert.json
kubectl -n <namespace> create secret tls <secret> --cert=<(jq -r .data.certificate cert.json) --key=<(jq -r .data.private_key cert.json) --dry-run=client -o yaml | kubectl apply -f -
\`\`\`

Apple push certificates are **not** handled here: see the push-service runbook.
`,
  },
  {
    path: "platform/deploy-rollback.md",
    content: `---
title: Deploy rollback
team: platform
tags: [deploy, rollback, argo]
---
# Deploy rollback

Every service deploys through Argo CD from the \`deploy\` repository; Argo Rollouts runs canaries for
tier-1 services.

## When to roll back

Roll back first, debug later, when a deploy in the last two hours coincides with a rise in errors or
latency. Do not wait for the owner to confirm.

## Roll back a canary in progress

\`\`\`bash
kubectl argo rollouts abort <service> -n <namespace>
kubectl argo rollouts undo <service> -n <namespace>
\`\`\`

## Roll back a finished deploy

1. In Argo CD, open the application, *History and rollback*, pick the previous revision, *Rollback*.
2. Auto-sync is disabled by the rollback: leave it off and post in the team channel so nobody
   re-syncs the bad version.
3. Revert the commit in the \`deploy\` repository within the day and turn auto-sync back on.

## Database migrations

A deploy that ran a migration cannot always be rolled back. Migrations must be backwards-compatible
(expand/contract). If a migration dropped a column, do not roll back the application: fix forward.

## Freeze

Deploys are frozen on Black Friday week and from 20 to 31 December, except fixes approved by the
incident commander.
`,
  },
  {
    path: "handbook/on-call-handbook.md",
    content: `---
title: On-call handbook
team: platform
tags: [on-call, incident, escalation, handbook]
url: https://wiki.parcelwise.example/handbook/on-call
---
# On-call handbook

## Rotations

Every team has a weekly primary and secondary rotation in PagerDuty, handed over on Mondays at 10:00
Amsterdam time. The handover is a 15 minute call: open incidents, noisy alerts, planned changes.

## Acknowledging a page

Acknowledge within 5 minutes (tier 1) or 15 minutes (tier 2 and 3). If you cannot, hand the page to the
secondary explicitly in PagerDuty; an unacknowledged page escalates to the secondary after 10 minutes
and to the engineering manager after 20.

## Severity levels

| Level | Definition | Examples | Response |
|-------|------------|----------|----------|
| SEV-1 | Customers cannot ship, pay or track; or data loss | checkout down, payments failing, all scanners offline | Incident commander, status page, updates every 30 min |
| SEV-2 | Degraded for many customers or one warehouse down | slow tracking, one depot offline | Team on-call leads, updates every hour |
| SEV-3 | Minor or internal | reporting delayed, one printer | Next business day fix |

## Incident commander

For every SEV-1 the first responder names an incident commander (IC) in the incident channel. The IC
coordinates, does not debug, and decides on rollbacks and customer communication. The IC rota is in
PagerDuty as *Incident Commanders*.

## Communication

- Open a channel \`#inc-<yyyymmdd>-<short-name>\`.
- Status page updates go through the IC; customer support is told in #support-escalations.
- Never paste customer personal data or secrets in Slack.

## Escalating to another team

Page the other team's on-call through PagerDuty (service names match the team names). For vendor
issues, the owning team contacts the vendor.

## After the incident

A blameless postmortem is written within 5 working days for every SEV-1 and SEV-2, reviewed in the
Thursday incident review. Action items get owners and dates in Linear.

## Compensation

On-call weeks are compensated with a fixed allowance plus time off in lieu for pages between 22:00
and 07:00.
`,
  },
  {
    path: "platform/kubernetes-crashloop-oom.md",
    content: `---
title: Pods crash-looping or OOMKilled
service: k8s-cluster
team: platform
tags: [kubernetes, crashloopbackoff, oomkilled]
---
# Pods crash-looping or OOMKilled

## Symptoms

\`KubePodCrashLooping\` (a container restarted more than 3 times in 15 minutes) or
\`KubeContainerOOMKilled\`.

## Diagnosis

\`\`\`bash
kubectl -n <ns> describe pod <pod>        # Last State: Terminated, Reason: OOMKilled / Error, Exit Code
kubectl -n <ns> logs <pod> --previous     # logs of the crashed container
\`\`\`

| Exit code | Meaning |
|-----------|---------|
| 137 | killed by SIGKILL: out of memory (OOMKilled) or failed liveness probe |
| 143 | SIGTERM: normal shutdown took too long |
| 1   | application error: read the logs |

## Out of memory

1. Compare usage with the limit: \`kubectl top pod -n <ns>\`.
2. If memory grows steadily until the kill, it is a leak: roll back the last deploy.
3. If a traffic spike caused it, raise the memory limit by at most 50% in the deploy repository.

## Crash on start

Usually a missing secret or config value, or a dependency refusing connections at start-up
(\`ECONNREFUSED\`). Check that the dependency is up before restarting anything.
`,
  },
  {
    path: "platform/node-disk-pressure.md",
    content: `# Node disk pressure

## Symptoms

\`KubeNodeDiskPressure\` or \`NodeFilesystemAlmostFull\` (less than 10% free); pods evicted with
\`The node was low on resource: ephemeral-storage\`; applications failing with \`ENOSPC\` /
\`no space left on device\`.

## Mitigation

1. Find the biggest users: \`kubectl debug node/<node> -it --image=busybox -- du -xh /host/var/lib --max-depth=2\`.
2. Container logs that are not rotated are the usual cause: delete old logs under \`/var/log/pods\`.
3. Clean unused images: \`crictl rmi --prune\`.
4. Cordon and drain the node if it keeps filling: \`kubectl cordon <node> && kubectl drain <node> --ignore-daemonsets --delete-emptydir-data\`.

## Persistent volumes

A full PVC (database, Kafka) is a different problem: expand the volume
(\`kubectl patch pvc <pvc> -p '{"spec":{"resources":{"requests":{"storage":"<size>"}}}}'\`); the
storage class allows online expansion.
`,
  },
  {
    path: "warehouse/warehouse-vpn-tunnels.md",
    content: `---
title: Warehouse VPN tunnels
service: warehouse-vpn
team: warehouse
tags: [vpn, ipsec, warehouses]
url: https://wiki.parcelwise.example/runbooks/warehouse-vpn
---
# Warehouse VPN tunnels

Each of the 14 warehouses connects to the AWS transit gateway through two IPsec tunnels (strongSwan on
the site router, AWS Site-to-Site VPN on our side). warehouse-gateway is only reachable through them.

## Symptoms

- \`WarehouseTunnelDown\`: both tunnels of a site are down for 3 minutes.
- Handheld scanners at that site show "Server unreachable"; label printing stops.

## Restore the tunnel

1. Check the tunnel status in the AWS console (VPN connections, *Tunnel details*) or:
   \`aws ec2 describe-vpn-connections --filters Name=tag:site,Values=<site-code>\`
2. If one tunnel is UP, traffic fails over by itself; wait 2 minutes.
3. If both are DOWN, ask the site lead to power-cycle the site router (it renegotiates IKE on boot).
4. Still down after 10 minutes: the pre-shared key or the public IP of the site may have changed.
   Call the ISP for the site (numbers in the *Sites* table of the warehouse handbook).

## While a site is offline

Scanners buffer up to 8 hours of scans locally and upload them when the tunnel returns; do not ask
the site to re-scan. Labels can be printed from the backup laptop with the offline label tool.

## Escalation

Warehouse on-call, then the network team (#network) for changes on the transit gateway.
`,
  },
  {
    path: "identity/login-failures.md",
    content: `# Login failures

Owner: identity team. Covers auth-service and sso-gateway.

## Customers cannot log in

Alert \`AuthLoginErrorRate\` (more than 5% of logins failing).

1. Check auth-service logs for \`E-AUTH-401\` (bad credentials: normal) vs \`E-AUTH-500\`/\`E-AUTH-503\`.
2. \`E-AUTH-503 upstream identity-db\`: identity-db is unreachable or saturated; see PostgreSQL
   connection exhaustion.
3. Redis errors (\`READONLY You can't write against a read only replica\`): the redis-cache primary failed
   over; restart auth-service so it reconnects to the new primary.

## Token signing key rotation

JWT signing keys rotate every 90 days. After a rotation, tokens signed with the old key stay valid for
24 hours (the key stays in the JWKS). If apps reject every token right after a rotation, the JWKS cache
in api-gateway is stale: \`kubectl -n platform rollout restart deploy/api-gateway\`.

## Staff cannot log in (SSO)

sso-gateway bridges Okta. If Okta is down (status.okta.com), use the break-glass accounts in the
vault path \`secret/break-glass\`; every use is audited.
`,
  },
  {
    path: "platform/redis-cache.md",
    content: `---
title: Redis cache
service: redis-cache
team: platform
tags: [redis, cache]
---
# Redis cache

Shared Redis 7 (primary + 2 replicas, Sentinel). Used by cart-service, auth-service, fraud-scorer and
geo-service.

## Memory full and evictions

\`RedisMemoryHigh\` above 90% of maxmemory; \`evicted_keys\` rising. Policy is allkeys-lru, so the cache
keeps working but the hit rate falls and the services behind it slow down.

1. Find big keys: \`redis-cli --bigkeys\`.
2. Keys without TTL from a new feature are the usual culprit: ask the owner to add a TTL.

## Failover

Sentinel promotes a replica when the primary is unreachable for 10 seconds. Clients that cached the
old address get \`READONLY\` errors until they reconnect: restart them.

## Latency

\`redis-cli --latency\` above 5 ms: check for \`KEYS *\` or big \`SMEMBERS\` calls in \`SLOWLOG GET 20\`.
`,
  },
  {
    path: "platform/api-gateway-5xx.md",
    content: `---
title: API gateway errors
service: api-gateway
team: platform
tags: [envoy, gateway, 5xx]
---
# API gateway errors

api-gateway is Envoy in front of every public API.

## 503 upstream connect error

\`upstream connect error or disconnect/reset before headers. reset reason: connection failure\` with
status 503 means Envoy could not reach any healthy pod of the upstream service. Look at the upstream:
it is down, its readiness probe fails, or it is out of pods. The response flag \`UH\` in the access log
means no healthy upstream; \`UF\` means connection failure.

## 504 gateway timeout

The upstream took longer than the route timeout (15 s default, 60 s for /v1/labels). Check the upstream
latency dashboards; do not raise the timeout during an incident.

## 429 from the gateway

Per-client rate limits (1,000 requests/min per API key). A single partner hitting the limit is not an
incident; tell account management.

## Circuit breaking

Envoy opens the circuit (\`UO\` flag) when an upstream has more than 1,024 pending requests.
`,
  },
  {
    path: "search/search-cluster-red.md",
    content: `---
title: Search cluster health red or yellow
service: search-cluster
team: search
tags: [opensearch, shards]
---
# Search cluster health red or yellow

OpenSearch 2.x, 6 data nodes. tracking-service and address-autocomplete query it.

## Red: primary shards unassigned

Some data is unavailable; tracking lookups for those parcels fail.

\`\`\`bash
curl -s search-cluster:9200/_cluster/allocation/explain?pretty
\`\`\`

1. A node left the cluster: check the pod; when it comes back, shards recover by themselves.
2. \`disk watermark exceeded\`: a node is above 90% disk. Delete old \`tracking-events-*\` indices
   (retention is 30 days) with the ISM policy, not by hand.
3. Corrupted shard: restore the index from the nightly snapshot (repository \`s3-snapshots\`).

## Yellow: replicas unassigned

Not customer-facing. Usually resolves after a node restart. If it lasts more than an hour, check the
allocation explanation as above.

## Slow queries

Alert \`SearchLatencyP99High\`. Check the slow log; a wildcard query from address-autocomplete is the
known offender (leading wildcard on street names).
`,
  },
  {
    path: "mobile/push-certificates.md",
    content: `# Push notification credentials

push-service sends to Apple (APNs) and Google (FCM).

## APNs authentication key

We use a token-based APNs key (.p8), which does not expire, but the old certificate-based connection
for the legacy courier app uses a push certificate that expires every year in March. When it expires,
pushes to legacy courier devices fail with \`BadCertificate\`.

1. The mobile lead renews it in the Apple developer portal.
2. Upload the new .p12 to the vault path \`secret/push/apns-legacy\`.
3. Restart push-service.

## FCM errors

\`UNREGISTERED\` tokens are normal (app uninstalled) and are removed automatically. A spike of
\`SENDER_ID_MISMATCH\` means the wrong Firebase project credentials were deployed: roll back.
`,
  },
  {
    path: "data/etl-pipeline.md",
    content: `---
title: Nightly ETL (Airflow)
service: etl-pipeline
team: data
tags: [airflow, etl, data-warehouse]
---
# Nightly ETL (Airflow)

The nightly DAGs load Kafka topics and database snapshots into the analytics data warehouse
(warehouse-dw, Snowflake). This is about the data warehouse, not the physical warehouses.

## A DAG failed

1. Open the Airflow UI, find the failed task, read its log.
2. Snowflake \`Warehouse 'ETL_WH' cannot be resumed because resource monitor has exceeded its quota\`:
   the monthly credit quota is used up; the data lead can raise it.
3. Source database timeouts: the snapshot tasks read from replicas; if a replica is lagging the task
   retries for 2 hours.

## Re-running

Clear the failed task and its downstream tasks in the UI (they are idempotent). Reports in
reporting-api are stale until the DAG finishes; they show a banner.

## SLA

The finance dashboards must be fresh by 07:00 CET. Missing that is SEV-3, not a page.
`,
  },
  {
    path: "checkout/pricing-db-mysql.md",
    content: `---
title: Pricing DB (MySQL)
service: pricing-db
team: checkout
tags: [mysql, replication]
---
# Pricing DB (MySQL)

MySQL 8, one primary and two replicas (Orchestrator manages failover). pricing-service and
promo-service use it.

## Replica lag

\`MysqlReplicaLagSeconds\` above 60: rates shown at checkout may be stale. Check
\`SHOW REPLICA STATUS\\G\` (Seconds_Behind_Source). Big promo imports cause it; pause the import job.

## Too many connections (error 1040)

\`ERROR 1040 (HY000): Too many connections\`. promo-service opens a pool per pod; scale it down to 2
replicas, then investigate.

## Failover

Orchestrator fails over automatically. If it did not (\`MysqlPrimaryDown\` for more than 2 minutes),
run \`orchestrator-client -c graceful-master-takeover-auto -a pricing-db\`.
`,
  },
  {
    path: "platform/dns-resolution.md",
    content: `# DNS resolution failures

## Symptoms

\`getaddrinfo EAI_AGAIN\`, \`NXDOMAIN\` or \`SERVFAIL\` in logs; calls between services fail
intermittently.

## CoreDNS

\`\`\`bash
kubectl -n kube-system get pods -l k8s-app=kube-dns
kubectl -n kube-system logs -l k8s-app=kube-dns --tail=100
\`\`\`

CoreDNS is overloaded when a service resolves external names without a trailing dot (5 search
domains → 5 lookups per call). Scale CoreDNS (\`kubectl -n kube-system scale deploy coredns --replicas=6\`)
and fix the client to use fully qualified names.

## External DNS (Route53)

Public records are managed by external-dns from Ingress annotations. A deleted Ingress deletes its
record: restore the Ingress, do not create records by hand.
`,
  },
  {
    path: "security/secret-rotation.md",
    content: `---
title: Rotating a leaked secret
team: platform
tags: [security, secrets, vault]
---
# Rotating a leaked secret

## When

A secret (API key, database password, token) was pasted in Slack, committed to git, or shown in a log.
Treat it as compromised even if the message was deleted.

## Steps

1. Tell #security (they decide whether it is a security incident).
2. Create the new secret at the provider, store it in Vault under the same path (new version).
3. Restart the services that read it (Vault agent injects secrets at start-up).
4. Revoke the old secret at the provider.
5. For database passwords: \`ALTER ROLE <role> PASSWORD '<new>'\` on the primary, then update Vault.

Never paste the new secret anywhere to "check it".
`,
  },
  {
    path: "platform/ci-runners.txt",
    content: `CI runners

Build and deploy runners (GitHub Actions self-hosted, autoscaled on EKS).

Jobs stuck in "Waiting for a runner": the runner scale set hit its maximum (40). Check the
actions-runner-controller pods in namespace arc-system; restart the controller if it stopped scaling.

Disk full on runners: runners are ephemeral; delete the pod and a fresh one starts.

Owner: platform team, not paged out of hours (tier 3).
`,
  },
  {
    path: "routing/geo-provider-rate-limits.txt",
    content: `Geocoding provider rate limits

geo-service calls the maps provider for geocoding and ETA. The contract allows 300 requests per second.

When geo-service logs HTTP 429 from the provider (alert GeoProviderThrottled), it serves cached results
from redis-cache for up to 24 hours; new addresses fail to geocode and route-planner puts those parcels
in the manual review list.

What to do: check whether a batch job (address clean-up, re-geocoding) started; stop it. If traffic is
organic, ask the provider account manager for a temporary increase (contact in the vendor sheet).
`,
  },
];
