import { describe, expect, it } from "vitest";
import { describeMarker, isRegionalMarker, sharedCauseMarkers, sharedMarker } from "@/lib/triage/group-shared-cause";

describe("sharedCauseMarkers", () => {
  it("recognises name-resolution failures as the common runtimes word them", () => {
    for (const text of [
      "OperationalError: could not translate host name \"db.internal\" to address: Temporary failure in name resolution",
      "java.net.UnknownHostException: orders.svc.cluster.local",
      "Error: getaddrinfo ENOTFOUND api.partner.example",
      "dial tcp: lookup redis.platform.svc on 10.0.0.10:53: no such host",
      "CoreDNSErrorsHigh",
    ]) {
      expect(sharedCauseMarkers(text)).toContain("dns");
    }
  });

  it("recognises certificate failures, camelCase exception names included", () => {
    expect(sharedCauseMarkers("SSLHandshakeException: PKIX path validation failed")).toContain("tls");
    expect(sharedCauseMarkers("x509: certificate has expired or is not yet valid")).toContain("tls");
    expect(sharedCauseMarkers("CertManagerCertificateExpired")).toContain("tls");
    expect(sharedCauseMarkers("Certificate edge/wildcard is not ready: ACME order failed")).toContain("tls");
    // A certificate that will expire in three weeks is a reminder, not a failure.
    expect(sharedCauseMarkers("APNs certificate expires in 21 days")).not.toContain("tls");
  });

  it("recognises nodes going away, but not a cache evicting keys", () => {
    expect(sharedCauseMarkers("KubeNodeNotReady")).toContain("node");
    expect(sharedCauseMarkers("pods pending: node pool draining")).toContain("node");
    expect(sharedCauseMarkers("RedisEvictedKeys: 12k keys evicted in 5m")).toEqual([]);
  });

  it("recognises pods that cannot be placed for lack of node capacity, whatever the service", () => {
    expect(sharedCauseMarkers("Pod bi/reporting-api-84c2d-7jx2m pending: 0/24 nodes are available: 24 Insufficient cpu")).toContain("capacity");
    expect(sharedCauseMarkers("ClusterAutoscalerUnschedulablePods")).toContain("capacity");
    expect(sharedCauseMarkers("Status Reason: InsufficientInstanceCapacity for m6i.2xlarge")).toContain("capacity");
    expect(sharedCauseMarkers("HPA tracking-service scaled to its maximum of 12 replicas")).not.toContain("capacity");
  });

  it("reads the node and zone an alert runs in from its labels, not the cluster, host or pod", () => {
    const node = "ip-10-4-17-22.eu-west-1.compute.internal";
    expect(sharedCauseMarkers("Scanner ingest backlog above 10k", { node, namespace: "warehouse", pod: "scanner-ingest-5c7d8-vq2rt" })).toEqual([`id:${node}`]);
    // The node a pod alert carries as a label is the node another alert names in its text.
    expect(sharedMarker(sharedCauseMarkers("KubePodNotReady", { node }), sharedCauseMarkers(`${node} has been unready for more than 1 minute.`))).toBe(`id:${node}`);
    expect(sharedCauseMarkers("[Triggered] auth-service error rate above 2%", { "availability-zone": "us-east-1c" })).toEqual(["id:us-east-1c"]);
    expect(sharedCauseMarkers("readiness probe failed", { topology_kubernetes_io_zone: "us-east-1c" })).toEqual(["id:us-east-1c"]);
    expect(sharedCauseMarkers("[Triggered] cart-service error rate above 2%", { kube_cluster_name: "prod-euw1", cluster: "prod-euw1", host: "cart-7f9", instance: "10.4.2.7:9100", region: "eu-west-1" })).toEqual([]);
  });

  it("names the hosts, zones and templates an alert is about, but not regions, numbers or dates", () => {
    expect(sharedCauseMarkers("Broker kafka-3 (euc1-az2) is not reachable")).toEqual(["id:kafka-3", "id:euc1-az2"]);
    expect(sharedCauseMarkers("Node ip-10-20-3-41 NotReady, resolver 10.0.0.10")).toEqual(["id:ip-10-20-3-41", "id:10.0.0.10"]);
    expect(sharedCauseMarkers("payload exceeds 4 KB (template delivery_update_v3)")).toEqual(["id:delivery_update_v3"]);
    expect(sharedCauseMarkers("eu-west-1: batch 2026-11-24 took 23.5 min, p99 1.2s at 2026-11-24T06:50:00Z on GET /v1/routes")).toEqual([]);
    expect(sharedCauseMarkers("consumer lag on cluster prod-euc1 (staging-2 fine)")).toEqual([]);
    expect(sharedCauseMarkers("[No Data] etl-pipeline host metrics on etl-worker-1")).toContain("nodata");
    expect(sharedCauseMarkers("p99 latency above 2s: upstream timeout, HTTP 503")).toEqual([]);
  });

  it("takes pods not running as a symptom of nodes going away or running out, never as a shared cause by itself", () => {
    const pods = sharedCauseMarkers("KubeDeploymentReplicasMismatch: Deployment search/address-autocomplete has not matched the expected number of replicas");
    expect(pods).toContain("pods");
    expect(sharedMarker(pods, sharedCauseMarkers("KubeNodeNotReady"))).toBe("pods+node");
    expect(sharedMarker(sharedCauseMarkers("ClusterAutoscalerUnschedulablePods"), sharedCauseMarkers("KubePodNotReady"))).toBe("pods+capacity");
    // Two services' pods failing at once is two crash loops or two bad rollouts until something says otherwise.
    expect(sharedMarker(pods, sharedCauseMarkers("KubePodNotReady: Pod bi/reporting-api-84c2d has been in a non-ready state"))).toBeNull();
    expect(describeMarker("pods+node")).toBe("pods not running beside Kubernetes nodes going away");
  });

  it("recognises new connections timing out, as the common clients word it, but not a slow response", () => {
    for (const text of [
      "ConnectTimeoutError: Connection to api.twilio.com timed out. (connect timeout=5)",
      "22% of sends failing: ETIMEDOUT connecting to api.sendgrid.com:443",
      "FirebaseError: connect ETIMEDOUT 142.250.64.106:443",
      "dial tcp 10.20.140.12:6379: i/o timeout",
      "java.net.SocketTimeoutException: connect timed out",
    ]) {
      expect(sharedCauseMarkers(text)).toContain("connect");
    }
    expect(sharedCauseMarkers("ReadTimeoutError: Read timed out. (read timeout=10)")).not.toContain("connect");
    expect(sharedCauseMarkers("upstream request timeout after 5000ms")).not.toContain("connect");
    expect(isRegionalMarker("connect")).toBe(true);
    expect(isRegionalMarker("pods+node")).toBe(true);
    expect(isRegionalMarker("dns")).toBe(false);
  });

  it("finds and explains the marker two alerts share", () => {
    expect(sharedMarker(["id:euc1-az2"], ["dns", "id:euc1-az2"])).toBe("id:euc1-az2");
    expect(sharedMarker(["id:euc1-az1"], ["id:euc1-az2"])).toBeNull();
    expect(describeMarker("id:euc1-az2")).toBe("both name euc1-az2");
    expect(describeMarker("tls")).toBe("both report a TLS certificate failure");
  });
});
