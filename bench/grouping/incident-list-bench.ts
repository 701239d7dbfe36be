import { writeFileSync } from "node:fs";
import path from "node:path";
import { db } from "@/lib/db";
import { incidentListQuerySchema, listIncidents } from "@/lib/incidents/queries";
import { withThrowawayDatabase } from "@/datasets/grouping/db-replay";

/**
 * npx tsx bench/grouping/incident-list-bench.ts [--incidents=10000] [--db=postgresql://postgres@127.0.0.1:5432/postgres]
 * Seeds N incidents into a throwaway database and times GET /api/incidents' query (listIncidents) for the
 * first page, deep pages reached by cursor, filters and search. Writes bench/grouping/incident-list.md.
 */

const argv = process.argv.slice(2);
const arg = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const N = Number(arg("incidents") ?? 10_000);
const adminUrl = arg("db") ?? (argv.includes("--embedded") ? undefined : "postgresql://postgres@127.0.0.1:5432/postgres");

async function seed() {
  // Set-based insert: realistic mixes of status, severity, services, environments over 90 days.
  await db().$executeRawUnsafe(`
    INSERT INTO incidents (id, title, status, severity, affected_services, environments, alert_count, open_alert_count,
                           first_alert_at, last_alert_at, created_at, updated_at, resolved_at)
    SELECT gen_random_uuid(),
           (ARRAY['payments-api 5xx rate above 5%','kafka under-replicated partitions','checkout-web latency p99',
                  'redis-cache memory high','route-planner OOMKilled','auth-service login failures',
                  'sms-gateway delivery failures','inventory-db disk usage high'])[1 + i % 8] || ' #' || i,
           (CASE WHEN i % 10 < 7 THEN 'resolved' WHEN i % 10 < 9 THEN 'open' ELSE 'investigating' END)::"IncidentStatus",
           (ARRAY['critical','high','medium','low','info'])[1 + (i * 7) % 5]::"Severity",
           ARRAY[(ARRAY['payments-api','kafka','checkout-web','redis-cache','route-planner','auth-service','sms-gateway','inventory-db'])[1 + i % 8]],
           ARRAY[(CASE WHEN i % 6 = 0 THEN 'staging' ELSE 'prod' END)],
           1 + i % 20, CASE WHEN i % 10 < 7 THEN 0 ELSE 1 + i % 5 END,
           now() - make_interval(mins => i * 13), now() - make_interval(mins => i * 13 - 5),
           now() - make_interval(mins => i * 13), now(),
           CASE WHEN i % 10 < 7 THEN now() - make_interval(mins => i * 13 - 30) END
    FROM generate_series(1, ${N}) AS i`);
  await db().$executeRawUnsafe("ANALYZE incidents");
}

async function time(label: string, fn: () => Promise<unknown>, runs = 30) {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  const p = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
  const row = { label, p50: p(0.5), p95: p(0.95), max: samples[samples.length - 1] };
  console.log(`${label.padEnd(58)} p50 ${row.p50.toFixed(1)} ms  p95 ${row.p95.toFixed(1)} ms`);
  return row;
}

const q = (raw: Record<string, string>) => incidentListQuerySchema.parse(raw);

async function main() {
  const rows = await withThrowawayDatabase(adminUrl, async () => {
    const t = performance.now();
    await seed();
    console.log(`seeded ${N} incidents in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    // Cursors for deep pages, found by walking the list once.
    const cursorAt = async (raw: Record<string, string>, page: number) => {
      let cursor: string | null = null;
      for (let i = 0; i < page; i++) {
        const params: Record<string, string> = cursor ? { ...raw, cursor } : raw;
        cursor = (await listIncidents(q(params))).nextCursor;
      }
      return cursor!;
    };
    const deepLast = await cursorAt({ limit: "25" }, 200);
    const deepSeverity = await cursorAt({ limit: "25", sort: "severity" }, 200);
    const results = [];
    results.push(await time("first page (sort last_alert, 25 rows)", () => listIncidents(q({ limit: "25" }))));
    results.push(await time("page 201 by cursor (sort last_alert)", () => listIncidents(q({ limit: "25", cursor: deepLast }))));
    results.push(await time("first page, status=open,investigating", () => listIncidents(q({ status: "open,investigating" }))));
    results.push(await time("first page, severity=critical, environment=prod", () => listIncidents(q({ severity: "critical", environment: "prod" }))));
    results.push(await time("first page, service=kafka", () => listIncidents(q({ service: "kafka" }))));
    results.push(await time("search q=redis (title/summary, case-insensitive)", () => listIncidents(q({ q: "redis" }))));
    results.push(await time("page 201 by cursor (sort severity)", () => listIncidents(q({ limit: "25", sort: "severity", cursor: deepSeverity }))));
    return results;
  });

  const md = [
    "# Incident list query at scale",
    "",
    `Command: \`npx tsx bench/grouping/incident-list-bench.ts --incidents=${N}${adminUrl ? "" : " --embedded"}\` (ran ${new Date().toISOString()}).`,
    `Database: ${adminUrl ? "PostgreSQL 15 on 127.0.0.1 (throwaway database)" : "embedded PGlite"}; ${N} incidents; 30 runs per query, timed around listIncidents (Prisma query + row mapping).`,
    "Machine: 2 cores shared with other engineers' work at the time (the lead may re-run).",
    "",
    "| query | p50 ms | p95 ms | max ms |",
    "|---|---|---|---|",
    ...rows.map((r) => `| ${r.label} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.max.toFixed(1)} |`),
    "",
  ].join("\n");
  writeFileSync(path.join(process.cwd(), "bench", "grouping", "incident-list.md"), md);
  console.log("wrote bench/grouping/incident-list.md");
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
