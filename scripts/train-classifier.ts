/**
 * Trains the offline alert classifier (severity + team) from datasets/ml/train.jsonl and writes the
 * artifact lib/ml/models/alert-classifier.json. Deterministic for a given --seed.
 *
 *   npm run ml:train
 *   npx tsx scripts/train-classifier.ts [--data datasets/ml/train.jsonl --extra-seeds 8,9 --seed 13 --epochs 10 --dims 32768 --lr 0.05 --l2 1e-5]
 *
 * One model is trained per training set: `--data`, plus one set per `--extra-seeds` generator seed,
 * generated on the fly (same generator and count, deterministic, not stored). The shipped model averages
 * their weights (a logit average: one artifact, the same inference cost). Independent draws of the
 * templates make different mistakes on wordings they never produced; the average keeps what they agree on
 * (dev sets: +0.013 and +0.025 severity macro-F1 for two different seed triples; `--extra-seeds ""` trains one).
 *
 * The held-out set (datasets/ml/holdout.jsonl) is never read here; measure it with `npm run eval:ml`.
 */
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseJsonl } from "@/datasets/ml/example";
import { loadCatalog } from "@/lib/ml/catalog";
import { FEATURE_VERSION, hashedFeatureSets } from "@/lib/ml/classify/features";
import { severityProbabilities } from "@/lib/ml/classify/local-classifier";
import { predict, quantize, train, dequantize, type LogRegModel, type Sparse } from "@/lib/ml/classify/logreg";
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
const extraSeeds = opt("extra-seeds", "8,9").split(",").filter(Boolean).map(Number);
if (/holdout/i.test(dataFile)) throw new Error("refusing to train on the held-out set");

const raw = readFileSync(path.resolve(dataFile), "utf8");
const examples = parseJsonl(raw, dataFile);
const catalog = loadCatalog();
console.log(`[train] ${examples.length} examples from ${dataFile} + generator seeds [${extraSeeds.join(", ")}]; ${dims} hashed dims; seed ${seed}; lr ${learningRate}; l2 ${l2}; ${epochs} epochs`);

/** More training sets from the same generator with other seeds, the size of the main one (not stored). */
function generated(genSeed: number): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "opsrelay-train-"));
  try {
    const out = path.join(dir, `train-s${genSeed}.jsonl`);
    execFileSync(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "datasets/ml/generate-training.ts", "--seed", String(genSeed), "--count", String(examples.length), "--out", out], { stdio: "ignore" });
    return readFileSync(out, "utf8");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// 10% of the TRAINING data is kept aside to report a validation score (the held-out sets are separate).
const valEvery = 10;
const val: { x: Sparse; cues: Sparse; severity: string; team: string }[] = [];
const members: { severity: LogRegModel; severityCues: LogRegModel; team: LogRegModel }[] = [];
const progress = (head: string) => (epoch: number, loss: number) => console.log(`[train] ${head} epoch ${epoch}/${epochs} loss ${loss.toFixed(4)}`);

for (const [k, set] of [examples, ...extraSeeds.map((s) => parseJsonl(generated(s), `generator seed ${s}`))].entries()) {
  const xs: Sparse[] = [];
  const cueXs: Sparse[] = [];
  const sevY: string[] = [];
  const teamY: string[] = [];
  set.forEach((e, i) => {
    const { all: x, cues } = hashedFeatureSets({ source: e.source, title: e.title, message: e.message, labels: e.labels }, catalog, dims, cueDims);
    if (i % valEvery === 0) val.push({ x, cues, severity: e.severity, team: e.team });
    else {
      xs.push(x);
      cueXs.push(cues);
      sevY.push(e.severity);
      teamY.push(e.team);
    }
  });
  const tag = k === 0 ? path.basename(dataFile) : `generator seed ${extraSeeds[k - 1]}`;
  console.log(`[train] ${tag}: ${xs.length} train / ${set.length - xs.length} validation`);
  members.push({
    severity: train(xs, sevY, [...SEVERITIES], dims, { epochs, learningRate, l2, seed, onEpoch: progress(`${tag} severity`) }),
    severityCues: train(cueXs, sevY, [...SEVERITIES], cueDims, { epochs, learningRate, l2, seed: seed + 2, onEpoch: progress(`${tag} severity cues`) }),
    team: train(xs, teamY, catalog.teamIds, dims, { epochs, learningRate, l2, seed: seed + 1, onEpoch: progress(`${tag} team`) }),
  });
}

/** The members' weights averaged: their logits averaged, one model of the same size. */
function average(models: LogRegModel[]): LogRegModel {
  const m: LogRegModel = { classes: models[0].classes, dims: models[0].dims, weights: new Float32Array(models[0].weights.length), bias: new Float32Array(models[0].bias.length) };
  for (const x of models) {
    for (let i = 0; i < x.weights.length; i++) m.weights[i] += x.weights[i] / models.length;
    for (let i = 0; i < x.bias.length; i++) m.bias[i] += x.bias[i] / models.length;
  }
  return m;
}
const severity = average(members.map((m) => m.severity));
const severityCues = average(members.map((m) => m.severityCues));
const team = average(members.map((m) => m.team));

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
  name: `opsrelay-logreg-${trainedAt.slice(0, 10)}-${sha256.slice(0, 8)}-s${seed}${extraSeeds.length ? `-x${members.length}` : ""}`,
  featureVersion: FEATURE_VERSION,
  trainedAt,
  seed,
  training: { file: dataFile, examples: examples.length, sha256, generatorSeeds: extraSeeds },
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
