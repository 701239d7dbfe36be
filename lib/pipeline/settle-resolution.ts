import { db, type Db } from "@/lib/db";
import { env } from "@/lib/env";
import { changeStatus, settleAfterAlertChange, TRANSACTION_OPTIONS } from "@/lib/incidents/lifecycle";
import { publishIncidentUpdates, type IncidentUpdate } from "@/lib/incidents/publish";
import { refreshIncident } from "@/lib/incidents/refresh";
import { recordAction } from "@/lib/incidents/timeline";
import { groupAlert } from "@/lib/triage/group";

/**
 * After triage, or when a grouped alert changes state later (a resolve notification, or firing again
 * after it resolved): its incident follows. Idempotent: running it twice records nothing new.
 */
export async function settleResolvedAlert(
  alertId: string,
  opts: { justGrouped: boolean } = { justGrouped: false },
): Promise<{ incidentId: string; reason: string } | null> {
  // Most alerts are firing and already counted: one cheap read spares them the transactions below.
  const peek = await db().alert.findUnique({ where: { id: alertId }, select: { status: true, incidentId: true } });
  if (!peek?.incidentId) return null;
  if (peek.status === "resolved") return settleResolution(alertId);
  // Grouping has just counted a firing alert; only a later re-fire needs the incident refreshed.
  return opts.justGrouped ? null : settleRefire(alertId);
}

interface LockedAlert {
  status: string;
  incident_id: string | null;
  title: string;
}

/**
 * Locks the alert's incident row, then the alert row. The incident must be locked first: writing a
 * timeline row takes a key-share lock on the incident, and two resolutions of one incident that each
 * held that and then asked for FOR UPDATE (in refreshIncident) deadlocked each other.
 */
async function lockIncidentThenAlert(tx: Db, alertId: string): Promise<LockedAlert | null> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const [peek] = await tx.$queryRaw<{ incident_id: string | null }[]>`
      SELECT incident_id FROM alerts WHERE id = ${alertId}::uuid`;
    if (!peek) return null;
    if (peek.incident_id) await tx.$queryRaw`SELECT 1 FROM incidents WHERE id = ${peek.incident_id}::uuid FOR UPDATE`;
    const [alert] = await tx.$queryRaw<LockedAlert[]>`
      SELECT status::text AS status, incident_id, title FROM alerts WHERE id = ${alertId}::uuid FOR UPDATE`;
    // Moved to another incident between the two reads: lock that one instead.
    if (!alert || alert.incident_id === peek.incident_id) return alert ?? null;
  }
  throw new Error(`alert ${alertId} keeps moving between incidents`);
}

async function settleResolution(alertId: string) {
  const update = await db().$transaction(async (tx) => {
    const alert = await lockIncidentThenAlert(tx, alertId);
    if (!alert || alert.status !== "resolved" || !alert.incident_id) return null;
    const incidentId = alert.incident_id;

    const already = await tx.incidentAction.count({
      where: { incidentId, type: "alert_resolved", data: { path: ["alertId"], equals: alertId } },
    });
    if (already > 0) return null;
    await recordAction(tx, incidentId, "alert_resolved", {
      actor: "triage",
      message: `Alert "${alert.title}" resolved`,
      data: { alertId },
    });
    const refresh = await refreshIncident(tx, incidentId, "triage");
    // An incident opened by an alert that was already resolved never had a firing alert to lose.
    const noneFiring = refresh.openAlertCount === 0 && refresh.alertCount > 0 && refresh.status !== "resolved";
    const settled = await settleAfterAlertChange(tx, { ...refresh, allAlertsResolved: refresh.allAlertsResolved || noneFiring }, "triage");
    return settled ?? ({ incidentId, reason: "alert_resolved" } satisfies IncidentUpdate);
  }, TRANSACTION_OPTIONS);
  if (update) await publishIncidentUpdates([update]);
  return update;
}

/**
 * A grouped alert firing again after it had resolved. In an active incident it counts as firing again;
 * in an incident resolved within INCIDENT_REOPEN_WINDOW_MINUTES it reopens it; in one resolved longer
 * ago it leaves it (recorded there) and is grouped afresh, usually into a new incident.
 */
async function settleRefire(alertId: string) {
  let regroup = false;
  const update = await db().$transaction(async (tx) => {
    const alert = await lockIncidentThenAlert(tx, alertId);
    if (!alert || alert.status !== "firing" || !alert.incident_id) return null;
    const incidentId = alert.incident_id;
    const [incident] = await tx.$queryRaw<{ status: "open" | "investigating" | "resolved"; resolved_at: Date | null; open_alert_count: number }[]>`
      SELECT status::text AS status, resolved_at, open_alert_count FROM incidents WHERE id = ${incidentId}::uuid FOR UPDATE`;
    if (!incident) return null;

    if (incident.status === "resolved") {
      const windowMs = env().INCIDENT_REOPEN_WINDOW_MINUTES * 60_000;
      const recent = incident.resolved_at !== null && Date.now() - incident.resolved_at.getTime() <= windowMs;
      if (recent) {
        await changeStatus(tx, incidentId, "resolved", "open", {
          actor: "triage",
          automatic: true,
          message: `Reopened: alert "${alert.title}" fired again`,
        });
        await refreshIncident(tx, incidentId, "triage");
        return { incidentId, reason: "reopened" } satisfies IncidentUpdate;
      }
      await tx.alert.update({ where: { id: alertId }, data: { incidentId: null, groupingReason: null, groupingScore: null } });
      await recordAction(tx, incidentId, "alert_moved", {
        actor: "triage",
        message: `Alert "${alert.title}" fired again long after this incident resolved; grouped anew`,
        data: { alertId, fromIncidentId: incidentId, direction: "out", reason: "fired_again" },
      });
      await refreshIncident(tx, incidentId, "triage");
      regroup = true;
      return null;
    }

    const refresh = await refreshIncident(tx, incidentId, "triage");
    if (refresh.openAlertCount <= incident.open_alert_count) return null; // already counted as firing
    await tx.incidentAction.create({
      data: { incidentId, type: "alert_fired_again", actor: "triage", message: `Alert "${alert.title}" fired again`, data: { alertId } },
    });
    return { incidentId, reason: refresh.escalated ? "escalated" : "alert_added" } satisfies IncidentUpdate;
  }, TRANSACTION_OPTIONS);
  if (update) await publishIncidentUpdates([update]);
  if (regroup) {
    const grouped = await groupAlert(alertId);
    return grouped.incidentId ? { incidentId: grouped.incidentId, reason: grouped.decision } : null;
  }
  return update;
}
