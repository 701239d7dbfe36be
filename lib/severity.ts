/** OpsRelay's one severity scale, worst first. */
export const SEVERITIES = ["critical", "high", "medium", "low", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** 0 = worst. */
export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}
