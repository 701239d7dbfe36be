import fitted from "./group-weights.json";

/**
 * The pair score as a small logistic model: each kind of evidence between two alerts (shared service,
 * dependency edge, shared-infrastructure marker, similar text, time apart...) has a weight fitted on the
 * labelled dev storms (datasets/grouping/fit-weights.ts writes group-weights.json), instead of weights
 * chosen by hand. The score is the model's probability that the two alerts belong to one incident.
 * Features are 0/1 evidence flags or values scaled to 0..1, so the weights read as log-odds per kind.
 */

export const PAIR_FEATURES = [
  "sameService",
  "cascadeDirect",
  "cascadeIndirect",
  "cascadeOngoing",
  "mentions",
  "sharedCause",
  "sameErrorCode",
  "conflictingErrorCodes",
  "similarity",
  "sameServiceSimilarity",
  "regionSame",
  "regionDifferent",
  "minutesApartOfWindow",
  "bothFailing",
] as const;

export type PairFeatureName = (typeof PAIR_FEATURES)[number];
export type PairFeatures = Record<PairFeatureName, number>;

export interface PairModel {
  bias: number;
  weights: Record<PairFeatureName, number>;
}

export const logistic = (z: number) => 1 / (1 + Math.exp(-z));

export function featureVector(f: PairFeatures): number[] {
  return PAIR_FEATURES.map((k) => f[k]);
}

/** Log-odds that the pair is one incident. */
export function pairLogit(f: PairFeatures, model: PairModel = groupingModel()): number {
  let z = model.bias;
  for (const k of PAIR_FEATURES) z += (model.weights[k] ?? 0) * f[k];
  return z;
}

let override: PairModel | null = null;

/** The shipped weights (group-weights.json); features missing from an older file weigh 0. */
export function groupingModel(): PairModel {
  return override ?? (fitted as PairModel);
}

/** Runs `fn` with other weights: the fitting script compares candidate models on full replays. */
export function withGroupingModel<T>(model: PairModel, fn: () => T): T {
  const previous = override;
  override = model;
  try {
    return fn();
  } finally {
    override = previous;
  }
}
