/** OpsRelay's one severity scale, worst first. */
export const SEVERITIES = ["critical", "high", "medium", "low", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** 0 = worst. */
export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

export function worstSeverity(values: Iterable<Severity | null | undefined>): Severity | undefined {
  let worst: Severity | undefined;
  for (const v of values) if (v && (worst === undefined || severityRank(v) < severityRank(worst))) worst = v;
  return worst;
}
