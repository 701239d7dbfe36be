import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { decideNotification, notifiedState, parseNotifiedState, type NotificationKind } from "@/lib/notify/decide";
import { buildIncidentMessage, postToSlack, SlackDeliveryError, type MessageExtras } from "@/lib/notify/slack";
import { log } from "@/lib/pipeline/log";
import { errorMessage, type StepContext } from "@/lib/pipeline/retry";

/** JSON-safe (Inngest memoizes step results as JSON). */
export type NotifyPlan =
  | { action: "none"; why: string }
  | { action: "send"; kind: NotificationKind; previousState: string | null }
  | { action: "delay"; kind: NotificationKind; until: string };

export async function planIncidentNotification(incidentId: string, ctx: StepContext, now = new Date()): Promise<NotifyPlan> {
  const e = env();
  if (!e.SLACK_WEBHOOK_URL) return { action: "none", why: "SLACK_WEBHOOK_URL is not set" };
  const incident = await db().incident.findUnique({ where: { id: incidentId } });
  if (!incident) {
    // The event may outrun the commit's visibility; look again before giving up.
    if (!ctx.finalAttempt) throw new Error(`incident ${incidentId} not found (yet)`);
    return { action: "none", why: "incident not found" };
  }
  const decision = decideNotification(incident, now, e.SLACK_QUIET_PERIOD_MINUTES * 60_000);
  if (decision.action === "delay") return { action: "delay", kind: decision.kind, until: decision.until.toISOString() };
  if (decision.action === "send") return { action: "send", kind: decision.kind, previousState: incident.lastNotifiedState };
  return decision;
}

export type SendResult = { sent: true; kind: NotificationKind } | { sent: false; why: string };

/**
 * Claims the notification (compare-and-set on last_notified_state, so two runs never both announce the
 * same change), posts it, and records the outcome on the timeline. A failed post releases the claim;
 * it is retried, and after the last attempt (or a permanent 4xx) recorded as notification_failed.
 */
export async function sendIncidentNotification(
  incidentId: string,
  kind: NotificationKind,
  previousState: string | null,
  ctx: StepContext,
): Promise<SendResult> {
  const e = env();
  if (!e.SLACK_WEBHOOK_URL) return { sent: false, why: "SLACK_WEBHOOK_URL is not set" };
  const incident = await db().incident.findUnique({ where: { id: incidentId } });
  if (!incident) return { sent: false, why: "incident not found" };

  const state = notifiedState(incident.status, incident.severity);
  const previousAt = incident.lastNotifiedAt;
  const claimed = await db().incident.updateMany({
    where: { id: incidentId, lastNotifiedState: previousState },
    data: { lastNotifiedState: state, lastNotifiedAt: new Date() },
  });
  if (claimed.count === 0) return { sent: false, why: "already announced by another run" };

  try {
    const extras = await messageExtras(incidentId, previousState);
    await postToSlack(e.SLACK_WEBHOOK_URL, buildIncidentMessage(incident, kind, e.APP_URL, extras), e.SLACK_TIMEOUT_MS);
  } catch (error) {
    await db().incident.updateMany({
      where: { id: incidentId, lastNotifiedState: state },
      data: { lastNotifiedState: previousState, lastNotifiedAt: previousAt },
    });
    const permanent = error instanceof SlackDeliveryError && error.permanent;
    if (!ctx.finalAttempt && !permanent) throw error;
    log.warn(`incident ${incidentId}: Slack notification failed`, { kind, error: errorMessage(error) });
    await db().incidentAction.create({
      data: {
        incidentId,
        type: "notification_failed",
        actor: "slack",
        message: `Slack "${kind}" notification failed after ${ctx.attempt + 1} attempt(s): ${errorMessage(error)}`,
        data: { kind, attempts: ctx.attempt + 1, status: error instanceof SlackDeliveryError ? error.status : null },
      },
    });
    return { sent: false, why: errorMessage(error) };
  }

  await db().incidentAction.create({
    data: {
      incidentId,
      type: "notification_sent",
      actor: "slack",
      message: `Slack notified: incident ${kind} (${incident.severity})`,
      data: { kind, severity: incident.severity, status: incident.status },
    },
  });
  return { sent: true, kind };
}

/** Owner teams and a runbook link from the incident's alerts; the severity announced last time. */
async function messageExtras(incidentId: string, previousState: string | null): Promise<MessageExtras> {
  const alerts = await db().alert.findMany({
    where: { incidentId },
    orderBy: { alertTimestamp: "desc" },
    take: 50,
    select: { team: true, runbookUrl: true },
  });
  const teams = [...new Set(alerts.map((a) => a.team).filter((t): t is string => !!t && t !== "unassigned"))].sort();
  return {
    previousSeverity: parseNotifiedState(previousState)?.severity,
    teams,
    runbookUrl: alerts.find((a) => a.runbookUrl)?.runbookUrl ?? undefined,
  };
}
