/**
 * Webhook ingestion load test against the real Next.js server and a real PostgreSQL server.
 *
 *   npm run build            # once: the benchmark serves the production build (.next)
 *   npm run bench:ingest [-- --duration 20 --connections 10 --rate 1000 [--pacing even|burst] --only alertmanager|datadog --pipeline inngest|in-process --port 3191 --admin-url postgresql://… --cpu-prof <dir>]
 *
 * Without --rate each connection sends its next request as soon as the previous one is answered (peak
 * throughput; latency then grows with the connection count: ≈ connections / throughput). --rate fixes
 * the offered load in alerts/s (e.g. 1000 = 1000 Datadog requests/s, or 100 ten-alert Alertmanager
 * requests/s) to measure latency at that load, spread evenly over each second (--pacing even, the
 * default) or as autocannon's overallRate offers it (--pacing burst: every connection sends its whole
 * per-second quota at the top of each second; the runs recorded before 2026-11-25 22:00 UTC used this).
 * Every run also records where the CPU went (server, PostgreSQL backends, autocannon, the rest of the
 * machine). --cpu-prof writes a V8 CPU profile of the server instead of recording results.
 *
 * For each scenario (single-alert Datadog bodies, 10-alert Alertmanager bodies) autocannon POSTs unique
 * payloads over loopback for --duration seconds; then the alert rows are counted per source: every
 * 2xx response must have stored exactly its alerts (none lost, none duplicated).
 *
 * --pipeline inngest (default): events go to a local stand-in for the Inngest event API (as in a
 * production deployment, triage runs elsewhere), so the numbers are ingestion's own.
 * --pipeline in-process: the server also triages every alert itself, competing for the same CPU.
 * Results: bench/ingest/results.md (appended) and bench/ingest/results/<run>.json.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { migrateDeploy } from "@/lib/db/migrate";
import { startCpuAccounting, type CpuShare } from "./cpu-accounting";
import { percentile, runLoad, type LoadResult, type Pacing } from "./load";
import { alertmanagerBody, datadogBody } from "./payloads";

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const DURATION = Number(option("--duration", "20"));
const CONNECTIONS = Number(option("--connections", "10"));
const PIPELINE = option("--pipeline", "inngest") as "inngest" | "in-process";
const ADMIN_URL = option("--admin-url", "postgresql://postgres@127.0.0.1:5432/postgres");
const PORT = Number(option("--port", "3191"));
const ONLY = option("--only", "");
const KEEP_DB = args.includes("--keep-db");
/** Writes a V8 CPU profile of the Next.js server to this directory (node --cpu-prof) for finding where request time goes. */
const CPU_PROF_DIR = option("--cpu-prof", "");
/** Fixed offered load in alerts/s (autocannon overallRate); unset = as fast as the connections go. */
const RATE = args.includes("--rate") ? Number(option("--rate", "0")) : undefined;
/** How --rate is offered: spread evenly over each second (default), or autocannon's per-second bursts. */
const PACING: Pacing = RATE ? (option("--pacing", "even") as Pacing) : "closed";
const ROOT = path.resolve(import.meta.dirname, "../..");
const TOKENS = { DATADOG_WEBHOOK_TOKEN: "bench-datadog-token", ALERTMANAGER_WEBHOOK_TOKEN: "bench-alertmanager-token" };
const runId = Date.now().toString(36);

function log(message: string) {
  console.log(`[bench:ingest] ${message}`);
}

async function createDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `opsrelay_bench_ingest_${runId}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  await migrateDeploy(url.toString(), { quiet: true });
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Accepts Inngest event-API posts (POST /e/<key>) like Inngest does, counting the events. */
function startFakeInngest(): Promise<{ url: string; events: () => number; alertIds: () => number; close: () => Promise<void> }> {
  let events = 0;
  const ids = new Set<string>();
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (d) => (body += d));
    req.on("end", () => {
      try {
        const parsed = JSON.parse(body);
        const list: { data?: { alertIds?: string[] } }[] = Array.isArray(parsed) ? parsed : [parsed];
        events += list.length;
        for (const e of list) for (const id of e.data?.alertIds ?? []) ids.add(id);
      } catch {
        // counted as nothing
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ ids: ["01BENCH"], status: 200 }));
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      resolve({ url: `http://127.0.0.1:${port}`, events: () => events, alertIds: () => ids.size, close: () => new Promise((r) => server.close(() => r())) });
    }),
  );
}

async function waitForServer(child: ChildProcess, url: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}`);
    try {
      const res = await fetch(url, { method: "POST", body: "{}" });
      if (res.status === 404) return; // unknown source answered: the route is up
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("next start did not answer within 60 s");
}

interface ResultEntry {
  scenario: string;
  requestsPerSecond: number;
  alertsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  non2xx: number;
  errors: number;
  cpu: CpuShare;
  cpuMsPerRequest: { server: number; postgres: number };
  expectedAlertRows: number;
  storedAlertRows: number;
  deliveryRows: number;
  lost: number;
  duplicated: number;
  [detail: string]: unknown;
}

interface Scenario {
  name: string;
  source: "datadog" | "alertmanager";
  alertsPerRequest: number;
  token: string;
  body: (n: number) => string;
}

let counter = 0;
function load(s: Scenario, seconds: number): Promise<LoadResult> {
  return runLoad({
    url: `http://127.0.0.1:${PORT}`,
    path: `/api/webhooks/${s.source}`,
    headers: { "content-type": "application/json", authorization: `Bearer ${s.token}` },
    body: () => s.body(counter++),
    seconds,
    pacing: PACING,
    connections: CONNECTIONS,
    requestsPerSecond: RATE ? RATE / s.alertsPerRequest : undefined,
  });
}

async function main() {
  if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    console.error("[bench:ingest] No production build found (.next/BUILD_ID). Run `npm run build` first, then `npm run bench:ingest`.");
    process.exit(1);
  }
  const loadBefore = os.loadavg().map((l) => l.toFixed(2)).join(" ");
  log(`run ${runId}: ${DURATION}s per scenario, ${CONNECTIONS} connections, pipeline=${PIPELINE}, load average before ${loadBefore}`);
  const database = await createDatabase();
  const databaseName = new URL(database.url).pathname.slice(1);
  log(`fresh database ${databaseName} migrated`);
  const inngest = PIPELINE === "inngest" ? await startFakeInngest() : undefined;

  const child = spawn(process.execPath, [...(CPU_PROF_DIR ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(CPU_PROF_DIR)}`] : []), path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(PORT), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...TOKENS,
      NODE_ENV: "production",
      DATABASE_URL: database.url,
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "warn",
      OPSRELAY_INSECURE_WEBHOOKS: "",
      ...(inngest ? { INNGEST_EVENT_KEY: "bench-event-key", INNGEST_BASE_URL: inngest.url, INNGEST_DEV: "" } : { INNGEST_EVENT_KEY: "", INNGEST_DEV: "" }),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let serverLog = "";
  child.stdout?.on("data", (d) => (serverLog += d));
  child.stderr?.on("data", (d) => (serverLog += d));
  const stopServer = () => {
    if (child.exitCode === null) child.kill("SIGTERM");
  };
  process.on("exit", stopServer);

  const scenarios: Scenario[] = [
    { name: "Datadog, 1 alert per request", source: "datadog", alertsPerRequest: 1, token: TOKENS.DATADOG_WEBHOOK_TOKEN, body: (n) => datadogBody(n, runId) },
    { name: "Alertmanager, 10 alerts per request", source: "alertmanager", alertsPerRequest: 10, token: TOKENS.ALERTMANAGER_WEBHOOK_TOKEN, body: (n) => alertmanagerBody(n, runId, 10) },
  ];
  const selected = ONLY ? scenarios.filter((s) => s.source === ONLY) : scenarios;
  const results: ResultEntry[] = [];
  try {
    await waitForServer(child, `http://127.0.0.1:${PORT}/api/webhooks/bench-probe`);
    log(`next start ready on port ${PORT}`);
    const pool = new pg.Pool({ connectionString: database.url, max: 2 });
    for (const s of selected) {
      log(`${s.name}: warm-up 3 s`);
      const warm = await load(s, 3);
      log(`${s.name}: measuring ${DURATION} s`);
      const cpu = startCpuAccounting(child.pid!, databaseName);
      const r = await load(s, DURATION);
      const cpuShare = cpu.stop();
      const accepted = warm.responses2xx + r.responses2xx;
      // Let requests still in flight when autocannon stopped finish, then count in one snapshot.
      await new Promise((r) => setTimeout(r, 2000));
      const rows = await pool.query<{ alerts: string; occurrences: string; distinct_ext: string; deliveries: string }>(
        `SELECT count(*) AS alerts, coalesce(sum(occurrence_count), 0) AS occurrences, count(DISTINCT external_id) AS distinct_ext,
                (SELECT count(*) FROM webhook_deliveries WHERE source = $1) AS deliveries
         FROM alerts WHERE source = $1`,
        [s.source],
      );
      const deliveryRows = Number(rows.rows[0].deliveries);
      const stored = Number(rows.rows[0].alerts);
      const expected = accepted * s.alertsPerRequest;
      const sorted = r.latenciesMs.sort((a, b) => a - b);
      const round = (x: number) => Math.round(x * 10) / 10;
      const requestsPerSecond = r.responses2xx / r.seconds;
      const entry: ResultEntry = {
        scenario: s.name,
        source: s.source,
        alertsPerRequest: s.alertsPerRequest,
        durationSeconds: DURATION,
        pacing: PACING,
        connections: PACING === "even" ? "one per time slot" : CONNECTIONS,
        offeredAlertsPerSecond: RATE ?? null,
        requestsPerSecond,
        alertsPerSecond: requestsPerSecond * s.alertsPerRequest,
        latencyMs: {
          p50: round(percentile(sorted, 0.5)),
          p90: round(percentile(sorted, 0.9)),
          p99: round(percentile(sorted, 0.99)),
          max: round(sorted[sorted.length - 1] ?? NaN),
          mean: round(sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length)),
        },
        responses2xx: r.responses2xx,
        non2xx: r.non2xx,
        errors: r.errors,
        timeouts: r.timeouts,
        cpu: cpuShare,
        /** Server and PostgreSQL CPU per request, ms. */
        cpuMsPerRequest: { server: (cpuShare.server * 1000) / requestsPerSecond, postgres: (cpuShare.postgres * 1000) / requestsPerSecond },
        acceptedIncludingWarmup: accepted,
        expectedAlertRows: expected,
        storedAlertRows: stored,
        distinctExternalIds: Number(rows.rows[0].distinct_ext),
        occurrenceSum: Number(rows.rows[0].occurrences),
        deliveryRows,
        // Requests still in flight when autocannon stops are stored but not counted as responses, so
        // rows may exceed 2xx × alerts; every processed delivery must hold exactly its alerts.
        lost: Math.max(0, expected - stored) + Math.max(0, deliveryRows * s.alertsPerRequest - stored),
        duplicated:
          Math.max(0, stored - deliveryRows * s.alertsPerRequest) +
          (Number(rows.rows[0].occurrences) - stored) +
          (stored - Number(rows.rows[0].distinct_ext)),
      };
      results.push(entry);
      log(
        `${s.name}: ${entry.requestsPerSecond.toFixed(0)} req/s = ${entry.alertsPerSecond.toFixed(0)} alerts/s, ` +
          `p50 ${entry.latencyMs.p50} ms, p99 ${entry.latencyMs.p99} ms, non-2xx ${entry.non2xx}, errors ${entry.errors}; ` +
          `rows ${stored}/${expected} expected (lost ${entry.lost}, duplicated ${entry.duplicated})`,
      );
    }
    await pool.end();
  } finally {
    stopServer();
    // A profiled server writes its profile on exit: wait for it.
    if (child.exitCode === null) await new Promise((r) => { child.once("exit", r); setTimeout(r, 15_000); });
    await inngest?.close();
    if (!KEEP_DB) await database.drop();
  }
  if (child.exitCode !== null && child.exitCode !== 0 && results.length < selected.length) console.error(serverLog.slice(-4000));

  const record = {
    runId,
    date: new Date().toISOString(),
    command: `npm run bench:ingest -- ${args.join(" ")}`.trim(),
    pipeline: PIPELINE,
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version, loadAverageBefore: loadBefore, loadAverageAfter: os.loadavg().map((l) => l.toFixed(2)).join(" ") },
    note: "autocannon, Next.js and PostgreSQL all on the same 2-core host (loopback); compare the load averages above.",
    // Every stored alert must have been announced once in an alert/received event.
    events: inngest ? { sentToInngestStandIn: inngest.events(), distinctAlertIdsInEvents: inngest.alertIds(), storedAlertRows: results.reduce((n, r) => n + Number(r.storedAlertRows), 0) } : undefined,
    results,
  };
  if (CPU_PROF_DIR) {
    // A profiled server is slower: its numbers are not results.
    log(`profiled run: CPU profile in ${CPU_PROF_DIR}; nothing recorded`);
    process.exit(0);
  }
  fs.mkdirSync(path.join(import.meta.dirname, "results"), { recursive: true });
  fs.writeFileSync(path.join(import.meta.dirname, "results", `${record.date.replace(/[:.]/g, "-")}.json`), JSON.stringify(record, null, 2) + "\n");
  const pct = (x: number) => `${Math.round(x * 100)} %`;
  const loadLabel = RATE
    ? `offered load ${RATE} alerts/s, ${PACING === "even" ? "spread evenly over each second" : `autocannon bursts (${CONNECTIONS} connections)`}`
    : `${CONNECTIONS} connections, closed loop: as fast as it goes`;
  const md = [
    `\n## ${record.date} (run ${runId}, pipeline=${PIPELINE}, ${loadLabel})`,
    "",
    `Command: \`${record.command}\`  `,
    `Machine: ${record.machine.cpus} CPUs (${record.machine.cpuModel}), Node ${record.machine.node}; load average before ${loadBefore}, after ${record.machine.loadAverageAfter}. ${record.note}`,
    "",
    "| scenario | req/s | alerts/s | p50 ms | p90 ms | p99 ms | max ms | non-2xx | errors | rows stored / 2xx×alerts (deliveries) | lost | duplicated |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ...results.map((e) =>
      `| ${e.scenario} | ${e.requestsPerSecond.toFixed(0)} | ${e.alertsPerSecond.toFixed(0)} | ${e.latencyMs.p50} | ${e.latencyMs.p90} | ${e.latencyMs.p99} | ${e.latencyMs.max} | ${e.non2xx} | ${e.errors} | ${e.storedAlertRows} / ${e.expectedAlertRows} (${e.deliveryRows}) | ${e.lost} | ${e.duplicated} |`,
    ),
    "",
    "CPU during the measured interval, in cores of the 2 (server = the Next.js process, PostgreSQL = this database's backends, other = the rest of the machine):",
    "",
    "| scenario | server | PostgreSQL | autocannon | other | steal | server ms/request | PostgreSQL ms/request |",
    "|---|---|---|---|---|---|---|---|",
    ...results.map((e) =>
      `| ${e.scenario} | ${pct(e.cpu.server)} | ${pct(e.cpu.postgres)} | ${pct(e.cpu.loadGenerator)} | ${pct(e.cpu.other)} | ${pct(e.cpu.steal)} | ${e.cpuMsPerRequest.server.toFixed(2)} | ${e.cpuMsPerRequest.postgres.toFixed(2)} |`,
    ),
    "",
    ...(record.events
      ? [`alert/received: ${record.events.sentToInngestStandIn} events to the Inngest stand-in carrying ${record.events.distinctAlertIdsInEvents} distinct alert ids, for ${record.events.storedAlertRows} stored alerts.`, ""]
      : []),
  ].join("\n");
  const mdPath = path.join(import.meta.dirname, "results.md");
  if (!fs.existsSync(mdPath)) fs.writeFileSync(mdPath, "# Webhook ingestion benchmark results\n\nTarget: ≥ 1,000 alerts/s with p99 < 50 ms on the 2-core machine. Each run appends below.\n");
  fs.appendFileSync(mdPath, md);
  log(`results appended to bench/ingest/results.md`);
  process.exit(0);
}

main().catch((error) => {
  console.error(`[bench:ingest] failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
