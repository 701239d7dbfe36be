import type { Severity } from "@/lib/severity";
import type { DependencyGraph } from "@/lib/triage/group-dependencies";
import { logistic, pairLogit, type PairFeatures } from "@/lib/triage/group-model";
import { describeMarker, isRegionalMarker, sharedMarker } from "@/lib/triage/group-shared-cause";

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
  /** The evidence as the fitted model saw it (group-model.ts); absent for fingerprint/group-key/blocked pairs. */
  features?: PairFeatures;
}

export type GroupDecision =
  | { kind: "join"; incidentId: string; score: number; reason: string; best: PairSignals }
  | { kind: "reopen"; incidentId: string; score: number; reason: string; best: PairSignals }
  | { kind: "open"; score: number; reason: string; best: PairSignals | null; absorbAlertIds: string[] }
  | { kind: "wait"; score: number; reason: string; best: PairSignals | null; matching: number; needed: number };

const MINUTE = 60_000;

/**
 * How long after its last alert an open incident stays a candidate (beyond the window): long enough for the late
 * symptoms of a long outage still going on (see stillGoingOn), bounded so candidate selection stays small.
 */
export const ONGOING_HORIZON_MINUTES = 120;

/** The oldest last-alert time an open incident may have to be a candidate for an alert at `at`. */
export function openCandidateSince(at: Date, cfg: GroupingConfig): Date {
  return new Date(at.getTime() - Math.max(cfg.windowMinutes, ONGOING_HORIZON_MINUTES) * MINUTE);
}

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
 * at least one must be failing, and not as a warning on the dependency's side. And an alert that the monitoring lost data says nothing about the
 * service's dependencies (an agent rollout, not the service, stopped the data).
 */
function canCascade(a: GroupingAlert, b: CandidateAlert, direction: "upstream" | "downstream"): boolean {
  if (!isFailure(a) && !isFailure(b)) return false;
  // Each region runs its own stack: a service calls its dependency in its own region, so a failure does not
  // travel along a catalog edge from one region to another.
  if (compare(a.region, b.region) === "different") return false;
  // The cause is the dependency's side: a warning there (a rebalance, a slow query) does not take its dependents
  // down, while a dependent's warning can be a symptom of its dependency failing (and a release of the
  // dependency, an informational event, can be the cause).
  if ((direction === "upstream" ? b : a).severity === "low") return false;
  return !a.sharedCauses.includes("nodata") && !b.sharedCauses.includes("nodata");
}

/**
 * A shared-infrastructure marker (group-shared-cause.ts) both alerts carry counts between problems, not
 * around deploy markers, and like a cascade: within minutes of each other, or later while the earlier
 * alert still fires (the shared piece is still broken).
 */
function sharedInfrastructure(alert: GroupingAlert, other: CandidateAlert, minutesApart: number, cfg: GroupingConfig): string | null {
  if (alert.severity === "info" || other.severity === "info") return null;
  if (minutesApart > cfg.cascadeMinutes && !other.firing) return null;
  const marker = sharedMarker(alert.sharedCauses, other.sharedCauses);
  return marker && isRegionalMarker(marker) && compare(alert.region, other.region) === "different" ? null : marker;
}

/**
 * A problem still going on links beyond the window: the earlier alert still fires and both are failures, on the
 * same service, or on a dependency of the new alert's service (the cause keeps failing). Late symptoms of a long
 * outage (a support escalation an hour in, a queue filling as retries pile up) belong to it however long ago it
 * started. A late root cause of a long-firing dependent is not assumed beyond the window: hours later it is more
 * likely a new problem.
 */
function stillGoingOn(alert: GroupingAlert, other: CandidateAlert, s: PairSignals): boolean {
  if (!other.firing || !isFailure(alert) || !isFailure(other)) return false;
  return (s.ongoing && s.dependency?.direction === "upstream") || (s.sameService && s.region !== "different");
}

/**
 * A change recorded on a service (a config change, a mitigation, a rollback: an informational event) while a failure
 * of the same service is still firing is about that failure, however long it has gone on: on-call changes a broken
 * service to fix it. Such events rarely share words with the alerts ("Change applied: launch template adds m6a" vs
 * "pods unschedulable"), so similarity cannot link them. Not the other way round: a failure shortly after a deploy
 * of its service is often a second, unrelated problem (the deploy's own symptoms link by their text).
 */
const CHANGE_ON_SERVICE_SCORE = 0.6;
function changeOnFailingService(alert: GroupingAlert, other: CandidateAlert, s: PairSignals): boolean {
  return s.sameService && s.region !== "different" && alert.severity === "info" && isFailure(other) && other.firing;
}

export interface PairContext {
  /** The other alert's incident already holds a failing dependency of the other alert's service. */
  causeKnown?: boolean;
  /** The other alert's incident is resolved (a match can only reopen it). */
  incidentResolved?: boolean;
}

/** Scores one (new alert, existing alert) pair. Pure; the hard rules are explained inline, the weights are fitted. */
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
  if (changeOnFailingService(alert, other, signals)) {
    // Hand-set like the group key: the pair model has no feature for it and is not refitted for one rule.
    return { ...signals, score: CHANGE_ON_SERVICE_SCORE, strength: CHANGE_ON_SERVICE_SCORE };
  }
  if (minutesApart > cfg.windowMinutes && !stillGoingOn(alert, other, signals)) return { ...signals, blocked: `more than ${cfg.windowMinutes} min apart` };

  // The same service failing in two regions at once is two problems (two clusters, two databases).
  if (sameService && region === "different") return { ...signals, blocked: "same service, different region" };
  signals.features = pairFeatures(alert, other, signals, cfg);
  // Time and severity alone never join: two outages in the same minute are the concurrent case, and merging
  // unrelated outages costs more than a split. The model weighs the evidence only when there is some.
  if (!linked(signals.features)) return { ...signals, blocked: ONLY_TIME };
  const p = logistic(pairLogit(signals.features));
  signals.strength = round(p, 4);
  signals.score = round(p);
  return signals;
}

/**
 * The evidence of one pair as model features (group-model.ts). A dependency edge counts as a cascade only
 * between failures (two warnings on linked services are routine chatter; a missing-data alert says nothing
 * about dependencies) and within minutes, or later while the earlier alert still fires (slow cascades). The
 * time apart is measured from "now" for a cascade or shared cause still in progress: the cause is failing now.
 */
export function pairFeatures(alert: GroupingAlert, other: CandidateAlert, s: PairSignals, cfg: GroupingConfig): PairFeatures {
  const cascade = s.dependency !== null && canCascade(alert, other, s.dependency.direction) && (s.minutesApart <= cfg.cascadeMinutes || s.ongoing);
  const stillBroken = (cascade && s.ongoing) || (!!s.sharedCause && other.firing);
  const apart = stillBroken ? Math.min(s.minutesApart, 5) : s.minutesApart;
  const sim = similarityCredit(s.similarity) / SIMILARITY_WEIGHT;
  const flag = (b: boolean) => (b ? 1 : 0);
  return {
    sameService: flag(s.sameService),
    cascadeDirect: flag(cascade && s.dependency!.hops === 1),
    cascadeIndirect: flag(cascade && s.dependency!.hops > 1),
    cascadeOngoing: flag(cascade && s.ongoing),
    mentions: flag(s.mentions),
    sharedCause: flag(!!s.sharedCause),
    sameErrorCode: flag(s.sameErrorCode),
    conflictingErrorCodes: flag(s.conflictingErrorCodes),
    similarity: sim,
    sameServiceSimilarity: s.sameService ? sim : 0,
    regionSame: flag(s.region === "same"),
    regionDifferent: flag(s.region === "different"),
    minutesApartOfWindow: Math.min(1, apart / Math.max(1, cfg.windowMinutes)),
    bothFailing: flag(isFailure(alert) && isFailure(other)),
  };
}

/**
 * A link between the two problems, not only between the times they fired: a dependency edge the failure can
 * travel along, one naming the other's service, a shared-infrastructure marker, or the same service with text
 * or an error code that says it is the same problem (one service often has two unrelated problems at once).
 * Similar wording alone does not link two services: "latency above threshold" reads alike everywhere.
 */
const SAME_PROBLEM_SIMILARITY = 0.25;
const ONLY_TIME = "nothing links them but time and place";
function linked(f: PairFeatures): boolean {
  if (f.cascadeDirect + f.cascadeIndirect + f.mentions + f.sharedCause > 0) return true;
  return f.sameService === 1 && (f.similarity >= SAME_PROBLEM_SIMILARITY || f.sameErrorCode === 1);
}

interface IncidentScore {
  incident: CandidateIncident;
  best: PairSignals;
}

const strengthOf = (s: PairSignals) => s.strength ?? s.score;

/**
 * The pairs that can speak for joining `incident`: every unblocked (alert, member) pair, except that when the
 * incident already holds alerts of this alert's own service, those say how that service fails there; a
 * dependent complaining about the service adds nothing (it would pull a second, unrelated problem of the
 * service into the first one's incident). The fitting script scores the same pairs.
 */
export function incidentPairs(alert: GroupingAlert, incident: CandidateIncident, deps: DependencyGraph, cfg: GroupingConfig): PairSignals[] {
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
  // Members without a region (Sentry issues, support tickets) are taken to be where the rest of the incident is,
  // when all its regional alerts agree, but only to tell an alert from another region apart: the guess is no
  // evidence that an alert of the incident's own region belongs.
  const regions = [...new Set(alerts.flatMap((a) => (a.region ? [a.region.toLowerCase()] : [])))];
  const elsewhere = !!alert.region && regions.length === 1 && alert.region.toLowerCase() !== regions[0];
  const placed = (a: CandidateAlert): CandidateAlert => (a.region || !elsewhere ? a : { ...a, region: regions[0] });
  const all = alerts.map(placed).flatMap((other) =>
    other.id === alert.id ? [] : [scorePair(alert, other, deps, cfg, { causeKnown: causeKnown(other), incidentResolved })],
  );
  // Its own service's alerts count here even when they are too unlike it to join on their own.
  const ownService = all.some((p) => p.sameService && (!p.blocked || p.blocked === ONLY_TIME));
  return all.filter((s) => !s.blocked && !(ownService && s.dependency?.direction === "downstream" && !s.fingerprint && !s.groupKey));
}

function bestPair(alert: GroupingAlert, incident: CandidateIncident, deps: DependencyGraph, cfg: GroupingConfig): PairSignals | null {
  let best: PairSignals | null = null;
  for (const s of incidentPairs(alert, incident, deps, cfg)) {
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
