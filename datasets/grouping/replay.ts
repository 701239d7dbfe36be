import type { DependencyGraph } from "@/lib/triage/group-dependencies";
import { sharedCauseMarkers } from "@/lib/triage/group-shared-cause";
import {
  decideGrouping,
  openCandidateSince,
  type CandidateAlert,
  type CandidateIncident,
  type GroupingAlert,
  type GroupingConfig,
} from "@/lib/triage/group-score";
import type { Scenario, ScenarioAlert } from "./scenario-kit";

/**
 * Replays a scenario through OpsRelay's grouping decision (decideGrouping, the function groupAlert runs
 * inside its transaction), with an in-memory store that selects candidates the way group.ts's SQL does:
 * open incidents active within the window (or the longer horizon of a problem still going on), incidents resolved within the reopen window, and incidents
 * holding the same fingerprint; up to 25 members each, same fingerprint/group key first, then newest.
 * Platform "resolved" notifications are replayed too, so incidents auto-resolve and can reopen.
 */

const MINUTE = 60_000;
const MEMBERS_PER_INCIDENT = 25;

interface MemIncident {
  id: string;
  status: "open" | "resolved";
  resolvedAt: Date | null;
  members: { alert: GroupingAlert; vector: number[] | null; resolvedAt: Date | null }[];
}

export function toGroupingAlert(a: ScenarioAlert, deps: DependencyGraph): GroupingAlert {
  return {
    id: a.id,
    source: a.source,
    fingerprint: a.fingerprint,
    groupKey: a.groupKey,
    title: a.title,
    service: a.entities.service,
    environment: a.entities.environment,
    region: a.entities.region,
    errorCode: a.entities.errorCode,
    team: null,
    severity: a.severity,
    at: new Date(a.timestamp),
    mentions: deps.mentions(`${a.title}\n${a.message}`),
    sharedCauses: sharedCauseMarkers(`${a.title}\n${a.message}`, a.labels),
  };
}

export function cosine(a: number[], b: number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/** Still firing at `now`: not resolved yet (the platform's resolve notification comes later, or never). */
const firingAt = (resolvedAt: Date | null, now: Date) => resolvedAt === null || resolvedAt > now;

export interface ReplayOptions {
  deps: DependencyGraph;
  configFor: (alert: GroupingAlert) => GroupingConfig;
  autoResolve: boolean;
  /** Embedding per alert id (null: embedding degraded, similarity unknown). */
  vectors: Map<string, number[] | null>;
}

export interface ReplayResult {
  /** Predicted incident per alert id (waiting alerts get their own "waiting:<id>" label). */
  assignment: Map<string, string>;
  decisions: Map<string, { kind: string; reason: string; score: number }>;
}

export function replayOpsRelay(scenario: Scenario, opts: ReplayOptions): ReplayResult {
  const incidents: MemIncident[] = [];
  const waiting: { alert: GroupingAlert; vector: number[] | null }[] = [];
  const assignment = new Map<string, string>();
  const decisions = new Map<string, { kind: string; reason: string; score: number }>();
  const resolvedAt = new Map(scenario.alerts.map((a) => [a.id, a.resolvedAt ? new Date(a.resolvedAt) : null]));

  const settleResolutions = (now: Date) => {
    if (!opts.autoResolve) return;
    for (const inc of incidents) {
      if (inc.status === "resolved") continue;
      const ends = inc.members.map((m) => m.resolvedAt);
      if (ends.every((e) => e !== null && e <= now)) {
        inc.status = "resolved";
        inc.resolvedAt = new Date(Math.max(...ends.map((e) => e!.getTime())));
      }
    }
  };

  for (const raw of scenario.alerts) {
    const alert = toGroupingAlert(raw, opts.deps);
    const vector = opts.vectors.get(alert.id) ?? null;
    settleResolutions(alert.at);
    const cfg = opts.configFor(alert);
    const sim = (v: number[] | null) => (vector && v ? cosine(vector, v) : null);
    const lastAt = (inc: MemIncident) => Math.max(...inc.members.map((m) => m.alert.at.getTime()));

    const fingerprintIncidents = new Set(
      incidents
        .filter((i) => i.members.some((m) => m.alert.fingerprint === alert.fingerprint))
        .sort((a, b) => lastAt(b) - lastAt(a))
        .slice(0, 3)
        .map((i) => i.id),
    );
    const candidates: CandidateIncident[] = incidents
      .filter(
        (inc) =>
          (inc.status !== "resolved" && lastAt(inc) >= openCandidateSince(alert.at, cfg).getTime()) ||
          (inc.status === "resolved" && inc.resolvedAt!.getTime() >= alert.at.getTime() - cfg.reopenWindowMinutes * MINUTE) ||
          fingerprintIncidents.has(inc.id),
      )
      .map((inc) => {
        const members = [...inc.members]
          .sort((a, b) => {
            const pa = a.alert.fingerprint === alert.fingerprint || (!!alert.groupKey && a.alert.groupKey === alert.groupKey) ? 1 : 0;
            const pb = b.alert.fingerprint === alert.fingerprint || (!!alert.groupKey && b.alert.groupKey === alert.groupKey) ? 1 : 0;
            return pb - pa || b.alert.at.getTime() - a.alert.at.getTime();
          })
          .slice(0, MEMBERS_PER_INCIDENT);
        return {
          id: inc.id,
          status: inc.status,
          lastAlertAt: new Date(lastAt(inc)),
          resolvedAt: inc.resolvedAt,
          environments: [...new Set(inc.members.flatMap((m) => (m.alert.environment ? [m.alert.environment] : [])))],
          alerts: members.map((m): CandidateAlert => ({ ...m.alert, similarity: sim(m.vector), firing: firingAt(m.resolvedAt, alert.at) })),
        };
      });
    const waitingCandidates: CandidateAlert[] = waiting
      .filter((w) => w.alert.fingerprint === alert.fingerprint || (alert.service !== null && w.alert.service === alert.service))
      .map((w) => ({ ...w.alert, similarity: sim(w.vector), firing: firingAt(resolvedAt.get(w.alert.id) ?? null, alert.at) }));

    const decision = decideGrouping(alert, candidates, waitingCandidates, opts.deps, cfg);
    decisions.set(alert.id, { kind: decision.kind, reason: decision.reason, score: decision.score });
    const member = { alert, vector, resolvedAt: resolvedAt.get(alert.id) ?? null };

    if (decision.kind === "wait") {
      waiting.push({ alert, vector });
      assignment.set(alert.id, `waiting:${alert.id}`);
      continue;
    }
    if (decision.kind === "open") {
      const inc: MemIncident = { id: `inc-${incidents.length + 1}`, status: "open", resolvedAt: null, members: [member] };
      for (const id of decision.absorbAlertIds) {
        const idx = waiting.findIndex((w) => w.alert.id === id);
        if (idx >= 0) {
          const [w] = waiting.splice(idx, 1);
          inc.members.push({ ...w, resolvedAt: resolvedAt.get(id) ?? null });
          assignment.set(id, inc.id);
        }
      }
      incidents.push(inc);
      assignment.set(alert.id, inc.id);
      continue;
    }
    const inc = incidents.find((i) => i.id === decision.incidentId)!;
    if (decision.kind === "reopen") {
      inc.status = "open";
      inc.resolvedAt = null;
    }
    inc.members.push(member);
    assignment.set(alert.id, inc.id);
  }
  return { assignment, decisions };
}
