import { db, Prisma } from "@/lib/db";
import { env, type Env } from "@/lib/env";
import { settleAfterAlertChange, TRANSACTION_OPTIONS } from "@/lib/incidents/lifecycle";
import { publishIncidentUpdates, type IncidentUpdate } from "@/lib/incidents/publish";
import { refreshIncident } from "@/lib/incidents/refresh";
import { recordAction } from "@/lib/incidents/timeline";

/**
 * The lifecycle sweep (called by the pipeline's cron / in-process loop): resolves firing alerts whose
 * platform has gone silent (some never send a "resolved"), then settles their incidents — which
 * resolve automatically when nothing fires any more (INCIDENT_AUTO_RESOLVE). Heartbeats are left to the
 * heartbeat monitor: their silence is the alarm, not a resolution.
 */

/** Silence limit per source: ALERT_SILENCE_RESOLVE_OVERRIDES ("sentry=1440") over ALERT_SILENCE_RESOLVE_MINUTES. */
export function silenceMinutesBySource(e: Env = env()): { fallback: number; bySource: Map<string, number> } {
  const bySource = new Map<string, number>();
  for (const entry of e.ALERT_SILENCE_RESOLVE_OVERRIDES) {
    const [source, minutes] = entry.split("=");
    if (source && minutes !== undefined) bySource.set(source.trim().toLowerCase(), Number(minutes));
  }
  return { fallback: e.ALERT_SILENCE_RESOLVE_MINUTES, bySource };
}

export interface SweepResult {
  alertsResolved: number;
  incidentsSettled: number;
  incidentsResolved: number;
}

/** One sweep. `now` is injectable for tests. Limited per call so a huge backlog is worked off in steps. */
export async function resolveSilentAlerts(opts: { now?: Date; limit?: number } = {}): Promise<SweepResult> {
  const now = opts.now ?? new Date();
  const limit = opts.limit ?? 500;
  const { fallback, bySource } = silenceMinutesBySource();

  // Per-source cut-off; 0 minutes = never resolve that source by silence.
  const sources = [...bySource.entries()];
  const special = sources.map(([s]) => s);
  const conditions: Prisma.Sql[] = sources
    .filter(([, m]) => m > 0)
    .map(([s, m]) => Prisma.sql`(lower(source) = ${s} AND last_seen_at < ${now}::timestamptz - make_interval(mins => ${m}::int))`);
  if (fallback > 0) {
    const notSpecial = special.length ? Prisma.sql`AND lower(source) <> ALL(${special}::text[])` : Prisma.empty;
    conditions.push(Prisma.sql`(last_seen_at < ${now}::timestamptz - make_interval(mins => ${fallback}::int) ${notSpecial})`);
  }
  if (conditions.length === 0) return { alertsResolved: 0, incidentsSettled: 0, incidentsResolved: 0 };

  const resolved = await db().$queryRaw<{ id: string; incident_id: string | null; title: string; last_seen_at: Date }[]>`
    UPDATE alerts SET status = 'resolved', resolved_at = ${now}::timestamptz
    WHERE id IN (
      SELECT id FROM alerts WHERE status = 'firing' AND NOT is_heartbeat AND (${Prisma.join(conditions, " OR ")})
      ORDER BY last_seen_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING id, incident_id, title, last_seen_at`;

  const byIncident = new Map<string, typeof resolved>();
  for (const r of resolved) {
    if (!r.incident_id) continue;
    byIncident.set(r.incident_id, [...(byIncident.get(r.incident_id) ?? []), r]);
  }

  const updates: IncidentUpdate[] = [];
  // Incidents one by one in id order: each is its own short transaction.
  for (const incidentId of [...byIncident.keys()].sort()) {
    const alerts = byIncident.get(incidentId)!;
    const update = await db().$transaction(async (tx) => {
      for (const a of alerts) {
        await recordAction(tx, incidentId, "alert_resolved", {
          actor: "system",
          message: `Alert "${a.title}" resolved automatically: silent since ${a.last_seen_at.toISOString()}`,
          data: { alertId: a.id, automatic: true },
        });
      }
      const refreshed = await refreshIncident(tx, incidentId);
      return (await settleAfterAlertChange(tx, refreshed)) ?? ({ incidentId, reason: "alert_resolved" } as IncidentUpdate);
    }, TRANSACTION_OPTIONS);
    updates.push(update);
  }
  await publishIncidentUpdates(updates);
  return {
    alertsResolved: resolved.length,
    incidentsSettled: byIncident.size,
    incidentsResolved: updates.filter((u) => u.reason === "resolved").length,
  };
}
