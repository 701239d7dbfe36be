import fs from "node:fs";
import path from "node:path";
import calibrationFile from "./decline-calibration.json";
import type { Support } from "./support";

/**
 * Decline when retrieval is weak: support = w·similarity + (1−w)·coverage below a threshold.
 * w and the threshold are fitted per embedding model on the question set's dev split
 * (npm run eval:rag -- --calibrate): the largest share of unanswerable questions declined while at
 * most 5% of answerable ones are. Models without a calibration use a conservative default.
 */

export interface Calibration {
  model: string;
  weightSimilarity: number;
  threshold: number;
  /** How it was fitted, for the record. */
  fittedOn: string;
  devUnanswerableDeclined: number;
  devAnswerableDeclined: number;
}

const DEFAULT: Omit<Calibration, "model"> = {
  weightSimilarity: 0.5,
  threshold: 0.3,
  fittedOn: "default (no calibration for this model)",
  devUnanswerableDeclined: NaN,
  devAnswerableDeclined: NaN,
};

const MAX_ANSWERABLE_DECLINED = 0.05;

export function supportScore(s: Support, c: Pick<Calibration, "weightSimilarity">): number {
  return c.weightSimilarity * s.similarity + (1 - c.weightSimilarity) * s.coverage;
}

export function loadCalibration(model: string): Calibration | undefined {
  const all = calibrationFile as Record<string, Omit<Calibration, "model">>;
  const c = all[model];
  return c ? { model, ...c } : undefined;
}

export function calibrationFor(model: string): Calibration {
  return loadCalibration(model) ?? { model, ...DEFAULT };
}

export function declineDecision(s: Support, c?: Calibration): { decline: boolean; score: number } {
  const cal = c ?? { model: "?", ...DEFAULT };
  const score = supportScore(s, cal);
  return { decline: score < cal.threshold, score };
}

/** Grid search on labelled rows (dev split). */
export function calibrate(rows: { unanswerable: boolean; support: Support }[], model: string): Calibration {
  const un = rows.filter((r) => r.unanswerable);
  const an = rows.filter((r) => !r.unanswerable);
  let best: Calibration | undefined;
  let bestKey = [-1, -1];
  for (let w = 0; w <= 1.0001; w += 0.05) {
    const anScores = an.map((r) => supportScore(r.support, { weightSimilarity: w })).sort((a, b) => a - b);
    // Highest threshold that declines at most 5% of answerable questions: just at/below the k-th lowest score.
    const allowed = Math.floor(MAX_ANSWERABLE_DECLINED * an.length);
    const threshold = anScores[allowed] ?? 0;
    const unDeclined = un.filter((r) => supportScore(r.support, { weightSimilarity: w }) < threshold).length / Math.max(1, un.length);
    const anDeclined = anScores.filter((x) => x < threshold).length / Math.max(1, an.length);
    // Prefer more unanswerable declined, then a wider margin (gap between the classes' scores).
    const margin = threshold - Math.max(...un.map((r) => supportScore(r.support, { weightSimilarity: w })).filter((x) => x < threshold), 0);
    const key = [unDeclined, margin];
    if (key[0] > bestKey[0] || (key[0] === bestKey[0] && key[1] > bestKey[1])) {
      bestKey = key;
      best = {
        model,
        weightSimilarity: Math.round(w * 100) / 100,
        threshold: Math.round(threshold * 10000) / 10000,
        fittedOn: `dev split: ${an.length} answerable, ${un.length} unanswerable questions`,
        devUnanswerableDeclined: Math.round(unDeclined * 1000) / 1000,
        devAnswerableDeclined: Math.round(anDeclined * 1000) / 1000,
      };
    }
  }
  return best!;
}

export function saveCalibration(c: Calibration, file = path.resolve("lib/rag/decline-calibration.json")): void {
  const all = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
  const { model, ...rest } = c;
  all[model] = rest;
  fs.writeFileSync(file, JSON.stringify(all, null, 2) + "\n");
}
