/**
 * Generates the TRAINING set (datasets/ml/train.jsonl) from templates + variation, about the Parcelwise
 * services in datasets/catalog/services.json. The held-out set (holdout.jsonl) is written by hand with
 * different phrasings and is never generated or trained on.
 *
 *   npx tsx datasets/ml/generate-training.ts [--count 20000] [--seed 7] [--out datasets/ml/train.jsonl]
 *
 * Severity follows the rubric in datasets/ml/README.md (impact x tier), decided per scenario from its
 * parameters (error %, disk %, days to expiry...), so the model must learn wording and numbers, not ids.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Severity } from "@/lib/severity";
import type { LabelledAlert } from "./example";
import { alnum, byTier, chance, type Ctx, hex, int, type Make, ORDER, pick, rand, type Scenario, seed, type Service, shift } from "./generator-kit";
import { OPS_FAMILIES, INFRA_FAMILIES, capNonProduction, modifyImpact } from "./families-ops";

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const COUNT = arg("count", 20000);
const SEED = arg("seed", 7);

seed(SEED);

const catalog = JSON.parse(readFileSync(path.join(process.cwd(), "datasets/catalog/services.json"), "utf8")) as { services: Service[] };
const services = catalog.services;

const ENVS = [
  ["production", ["prod", "production", "prd"]],
  ["staging", ["staging", "stg"]],
  ["development", ["dev"]],
] as const;
const REGIONS = ["eu-west-1", "eu-central-1", "us-east-1", "us-west-2", "ap-southeast-1"];
const KINDS_DB = new Set(["payments-db", "ledger-db", "pricing-db", "routing-db", "inventory-db", "identity-db"]);
const INFRA = new Set(["kafka", "rabbitmq", "redis-cache", "k8s-cluster", "search-cluster", "warehouse-vpn", "cert-manager", "ci-runners"]);

function misspell(name: string): string {
  const i = int(1, name.length - 2);
  const ops = [
    () => name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2), // transposition
    () => name.slice(0, i) + name.slice(i + 1), // deletion
    () => name.slice(0, i) + name[i] + name.slice(i), // doubling
  ];
  const out = pick(ops)();
  return out.includes("--") ? name : out;
}

/** How the service is written in free text: canonical, alias, spaced, or misspelled. */
function mention(s: Service): string {
  const r = rand();
  if (r < 0.55) return s.name;
  if (r < 0.75 && s.aliases.length) return pick(s.aliases);
  if (r < 0.85) return s.name.replace(/-/g, " ");
  return misspell(s.name);
}

function camel(s: string): string {
  return s
    .split(/[-\s]/)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join("");
}

const errorRate: Make = (s, t, c) => {
  const pct = pick([0.4, 0.8, 1.5, 2.7, 4, 6.5, 9, 12, 18, 27, 35, 48, 64, 91]);
  const sev: Severity = pct >= 25 ? "critical" : pct >= 5 ? "high" : pct >= 1 ? "medium" : "low";
  const code = pick(["500", "502", "503", "504"]);
  const title = pick([`High error rate on ${t}`, `${t} 5xx ratio above threshold`, `Error budget burn: ${t}`, `${t}: elevated ${code}s`, `${t} errors`]);
  const message = pick([
    `${pct}% of requests to ${t} failed with HTTP ${code} over the last 5m (threshold 1%).`,
    `5xx rate is ${pct}% (was 0.1%). Most responses are ${code} from ${t}.`,
    `error ratio ${pct}% for ${c.envText}`,
    `${pct}% errors, status=${code}, ${c.region}`,
  ]);
  return { severity: byTier(sev, s.tier), rule: "HighErrorRate", title, message, entities: { httpStatus: [code] } };
};

const latency: Make = (s, t, c) => {
  const threshold = pick([200, 300, 500, 800]);
  const factor = pick([1.3, 1.8, 2.5, 4, 7, 15]);
  const ms = Math.round(threshold * factor);
  // Rubric: latency over its objective is medium; 3× high; 10× critical.
  const sev: Severity = factor >= 10 ? "critical" : factor >= 3 ? "high" : "medium";
  const title = pick([`High latency on ${t}`, `${t} p99 latency above SLO`, `${t} slow responses`, `Latency SLO burn rate high for ${t}`]);
  const message = pick([
    `p99 latency is ${ms}ms (SLO ${threshold}ms) in ${c.region}.`,
    `p95 ${(ms / 1000).toFixed(2)}s vs ${threshold}ms target over 10m`,
    `Requests to ${t} take ${ms} ms at the 99th percentile; threshold ${threshold} ms. env=${c.envText}`,
  ]);
  return { severity: byTier(sev, s.tier), rule: "HighLatency", title, message, entities: {} };
};

const down: Make = (s, t, c) => {
  const title = pick([`${t} is down`, `${t} unreachable`, `Health check failing for ${t}`, `${t} has no healthy endpoints`, `${t} not responding`]);
  const message = pick([
    `All ${int(2, 12)} replicas of ${t} are failing readiness probes. No healthy upstream in ${c.region}.`,
    `Synthetic check https://status.parcelwise.internal/${s.name} failed from 3/3 locations: connection refused.`,
    `target down for 5m: ${c.host}`,
    `0/${int(3, 9)} pods ready in namespace ${c.namespace}`,
  ]);
  const entities: Record<string, string[]> = {};
  if (message.includes("connection refused")) entities.url = [`https://status.parcelwise.internal/${s.name}`];
  if (message.includes(c.host)) entities.host = [c.host];
  if (message.includes("namespace")) entities.namespace = [c.namespace];
  return { severity: s.tier <= 2 ? "critical" : "high", rule: "ServiceDown", title, message, entities };
};

const crashloop: Make = (s, t, c) => {
  const reason = pick(["CrashLoopBackOff", "OOMKilled"]);
  const restarts = int(3, 60);
  const title = pick([`Pod ${c.pod} ${reason}`, `${t} pods restarting`, `KubePodCrashLooping ${t}`, `${t} container ${reason}`]);
  const message = pick([
    `Pod ${c.namespace}/${c.pod} restarted ${restarts} times in 15m (${reason}).`,
    `container ${s.name} in pod ${c.pod} was ${reason === "OOMKilled" ? "OOMKilled (limit 512Mi)" : "in CrashLoopBackOff"}; restarts=${restarts}`,
    `${reason}: ${c.pod} namespace=${c.namespace}`,
  ]);
  const sev: Severity = restarts > 20 ? "high" : "medium";
  return { severity: byTier(s.tier === 1 ? "high" : sev, s.tier), rule: "PodCrashLooping", title, message, entities: { errorCode: [reason], pod: [c.pod], namespace: [c.namespace] } };
};

const disk: Make = (s, t, c) => {
  const pct = pick([71, 74, 78, 82, 85, 88, 91, 93, 96, 98, 99]);
  const sev: Severity = pct >= 95 ? "critical" : pct >= 90 ? "high" : pct >= 80 ? "medium" : "low";
  const mount = pick(["/var/lib/postgresql", "/data", "/var/log", "/"]);
  const title = pick([`Disk space low on ${c.host}`, `${t} volume ${pct}% full`, `DiskUsageHigh ${t}`, `Filesystem almost full on ${c.host}`]);
  const message = pick([
    `${mount} on ${c.host} is ${pct}% full (${int(2, 40)}GB free).`,
    `disk usage ${pct}% for ${t} data volume, growing ${int(1, 5)}%/h`,
    `Volume used: ${pct}% (${mount}), host=${c.host}`,
  ]);
  return { severity: byTier(sev, s.tier), rule: "DiskSpaceLow", title, message, entities: { host: [c.host] } };
};

const certExpiry: Make = (s, t) => {
  const days = pick([-1, 0, 2, 3, 6, 10, 13, 20, 28, 45]);
  const sev: Severity = days <= 0 ? "critical" : days <= 3 ? "high" : days <= 14 ? "medium" : days <= 30 ? "low" : "info";
  const domain = `${s.name}.parcelwise.com`;
  const title = days <= 0 ? pick([`TLS certificate expired for ${domain}`, `${t}: x509 certificate has expired`]) : pick([`Certificate for ${domain} expires in ${days} days`, `TLS cert expiring soon: ${t}`, `${t} cert renewal due`]);
  const message = days <= 0 ? `Clients fail the TLS handshake: certificate has expired (CERT_HAS_EXPIRED) for ${domain}.` : pick([`The certificate for ${domain} expires in ${days} days; cert-manager renewal has not succeeded yet.`, `${days}d until expiry (${domain})`]);
  return { severity: sev, rule: "CertExpiry", title, message, entities: days <= 0 ? { errorCode: ["CERT_HAS_EXPIRED"] } : ({} as Record<string, string[]>) };
};

const dbDeadlock: Make = (s, t) => {
  const variants = [
    { code: "ORA-00060", text: "ORA-00060: deadlock detected while waiting for resource", sev: "high" as Severity },
    { code: "SQLSTATE 40P01", text: "ERROR: deadlock detected (SQLSTATE 40P01)", sev: "high" as Severity },
    { code: "SQLSTATE 53300", text: "FATAL: sorry, too many clients already (SQLSTATE 53300)", sev: "critical" as Severity },
    { code: "SQLSTATE 40001", text: "could not serialize access due to concurrent update (SQLSTATE 40001)", sev: "medium" as Severity },
    { code: "MySQL 1213", text: "ERROR 1213 (40001): Deadlock found when trying to get lock; try restarting transaction", sev: "high" as Severity },
    { code: "SQLSTATE 57014", text: "canceling statement due to statement timeout (SQLSTATE 57014)", sev: "medium" as Severity },
  ];
  const v = pick(variants);
  const count = int(3, 400);
  const title = pick([`${t}: ${v.text.split(":")[0]} errors`, `Database errors on ${t}`, `${v.code} spike in ${t}`, `${t} ${v.text.slice(0, 40)}`]);
  const message = pick([`${count} occurrences in 10m: ${v.text}`, `${v.text}. Affected queries from ${t}.`, `${v.text}`]);
  return { severity: byTier(v.sev, s.tier), rule: "DatabaseErrors", title, message, entities: { errorCode: [v.code] } };
};

const connRefused: Make = (s, t) => {
  const dep = services.find((d) => s.dependsOn.includes(d.name)) ?? pick(services);
  const code = pick(["ECONNREFUSED", "ETIMEDOUT", "ECONNRESET", "EAI_AGAIN", "UNAVAILABLE", "DEADLINE_EXCEEDED"]);
  const port = pick([5432, 6379, 9092, 8080, 443, 5672]);
  const ip = `10.${int(0, 40)}.${int(0, 255)}.${int(1, 254)}`;
  const title = pick([`${t}: cannot reach ${dep.name}`, `${t} upstream errors`, `Error: connect ${code} ${ip}:${port}`, `${t} dependency failures (${code})`]);
  const message = pick([
    `connect ${code} ${ip}:${port} while calling ${dep.name}`,
    `rpc error: code = ${code === "UNAVAILABLE" ? "Unavailable" : code === "DEADLINE_EXCEEDED" ? "DeadlineExceeded" : "Unavailable"} desc = connection error to ${dep.name}`,
    `${int(20, 900)} failed calls from ${t} to ${dep.name} (${code}) in the last 5 minutes`,
  ]);
  const entities: Record<string, string[]> = {};
  const m = `${title} ${message}`;
  if (m.includes(ip)) entities.ip = [ip];
  entities.errorCode = [m.includes(code) ? code : message.includes("DeadlineExceeded") ? "DEADLINE_EXCEEDED" : "UNAVAILABLE"];
  return { severity: byTier(s.tier === 1 ? "high" : "medium", s.tier), rule: "UpstreamErrors", title, message, entities };
};

const consumerLag: Make = (s, t) => {
  const lag = pick([500, 4_000, 25_000, 180_000, 1_200_000]);
  const sev: Severity = lag >= 1_000_000 ? "critical" : lag >= 100_000 ? "high" : lag >= 10_000 ? "medium" : "low";
  const topic = pick(["parcel-events", "payment-events", "scan-events", "route-updates", "notifications.outbound"]);
  const title = pick([`Consumer lag high for ${t}`, `${t} falling behind on ${topic}`, `KafkaConsumerLag ${t}`, `Queue backlog growing: ${t}`]);
  const message = pick([`consumer group ${s.name} lag is ${lag.toLocaleString("en-US")} messages on topic ${topic}`, `${lag} messages behind on ${topic}, growing`, `Backlog ${lag} msgs (queue ${topic})`]);
  const entities: Record<string, string[]> = {};
  if (/topic/.test(message)) entities.topic = [topic];
  if (/queue /.test(message)) entities.queue = [topic];
  if (/consumer group/.test(message)) entities.consumerGroup = [s.name];
  return { severity: byTier(sev, s.tier), rule: "ConsumerLag", title, message, entities };
};

const appError: Make = (s, t) => {
  const prefix = s.name.split("-")[0].toUpperCase();
  const code = `E-${prefix}-${pick([400, 404, 409, 422, 500, 503])}`;
  const exc = pick(["ConflictError", "TimeoutError", "ValidationError", "NullPointerException", "KeyError", "IntegrityError"]);
  const users = int(1, 2000);
  const sev: Severity = users > 500 ? "high" : users > 20 ? "medium" : "low";
  const title = pick([`${exc}: ${code} in ${t}`, `${exc}: ${code}`, `${code} raised by ${t}`, `Unhandled ${exc} in ${t}`]);
  const message = pick([`${exc} (${code}) affected ${users} users in the last hour`, `First seen 12m ago. ${users} events. ${code}`, `${code}: ${exc.replace("Error", " error").toLowerCase()} at handler.process (${s.name}/src/handler.ts:${int(10, 400)})`]);
  return { severity: byTier(sev, s.tier), rule: "AppError", title, message, entities: /E-/.test(title + message) ? { errorCode: [code] } : ({} as Record<string, string[]>) };
};

const resources: Make = (s, t, c) => {
  const what = pick(["CPU", "memory", "heap"]);
  const pct = pick([72, 81, 88, 93, 97]);
  // The storage steps: saturation at 90% is serious, at 80% worth handling this shift.
  const sev: Severity = pct >= 90 ? "high" : pct >= 80 ? "medium" : "low";
  const title = pick([`High ${what} usage on ${t}`, `${t} ${what} above ${pct - 2}%`, `${what} saturation ${c.host}`]);
  const message = pick([`${what} at ${pct}% on ${c.host} for 15m`, `${t}: ${what} utilisation ${pct}% (limit 2 cores / 4Gi)`, `${pct}% ${what} used`]);
  return { severity: byTier(sev, s.tier), rule: "ResourceHigh", title, message, entities: message.includes(c.host) || title.includes(c.host) ? { host: [c.host] } : ({} as Record<string, string[]>) };
};

const rateLimited: Make = (s, t) => {
  const provider = pick(["Stripe", "Twilio", "SendGrid", "Google Maps API", "Adyen"]);
  const pct = pick([2, 8, 20, 45]);
  const sev: Severity = pct >= 20 ? "high" : "medium";
  const title = pick([`${t} rate limited by ${provider}`, `HTTP 429 from ${provider} (${t})`, `${t}: Too Many Requests`]);
  const message = pick([`${pct}% of calls to ${provider} answered 429 Too Many Requests`, `${provider} throttling ${t}: status=429, retry-after 30s`]);
  return { severity: byTier(sev, s.tier), rule: "RateLimited", title, message, entities: { httpStatus: ["429"] } };
};

const jobFailed: Make = (s, t) => {
  const job = pick(["nightly_shipments_load", "payout_batch", "inventory_reconcile", "daily_revenue_report", "route_precompute", "search_reindex"]);
  const attempt = int(1, 4);
  const sev: Severity = attempt >= 3 ? "medium" : "low";
  const title = pick([`Job ${job} failed`, `${t}: ${job} failed (attempt ${attempt}/4)`, `Scheduled task ${job} did not complete`]);
  const message = pick([`Task ${job} of ${t} exited with code ${int(1, 137)} after ${int(2, 80)} minutes; attempt ${attempt} of 4.`, `flaky: ${job} failed, will retry`, `${job} failed: timeout waiting for upstream`]);
  return { severity: byTier(sev, s.tier), rule: "JobFailed", title, message, entities: {} };
};

const infoEvent: Make = (s, t, c) => {
  const version = `v${int(1, 9)}.${int(0, 40)}.${int(0, 20)}`;
  const title = pick([
    `Deployment of ${t} ${version} completed`,
    `${t} scaled from ${int(2, 6)} to ${int(7, 12)} replicas`,
    `Scheduled maintenance window for ${t} starts at 02:00 UTC`,
    `Backup of ${t} completed successfully`,
    `[Recovered] ${t} latency back to normal`,
    `Test alert for ${t}, please ignore`,
  ]);
  const message = pick([`Rolled out ${version} to ${c.envText} by ci-runners.`, `Autoscaler event in ${c.region}.`, `No action needed.`, `FYI`, ``]);
  return { severity: "info", rule: "Info", title, message, entities: {} };
};

const replication: Make = (s, t, c) => {
  const secs = pick([4, 12, 45, 180, 900, 3600]);
  const sev: Severity = secs >= 900 ? "critical" : secs >= 120 ? "high" : secs >= 30 ? "medium" : "low";
  const title = pick([`Replication lag on ${t}`, `${t} replica behind primary`, `PostgresReplicationLag ${t}`]);
  const message = pick([`replica ${c.host} is ${secs}s behind the primary`, `replication lag ${secs} seconds (threshold 30s)`]);
  return { severity: byTier(sev, s.tier), rule: "ReplicationLag", title, message, entities: message.includes(c.host) ? { host: [c.host] } : ({} as Record<string, string[]>) };
};


// --- More alert families (rubric-driven; see README). Phrasings vary on purpose.

const businessDrop: Make = (s, t) => {
  const metric = pick(["orders per minute", "successful charges", "scans per minute", "delivered notifications", "tracking page views", "completed checkouts", "route plans written"]);
  const drop = pick([6, 12, 18, 25, 35, 50, 70, 95]);
  const sev: Severity = drop >= 30 ? "critical" : drop >= 10 ? "high" : "medium";
  const title = pick([`${metric} dropped ${drop}%`, `Anomaly: ${t} ${metric} down ${drop}%`, `${t}: ${metric} below forecast`, `Drop in ${metric} (${t})`]);
  const message = pick([
    `${metric} on ${t} is ${drop}% below the same time last week.`,
    `${metric} fell ${drop}% in 15 minutes; no deploy in the last hour.`,
    `Forecast deviation -${drop}% for ${metric}. Source: ${t}.`,
  ]);
  return { severity: byTier(sev, s.tier), rule: "BusinessMetricDrop", title, message, entities: {} };
};

const successRate: Make = (s, t) => {
  const normal = pick([97, 98, 99.5]);
  const now = pick([96, 93, 88, 80, 71, 55, 20]);
  const gap = normal - now;
  const sev: Severity = gap >= 20 ? "critical" : gap >= 5 ? "high" : gap >= 1.5 ? "medium" : "low";
  const what = pick(["success rate", "login success", "charge success rate", "delivery success", "sync success"]);
  const title = pick([`${t}: ${what} below ${Math.floor(now / 10) * 10 + 10}%`, `${what} degraded on ${t}`, `Low ${what} for ${t}`]);
  const message = pick([`${what} ${now}% over 5 min (normal ${normal}%).`, `${what} is ${now}% vs ${normal}% baseline`, `${now}% ${what}; expected ≥ ${normal}%`]);
  return { severity: byTier(sev, s.tier), rule: "SuccessRateLow", title, message, entities: {} };
};

const noData: Make = (s, t) => {
  const mins = pick([10, 20, 45, 90]);
  const title = pick([`No data from ${t}`, `${t} stopped reporting`, `Heartbeat missing: ${t}`, `[No Data] ${t} metrics`]);
  const message = pick([`No metrics received from ${t} for ${mins} minutes.`, `${t} has not sent a heartbeat for ${mins}m; the agent or the service may be down.`, `no datapoints for ${Math.round(mins / 5)} periods`]);
  return { severity: byTier(s.tier === 1 ? "high" : "medium", s.tier), rule: "NoData", title, message, entities: {} };
};

const probe: Make = (s, t) => {
  const total = pick([3, 4, 5]);
  const failed = pick([1, 2, total, total]);
  const code = pick(["502", "503", "504", "timeout"]);
  const sev: Severity = failed === total ? "critical" : failed >= 2 ? "high" : "medium";
  const title = pick([`Synthetic check failing: ${t}`, `Probe failed for ${t}`, `${t} health check failing from ${failed}/${total} locations`, `Uptime check ${t} DOWN`]);
  const message = code === "timeout" ? `${failed}/${total} probe locations time out on /healthz` : `${failed}/${total} locations get HTTP ${code} from https://${s.name}.parcelwise.com/healthz`;
  const entities: Record<string, string[]> = code === "timeout" ? {} : { httpStatus: [code], url: [`https://${s.name}.parcelwise.com/healthz`] };
  return { severity: byTier(sev, s.tier), rule: "ProbeFailed", title, message, entities };
};

const replicasMismatch: Make = (s, t, c) => {
  const want = pick([3, 4, 6, 8, 12]);
  const have = pick([0, 1, Math.floor(want / 2), want - 1]);
  const sev: Severity = have === 0 ? "critical" : have / want < 0.5 ? "high" : "medium";
  const title = pick([`KubeDeploymentReplicasMismatch ${t}`, `${t} replicas unavailable`, `Deployment ${c.namespace}/${s.name} degraded`, `${t}: only ${have}/${want} pods ready`]);
  const message = pick([`Deployment ${c.namespace}/${s.name} has ${have}/${want} replicas available for 15 minutes.`, `${have} of ${want} pods ready`, `${have}/${want} ready, ${want - have} pods Pending (Insufficient cpu)`]);
  return { severity: byTier(sev, s.tier), rule: "ReplicasMismatch", title, message, entities: message.includes(c.namespace) || title.includes(c.namespace) ? { namespace: [c.namespace] } : ({} as Record<string, string[]>) };
};

const nodeProblem: Make = (s, t, c) => {
  const cond = pick(["NotReady", "DiskPressure", "MemoryPressure", "PIDPressure"]);
  const title = pick([`KubeNode${cond === "NotReady" ? "NotReady" : cond}`, `Node ${c.host} ${cond}`, `Kubernetes node ${cond}`]);
  const message = pick([`${c.host} has been ${cond} for more than 15 minutes.`, `node ${c.host} condition ${cond}=True; pods being evicted`, `${cond} on ${c.host}`]);
  return { severity: cond === "NotReady" ? "high" : "medium", rule: "NodeProblem", title, message, entities: { host: [c.host] } };
};

const stuckQueue: Make = (s, t) => {
  const q = `${s.name.split("-")[0]}.${pick(["jobs", "events", "tasks", "outbound"])}`;
  const n = pick([120, 900, 4_000, 18_000, 95_000]);
  const consumers = pick([0, 0, 1, 4]);
  const dlq = chance(0.3);
  // A handful of dead letters is slow-burning; thousands mean something is broken.
  const sev: Severity = dlq ? (n >= 1000 ? "medium" : "low") : consumers === 0 ? "high" : n >= 50_000 ? "high" : n >= 5_000 ? "medium" : "low";
  const title = dlq ? pick([`DLQ not empty: ${q}.dlq`, `${t} dead letters`]) : pick([`Queue ${q} backing up`, `${t} queue depth high`, `RabbitmqQueueMessagesReady ${q}`]);
  const message = dlq ? `${n} messages in dead-letter queue ${q}.dlq` : `queue ${q} has ${n.toLocaleString("en-US")} ready messages and ${consumers} consumers; oldest ${int(2, 90)} min`;
  return { severity: byTier(sev, s.tier), rule: "QueueBacklog", title, message, entities: { queue: [dlq ? `${q}.dlq` : q] } };
};

const quota: Make = (s, t) => {
  const what = pick(["API quota", "credits", "rate limit", "concurrency limit", "Lambda throttles", "CPU quota"]);
  const exhausted = chance(0.5);
  const title = exhausted ? pick([`${what} exhausted for ${t}`, `${t}: ${what} exceeded`]) : pick([`${t} at ${int(80, 95)}% of ${what}`, `${what} nearly used up (${t})`]);
  const message = exhausted ? pick([`${t} requests are rejected until the quota resets.`, `throttled: ${int(20, 400)} calls rejected in 5 min`]) : `usage ${int(80, 95)}% of ${what}; resets in ${int(2, 20)} days`;
  return { severity: byTier(exhausted ? "high" : "low", s.tier), rule: "Quota", title, message, entities: {} };
};

const dataWrong: Make = (s, t) => {
  const money = chance(0.3);
  const pct = pick([0.5, 2, 3, 8, 15]);
  const title = money ? pick([`Customers charged twice`, `${t}: duplicate charges`, `Ledger mismatch found by reconciliation`]) : pick([`${t} returning wrong results`, `Stale data in ${t}`, `${t} data not updating`]);
  const message = money
    ? pick([`${int(3, 60)} confirmed duplicate charges since the ${int(8, 16)}:${pick(["05", "20", "40"])} deploy`, `reconciliation found ${int(2, 40)} mismatches totalling EUR ${int(100, 9000)}`])
    : pick([`about ${pct}% of responses wrong since the last deploy`, `data is ${int(20, 300)} minutes stale`, `not updating since ${int(6, 11)}:${pick(["00", "14", "40"])}`]);
  const sev: Severity = money ? (message.includes("duplicate") ? "critical" : "medium") : message.includes("%") && pct >= 8 ? "high" : "medium";
  return { severity: byTier(sev, s.tier), rule: "DataIncorrect", title, message, entities: {} };
};

const mobileCrash: Make = (s, t) => {
  const pct = pick([0.3, 0.8, 1.5, 3, 6]);
  const sev: Severity = pct >= 2 ? "high" : pct >= 1 ? "medium" : "low";
  const title = pick([`${t} crash rate ${pct}%`, `Crash-free sessions dropped (${t})`, `App crashes after release (${t})`]);
  const message = `Crash rate ${pct}% of sessions on version ${int(3, 5)}.${int(0, 20)}.${int(0, 9)} (${pick(["Android 14", "iOS 18", "all platforms"])})`;
  return { severity: sev, rule: "AppCrashes", title, message, entities: {} };
};

const gc: Make = (s, t, c) => {
  const heap = pick([78, 86, 92, 97]);
  const pause = pick([0.2, 0.8, 2.5, 6]);
  const sev: Severity = heap >= 95 || pause >= 5 ? "high" : heap >= 85 ? "medium" : "low";
  const title = pick([`JVM heap high on ${t}`, `${t} long GC pauses`, `OutOfMemory risk ${t}`]);
  const message = `heap ${heap}% used, GC pause p99 ${pause}s on ${c.host}`;
  return { severity: byTier(sev, s.tier), rule: "JvmHeap", title, message, entities: { host: [c.host] } };
};

const notice: Make = (s, t) => {
  // Notices whose words sound alarming but need no action.
  const title = pick([
    `Weekly error budget report for ${t}`,
    `Critical-path latency report ready (${t})`,
    `High availability failover test passed for ${t}`,
    `Disaster recovery drill completed: ${t}`,
    `${t} upgrade to ${int(10, 17)}.${int(0, 9)} finished`,
    `Planned maintenance: ${t} ${pick(["Sunday 02:00 UTC", "tonight 01:00-02:00 UTC", "on Tuesday"])}`,
    `Backup of ${t} succeeded`,
    `FYI: ${t} rolling restart scheduled`,
    `Low-priority: ${t} dashboard renamed`,
    `Alert rule for ${t} updated`,
    `${t} autoscaled to ${int(4, 20)} replicas`,
    `Test notification from ${t} (please ignore)`,
  ]);
  const message = pick([``, `No action needed.`, `For information only.`, `All checks passed; no errors observed.`, `Report attached.`, `Expect brief blips.`]);
  return { severity: "info", rule: "Notice", title, message, entities: {} };
};

const authFailures: Make = (s, t) => {
  const pct = pick([0.7, 2, 6, 14, 38, 100]);
  const sev: Severity = pct >= 25 ? "critical" : pct >= 5 ? "high" : pct >= 1 ? "medium" : "low";
  const what = pick(["login failures", "token validation errors", "SAML assertion errors", "401 responses", "sign-in errors"]);
  const title = pick([`${t}: ${what}`, `Elevated ${what} on ${t}`, `${what} ${pct}%`]);
  const message = pick([`${pct}% of attempts fail in the last 10 minutes`, `${what} for ${pct}% of users since the key rotation`, `${pct}% of sign-ins rejected`]);
  return { severity: byTier(sev, s.tier), rule: "AuthFailures", title, message, entities: /401/.test(title + message) ? { httpStatus: ["401"] } : ({} as Record<string, string[]>) };
};

const lateJob: Make = (s, t) => {
  const hours = pick([0.5, 1, 3, 6]);
  const blocks = chance(0.4);
  const title = pick([`${t} batch late`, `Nightly run of ${t} has not finished`, `${t} job delayed`, `SLA risk: ${t} batch`]);
  const message = blocks
    ? `${t} is ${hours}h late; downstream deliveries start at 06:00 and will be blocked if it does not finish.`
    : `finished ${hours}h later than usual; no downstream impact`;
  return { severity: byTier(blocks ? (hours >= 3 ? "critical" : "high") : hours >= 3 ? "medium" : "low", s.tier), rule: "JobLate", title, message, entities: {} };
};

const dependencyOutage: Make = (s, t) => {
  const provider = pick(["Stripe", "Adyen", "Twilio", "SendGrid", "Google Maps", "Okta", "AWS S3", "Snowflake", "APNs", "FCM"]);
  const pct = pick([3, 15, 40, 100]);
  const sev: Severity = pct >= 40 ? "critical" : pct >= 10 ? "high" : "medium";
  const title = pick([`${provider} degraded: ${t} affected`, `${t}: calls to ${provider} failing`, `Third-party outage (${provider})`, `${provider} errors from ${t}`]);
  const message = pick([`${pct}% of requests from ${t} to ${provider} fail (status page: investigating).`, `${provider} returns 5xx for ${pct}% of calls; retries exhausted`, `${pct}% failures talking to ${provider}`]);
  return { severity: byTier(sev, s.tier), rule: "ProviderErrors", title, message, entities: {} };
};

const poolExhausted: Make = (s, t) => {
  const what = pick(["connection pool", "thread pool", "worker pool", "DB pool"]);
  const waiting = pick([4, 40, 300, 2000]);
  const sev: Severity = waiting >= 300 ? "critical" : waiting >= 40 ? "high" : "medium";
  const title = pick([`${t} ${what} exhausted`, `${what} saturation on ${t}`, `${t}: requests waiting for ${what}`]);
  const message = pick([`${waiting} requests waiting for a connection; pool max 50 in use`, `${what} 50/50 busy, ${waiting} queued, timeouts rising`, `HikariPool-1 - Connection is not available, request timed out after 30000ms (${waiting} waiting)`]);
  return { severity: byTier(sev, s.tier), rule: "PoolExhausted", title, message, entities: {} };
};

const dnsFailures: Make = (s, t) => {
  const code = pick(["ENOTFOUND", "EAI_AGAIN"]);
  const pct = pick([1, 5, 30]);
  const sev: Severity = pct >= 25 ? "critical" : pct >= 5 ? "high" : "medium";
  const title = pick([`DNS resolution failures in ${t}`, `${t}: getaddrinfo ${code}`, `CoreDNS errors affecting ${t}`]);
  const message = `${pct}% of lookups fail with ${code} (${pick(["payments-api.internal", "redis.platform.svc", "maps.googleapis.com"])})`;
  return { severity: byTier(sev, s.tier), rule: "DnsFailures", title, message, entities: { errorCode: [code] } };
};

const clusterHealth: Make = (s, t) => {
  const color = pick(["yellow", "red", "yellow"]);
  const title = pick([`${t} cluster health ${color.toUpperCase()}`, `Cluster status ${color} on ${t}`, `${t}: unassigned shards`]);
  const message = color === "red" ? `${int(1, 30)} primary shards unassigned; some indices unavailable` : `${int(1, 40)} replica shards unassigned after node restart; all primaries allocated`;
  return { severity: byTier(color === "red" ? "critical" : "medium", s.tier), rule: "ClusterHealth", title, message, entities: {} };
};

const brokerProblem: Make = (s, t, c) => {
  const kind = pick(["under-replicated partitions", "offline partitions", "ISR shrinking", "broker down", "controller election"]);
  const sev: Severity = kind === "offline partitions" ? "critical" : kind === "controller election" ? "low" : "high";
  const title = pick([`Kafka ${kind}`, `${t}: ${kind}`, `${kind} on ${c.host}`]);
  const message = `${kind}: ${int(1, 60)} partitions affected on ${c.host}`;
  return { severity: sev, rule: "BrokerProblem", title, message, entities: { host: [c.host] } };
};

const backupFailed: Make = (s, t) => {
  const missed = pick([1, 2, 3]);
  const title = pick([`Backup failed: ${t}`, `${t} snapshot did not complete`, `Nightly backup of ${t} missing`]);
  const message = `${missed} consecutive backup${missed > 1 ? "s" : ""} failed (last good backup ${missed * 24}h ago)`;
  return { severity: missed >= 2 ? "high" : "medium", rule: "BackupFailed", title, message, entities: {} };
};

const tlsHandshake: Make = (s, t) => {
  const code = pick(["ERR_TLS_CERT_ALTNAME_INVALID", "CERT_HAS_EXPIRED", "UNABLE_TO_VERIFY_LEAF_SIGNATURE"]);
  const pct = pick([2, 20, 100]);
  const sev: Severity = pct >= 50 ? "critical" : pct >= 10 ? "high" : "medium";
  const title = pick([`TLS handshake failures on ${t}`, `${t}: certificate errors (${code})`, `x509 errors calling ${t}`]);
  const message = `${pct}% of connections to ${t} fail the TLS handshake with ${code}`;
  return { severity: byTier(sev, s.tier), rule: "TlsErrors", title, message, entities: { errorCode: [code] } };
};

const errors4xx: Make = (s, t) => {
  const code = pick(["400", "401", "403", "404", "409", "422"]);
  const pct = pick([2, 6, 15, 40]);
  const sev: Severity = pct >= 30 ? "high" : pct >= 5 ? "medium" : "low";
  const title = pick([`Elevated ${code}s on ${t}`, `${t} 4xx ratio high`, `Client errors (${code}) on ${t}`]);
  const message = `${pct}% of responses are HTTP ${code}; clients may be sending bad requests after their release`;
  return { severity: byTier(sev, s.tier), rule: "ClientErrors", title, message, entities: { httpStatus: [code] } };
};

const securitySignal: Make = (s, t) => {
  const what = pick(["failed logins from one IP range", "unusual admin API calls", "token reuse detected", "WAF blocked requests spike"]);
  const n = pick([50, 800, 12000]);
  const title = pick([`Security: ${what} on ${t}`, `${t} ${what}`, `Possible credential stuffing against ${t}`]);
  const message = `${n} events in 10 minutes (${what})`;
  return { severity: n >= 10000 ? "high" : n >= 500 ? "medium" : "low", rule: "Security", title, message, entities: {} };
};

const siteLink: Make = (s, t) => {
  const site = pick(["HAM-1", "LEJ-1", "DUS-2", "MUC-3", "LYS-2", "AMS-1"]);
  const down = chance(0.6);
  const title = down ? pick([`Site ${site} offline`, `VPN tunnel down ${site}`, `${site}: no connectivity to ${t}`]) : pick([`Packet loss to ${site}`, `${site} link degraded`]);
  const message = down ? `Site ${site} lost its connection; scanners and printers there run offline.` : `${pick([2, 5, 12])}% packet loss on the ${site} tunnel; latency ${int(80, 400)}ms`;
  return { severity: down ? "critical" : "medium", rule: "SiteLink", title, message, entities: {} };
};

const clockSkew: Make = (s, t, c) => {
  const secs = pick([0.5, 2, 30]);
  const title = pick([`Clock skew on ${c.host}`, `NTP drift ${t}`]);
  const message = `clock offset ${secs}s on ${c.host}; token validation may fail above 5s`;
  return { severity: secs >= 5 ? "high" : secs >= 1 ? "medium" : "low", rule: "ClockSkew", title, message, entities: { host: [c.host] } };
};

const configError: Make = (s, t) => {
  const rolledBack = chance(0.5);
  const title = pick([`${t} deploy failed`, `Rollout of ${t} stuck`, `${t}: invalid configuration after deploy`]);
  const message = rolledBack ? `automatic rollback succeeded; previous version serving` : `new pods fail to start: missing env var ${pick(["DATABASE_URL", "KAFKA_BROKERS", "REDIS_URL"])}; old replicas still serving`;
  return { severity: rolledBack ? "low" : "medium", rule: "DeployFailed", title, message, entities: {} };
};

const COMMON: Make[] = [
  errorRate, latency, down, crashloop, certExpiry, connRefused, appError, resources, rateLimited, infoEvent, jobFailed,
  businessDrop, successRate, noData, probe, replicasMismatch, stuckQueue, quota, dataWrong, notice, notice, authFailures, lateJob, gc,
  dependencyOutage, poolExhausted, dnsFailures, tlsHandshake, errors4xx, securitySignal, configError, backupFailed,
];
function scenariosFor(s: Service): Make[] {
  if (KINDS_DB.has(s.name)) return [dbDeadlock, dbDeadlock, disk, disk, replication, replication, down, connRefused, resources, infoEvent, notice, noData, quota, backupFailed, backupFailed, poolExhausted, ...INFRA_FAMILIES];
  if (INFRA.has(s.name)) return [...INFRA_FAMILIES, down, disk, resources, consumerLag, consumerLag, crashloop, certExpiry, infoEvent, connRefused, jobFailed, nodeProblem, nodeProblem, stuckQueue, replicasMismatch, notice, gc, quota, probe, clusterHealth, brokerProblem, dnsFailures, clockSkew, backupFailed, poolExhausted];
  if (s.team === "mobile") return [...COMMON, ...OPS_FAMILIES, mobileCrash, mobileCrash];
  if (s.team === "warehouse") return [...COMMON, ...OPS_FAMILIES, siteLink, siteLink, consumerLag];
  if (s.team === "identity") return [...COMMON, ...OPS_FAMILIES, securitySignal, authFailures, clockSkew];
  return [...COMMON, ...OPS_FAMILIES, consumerLag, dbDeadlock];
}

/** How each monitoring platform would present the same scenario. */
function render(source: string, s: Service, sc: Scenario, c: Ctx, svcText: string, withLabels: boolean) {
  const labels: Record<string, string> = {};
  let title = sc.title;
  let message = sc.message;
  switch (source) {
    case "alertmanager":
      title = chance(0.5) ? `${camel(svcText.replace(/[^a-zA-Z -]/g, ""))}${sc.rule}` : sc.title;
      if (withLabels) {
        labels.alertname = `${sc.rule}`;
        labels.service = s.name;
        labels.namespace = c.namespace;
        if (chance(0.6)) labels.instance = `${c.host}:9100`;
        if (chance(0.5)) labels.env = c.envText;
      }
      message = chance(0.5) ? `${sc.message}` : `summary: ${sc.title}. description: ${sc.message}`;
      break;
    case "datadog":
      // Datadog's [Warn] is the warning threshold: used for the less urgent levels.
      title = `[${sc.severity === "low" ? "Warn" : sc.severity === "medium" ? pick(["Warn", "Warn", "Triggered"]) : pick(["Triggered", "Alert"])}] ${sc.title}${chance(0.5) ? ` on ${c.envText}` : ""}`;
      if (withLabels) {
        labels.service = s.name;
        labels.env = c.envText;
        if (chance(0.5)) labels.region = c.region;
        if (chance(0.3)) labels.host = c.host;
      }
      message = `${sc.message}${chance(0.4) ? `\n\n@slack-${s.team}-alerts` : ""}`;
      break;
    case "sentry":
      if (withLabels) {
        labels.project = s.name;
        labels.environment = c.env;
      }
      break;
    case "grafana":
      title = `[FIRING:${int(1, 4)}] ${sc.title}`;
      if (withLabels) {
        labels.alertname = sc.rule;
        labels.service_name = s.name;
        if (chance(0.5)) labels.cluster = `eks-${c.region.split("-").slice(0, 2).join("-")}-prod`;
      }
      break;
    case "cloudwatch":
      title = `${s.name}-${sc.rule.replace(/([a-z])([A-Z])/g, "$1-$2").toLowerCase()}`;
      message = `ALARM: "${title}" in ${c.region}. ${sc.message}`;
      labels.alarm_name = title;
      labels.region = c.region;
      break;
    case "pagerduty":
      title = `${sc.title}`;
      if (withLabels) labels.service = s.name;
      break;
    default: // generic: terse free text, often from scripts
      title = chance(0.5) ? sc.title.toLowerCase() : sc.title;
      message = chance(0.5) ? sc.message : "";
  }
  if (sc.verbatim) {
    title = sc.title;
    message = sc.message;
    if (labels.alarm_name) labels.alarm_name = sc.title;
  }
  return { title, message, labels };
}

const IMPACT_BLOCKING = [
  "Customers cannot complete payment.",
  "customers cannot pay",
  "Drivers are unable to scan parcels.",
  "users cannot log in",
  "Checkout is blocked for all customers.",
  "Tracking pages show errors to everyone.",
  "Depots cannot dispatch; parcels are piling up.",
  "Customer impact: orders failing.",
  "all customers affected",
];
const IMPACT_NONE = ["No customer impact.", "no user impact so far", "Internal only, customers unaffected.", "Impact: none observed.", "Retries succeed; no visible impact."];

// People describe the same failure with different words; swapping some teaches the model the family,
// not one template's vocabulary.
const SYNONYMS: [RegExp, string[]][] = [
  [/\berrors\b/g, ["failures", "errors", "exceptions", "faults"]],
  [/\bfailing\b/g, ["failing", "erroring", "broken", "not working"]],
  [/\bdown\b/g, ["down", "unavailable", "offline", "dead"]],
  [/\bhigh\b/gi, ["high", "elevated", "increased", "spiking"]],
  [/\bslow\b/g, ["slow", "sluggish", "laggy"]],
  [/\bcompleted\b/g, ["completed", "finished", "done", "succeeded"]],
  [/\brequests\b/g, ["requests", "calls", "API calls"]],
  [/\bin the last (\d+) ?m(?:in(?:utes)?)?\b/g, ["over the last $1 min", "in $1m", "for $1 minutes"]],
];
function paraphrase(text: string): string {
  let out = text;
  for (const [re, options] of SYNONYMS) if (chance(0.5)) out = out.replace(re, () => pick(options));
  return out;
}

const SOURCES = ["alertmanager", "datadog", "sentry", "grafana", "cloudwatch", "pagerduty", "generic"];

function ctxFor(s: Service): Ctx {
  const [env, variants] = chance(0.85) ? ENVS[0] : pick(ENVS.slice(1));
  const envText = pick(variants);
  const region = pick(REGIONS);
  const short = s.name.replace(/-(service|api|worker|web|db|gateway|cluster)$/, "");
  const host = chance(0.5) ? `${short}-${pick(["01", "02", "03", "12"])}` : `ip-10-${int(0, 40)}-${int(0, 255)}-${int(1, 254)}.${region}.compute.internal`;
  return { env, envText, region, host, pod: `${s.name}-${hex(int(8, 10))}-${alnum(5)}`, namespace: s.team, };
}

const out: LabelledAlert[] = [];
for (let i = 0; i < COUNT; i++) {
  const s = pick(services);
  const c = ctxFor(s);
  const svcText = mention(s);
  const sc = pick(scenariosFor(s))(s, svcText, c);
  // Rubric: problems outside production are never above medium; the environment is then always visible
  // in the alert.
  if (c.env !== "production" && sc.severity !== "info") {
    sc.severity = capNonProduction(sc.severity);
    if (!sc.message.includes(c.envText)) sc.message = `${sc.message} (${c.envText})`.trim();
  }
  // Stated impact decides as much as the metric (rubric): customers blocked → critical, none → one step lower.
  if (sc.severity !== "info" && c.env === "production" && chance(0.15)) {
    if (chance(0.5)) {
      sc.message = `${sc.message} ${pick(IMPACT_BLOCKING)}`.trim();
      if (s.tier <= 2) sc.severity = "critical";
    } else {
      sc.message = `${sc.message} ${pick(IMPACT_NONE)}`.trim();
      sc.severity = sc.severity === "low" ? "low" : shift(sc.severity, 1);
    }
  } else if (c.env === "production") modifyImpact(sc, s.tier);
  // Families written in one platform's shape are sent from that platform.
  const source = sc.rule === "AwsAlarm" ? "cloudwatch" : sc.rule === "SentryIssue" ? "sentry" : sc.rule === "HumanReport" ? pick(["generic", "generic", "pagerduty"]) : pick(SOURCES);
  const withLabels = chance(0.55);
  const r = render(source, s, sc, c, svcText, withLabels);
  if (chance(0.4)) {
    r.title = paraphrase(r.title);
    r.message = paraphrase(r.message);
  }
  // Recovery notifications of any scenario are informational.
  if (sc.severity !== "info" && chance(0.07)) {
    sc.severity = "info";
    r.title = pick([`[Recovered] ${r.title}`, `RESOLVED: ${r.title}`, `OK: ${r.title}`, `[RESOLVED] ${r.title}`, `Resolved: ${r.title}`, `${r.title} (cleared)`]);
    r.message = pick([`State changed to OK. ${r.message}`, `Recovered after ${int(3, 50)} minutes.`, `back to normal`, `no longer firing`, `value back under the threshold`, r.message]);
  }
  out.push({
    id: `train-${i + 1}`,
    source,
    title: r.title,
    message: r.message,
    labels: r.labels,
    severity: sc.severity,
    team: s.team,
    entities: { service: [s.name], ...sc.entities },
  });
}

const outArg = args.indexOf("--out");
const file = path.resolve(outArg >= 0 ? args[outArg + 1] : "datasets/ml/train.jsonl");
writeFileSync(file, out.map((x) => JSON.stringify(x)).join("\n") + "\n");
const bySev = Object.fromEntries(ORDER.map((s) => [s, out.filter((x) => x.severity === s).length]));
console.log(`wrote ${out.length} training alerts to ${path.relative(process.cwd(), file)} (seed ${SEED}); severities ${JSON.stringify(bySev)}`);
