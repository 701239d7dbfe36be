import { db } from "@/lib/db";
import { listHeartbeats, type HeartbeatStatus } from "@/lib/heartbeats/monitor";
import { pipelineStatus, type PipelineStatus } from "@/lib/pipeline/status";

export interface VolumeBucket {
  /** Start of the hour (UTC). */
  hour: Date;
  firing: number;
  resolved: number;
}

export interface Overview {
  alertsTotal: number;
  alertsByState: PipelineStatus["alerts"];
  openIncidentsBySeverity: Record<string, number>;
  volume: VolumeBucket[];
  /** Always-firing alerts that prove each alerting path works, and whether they still arrive. */
  heartbeats: HeartbeatStatus[];
}

/** Alert volume per hour over the last `hours` hours (by received time), zero-filled. */
export async function alertVolume(hours = 24, now = new Date()): Promise<VolumeBucket[]> {
  const end = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
  const start = new Date(end.getTime() - (hours - 1) * 3_600_000);
  const rows = await db().$queryRaw<{ hour: Date; firing: bigint; resolved: bigint }[]>`
    SELECT date_trunc('hour', created_at) AS hour,
           count(*) FILTER (WHERE status = 'firing') AS firing,
           count(*) FILTER (WHERE status = 'resolved') AS resolved
    FROM alerts
    WHERE created_at >= ${start}
    GROUP BY 1`;
  const byHour = new Map(rows.map((r) => [new Date(r.hour).getTime(), r]));
  return Array.from({ length: hours }, (_, i) => {
    const hour = new Date(start.getTime() + i * 3_600_000);
    const row = byHour.get(hour.getTime());
    return { hour, firing: Number(row?.firing ?? 0), resolved: Number(row?.resolved ?? 0) };
  });
}

export async function overview(): Promise<Overview> {
  const [triage, severities, volume, heartbeats] = await Promise.all([
    pipelineStatus(),
    db().incident.groupBy({ by: ["severity"], where: { status: { not: "resolved" } }, _count: { _all: true } }),
    alertVolume(),
    listHeartbeats(),
  ]);
  return {
    alertsTotal: Object.values(triage.alerts).reduce((a, b) => a + b, 0),
    alertsByState: triage.alerts,
    openIncidentsBySeverity: Object.fromEntries(severities.map((s) => [s.severity, s._count._all])),
    volume,
    heartbeats,
  };
}
