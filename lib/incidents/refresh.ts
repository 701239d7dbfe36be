import type { Db } from "@/lib/db";
import { severityRank, type Severity } from "@/lib/severity";
import { recordAction } from "@/lib/incidents/timeline";

export interface RefreshResult {
  incidentId: string;
  status: "open" | "investigating" | "resolved";
  severityBefore: Severity;
  severity: Severity;
  /** Severity got worse. */
  escalated: boolean;
  alertCount: number;
  openAlertCount: number;
  /** There were firing alerts before this refresh and there are none now (and at least one alert). */
  allAlertsResolved: boolean;
  /** When the last of its alerts resolved (the incident's natural end when auto-resolving). */
  lastResolvedAt: Date | null;
}

interface Aggregate {
  total: number;
  open: number;
  first: Date | null;
  last: Date | null;
  services: string[];
  envs: string[];
  worst_open: Severity | null;
  worst_all: Severity | null;
  last_resolved: Date | null;
}

/**
 * Recomputes an incident's derived fields from its alerts: severity = worst firing alert (worst of all
 * when none fires), affected services, environments, counts, first/last alert time. Locks the incident
 * row first so concurrent refreshes see each other's alerts. Records severity changes on the timeline.
 */
export async function refreshIncident(tx: Db, incidentId: string, actor = "system"): Promise<RefreshResult> {
  const locked = await tx.$queryRaw<{ severity: Severity; status: RefreshResult["status"]; open_alert_count: number }[]>`
    SELECT severity::text AS severity, status::text AS status, open_alert_count
    FROM incidents WHERE id = ${incidentId}::uuid FOR UPDATE`;
  const before = locked[0];
  if (!before) throw new Error(`incident ${incidentId} not found`);

  const [agg] = await tx.$queryRaw<Aggregate[]>`
    SELECT count(*)::int AS total,
           count(*) FILTER (WHERE status = 'firing')::int AS open,
           min(alert_timestamp) AS first,
           max(alert_timestamp) AS last,
           coalesce(array_agg(DISTINCT service_name) FILTER (WHERE service_name IS NOT NULL), '{}') AS services,
           coalesce(array_agg(DISTINCT environment) FILTER (WHERE environment IS NOT NULL), '{}') AS envs,
           (min(coalesce(severity, source_severity)) FILTER (WHERE status = 'firing'))::text AS worst_open,
           (min(coalesce(severity, source_severity)))::text AS worst_all,
           max(resolved_at) AS last_resolved
    FROM alerts WHERE incident_id = ${incidentId}::uuid`;

  const severity: Severity = agg.worst_open ?? agg.worst_all ?? before.severity;
  await tx.incident.update({
    where: { id: incidentId },
    data: {
      severity,
      alertCount: agg.total,
      openAlertCount: agg.open,
      affectedServices: [...agg.services].sort(),
      environments: [...agg.envs].sort(),
      ...(agg.first && agg.last ? { firstAlertAt: agg.first, lastAlertAt: agg.last } : {}),
    },
  });

  const escalated = severityRank(severity) < severityRank(before.severity);
  if (severity !== before.severity) {
    await recordAction(tx, incidentId, "severity_changed", {
      actor,
      message: `Severity ${escalated ? "raised" : "lowered"} from ${before.severity} to ${severity}`,
      data: { from: before.severity, to: severity },
    });
  }
  return {
    incidentId,
    status: before.status,
    severityBefore: before.severity,
    severity,
    escalated,
    alertCount: agg.total,
    openAlertCount: agg.open,
    allAlertsResolved: before.open_alert_count > 0 && agg.open === 0 && agg.total > 0,
    lastResolvedAt: agg.last_resolved,
  };
}
