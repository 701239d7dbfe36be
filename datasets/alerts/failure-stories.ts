import type { Severity } from "@/lib/severity";
import type { Rng } from "./rng";

/**
 * How Parcelwise's systems really fail, one entry per failure story. A story draws the affected
 * service and the numbers from the seeded Rng and describes the failure in every vocabulary the
 * payload builders need: a Prometheus rule, a metric monitor, an exception, a CloudWatch alarm.
 */

export interface AwsAlarmSpec {
  namespace: string;
  metricName: string;
  dimensions: { name: string; value: string }[];
  statistic: "Average" | "Maximum" | "Minimum" | "Sum";
  comparison: "GreaterThanThreshold" | "LessThanThreshold" | "GreaterThanOrEqualToThreshold";
  threshold: number;
  value: number;
  period: number;
}

export interface ExceptionSpec {
  type: string;
  value: string;
  culprit: string;
  platform: "python" | "java" | "node" | "go";
  level: "fatal" | "error" | "warning";
  /** The catalog service whose code raised it, when not the failing one (a client of a broken database). */
  app?: string;
}

export interface FailureStory {
  kind: string;
  /** Catalog service that owns the symptom. */
  service: string;
  /** Prometheus-style alert rule name. */
  alertname: string;
  /** Short human title, as a monitor would be named. */
  title: string;
  /** One-line summary with the key number. */
  summary: string;
  /** What an on-call engineer reads: numbers, effect on customers. */
  description: string;
  severity: Severity;
  /** Extra labels/tags (pod, db, queue, topic, instance...). */
  labels: Record<string, string>;
  /** PromQL / Datadog-style query, the observed value and its threshold. */
  metric: { name: string; query: string; value: number; threshold: number; unit: string };
  aws: AwsAlarmSpec;
  exception: ExceptionSpec;
  runbook: string;
}

type StoryMaker = (rng: Rng) => FailureStory;

const RUNBOOKS = "https://runbooks.parcelwise.internal";

const dbPoolExhaustion: StoryMaker = (rng) => {
  const [service, db, pool] = rng.pick([
    ["payments-api", "payments-db", "payments_rw"],
    ["auth-service", "identity-db", "identity_rw"],
    ["inventory-service", "inventory-db", "inventory_rw"],
    ["route-planner", "routing-db", "routing_rw"],
  ] as const);
  const max = rng.pick([40, 60, 80, 100]);
  const waiting = rng.int(60, 260);
  return {
    kind: "db-connection-pool-exhaustion",
    service,
    alertname: "PgbouncerPoolExhausted",
    title: `${service} connection pool to ${db} exhausted`,
    summary: `${service} has no free connections to ${db} (${waiting} clients waiting)`,
    description: `pgbouncer pool ${pool} has 0 of ${max} server connections free for ${rng.int(3, 9)}m and ${waiting} clients are waiting; requests to ${service} time out after 30s. Long-running transactions from a batch job are the usual cause.`,
    severity: "critical",
    labels: { database: db, pool, pod: `${service}-${rng.podSuffix()}` },
    metric: { name: "pgbouncer.pools.cl_waiting", query: `pgbouncer_pools_client_waiting_connections{pool="${pool}"} > 50`, value: waiting, threshold: 50, unit: "clients" },
    aws: { namespace: "AWS/RDS", metricName: "DatabaseConnections", dimensions: [{ name: "DBInstanceIdentifier", value: `${db}-primary` }], statistic: "Maximum", comparison: "GreaterThanOrEqualToThreshold", threshold: max * 0.95, value: max, period: 60 },
    exception: {
      type: "OperationalError",
      value: `(psycopg2.OperationalError) connection to server at "${db}.internal" (10.20.${rng.int(1, 9)}.${rng.int(10, 250)}), port 6432 failed: FATAL: no more connections allowed (max_client_conn)`,
      culprit: `${service.replace(/-/g, "_")}.db.session in acquire`,
      platform: "python",
      level: "error",
    },
    runbook: `${RUNBOOKS}/databases/connection-pool-exhausted`,
  };
};

const replicaLag: StoryMaker = (rng) => {
  const [service, db, reader] = rng.pick([
    ["payments-db", "payments-db-replica-1", "payouts-worker"],
    ["routing-db", "routing-db-replica-2", "route-planner"],
    ["identity-db", "identity-db-replica-1", "auth-service"],
    ["inventory-db", "inventory-db-replica-1", "inventory-service"],
  ] as const);
  const lag = rng.int(45, 900);
  return {
    kind: "replica-lag",
    service,
    alertname: "PostgresReplicationLagHigh",
    title: `${db} replication lag high`,
    summary: `${db} is ${lag}s behind the primary`,
    description: `Read replica ${db} is ${lag}s behind its primary; WAL replay cannot keep up since ${rng.pick(["a bulk UPDATE on the primary", "an autovacuum on a 400 GB table", "the nightly reindex", "a network throttle on the replica"])}. Reads routed to the replica return stale data.`,
    severity: lag > 300 ? "high" : "medium",
    labels: { instance: db, database: service },
    metric: { name: "postgresql.replication_delay", query: `pg_replication_lag_seconds{instance="${db}"} > 30`, value: lag, threshold: 30, unit: "seconds" },
    aws: { namespace: "AWS/RDS", metricName: "ReplicaLag", dimensions: [{ name: "DBInstanceIdentifier", value: db }], statistic: "Maximum", comparison: "GreaterThanThreshold", threshold: 30, value: lag, period: 60 },
    exception: {
      type: "StaleReadError",
      value: `replica ${db} lag ${lag}s exceeds max_staleness 30s`,
      culprit: "db.routing.read_replica in choose",
      platform: "python",
      level: "warning",
      app: reader,
    },
    runbook: `${RUNBOOKS}/databases/replica-lag`,
  };
};

const deploy5xx: StoryMaker = (rng) => {
  const service = rng.pick(["checkout-web", "api-gateway", "tracking-service", "driver-app-api", "pricing-service", "cart-service"]);
  const ratio = rng.float(4, 38, 1);
  const version = `v${rng.int(2, 9)}.${rng.int(0, 40)}.${rng.int(0, 9)}`;
  return {
    kind: "5xx-after-deploy",
    service,
    alertname: "HighHTTPErrorRate",
    title: `${service} 5xx error rate above 2%`,
    summary: `${service} is answering ${ratio}% 5xx since deploy ${version}`,
    description: `HTTP 5xx ratio on ${service} jumped from 0.1% to ${ratio}% within 3 minutes of rolling out ${version} (canary skipped). Errors are mostly 502 from upstream resets; customers see "Something went wrong".`,
    severity: ratio > 10 ? "critical" : "high",
    labels: { version, deployment: service, status_class: "5xx" },
    metric: { name: "trace.http.request.errors", query: `sum(rate(http_requests_total{service="${service}",code=~"5.."}[5m])) / sum(rate(http_requests_total{service="${service}"}[5m])) > 0.02`, value: ratio / 100, threshold: 0.02, unit: "ratio" },
    aws: { namespace: "AWS/ApplicationELB", metricName: "HTTPCode_Target_5XX_Count", dimensions: [{ name: "LoadBalancer", value: `app/${service}-prod/${rng.hex(16)}` }], statistic: "Sum", comparison: "GreaterThanThreshold", threshold: 200, value: rng.int(400, 9000), period: 60 },
    exception: {
      type: "TypeError",
      value: `Cannot read properties of undefined (reading '${rng.pick(["currency", "parcelId", "items", "driverId"])}')`,
      culprit: `${service}/src/handlers/${rng.pick(["quote", "track", "checkout", "assign"])}.ts in handle`,
      platform: "node",
      level: "error",
    },
    runbook: `${RUNBOOKS}/deploys/rollback`,
  };
};

const oomKilled: StoryMaker = (rng) => {
  const service = rng.pick(["route-planner", "geo-service", "fraud-scorer", "etl-pipeline", "scanner-ingest", "reporting-api"]);
  const limit = rng.pick([512, 1024, 2048, 4096]);
  const restarts = rng.int(4, 31);
  const pod = `${service}-${rng.podSuffix()}`;
  return {
    kind: "oom-killed",
    service,
    alertname: "KubePodCrashLooping",
    title: `${service} pods OOMKilled and crash looping`,
    summary: `${pod} restarted ${restarts} times (OOMKilled, limit ${limit}Mi)`,
    description: `Container ${service} in pod ${pod} was OOMKilled ${restarts} times in the last hour at its ${limit}Mi memory limit and is in CrashLoopBackOff. Memory climbs steadily after start-up, which points at a leak or an unbounded cache.`,
    severity: "high",
    labels: { namespace: rng.pick(["routing", "payments", "data", "warehouse"]), pod, container: service, reason: "OOMKilled" },
    metric: { name: "kubernetes.containers.restarts", query: `increase(kube_pod_container_status_restarts_total{container="${service}"}[1h]) > 3`, value: restarts, threshold: 3, unit: "restarts" },
    aws: { namespace: "ContainerInsights", metricName: "pod_number_of_container_restarts", dimensions: [{ name: "ClusterName", value: "eks-prod-eu-west-1" }, { name: "Namespace", value: "routing" }, { name: "PodName", value: service }], statistic: "Maximum", comparison: "GreaterThanThreshold", threshold: 3, value: restarts, period: 300 },
    exception: { type: "MemoryError", value: `Unable to allocate ${rng.int(200, 900)}. MiB for an array with shape (${rng.int(10, 99)}000000,)`, culprit: `${service.replace(/-/g, "_")}.solver in optimize_routes`, platform: "python", level: "fatal" },
    runbook: `${RUNBOOKS}/kubernetes/oomkilled`,
  };
};

const certExpiry: StoryMaker = (rng) => {
  const [service, host] = rng.pick([
    ["api-gateway", "api.parcelwise.com"],
    ["sso-gateway", "sso.parcelwise.internal"],
    ["warehouse-gateway", "wh-gw.parcelwise.net"],
    ["push-service", "apns-bridge.parcelwise.internal"],
    ["tracking-service", "track.parcelwise.com"],
  ] as const);
  const days = rng.int(1, 6);
  return {
    kind: "cert-expiry",
    service,
    alertname: "TLSCertificateExpiringSoon",
    title: `TLS certificate for ${host} expires in ${days} days`,
    summary: `Certificate for ${host} expires in ${days}d; cert-manager renewal failing`,
    description: `The certificate served by ${service} for ${host} expires in ${days} days. cert-manager's renewal has failed ${rng.int(3, 40)} times: ACME HTTP-01 challenge returned 404 because the ingress for /.well-known/acme-challenge was removed.`,
    severity: days <= 2 ? "critical" : "high",
    labels: { host, issuer: "letsencrypt-prod", secret: `${service}-tls`, managed_by: "cert-manager" },
    metric: { name: "tls.days_left", query: `(probe_ssl_earliest_cert_expiry{instance="https://${host}"} - time()) / 86400 < 7`, value: days, threshold: 7, unit: "days" },
    aws: { namespace: "AWS/CertificateManager", metricName: "DaysToExpiry", dimensions: [{ name: "CertificateArn", value: `arn:aws:acm:eu-west-1:412398765210:certificate/${rng.uuid()}` }], statistic: "Minimum", comparison: "LessThanThreshold", threshold: 7, value: days, period: 86400 },
    exception: { type: "SSLError", value: `certificate verify failed: certificate has expired (_ssl.c:1006) while connecting to ${host}:443`, culprit: "urllib3.connectionpool in urlopen", platform: "python", level: "error" },
    runbook: `${RUNBOOKS}/platform/cert-renewal`,
  };
};

const queueBacklog: StoryMaker = (rng) => {
  const [service, queue] = rng.pick([
    ["notification-service", "delivery-notifications"],
    ["scanner-ingest", "scan-events"],
    ["inventory-service", "stock-adjustments"],
    ["email-sender", "transactional-email"],
  ] as const);
  const depth = rng.int(20_000, 480_000);
  return {
    kind: "queue-backlog",
    service,
    alertname: "RabbitMQQueueBacklog",
    title: `RabbitMQ queue ${queue} backlog growing`,
    summary: `${queue} has ${depth.toLocaleString("en-US")} ready messages and no consumer progress`,
    description: `Queue ${queue} on rabbitmq grew to ${depth.toLocaleString("en-US")} ready messages; ${service} consumers ack ${rng.int(0, 40)} msg/s against ${rng.int(300, 1200)} msg/s published. Consumers are stuck on a prefetch of 1 waiting for a slow downstream.`,
    severity: depth > 200_000 ? "high" : "medium",
    labels: { queue, vhost: "/parcelwise", broker: "rabbitmq" },
    metric: { name: "rabbitmq.queue.messages_ready", query: `rabbitmq_queue_messages_ready{queue="${queue}"} > 10000`, value: depth, threshold: 10_000, unit: "messages" },
    aws: { namespace: "AWS/AmazonMQ", metricName: "MessageReadyCount", dimensions: [{ name: "Broker", value: "parcelwise-prod-rabbit" }, { name: "VirtualHost", value: "/parcelwise" }, { name: "Queue", value: queue }], statistic: "Maximum", comparison: "GreaterThanThreshold", threshold: 10_000, value: depth, period: 300 },
    exception: { type: "ConsumerTimeout", value: `delivery acknowledgement on channel 1 timed out. Timeout value used: 1800000 ms (queue ${queue})`, culprit: `${service.replace(/-/g, "_")}.consumer in on_message`, platform: "python", level: "error" },
    runbook: `${RUNBOOKS}/messaging/queue-backlog`,
  };
};

const diskFull: StoryMaker = (rng) => {
  const [service, instance, mount] = rng.pick([
    ["kafka", `kafka-broker-${rng.int(1, 6)}`, "/var/lib/kafka"],
    ["search-cluster", `opensearch-data-${rng.int(0, 8)}`, "/usr/share/opensearch/data"],
    ["ci-runners", `ci-runner-${rng.int(10, 40)}`, "/var/lib/docker"],
    ["label-printer-service", `lbl-print-${rng.pick(["dub", "ams", "lyo"])}-0${rng.int(1, 4)}`, "/var/spool/labels"],
  ] as const);
  const used = rng.float(91, 99.8, 1);
  return {
    kind: "disk-full",
    service,
    alertname: "NodeFilesystemAlmostFull",
    title: `${instance} disk ${mount} ${used}% full`,
    summary: `${mount} on ${instance} is ${used}% full, ${rng.int(1, 12)}h until full at current rate`,
    description: `Filesystem ${mount} on ${instance} is ${used}% used. Retention did not run since ${rng.pick(["the config change to log.retention.hours", "the cleanup cron was disabled", "the snapshot job hung"])}; writes will fail when it reaches 100%.`,
    severity: used > 97 ? "critical" : "high",
    labels: { instance, mountpoint: mount, device: "/dev/nvme1n1" },
    metric: { name: "system.disk.in_use", query: `100 - node_filesystem_avail_bytes{mountpoint="${mount}"} / node_filesystem_size_bytes * 100 > 90`, value: used, threshold: 90, unit: "percent" },
    aws: { namespace: "CWAgent", metricName: "disk_used_percent", dimensions: [{ name: "InstanceId", value: `i-0${rng.hex(16)}` }, { name: "path", value: mount }], statistic: "Maximum", comparison: "GreaterThanThreshold", threshold: 90, value: used, period: 300 },
    exception: { type: "OSError", value: `[Errno 28] No space left on device: '${mount}/${rng.hex(8)}.tmp'`, culprit: `${service.replace(/-/g, "_")}.storage in write_segment`, platform: "python", level: "fatal" },
    runbook: `${RUNBOOKS}/infrastructure/disk-full`,
  };
};

const vpnDown: StoryMaker = (rng) => {
  const site = rng.pick(["Dublin", "Rotterdam", "Lyon", "Leipzig", "Manchester"]);
  const code = site.slice(0, 3).toLowerCase();
  return {
    kind: "vpn-tunnel-down",
    service: "warehouse-vpn",
    alertname: "IPsecTunnelDown",
    title: `VPN tunnel to ${site} warehouse down`,
    summary: `IPsec tunnel wh-vpn-${code} down: ${site} scanners cannot reach warehouse-gateway`,
    description: `Both IPsec tunnels to the ${site} warehouse (wh-vpn-${code}) report DOWN since ${rng.int(2, 25)} minutes; IKE phase 1 renegotiation fails with NO_PROPOSAL_CHOSEN after the firewall upgrade. Handheld scanners at ${site} queue scans locally.`,
    severity: "critical",
    labels: { site: code, tunnel: `wh-vpn-${code}`, peer: `52.${rng.int(16, 99)}.${rng.int(0, 255)}.${rng.int(1, 254)}` },
    metric: { name: "aws.vpn.tunnel_state", query: `ipsec_tunnel_up{tunnel="wh-vpn-${code}"} < 1`, value: 0, threshold: 1, unit: "up" },
    aws: { namespace: "AWS/VPN", metricName: "TunnelState", dimensions: [{ name: "VpnId", value: `vpn-0${rng.hex(16)}` }], statistic: "Maximum", comparison: "LessThanThreshold", threshold: 1, value: 0, period: 300 },
    exception: { type: "ConnectTimeout", value: `HTTPSConnectionPool(host='wh-gw-${code}.parcelwise.net', port=443): Max retries exceeded (connect timeout=10)`, culprit: "warehouse_gateway.sync in push_scans", platform: "python", level: "error", app: "warehouse-gateway" },
    runbook: `${RUNBOOKS}/network/warehouse-vpn`,
  };
};

const kafkaLag: StoryMaker = (rng) => {
  const [service, group, topic] = rng.pick([
    ["dispatch-service", "dispatch-service.assignments", "parcel.scanned.v2"],
    ["tracking-service", "tracking-service.events", "parcel.scanned.v2"],
    ["ledger-service", "ledger-service.postings", "payments.captured.v1"],
    ["etl-pipeline", "etl.cdc-sink", "cdc.inventory.public"],
  ] as const);
  const lag = rng.int(25_000, 900_000);
  return {
    kind: "kafka-consumer-lag",
    service,
    alertname: "KafkaConsumerGroupLag",
    title: `${service} Kafka consumer lag on ${topic}`,
    summary: `${group} is ${lag.toLocaleString("en-US")} messages behind on ${topic}`,
    description: `Consumer group ${group} lag on ${topic} grew to ${lag.toLocaleString("en-US")} messages over ${rng.int(10, 50)} minutes; ${rng.int(1, 4)} of 12 partitions are not advancing after a rebalance storm (max.poll.interval.ms exceeded).`,
    severity: lag > 300_000 ? "high" : "medium",
    labels: { consumergroup: group, topic },
    metric: { name: "kafka.consumer_lag", query: `sum(kafka_consumergroup_lag{consumergroup="${group}"}) > 20000`, value: lag, threshold: 20_000, unit: "messages" },
    aws: { namespace: "AWS/Kafka", metricName: "SumOffsetLag", dimensions: [{ name: "Cluster Name", value: "parcelwise-prod-msk" }, { name: "Consumer Group", value: group }, { name: "Topic", value: topic }], statistic: "Maximum", comparison: "GreaterThanThreshold", threshold: 20_000, value: lag, period: 60 },
    exception: { type: "CommitFailedException", value: "Commit cannot be completed since the group has already rebalanced and assigned the partitions to another member.", culprit: `com.parcelwise.${service.split("-")[0]}.consumer.PollLoop in commitSync`, platform: "java", level: "error" },
    runbook: `${RUNBOOKS}/messaging/kafka-consumer-lag`,
  };
};

const latency: StoryMaker = (rng) => {
  const [service, endpoint] = rng.pick([
    ["pricing-service", "POST /v2/quotes"],
    ["address-autocomplete", "GET /suggest"],
    ["cart-service", "GET /carts/{id}"],
    ["geo-service", "GET /eta"],
    ["customer-app-api", "GET /parcels/{id}"],
  ] as const);
  const p99 = rng.int(1200, 9000);
  return {
    kind: "latency-p99",
    service,
    alertname: "HighRequestLatencyP99",
    title: `${service} p99 latency above 1s`,
    summary: `${service} ${endpoint} p99 is ${p99}ms`,
    description: `p99 latency of ${endpoint} on ${service} is ${p99}ms (SLO 800ms) for ${rng.int(5, 30)} minutes; the ${rng.pick(["redis-cache hit rate fell to 40%", "search-cluster queries are queueing", "pricing-db is running a full table scan"])}.`,
    severity: p99 > 5000 ? "high" : "medium",
    labels: { endpoint, slo: "p99<800ms" },
    metric: { name: "trace.http.request.duration.by.service.99p", query: `histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{service="${service}"}[5m]))) > 1`, value: p99 / 1000, threshold: 1, unit: "seconds" },
    aws: { namespace: "AWS/ApplicationELB", metricName: "TargetResponseTime", dimensions: [{ name: "LoadBalancer", value: `app/${service}-prod/${rng.hex(16)}` }], statistic: "Average", comparison: "GreaterThanThreshold", threshold: 1, value: p99 / 1000, period: 60 },
    exception: { type: "TimeoutError", value: `Operation timed out after ${p99} ms`, culprit: `${service}/src/clients/upstream.ts in request`, platform: "node", level: "warning" },
    runbook: `${RUNBOOKS}/performance/latency`,
  };
};

const redisEvictions: StoryMaker = (rng) => {
  const used = rng.float(95, 100, 1);
  return {
    kind: "redis-memory-evictions",
    service: "redis-cache",
    alertname: "RedisMemoryHighEvictions",
    title: `redis-cache memory ${used}% with evictions`,
    summary: `redis-cache at ${used}% of maxmemory, evicting ${rng.int(800, 9000)} keys/s`,
    description: `redis-cache is at ${used}% of maxmemory and evicting keys under allkeys-lru; cart-service and auth-service see cache misses and fall through to their databases. A new session-token key pattern without TTL is filling memory.`,
    severity: "high",
    labels: { instance: `redis-cache-${rng.int(0, 2)}`, role: "master" },
    metric: { name: "redis.keys.evicted", query: "rate(redis_evicted_keys_total[5m]) > 100", value: rng.int(800, 9000), threshold: 100, unit: "keys/s" },
    aws: { namespace: "AWS/ElastiCache", metricName: "DatabaseMemoryUsagePercentage", dimensions: [{ name: "CacheClusterId", value: `parcelwise-redis-00${rng.int(1, 3)}` }], statistic: "Maximum", comparison: "GreaterThanThreshold", threshold: 90, value: used, period: 60 },
    exception: { type: "ReplyError", value: "OOM command not allowed when used memory > 'maxmemory'.", culprit: "cart-service/src/cache.ts in set", platform: "node", level: "error", app: "cart-service" },
    runbook: `${RUNBOOKS}/platform/redis-memory`,
  };
};

const smsProvider: StoryMaker = (rng) => {
  const failure = rng.int(12, 70);
  return {
    kind: "sms-provider-errors",
    service: "sms-gateway",
    alertname: "SMSDeliveryFailureRate",
    title: `sms-gateway delivery failures at ${failure}%`,
    summary: `${failure}% of delivery SMS rejected by the provider (error 30003)`,
    description: `${failure}% of "your parcel is arriving" SMS are rejected by the provider with error 30003 (unreachable handset) and HTTP 503 since ${rng.int(5, 40)} minutes; notification-service is retrying and its queue is growing.`,
    severity: failure > 40 ? "high" : "medium",
    labels: { provider: "twilio", channel: "sms" },
    metric: { name: "sms.delivery.failure_ratio", query: 'sum(rate(sms_send_total{result="failed"}[5m])) / sum(rate(sms_send_total[5m])) > 0.1', value: failure / 100, threshold: 0.1, unit: "ratio" },
    aws: { namespace: "AWS/SNS", metricName: "SMSSuccessRate", dimensions: [{ name: "SMSType", value: "Transactional" }], statistic: "Average", comparison: "LessThanThreshold", threshold: 0.9, value: 1 - failure / 100, period: 300 },
    exception: { type: "TwilioRestException", value: "HTTP 503 error: Unable to create record: Service is unavailable. Please try again", culprit: "sms_gateway.providers.twilio in send", platform: "python", level: "error" },
    runbook: `${RUNBOOKS}/notifications/sms-provider`,
  };
};

const etlFailure: StoryMaker = (rng) => {
  const dag = rng.pick(["nightly_shipments_to_dw", "courier_payouts_export", "inventory_snapshot"]);
  return {
    kind: "etl-job-failed",
    service: "etl-pipeline",
    alertname: "AirflowDagRunFailed",
    title: `Airflow DAG ${dag} failed`,
    summary: `${dag} failed at task load_to_snowflake after ${rng.int(2, 4)} retries`,
    description: `DAG ${dag} failed at task load_to_snowflake: warehouse-dw rejected the COPY with "Number of columns in file (41) does not match that of the corresponding table (40)". Morning reports in reporting-api will be empty.`,
    severity: "medium",
    labels: { dag_id: dag, task_id: "load_to_snowflake" },
    metric: { name: "airflow.dagrun.failed", query: `increase(airflow_dagrun_failed_total{dag_id="${dag}"}[1h]) > 0`, value: 1, threshold: 0, unit: "runs" },
    aws: { namespace: "AWS/MWAA", metricName: "TaskInstanceFailures", dimensions: [{ name: "Environment", value: "parcelwise-prod-airflow" }, { name: "DAG", value: dag }], statistic: "Sum", comparison: "GreaterThanThreshold", threshold: 0, value: 1, period: 300 },
    exception: { type: "ProgrammingError", value: "100080 (22000): Number of columns in file (41) does not match that of the corresponding table (40)", culprit: "snowflake.connector.cursor in execute", platform: "python", level: "error" },
    runbook: `${RUNBOOKS}/data/airflow-dag-failed`,
  };
};

const ledgerErrors: StoryMaker = (rng) => {
  const code = `E-LEDGER-${rng.int(100, 499)}`;
  const count = rng.int(40, 2000);
  return {
    kind: "ledger-posting-errors",
    service: "ledger-service",
    alertname: "LedgerPostingErrors",
    title: `ledger-service ${code} posting errors`,
    summary: `${count} postings failed with ${code} (unbalanced journal entry)`,
    description: `${count} postings failed in ${rng.int(5, 20)} minutes with ${code}: debit and credit legs differ by rounding of multi-currency shipments. Failed postings go to the dead-letter topic; payouts-worker will pay couriers short tonight.`,
    severity: "high",
    labels: { error_code: code },
    metric: { name: "ledger.postings.failed", query: `sum(increase(ledger_postings_failed_total{code="${code}"}[10m])) > 20`, value: count, threshold: 20, unit: "postings" },
    aws: { namespace: "Parcelwise/Ledger", metricName: "PostingFailures", dimensions: [{ name: "ErrorCode", value: code }], statistic: "Sum", comparison: "GreaterThanThreshold", threshold: 20, value: count, period: 300 },
    exception: { type: "UnbalancedEntryException", value: `${code}: journal entry ${rng.hex(12)} debits 1204.51 EUR != credits 1204.50 EUR`, culprit: "com.parcelwise.ledger.posting.JournalWriter in post", platform: "java", level: "error" },
    runbook: `${RUNBOOKS}/payments/ledger-errors`,
  };
};

export const FAILURE_STORIES: readonly StoryMaker[] = [
  dbPoolExhaustion,
  replicaLag,
  deploy5xx,
  oomKilled,
  certExpiry,
  queueBacklog,
  diskFull,
  vpnDown,
  kafkaLag,
  latency,
  redisEvictions,
  smsProvider,
  etlFailure,
  ledgerErrors,
];
