/**
 * Time from "webhook stored the alert" to "alert triaged and in an incident", with alerts arriving at a
 * steady rate through the in-process pipeline (offline ML defaults, real PostgreSQL).
 *
 *   npm run bench:triage:latency [-- --rate 10 --seconds 30 --admin-url postgresql://postgres@127.0.0.1:5432/postgres]
 *
 * Each alert is stored as the webhook stores it, then announced with sendEvent, at --rate per second for
 * --seconds. Latency = processed_at − created_at per alert (p50/p95/max). Results are appended to
 * bench/triage/RESULTS.md and written to bench/triage/results/latency-<run>.json.
 */
import os from "node:os";
import { createTempDatabase } from "@/lib/db/temp-database";
import { benchAlerts, percentile, recordRun } from "./bench-support";

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const RATE = Number(option("--rate", "10"));
const SECONDS = Number(option("--seconds", "30"));
const ADMIN_URL = option("--admin-url", "postgresql://postgres@127.0.0.1:5432/postgres");
const runId = new Date().toISOString().replace(/[:.]/g, "-");
const log = (m: string) => console.log(`[bench:triage:latency] ${m}`);

async function main() {
  const { url, drop } = await createTempDatabase({ adminUrl: ADMIN_URL, prefix: "opsrelay_bench_latency" });
  process.env.DATABASE_URL = url;
  process.env.SUMMARY_DEBOUNCE_SECONDS = "5";
  delete process.env.SLACK_WEBHOOK_URL;
  delete process.env.INNGEST_DEV;
  delete process.env.INNGEST_EVENT_KEY;
  const { env, resetEnv } = await import("@/lib/env");
  resetEnv();
  const { db, disconnectDb } = await import("@/lib/db");
  const { storeAlerts } = await import("@/lib/ingest/store");
  const { sendEvent } = await import("@/lib/events/send");
  const { drainInProcess } = await import("@/lib/pipeline/in-process");
  const { getClassifier, getEmbedder, getEntityExtractor } = await import("@/lib/ml");

  try {
    const warm = { source: "generic", title: "warm-up", message: "", labels: {} };
    await Promise.all([(await getEmbedder()).embed(["warm-up"]), getClassifier().classify(warm), getEntityExtractor().extract(warm)]);

    const alerts = benchAlerts(Math.round(RATE * SECONDS), "bench-latency");
    const loadAtStart = os.loadavg()[0].toFixed(1);
    const started = performance.now();
    const ids: string[] = [];
    for (let i = 0; i < alerts.length; i++) {
      const due = started + (i * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const stored = await storeAlerts({
        source: "generic",
        deliveryId: `latency-${i}`,
        rawBody: JSON.stringify(alerts[i]),
        receivedAt: new Date(),
        alerts: [alerts[i]],
      });
      ids.push(...stored.alertIds);
      await sendEvent("alert/received", { alertIds: stored.alertIds });
      if ((i + 1) % Math.max(1, RATE * 5) === 0) log(`${i + 1}/${alerts.length} alerts sent`);
    }
    const sentSeconds = (performance.now() - started) / 1000;
    await drainInProcess(600_000);

    const rows = await db().$queryRaw<{ ms: number; incident: boolean }[]>`
      SELECT extract(epoch FROM (processed_at - created_at)) * 1000 AS ms, incident_id IS NOT NULL AS incident
      FROM alerts WHERE id = ANY(${ids}::uuid[]) AND processed_at IS NOT NULL`;
    const ms = rows.map((r) => Number(r.ms)).sort((a, b) => a - b);
    const result = {
      run: runId,
      command: `npm run bench:triage:latency -- ${args.join(" ")}`.trim(),
      machine:
        `${os.cpus().length} CPU (${os.cpus()[0]?.model ?? "?"}), Node ${process.version}; shared with other engineers' work during the run ` +
        `(load average ${loadAtStart} at start)`,
      database: "PostgreSQL 15 + pgvector (local server)",
      embedder: (await getEmbedder()).model,
      concurrency: env().PIPELINE_CONCURRENCY,
      rate: RATE,
      sent: ids.length,
      sentSeconds: Number(sentSeconds.toFixed(1)),
      triaged: ms.length,
      inIncident: rows.filter((r) => r.incident).length,
      latencyMs: {
        p50: Math.round(percentile(ms, 50)),
        p95: Math.round(percentile(ms, 95)),
        max: Math.round(ms[ms.length - 1] ?? NaN),
      },
    };
    console.log(JSON.stringify(result, null, 2));
    recordRun(
      `latency-${runId}`,
      result,
      `\n## Latency ${runId}\n\n- Command: \`${result.command}\`\n- Machine: ${result.machine}\n` +
        `- ${result.sent} alerts at ${RATE}/s (sent over ${result.sentSeconds} s), concurrency ${result.concurrency}, embedder ${result.embedder}\n` +
        `- **Stored → triaged: p50 ${result.latencyMs.p50} ms, p95 ${result.latencyMs.p95} ms, max ${result.latencyMs.max} ms**; ` +
        `${result.triaged}/${result.sent} triaged, ${result.inIncident} in an incident\n`,
    );
    log(`recorded in bench/triage/RESULTS.md and results/latency-${runId}.json`);
  } finally {
    await disconnectDb();
    await drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
