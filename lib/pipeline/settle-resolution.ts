import { db } from "@/lib/db";
import { settleAfterAlertChange, TRANSACTION_OPTIONS } from "@/lib/incidents/lifecycle";
import { publishIncidentUpdates, type IncidentUpdate } from "@/lib/incidents/publish";
import { refreshIncident } from "@/lib/incidents/refresh";
import { recordAction } from "@/lib/incidents/timeline";

/**
 * After triage (or when a resolve notification arrives for a grouped alert): if the alert is resolved,
 * its incident's counts and severity follow, and the incident lifecycle decides whether the incident
 * resolves. Idempotent: running it twice records nothing new.
 */
export async function settleResolvedAlert(alertId: string): Promise<{ incidentId: string; reason: string } | null> {
  // Most alerts are firing: one cheap read spares them the transaction below.
  const peek = await db().alert.findUnique({ where: { id: alertId }, select: { status: true, incidentId: true } });
  if (!peek || peek.status !== "resolved" || !peek.incidentId) return null;
  const update = await db().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ status: string; incident_id: string | null; title: string }[]>`
      SELECT status::text AS status, incident_id, title FROM alerts WHERE id = ${alertId}::uuid FOR UPDATE`;
    const alert = rows[0];
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
