import { normalizeEnvironment, regionFromZone, TEXT_ENVIRONMENT_WORDS } from "./normalize";

/** One entity found in free text, with where it was found (earlier mentions win ties). */
export interface TextEntity {
  type: string;
  value: string;
  index: number;
}

const AWS_REGION = /\b((?:us|eu|ap|sa|ca|me|af|il|mx)(?:-gov)?-(?:north|south|east|west|central|northeast|southeast|northwest|southwest)-\d)([a-f])?\b/g;
const GCP_REGION =
  /\b((?:us|europe|asia|australia|northamerica|southamerica|me|africa)-(?:central|east|west|north|south|northeast|southeast|southwest|northwest)\d{1,2})(-[a-f])?\b/g;
const AZURE_REGIONS = [
  "eastus", "eastus2", "westus", "westus2", "westus3", "centralus", "northcentralus", "southcentralus", "westcentralus",
  "northeurope", "westeurope", "uksouth", "ukwest", "francecentral", "germanywestcentral", "swedencentral",
  "switzerlandnorth", "norwayeast", "southeastasia", "eastasia", "japaneast", "japanwest", "australiaeast",
  "canadacentral", "brazilsouth", "centralindia", "koreacentral", "southafricanorth", "uaenorth",
];
const AZURE_REGION = new RegExp(`\\b(${AZURE_REGIONS.join("|")})\\b`, "gi");

// errno names Node/libc/Go print; a closed list because /E[A-Z]+/ would also match ERROR, EMAIL...
const ERRNO =
  /\b(ECONNREFUSED|ECONNRESET|ECONNABORTED|ETIMEDOUT|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|EHOSTDOWN|EPIPE|EADDRINUSE|EADDRNOTAVAIL|EAI_AGAIN|ENOSPC|EMFILE|ENFILE|ENOMEM|EACCES|EPERM|EROFS|EDQUOT|EIO|ENOENT|ESOCKETTIMEDOUT|EPROTO|ECANCELED|ERR_TLS_CERT_ALTNAME_INVALID|CERT_HAS_EXPIRED|UNABLE_TO_VERIFY_LEAF_SIGNATURE|DEPTH_ZERO_SELF_SIGNED_CERT)\b/g;
const ORACLE = /\b(ORA|TNS|PLS)-(\d{5})\b/g;
const SQLSTATE = /\bSQLSTATE\s*[[(:=]?\s*([0-9A-Z]{5})\b/gi;
// Well-known SQLSTATEs cited bare ("error 40001", "(40P01)").
const BARE_SQLSTATE = /(?<![\w.-])(40001|40P01|53300|53200|53100|57014|57P01|57P03|08006|08001|08003|23505|23503|42P01|55P03|25006)(?![\w.-])/g;
const MYSQL = /\b(?:MySQL\s+)?ERROR\s+(1\d{3}|2\d{3})\b(?:\s*\(([0-9A-Z]{5})\))?/g;
const REDIS_ERR = /\b(OOM command not allowed|MOVED|CLUSTERDOWN|READONLY|LOADING|NOAUTH|WRONGTYPE)\b(?= )/g;
// Application codes: E-LEDGER-409, PAY-AUTH-1042, ERR-4012, WH-SCAN-17.
const APP_CODE = /\b((?:E|ERR|[A-Z]{2,6})-[A-Z][A-Z0-9]{1,14}-\d{2,5}|(?:E|ERR)-\d{3,5})\b/g;
const GRPC_UPPER =
  /\b(DEADLINE_EXCEEDED|RESOURCE_EXHAUSTED|UNAVAILABLE|PERMISSION_DENIED|UNAUTHENTICATED|FAILED_PRECONDITION|DATA_LOSS|UNIMPLEMENTED|OUT_OF_RANGE)\b/g;
const GRPC_GO = /\bcode\s*=\s*(Unavailable|DeadlineExceeded|ResourceExhausted|PermissionDenied|Unauthenticated|FailedPrecondition|Internal|Aborted|DataLoss|Unimplemented|Canceled|Unknown|NotFound)\b/g;
const K8S_REASON = /\b(CrashLoopBackOff|OOMKilled|ImagePullBackOff|ErrImagePull|CreateContainerConfigError|Evicted|NodeNotReady)\b/g;

const HTTP_STATUS_CONTEXT =
  /\b(?:HTTP(?:\/[\d.]+)?|status(?:[ _-]?code)?|returned|returning|returns|answered|responded(?: with)?|got|responses?(?: code)?|code)\s*[:=]?\s*"?([1-5]\d\d)\b(?![.%\d])/gi;
const HTTP_STATUS_PHRASE =
  /\b([45]\d\d)\s+(?:Bad Gateway|Service Unavailable|Gateway Time-?out|Internal Server Error|Too Many Requests|Not Found|Unauthori[sz]ed|Forbidden|Conflict|Bad Request|Request Timeout|Payload Too Large)\b/gi;
const HTTP_STATUS_PLURAL = /(?<![\w.])([45]\d\d)s\b/g;
// Verbs that are followed by a status only when it is an error: "requests return 503", "2% of logins fail
// with 500", "auth failing: 401", "es_rejected_execution_exception (429)". Error codes only, so "return 200
// items" or "fail with 100 retries" is not read as a status.
const HTTP_ERROR_VERB = /(?:\b(?:return|fail(?:s|ed|ing)?(?:\s+with|\s*:))|(?:error|exception|rejected|refused)\w*\s*\()\s*(?:HTTP\s*)?([45]\d\d)\b(?![.%\d])(?!\s*(?:times|items|rows|records|retries|ms|s\b|seconds|minutes|requests|users|events|messages))/gi;

const URL_RE = /\bhttps?:\/\/[^\s"'<>)\]]+/g;
const IPV4 = /(?<![\d.])((?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3})(?::\d{1,5})?(?![\d.])/g;
const FQDN_INTERNAL =
  /\b([a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9-]+)*\.(?:internal|local|lan|corp|intra|parcelwise\.(?:net|io|internal)))\b/gi;
const HOST_KEYWORD = /\b(?:host(?:name)?|node|instance|server|machine|vm)\s*[:=]?\s*["'`]?([a-z][a-z0-9-]*\d[a-z0-9-]*(?:\.[a-z0-9-]+)*)/gi;
// Typical fleet names: pay-db-01, wh-scan-03, ip-10-0-3-17, kafka-broker-2.
// Single-digit suffixes only after a role word (kafka-broker-3, pricing-db-0), else too many false hits.
const HOST_NAME =
  /\b((?:ip-\d{1,3}-\d{1,3}-\d{1,3}-\d{1,3})|[a-z][a-z0-9]*(?:-[a-z0-9]+)*-\d{2,3}[a-z]?|[a-z][a-z0-9]*(?:-[a-z0-9]+)*-(?:broker|db|data|node|worker|replica|primary|master|server|host|vm|redis|rabbitmq|kafka|pg|mysql|gw|runner|es)-?\d)(?:\.[a-z0-9-]+)*\b/g;

const POD_KEYWORD = /\bpods?\s*[:=/]?\s*["'`]?(?:([a-z0-9-]+)\/)?([a-z][a-z0-9-]*[a-z0-9])\b/gi;
// Deployment pods: <name>-<replicaset hash>-<5 chars>; StatefulSet pods are caught by POD_KEYWORD.
const POD_NAME = /\b((?:[a-z0-9]+-)+[a-z0-9]{8,10}-[a-z0-9]{5})\b/g;
const NAMESPACE =
  /\b(?:namespace|ns|kube_namespace|k8s_namespace)\s*[:=/]?\s*["'`]?([a-z0-9][a-z0-9-]{1,62})\b|\bin ([a-z0-9][a-z0-9-]+) namespace\b/gi;
// "cluster X" (not "search-cluster X"), or a managed-cluster name used as a noun ("on gke-analytics-pool-2").
const CLUSTER = /(?<![-\w])(?:cluster|k8s_cluster|kube_cluster)\s*[:=]?\s*["'`]?([a-z][a-z0-9-]*[0-9a-z])\b|(?<![-\w])((?:eks|gke|aks)-[a-z0-9]+(?:-[a-z0-9]+)*-(?:\d+|prod|production|staging|dev))(?![-\w])/gi;
const DATABASE = /\b(?:database|db|datname|schema)\s*[:=]?\s*["'`]([a-z_][a-z0-9_]*)["'`]|\b(?:database|datname|db_name|db)\s*[:=]\s*([a-z_][a-z0-9_]*)/gi;
const QUEUE = /\b(?:queue|queue_name)\s*[:=]?\s*["'`]?([a-z][a-z0-9._-]*[a-z0-9])\b/gi;
const TOPIC = /\b(?:topic)\s*[:=]?\s*["'`]?([a-z][a-z0-9._-]*[a-z0-9])\b/gi;
const CONSUMER_GROUP = /\b(?:consumer[ _-]?group|group\.id)\s*[:=]?\s*["'`]?([a-z][a-z0-9._-]*[a-z0-9])\b/gi;
const ENV_WORD = new RegExp(`(?<![/\\w])(${TEXT_ENVIRONMENT_WORDS.join("|")})(?![\\w])`, "gi");
// "QA" is also a team ("QA blocked"): an environment only when written as one ("qa: …", "the QA
// environment", "in qa").
const QA_ENV = /(?<![/\w])qa(?=\s*:|\s+(?:env\w*|cluster|stack)\b)|\b(?:in|on|to)\s+qa\b(?![-\w])/gi;

// Words that follow "pod"/"queue"/"node" in prose and are not names.
const STOPWORDS = new Set([
  "is", "are", "was", "in", "on", "of", "the", "a", "an", "has", "have", "not", "to", "for", "and", "with", "restarts",
  "restarted", "restarting", "status", "count", "depth", "size", "lag", "backlog", "memory", "cpu", "disk", "pressure",
  "ready", "notready", "failed", "failing", "errors", "error", "name", "names", "crashing", "crashlooping", "evicted",
  "pending", "consumers", "consumer", "latency", "usage", "health", "healthy", "unhealthy", "level", "down", "up",
  "metrics", "exporter", "time", "default", "at", "from", "by", "max", "total", "keeps", "killed", "oom", "stuck",
  "unavailable", "connection", "connections", "issue", "issues", "alert", "alerts", "group", "groups", "offset",
  "wide", "limit", "full", "growing", "over", "under", "above", "below", "backed", "this", "that", "which",
]);

function push(out: TextEntity[], type: string, value: string | undefined, index: number) {
  if (!value) return;
  out.push({ type, value, index });
}

function each(re: RegExp, text: string, fn: (m: RegExpExecArray) => void) {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) fn(m);
}

function camelToUpperSnake(s: string): string {
  return s.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase();
}

/** Every pattern-based entity in free text. Services are matched separately (gazetteer). */
export function extractFromText(text: string): TextEntity[] {
  const out: TextEntity[] = [];

  each(AWS_REGION, text, (m) => {
    push(out, "region", m[1].toLowerCase(), m.index);
    if (m[2]) push(out, "zone", (m[1] + m[2]).toLowerCase(), m.index);
  });
  each(GCP_REGION, text, (m) => {
    push(out, "region", m[1].toLowerCase(), m.index);
    if (m[2]) push(out, "zone", (m[1] + m[2]).toLowerCase(), m.index);
  });
  each(AZURE_REGION, text, (m) => push(out, "region", m[1].toLowerCase(), m.index));

  each(APP_CODE, text, (m) => {
    if (/^(ORA|TNS|PLS)-/.test(m[1])) return;
    push(out, "errorCode", m[1], m.index);
  });
  each(ORACLE, text, (m) => push(out, "errorCode", `${m[1]}-${m[2]}`, m.index));
  const sqlstates = new Set<string>();
  each(SQLSTATE, text, (m) => {
    sqlstates.add(m[1].toUpperCase());
    push(out, "errorCode", `SQLSTATE ${m[1].toUpperCase()}`, m.index);
  });
  each(MYSQL, text, (m) => {
    push(out, "errorCode", `MySQL ${m[1]}`, m.index);
    if (m[2]) sqlstates.add(m[2]);
  });
  each(BARE_SQLSTATE, text, (m) => {
    if (!sqlstates.has(m[1])) push(out, "errorCode", `SQLSTATE ${m[1]}`, m.index);
  });
  each(ERRNO, text, (m) => push(out, "errorCode", m[1], m.index));
  each(GRPC_UPPER, text, (m) => push(out, "errorCode", m[1], m.index));
  each(GRPC_GO, text, (m) => push(out, "errorCode", camelToUpperSnake(m[1]), m.index));
  each(K8S_REASON, text, (m) => push(out, "errorCode", m[1], m.index));
  each(REDIS_ERR, text, (m) => push(out, "errorCode", m[1] === "OOM command not allowed" ? "REDIS_OOM" : m[1], m.index));

  each(HTTP_STATUS_CONTEXT, text, (m) => push(out, "httpStatus", m[1], m.index));
  each(HTTP_STATUS_PHRASE, text, (m) => push(out, "httpStatus", m[1], m.index));
  each(HTTP_STATUS_PLURAL, text, (m) => push(out, "httpStatus", m[1], m.index));
  each(HTTP_ERROR_VERB, text, (m) => push(out, "httpStatus", m[1], m.index));

  const urlSpans: [number, number][] = [];
  each(URL_RE, text, (m) => {
    const url = m[0].replace(/[.,;:]+$/, "");
    urlSpans.push([m.index, m.index + url.length]);
    push(out, "url", url, m.index);
  });
  const inUrl = (i: number) => urlSpans.some(([a, b]) => i >= a && i < b);

  each(IPV4, text, (m) => {
    if (!inUrl(m.index)) push(out, "ip", m[1], m.index);
  });

  const hostSpans: [number, number][] = [];
  const addHost = (value: string, index: number) => {
    if (inUrl(index)) return;
    const v = value.replace(/\.$/, "").toLowerCase();
    if (STOPWORDS.has(v)) return;
    hostSpans.push([index, index + value.length]);
    push(out, "host", v, index);
  };
  each(FQDN_INTERNAL, text, (m) => addHost(m[1], m.index));
  each(HOST_KEYWORD, text, (m) => addHost(m[1], m.index + m[0].length - m[1].length));

  const podValues = new Set<string>();
  each(POD_KEYWORD, text, (m) => {
    const name = m[2].toLowerCase();
    if (STOPWORDS.has(name) || !/[-\d]/.test(name)) return;
    if (m[1] && !STOPWORDS.has(m[1].toLowerCase())) push(out, "namespace", m[1].toLowerCase(), m.index);
    podValues.add(name);
    push(out, "pod", name, m.index);
  });
  each(POD_NAME, text, (m) => {
    if (inUrl(m.index) || !/\d/.test(m[1].slice(-17))) return;
    podValues.add(m[1]);
    push(out, "pod", m[1], m.index);
  });
  each(HOST_NAME, text, (m) => {
    const v = m[0].toLowerCase();
    if (inUrl(m.index) || podValues.has(v)) return;
    if (hostSpans.some(([a, b]) => m.index >= a && m.index < b)) return;
    if (/^(?:e|err|ora|tns|sqlstate|http)-/i.test(v) || /^[a-z]{2}-[a-z]+-\d/.test(v)) return; // codes, regions
    if (/^(?:[a-z]+-)?(?:p|sev|v|rc|tls|http|utf|iso|cve|rfc|jira|inc)-?\d/.test(v)) return;
    if (/\d{4}-\d{2}-\d{2}/.test(v)) return; // dates inside snapshot/report names
    hostSpans.push([m.index, m.index + v.length]);
    push(out, "host", v, m.index);
  });

  each(NAMESPACE, text, (m) => {
    const v = (m[1] ?? m[2]).toLowerCase();
    if (!STOPWORDS.has(v)) push(out, "namespace", v, m.index);
  });
  each(CLUSTER, text, (m) => {
    const v = (m[1] ?? m[2]).toLowerCase();
    if (!STOPWORDS.has(v) && /[-\d]/.test(v)) push(out, "cluster", v, m.index);
  });
  each(DATABASE, text, (m) => {
    const v = (m[1] ?? m[2]).toLowerCase();
    if (!STOPWORDS.has(v)) push(out, "database", v, m.index);
  });
  each(QUEUE, text, (m) => {
    const v = m[1].toLowerCase();
    if (!STOPWORDS.has(v) && /[._-]/.test(v)) push(out, "queue", v, m.index);
  });
  each(TOPIC, text, (m) => {
    const v = m[1].toLowerCase();
    if (!STOPWORDS.has(v) && /[._-]/.test(v)) push(out, "topic", v, m.index);
  });
  each(CONSUMER_GROUP, text, (m) => {
    const v = m[1].toLowerCase();
    if (!STOPWORDS.has(v)) push(out, "consumerGroup", v, m.index);
  });
  each(ENV_WORD, text, (m) => {
    const env = normalizeEnvironment(m[1]);
    if (env) push(out, "environment", env, m.index);
  });
  each(QA_ENV, text, (m) => push(out, "environment", "qa", m.index));

  return out;
}

export { regionFromZone };
