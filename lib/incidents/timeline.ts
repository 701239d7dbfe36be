import type { Db, Prisma } from "@/lib/db";

/** Timeline entry types written to incident_actions. */
export type IncidentActionType =
  | "incident_opened"
  | "alert_added"
  | "alert_moved"
  | "alert_resolved"
  | "all_alerts_resolved"
  | "severity_changed"
  | "status_changed"
  | "incident_merged"
  | "comment";

/** Appends one entry to an incident's timeline (inside the caller's transaction). */
export async function recordAction(
  tx: Db,
  incidentId: string,
  type: IncidentActionType,
  opts: { actor?: string; message?: string | null; data?: Prisma.InputJsonValue } = {},
): Promise<void> {
  await tx.incidentAction.create({
    data: { incidentId, type, actor: opts.actor ?? "system", message: opts.message ?? null, data: opts.data ?? {} },
  });
}
