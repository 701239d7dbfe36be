import { db } from "@/lib/db";
import { ApiError, conflict, notFound } from "@/lib/http/api-error";
import { settleAfterAlertChange, TRANSACTION_OPTIONS, changeStatus } from "@/lib/incidents/lifecycle";
import { publishIncidentUpdates, type IncidentUpdate } from "@/lib/incidents/publish";
import { refreshIncident } from "@/lib/incidents/refresh";
import { lockIncidents } from "@/lib/incidents/lock";
import { recordAction } from "@/lib/incidents/timeline";

/**
 * A person corrects the grouping: moves an alert to another incident or to a new one of its own.
 * Both incidents record alert_moved and are refreshed; an incident left without alerts is resolved.
 */
export async function moveAlert(alertId: string, target: { incidentId: string } | "new", actor: string) {
  const updates: IncidentUpdate[] = [];
  const result = await db().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ incident_id: string | null; title: string; alert_timestamp: Date; severity: string | null; status: string }[]>`
      SELECT incident_id, title, alert_timestamp, coalesce(severity, source_severity)::text AS severity, status::text AS status
      FROM alerts WHERE id = ${alertId}::uuid FOR UPDATE`;
    const alert = rows[0];
    if (!alert) throw notFound("Alert");
    const fromId = alert.incident_id;

    let toId: string;
    if (target === "new") {
      const created = await tx.incident.create({
        data: {
          title: alert.title,
          groupKey: `manual:${alertId}`,
          severity: (alert.severity ?? "info") as "info",
          firstAlertAt: alert.alert_timestamp,
          lastAlertAt: alert.alert_timestamp,
        },
      });
      toId = created.id;
      await recordAction(tx, toId, "incident_opened", {
        actor,
        message: `Incident opened by moving alert "${alert.title}" out of another incident`,
        data: { alertId, fromIncidentId: fromId },
      });
      updates.push({ incidentId: toId, reason: "opened" });
    } else {
      toId = target.incidentId;
      if (toId === fromId) throw conflict("The alert is already in that incident");
      // Both incidents locked in id order, so two opposite moves cannot deadlock.
      const locked = await lockIncidents(tx, [toId, ...(fromId ? [fromId] : [])]);
      const targetRow = locked.find((r) => r.id === toId);
      if (!targetRow) throw new ApiError(404, "not_found", "Target incident not found");
      if (targetRow.mergedIntoNumber !== null) {
        throw conflict(`That incident was merged into INC-${targetRow.mergedIntoNumber}: move the alert there instead`);
      }
      if (targetRow.status === "resolved" && alert.status === "firing") {
        // A firing alert makes a resolved incident live again.
        await changeStatus(tx, toId, "resolved", "open", { actor, message: `Reopened: firing alert "${alert.title}" moved in by ${actor}` });
      }
      updates.push({ incidentId: toId, reason: "alert_moved" });
    }

    await tx.alert.update({
      where: { id: alertId },
      data: {
        incidentId: toId,
        groupingReason: `moved manually by ${actor}`,
        groupingSignals: { decision: "moved", actor, fromIncidentId: fromId },
      },
    });
    await recordAction(tx, toId, "alert_moved", {
      actor,
      message: `Alert "${alert.title}" moved in${fromId ? " from another incident" : ""}`,
      data: { alertId, fromIncidentId: fromId, toIncidentId: toId, direction: "in" },
    });
    await refreshIncident(tx, toId, actor);

    if (fromId) {
      await recordAction(tx, fromId, "alert_moved", {
        actor,
        message: `Alert "${alert.title}" moved out to another incident`,
        data: { alertId, fromIncidentId: fromId, toIncidentId: toId, direction: "out" },
      });
      const refreshed = await refreshIncident(tx, fromId, actor);
      if (refreshed.alertCount === 0 && refreshed.status !== "resolved") {
        await changeStatus(tx, fromId, refreshed.status, "resolved", {
          actor,
          automatic: true,
          message: "Resolved automatically: every alert was moved to other incidents",
        });
        updates.push({ incidentId: fromId, reason: "resolved" });
      } else {
        const settled = await settleAfterAlertChange(tx, refreshed, actor);
        updates.push(settled ?? { incidentId: fromId, reason: "alert_moved" });
      }
    }
    return { alertId, fromIncidentId: fromId, toIncidentId: toId };
  }, TRANSACTION_OPTIONS);
  await publishIncidentUpdates(updates);
  return result;
}
