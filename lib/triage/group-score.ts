import type { Severity } from "@/lib/severity";
import type { DependencyGraph } from "@/lib/triage/group-dependencies";
import { describeMarker, sharedMarker } from "@/lib/triage/group-shared-cause";

/**
 * The grouping decision, pure: signals between a new alert and the alerts of candidate incidents →
 * a score per incident → join / reopen / open / wait, with a human-readable reason. The database
 * wrapper (group.ts) and the quality eval (datasets/grouping/eval.ts) both call `decideGrouping`.
 */

/** An alert as grouping sees it (after classification, entity extraction and embedding). */
export interface GroupingAlert {
  id: string;
  source: string;
  fingerprint: string;
  groupKey: string | null;
  title: string;
  service: string | null;
  environment: string | null;
  region: string | null;
  errorCode: string | null;
  team: string | null;
  severity: Severity | null;
  at: Date;
  /** Catalog services its title/message names (DependencyGraph.mentions). */
  mentions: { service: string; viaAlias: boolean }[];
  /** Shared-infrastructure markers in its title/message (sharedCauseMarkers): "dns", "zone:euc1-az2"... */
  sharedCauses: string[];
}

/** An alert already placed in an incident (or waiting for the noise threshold), seen from the new alert. */
export interface CandidateAlert extends GroupingAlert {
  /** Cosine similarity of title+message embeddings to the new alert; null when either has no vector. */
  similarity: number | null;
  /** Not resolved by the time the new alert fired: its problem is still going on. */
  firing: boolean;
}

export interface CandidateIncident {
  id: string;
  status: "open" | "investigating" | "resolved";
  lastAlertAt: Date;
  resolvedAt: Date | null;
  /** Environments of all its alerts (the incident's own aggregate, not only the members below). */
  environments: string[];
  /** Its most recent alerts (the DB wrapper caps how many). */
  alerts: CandidateAlert[];
}

export interface GroupingConfig {
  windowMinutes: number;
  joinThreshold: number;
  cascadeMinutes: number;
  reopenWindowMinutes: number;
  /** Alerts needed before an incident opens, for this alert's service/source. */
  minAlerts: number;
  waitWindowMinutes: number;
}

export const DEFAULT_GROUPING_CONFIG: GroupingConfig = {
  windowMinutes: 30,
  joinThreshold: 0.55,
  cascadeMinutes: 10,
  reopenWindowMinutes: 60,
  minAlerts: 1,
  waitWindowMinutes: 15,
};

/** Everything that went into one pair score, stored on the alert as grouping_signals. */
export interface PairSignals {
  alertId: string;
  fingerprint: boolean;
  groupKey: boolean;
  sameService: boolean;
  /** "upstream": the candidate's service is something the new alert's service depends on. */
  dependency: { direction: "upstream" | "downstream"; hops: number } | null;
  /** A cascade along that dependency still in progress (see ongoingCascade), however long ago it started. */
  ongoing: boolean;
  /** One alert's text names the other's service ("upstream payments-api unavailable"). */
  mentions: boolean;
  /** A shared-infrastructure marker both alerts carry ("dns", "zone:euc1-az2"), when it counts (see scorePair). */
  sharedCause: string | null;
  environment: "same" | "unknown" | "different";
  region: "same" | "unknown" | "different";
  sameErrorCode: boolean;
  /** Both carry an error code and they differ. */
  conflictingErrorCodes: boolean;
  similarity: number | null;
  minutesApart: number;
  score: number;
  /** The score before capping at 1: tells apart two incidents that both reach 1. */
  strength?: number;
  /** Why the pair was ruled out, when it was. */
  blocked?: string;
}

export type GroupDecision =
  | { kind: "join"; incidentId: string; score: number; reason: string; best: PairSignals }
  | { kind: "reopen"; incidentId: string; score: number; reason: string; best: PairSignals }
  | { kind: "open"; score: number; reason: string; best: PairSignals | null; absorbAlertIds: string[] }
  | { kind: "wait"; score: number; reason: string; best: PairSignals | null; matching: number; needed: number };

const MINUTE = 60_000;

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

function compare(a: string | null, b: string | null): "same" | "unknown" | "different" {
  if (!a || !b) return "unknown";
  return a.toLowerCase() === b.toLowerCase() ? "same" : "different";
}

/**
 * Similarity of title+message embeddings. Alerts of one incident from different services share few words
 * (the embedded text names each alert's own service), so the credit starts low and grows to
 * SIMILARITY_WEIGHT for near-identical text.
 */
const SIMILARITY_FLOOR = 0.2;
const SIMILARITY_FULL = 0.8;
const SIMILARITY_WEIGHT = 0.5;

export function similarityCredit(sim: number | null): number {
  if (sim === null) return 0;
  return Math.max(0, Math.min(1, (sim - SIMILARITY_FLOOR) / (SIMILARITY_FULL - SIMILARITY_FLOOR))) * SIMILARITY_WEIGHT;
}

/** Does either alert name the other's service? Alias mentions ("redis", "cache") count only along a catalog edge. */
function mentionsEachOther(a: GroupingAlert, b: GroupingAlert, related: boolean): boolean {
  const names = (x: GroupingAlert, service: string | null) =>
    !!service && x.mentions.some((m) => m.service === service && (related || !m.viaAlias));
  return names(a, b.service) || names(b, a.service);
}

/**
 * The same service is weak evidence on its own: one service often has two unrelated problems at once (a
 * release bug and a database pool), so it joins only with corroboration (similar text, the same error code).
 */
const SAME_SERVICE_WEIGHT = 0.3;

/** A failure that can spread: not an informational event (deploy marker) or a low-severity warning. */
const isFailure = (a: GroupingAlert) => a.severity !== "info" && a.severity !== "low";

/**
 * Is a cascade along this edge still in progress? Both alerts are failures and the earlier one still fires,
 * and either it is on a dependency of the new alert's service (the cause keeps failing), or it is on a
 * dependent whose incident has no failing dependency of its own yet (the new alert is its late root cause:
 * database alarms often evaluate several 5-minute periods and arrive after the applications complain).
 */
function ongoingCascade(
  alert: GroupingAlert,
  other: CandidateAlert,
  dependency: PairSignals["dependency"],
  causeKnown: boolean,
): boolean {
  if (!dependency || !other.firing || !isFailure(other) || !isFailure(alert)) return false;
  return dependency.direction === "upstream" || !causeKnown;
}

/**
 * Can a dependency edge link these two? Two warnings on linked services are routine chatter, not a cascade:
 * at least one must be failing. And an alert that the monitoring lost data says nothing about the
 * service's dependencies (an agent rollout, not the service, stopped the data).
 */
function canCascade(a: GroupingAlert, b: GroupingAlert): boolean {
  if (!isFailure(a) && !isFailure(b)) return false;
  return !a.sharedCauses.includes("nodata") && !b.sharedCauses.includes("nodata");
}

/**
 * A shared-infrastructure marker (group-shared-cause.ts) both alerts carry counts between problems, not
 * around deploy markers, and like a cascade: within minutes of each other, or later while the earlier
 * alert still fires (the shared piece is still broken).
 */
const SHARED_CAUSE_WEIGHT = 0.45;

function sharedInfrastructure(alert: GroupingAlert, other: CandidateAlert, minutesApart: number, cfg: GroupingConfig): string | null {
  if (alert.severity === "info" || other.severity === "info") return null;
  if (minutesApart > cfg.cascadeMinutes && !other.firing) return null;
  return sharedMarker(alert.sharedCauses, other.sharedCauses);
}

export interface PairContext {
  /** The other alert's incident already holds a failing dependency of the other alert's service. */
  causeKnown?: boolean;
  /** The other alert's incident is resolved (a match can only reopen it). */
  incidentResolved?: boolean;
}

/** Scores one (new alert, existing alert) pair. Pure; weights are explained inline. */
export function scorePair(
  alert: GroupingAlert,
  other: CandidateAlert,
  deps: DependencyGraph,
  cfg: GroupingConfig,
  context: PairContext = {},
): PairSignals {
  const minutesApart = Math.abs(alert.at.getTime() - other.at.getTime()) / MINUTE;
  const environment = compare(alert.environment, other.environment);
  const region = compare(alert.region, other.region);
  const sameService = compare(alert.service, other.service) === "same";
  const dependency = !sameService && alert.service && other.service ? deps.relation(alert.service, other.service) : null;
  const signals: PairSignals = {
    alertId: other.id,
    fingerprint: alert.fingerprint === other.fingerprint,
    groupKey: !!alert.groupKey && alert.groupKey === other.groupKey,
    sameService,
    dependency,
    ongoing: ongoingCascade(alert, other, dependency, context.causeKnown ?? true),
    mentions: !sameService && mentionsEachOther(alert, other, dependency !== null),
    sharedCause: sharedInfrastructure(alert, other, minutesApart, cfg),
    environment,
    region,
    sameErrorCode: !!alert.errorCode && !!other.errorCode && alert.errorCode.toLowerCase() === other.errorCode.toLowerCase(),
    conflictingErrorCodes: !!alert.errorCode && !!other.errorCode && alert.errorCode.toLowerCase() !== other.errorCode.toLowerCase(),
    similarity: other.similarity === null ? null : round(other.similarity, 3),
    minutesApart: round(minutesApart, 1),
    score: 0,
  };

  // Production and staging never share an incident, whatever else matches.
  if (environment === "different") return { ...signals, blocked: "different environment" };

  if (signals.fingerprint) {
    // The same alert again: certain, and ranked above any mix of other signals.
    return { ...signals, score: 1, strength: 2 };
  }
  if (signals.groupKey) {
    // The platform already grouped these: trust it unless the alerts contradict it (same service,
    // different region = two deployments failing, not one). Beyond the window too while the group lives
    // (its earlier alert still fires), and when it re-fires after its incident resolved: the problem
    // flapping back (decideGrouping reopens only within the reopen window).
    const groupAlive = minutesApart <= cfg.windowMinutes || other.firing || !!context.incidentResolved;
    if (groupAlive) return { ...signals, score: region === "different" && sameService ? 0.4 : 0.8 };
  }
  if (minutesApart > cfg.windowMinutes) return { ...signals, blocked: `more than ${cfg.windowMinutes} min apart` };

  // A dependency failing and a dependent failing belong together while both fail: within minutes of each
  // other, or later while the earlier alert is still firing (slow cascades: a saturating database shows up
  // in its callers a quarter of an hour later).
  const cascade = dependency !== null && canCascade(alert, other) && (minutesApart <= cfg.cascadeMinutes || signals.ongoing);
  let score = 0;
  if (sameService) score += SAME_SERVICE_WEIGHT;
  // Cascades: a dependency failing and its dependents erroring within minutes. A direct edge alone joins
  // only when close in time and place (it reaches the threshold with same env + region, ≤5 min); the
  // dependent's message naming the dependency is extra evidence.
  else if (cascade) score += (dependency.hops === 1 ? 0.45 : 0.2) + (signals.mentions ? 0.15 : 0);
  else if (signals.mentions) score += 0.15;
  // One broken piece below both (cluster DNS, a certificate, a zone, a node): like a direct dependency edge.
  if (signals.sharedCause) score += SHARED_CAUSE_WEIGHT;
  if (signals.sameErrorCode) score += 0.2;
  // Both alerts carry their own, different error code (HTTP 404 vs ACQ-TIMEOUT): two failure signatures.
  else if (signals.conflictingErrorCodes) score -= 0.15;
  score += similarityCredit(signals.similarity);
  if (environment === "same") score += 0.05;
  if (region === "same" && (sameService || cascade || signals.mentions || signals.sharedCause)) score += 0.05;
  // The same service failing in two regions at once is usually two problems (two clusters, two DBs).
  if (region === "different") score -= sameService ? 0.45 : 0.2;

  // Time proximity: full weight within 5 minutes, fading to 60% at the edge of the window. A cascade still
  // in progress is not "long ago": the dependency is failing now.
  const stillBroken = (cascade && signals.ongoing) || (!!signals.sharedCause && other.firing);
  const apart = stillBroken ? Math.min(minutesApart, 5) : minutesApart;
  const fade = apart <= 5 ? 1 : 1 - 0.4 * Math.min(1, (apart - 5) / Math.max(1, cfg.windowMinutes - 5));
  signals.strength = round(score * fade, 3);
  signals.score = round(clamp(score * fade));
  return signals;
}

function clamp(n: number): number {
  return Math.max(0, Math.min(1, n));
}

interface IncidentScore {
  incident: CandidateIncident;
  best: PairSignals;
}

const strengthOf = (s: PairSignals) => s.strength ?? s.score;

function bestPair(alert: GroupingAlert, incident: CandidateIncident, deps: DependencyGraph, cfg: GroupingConfig): PairSignals | null {
  const alerts = incident.alerts;
  const incidentResolved = incident.status === "resolved";
  // Which member services already have a failing dependency in the incident (their cause is known).
  const failing = [...new Set(alerts.flatMap((a) => (a.id !== alert.id && a.service && isFailure(a) ? [a.service] : [])))];
  const known = new Map<string, boolean>();
  const causeKnown = (other: CandidateAlert) => {
    const service = other.service;
    if (!service) return false;
    if (!known.has(service)) known.set(service, failing.some((m) => m !== service && deps.relation(service, m)?.direction === "upstream"));
    return known.get(service)!;
  };
  const pairs = alerts.flatMap((other) => {
    if (other.id === alert.id) return [];
    const s = scorePair(alert, other, deps, cfg, { causeKnown: causeKnown(other), incidentResolved });
    return s.blocked ? [] : [s];
  });
  // When the incident already holds alerts of this alert's own service, those say how that service fails
  // there; a dependent complaining about the service adds nothing (it would pull a second, unrelated
  // problem of the service into the first one's incident).
  const ownService = pairs.some((p) => p.sameService);
  let best: PairSignals | null = null;
  for (const s of pairs) {
    if (ownService && s.dependency?.direction === "downstream" && !s.fingerprint && !s.groupKey) continue;
    if (!best || strengthOf(s) > strengthOf(best) || (strengthOf(s) === strengthOf(best) && s.minutesApart < best.minutesApart)) best = s;
  }
  return best;
}

/** Human-readable reason, e.g. "shared service checkout-web + env prod, similar message (0.83), 2 min apart". */
export function describePair(alert: GroupingAlert, s: PairSignals, other?: GroupingAlert): string {
  if (s.fingerprint) return `same fingerprint as alert ${s.alertId}`;
  const parts: string[] = [];
  if (s.groupKey) parts.push(`same upstream group key${alert.groupKey ? ` ${alert.groupKey}` : ""}`);
  if (s.sameService) parts.push(`shared service ${alert.service}${s.environment === "same" ? ` + env ${alert.environment}` : ""}`);
  else if (s.dependency && other) {
    parts.push(
      s.dependency.direction === "upstream"
        ? `${alert.service} depends on ${other.service}${s.dependency.hops > 1 ? ` (${s.dependency.hops} hops)` : ""}`
        : `${other.service} depends on ${alert.service}${s.dependency.hops > 1 ? ` (${s.dependency.hops} hops)` : ""}`,
    );
    if (s.ongoing) parts.push(`the ${other.service} alert still firing`);
  }
  if (s.mentions && other) {
    parts.push(
      alert.mentions.some((m) => m.service === other.service)
        ? `its message names ${other.service}`
        : `the ${other.service} alert names ${alert.service}`,
    );
  }
  if (s.sharedCause) parts.push(describeMarker(s.sharedCause));
  if (s.sameErrorCode) parts.push(`same error code ${alert.errorCode}`);
  if (s.region === "same" && alert.region) parts.push(`region ${alert.region}`);
  if (s.similarity !== null && similarityCredit(s.similarity) >= 0.05) parts.push(`similar message (${s.similarity.toFixed(2)})`);
  parts.push(`${s.minutesApart < 1 ? "<1" : Math.round(s.minutesApart)} min apart`);
  return parts.join(", ");
}

/**
 * The decision. `incidents` are open/investigating incidents with recent alerts and recently resolved
 * ones (for reopening); `waiting` are ungrouped alerts held back by the noise threshold.
 */
export function decideGrouping(
  alert: GroupingAlert,
  incidents: CandidateIncident[],
  waiting: CandidateAlert[],
  deps: DependencyGraph,
  cfg: GroupingConfig,
): GroupDecision {
  const scored: IncidentScore[] = [];
  const env = alert.environment?.toLowerCase();
  for (const incident of incidents) {
    // An incident already holding another environment's alerts is never a home for this one, even when
    // its closest member has no environment of its own.
    if (env && incident.environments.some((e) => e.toLowerCase() !== env)) continue;
    const best = bestPair(alert, incident, deps, cfg);
    if (best) scored.push({ incident, best });
  }
  // The same alert again ranks first. Otherwise an open incident that explains the alert comes before
  // reopening a resolved one on its upstream group key: the group key may be coarse (grouped by alert name
  // only), while the open incident's evidence is about what is failing now.
  const tier = (s: IncidentScore) => (s.best.fingerprint ? 0 : s.incident.status === "resolved" && s.best.score >= cfg.joinThreshold ? 2 : 1);
  scored.sort(
    (a, b) =>
      tier(a) - tier(b) ||
      strengthOf(b.best) - strengthOf(a.best) ||
      b.incident.lastAlertAt.getTime() - a.incident.lastAlertAt.getTime(),
  );

  const byId = new Map<string, GroupingAlert>();
  for (const i of incidents) for (const a of i.alerts) byId.set(a.id, a);

  for (const { incident, best } of scored) {
    if (best.score < cfg.joinThreshold) continue;
    const other = byId.get(best.alertId);
    const why = describePair(alert, best, other);
    if (incident.status !== "resolved") {
      return { kind: "join", incidentId: incident.id, score: best.score, reason: why, best };
    }
    // A resolved incident comes back only for the same problem (fingerprint or upstream group) soon after.
    const resolvedAgo = incident.resolvedAt ? (alert.at.getTime() - incident.resolvedAt.getTime()) / MINUTE : Infinity;
    if ((best.fingerprint || best.groupKey) && resolvedAgo <= cfg.reopenWindowMinutes) {
      return {
        kind: "reopen",
        incidentId: incident.id,
        score: best.score,
        reason: `${why}; re-fired ${Math.max(0, Math.round(resolvedAgo))} min after the incident resolved`,
        best,
      };
    }
  }

  const top = scored.find((s) => s.incident.status !== "resolved")?.best ?? null;
  const closest = top ? ` (closest incident scored ${top.score.toFixed(2)} < ${cfg.joinThreshold})` : "";

  // Noise control: hold the alert back until enough matching alerts arrived within the wait window.
  const matchingWaiting = waiting.filter((w) => {
    if (w.id === alert.id) return false;
    if (Math.abs(alert.at.getTime() - w.at.getTime()) > cfg.waitWindowMinutes * MINUTE) return false;
    const s = scorePair(alert, w, deps, cfg);
    return !s.blocked && (s.fingerprint || s.score >= cfg.joinThreshold);
  });
  if (cfg.minAlerts > 1 && matchingWaiting.length + 1 < cfg.minAlerts) {
    return {
      kind: "wait",
      score: top?.score ?? 0,
      reason: `waiting: ${matchingWaiting.length + 1} of ${cfg.minAlerts} matching alerts within ${cfg.waitWindowMinutes} min needed to open an incident`,
      best: top,
      matching: matchingWaiting.length + 1,
      needed: cfg.minAlerts,
    };
  }
  const absorb = cfg.minAlerts > 1 ? matchingWaiting.map((w) => w.id) : [];
  const reason =
    absorb.length > 0
      ? `opened a new incident: ${absorb.length + 1} matching alerts reached the threshold of ${cfg.minAlerts}`
      : `opened a new incident: no open incident matched${closest}`;
  return { kind: "open", score: top?.score ?? 0, reason, best: top, absorbAlertIds: absorb };
}

/** The lock/lookup key an incident opened by this alert is filed under. */
export function incidentKeyFor(alert: GroupingAlert): string {
  if (alert.groupKey) return `group:${alert.groupKey}`;
  if (alert.service) return `service:${alert.service}:${alert.environment ?? "-"}:${alert.region ?? "-"}`;
  return `fingerprint:${alert.fingerprint}`;
}
