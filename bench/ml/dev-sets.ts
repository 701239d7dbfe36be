/**
 * Severity on the development sets for one or more trained artifacts (seed studies): macro-F1 over all
 * alerts and over the model-predicted ones (no platform severity), per set and averaged.
 * holdout-dawn is the clean set of round 5 and is deliberately not read here.
 *
 *   npx tsx bench/ml/dev-sets.ts [artifact.json ...] [--misses]
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseJsonl } from "@/datasets/ml/example";
import { loadArtifact } from "@/lib/ml/classify/artifact";
import { LocalClassifier, shippedModel } from "@/lib/ml/classify/local-classifier";
import { macroF1 } from "@/lib/ml/eval/metrics";

const DEV_SETS = ["holdout", "holdout-fresh", "holdout-oncall", "holdout-pager", "holdout-shift", "holdout-night"];
const args = process.argv.slice(2);
const showMisses = args.includes("--misses");
const artifacts = args.filter((a) => !a.startsWith("--"));

async function main() {
  const models = artifacts.length ? artifacts.map((f) => ({ name: path.basename(f), model: loadArtifact(JSON.parse(readFileSync(f, "utf8"))) })) : [{ name: "shipped", model: shippedModel()! }];
  const sums = { all: 0, pred: 0, n: 0 };
  for (const { name, model } of models) {
    const c = new LocalClassifier(model);
    const row: string[] = [];
    let all = 0;
    let pred = 0;
    for (const set of DEV_SETS) {
      const file = `datasets/ml/${set}.jsonl`;
      const examples = parseJsonl(readFileSync(file, "utf8"), file);
      const g: string[] = [];
      const p: string[] = [];
      const gp: string[] = [];
      const pp: string[] = [];
      for (const e of examples) {
        const r = await c.classify({ source: e.source, title: e.title, message: e.message, labels: e.labels, sourceSeverity: e.sourceSeverity });
        g.push(e.severity);
        p.push(r.severity.value);
        if (!e.sourceSeverity) {
          gp.push(e.severity);
          pp.push(r.severity.value);
          if (showMisses && r.severity.value !== e.severity) console.log(`${e.id}\tgold=${e.severity}\tgot=${r.severity.value} (${r.severity.confidence})\t${e.source}\t${e.title.slice(0, 60)} | ${e.message.slice(0, 110).replace(/\n/g, " ")}`);
        }
      }
      const a = macroF1(g, p).macroF1;
      const q = macroF1(gp, pp).macroF1;
      all += a;
      pred += q;
      row.push(`${set.replace("holdout-", "")} ${a.toFixed(3)}/${q.toFixed(3)}`);
    }
    all /= DEV_SETS.length;
    pred /= DEV_SETS.length;
    sums.all += all;
    sums.pred += pred;
    sums.n++;
    console.log(`${name}: mean all ${all.toFixed(4)} predicted ${pred.toFixed(4)} | ${row.join("  ")}`);
  }
  if (sums.n > 1) console.log(`AVERAGE over ${sums.n}: all ${(sums.all / sums.n).toFixed(4)} predicted ${(sums.pred / sums.n).toFixed(4)}`);
}
void main();
