import { normalizeEnvironment, regionFromZone, stripPort } from "./normalize";

/**
 * Entities from the platform's structured labels/tags, the most reliable source. Keys vary by platform
 * (Prometheus `instance`, Datadog `service`, k8s `app.kubernetes.io/name`, OpenTelemetry
 * `deployment.environment`), so keys are matched case-insensitively on their last segment.
 */

const KEY_TYPES: Record<string, string> = {
  service: "service",
  service_name: "service",
  servicename: "service",
  app: "service",
  application: "service",
  app_name: "service",
  "app.kubernetes.io/name": "service",
  "k8s-app": "service",
  component: "service",
  env: "environment",
  environment: "environment",
  stage: "environment",
  deployment_environment: "environment",
  "deployment.environment": "environment",
  tier_env: "environment",
  region: "region",
  aws_region: "region",
  "topology.kubernetes.io/region": "region",
  location: "region",
  zone: "zone",
  availability_zone: "zone",
  availabilityzone: "zone",
  "topology.kubernetes.io/zone": "zone",
  host: "host",
  hostname: "host",
  host_name: "host",
  "host.name": "host",
  instance: "host",
  node: "host",
  nodename: "host",
  kubernetes_node: "host",
  server: "host",
  namespace: "namespace",
  kubernetes_namespace: "namespace",
  kube_namespace: "namespace",
  k8s_namespace: "namespace",
  "k8s.namespace.name": "namespace",
  pod: "pod",
  pod_name: "pod",
  kubernetes_pod_name: "pod",
  kube_pod: "pod",
  "k8s.pod.name": "pod",
  container: "container",
  container_name: "container",
  kube_deployment: "deployment",
  deployment: "deployment",
  cluster: "cluster",
  cluster_name: "cluster",
  kube_cluster_name: "cluster",
  k8s_cluster: "cluster",
  "k8s.cluster.name": "cluster",
  database: "database",
  db: "database",
  datname: "database",
  db_name: "database",
  "db.name": "database",
  queue: "queue",
  queue_name: "queue",
  topic: "topic",
  consumergroup: "consumerGroup",
  consumer_group: "consumerGroup",
  error_code: "errorCode",
  errorcode: "errorCode",
  "error.code": "errorCode",
  errno: "errorCode",
  status_code: "httpStatus",
  http_status: "httpStatus",
  "http.status_code": "httpStatus",
  url: "url",
  ip: "ip",
  queuename: "queue",
  // Names that are often, not always, the service (Sentry project, Prometheus job): kept only when the
  // catalog knows them.
  project: "serviceCandidate",
  job: "serviceCandidate",
};

export interface LabelEntity {
  type: string;
  value: string;
}

function typeForKey(key: string): string | undefined {
  const k = key.trim().toLowerCase();
  if (KEY_TYPES[k]) return KEY_TYPES[k];
  // "tags.service", "labels.env", "dd.service"
  const last = k.split(/[.:]/).pop() ?? k;
  return KEY_TYPES[last];
}

export function extractFromLabels(labels: Record<string, string>): LabelEntity[] {
  const out: LabelEntity[] = [];
  for (const [key, raw] of Object.entries(labels ?? {})) {
    if (typeof raw !== "string") continue;
    const value = raw.trim();
    if (!value || value.length > 300) continue;
    const type = typeForKey(key);
    if (!type) continue;
    switch (type) {
      case "environment": {
        out.push({ type, value: normalizeEnvironment(value) ?? value.toLowerCase() });
        break;
      }
      case "zone":
        out.push({ type, value: value.toLowerCase() });
        out.push({ type: "region", value: regionFromZone(value) });
        break;
      case "host": {
        // Blackbox exporter's instance is the probed URL.
        if (/^https?:\/\//i.test(value)) {
          out.push({ type: "url", value });
          break;
        }
        const host = stripPort(value).toLowerCase();
        out.push({ type: /^\d+\.\d+\.\d+\.\d+$/.test(host) ? "ip" : "host", value: host });
        break;
      }
      case "namespace":
        // CloudWatch's metric namespace ("AWS/RDS") is not a Kubernetes namespace.
        if (!value.includes("/")) out.push({ type, value: value.toLowerCase() });
        break;
      case "httpStatus":
        if (/^[1-5]\d\d$/.test(value)) out.push({ type, value });
        break;
      case "url":
      case "errorCode":
        out.push({ type, value });
        break;
      default:
        out.push({ type, value: value.toLowerCase() });
    }
  }
  return out;
}
