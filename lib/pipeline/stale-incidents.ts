import { db } from "@/lib/db";
import { env } from "@/lib/env";

/**
 * Incidents whose follow-up was lost (an incident/updated event that failed to send): no summary yet,
 * or never announced (not even a failed attempt) while Slack is configured, some minutes after they opened. The sweep emits
 * incident/updated for them again; the summary and Slack workflows decide from state, so a repeat is
 * harmless.
 */
export async function findIncidentsMissingFollowUp(opts: { olderThanMinutes: number; now?: Date; limit?: number }): Promise<string[]> {
  const cutoff = new Date((opts.now ?? new Date()).getTime() - opts.olderThanMinutes * 60_000);
  const slack = Boolean(env().SLACK_WEBHOOK_URL);
  const rows = await db().incident.findMany({
    where: {
      createdAt: { lte: cutoff },
      OR: [
        { summary: null },
        // Never attempted: a failed attempt was already recorded and retried; do not hammer a broken webhook.
        ...(slack
          ? [{ lastNotifiedState: null, status: { not: "resolved" as const }, openAlertCount: { gt: 0 }, actions: { none: { type: { in: ["notification_sent", "notification_failed"] } } } }]
          : []),
      ],
    },
    orderBy: { createdAt: "asc" },
    take: opts.limit ?? 200,
    select: { id: true },
  });
  return rows.map((r) => r.id);
}
