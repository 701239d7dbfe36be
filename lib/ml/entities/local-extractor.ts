import { loadCatalog, lookupService, type ServiceCatalog } from "@/lib/ml/catalog";
import type { AlertText, Entities, EntityExtractor, Provenance } from "@/lib/ml/types";
import { findServices, primaryService } from "./gazetteer";
import { extractFromLabels } from "./labels";
import { extractFromText } from "./patterns";

export const LOCAL_EXTRACTOR_MODEL = "opsrelay-entities-v1";

/** Order in which several error codes are preferred as the alert's one errorCode: the most specific first. */
function codeRank(code: string): number {
  if (/^(E|ERR|[A-Z]{2,6})-[A-Z]/.test(code) && !/^(ORA|TNS|PLS)-/.test(code)) return 0; // app code
  if (/^(ORA|TNS|PLS)-|^SQLSTATE|^MySQL/.test(code)) return 1;
  if (/^E[A-Z]/.test(code) || /CERT|SIGNATURE/.test(code)) return 2; // errno / TLS
  return 3; // gRPC, k8s reasons
}

function add(all: Record<string, string[]>, type: string, value: string) {
  const list = (all[type] ??= []);
  if (!list.includes(value)) list.push(value);
}

/**
 * Structured labels first (the platform said so), free text second: patterns for codes, regions, hosts,
 * k8s objects; the catalog gazetteer for services (aliases and misspellings resolve to the canonical name).
 */
export interface LocalEntities extends Entities {
  origins: Record<string, "label" | "text">;
  confidences: Record<string, number>;
  /** How sure the service is: 1 from a label; from text, the gazetteer score / 3 (generic-word aliases ≈ 0.33). */
  serviceCertainty?: number;
}

/**
 * Node-level Kubernetes alerts: a `node` label, the kubernetes-mixin node/daemonset/kubelet rules, or a
 * node-exporter rule on an EKS node name. A node-exporter rule on a bare IP could be any machine.
 */
function isKubernetesNodeAlert(alert: AlertText): boolean {
  const labels = alert.labels ?? {};
  const rule = labels.alertname ?? alert.title.replace(/^\s*\[[^\]]*\]\s*/, "");
  if (labels.node) return true;
  if (/^Kube(?:Node|DaemonSet|let)/.test(rule)) return true;
  return /^Node[A-Z]/.test(rule) && /\.compute\.internal\b/.test(`${labels.instance ?? ""} ${alert.message}`);
}

export function extractEntities(alert: AlertText, catalog: ServiceCatalog): LocalEntities {
  const all: Record<string, string[]> = {};
  const origins: Record<string, "label" | "text"> = {};

  const labelled = extractFromLabels(alert.labels);
  // A Sentry project or Prometheus job names the service only when the catalog knows it.
  const candidates = labelled.filter((e) => e.type === "serviceCandidate").map((e) => lookupService(catalog, e.value));
  for (const e of labelled) {
    if (e.type === "serviceCandidate") continue;
    if (e.type === "service") {
      // A label value may itself be an alias or a pod/deployment name ("payments-api-canary").
      const known = lookupService(catalog, e.value) ?? primaryService(findServices(catalog, e.value))?.service;
      add(all, "service", known ? known.name : e.value);
    } else add(all, e.type, e.value);
    origins[e.type] ??= "label";
  }
  const candidate = candidates.find(Boolean);
  if (!all.service && candidate) {
    add(all, "service", candidate.name);
    origins.service = "label";
  }

  // Title before message: the title names what the alert is about, the message often names dependencies.
  const text = `${alert.title}\n${alert.message}`;
  const titleEnd = alert.title.length;
  const mentions = findServices(catalog, text);
  const inTitle = primaryService(mentions.filter((m) => m.index < titleEnd));
  const primary = inTitle ?? primaryService(mentions);
  let serviceCertainty = all.service ? 1 : undefined;
  if (primary) {
    serviceCertainty ??= Math.min(1, primary.score / 3);
    if (!all.service) origins.service = "text";
    add(all, "service", primary.service.name);
  }
  for (const m of mentions) if (m.score >= 2) add(all, "service", m.service.name);
  // A Kubernetes node problem names no application: it is about the cluster, when the catalog has one.
  if (!all.service && isKubernetesNodeAlert(alert)) {
    const cluster = lookupService(catalog, "kubernetes") ?? lookupService(catalog, "k8s");
    if (cluster) {
      add(all, "service", cluster.name);
      origins.service = "text";
      serviceCertainty = 2 / 3;
    }
  }

  const found = extractFromText(text).sort((a, b) => a.index - b.index);
  for (const e of found) {
    add(all, e.type, e.value);
    origins[e.type] ??= "text";
  }
  // Hosts that are really catalog services or pods are not hosts; "routing-db-0" in the text is the
  // same machine as the labelled "routing-db-0.routing.svc".
  if (all.host) {
    const pods = new Set(all.pod ?? []);
    const hosts = all.host;
    all.host = hosts.filter(
      (h) => !lookupService(catalog, h) && !pods.has(h) && !hosts.some((other) => other !== h && other.startsWith(`${h}.`)),
    );
    if (all.host.length === 0) delete all.host;
  }
  if (all.errorCode) {
    const labelled = origins.errorCode === "label" ? all.errorCode.slice(0, 1) : [];
    const rest = all.errorCode.filter((c) => !labelled.includes(c)).sort((a, b) => codeRank(a) - codeRank(b));
    all.errorCode = [...labelled, ...rest];
  }

  const confidences: Record<string, number> = {};
  for (const type of Object.keys(all)) {
    confidences[type] = type === "service" && serviceCertainty !== undefined ? Math.round(Math.min(0.97, 0.5 + serviceCertainty * 0.45) * 100) / 100 : origins[type] === "label" ? 0.95 : 0.85;
  }
  const first = (type: string) => all[type]?.[0];
  return {
    service: first("service"),
    environment: first("environment"),
    region: first("region"),
    errorCode: first("errorCode") ?? (first("httpStatus") ? `HTTP ${first("httpStatus")}` : undefined),
    host: first("host") ?? first("ip"),
    namespace: first("namespace"),
    pod: first("pod"),
    all,
    origins,
    confidences,
    serviceCertainty,
  };
}

export class LocalEntityExtractor implements EntityExtractor {
  readonly name = "local";
  constructor(private readonly catalog: () => ServiceCatalog = () => loadCatalog()) {}

  async extract(alert: AlertText): Promise<Entities & Provenance> {
    return { ...extractEntities(alert, this.catalog()), provider: "local", model: LOCAL_EXTRACTOR_MODEL };
  }
}
