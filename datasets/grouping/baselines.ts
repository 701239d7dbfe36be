import type { Scenario } from "./scenario-kit";

/** The two baselines OpsRelay's grouping must beat, on the same scenarios. */

/** Time window only: an alert joins the latest incident if that incident's last alert is at most `gapMinutes` old. */
export function timeWindowBaseline(scenario: Scenario, gapMinutes = 10): Map<string, string> {
  const out = new Map<string, string>();
  let current: { id: string; last: number } | null = null;
  let n = 0;
  for (const a of scenario.alerts) {
    const t = Date.parse(a.timestamp);
    if (!current || t - current.last > gapMinutes * 60_000) current = { id: `tw-${++n}`, last: t };
    current.last = t;
    out.set(a.id, current.id);
  }
  return out;
}

/** Fingerprint / upstream group key only: alerts sharing either are one incident (transitively). */
export function fingerprintBaseline(scenario: Scenario): Map<string, string> {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(x, root);
    return root;
  };
  const union = (a: string, b: string) => parent.set(find(a), find(b));
  for (const a of scenario.alerts) {
    const fp = `fp:${a.fingerprint}`;
    if (!parent.has(fp)) parent.set(fp, fp);
    if (a.groupKey) {
      const gk = `gk:${a.groupKey}`;
      if (!parent.has(gk)) parent.set(gk, gk);
      union(fp, gk);
    }
  }
  return new Map(scenario.alerts.map((a) => [a.id, find(`fp:${a.fingerprint}`)]));
}
