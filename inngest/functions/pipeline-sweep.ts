import { inngest } from "@/inngest/client";
import { env } from "@/lib/env";
import { findStuckAlerts } from "@/lib/pipeline/alert-state";
import { findIncidentsMissingFollowUp } from "@/lib/pipeline/stale-incidents";
import { resolveSilentAlerts } from "@/lib/incidents/auto-resolve";
import { checkHeartbeats } from "@/lib/heartbeats/monitor";

const BATCH = 50;

/**
 * Every 5 minutes: re-queue alerts stuck in pending/processing (a lost event, a crashed worker), resolve
 * alerts that went silent without a resolve notification, raise or resolve missing-heartbeat alerts, and
 * re-announce incidents whose summary or Slack message was lost.
 */
export const pipelineSweep = inngest.createFunction(
  { id: "pipeline-sweep", name: "Pipeline sweep (stuck alerts, silent alerts)", triggers: [{ cron: "*/5 * * * *" }], retries: 2 },
  async ({ step }) => {
    const stuck = await step.run("find-stuck-alerts", () =>
      findStuckAlerts({ olderThanMinutes: env().PIPELINE_STUCK_MINUTES, limit: 1000 }),
    );
    for (let i = 0; i < stuck.length; i += BATCH) {
      await step.sendEvent(`requeue-${i / BATCH}`, { name: "alert/received", data: { alertIds: stuck.slice(i, i + BATCH) } });
    }
    // The incident lifecycle's sweep: resolves silent alerts and settles (maybe resolves) their incidents.
    const resolved = await step.run("auto-resolve-silent-alerts", () => resolveSilentAlerts());
    // A heartbeat that stopped raises an alert of OpsRelay's own; one that came back resolves it.
    const heartbeats = await step.run("check-heartbeats", () => checkHeartbeats());
    const heartbeatAlerts = [...heartbeats.raised, ...heartbeats.recovered];
    if (heartbeatAlerts.length > 0) {
      await step.sendEvent("heartbeat-alerts", { name: "alert/received", data: { alertIds: heartbeatAlerts } });
    }
    const lost = await step.run("find-incidents-missing-follow-up", () =>
      findIncidentsMissingFollowUp({ olderThanMinutes: env().PIPELINE_STUCK_MINUTES }),
    );
    if (lost.length > 0) {
      await step.sendEvent(
        "follow-up",
        lost.map((incidentId) => ({ name: "incident/updated", data: { incidentId, reason: "status_changed" } })),
      );
    }
    return {
      requeued: stuck.length,
      autoResolved: resolved.alertsResolved,
      incidentsResolved: resolved.incidentsResolved,
      followedUp: lost.length,
      heartbeatAlerts: heartbeatAlerts.length,
    };
  },
);
