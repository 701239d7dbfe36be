import { describe, expect, it } from "vitest";
import { environmentOf, severitySignals } from "@/lib/ml/classify/severity-signals";
import type { AlertText } from "@/lib/ml/types";

const signals = (title: string, message = "", labels: Record<string, string> = {}, tier?: number) => {
  const out: string[] = [];
  severitySignals({ source: "generic", title, message, labels }, tier, (f) => out.push(f));
  return out;
};

describe("severity signals", () => {
  it("grades magnitudes on the rubric's thresholds for what they measure", () => {
    expect(signals("payments-api errors", "45% of requests fail with 500")).toContain("mag:errors:critical");
    expect(signals("payments-api errors", "2% of requests fail with 500")).toContain("mag:errors:medium");
    expect(signals("Disk usage", "system.disk.in_use = 0.84 on /data")).toContain("mag:disk:medium");
    expect(signals("NodeFilesystemAlmostOutOfSpace", "Filesystem has only 3% available space left")).toContain("mag:disk:critical");
    expect(signals("success rate low", "login success 38% over 10m")).toContain("mag:errors:critical");
    expect(signals("Elevated checkout failures", "order completion 84% vs 97% baseline")).toContain("mag:errors:high");
    expect(signals("cert", "certificate expires in 2 days")).toContain("mag:expiry:high");
    expect(signals("cert", "certificate expires in 25 days")).toContain("mag:expiry:low");
    expect(signals("p99", "p99 latency 12s (SLO 900ms)")).toContain("mag:latency:critical");
    expect(signals("payments-api p99 latency > 1.5s on env:prod", "p99 reached 4.82s over the last 10m")).toContain("mag:latency:high");
    expect(signals("GC pauses", "timed out after 30000ms")).not.toEqual(expect.arrayContaining([expect.stringMatching(/^mag:latency/)]));
    expect(signals("replica", "replica is 2843s behind the primary")).toContain("mag:lag:critical");
    expect(signals("pods", "0 of 6 pods ready")).toContain("mag:replicas:critical");
    expect(signals("pods", "11/12 replicas healthy")).toContain("mag:replicas:low");
  });

  it("grades replication lag on the rubric's minutes, other lag one level lower, late jobs as late", () => {
    expect(signals("routing-db replica behind", "replication lag 20 minutes")).toContain("mag:lag:critical");
    expect(signals("tracking consumer behind", "consumer group 20 minutes behind on scan-events")).toContain("mag:lag:high");
    expect(signals("tracking consumer behind", "consumer group 20 minutes behind on scan-events")).not.toContain("mag:lag:critical");
    const late = signals("Reporting job late", "daily KPI report finished 50 minutes late");
    expect(late).toContain("mag:late:low");
    expect(late.some((f) => f.startsWith("mag:lag:"))).toBe(false);
  });

  it("reads metric names in bodies, which side of a disk a percentage measures, and backlog trends", () => {
    // CamelCase metric in the message: "age of oldest message" is queue lag (not replication: high, not critical).
    expect(signals("scanner-ingest-SQS", "Threshold Crossed: ApproximateAgeOfOldestMessage 1860 (seconds) > 600")).toContain("mag:lag:high");
    // "(83% used)" next to FreeStorageSpace is used space, not free space.
    expect(signals("inventory-db-FreeStorageSpace", "Threshold Crossed: FreeStorageSpace 34 GiB < 40 GiB (83% used).")).toContain("mag:disk:medium");
    expect(signals("Low disk", "FreeStorageSpace 3 GiB (6% of 50 GiB left)")).toContain("mag:disk:high");
    expect(signals("Kafka consumer lag", "lag 412,000 and rising for 20m")).toContain("mag:growth:high");
    expect(signals("RabbitMQ backlog", "180k ready messages, 0 of 4 consumers connected")).toContain("mag:growth:high");
    expect(signals("queue depth 48k", "consumers caught up, depth is falling slowly")).not.toContain("mag:growth:high");
    // Named critical by the rubric, so they count as a critical reading.
    expect(signals("Postgres", "FATAL: remaining connection slots are reserved")).toContain("mag:worst:critical");
    expect(signals("SSLError", "certificate has expired")).toContain("mag:worst:critical");
  });

  it("names the kind of impact, scope and mitigation", () => {
    expect(signals("checkout is down", "customers cannot pay")).toEqual(expect.arrayContaining(["cue:outage", "cue:blocked", "cue:customers"]));
    // Stopped business flows are outages too.
    expect(signals("SMS sending stopped on env:prod")).toContain("cue:outage");
    expect(signals("Warehouse scanners disconnected", "0 scans/min from 14 of 14 sites")).toContain("cue:outage");
    expect(signals("Routing: tomorrow's routes not generated")).toContain("cue:outage");
    expect(signals("KubeDaemonSetRolloutStuck", "41 of 42 pods updated")).not.toContain("cue:outage");
    expect(signals("Deployment of cart-service v2 completed")).toContain("cue:housekeeping");
    expect(signals("[Recovered] cart-service error rate")).toContain("cue:recovered");
    expect(signals("queue backing up", "retries succeed, no customer impact")).toContain("cue:mitigated");
    expect(signals("pod restarting", "only one pod affected")).toContain("cue:scope_one");
    expect(signals("outage", "affects all regions")).toContain("cue:scope_all");
    expect(signals("one driver says the app logged him out twice", "can't reproduce")).toEqual(expect.arrayContaining(["cue:scope_one"]));
    expect(signals("one driver says the app logged him out twice", "can't reproduce")).not.toContain("cue:blocked");
    expect(signals("SSLError: certificate has expired", "staff cannot sign in to the admin tools")).toContain("cue:mitigated");
  });

  it("crosses cues with the environment and the catalog tier", () => {
    const f = signals("payments-api is down", "", { env: "staging" }, 1);
    expect(f).toEqual(expect.arrayContaining(["env:nonprod", "cue:outage:nonprod", "cue:outage:t1"]));
  });

  it("takes the environment from labels first, then the text", () => {
    const a = (labels: Record<string, string>, text: string): AlertText => ({ source: "generic", title: text, message: "", labels });
    expect(environmentOf(a({ env: "prd" }, "staging mentioned"), "staging mentioned")).toBe("production");
    expect(environmentOf(a({}, "route-planner errors in staging"), "route-planner errors in staging")).toBe("nonprod");
    expect(environmentOf(a({}, "deploy from staging to prod"), "deploy from staging to prod")).toBe("production");
    expect(environmentOf(a({}, "cart errors"), "cart errors")).toBe("unknown");
    const device = "filesystem on /dev/nvme0n1 at es-data-1:9100 has only 14% available space left";
    expect(environmentOf(a({}, device), device)).toBe("unknown");
  });
});
