import calibrationFile from "./decline-calibration.json";
import type { Support } from "./support";

/**
 * Decline when retrieval is weak. From the support signals (lib/rag/support.ts):
 *   risk = unknownShare − wCoverage·coverage − wSimilarity·similarity − wText·min(textScore, 1) − wAgree·armsAgree
 * and decline when risk > threshold. unknownShare (question words naming things the knowledge base never
 * mentions) pushes towards "not covered"; good coverage by the top passages, a close vector match, a
 * strong full-text match (many of the question's terms close together in one passage) and both retrieval
 * arms finding the same runbook pull back.
 * The weights and threshold are fitted per embedding model on the question set's dev split
 * (npm run eval:rag -- --calibrate): the widest margin that declines ≥ 90% of unanswerable questions
 * and ≤ 5% of answerable ones. Models without a calibration use conservative defaults.
 */

export interface Calibration {
  model: string;
  wCoverage: number;
  wSimilarity: number;
  /** Weight of the full-text rank (capped at 1); calibrations made before it existed have none (0). */
  wText: number;
  /** Weight of the arms' agreement on a document; calibrations made before it existed have none (0). */
  wAgree: number;
  threshold: number;
  /** How it was fitted, for the record. */
  fittedOn: string;
  devUnanswerableDeclined: number;
  devAnswerableDeclined: number;
}

type Params = Pick<Calibration, "wCoverage" | "wSimilarity" | "wText" | "wAgree" | "threshold">;

const DEFAULT: Omit<Calibration, "model"> = {
  wCoverage: 0.5,
  wSimilarity: 0.5,
  wText: 0,
  wAgree: 0,
  threshold: 0.15,
  fittedOn: "default (no calibration for this model)",
  devUnanswerableDeclined: NaN,
  devAnswerableDeclined: NaN,
};

const MAX_ANSWERABLE_DECLINED = 0.05;

/** ts_rank_cd above this adds nothing: past it, the passage plainly contains the question's terms. */
const TEXT_SCORE_CAP = 1;

export function declineRisk(s: Support, c: Omit<Params, "threshold" | "wAgree"> & { wAgree?: number }): number {
  // No agreement signal (an arm did not run) counts as agreement: it must not push towards declining.
  const agree = s.armsAgree ?? 1;
  return s.unknownShare - c.wCoverage * s.coverage - c.wSimilarity * s.similarity - c.wText * Math.min(s.textScore, TEXT_SCORE_CAP) - (c.wAgree ?? 0) * agree;
}

export function loadCalibration(model: string): Calibration | undefined {
  const all = calibrationFile as Record<string, Partial<Omit<Calibration, "model">>>;
  const c = all[model];
  return c && typeof c.wCoverage === "number" ? ({ model, wText: 0, wAgree: 0, ...c } as Calibration) : undefined;
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

/** The target: at least this share of unanswerable questions declined… */
const MIN_UNANSWERABLE_DECLINED = 0.9;

/** Every weighting tried: coverage, similarity and text 0–2, agreement 0–1, in steps of 0.1. */
function* weightGrid(): Generator<Omit<Params, "threshold">> {
  for (let i = 0; i <= 20; i++)
    for (let j = 0; j <= 20; j++)
      for (let k = 0; k <= 20; k++) for (let a = 0; a <= 10; a++) yield { wCoverage: i / 10, wSimilarity: j / 10, wText: k / 10, wAgree: a / 10 };
}

function spread(xs: number[]): number {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length) || 1;
}

/**
 * Grid search on labelled rows (the dev split). Among the weightings that meet the target on these rows
 * (≥ 90% of unanswerable declined, ≤ 5% of answerable declined), the one with the widest gap between
 * the two classes' risks (relative to the risks' spread) wins, and the threshold goes in the middle of
 * the gap: a rule fitted at the edge of a few dozen questions declines the next slightly harder
 * paraphrase. If no weighting meets the target, the most unanswerable declined with at most 5% of
 * answerable declined wins (ties: the widest gap around the threshold, which again goes in its middle).
 */
export function calibrate(rows: Row[], model: string): Calibration {
  const un = rows.filter((r) => r.unanswerable);
  const an = rows.filter((r) => !r.unanswerable);
  const allowed = Math.floor(MAX_ANSWERABLE_DECLINED * an.length);
  const needed = Math.ceil(MIN_UNANSWERABLE_DECLINED * un.length);
  let best: Calibration | undefined;
  let bestKey = [-Infinity, -Infinity, -Infinity];
  for (const w of weightGrid()) {
    const anRisks = an.map((r) => declineRisk(r.support, w)).sort((a, b) => b - a);
    const unRisks = un.map((r) => declineRisk(r.support, w)).sort((a, b) => b - a);
    // Decline above the (allowed+1)-th highest answerable risk: at most `allowed` answerable declined.
    const floor = anRisks[allowed] ?? -Infinity;
    const ceiling = unRisks[needed - 1] ?? Infinity;
    const feasible = needed > 0 && Number.isFinite(floor) && ceiling > floor;
    // Short of the target, the threshold still goes in the middle of a gap: between the highest risk kept
    // (an answerable question's) and the lowest risk declined above it.
    const lowestDeclined = Math.min(...[...anRisks, ...unRisks].filter((x) => x > floor));
    const upper = feasible ? ceiling : Number.isFinite(lowestDeclined) ? lowestDeclined : floor;
    // Rounded so that the stored value never declines more answerable questions than counted here.
    const threshold = Math.ceil(((floor + upper) / 2) * 10000) / 10000;
    const unDeclined = un.filter((r) => declineRisk(r.support, w) > threshold).length;
    const anDeclined = an.filter((r) => declineRisk(r.support, w) > threshold).length;
    const margin = (upper - floor) / spread([...anRisks, ...unRisks]);
    // Feasible: the widest margin wins. Otherwise: the most unanswerable declined, then the widest margin.
    const key = feasible ? [1, margin, 0] : [0, unDeclined, margin];
    if (key[0] > bestKey[0] || (key[0] === bestKey[0] && (key[1] > bestKey[1] || (key[1] === bestKey[1] && key[2] > bestKey[2])))) {
      bestKey = key;
      best = {
        model,
        ...w,
        threshold,
        fittedOn: `dev split: ${an.length} answerable, ${un.length} unanswerable questions; ${feasible ? "" : "target not reachable on dev; "}widest margin ${margin.toFixed(3)} (in risk spreads)`,
        devUnanswerableDeclined: Math.round((unDeclined / Math.max(1, un.length)) * 1000) / 1000,
        devAnswerableDeclined: Math.round((anDeclined / Math.max(1, an.length)) * 1000) / 1000,
      };
    }
  }
  return best!;
}
