import { db } from "@/lib/db";
import { pipelineMode, type PipelineMode } from "@/lib/events/mode";
import { inProcessQueue } from "@/lib/pipeline/in-process";

export interface PipelineStatus {
  mode: PipelineMode;
  /** Alerts by processing state (triage backlog and outcomes). */
  alerts: { pending: number; processing: number; processed: number; degraded: number; failed: number; unmapped: number };
  /** Age of the oldest alert still waiting for triage, in seconds (null when none waits). */
  oldestPendingSeconds: number | null;
  /** The in-process runner's queue (null with Inngest, which shows its own). */
  queue: { queued: number; active: number } | null;
}

/** For a health endpoint or the settings page: is triage keeping up, and how often does it fall back? */
export async function pipelineStatus(now = new Date()): Promise<PipelineStatus> {
  const mode = pipelineMode();
  const [counts, oldest] = await Promise.all([
    db().alert.groupBy({ by: ["processingState"], _count: true }),
    db().alert.findFirst({ where: { processingState: "pending" }, orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
  ]);
  const by = Object.fromEntries(counts.map((c) => [c.processingState, c._count])) as Record<string, number>;
  return {
    mode,
    alerts: {
      pending: by.pending ?? 0,
      processing: by.processing ?? 0,
      processed: by.processed ?? 0,
      degraded: by.degraded ?? 0,
      failed: by.failed ?? 0,
      unmapped: by.unmapped ?? 0,
    },
    oldestPendingSeconds: oldest ? Math.max(0, Math.round((now.getTime() - oldest.createdAt.getTime()) / 1000)) : null,
    queue: mode === "in-process" ? inProcessQueue() : null,
  };
}
