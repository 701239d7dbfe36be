/**
 * Trains the offline alert classifier (severity + team) from datasets/ml/train.jsonl and writes the
 * artifact lib/ml/models/alert-classifier.json. Deterministic for a given --seed.
 *
 *   npm run ml:train
 *   npx tsx scripts/train-classifier.ts [--data datasets/ml/train.jsonl --seed 13 --epochs 10 --dims 32768 --lr 0.05 --l2 1e-5]
 *
 * The held-out set (datasets/ml/holdout.jsonl) is never read here; measure it with `npm run eval:ml`.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseJsonl } from "@/datasets/ml/example";
import { loadCatalog } from "@/lib/ml/catalog";
import { FEATURE_VERSION, hashedFeatureSets } from "@/lib/ml/classify/features";
import { severityProbabilities } from "@/lib/ml/classify/local-classifier";
import { predict, quantize, train, dequantize, type Sparse } from "@/lib/ml/classify/logreg";
import { SEVERITIES } from "@/lib/severity";

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const dataFile = opt("data", "datasets/ml/train.jsonl");
const outFile = opt("out", "lib/ml/models/alert-classifier.json");
const seed = Number(opt("seed", "13"));
const epochs = Number(opt("epochs", "10"));
const dims = Number(opt("dims", "32768"));
const l2 = Number(opt("l2", "1e-5"));
const learningRate = Number(opt("lr", "0.05"));
// The cue-only severity model has a few hundred distinct features: a small table is enough.
const cueDims = Number(opt("cue-dims", "4096"));
if (/holdout/i.test(dataFile)) throw new Error("refusing to train on the held-out set");

const raw = readFileSync(path.resolve(dataFile), "utf8");
const examples = parseJsonl(raw, dataFile);
const catalog = loadCatalog();
console.log(`[train] ${examples.length} examples from ${dataFile}; ${dims} hashed dims; seed ${seed}; lr ${learningRate}; l2 ${l2}; ${epochs} epochs`);

// 10% of the TRAINING data is kept aside to report a validation score (the held-out set is separate).
const valEvery = 10;
const xs: Sparse[] = [];
const cueXs: Sparse[] = [];
const val: { x: Sparse; cues: Sparse; severity: string; team: string }[] = [];
const sevY: string[] = [];
const teamY: string[] = [];
examples.forEach((e, i) => {
  const { all: x, cues } = hashedFeatureSets({ source: e.source, title: e.title, message: e.message, labels: e.labels }, catalog, dims, cueDims);
  if (i % valEvery === 0) val.push({ x, cues, severity: e.severity, team: e.team });
  else {
    xs.push(x);
    cueXs.push(cues);
    sevY.push(e.severity);
    teamY.push(e.team);
  }
});
console.log(`[train] features built: ${xs.length} train / ${val.length} validation`);

const progress = (head: string) => (epoch: number, loss: number) => console.log(`[train] ${head} epoch ${epoch}/${epochs} loss ${loss.toFixed(4)}`);
const severity = train(xs, sevY, [...SEVERITIES], dims, { epochs, learningRate, l2, seed, onEpoch: progress("severity") });
const severityCues = train(cueXs, sevY, [...SEVERITIES], cueDims, { epochs, learningRate, l2, seed: seed + 2, onEpoch: progress("severity cues") });
const team = train(xs, teamY, catalog.teamIds, dims, { epochs, learningRate, l2, seed: seed + 1, onEpoch: progress("team") });

const qs = quantize(severity);
const qc = quantize(severityCues);
const qt = quantize(team);
const accuracy = (m: ReturnType<typeof dequantize>, key: "severity" | "team") => val.filter((v) => predict(m, v.x).label === v[key]).length / val.length;
const shipped = { name: "validation", featureVersion: FEATURE_VERSION, severity: dequantize(qs), severityCues: dequantize(qc), team: dequantize(qt) };
const validation = {
  severityAccuracy: round(val.filter((v) => severityProbabilities(shipped, v.x, v.cues).label === v.severity).length / val.length),
  severityFullModelAccuracy: round(accuracy(shipped.severity, "severity")),
  teamAccuracy: round(accuracy(shipped.team, "team")),
};
console.log(`[train] validation (10% of training data, quantized models): severity ${validation.severityAccuracy} (full model alone ${validation.severityFullModelAccuracy}), team ${validation.teamAccuracy}`);

const sha256 = createHash("sha256").update(raw).digest("hex");
const trainedAt = new Date().toISOString();
const artifact = {
  format: "opsrelay-alert-classifier",
  name: `opsrelay-logreg-${trainedAt.slice(0, 10)}-${sha256.slice(0, 8)}-s${seed}`,
  featureVersion: FEATURE_VERSION,
  trainedAt,
  seed,
  training: { file: dataFile, examples: examples.length, sha256 },
  validation,
  severity: qs,
  severityCues: qc,
  team: qt,
};
writeFileSync(path.resolve(outFile), JSON.stringify(artifact) + "\n");
const size = Buffer.byteLength(JSON.stringify(artifact));
console.log(`[train] wrote ${outFile} (${(size / 1024).toFixed(0)} KiB) as ${artifact.name}`);

function round(x: number) {
  return Math.round(x * 1000) / 1000;
}
