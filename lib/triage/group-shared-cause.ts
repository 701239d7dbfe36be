/**
 * Shared-infrastructure evidence for grouping. Some failures sit below every service and are not in the
 * catalog's dependsOn (cluster DNS, TLS certificates, an availability zone, a node, the monitoring agent):
 * when they break, services with no link to each other fail at once, and their alerts say so in words
 * that are specific to the shared piece, or name the same host, zone or template. Two alerts carrying the
 * same such marker are evidence of one cause.
 *
 * Only markers specific enough to point at one shared piece count: "timeout" or "HTTP 503" would match
 * every unrelated outage on the platform and are left to the other signals.
 */

/** Failure modes whose cause is shared infrastructure, as the common runtimes, proxies and platforms word them. */
const FAILURE_MODES: { kind: string; label: string; pattern: RegExp }[] = [
  {
    kind: "dns",
    label: "a DNS resolution failure",
    pattern:
      // glibc, libpq, curl, Java, Node, Go and Kafka clients' wordings, DNS response codes, the cluster DNS server itself.
      /name resolution|name or service not known|could not translate host name|could not resolve host|failed to resolve|unknown ?host ?exception|getaddrinfo|eai_again|enotfound|nxdomain|servfail|no such host|no resolvable bootstrap|lookup [a-z0-9.-]+(:\d+)?( on [0-9.:]+)?: (i\/o timeout|no such host)|\b(core ?dns|kube-dns|node-local-dns)\b/,
  },
  {
    kind: "tls",
    label: "a TLS certificate failure",
    pattern:
      /x509|certificate (has )?expired|certificate verify failed|certificate_verify_failed|cert ?path ?validator|pkix path|(ssl|tls) ?handshake (exception|failure|failed|error)|certificate is not yet valid|\bcert(ificate)?\b[^.\n]{0,60}\bnot ready\b/,
  },
  {
    kind: "node",
    label: "Kubernetes nodes going away",
    pattern: /node (pool )?drain|drain(ing|ed)? (the )?node|node pool|cordon|node ?not ?ready|kubelet stopped/,
  },
  {
    // New connections timing out (TCP connect, not a slow response): the network path itself, a NAT gateway, a zone,
    // a firewall, not one service's slowness. urllib3/requests, Node, Go, Java and curl wordings.
    kind: "connect",
    label: "connection attempts timing out",
    pattern:
      /connect ?timeout|connection to \S+ timed out|connect(ion)? timed out|connect etimedout|etimedout connecting|dial tcp \S+: i\/o timeout/,
  },
  {
    // Pods that cannot be placed: the cluster is out of node capacity (or cannot add nodes), whatever service owns them.
    kind: "capacity",
    label: "the cluster out of node capacity",
    pattern:
      /unschedulable|failed ?scheduling|insufficient (cpu|memory|pods|ephemeral-storage)|\d+\/\d+ nodes are available|insufficient (instance )?capacity|scale-?up failed/,
  },
  {
    // A service's pods not running or not ready, as Kubernetes alerts word it. Alone it says nothing shared (every
    // crash or bad rollout reads so); beside nodes going away or out of capacity it is their symptom (see PAIRED).
    kind: "pods",
    label: "pods not running",
    pattern: /kube ?pod ?not ?ready|non-ready state|replicas ?mismatch|not matched the expected number of replicas|target ?down|targets? .{0,60}\bare down\b/,
  },
  {
    kind: "nodata",
    label: "missing monitoring data",
    pattern: /\[no data\]|no data received|datasource ?no ?data|\bno ?data\b.*\bagent\b/,
  },
];

/**
 * Names of one concrete thing: a host or pod ("kafka-3", "ip-10-20-3-41"), a zone ("euc1-az2"), a template or
 * queue ("delivery_update_v3"), an error code ("ORA-00257"), an IP address. Recognised by shape: words joined by
 * "-", "_" or "." with a digit or an underscore in them, at least 6 characters. Regions ("eu-west-1") are
 * compared separately; numbers, dates, timestamps and URL paths ("/v1/routes") name nothing shared.
 */
const IDENTIFIER = /[a-z0-9]+(?:[-_.][a-z0-9]+)+/g;
const TIMESTAMP = /^\d{4}-\d\d-\d\d/;
/** "prod-euc1", "staging-2", "cluster-1": a whole environment or cluster, shared by everything running there. */
const ENVIRONMENT_WIDE = /(?:^|[-_.])(?:prod|production|staging|stage|dev|test|cluster)(?:[-_.\d]|$)/;
const IPV4 = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;
const REGION = /^(?:us|eu|ap|sa|ca|me|af|il)-[a-z]+-\d$/;

function identifiers(normalized: string): string[] {
  const out: string[] = [];
  for (const [raw] of normalized.matchAll(IDENTIFIER)) {
    const id = raw.replace(/^[-_./]+|[-_./]+$/g, "");
    if (IPV4.test(id)) out.push(id);
    else if (id.length >= 6 && /[\d_]/.test(id) && !/^[\d\-_.]+$/.test(id) && !REGION.test(id) && !TIMESTAMP.test(id) && !ENVIRONMENT_WIDE.test(id)) out.push(id);
  }
  return out;
}

/**
 * Platform labels that say where an alert's target runs, narrower than the environment: the Kubernetes node and
 * the availability zone (Prometheus/kube-state-metrics, Datadog and CloudWatch spellings, after flattening).
 * Not the cluster or region (everything in the environment shares those) and not host/instance, which the
 * platforms often set to the service or pod itself.
 */
const PLACE_LABEL = /^(node|node_?name|kubernetes_node|kube_node|k8s_node|(topology[._/]kubernetes[._/]io[._/])?zone|failure[._-]domain.*zone|availability[-_]?zone|az)$/i;

/** The place label values of an alert, in the same identifier form as the text markers ("ip-10-20-3-41", "us-east-1c"). */
function placeIdentifiers(labels: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(labels)) {
    if (typeof value === "string" && PLACE_LABEL.test(key)) out.push(...identifiers(value.toLowerCase()));
  }
  return out;
}

/**
 * The shared-infrastructure markers in an alert's title and message: "dns", "tls", "nodata", and
 * "id:euc1-az2" / "id:ip-10-20-3-41" for the identifiers it names, in its text or in its node / zone labels
 * (a node label on one alert matches the node named in another's text). CamelCase is split first
 * ("SSLHandshakeException" reads "ssl handshake exception", "CoreDNSErrorsHigh" "core dns errors high").
 */
export function sharedCauseMarkers(text: string, labels: Record<string, unknown> = {}): string[] {
  const normalized = text
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase();
  const found = new Set<string>();
  for (const m of FAILURE_MODES) if (m.pattern.test(normalized)) found.add(m.kind);
  for (const id of [...identifiers(normalized), ...placeIdentifiers(labels)]) found.add(`id:${id}`);
  return [...found];
}

/**
 * Failure modes of a region's own network or cluster (a NAT gateway, a zone, nodes): the same words from two regions
 * are two problems. DNS and certificates can be shared across regions (one provider, one certificate).
 */
const REGIONAL = new Set(["connect", "node", "capacity", "pods"]);
export const isRegionalMarker = (marker: string) => marker.split("+").some((kind) => REGIONAL.has(kind));

/** Markers that are one cause only beside another kind: pods not running where nodes go away or run out. */
const PAIRED: Record<string, string[]> = { pods: ["node", "capacity"], node: ["pods"], capacity: ["pods"] };
const ONLY_PAIRED = new Set(["pods"]);

/** The first marker two alerts share ("dns", "id:euc1-az2", or a pair such as "pods+node"), or null. */
export function sharedMarker(a: string[], b: string[]): string | null {
  const same = a.find((m) => !ONLY_PAIRED.has(m) && b.includes(m));
  if (same) return same;
  for (const m of a) {
    const other = (PAIRED[m] ?? []).find((p) => b.includes(p));
    if (other) return ONLY_PAIRED.has(m) ? `${m}+${other}` : `${other}+${m}`;
  }
  return null;
}

const modeLabel = (kind: string) => FAILURE_MODES.find((m) => m.kind === kind)?.label;

/** "both report a DNS resolution failure" / "both name euc1-az2" / "pods not running beside Kubernetes nodes going away". */
export function describeMarker(marker: string): string {
  const [first, second] = marker.split("+");
  if (second && modeLabel(first) && modeLabel(second)) return `${modeLabel(first)} beside ${modeLabel(second)}`;
  const mode = modeLabel(marker);
  return mode ? `both report ${mode}` : `both name ${marker.replace(/^id:/, "")}`;
}
