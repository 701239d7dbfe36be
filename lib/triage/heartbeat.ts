import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { heartbeatName } from "@/lib/heartbeats/detect";

export const HEARTBEAT_MODEL = "opsrelay-heartbeat-rule";

export type HeartbeatOutcome = { heartbeat: boolean; name?: string };

/**
 * Triage step 0: a heartbeat (Watchdog, DeadMansSwitch…) is recorded as one — informational, in no
 * incident — and the other steps are skipped; lib/heartbeats/monitor.ts raises the alarm if it stops.
 */
export async function recordIfHeartbeat(alertId: string): Promise<HeartbeatOutcome> {
  const alert = await db().alert.findUniqueOrThrow({ where: { id: alertId }, select: { title: true, labels: true } });
  const name = heartbeatName(alert, env().HEARTBEAT_ALERT_NAMES);
  if (!name) return { heartbeat: false };
  await db().alert.update({
    where: { id: alertId },
    data: {
      isHeartbeat: true,
      severity: "info",
      severityConfidence: 1,
      severityModel: HEARTBEAT_MODEL,
      groupingReason: `heartbeat "${name}": fires continuously to prove alerts reach OpsRelay; recorded, not grouped (OpsRelay opens an incident if it stops)`,
    },
  });
  return { heartbeat: true, name };
}
