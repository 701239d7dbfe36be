import { db, Prisma } from "@/lib/db";
import { describeDuration } from "@/lib/duration";
import { env } from "@/lib/env";
import { heartbeatVerdict, type HeartbeatVerdict } from "./cadence";

/**
 * The heartbeat monitor (run by the pipeline sweep): when a heartbeat stops — silent for longer than its
 * cadence allows, or resolved by its platform — OpsRelay raises an alert of its own, which the normal
 * pipeline triages into an incident and announces; when the heartbeat comes back, that alert resolves
 * and its incident with it. Losing the heartbeat means every other alert from that path may be lost too.
 */

/** The source of the alerts OpsRelay raises itself. */
export const OPSRELAY_SOURCE = "opsrelay";
const MISSING_ALERTNAME = "OpsRelayHeartbeatMissing";
/** Heartbeat labels worth carrying into the missing-heartbeat alert (where the broken path is). */
const CARRIED_LABELS = ["prometheus", "cluster", "environment", "env", "namespace", "region", "service", "team"];

export interface HeartbeatStatus extends HeartbeatVerdict {
  alertId: string;
  source: string;
  name: string;
  lastSeenAt: Date;
  /** The platform sent a resolved notification for it: it stopped firing. */
  resolvedByPlatform: boolean;
  /** The alert OpsRelay raised for it while it is missing. */
  missingAlertId: string | null;
}

interface HeartbeatRow {
  id: string;
  source: string;
  title: string;
  fingerprint: string;
  labels: Prisma.JsonValue;
  status: "firing" | "resolved";
  created_at: Date;
  last_seen_at: Date;
  occurrence_count: number;
  missing_id: string | null;
  missing_status: "firing" | "resolved" | null;
}

const missingExternalId = (heartbeatId: string) => `heartbeat-missing:${heartbeatId}`;

async function heartbeatRows(): Promise<HeartbeatRow[]> {
  return db().$queryRaw<HeartbeatRow[]>`
    SELECT h.id, h.source, h.title, h.fingerprint, h.labels, h.status, h.created_at, h.last_seen_at, h.occurrence_count,
           m.id AS missing_id, m.status AS missing_status
    FROM alerts h
    LEFT JOIN alerts m ON m.source = ${OPSRELAY_SOURCE} AND m.external_id = 'heartbeat-missing:' || h.id::text
    WHERE h.is_heartbeat
    ORDER BY h.last_seen_at DESC
    LIMIT 1000`;
}

function toStatus(row: HeartbeatRow, now: Date): HeartbeatStatus {
  const settings = env();
  const verdict = heartbeatVerdict(
    { createdAt: row.created_at, lastSeenAt: row.last_seen_at, occurrenceCount: row.occurrence_count },
    now,
    { missingMinutes: settings.HEARTBEAT_MISSING_MINUTES, defaultIntervalMinutes: settings.HEARTBEAT_DEFAULT_INTERVAL_MINUTES },
  );
  const labels = (row.labels ?? {}) as Record<string, unknown>;
  const resolvedByPlatform = row.status === "resolved";
  return {
    ...verdict,
    missing: verdict.missing || resolvedByPlatform,
    alertId: row.id,
    source: row.source,
    name: typeof labels.alertname === "string" ? labels.alertname : row.title,
    lastSeenAt: row.last_seen_at,
    resolvedByPlatform,
    missingAlertId: row.missing_status === "firing" ? row.missing_id : null,
  };
}

/** Every heartbeat OpsRelay has seen, newest first, with whether it is missing (health, dashboard). */
export async function listHeartbeats(now = new Date()): Promise<HeartbeatStatus[]> {
  return (await heartbeatRows()).map((row) => toStatus(row, now));
}

function missingAlert(row: HeartbeatRow, status: HeartbeatStatus, now: Date) {
  const labels = (row.labels ?? {}) as Record<string, unknown>;
  const carried = Object.fromEntries(CARRIED_LABELS.filter((k) => typeof labels[k] === "string").map((k) => [k, labels[k] as string]));
  const why = status.resolvedByPlatform
    ? `${row.source} reported it resolved: the always-firing alert stopped firing`
    : `nothing received for ${describeDuration(status.silentMs)}; it repeats about every ${describeDuration(status.expectedIntervalMs)}${status.intervalObserved ? "" : " (assumed until it repeats)"}`;
  return {
    title: `Heartbeat "${status.name}" from ${row.source} is missing`,
    message:
      `Last received ${row.last_seen_at.toISOString()}; ${why}. Alerts on this path may not be reaching OpsRelay: ` +
      `check the monitoring system, ${row.source}'s route to OpsRelay and the network between them.`,
    labels: { alertname: MISSING_ALERTNAME, heartbeat: status.name, heartbeat_source: row.source, ...carried },
    payload: { heartbeatAlertId: row.id, heartbeat: status.name, source: row.source, lastSeenAt: row.last_seen_at, checkedAt: now, why },
  };
}

/**
 * One check. Returns the ids of the alerts it raised or resolved: the caller announces them
 * (alert/received) so the pipeline triages them like any other alert.
 */
export async function checkHeartbeats(opts: { now?: Date } = {}): Promise<{ raised: string[]; recovered: string[] }> {
  const now = opts.now ?? new Date();
  const raised: string[] = [];
  const recovered: string[] = [];
  for (const row of await heartbeatRows()) {
    const status = toStatus(row, now);
    if (status.missing && row.missing_status !== "firing") {
      const alert = missingAlert(row, status, now);
      // Insert, or fire again the alert of an earlier outage of this heartbeat; a firing one is left alone.
      const rows = await db().$queryRaw<{ id: string }[]>`
        INSERT INTO alerts (id, source, external_id, fingerprint, status, title, message, labels, raw_payload,
                            alert_timestamp, created_at, last_seen_at, source_severity)
        VALUES (gen_random_uuid(), ${OPSRELAY_SOURCE}, ${missingExternalId(row.id)}, ${`heartbeat-missing:${row.fingerprint}`}, 'firing',
                ${alert.title}, ${alert.message}, ${JSON.stringify(alert.labels)}::jsonb, ${JSON.stringify(alert.payload)}::jsonb,
                ${now}::timestamptz, ${now}::timestamptz, ${now}::timestamptz, 'critical')
        ON CONFLICT (source, external_id) DO UPDATE
          SET status = 'firing', resolved_at = NULL, last_seen_at = EXCLUDED.last_seen_at,
              occurrence_count = alerts.occurrence_count + 1, message = EXCLUDED.message, raw_payload = EXCLUDED.raw_payload
          WHERE alerts.status = 'resolved'
        RETURNING id`;
      raised.push(...rows.map((r) => r.id));
    } else if (!status.missing && row.missing_status === "firing" && row.missing_id) {
      const resolved = await db().alert.updateMany({
        where: { id: row.missing_id, status: "firing" },
        data: { status: "resolved", resolvedAt: now, lastSeenAt: now },
      });
      if (resolved.count === 1) recovered.push(row.missing_id);
    }
  }
  return { raised, recovered };
}
