/**
 * Per-alert inference cost of the offline default: classify + extract entities + embed, in process.
 *
 *   npm run bench:ml                  # print
 *   npm run bench:ml -- --record      # also write bench/ml/inference-results.{md,json}
 *   npm run bench:ml -- --alerts 5000
 *
 * Alerts come from the training and held-out sets (realistic lengths and label counts).
 */
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { parseJsonl } from "@/datasets/ml/example";
import { loadCatalog } from "@/lib/ml/catalog";
import { LocalClassifier } from "@/lib/ml/classify/local-classifier";
import { offlineEmbedder } from "@/lib/ml/embed/offline";
import { LocalEntityExtractor } from "@/lib/ml/entities/local-extractor";
import type { AlertText } from "@/lib/ml/types";
import { embeddingText } from "@/lib/pipeline/alert-text";

const args = process.argv.slice(2);
const count = args.includes("--alerts") ? Number(args[args.indexOf("--alerts") + 1]) : 4000;

const pool: AlertText[] = [
  ...parseJsonl(readFileSync("datasets/ml/train.jsonl", "utf8"), "train"),
  ...parseJsonl(readFileSync("datasets/ml/holdout.jsonl", "utf8"), "holdout"),
].map((e) => ({ source: e.source, title: e.title, message: e.message, labels: e.labels }));

loadCatalog();
const classifier = new LocalClassifier();
const extractor = new LocalEntityExtractor();
const embedder = offlineEmbedder();

async function one(a: AlertText) {
  const [, entities] = await Promise.all([classifier.classify(a), extractor.extract(a)]);
  await embedder.embed([embeddingText({ title: a.title, message: a.message, serviceName: entities.service })]);
}

// Warm-up: JIT, catalog and model load are one-off costs, not per-alert ones.
for (let i = 0; i < 300; i++) await one(pool[i % pool.length]);

const times: number[] = [];
// CPU time as well as wall time: on a shared, overloaded machine wall time mostly measures waiting.
const cpuStart = process.cpuUsage();
const started = process.hrtime.bigint();
for (let i = 0; i < count; i++) {
  const t0 = process.hrtime.bigint();
  await one(pool[(i * 7919) % pool.length]);
  times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  if ((i + 1) % 1000 === 0) console.log(`[bench:ml] ${i + 1}/${count} alerts`);
}
const totalMs = Number(process.hrtime.bigint() - started) / 1e6;
const cpu = process.cpuUsage(cpuStart);
const cpuMsPerAlert = (cpu.user + cpu.system) / 1000 / count;
times.sort((a, b) => a - b);
const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
const mem = process.memoryUsage();
const result = {
  alerts: count,
  meanMs: totalMs / count,
  cpuMsPerAlert,
  p50Ms: q(0.5),
  p95Ms: q(0.95),
  p99Ms: q(0.99),
  maxMs: times[times.length - 1],
  alertsPerSecond: (count / totalMs) * 1000,
  rssMiB: mem.rss / 1024 / 1024,
  heapUsedMiB: mem.heapUsed / 1024 / 1024,
  target: "< 2 ms per alert (classify + extract + embed), wall mean and CPU time",
};
const f = (x: number) => x.toFixed(3);
const table = [
  "| alerts | CPU ms/alert | wall mean ms | p50 ms | p95 ms | p99 ms | max ms | alerts/s | RSS MiB |",
  "|---|---|---|---|---|---|---|---|---|",
  `| ${count} | ${f(cpuMsPerAlert)} | ${f(result.meanMs)} | ${f(result.p50Ms)} | ${f(result.p95Ms)} | ${f(result.p99Ms)} | ${f(result.maxMs)} | ${result.alertsPerSecond.toFixed(0)} | ${result.rssMiB.toFixed(0)} |`,
].join("\n");
console.log(table);
const pass = result.meanMs < 2 && cpuMsPerAlert < 2;
console.log(pass ? "PASS: under 2 ms per alert" : "FAIL: over 2 ms per alert");

if (args.includes("--record")) {
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, Node ${process.version}`;
  const cmd = `npm run bench:ml -- --record${count !== 4000 ? ` --alerts ${count}` : ""}`;
  writeFileSync(
    "bench/ml/inference-results.md",
    [
      "# Offline ML inference per alert (classify + extract + embed)",
      "",
      `Command: \`${cmd}\` — recorded ${new Date().toISOString()} on ${machine}.`,
      "Other work on this 2-core machine inflates these numbers: see the load average recorded with the run.",
      "",
      table,
      "",
      `Target: ${result.target}. ${pass ? "Met" : "Not met"}. Load average at the time: ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")}.`,
      "",
    ].join("\n"),
  );
  writeFileSync("bench/ml/inference-results.json", JSON.stringify({ command: cmd, recordedAt: new Date().toISOString(), machine, sharedMachine: true, ...result }, null, 2) + "\n");
  console.log("recorded bench/ml/inference-results.md and .json");
}
