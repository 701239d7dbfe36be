import fs from "node:fs";
import path from "node:path";
import { sampleAlerts } from "@/datasets/alerts/sample-alerts";
import type { NormalizedAlert } from "@/lib/ingest/types";

/** Shared by the triage benchmarks: a realistic alert load. */

/** Parcelwise failure stories as stored alerts; half state their severity (the classifier decides the rest). */
export function benchAlerts(count: number, seed = "bench-1"): NormalizedAlert[] {
  const start = new Date(Date.now() - count * 20_000);
  return sampleAlerts(seed, count, { start, status: "firing" }).map((s, i) => ({
    source: "generic",
    externalId: `${s.id}-${i}`,
    fingerprint: `${s.kind}:${s.service}:${s.region}`,
    status: "firing",
    title: s.title,
    message: `${s.summary}\n${s.description}`,
    runbookUrl: s.runbook,
    labels: { ...s.labels, service: s.service, env: s.environment, region: s.region },
    sourceSeverity: i % 2 === 0 ? s.severity : undefined,
    occurredAt: new Date(start.getTime() + i * 20_000),
  }));
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

const BENCH_DIR = path.resolve(import.meta.dirname);

/** Records one run: its raw numbers in results/<name>.json and a section appended to RESULTS.md. */
export function recordRun(name: string, result: unknown, section: string): void {
  const dir = path.join(BENCH_DIR, "results");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(result, null, 2) + "\n");
  const md = path.join(BENCH_DIR, "RESULTS.md");
  if (!fs.existsSync(md)) {
    fs.writeFileSync(
      md,
      "# Triage pipeline throughput (in-process runner, PostgreSQL)\n\nEach run appends a section; raw numbers in results/<run>.json. " +
        "Other work on the 2-core machine lowers these numbers: each run records its load average.\n",
    );
  }
  fs.appendFileSync(md, section);
}
