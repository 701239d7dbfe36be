import calibrationFile from "./decline-calibration.json";
import type { Support } from "./support";

/**
 * Decline when retrieval is weak. From the support signals (lib/rag/support.ts):
 *   risk = unknownShare − wCoverage·coverage − wSimilarity·similarity
 * and decline when risk > threshold. unknownShare (question words the knowledge base never mentions)
 * pushes towards "not covered"; good coverage by the top passages and a close vector match pull back.
 * The weights and threshold are fitted per embedding model on the question set's dev split
 * (npm run eval:rag -- --calibrate): as many unanswerable questions declined as possible while at most
 * 5% of answerable ones are. Models without a calibration use conservative defaults.
 */

export interface Calibration {
  model: string;
  wCoverage: number;
  wSimilarity: number;
  threshold: number;
  /** How it was fitted, for the record. */
  fittedOn: string;
  devUnanswerableDeclined: number;
  devAnswerableDeclined: number;
}

type Params = Pick<Calibration, "wCoverage" | "wSimilarity" | "threshold">;

const DEFAULT: Omit<Calibration, "model"> = {
  wCoverage: 0.5,
  wSimilarity: 0.5,
  threshold: 0.15,
  fittedOn: "default (no calibration for this model)",
  devUnanswerableDeclined: NaN,
  devAnswerableDeclined: NaN,
};

const MAX_ANSWERABLE_DECLINED = 0.05;

export function declineRisk(s: Support, c: Omit<Params, "threshold">): number {
  return s.unknownShare - c.wCoverage * s.coverage - c.wSimilarity * s.similarity;
}

export function loadCalibration(model: string): Calibration | undefined {
  const all = calibrationFile as Record<string, Omit<Calibration, "model">>;
  const c = all[model];
  return c && typeof c.wCoverage === "number" ? { model, ...c } : undefined;
}

export function calibrationFor(model: string): Calibration {
  return loadCalibration(model) ?? { model, ...DEFAULT };
}

export function declineDecision(s: Support, c?: Params): { decline: boolean; risk: number } {
  const cal = c ?? DEFAULT;
  const risk = declineRisk(s, cal);
  return { decline: risk > cal.threshold, risk };
}

type Row = { unanswerable: boolean; support: Support };

/** Grid search on labelled rows (the dev split); ties prefer smaller weights (the simpler rule). */
export function calibrate(rows: Row[], model: string): Calibration {
  const un = rows.filter((r) => r.unanswerable);
  const an = rows.filter((r) => !r.unanswerable);
  const allowed = Math.floor(MAX_ANSWERABLE_DECLINED * an.length);
  let best: Calibration | undefined;
  let bestKey = [-Infinity, -Infinity];
  for (let i = 0; i <= 20; i++) {
    for (let j = 0; j <= 20; j++) {
      const w = { wCoverage: i / 10, wSimilarity: j / 10 };
      const risks = an.map((r) => declineRisk(r.support, w)).sort((a, b) => b - a);
      // Decline above the (allowed+1)-th highest answerable risk: at most `allowed` answerable declined.
      // Rounded up so that the stored value never declines more answerable questions than counted here.
      const threshold = Math.ceil((risks[allowed] ?? Infinity) * 10000) / 10000;
      const unDeclined = un.filter((r) => declineRisk(r.support, w) > threshold).length;
      const anDeclined = an.filter((r) => declineRisk(r.support, w) > threshold).length;
      const key = [unDeclined, -(w.wCoverage + w.wSimilarity)];
      if (key[0] > bestKey[0] || (key[0] === bestKey[0] && key[1] > bestKey[1])) {
        bestKey = key;
        best = {
          model,
          ...w,
          threshold,
          fittedOn: `dev split: ${an.length} answerable, ${un.length} unanswerable questions`,
          devUnanswerableDeclined: Math.round((unDeclined / Math.max(1, un.length)) * 1000) / 1000,
          devAnswerableDeclined: Math.round((anDeclined / Math.max(1, an.length)) * 1000) / 1000,
        };
      }
    }
  }
  return best!;
}
