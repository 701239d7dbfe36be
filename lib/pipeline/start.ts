import { env } from "@/lib/env";
import { pipelineMode } from "@/lib/events/mode";
import { findStuckAlerts, reclaimAfterRestart } from "@/lib/pipeline/alert-state";
import { dispatchInProcess, enqueueAlert, isInFlight } from "@/lib/pipeline/in-process";
import { findIncidentsMissingFollowUp } from "@/lib/pipeline/stale-incidents";
import { log } from "@/lib/pipeline/log";
import { errorMessage } from "@/lib/pipeline/retry";
import { resolveSilentAlerts } from "@/lib/incidents/auto-resolve";
import { checkHeartbeats } from "@/lib/heartbeats/monitor";

const holder = globalThis as unknown as { __opsrelaySweep?: { timer: NodeJS.Timeout; running: boolean } };

/**
 * Server start in in-process mode: alerts a crash left pending or processing are queued again, then a
 * periodic sweep re-queues stuck alerts, auto-resolves silent ones and watches heartbeats (the in-process twin of the
 * Inngest cron). With Inngest configured, its cron function does this instead.
 */
export async function startInProcessPipeline(): Promise<{ recovered: number } | null> {
  if (pipelineMode() !== "in-process" || holder.__opsrelaySweep) return null;
  const sweep = { timer: setInterval(() => void sweepOnce(), env().PIPELINE_SWEEP_INTERVAL_SECONDS * 1000), running: false };
  sweep.timer.unref();
  holder.__opsrelaySweep = sweep;
  const ids = await reclaimAfterRestart();
  for (const id of ids) enqueueAlert(id);
  if (ids.length > 0) log.info(`recovered ${ids.length} alert(s) left pending by a previous run`);
  return { recovered: ids.length };
}

export function stopInProcessPipeline(): void {
  if (holder.__opsrelaySweep) clearInterval(holder.__opsrelaySweep.timer);
  holder.__opsrelaySweep = undefined;
}

export interface SweepOutcome {
  requeued: number;
  autoResolved: number;
  followedUp: number;
  /** Missing-heartbeat alerts raised or resolved. */
  heartbeatAlerts: number;
}

const NOTHING_SWEPT: SweepOutcome = { requeued: 0, autoResolved: 0, followedUp: 0, heartbeatAlerts: 0 };

/** One sweep; overlapping runs are skipped. Never throws. */
export async function sweepOnce(now = new Date()): Promise<SweepOutcome> {
  const sweep = holder.__opsrelaySweep;
  if (sweep?.running) return NOTHING_SWEPT;
  if (sweep) sweep.running = true;
  try {
    const stuck = (await findStuckAlerts({ olderThanMinutes: env().PIPELINE_STUCK_MINUTES, now })).filter((id) => !isInFlight(id));
    for (const id of stuck) enqueueAlert(id);
    if (stuck.length > 0) log.warn(`re-queued ${stuck.length} stuck alert(s)`);
    const { alertsResolved } = await resolveSilentAlerts({ now });
    const heartbeats = await checkHeartbeats({ now });
    for (const id of [...heartbeats.raised, ...heartbeats.recovered]) enqueueAlert(id);
    if (heartbeats.raised.length > 0) log.warn(`${heartbeats.raised.length} heartbeat(s) missing: alert raised`);
    const incidents = await findIncidentsMissingFollowUp({ olderThanMinutes: env().PIPELINE_STUCK_MINUTES, now });
    for (const incidentId of incidents) dispatchInProcess("incident/updated", { incidentId, reason: "status_changed" });
    return { requeued: stuck.length, autoResolved: alertsResolved, followedUp: incidents.length, heartbeatAlerts: heartbeats.raised.length + heartbeats.recovered.length };
  } catch (error) {
    log.error("pipeline sweep failed", { error: errorMessage(error) });
    return NOTHING_SWEPT;
  } finally {
    if (sweep) sweep.running = false;
  }
}
