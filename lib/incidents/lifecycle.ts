import { db, type Db } from "@/lib/db";
import { lockIncidents } from "@/lib/incidents/lock";
import { env } from "@/lib/env";
import { ApiError, conflict, notFound } from "@/lib/http/api-error";
import { publishIncidentUpdates, type IncidentUpdate } from "@/lib/incidents/publish";
import type { RefreshResult } from "@/lib/incidents/refresh";
import { recordAction } from "@/lib/incidents/timeline";

/**
 * Incident status machine: open → investigating (acknowledge) → resolved, and resolved → open (reopen).
 * Every change is written to the timeline and announced with "incident/updated".
 */

export type IncidentStatus = "open" | "investigating" | "resolved";
export type IncidentActionName = "acknowledge" | "resolve" | "reopen" | "comment";

export const TRANSACTION_OPTIONS = { maxWait: 30_000, timeout: 30_000 } as const;

const TARGET: Record<Exclude<IncidentActionName, "comment">, { to: IncidentStatus; from: IncidentStatus[] }> = {
  acknowledge: { to: "investigating", from: ["open"] },
  resolve: { to: "resolved", from: ["open", "investigating"] },
  reopen: { to: "open", from: ["resolved"] },
};

/** Moves an incident to a new status inside `tx` (caller holds or takes the row lock). */
export async function changeStatus(
  tx: Db,
  incidentId: string,
  from: IncidentStatus,
  to: IncidentStatus,
  opts: { actor: string; message?: string | null; automatic?: boolean; now?: Date },
): Promise<void> {
  const now = opts.now ?? new Date();
  await tx.incident.update({
    where: { id: incidentId },
    data: {
      status: to,
      ...(to === "investigating" ? { acknowledgedAt: now } : {}),
      ...(to === "resolved" ? { resolvedAt: now } : {}),
      ...(to === "open" ? { resolvedAt: null } : {}),
    },
  });
  await recordAction(tx, incidentId, "status_changed", {
    actor: opts.actor,
    message: opts.message ?? `Status changed from ${from} to ${to}${opts.automatic ? " automatically" : ""}`,
    data: { from, to, ...(opts.automatic ? { automatic: true } : {}) },
  });
}

/**
 * After alerts resolved (or moved out): when none fires any more, record it and — with
 * INCIDENT_AUTO_RESOLVE on — resolve the incident. Returns the event to send, if any.
 */
export async function settleAfterAlertChange(tx: Db, refresh: RefreshResult, actor = "system"): Promise<IncidentUpdate | null> {
  if (!refresh.allAlertsResolved) return null;
  await recordAction(tx, refresh.incidentId, "all_alerts_resolved", {
    actor,
    message: `All ${refresh.alertCount} alerts have resolved`,
    data: { alertCount: refresh.alertCount },
  });
  if (refresh.status === "resolved" || !env().INCIDENT_AUTO_RESOLVE) return { incidentId: refresh.incidentId, reason: "alert_resolved" };
  await changeStatus(tx, refresh.incidentId, refresh.status, "resolved", {
    actor,
    automatic: true,
    message: "Resolved automatically: every alert has resolved",
    // The incident ended when its last alert did, not when this ran (reopen windows count from there).
    now: refresh.lastResolvedAt ?? undefined,
  });
  return { incidentId: refresh.incidentId, reason: "resolved" };
}

export interface ActionInput {
  action: IncidentActionName;
  actor: string;
  message?: string;
}

/** A person's action on an incident (the dashboard, the API, Slack). Throws ApiError 404/409. */
export async function performIncidentAction(incidentId: string, input: ActionInput) {
  const update = await db().$transaction(async (tx) => {
    const [locked] = await lockIncidents(tx, [incidentId]);
    if (!locked) throw notFound("Incident");
    const current = locked.status;
    // A merged incident lives on in its target: reopening the empty shell would only split the work again.
    if (input.action === "reopen" && locked.mergedIntoNumber !== null) {
      throw conflict(`This incident was merged into INC-${locked.mergedIntoNumber}: reopen INC-${locked.mergedIntoNumber} instead`);
    }

    if (input.action === "comment") {
      if (!input.message) throw new ApiError(400, "validation_failed", "A comment needs a message");
      await recordAction(tx, incidentId, "comment", { actor: input.actor, message: input.message });
      return { incidentId, reason: "comment" } as IncidentUpdate;
    }
    const target = TARGET[input.action];
    if (!target.from.includes(current)) {
      throw conflict(`Cannot ${input.action} an incident that is ${current}` + (current === "resolved" ? " (reopen it first)" : ""));
    }
    await changeStatus(tx, incidentId, current, target.to, {
      actor: input.actor,
      message: input.message ? `${PAST[input.action]}: ${input.message}` : undefined,
    });
    const reason = input.action === "resolve" ? "resolved" : input.action === "reopen" ? "reopened" : "status_changed";
    return { incidentId, reason } as IncidentUpdate;
  }, TRANSACTION_OPTIONS);
  await publishIncidentUpdates([update]);
  return db().incident.findUniqueOrThrow({ where: { id: incidentId } });
}

const PAST: Record<Exclude<IncidentActionName, "comment">, string> = {
  acknowledge: "Acknowledged",
  resolve: "Resolved",
  reopen: "Reopened",
};
