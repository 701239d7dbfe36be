import { db } from "@/lib/db";
import { conflict, notFound } from "@/lib/http/api-error";
import { changeStatus, settleAfterAlertChange, TRANSACTION_OPTIONS } from "@/lib/incidents/lifecycle";
import { publishIncidentUpdates, type IncidentUpdate } from "@/lib/incidents/publish";
import { lockIncidents } from "@/lib/incidents/lock";
import { refreshIncident } from "@/lib/incidents/refresh";
import { recordAction } from "@/lib/incidents/timeline";

export interface MergeResult {
  sourceId: string;
  sourceNumber: number;
  targetId: string;
  targetNumber: number;
  /** Alerts that moved from the source into the target. */
  movedAlerts: number;
  /** The target was resolved and firing alerts came in. */
  targetReopened: boolean;
}

/**
 * A person joins two incidents that grouping split: every alert of the source moves into the target, the
 * target is refreshed (and reopened when firing alerts reach it resolved), and the emptied source is
 * resolved with a pointer to the target. One transaction; locks taken in the order move-alert.ts takes
 * them (alert rows, then incidents by id), so concurrent merges and moves wait for each other instead
 * of deadlocking. Throws ApiError 404 (unknown incident) and 409 (itself, or merged away already).
 */
export async function mergeIncidents(sourceRef: string, targetRef: string, actor: string): Promise<MergeResult> {
  // Ids compared as PostgreSQL prints them (a client may send upper-case uuids).
  const sourceId = sourceRef.toLowerCase();
  const targetId = targetRef.toLowerCase();
  if (sourceId === targetId) throw conflict("An incident cannot be merged into itself");
  const updates: IncidentUpdate[] = [];
  const result = await db().$transaction(async (tx) => {
    // The source's alert rows first, as a move locks its alert before the incidents.
    await tx.$queryRaw`
      SELECT id FROM alerts WHERE incident_id = ${sourceId}::uuid ORDER BY id FOR UPDATE`;
    const locked = await lockIncidents(tx, [sourceId, targetId]);
    const source = locked.find((r) => r.id === sourceId);
    const target = locked.find((r) => r.id === targetId);
    if (!source) throw notFound("Incident");
    if (!target) throw notFound("Target incident");
    // Checked under the locks: of two opposite merges racing, the second sees the first's outcome here.
    if (source.mergedIntoId) {
      throw conflict(`INC-${source.number} was already merged into INC-${source.mergedIntoNumber}`);
    }
    if (target.mergedIntoId) {
      throw conflict(`INC-${target.number} was merged into INC-${target.mergedIntoNumber}: merge into INC-${target.mergedIntoNumber} instead`);
    }

    // Re-read under the incident locks: an alert moved in just before them still comes along.
    const signals = { decision: "merged", actor, fromIncidentId: sourceId, fromIncidentNumber: source.number };
    const moved = await tx.$queryRaw<{ status: string }[]>`
      UPDATE alerts SET incident_id = ${targetId}::uuid,
        grouping_reason = ${`merged manually from INC-${source.number} by ${actor}`},
        grouping_signals = ${JSON.stringify(signals)}::jsonb
      WHERE incident_id = ${sourceId}::uuid
      RETURNING status::text AS status`;
    const movedCount = moved.length;
    const firing = moved.filter((a) => a.status === "firing").length;

    await recordAction(tx, targetId, "incident_merged", {
      actor,
      message: `INC-${source.number} merged in (${movedCount} alert${movedCount === 1 ? "" : "s"})`,
      data: { direction: "in", fromIncidentId: sourceId, fromIncidentNumber: source.number, alertCount: movedCount },
    });
    const targetReopened = target.status === "resolved" && firing > 0;
    if (targetReopened) {
      await changeStatus(tx, targetId, "resolved", "open", {
        actor,
        message: `Reopened: INC-${source.number} merged in by ${actor} with ${firing} firing alert${firing === 1 ? "" : "s"}`,
      });
    }
    const refreshedTarget = await refreshIncident(tx, targetId, actor);
    const settledTarget = await settleAfterAlertChange(tx, refreshedTarget, actor);
    updates.push({
      incidentId: targetId,
      reason: targetReopened ? "reopened" : refreshedTarget.escalated ? "escalated" : (settledTarget?.reason ?? "alert_moved"),
    });

    await tx.incident.update({ where: { id: sourceId }, data: { mergedIntoId: targetId } });
    await recordAction(tx, sourceId, "incident_merged", {
      actor,
      message: `merged into INC-${target.number} by ${actor}`,
      data: { direction: "out", intoIncidentId: targetId, intoIncidentNumber: target.number, alertCount: movedCount },
    });
    // Counts drop to zero; severity and alert times keep their last values (refresh leaves them when empty).
    await refreshIncident(tx, sourceId, actor);
    if (source.status !== "resolved") {
      await changeStatus(tx, sourceId, source.status, "resolved", { actor, message: `Resolved: merged into INC-${target.number}` });
      updates.push({ incidentId: sourceId, reason: "resolved" });
    } else {
      updates.push({ incidentId: sourceId, reason: "alert_moved" });
    }

    return { sourceId, sourceNumber: source.number, targetId, targetNumber: target.number, movedAlerts: movedCount, targetReopened };
  }, TRANSACTION_OPTIONS);
  await publishIncidentUpdates(updates);
  return result;
}

/** Where a merged incident's alerts went (its page links there), or null when it was not merged. */
export async function getMergedInto(incidentId: string) {
  const row = await db().incident.findUnique({
    where: { id: incidentId },
    select: { mergedInto: { select: { id: true, number: true, title: true, status: true } } },
  });
  return row?.mergedInto ?? null;
}
