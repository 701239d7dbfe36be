import { env, type Env } from "@/lib/env";
import type { GroupingConfig } from "@/lib/triage/group-score";

/** Parses GROUPING_MIN_ALERTS_OVERRIDES entries ("service:ci-runners=3") into lookups. */
export function parseMinAlertOverrides(entries: string[]): { service: Map<string, number>; source: Map<string, number> } {
  const service = new Map<string, number>();
  const source = new Map<string, number>();
  for (const entry of entries) {
    const m = /^(service|source):([^=\s]+)=(\d+)$/.exec(entry);
    if (!m) continue; // lib/env.ts already rejected malformed entries
    (m[1] === "service" ? service : source).set(m[2].toLowerCase(), Number(m[3]));
  }
  return { service, source };
}

/** Grouping settings for one alert: a service override wins over a source override over the default. */
export function groupingConfigFor(alert: { service: string | null; source: string }, e: Env = env()): GroupingConfig {
  const overrides = parseMinAlertOverrides(e.GROUPING_MIN_ALERTS_OVERRIDES);
  const minAlerts =
    (alert.service ? overrides.service.get(alert.service.toLowerCase()) : undefined) ??
    overrides.source.get(alert.source.toLowerCase()) ??
    e.GROUPING_MIN_ALERTS;
  return {
    windowMinutes: e.GROUPING_WINDOW_MINUTES,
    joinThreshold: e.GROUPING_JOIN_THRESHOLD,
    cascadeMinutes: e.GROUPING_CASCADE_MINUTES,
    reopenWindowMinutes: e.INCIDENT_REOPEN_WINDOW_MINUTES,
    minAlerts,
    waitWindowMinutes: e.GROUPING_WAIT_WINDOW_MINUTES,
  };
}
