import { describe, expect, it } from "vitest";
import { buildCatalog, loadCatalog } from "@/lib/ml/catalog";
import { editDistance } from "@/lib/ml/entities/edit-distance";
import { findServices, primaryService } from "@/lib/ml/entities/gazetteer";
import { extractEntities } from "@/lib/ml/entities/local-extractor";

const catalog = loadCatalog("datasets/catalog/services.json");
const extract = (title: string, message = "", labels: Record<string, string> = {}) => extractEntities({ source: "generic", title, message, labels }, catalog);

describe("edit distance", () => {
  it("counts a transposition as one typo", () => {
    expect(editDistance("paymnets", "payments")).toBe(1);
    expect(editDistance("ledgr", "ledger")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("abc", "xyz", 1)).toBeGreaterThan(1);
  });
});

describe("service gazetteer", () => {
  it("resolves canonical names, aliases, spacing variants and misspellings to the canonical service", () => {
    expect(extract("paymnets-api returning 502s").service).toBe("payments-api");
    expect(extract("ledgr service slow").service).toBe("ledger-service");
    expect(extract("routeplanner OOM").service).toBe("route-planner");
    expect(extract("track-and-trace down").service).toBe("tracking-service");
    expect(extract("payments api latency").service).toBe("payments-api");
  });

  it("prefers a specific name over an ordinary word alias, and the alerting service over its dependency", () => {
    expect(extract("cache hit ratio low on checkout-web").service).toBe("checkout-web");
    expect(extract("driver-api p99 14s", "errors ETIMEDOUT calling inventory-service").service).toBe("driver-app-api");
    expect(extract("Checkout errors", "upstream payments-api returned 503").service).toBe("checkout-web");
  });

  it("does not invent services from prose", () => {
    expect(extract("Nightly report generated", "all good, nothing to do").service).toBeUndefined();
    expect(findServices(catalog, "the routine check passed").map((m) => m.service.name)).toEqual([]);
  });

  it("takes the platform's service label first, resolving aliases", () => {
    const e = extract("High latency", "", { service: "pay-api" });
    expect(e.service).toBe("payments-api");
    expect(e.origins.service).toBe("label");
    expect(e.confidences.service).toBeGreaterThan(extract("cache hit ratio low").confidences.service);
  });

  it("uses a Sentry project / Prometheus job only when the catalog knows it", () => {
    expect(extract("KeyError", "", { project: "promo-service" }).service).toBe("promo-service");
    expect(extract("KeyError", "", { job: "node-exporter" }).service).toBeUndefined();
  });

  it("puts a Kubernetes node problem on the cluster service, but not any machine's node-exporter alert", () => {
    expect(extract("KubeNodeNotReady", "ip-10-8-1-2.eu-west-1.compute.internal has been unready for more than 15 minutes.", { alertname: "KubeNodeNotReady", node: "ip-10-8-1-2.eu-west-1.compute.internal" }).service).toBe("k8s-cluster");
    expect(extract("NodeClockSkewDetected", "Clock on ip-10-3-7-91.eu-west-1.compute.internal is out of sync by 0.4 seconds.").service).toBe("k8s-cluster");
    expect(extract("NodeFilesystemAlmostOutOfSpace", "Filesystem at 10.42.7.19:9100 has only 3% available space left.").service).toBeUndefined();
    // A named service stays the service.
    expect(extract("KubePodCrashLooping", "Pod payments/payments-api-7b9c restarting", { node: "ip-10-1-1-1.eu-west-1.compute.internal" }).service).toBe("payments-api");
  });

  it("names the file and setting when the catalog cannot be read", () => {
    expect(() => loadCatalog("datasets/catalog/missing.json")).toThrow(/missing\.json \(SERVICE_CATALOG_PATH\)/);
  });

  it("picks up an edited catalog file without a restart", async () => {
    const { mkdtempSync, writeFileSync, utimesSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const file = `${mkdtempSync(`${tmpdir()}/catalog-`)}/services.json`;
    const write = (team: string, mtime: number) => {
      writeFileSync(file, JSON.stringify({ teams: [{ id: "a", name: "A" }, { id: "b", name: "B" }], services: [{ name: "billing-engine", team }] }));
      utimesSync(file, mtime, mtime);
    };
    write("a", 1_000_000);
    expect(loadCatalog(file).byName.get("billing-engine")?.team).toBe("a");
    write("b", 2_000_000);
    await new Promise((r) => setTimeout(r, 1100));
    expect(loadCatalog(file).byName.get("billing-engine")?.team).toBe("b");
  });

  it("works with a user's own catalog", () => {
    const own = buildCatalog({ teams: [{ id: "core", name: "Core" }], services: [{ name: "billing-engine", team: "core", aliases: ["billing"] }] });
    expect(primaryService(findServices(own, "biling-engine is down"))?.service.name).toBe("billing-engine");
    expect(() => buildCatalog({ teams: [{ id: "core", name: "Core" }], services: [{ name: "x", team: "nope" }] })).toThrow(/unknown team nope/);
  });
});

describe("pattern entities", () => {
  it("extracts k8s objects, hosts, IPs, codes and regions from a verbose alert", () => {
    const e = extract(
      "KubePodCrashLooping",
      "Pod payments/payments-api-6f7c9d8b4-qz8lm restarting; connect ECONNREFUSED 10.20.4.11:6379 on ip-10-8-33-201.eu-central-1.compute.internal in prod",
    );
    expect(e.namespace).toBe("payments");
    expect(e.pod).toBe("payments-api-6f7c9d8b4-qz8lm");
    expect(e.all.ip).toEqual(["10.20.4.11"]);
    expect(e.host).toBe("ip-10-8-33-201.eu-central-1.compute.internal");
    expect(e.errorCode).toBe("ECONNREFUSED");
    expect(e.region).toBe("eu-central-1");
    expect(e.environment).toBe("production");
    expect(e.service).toBe("payments-api");
  });

  it("normalizes database, gRPC and application error codes, most specific first", () => {
    expect(extract("ledger E-LEDGER-503", "ORA-12541: TNS:no listener").all.errorCode).toEqual(["E-LEDGER-503", "ORA-12541"]);
    expect(extract("too many clients (SQLSTATE 53300)").errorCode).toBe("SQLSTATE 53300");
    expect(extract("ERROR 1213 (40001): Deadlock found").all.errorCode).toEqual(["MySQL 1213"]);
    expect(extract("rpc error: code = DeadlineExceeded desc = context deadline exceeded").errorCode).toBe("DEADLINE_EXCEEDED");
    expect(extract("serialization failure 40001 retried").errorCode).toBe("SQLSTATE 40001");
  });

  it("finds HTTP statuses in context but not in unrelated numbers", () => {
    expect(extract("returning 502s").all.httpStatus).toEqual(["502"]);
    expect(extract("503 Service Unavailable from gateway").all.httpStatus).toEqual(["503"]);
    expect(extract("queue depth 503 messages").all.httpStatus).toBeUndefined();
    expect(extract("most requests return 503 from envoy").all.httpStatus).toEqual(["503"]);
    expect(extract("2.1% of logins fail with 500 in eu-west-1").all.httpStatus).toEqual(["500"]);
    expect(extract("Twilio auth failing: 401").all.httpStatus).toEqual(["401"]);
    expect(extract("bulk indexing rejected: es_rejected_execution_exception (429)").all.httpStatus).toEqual(["429"]);
    // Only error statuses after these verbs: counts are not statuses.
    expect(extract("the export should return 200 items per page").all.httpStatus).toBeUndefined();
    expect(extract("import failed with 500 records skipped").all.httpStatus).toBeUndefined();
    expect(extract("Checkout errors", "upstream returned 503").errorCode).toBe("HTTP 503");
  });

  it("reads QA as an environment only where it is written as one", () => {
    expect(extract("qa: tracking-service search timeouts").all.environment).toEqual(["qa"]);
    expect(extract("tracking-service in the QA environment is undersized").all.environment).toEqual(["qa"]);
    expect(extract("staging api-gateway returns 502; QA blocked").all.environment).toEqual(["staging"]);
  });

  it("recognises AWS, GCP and Azure regions, deriving the region from a zone", () => {
    expect(extract("x", "", { zone: "us-east-1a" }).region).toBe("us-east-1");
    expect(extract("quota exceeded in europe-west4-a").all.region).toEqual(["europe-west4"]);
    expect(extract("storage errors in westeurope").region).toBe("westeurope");
  });

  it("reads structured labels from several platforms, ignoring CloudWatch metric namespaces", () => {
    const e = extract("alarm", "", { namespace: "AWS/RDS", instance: "10.42.7.19:9100", env: "prd", "k8s.pod.name": "cart-1" });
    expect(e.namespace).toBeUndefined();
    expect(e.all.ip).toEqual(["10.42.7.19"]);
    expect(e.environment).toBe("production");
    expect(e.pod).toBe("cart-1");
  });

  it("does not mistake paths, versions or dates for environments and hosts", () => {
    const e = extract("disk full on /dev/sda1", "snapshot identity-db-2026-11-25 done; v1.2.3 deployed");
    expect(e.environment).toBeUndefined();
    expect(e.all.host).toBeUndefined();
  });
});
