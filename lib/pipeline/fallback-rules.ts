import type { ServiceCatalog } from "@/lib/ml/catalog";
import { lookupService } from "@/lib/ml/catalog";
import type { AlertText, Classification, Entities, Provenance } from "@/lib/ml/types";
import type { Severity } from "@/lib/severity";

/**
 * Rule-based values used when an ML provider keeps failing: deliberately simple, so they cannot fail
 * themselves. Every value says provider "fallback" so the dashboard shows it was not a model's answer.
 */

export const FALLBACK: Provenance = { provider: "fallback", model: "rules-v1" };

const SEVERITY_WORDS: Array<[Severity, RegExp]> = [
  ["critical", /\b(critical|sev ?1|p1|outage|down|unavailable|data loss)\b/i],
  ["high", /\b(high|sev ?2|p2|error rate|5\d\d|failing|failed|crash\w*|oom\w*)\b/i],
  ["low", /\b(low|sev ?4|p4|warning|degraded)\b/i],
  ["info", /\b(info|sev ?5|p5|notice)\b/i],
];

export function fallbackSeverity(alert: AlertText): Severity {
  if (alert.sourceSeverity) return alert.sourceSeverity;
  const text = `${alert.title} ${alert.labels.severity ?? ""} ${alert.labels.priority ?? ""}`;
  for (const [severity, pattern] of SEVERITY_WORDS) if (pattern.test(text)) return severity;
  return "medium";
}

const SERVICE_LABELS = ["service", "service_name", "app", "application", "job", "component", "container", "function_name"];
const ENV_LABELS = ["env", "environment", "deployment_environment", "stage"];
const REGION_LABELS = ["region", "aws_region", "location", "zone"];
const HOST_LABELS = ["host", "hostname", "instance", "node"];

function firstLabel(labels: Record<string, string>, keys: string[]): string | undefined {
  for (const k of keys) {
    const v = labels[k];
    if (v && v.trim()) return v.trim();
  }
  return undefined;
}

/** Service named in a label, or the first catalog name/alias found in the title. */
export function fallbackService(alert: AlertText, catalog?: ServiceCatalog): string | undefined {
  const labelled = firstLabel(alert.labels, SERVICE_LABELS);
  if (catalog) {
    const known = lookupService(catalog, labelled);
    if (known) return known.name;
    for (const token of alert.title.toLowerCase().split(/[^a-z0-9-]+/)) {
      const hit = lookupService(catalog, token);
      if (hit) return hit.name;
    }
  }
  return labelled;
}

export function fallbackClassification(alert: AlertText, catalog?: ServiceCatalog): Classification {
  const service = fallbackService(alert, catalog);
  const team = (catalog && lookupService(catalog, service)?.team) ?? alert.labels.team ?? "unassigned";
  return {
    severity: { ...FALLBACK, value: fallbackSeverity(alert), confidence: alert.sourceSeverity ? 0.6 : 0.3 },
    team: { ...FALLBACK, value: team, confidence: catalog && lookupService(catalog, service) ? 0.6 : 0.1 },
  };
}

export function fallbackEntities(alert: AlertText, catalog?: ServiceCatalog): Entities & Provenance {
  const service = fallbackService(alert, catalog);
  const environment = firstLabel(alert.labels, ENV_LABELS);
  const region = firstLabel(alert.labels, REGION_LABELS);
  const host = firstLabel(alert.labels, HOST_LABELS);
  const namespace = firstLabel(alert.labels, ["namespace", "kubernetes_namespace", "kube_namespace"]);
  const pod = firstLabel(alert.labels, ["pod", "pod_name", "kube_pod"]);
  const errorCode = /\b([45]\d\d)\b/.exec(`${alert.title} ${alert.message}`)?.[1];
  const all: Record<string, string[]> = {};
  const put = (k: string, v: string | undefined) => {
    if (v) all[k] = [v];
  };
  put("service", service);
  put("environment", environment);
  put("region", region);
  put("host", host);
  put("namespace", namespace);
  put("pod", pod);
  put("error_code", errorCode);
  return { ...FALLBACK, service, environment, region, host, namespace, pod, errorCode, all };
}
