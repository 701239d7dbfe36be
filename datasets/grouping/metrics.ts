/**
 * Clustering quality for grouping: pairwise precision/recall/F1 (every pair of alerts in a scenario is
 * "together" or "apart" in truth and in prediction) and the adjusted Rand index (chance-corrected).
 */

export interface PairCounts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export function pairCounts(truth: string[], predicted: string[]): PairCounts {
  if (truth.length !== predicted.length) throw new Error("truth and prediction differ in length");
  const c: PairCounts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (let i = 0; i < truth.length; i++) {
    for (let j = i + 1; j < truth.length; j++) {
      const t = truth[i] === truth[j];
      const p = predicted[i] === predicted[j];
      if (t && p) c.tp++;
      else if (p) c.fp++;
      else if (t) c.fn++;
      else c.tn++;
    }
  }
  return c;
}

export function addCounts(a: PairCounts, b: PairCounts): PairCounts {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn, tn: a.tn + b.tn };
}

export function prf(c: PairCounts): { precision: number; recall: number; f1: number } {
  // No predicted pairs and no true pairs is a perfect (vacuous) score, not 0/0.
  const precision = c.tp + c.fp === 0 ? (c.fn === 0 ? 1 : 0) : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

const choose2 = (n: number) => (n * (n - 1)) / 2;

/** Adjusted Rand index (Hubert & Arabie). 1 = identical partitions, ~0 = chance. */
export function adjustedRandIndex(truth: string[], predicted: string[]): number {
  const n = truth.length;
  if (n < 2) return 1;
  const table = new Map<string, number>();
  const rows = new Map<string, number>();
  const cols = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const key = `${truth[i]}\u0000${predicted[i]}`;
    table.set(key, (table.get(key) ?? 0) + 1);
    rows.set(truth[i], (rows.get(truth[i]) ?? 0) + 1);
    cols.set(predicted[i], (cols.get(predicted[i]) ?? 0) + 1);
  }
  let index = 0;
  for (const v of table.values()) index += choose2(v);
  let sumRows = 0;
  for (const v of rows.values()) sumRows += choose2(v);
  let sumCols = 0;
  for (const v of cols.values()) sumCols += choose2(v);
  const expected = (sumRows * sumCols) / choose2(n);
  const max = (sumRows + sumCols) / 2;
  if (max === expected) return index === expected ? 1 : 0;
  return (index - expected) / (max - expected);
}
