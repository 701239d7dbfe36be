import { sendEvent } from "@/lib/events/send";

/** Why an incident changed, as carried by the "incident/updated" event (summaries and Slack follow it). */
export type IncidentUpdateReason =
  | "opened"
  | "alert_added"
  | "escalated"
  | "resolved"
  | "reopened"
  | "status_changed"
  | "comment"
  | "alert_resolved"
  | "alert_moved";

export interface IncidentUpdate {
  incidentId: string;
  reason: IncidentUpdateReason;
}

/** Sends the events after the transaction committed (sendEvent never throws). */
export async function publishIncidentUpdates(updates: IncidentUpdate[]): Promise<void> {
  const seen = new Set<string>();
  for (const u of updates) {
    const key = `${u.incidentId}:${u.reason}`;
    if (seen.has(key)) continue;
    seen.add(key);
    await sendEvent("incident/updated", { incidentId: u.incidentId, reason: u.reason });
  }
}
