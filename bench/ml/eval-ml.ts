/**
 * Measures the offline ML default against a rules-only baseline on the HELD-OUT set
 * (datasets/ml/holdout.jsonl, hand-written, never trained on).
 *
 *   npm run eval:ml                 # print the report
 *   npm run eval:ml -- --record     # also write bench/ml/quality-results.{md,json}
 *   npm run eval:ml -- --misses     # list every wrong prediction
 *   npm run eval:ml -- --data datasets/ml/train.jsonl   # sanity check on another set
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseJsonl, type LabelledAlert } from "@/datasets/ml/example";
import { loadCatalog } from "@/lib/ml/catalog";
import { LocalClassifier, shippedModel } from "@/lib/ml/classify/local-classifier";
import { RulesClassifier } from "@/lib/ml/classify/rules-classifier";
import { baselineEntities } from "@/lib/ml/entities/baseline-extractor";
import { extractEntities } from "@/lib/ml/entities/local-extractor";
import { accuracy, EntityScorer, macroF1, type Prf } from "@/lib/ml/eval/metrics";
import type { AlertText, Classifier } from "@/lib/ml/types";
import { SEVERITIES } from "@/lib/severity";

const args = process.argv.slice(2);
const dataFile = args.includes("--data") ? args[args.indexOf("--data") + 1] : "datasets/ml/holdout.jsonl";
const ENTITY_TYPES = ["service", "environment", "region", "errorCode", "host", "namespace", "pod", "httpStatus", "ip", "cluster", "database", "queue"];

const examples = parseJsonl(readFileSync(path.resolve(dataFile), "utf8"), dataFile);
const catalog = loadCatalog();
const asAlert = (e: LabelledAlert): AlertText => ({ source: e.source, title: e.title, message: e.message, labels: e.labels, sourceSeverity: e.sourceSeverity });

interface ClassifierReport {
  severityAccuracy: number;
  severityMacroF1: number;
  /** Only alerts without a platform severity: what the model/rules actually predicted. */
  predictedSeverityMacroF1: number;
  predictedSeverityAccuracy: number;
  /** Predicted at most one level away from gold (critical↔high...): most misses are adjacent levels. */
  severityWithinOne: number;
  teamAccuracy: number;
  teamMacroF1: number;
  perSeverity: Record<string, Prf>;
  misses: string[];
}

async function evalClassifier(c: Classifier): Promise<ClassifierReport> {
  const gs: string[] = [];
  const ps: string[] = [];
  const gsNoSrc: string[] = [];
  const psNoSrc: string[] = [];
  const gt: string[] = [];
  const pt: string[] = [];
  const misses: string[] = [];
  for (const e of examples) {
    const r = await c.classify(asAlert(e));
    gs.push(e.severity);
    ps.push(r.severity.value);
    if (!e.sourceSeverity) {
      gsNoSrc.push(e.severity);
      psNoSrc.push(r.severity.value);
    }
    gt.push(e.team);
    pt.push(r.team.value);
    if (r.severity.value !== e.severity) misses.push(`${e.id} severity gold=${e.severity} got=${r.severity.value} (${r.severity.confidence}) | ${e.title.slice(0, 70)}`);
    if (r.team.value !== e.team) misses.push(`${e.id} team gold=${e.team} got=${r.team.value} (${r.team.provider} ${r.team.confidence}) | ${e.title.slice(0, 70)}`);
  }
  const sev = macroF1(gs, ps);
  const rank = (x: string) => SEVERITIES.indexOf(x as (typeof SEVERITIES)[number]);
  const withinOne = gs.filter((g, i) => Math.abs(rank(g) - rank(ps[i])) <= 1).length / Math.max(1, gs.length);
  return {
    severityWithinOne: withinOne,
    severityAccuracy: accuracy(gs, ps),
    severityMacroF1: sev.macroF1,
    predictedSeverityAccuracy: accuracy(gsNoSrc, psNoSrc),
    predictedSeverityMacroF1: macroF1(gsNoSrc, psNoSrc).macroF1,
    teamAccuracy: accuracy(gt, pt),
    teamMacroF1: macroF1(gt, pt).macroF1,
    perSeverity: sev.perClass,
    misses,
  };
}

function evalEntities(kind: "local" | "baseline") {
  const scorer = new EntityScorer(ENTITY_TYPES);
  for (const e of examples) {
    let predicted: Record<string, string[]>;
    if (kind === "local") {
      const r = extractEntities(asAlert(e), catalog);
      // The alert's one service is what matters (secondary mentions are dependencies).
      predicted = { ...r.all, service: r.service ? [r.service] : [] };
    } else {
      predicted = baselineEntities(e, catalog);
    }
    scorer.add(e.id, e.entities, predicted);
  }
  return scorer;
}

const f = (x: number) => x.toFixed(3);

const model = shippedModel();
const local = await evalClassifier(new LocalClassifier());
const rules = await evalClassifier(new RulesClassifier());
const localEntities = evalEntities("local");
const baseEntities = evalEntities("baseline");

const lines: string[] = [];
lines.push(`Held-out set: ${dataFile} (${examples.length} alerts, ${examples.filter((e) => !e.sourceSeverity).length} without a platform severity)`);
lines.push(`Offline default: classifier ${model?.name ?? "(no artifact: rules)"} + catalog rules; entities opsrelay-entities-v1`);
lines.push("");
lines.push("| classification | offline default | rules-only baseline | target |");
lines.push("|---|---|---|---|");
lines.push(`| severity macro-F1 (all alerts) | ${f(local.severityMacroF1)} | ${f(rules.severityMacroF1)} | ≥ 0.90 |`);
lines.push(`| severity accuracy (all alerts) | ${f(local.severityAccuracy)} | ${f(rules.severityAccuracy)} | |`);
lines.push(`| severity macro-F1 (predicted: no platform severity) | ${f(local.predictedSeverityMacroF1)} | ${f(rules.predictedSeverityMacroF1)} | |`);
lines.push(`| severity accuracy (predicted: no platform severity) | ${f(local.predictedSeverityAccuracy)} | ${f(rules.predictedSeverityAccuracy)} | |`);
lines.push(`| severity within one level (all alerts) | ${f(local.severityWithinOne)} | ${f(rules.severityWithinOne)} | |`);
lines.push(`| team accuracy | ${f(local.teamAccuracy)} | ${f(rules.teamAccuracy)} | ≥ 0.90 |`);
lines.push(`| team macro-F1 | ${f(local.teamMacroF1)} | ${f(rules.teamMacroF1)} | |`);
lines.push("");
lines.push("| severity class (offline default) | precision | recall | F1 |");
lines.push("|---|---|---|---|");
for (const [c, p] of Object.entries(local.perSeverity)) lines.push(`| ${c} | ${f(p.precision)} | ${f(p.recall)} | ${f(p.f1)} |`);
lines.push("");
lines.push("| entity type | offline P | offline R | offline F1 | baseline F1 | gold count |");
lines.push("|---|---|---|---|---|---|");
const lt = localEntities.perType();
const bt = baseEntities.perType();
// A type with no gold values and no predictions has nothing to score.
const g = (p: Prf, x: number) => (p.tp + p.fp + p.fn === 0 ? "–" : f(x));
for (const t of ENTITY_TYPES) lines.push(`| ${t} | ${g(lt[t], lt[t].precision)} | ${g(lt[t], lt[t].recall)} | ${g(lt[t], lt[t].f1)} | ${g(bt[t], bt[t].f1)} | ${lt[t].tp + lt[t].fn} |`);
const lo = localEntities.overall();
const bo = baseEntities.overall();
lines.push(`| **all (micro)** | ${f(lo.precision)} | ${f(lo.recall)} | **${f(lo.f1)}** | ${f(bo.f1)} | ${lo.tp + lo.fn} |`);
const report = lines.join("\n");
console.log(report);

if (args.includes("--misses")) {
  console.log("\nClassifier misses (offline default):");
  for (const m of local.misses) console.log(`  ${m}`);
  console.log("\nEntity misses (offline default):");
  for (const m of localEntities.misses) console.log(`  ${m.id} ${m.type}: missing [${m.missing.join(", ")}] extra [${m.extra.join(", ")}]`);
}

if (args.includes("--record")) {
  const base = dataFile.endsWith("datasets/ml/holdout.jsonl") ? "bench/ml/quality-results" : `bench/ml/quality-results-${path.basename(dataFile, ".jsonl")}`;
  const cmd = `npm run eval:ml -- --record${dataFile !== "datasets/ml/holdout.jsonl" ? ` --data ${dataFile}` : ""}`;
  const md = [
    `# ML quality on ${dataFile}`,
    "",
    `Command: \`${cmd}\` — recorded ${new Date().toISOString()} (deterministic: same artifact and data give the same numbers).`,
    "",
    report,
    "",
    `Misses (offline default): ${local.misses.length} classification, ${localEntities.misses.length} entity; run with \`--misses\` to list them.`,
    "",
  ].join("\n");
  writeFileSync(`${base}.md`, md);
  writeFileSync(
    `${base}.json`,
    JSON.stringify(
      {
        command: cmd,
        recordedAt: new Date().toISOString(),
        data: dataFile,
        alerts: examples.length,
        model: model?.name,
        offline: { ...local, misses: undefined, entities: { perType: lt, overall: lo } },
        rulesBaseline: { ...rules, misses: undefined, entities: { perType: bt, overall: bo } },
      },
      null,
      2,
    ) + "\n",
  );
  console.log(`\nrecorded ${base}.md and .json`);
}
