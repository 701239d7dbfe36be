import { db, Prisma, type Db } from "@/lib/db";
import { env } from "@/lib/env";
import { TRANSACTION_OPTIONS, changeStatus } from "@/lib/incidents/lifecycle";
import { lockIncidents } from "@/lib/incidents/lock";
import { publishIncidentUpdates, type IncidentUpdate } from "@/lib/incidents/publish";
import { refreshIncident } from "@/lib/incidents/refresh";
import { recordAction } from "@/lib/incidents/timeline";
import type { Severity } from "@/lib/severity";
import { groupingConfigFor } from "@/lib/triage/group-config";
import { dependencyGraph, NO_DEPENDENCIES, type DependencyGraph } from "@/lib/triage/group-dependencies";
import { sharedCauseMarkers } from "@/lib/triage/group-shared-cause";
import {
  decideGrouping,
  incidentKeyFor,
  openCandidateSince,
  type CandidateAlert,
  type CandidateIncident,
  type GroupDecision,
  type GroupingAlert,
  type GroupingConfig,
} from "@/lib/triage/group-score";

/**
 * Places one triaged alert into an incident: the last step of the triage pipeline. One transaction
 * holding advisory locks that every alert able to merge with this one also takes (see
 * lockGroupingScope), so concurrent related alerts see each other's decisions and end in one incident.
 */

export interface GroupResult {
  alertId: string;
  decision: GroupDecision["kind"] | "already_grouped";
  incidentId: string | null;
  score: number;
  reason: string;
}

/** How many recent alerts of each candidate incident are compared, and how many incidents at most. */
const MEMBERS_PER_INCIDENT = 25;
const MAX_CANDIDATE_INCIDENTS = 100;

interface AlertRow {
  id: string;
  source: string;
  message: string;
  fingerprint: string;
  group_key: string | null;
  title: string;
  service_name: string | null;
  environment: string | null;
  region: string | null;
  error_code: string | null;
  team: string | null;
  severity: Severity | null;
  alert_timestamp: Date;
  labels: Record<string, unknown> | null;
  similarity: number | null;
  firing: boolean | null;
}

interface CandidateRow extends AlertRow {
  incident_id: string;
  incident_status: CandidateIncident["status"];
  last_alert_at: Date;
  resolved_at: Date | null;
  incident_environments: string[];
}

const ALERT_COLUMNS = Prisma.sql`a.id, a.source, left(a.message, 2000) AS message, a.fingerprint, a.group_key, a.title, a.service_name, a.environment, a.region,
  a.error_code, a.team, coalesce(a.severity, a.source_severity)::text AS severity, a.alert_timestamp, a.labels`;

function toGroupingAlert(r: AlertRow): GroupingAlert {
  return {
    id: r.id,
    source: r.source,
    fingerprint: r.fingerprint,
    groupKey: r.group_key,
    title: r.title,
    service: r.service_name,
    environment: r.environment,
    region: r.region,
    errorCode: r.error_code,
    team: r.team,
    severity: r.severity,
    at: r.alert_timestamp,
    mentions: serviceKnowledge().mentions(`${r.title}\n${r.message}`),
    sharedCauses: sharedCauseMarkers(`${r.title}\n${r.message}`, r.labels ?? {}),
  };
}

const toCandidate = (r: AlertRow): CandidateAlert => ({
  ...toGroupingAlert(r),
  similarity: r.similarity === null ? null : Number(r.similarity),
  firing: r.firing ?? true,
});

/**
 * The catalog's dependencies, or none when the catalog cannot be read: grouping then runs on the other
 * signals (logged) rather than failing the alert.
 */
let lastCatalogWarning = 0;
function serviceKnowledge(): DependencyGraph {
  try {
    return dependencyGraph();
  } catch (error) {
    if (Date.now() - lastCatalogWarning < 60_000) return NO_DEPENDENCIES;
    lastCatalogWarning = Date.now();
    console.warn(JSON.stringify({ level: "warn", msg: "grouping without service dependencies: catalog unavailable", error: String(error) }));
    return NO_DEPENDENCIES;
  }
}

/**
 * Locks everything this alert could merge with. Alerts of one environment share an exclusive lock
 * (environments never merge); an alert without an environment can join any of them, so it takes the
 * "any environment" lock exclusively while every other alert holds it shared. Always taken in the same
 * order ("any" first), so no deadlock.
 */
async function lockGroupingScope(tx: Db, alert: GroupingAlert): Promise<void> {
  const any = "opsrelay:group:*";
  if (!alert.environment) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${any}))`;
    return;
  }
  await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(hashtext(${any}))`;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`opsrelay:group:${alert.environment.toLowerCase()}`}))`;
}

/** Still firing when the new alert fired at `t` (a resolution after `t` was not known then). */
const firingAt = (t: Date) => Prisma.sql`coalesce(a.status <> 'resolved' OR a.resolved_at > ${t}::timestamptz, false) AS firing`;

const minutes = (n: number) => Prisma.sql`make_interval(mins => ${n}::int)`;

/**
 * Locks the incident a join names. A person may have merged it away after the candidates were read
 * (the merge waits for no grouping lock): then the alert goes where the incident's alerts went.
 */
async function lockLiveIncident(tx: Db, incidentId: string): Promise<{ id: string; status: string }> {
  let id = incidentId;
  for (let hop = 0; hop < 10; hop++) {
    const [row] = await lockIncidents(tx, [id]);
    if (!row?.mergedIntoId) return { id, status: row?.status ?? "open" };
    id = row.mergedIntoId;
  }
  return { id, status: "open" };
}

async function loadCandidates(tx: Db, alert: GroupingAlert, cfg: GroupingConfig) {
  const t = alert.at;
  // Similarity is computed by pgvector against the new alert's own stored vector (same model only).
  const rows = await tx.$queryRaw<CandidateRow[]>`
    WITH me AS (SELECT embedding, embedding_model FROM alerts WHERE id = ${alert.id}::uuid),
    cand AS (
      SELECT id, status::text AS status, last_alert_at, resolved_at, environments FROM incidents
      WHERE (status <> 'resolved' AND last_alert_at >= ${openCandidateSince(t, cfg)}::timestamptz)
         OR (status = 'resolved' AND resolved_at >= ${t}::timestamptz - ${minutes(cfg.reopenWindowMinutes)})
         OR id IN (SELECT incident_id FROM alerts WHERE fingerprint = ${alert.fingerprint} AND incident_id IS NOT NULL
                   ORDER BY alert_timestamp DESC LIMIT 3)
      ORDER BY last_alert_at DESC LIMIT ${MAX_CANDIDATE_INCIDENTS}
    )
    SELECT c.id AS incident_id, c.status AS incident_status, c.last_alert_at, c.resolved_at, c.environments AS incident_environments, m.*
    FROM cand c CROSS JOIN LATERAL (
      SELECT ${ALERT_COLUMNS}, ${firingAt(t)},
        CASE WHEN a.embedding_model = me.embedding_model THEN 1 - (a.embedding <=> me.embedding) END AS similarity
      FROM alerts a, me
      WHERE a.incident_id = c.id AND a.id <> ${alert.id}::uuid
      ORDER BY (a.fingerprint = ${alert.fingerprint} OR a.group_key = ${alert.groupKey}) DESC NULLS LAST, a.alert_timestamp DESC
      LIMIT ${MEMBERS_PER_INCIDENT}
    ) m`;

  const incidents = new Map<string, CandidateIncident>();
  for (const r of rows) {
    let inc = incidents.get(r.incident_id);
    if (!inc) {
      inc = {
        id: r.incident_id,
        status: r.incident_status,
        lastAlertAt: r.last_alert_at,
        resolvedAt: r.resolved_at,
        environments: r.incident_environments,
        alerts: [],
      };
      incidents.set(r.incident_id, inc);
    }
    inc.alerts.push(toCandidate(r));
  }

  let waiting: CandidateAlert[] = [];
  if (cfg.minAlerts > 1) {
    const w = await tx.$queryRaw<AlertRow[]>`
      WITH me AS (SELECT embedding, embedding_model FROM alerts WHERE id = ${alert.id}::uuid)
      SELECT ${ALERT_COLUMNS}, ${firingAt(t)},
        CASE WHEN a.embedding_model = me.embedding_model THEN 1 - (a.embedding <=> me.embedding) END AS similarity
      FROM alerts a, me
      WHERE a.incident_id IS NULL AND a.id <> ${alert.id}::uuid
        AND a.grouping_signals->>'decision' = 'wait'
        AND (a.fingerprint = ${alert.fingerprint} OR a.service_name = ${alert.service})
        AND a.alert_timestamp BETWEEN ${t}::timestamptz - ${minutes(cfg.waitWindowMinutes)}
                                  AND ${t}::timestamptz + ${minutes(cfg.waitWindowMinutes)}
      ORDER BY a.alert_timestamp DESC LIMIT 200`;
    waiting = w.map(toCandidate);
  }
  return { incidents: [...incidents.values()], waiting };
}

function signalsJson(decision: GroupDecision, cfg: GroupingConfig, incidents: CandidateIncident[]): Prisma.InputJsonValue {
  return JSON.parse(
    JSON.stringify({
      decision: decision.kind,
      best: decision.best,
      threshold: cfg.joinThreshold,
      windowMinutes: cfg.windowMinutes,
      ...(decision.kind === "wait" ? { matching: decision.matching, needed: decision.needed } : {}),
      candidates: incidents.length,
    }),
  );
}

/** Groups one alert. Idempotent: an alert already in an incident is left where it is. */
export async function groupAlert(alertId: string): Promise<GroupResult> {
  const updates: IncidentUpdate[] = [];
  const result = await db().$transaction(async (tx) => {
    const first = await tx.$queryRaw<AlertRow[]>`
      SELECT ${ALERT_COLUMNS}, NULL::float8 AS similarity, NULL::boolean AS firing FROM alerts a WHERE a.id = ${alertId}::uuid`;
    if (!first[0]) throw new Error(`alert ${alertId} not found`);
    const alert = toGroupingAlert(first[0]);

    await lockGroupingScope(tx, alert);
    // Re-check inside the lock: a concurrent decision may have placed this alert already.
    const current = await tx.$queryRaw<{ incident_id: string | null; grouping_reason: string | null; grouping_score: number | null }[]>`
      SELECT incident_id, grouping_reason, grouping_score FROM alerts WHERE id = ${alertId}::uuid FOR UPDATE`;
    if (current[0]?.incident_id) {
      return {
        alertId,
        decision: "already_grouped" as const,
        incidentId: current[0].incident_id,
        score: current[0].grouping_score ?? 0,
        reason: current[0].grouping_reason ?? "already grouped",
      };
    }

    const cfg = groupingConfigFor(alert);
    const { incidents, waiting } = await loadCandidates(tx, alert, cfg);
    const decision = decideGrouping(alert, incidents, waiting, serviceKnowledge(), cfg);
    const signals = signalsJson(decision, cfg, incidents);

    if (decision.kind === "wait") {
      await tx.alert.update({
        where: { id: alertId },
        data: { groupingReason: decision.reason, groupingScore: decision.score, groupingSignals: signals },
      });
      return { alertId, decision: decision.kind, incidentId: null, score: decision.score, reason: decision.reason };
    }

    let incidentId: string;
    let reason = decision.reason;
    if (decision.kind === "open") {
      const incident = await tx.incident.create({
        data: {
          title: alert.title,
          groupKey: incidentKeyFor(alert),
          severity: alert.severity ?? "info",
          firstAlertAt: alert.at,
          lastAlertAt: alert.at,
        },
      });
      incidentId = incident.id;
      await recordAction(tx, incidentId, "incident_opened", {
        actor: "triage",
        message: `Incident opened by alert "${alert.title}"`,
        data: { alertId, reason: decision.reason },
      });
      updates.push({ incidentId, reason: "opened" });
      for (const absorbedId of decision.absorbAlertIds) {
        await tx.alert.update({
          where: { id: absorbedId },
          data: {
            incidentId,
            groupingReason: `joined when ${decision.absorbAlertIds.length + 1} matching alerts reached the noise threshold (with alert ${alertId})`,
            groupingSignals: { decision: "absorbed", openedBy: alertId },
          },
        });
        await recordAction(tx, incidentId, "alert_added", {
          actor: "triage",
          message: "Waiting alert joined when the noise threshold was reached",
          data: { alertId: absorbedId },
        });
      }
    } else {
      const live = await lockLiveIncident(tx, decision.incidentId);
      incidentId = live.id;
      // Merged while this alert was being scored: it follows its incident into the merge target.
      const followed = live.id !== decision.incidentId;
      if (followed) reason += "; its incident had just been merged into another";
      if (live.status === "resolved" && (decision.kind === "reopen" || followed)) {
        await changeStatus(tx, incidentId, "resolved", "open", {
          actor: "triage",
          message: `Reopened: ${reason}`,
        });
        updates.push({ incidentId, reason: "reopened" });
      }
    }

    await tx.alert.update({
      where: { id: alertId },
      data: { incidentId, groupingReason: reason, groupingScore: decision.score, groupingSignals: signals },
    });
    await recordAction(tx, incidentId, "alert_added", {
      actor: "triage",
      message: `Alert "${alert.title}" added: ${reason}`,
      data: { alertId, score: decision.score },
    });
    const refreshed = await refreshIncident(tx, incidentId, "triage");
    if (decision.kind === "join") updates.push({ incidentId, reason: refreshed.escalated ? "escalated" : "alert_added" });
    else if (refreshed.escalated && decision.kind === "reopen") updates.push({ incidentId, reason: "escalated" });
    return { alertId, decision: decision.kind, incidentId, score: decision.score, reason };
  }, TRANSACTION_OPTIONS);

  await publishIncidentUpdates(updates);
  return result;
}

/** Settings summary for logs and the eval record. */
export function describeGroupingSettings(): string {
  const e = env();
  return `window ${e.GROUPING_WINDOW_MINUTES} min, threshold ${e.GROUPING_JOIN_THRESHOLD}, cascade ${e.GROUPING_CASCADE_MINUTES} min, min alerts ${e.GROUPING_MIN_ALERTS}`;
}
