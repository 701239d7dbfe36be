import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { settleResolvedAlert } from "@/lib/pipeline/settle-resolution";
import { log } from "@/lib/pipeline/log";

/**
 * Auto-resolution of alerts that stopped firing without a resolve notification (many platforms never
 * send one). Silence = no repeat for ALERT_SILENCE_RESOLVE_MINUTES, per source overridable with
 * ALERT_SILENCE_RESOLVE_OVERRIDES; 0 disables it.
 */

export function silenceMinutesBySource(defaultMinutes: number, overrides: string[]): { fallback: number; bySource: Map<string, number> } {
  const bySource = new Map<string, number>();
  for (const entry of overrides) {
    const [source, minutes] = entry.split("=");
    bySource.set(source.trim().toLowerCase(), Number(minutes));
  }
  return { fallback: defaultMinutes, bySource };
}

/** Ids of firing alerts silent for longer than their source's limit (oldest first). */
export async function findSilentAlerts(now = new Date(), limit = 500): Promise<SilentAlert[]> {
  const e = env();
  const { fallback, bySource } = silenceMinutesBySource(e.ALERT_SILENCE_RESOLVE_MINUTES, e.ALERT_SILENCE_RESOLVE_OVERRIDES);
  const sources = [...bySource.keys()];
  const minutes = sources.map((s) => bySource.get(s)!);
  // Per-row limit: the source's override, else the default; 0 means never.
  return db().$queryRaw<SilentAlert[]>`
    WITH o AS (SELECT * FROM unnest(${sources}::text[], ${minutes}::int[]) AS o(source, minutes))
    SELECT a.id::text AS id, a.last_seen_at AS "lastSeenAt" FROM alerts a LEFT JOIN o ON o.source = a.source
    WHERE a.status = 'firing' AND a.processing_state IN ('processed', 'degraded')
      AND coalesce(o.minutes, ${fallback}::int) > 0
      AND a.last_seen_at < ${now}::timestamptz - make_interval(mins => coalesce(o.minutes, ${fallback}::int))
    ORDER BY a.last_seen_at ASC LIMIT ${limit}`;
}

export interface SilentAlert {
  id: string;
  lastSeenAt: Date;
}

/**
 * Resolves one silent alert (if it is still firing and still silent) and lets the incident lifecycle
 * follow. Returns the incident change, if any.
 */
export async function autoResolveAlert(alert: SilentAlert, now = new Date()): Promise<{ incidentId: string; reason: string } | null> {
  const alertId = alert.id;
  // Unchanged last_seen_at: the alert did not fire again since it was found silent.
  const updated = await db().alert.updateMany({
    where: { id: alertId, status: "firing", lastSeenAt: alert.lastSeenAt },
    data: { status: "resolved", resolvedAt: now },
  });
  if (updated.count === 0) return null;
  log.info(`alert ${alertId} auto-resolved after silence`);
  return settleResolvedAlert(alertId);
}

export async function autoResolveSilentAlerts(now = new Date()): Promise<{ resolved: number; incidents: string[] }> {
  const silent = await findSilentAlerts(now);
  const incidents = new Set<string>();
  for (const alert of silent) {
    const change = await autoResolveAlert(alert, now);
    if (change) incidents.add(change.incidentId);
  }
  return { resolved: silent.length, incidents: [...incidents] };
}
