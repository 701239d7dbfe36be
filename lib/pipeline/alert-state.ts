import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { log } from "@/lib/pipeline/log";

/**
 * The alert row is the pipeline's durable state: pending → processing → processed | degraded | failed.
 * A crash leaves 'pending' or a stale 'processing' row, which the recovery sweep queues again.
 */

export type TriagePlan =
  | { action: "triage" }
  /** Already triaged and grouped; it resolved or fired again since: only its incident needs updating. */
  | { action: "resolve" }
  | { action: "skip"; reason: string };

/**
 * Claims the alert atomically, so two runners (a retry and a recovery sweep, two app instances) never
 * triage it at once. A 'processing' claim older than PIPELINE_STUCK_MINUTES is considered abandoned.
 */
export async function beginTriage(alertId: string): Promise<TriagePlan> {
  const stuck = env().PIPELINE_STUCK_MINUTES;
  const claimed = await db().$executeRaw`
    UPDATE alerts SET processing_state = 'processing', processing_started_at = now(),
           processing_attempts = processing_attempts + 1
    WHERE id = ${alertId}::uuid
      AND (processing_state = 'pending'
           OR (processing_state = 'processing'
               AND (processing_started_at IS NULL OR processing_started_at < now() - make_interval(mins => ${stuck}::int))))`;
  if (claimed === 1) return { action: "triage" };

  const alert = await db().alert.findUnique({
    where: { id: alertId },
    select: { processingState: true, status: true, incidentId: true },
  });
  if (!alert) return { action: "skip", reason: "alert not found" };
  const triaged = alert.processingState === "processed" || alert.processingState === "degraded";
  // A triaged alert whose status changed since (resolved, or firing again): only its incident follows.
  if (triaged && alert.incidentId) return { action: "resolve" };
  return { action: "skip", reason: triaged ? "triaged, not in an incident" : `alert is ${alert.processingState}` };
}

/** Marks the triaged alert processed, or degraded with what fell back. */
export async function finishTriage(
  alertId: string,
  degradations: string[],
  plan: "triage" | "resolve",
): Promise<"processed" | "degraded"> {
  if (plan === "resolve") {
    const row = await db().alert.findUniqueOrThrow({ where: { id: alertId }, select: { processingState: true } });
    return row.processingState === "degraded" ? "degraded" : "processed";
  }
  const state = degradations.length > 0 ? "degraded" : "processed";
  await db().alert.update({
    where: { id: alertId },
    data: {
      processingState: state,
      processingError: degradations.length > 0 ? degradations.join("; ") : null,
      processedAt: new Date(),
    },
  });
  if (state === "degraded") log.warn(`alert ${alertId} triaged with fallbacks`, { degradations });
  return state;
}

/** Gives up visibly: the dashboard lists failed alerts with the error. */
export async function failTriage(alertId: string, error: string): Promise<void> {
  log.error(`alert ${alertId} triage failed`, { error });
  await db().alert.updateMany({
    where: { id: alertId, processingState: { in: ["pending", "processing"] } },
    data: { processingState: "failed", processingError: `triage failed: ${error}`, processedAt: new Date() },
  });
}

/** Alerts the recovery sweep should queue again: pending, or processing for longer than the timeout. */
export async function findStuckAlerts(opts: { olderThanMinutes: number; limit?: number; now?: Date }): Promise<string[]> {
  const cutoff = new Date((opts.now ?? new Date()).getTime() - opts.olderThanMinutes * 60_000);
  const rows = await db().alert.findMany({
    where: {
      OR: [
        { processingState: "pending", createdAt: { lte: cutoff } },
        { processingState: "processing", OR: [{ processingStartedAt: null }, { processingStartedAt: { lte: cutoff } }] },
      ],
    },
    orderBy: { createdAt: "asc" },
    take: opts.limit ?? 1000,
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/**
 * At start-up of a single in-process runner nothing can be in flight yet: every 'processing' row was
 * abandoned by a crash, and every 'pending' row is waiting. Returns all of them, oldest first.
 */
export async function reclaimAfterRestart(limit = 10_000): Promise<string[]> {
  await db().alert.updateMany({ where: { processingState: "processing" }, data: { processingState: "pending" } });
  const rows = await db().alert.findMany({
    where: { processingState: "pending" },
    orderBy: { createdAt: "asc" },
    take: limit,
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/**
 * A person asks to triage a failed (or unfinished) alert again, e.g. after fixing a provider. Returns
 * false when the alert is unknown or already triaged. The caller emits alert/received for it.
 */
export async function resetForRetriage(alertId: string): Promise<boolean> {
  const reset = await db().alert.updateMany({
    where: { id: alertId, processingState: { in: ["failed", "pending", "processing"] } },
    data: { processingState: "pending", processingError: null, processingStartedAt: null },
  });
  return reset.count === 1;
}

export { settleResolvedAlert } from "@/lib/pipeline/settle-resolution";
