/** Quality metrics for the ML eval (pure, unit-tested). */

export function accuracy(gold: string[], pred: string[]): number {
  if (gold.length === 0) return 0;
  let ok = 0;
  for (let i = 0; i < gold.length; i++) if (gold[i] === pred[i]) ok++;
  return ok / gold.length;
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
}

export function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp === 0 ? (fn === 0 ? 1 : 0) : tp / (tp + fp);
  const recall = tp + fn === 0 ? (fp === 0 ? 1 : 0) : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, tp, fp, fn };
}

/** Per-class F1 and their unweighted mean over the classes that occur in gold or predictions. */
export function macroF1(gold: string[], pred: string[]): { macroF1: number; perClass: Record<string, Prf> } {
  const classes = [...new Set([...gold, ...pred])].sort();
  const perClass: Record<string, Prf> = {};
  for (const c of classes) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < gold.length; i++) {
      if (pred[i] === c && gold[i] === c) tp++;
      else if (pred[i] === c) fp++;
      else if (gold[i] === c) fn++;
    }
    perClass[c] = prf(tp, fp, fn);
  }
  const values = Object.values(perClass);
  return { macroF1: values.length ? values.reduce((s, p) => s + p.f1, 0) / values.length : 0, perClass };
}

/** Set-based entity scoring: each (alert, type, value) is one item; values compared case-insensitively. */
export class EntityScorer {
  private counts = new Map<string, { tp: number; fp: number; fn: number }>();
  readonly misses: { id: string; type: string; missing: string[]; extra: string[] }[] = [];

  constructor(private readonly types: string[]) {}

  add(id: string, gold: Record<string, string[]>, predicted: Record<string, string[]>) {
    for (const type of this.types) {
      const g = new Set((gold[type] ?? []).map((v) => v.toLowerCase()));
      const p = new Set((predicted[type] ?? []).map((v) => v.toLowerCase()));
      const c = this.counts.get(type) ?? { tp: 0, fp: 0, fn: 0 };
      const missing: string[] = [];
      const extra: string[] = [];
      for (const v of p) if (g.has(v)) c.tp++;
      else {
        c.fp++;
        extra.push(v);
      }
      for (const v of g) if (!p.has(v)) {
        c.fn++;
        missing.push(v);
      }
      this.counts.set(type, c);
      if (missing.length || extra.length) this.misses.push({ id, type, missing, extra });
    }
  }

  perType(): Record<string, Prf> {
    const out: Record<string, Prf> = {};
    for (const t of this.types) {
      const c = this.counts.get(t) ?? { tp: 0, fp: 0, fn: 0 };
      out[t] = prf(c.tp, c.fp, c.fn);
    }
    return out;
  }

  /** Micro-averaged over all types. */
  overall(): Prf {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const c of this.counts.values()) {
      tp += c.tp;
      fp += c.fp;
      fn += c.fn;
    }
    return prf(tp, fp, fn);
  }
}
