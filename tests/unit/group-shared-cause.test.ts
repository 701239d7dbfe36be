import { describe, expect, it } from "vitest";
import { describeMarker, sharedCauseMarkers, sharedMarker } from "@/lib/triage/group-shared-cause";

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
    // A certificate that will expire in three weeks is a reminder, not a failure.
    expect(sharedCauseMarkers("APNs certificate expires in 21 days")).not.toContain("tls");
  });

  it("names the zone or node an alert is about, and nothing for ordinary errors", () => {
    expect(sharedCauseMarkers("Broker kafka-3 (euc1-az2) is not reachable")).toEqual(["zone:euc1-az2"]);
    expect(sharedCauseMarkers("Node ip-10-20-3-41 NotReady")).toEqual(["node:ip-10-20-3-41"]);
    expect(sharedCauseMarkers("[No Data] etl-pipeline host metrics on etl-worker-1")).toEqual(["nodata"]);
    expect(sharedCauseMarkers("p99 latency above 2s: upstream timeout, HTTP 503")).toEqual([]);
  });

  it("finds and explains the marker two alerts share", () => {
    expect(sharedMarker(["zone:euc1-az2"], ["dns", "zone:euc1-az2"])).toBe("zone:euc1-az2");
    expect(sharedMarker(["zone:euc1-az1"], ["zone:euc1-az2"])).toBeNull();
    expect(describeMarker("zone:euc1-az2")).toBe("both name availability zone euc1-az2");
    expect(describeMarker("tls")).toBe("both report a TLS certificate failure");
  });
});
