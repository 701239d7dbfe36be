import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";
import { getEmbedder } from "@/lib/ml";
import { embeddingText } from "@/lib/pipeline/alert-text";
import { groupingConfigFor } from "@/lib/triage/group-config";
import { dependencyGraph } from "@/lib/triage/group-dependencies";
import { fingerprintBaseline, timeWindowBaseline } from "./baselines";
import { addCounts, adjustedRandIndex, pairCounts, prf, type PairCounts } from "./metrics";
import { replayThroughDatabase, withThrowawayDatabase } from "./db-replay";
import { loadScenarios } from "./load-scenarios";
import { replayOpsRelay } from "./replay";
import type { Family, Scenario, Split } from "./scenario-kit";

/**
 * npm run eval:grouping [-- --verbose] [-- --no-write] [-- --db | --db=postgresql://admin-url] [-- --skip=holdout6,...]
 * --skip leaves splits out entirely (not even replayed), so a sealed held-out batch stays unseen while tuning.
 * --db also replays every scenario through groupAlert itself (SQL candidate selection, transaction,
 * resolution handling) on a throwaway database and checks it agrees with the in-memory replay.
 * Pairwise precision/recall/F1 and adjusted Rand index per scenario family and overall, for OpsRelay's
 * grouping decision and two baselines, on the labelled scenarios in datasets/grouping/scenarios.
 */

const BASE_METHODS = ["opsrelay", "time-window", "fingerprint-groupkey"] as const;
type Method = (typeof BASE_METHODS)[number] | "opsrelay-db";

interface Score {
  precision: number;
  recall: number;
  f1: number;
  ari: number;
  alerts: number;
}

function score(scenarios: Scenario[], assignments: Map<string, string>[]): Score {
  let counts: PairCounts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const truthAll: string[] = [];
  const predAll: string[] = [];
  scenarios.forEach((s, i) => {
    const truth = s.alerts.map((a) => `${s.id}/${a.incident}`);
    const pred = s.alerts.map((a) => `${s.id}/${assignments[i].get(a.id)}`);
    counts = addCounts(counts, pairCounts(truth, pred));
    truthAll.push(...truth);
    predAll.push(...pred);
  });
  // Pairs across scenarios are apart in truth and prediction alike; ARI over the concatenation.
  return { ...prf(counts), ari: adjustedRandIndex(truthAll, predAll), alerts: truthAll.length };
}

const f = (n: number) => n.toFixed(3);

let dbAgreement: string | null = null;

/** The scenario sets, in report order, and what may be done with each. */
const SPLITS: { split: Split; name: string; about: string }[] = [
  { split: "dev", name: "dev", about: "used while choosing the signals and weights in lib/triage/group-score.ts." },
  {
    split: "holdout",
    name: "held-out 1",
    about: "written after the first weights were frozen (scenarios-holdout.ts); not tuned on in rounds 1-2, tuned on (counts as dev) from round 3.",
  },
  {
    split: "holdout2",
    name: "held-out 2",
    about: "written and committed before the second round of tuning (scenarios-holdout2.ts); tuned on (counts as dev) from round 3.",
  },
  {
    split: "holdout3",
    name: "held-out 3",
    about: "written and committed before the third round of tuning (scenarios-holdout3.ts), without running the grouping code on it; never tuned on in round 3, tuned on (counts as dev) from round 4.",
  },
  {
    split: "holdout4",
    name: "held-out 4",
    about: "written and committed before the fourth round of tuning (scenarios-holdout4.ts), before reading the grouping code or any held-out-3 decision; never tuned on in round 4, tuned on (counts as dev) from round 5.",
  },
  {
    split: "holdout5",
    name: "held-out 5",
    about: "written and committed before the fifth round of tuning (scenarios-holdout5.ts), before reading any held-out-4 decision; never tuned on in round 5, counts as tuned on from the lead's weight revert after round 5 and is dev from round 6.",
  },
  {
    split: "holdout6",
    name: "held-out 6",
    about: "written and committed before the sixth round of tuning (scenarios-holdout6.ts), before reading any held-out-5 decision; never tuned on.",
  },
];

async function main() {
  const argv = process.argv.slice(2);
  const args = new Set(argv);
  const dbArg = argv.find((a) => a === "--db" || a.startsWith("--db="));
  const METHODS: Method[] = dbArg ? [...BASE_METHODS, "opsrelay-db"] : [...BASE_METHODS];
  const verbose = args.has("--verbose");
  const root = import.meta.dirname;
  const skipped = new Set(argv.filter((a) => a.startsWith("--skip=")).flatMap((a) => a.slice(7).split(",")));
  const scenarios = loadScenarios(path.join(root, "scenarios")).filter((s) => !skipped.has(s.split));
  const started = Date.now();

  const embedder = await getEmbedder();
  const texts = scenarios.flatMap((s) => s.alerts.map((a) => embeddingText({ title: a.title, message: a.message, serviceName: a.entities.service })));
  const vectors = await embedder.embed(texts);
  const byId = new Map<string, number[] | null>();
  let k = 0;
  for (const s of scenarios) for (const a of s.alerts) byId.set(a.id, vectors[k++]);
  console.log(`embedded ${texts.length} alerts with ${embedder.model}`);

  const deps = dependencyGraph();
  const e = env();
  const predictions: Record<Method, Map<string, string>[]> = { opsrelay: [], "time-window": [], "fingerprint-groupkey": [], "opsrelay-db": [] };
  for (const [i, s] of scenarios.entries()) {
    const ops = replayOpsRelay(s, { deps, configFor: (a) => groupingConfigFor(a, e), autoResolve: e.INCIDENT_AUTO_RESOLVE, vectors: byId });
    predictions.opsrelay.push(ops.assignment);
    predictions["time-window"].push(timeWindowBaseline(s));
    predictions["fingerprint-groupkey"].push(fingerprintBaseline(s));
    console.log(`[${i + 1}/${scenarios.length}] ${s.id}: ${s.alerts.length} alerts`);
    if (verbose) {
      for (const a of s.alerts) {
        const d = ops.decisions.get(a.id)!;
        console.log(`   ${a.id} truth=${a.incident.padEnd(14)} pred=${ops.assignment.get(a.id)!.padEnd(8)} ${d.kind.padEnd(6)} ${d.score.toFixed(2)} ${a.entities.service} | ${d.reason}`);
      }
    }
  }

  if (dbArg) {
    const adminUrl = dbArg.startsWith("--db=") ? dbArg.slice(5) : undefined;
    const dbStarted = Date.now();
    await withThrowawayDatabase(adminUrl, async () => {
      for (const [i, s] of scenarios.entries()) {
        predictions["opsrelay-db"].push(await replayThroughDatabase(s, byId, embedder.model));
        console.log(`[db ${i + 1}/${scenarios.length}] ${s.id} replayed through groupAlert`);
      }
    });
    const same = scenarios.filter((s, i) => {
      const a = s.alerts.map((x) => predictions.opsrelay[i].get(x.id)!);
      const b = s.alerts.map((x) => predictions["opsrelay-db"][i].get(x.id)!);
      return adjustedRandIndex(a, b) === 1;
    }).length;
    dbAgreement = `${same} of ${scenarios.length} scenarios identical between the in-memory replay and groupAlert on ${adminUrl ? "PostgreSQL" : "embedded PostgreSQL"} (${((Date.now() - dbStarted) / 1000).toFixed(1)} s)`;
    console.log(`database path: ${dbAgreement}`);
  }

  const families = [...new Set(scenarios.map((s) => s.family))] as Family[];
  const splits = SPLITS.filter((sp) => scenarios.some((s) => s.split === sp.split));
  const indices = (keep: (s: Scenario) => boolean) => scenarios.flatMap((s, i) => (keep(s) ? [i] : []));
  const groups: { name: string; idx: number[] }[] = [
    ...families.map((fam) => ({ name: fam, idx: indices((s) => s.family === fam) })),
    ...splits.map((sp) => ({ name: sp.name, idx: indices((s) => s.split === sp.split) })),
    { name: "overall", idx: scenarios.map((_, i) => i) },
  ];
  // Each split per family too: a family average can hide a held-out batch the code does badly on.
  const splitFamilies = splits.flatMap((sp) =>
    families.map((fam) => ({ split: sp.name, family: fam, idx: indices((s) => s.split === sp.split && s.family === fam) })).filter((g) => g.idx.length > 0),
  );
  const results: Record<string, Record<Method, Score>> = {};
  for (const g of [...groups, ...splitFamilies.map((g) => ({ name: `${g.split} / ${g.family}`, idx: g.idx }))]) {
    results[g.name] = Object.fromEntries(
      METHODS.map((m) => [m, score(g.idx.map((i) => scenarios[i]), g.idx.map((i) => predictions[m][i]))]),
    ) as Record<Method, Score>;
  }
  const perScenario: Record<string, Record<Method, Score>> = {};
  scenarios.forEach((s, i) => {
    perScenario[s.id] = Object.fromEntries(METHODS.map((m) => [m, score([s], [predictions[m][i]])])) as Record<Method, Score>;
  });

  // Fairness check: the time-window baseline at its best gap per family, not only at 10 minutes.
  const gaps = [2, 5, 10, 15, 30];
  const bestWindow = groups.map((g) => {
    const byGap = gaps.map((gap) => ({
      gap,
      f1: score(g.idx.map((i) => scenarios[i]), g.idx.map((i) => timeWindowBaseline(scenarios[i], gap))).f1,
    }));
    const best = byGap.reduce((a, b) => (b.f1 > a.f1 ? b : a));
    return `${g.name} ${f(best.f1)} (gap ${best.gap} min)`;
  });
  const sensitivity = `Time-window baseline at its best gap per group (of ${gaps.join("/")} min): ${bestWindow.join("; ")}`;
  console.log(sensitivity);

  const lines: string[] = [];
  lines.push(`| family | alerts | method | precision | recall | F1 | ARI |`, `|---|---|---|---|---|---|---|`);
  for (const g of groups) {
    for (const m of METHODS) {
      const r = results[g.name][m];
      lines.push(`| ${g.name} | ${r.alerts} | ${m} | ${f(r.precision)} | ${f(r.recall)} | ${f(r.f1)} | ${f(r.ari)} |`);
    }
  }
  const splitLines = [
    `| split | family | alerts | ${METHODS.map((m) => `${m} F1 / ARI`).join(" | ")} | beats both |`,
    `|---|---|---|${METHODS.map(() => "---|").join("")}---|`,
  ];
  for (const g of splitFamilies) {
    const r = results[`${g.split} / ${g.family}`];
    const beats = r.opsrelay.f1 > r["time-window"].f1 && r.opsrelay.f1 > r["fingerprint-groupkey"].f1;
    splitLines.push(`| ${g.split} | ${g.family} | ${r.opsrelay.alerts} | ${METHODS.map((m) => `${f(r[m].f1)} / ${f(r[m].ari)}`).join(" | ")} | ${beats ? "yes" : "NO"} |`);
  }
  const scenarioLines = [`| scenario | split | ${METHODS.map((m) => `${m} F1 / ARI`).join(" | ")} |`, `|---|---|${METHODS.map(() => "---|").join("")}`];
  for (const [i, [id, r]] of Object.entries(perScenario).entries()) {
    scenarioLines.push(`| ${id} | ${scenarios[i].split} | ${METHODS.map((m) => `${f(r[m].f1)} / ${f(r[m].ari)}`).join(" | ")} |`);
  }
  console.log("\n" + lines.join("\n"));
  console.log("\n" + splitLines.join("\n"));
  console.log("\n" + scenarioLines.join("\n"));

  const beatsBoth = groups.filter((g) => (families as string[]).includes(g.name)).every((g) => {
    const r = results[g.name];
    return r.opsrelay.f1 > r["time-window"].f1 && r.opsrelay.f1 > r["fingerprint-groupkey"].f1;
  });
  const beatsBothPerSplit = splitFamilies.every((g) => {
    const r = results[`${g.split} / ${g.family}`];
    return r.opsrelay.f1 > r["time-window"].f1 && r.opsrelay.f1 > r["fingerprint-groupkey"].f1;
  });
  const overall = results.overall.opsrelay;
  const perSplit = splits.map((sp) => {
    const r = results[sp.name].opsrelay;
    return `${sp.name} ${f(r.f1)} (${r.f1 >= 0.95 ? "met" : "NOT met"})`;
  });
  const verdict =
    `OpsRelay overall F1 ${f(overall.f1)} (target >= 0.95: ${overall.f1 >= 0.95 ? "met" : "NOT met"}); per set: ${perSplit.join(", ")}; ` +
    `better than both baselines on every family: ${beatsBoth ? "yes" : "NO"} (on every family within every set: ${beatsBothPerSplit ? "yes" : "NO"})`;
  console.log(`\n${verdict}`);
  console.log(`elapsed ${((Date.now() - started) / 1000).toFixed(1)} s`);

  if (!args.has("--no-write")) {
    const out = path.join(process.cwd(), "bench", "grouping");
    mkdirSync(out, { recursive: true });
    const settings = {
      embedder: embedder.model,
      windowMinutes: e.GROUPING_WINDOW_MINUTES,
      joinThreshold: e.GROUPING_JOIN_THRESHOLD,
      cascadeMinutes: e.GROUPING_CASCADE_MINUTES,
      reopenWindowMinutes: e.INCIDENT_REOPEN_WINDOW_MINUTES,
      minAlerts: e.GROUPING_MIN_ALERTS,
      timeWindowBaselineGapMinutes: 10,
    };
    const command = `npm run eval:grouping${dbArg ? ` -- ${dbArg.replace(/\/\/[^@]*@/, "//")}` : ""}`;
    const record = { command, databasePath: dbAgreement, ranAt: new Date().toISOString(), settings, results, perScenario, beatsBothBaselinesOnEveryFamily: beatsBoth };
    writeFileSync(path.join(out, "results.json"), JSON.stringify(record, null, 2) + "\n");
    writeFileSync(
      path.join(out, "RESULTS.md"),
      [
        "# Grouping quality",
        "",
        `Command: \`${command}\` (ran ${record.ranAt}; deterministic: no timing in these numbers, other engineers' work shared the machine).`,
        `Scenarios: ${scenarios.length} hand-written storms in datasets/grouping/scenarios (${overall.alerts} alerts). Embedder: ${embedder.model}.`,
        `Settings: ${JSON.stringify(settings)}`,
        "",
        "Pairwise precision/recall/F1 over alert pairs within each scenario; ARI over all alerts of the family.",
        "",
        ...lines,
        "",
        "Per set and family (F1 / ARI):",
        "",
        ...splitLines,
        "",
        ...scenarioLines,
        "",
        `${verdict}.`,
        "",
        `${sensitivity}.`,
        ...(dbAgreement ? ["", `Database path: ${dbAgreement}.`] : []),
        "",
        ...SPLITS.map((sp) => `- ${sp.name}: ${sp.about}`),
        "",
        "What each tuning round changed, with before/after numbers on the same scenarios and embedder: bench/grouping/HISTORY.md.",
        "",
      ].join("\n"),
    );
    console.log(`wrote bench/grouping/results.json and bench/grouping/RESULTS.md`);
  }
}

main().then(
  // The in-process pipeline may have debounced summary timers queued by incident events: do not wait for them.
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
