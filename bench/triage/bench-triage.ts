/**
 * Triage throughput of the in-process pipeline against a real PostgreSQL server, with the offline ML
 * defaults: alerts triaged per second and the share of time per step.
 *
 *   npm run bench:triage [-- --alerts 600 --concurrency 4 --admin-url postgresql://postgres@127.0.0.1:5432/postgres]
 *
 * Alerts are Parcelwise failure stories (datasets/alerts/sample-alerts.ts) stored 'pending' first, through
 * the ingest store, so only triage is timed: classify → extract entities → embed → group (+ claim/finish
 * bookkeeping). Summaries run too (debounce 1 s); Slack is off. Results: bench/triage/RESULTS.md (appended)
 * and bench/triage/results/<run>.json. A throwaway database is created and dropped.
 */
import os from "node:os";
import { createTempDatabase } from "@/lib/db/temp-database";
import { benchAlerts, recordRun } from "./bench-support";

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const ALERTS = Number(option("--alerts", "600"));
const CONCURRENCY = option("--concurrency", "4");
const ADMIN_URL = option("--admin-url", "postgresql://postgres@127.0.0.1:5432/postgres");
const BATCH = 20;
const runId = new Date().toISOString().replace(/[:.]/g, "-");

const log = (m: string) => console.log(`[bench:triage] ${m}`);

async function main() {
  const { url, drop } = await createTempDatabase({ adminUrl: ADMIN_URL, prefix: "opsrelay_bench_triage" });
  process.env.DATABASE_URL = url;
  process.env.PIPELINE_CONCURRENCY = CONCURRENCY;
  process.env.SUMMARY_DEBOUNCE_SECONDS = "1";
  delete process.env.SLACK_WEBHOOK_URL;
  delete process.env.INNGEST_DEV;
  delete process.env.INNGEST_EVENT_KEY;
  const { resetEnv } = await import("@/lib/env");
  resetEnv();
  const { db, disconnectDb } = await import("@/lib/db");
  const { storeAlerts } = await import("@/lib/ingest/store");
  const { dispatchInProcess, drainInProcess, stepTimings, resetStepTimings } = await import("@/lib/pipeline/in-process");
  const { getEmbedder } = await import("@/lib/ml");

  try {
    const alerts = benchAlerts(ALERTS);
    const ids: string[] = [];
    for (let i = 0; i < alerts.length; i += BATCH) {
      const chunk = alerts.slice(i, i + BATCH);
      const stored = await storeAlerts({
        source: "generic",
        deliveryId: `bench-${i}`,
        // As the webhook stores it: every alert keeps the whole request body it came in.
        rawBody: JSON.stringify({ alerts: chunk }),
        receivedAt: new Date(),
        alerts: chunk,
      });
      ids.push(...stored.alertIds);
    }
    log(`stored ${ids.length} pending alerts; embedder: ${(await getEmbedder()).model}; concurrency ${CONCURRENCY}`);

    // Warm-up outside the timing: model and catalog loading happen once per process.
    const { getClassifier, getEntityExtractor } = await import("@/lib/ml");
    const warm = { source: "generic", title: "warm-up", message: "", labels: {} };
    await Promise.all([(await getEmbedder()).embed(["warm-up"]), getClassifier().classify(warm), getEntityExtractor().extract(warm)]);
    resetStepTimings();
    const countDone = async () =>
      db().alert.count({ where: { id: { in: ids }, processingState: { in: ["processed", "degraded", "failed"] } } });

    const loadAtStart = os.loadavg()[0].toFixed(1);
    const started = performance.now();
    const rssBefore = process.memoryUsage().rss;
    let peakRss = rssBefore;
    for (let i = 0; i < ids.length; i += BATCH) dispatchInProcess("alert/received", { alertIds: ids.slice(i, i + BATCH) });
    let done = 0;
    let lastLog = 0;
    while (done < ids.length) {
      await new Promise((r) => setTimeout(r, 250));
      done = await countDone();
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      const elapsed = (performance.now() - started) / 1000;
      if (elapsed - lastLog >= 2 || done === ids.length) {
        lastLog = elapsed;
        log(`${done}/${ids.length} triaged (${(done / elapsed).toFixed(1)}/s)`);
      }
    }
    const triageSeconds = (performance.now() - started) / 1000;
    await drainInProcess(600_000);
    const drainSeconds = (performance.now() - started) / 1000;

    const states = await db().alert.groupBy({ by: ["processingState"], where: { id: { in: ids } }, _count: true });
    const incidents = await db().incident.count();
    const summaries = await db().incident.count({ where: { summary: { not: null } } });
    const timings = stepTimings();
    const stepKinds = ["classify", "extract-entities", "embed", "group", "begin", "settle", "finish"];
    const totalMs = stepKinds.reduce((s, k) => s + (timings[k]?.ms ?? 0), 0);
    const steps = Object.fromEntries(
      stepKinds.map((k) => [
        k,
        {
          share: Number(((timings[k]?.ms ?? 0) / totalMs).toFixed(3)),
          meanMs: Number(((timings[k]?.ms ?? 0) / Math.max(1, timings[k]?.count ?? 0)).toFixed(2)),
        },
      ]),
    );
    const result = {
      run: runId,
      command: `npm run bench:triage -- ${args.join(" ")}`.trim(),
      machine:
        `${os.cpus().length} CPU (${os.cpus()[0]?.model ?? "?"}), Node ${process.version}; shared with other engineers' work during the run ` +
        `(load average ${loadAtStart} at start)`,
      database: "PostgreSQL 15 + pgvector (local server)",
      embedder: (await getEmbedder()).model,
      alerts: ids.length,
      concurrency: Number(CONCURRENCY),
      triageSeconds: Number(triageSeconds.toFixed(2)),
      alertsPerSecond: Number((ids.length / triageSeconds).toFixed(1)),
      drainedSeconds: Number(drainSeconds.toFixed(2)),
      states: Object.fromEntries(states.map((s) => [s.processingState, s._count])),
      incidents,
      incidentsWithSummary: summaries,
      summaryRuns: timings.summarize?.count ?? 0,
      peakRssMb: Math.round(peakRss / 1048576),
      steps,
    };
    console.log(JSON.stringify(result, null, 2));

    const shareLine = stepKinds.map((k) => `${k} ${(steps[k].share * 100).toFixed(1)}% (${steps[k].meanMs} ms)`).join(", ");
    recordRun(
      runId,
      result,
      `\n## ${runId}\n\n- Command: \`${result.command}\`\n- Machine: ${result.machine}\n- Embedder: ${result.embedder}; database: ${result.database}\n` +
        `- **${result.alertsPerSecond} alerts/s** triaged (${result.alerts} alerts in ${result.triageSeconds} s, concurrency ${result.concurrency}); ` +
        `all summaries done after ${result.drainedSeconds} s; peak RSS ${result.peakRssMb} MB\n` +
        `- Outcome: ${JSON.stringify(result.states)}; ${result.incidents} incidents (${result.incidentsWithSummary} with a summary, ${result.summaryRuns} summary writes)\n` +
        `- Time per step (share of step time, mean per call): ${shareLine}\n`,
    );
    log(`recorded in bench/triage/RESULTS.md and results/${runId}.json`);
  } finally {
    await disconnectDb();
    await drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
