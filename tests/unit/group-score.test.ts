import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { buildCatalog } from "@/lib/ml/catalog";
import { groupingConfigFor } from "@/lib/triage/group-config";
import { buildDependencyGraph } from "@/lib/triage/group-dependencies";
import { sharedCauseMarkers } from "@/lib/triage/group-shared-cause";
import {
  DEFAULT_GROUPING_CONFIG,
  decideGrouping,
  scorePair,
  type CandidateAlert,
  type CandidateIncident,
  type GroupingAlert,
} from "@/lib/triage/group-score";

const catalog = buildCatalog({
  teams: [{ id: "payments", name: "Payments" }, { id: "checkout", name: "Checkout" }, { id: "platform", name: "Platform" }],
  services: [
    { name: "payments-db", team: "payments", aliases: ["paydb"], dependsOn: [] },
    { name: "payments-api", team: "payments", aliases: ["payments"], dependsOn: ["payments-db", "kafka"] },
    { name: "checkout-web", team: "checkout", aliases: ["checkout"], dependsOn: ["payments-api"] },
    { name: "redis-cache", team: "platform", aliases: ["redis", "cache"], dependsOn: [] },
    { name: "kafka", team: "platform", aliases: ["event-bus"], dependsOn: [] },
    { name: "cart-service", team: "checkout", aliases: ["cart"], dependsOn: ["redis-cache"] },
  ],
});
const deps = buildDependencyGraph(catalog);
const cfg = DEFAULT_GROUPING_CONFIG;
const T0 = Date.parse("2026-11-20T10:00:00Z");

let n = 0;
function alert(p: Partial<GroupingAlert> & { min?: number; text?: string; labels?: Record<string, string> }): GroupingAlert {
  const title = p.title ?? "something is wrong";
  return {
    id: p.id ?? `a${++n}`,
    source: p.source ?? "datadog",
    fingerprint: p.fingerprint ?? `fp-${n}`,
    groupKey: p.groupKey ?? null,
    title,
    service: p.service === undefined ? "payments-api" : p.service,
    environment: p.environment === undefined ? "prod" : p.environment,
    region: p.region === undefined ? "eu-west-1" : p.region,
    errorCode: p.errorCode ?? null,
    team: null,
    severity: p.severity ?? "high",
    at: new Date(T0 + (p.min ?? 0) * 60_000),
    mentions: deps.mentions(`${title}\n${p.text ?? ""}`),
    sharedCauses: sharedCauseMarkers(`${title}\n${p.text ?? ""}`, p.labels),
  };
}
const member = (a: GroupingAlert, similarity: number | null = null, firing = false): CandidateAlert => ({ ...a, similarity, firing });
const incident = (id: string, alerts: CandidateAlert[], status: CandidateIncident["status"] = "open", resolvedMin?: number): CandidateIncident => ({
  id,
  status,
  lastAlertAt: new Date(Math.max(...alerts.map((a) => a.at.getTime()))),
  resolvedAt: resolvedMin === undefined ? null : new Date(T0 + resolvedMin * 60_000),
  environments: [...new Set(alerts.flatMap((a) => (a.environment ? [a.environment] : [])))],
  alerts,
});

describe("scorePair", () => {
  it("joins on the same fingerprint and explains it", () => {
    const old = alert({ id: "x1", fingerprint: "fp-same" });
    const d = decideGrouping(alert({ fingerprint: "fp-same", min: 20 }), [incident("i1", [member(old)])], [], deps, cfg);
    expect(d).toMatchObject({ kind: "join", incidentId: "i1", score: 1, reason: "same fingerprint as alert x1" });
  });

  it("never merges production and staging, even with the same fingerprint", () => {
    const s = scorePair(alert({ fingerprint: "f" }), member(alert({ fingerprint: "f", environment: "staging" })), deps, cfg);
    expect(s.blocked).toBe("different environment");
  });

  it("explains a same-service join the way an on-call engineer would read it", () => {
    const old = alert({ service: "checkout-web", min: 0 });
    const d = decideGrouping(alert({ service: "checkout-web", min: 2 }), [incident("i1", [member(old, 0.83)])], [], deps, cfg);
    expect(d.kind).toBe("join");
    expect(d.reason).toBe("shared service checkout-web + env prod, region eu-west-1, similar message (0.83), 2 min apart");
  });

  it("trusts an upstream group key, unless the same service fails in another region", () => {
    const base = alert({ service: "payments-api", groupKey: "{}:{alertname=\"HighErrorRate\"}" });
    expect(scorePair(alert({ groupKey: base.groupKey, min: 1 }), member(base), deps, cfg).score).toBe(0.8);
    const otherRegion = scorePair(alert({ groupKey: base.groupKey, region: "us-east-1", min: 1 }), member(base), deps, cfg);
    expect(otherRegion.score).toBeLessThan(cfg.joinThreshold);
  });

  it("links a dependent to its failing dependency within minutes, not half an hour later", () => {
    const db = alert({ service: "payments-db", title: "writer unavailable" });
    const soon = scorePair(alert({ service: "payments-api", min: 2 }), member(db), deps, cfg);
    expect(soon.dependency).toEqual({ direction: "upstream", hops: 1 });
    expect(soon.score).toBeGreaterThanOrEqual(cfg.joinThreshold);
    const late = scorePair(alert({ service: "payments-api", min: 12 }), member(db), deps, cfg);
    expect(late.score).toBeLessThan(cfg.joinThreshold);
  });

  it("keeps a slow cascade together while the dependency is still failing", () => {
    const db = alert({ service: "payments-db", title: "read latency high", severity: "medium" });
    const api = alert({ service: "payments-api", min: 18 });
    const stillFiring = scorePair(api, member(db, null, true), deps, cfg);
    expect(stillFiring).toMatchObject({ ongoing: true, dependency: { direction: "upstream", hops: 1 } });
    expect(stillFiring.score).toBeGreaterThanOrEqual(cfg.joinThreshold);
    // Resolved by then: 18 minutes is too long ago for the bare dependency.
    expect(scorePair(api, member(db, null, false), deps, cfg).score).toBeLessThan(cfg.joinThreshold);
    // A standing low-severity warning or a deploy marker on the dependency is not a failure that spreads.
    for (const severity of ["low", "info"] as const) {
      const warning = member(alert({ service: "payments-db", severity }), null, true);
      expect(scorePair(api, warning, deps, cfg).ongoing).toBe(false);
    }
  });

  it("links late symptoms of an outage still going on beyond the window, and only while it goes on", () => {
    const db = alert({ service: "payments-db", title: "payments-db connections exhausted", severity: "critical" });
    const api = alert({ service: "payments-api", title: "payments-api capture errors above 5%" });
    // An hour and a half in: support escalates on the same service, a dependent's queue backs up.
    const escalation = alert({ service: "payments-api", title: "Support: payments-api capture errors reported by merchants", min: 90 });
    const late = alert({ service: "checkout-web", title: "checkout payment step failing", min: 90 });
    expect(scorePair(escalation, member(api, 0.6, true), deps, cfg).score).toBeGreaterThanOrEqual(cfg.joinThreshold);
    expect(scorePair(late, member(api, null, true), deps, cfg).score).toBeGreaterThanOrEqual(cfg.joinThreshold);
    // Over by then: the window applies.
    expect(scorePair(escalation, member(api, 0.6, false), deps, cfg).blocked).toMatch(/more than 30 min apart/);
    expect(scorePair(late, member(api, null, false), deps, cfg).blocked).toMatch(/more than 30 min apart/);
    // Hours later, a dependency alarm is not assumed to be the cause of a dependent still firing: a new problem.
    const dbLater = alert({ service: "payments-db", title: "payments-db replication lag", min: 90 });
    expect(scorePair(dbLater, member(api, null, true), deps, cfg, { causeKnown: false }).blocked).toMatch(/more than 30 min apart/);
    // Nor do two warnings, however long the first keeps firing.
    const warnLater = alert({ service: "payments-db", severity: "low", min: 90 });
    expect(scorePair(warnLater, member(db, 0.6, true), deps, cfg).blocked).toMatch(/more than 30 min apart/);
  });

  it("takes a late root-cause alarm into its dependents' incident only when their cause is not known yet", () => {
    const api = member(alert({ service: "payments-api", min: 0 }), null, true);
    const dbAlarm = alert({ service: "payments-db", title: "BurstBalance low", min: 14 });
    const unexplained = scorePair(dbAlarm, api, deps, cfg, { causeKnown: false });
    expect(unexplained).toMatchObject({ ongoing: true, dependency: { direction: "downstream" } });
    expect(unexplained.score).toBeGreaterThanOrEqual(cfg.joinThreshold);
    expect(scorePair(dbAlarm, api, deps, cfg, { causeKnown: true }).score).toBeLessThan(cfg.joinThreshold);
  });

  it("needs more than the shared service to join: a second problem on one service stays apart", () => {
    const deploy = alert({ service: "cart-service", title: "KeyError: 'eta'", errorCode: null });
    const rebalance = alert({ service: "cart-service", title: "KafkaConsumerGroupRebalancing", min: 1 });
    expect(scorePair(rebalance, member(deploy, 0.3), deps, cfg).score).toBeLessThan(cfg.joinThreshold);
    expect(scorePair(rebalance, member(deploy, 0.6), deps, cfg).score).toBeGreaterThanOrEqual(cfg.joinThreshold);
  });

  it("does not merge a dependent whose error code tells a different story", () => {
    const api = alert({ service: "payments-api", errorCode: "ACQ-TIMEOUT" });
    const cdn = scorePair(alert({ service: "checkout-web", errorCode: "HTTP 404", min: 2 }), member(api), deps, cfg);
    expect(cdn.conflictingErrorCodes).toBe(true);
    expect(cdn.score).toBeLessThan(cfg.joinThreshold);
  });

  it("counts a message naming the dependency, including by alias and inside CamelCase exception names", () => {
    const redis = alert({ service: "redis-cache" });
    const cart = alert({ service: "cart-service", title: "quote latency", text: "redis.exceptions.TimeoutError", min: 3 });
    expect(scorePair(cart, member(redis), deps, cfg).mentions).toBe(true);
    expect(deps.mentions("KafkaTimeoutError: failed to update metadata").map((m) => m.service)).toEqual(["kafka"]);
    // "cache" alone is a common word: it only counts along a catalog edge (payments-api does not use redis).
    const api = alert({ service: "payments-api", title: "cache miss ratio high", min: 1 });
    expect(scorePair(api, member(redis), deps, cfg).mentions).toBe(false);
  });

  it("joins unrelated services that report the same shared-infrastructure failure at once, and only then", () => {
    const dns = alert({ service: "kafka", title: "produce errors", text: "dial tcp: lookup kafka-0.kafka.svc: no such host" });
    const api = alert({ service: "checkout-web", title: "getaddrinfo EAI_AGAIN payments.internal", min: 2 });
    const shared = scorePair(api, member(dns), deps, cfg);
    expect(shared.sharedCause).toBe("dns");
    expect(shared.score).toBeGreaterThanOrEqual(cfg.joinThreshold);
    expect(decideGrouping(api, [incident("dns", [member(dns)])], [], deps, cfg).reason).toContain("both report a DNS resolution failure");
    // The same services with ordinary errors stay apart; so does a deploy marker that happens to mention DNS.
    expect(scorePair(alert({ service: "checkout-web", title: "5xx above 2%", min: 2 }), member(dns), deps, cfg).score).toBeLessThan(cfg.joinThreshold);
    const marker = alert({ service: "checkout-web", severity: "info", title: "Deployment: checkout-web (resolver ENOTFOUND retry fix)", min: 2 });
    expect(scorePair(marker, member(dns), deps, cfg).sharedCause).toBeNull();
    // Long after, with the first alert resolved, the shared marker no longer counts.
    expect(scorePair(alert({ service: "checkout-web", title: "getaddrinfo ENOTFOUND x", min: 25 }), member(dns, null, false), deps, cfg).sharedCause).toBeNull();
  });

  it("does not let two warnings on linked services, or a missing-data alert, make a cascade", () => {
    const dbWarn = alert({ service: "payments-db", severity: "low", title: "replica lag above 10s" });
    expect(scorePair(alert({ service: "payments-api", severity: "low", min: 2 }), member(dbWarn), deps, cfg).score).toBeLessThan(cfg.joinThreshold);
    const dbDown = alert({ service: "payments-db", title: "writer unavailable" });
    const noData = alert({ service: "payments-api", severity: "low", title: "[No Data] payments-api host metrics on api-1", min: 2 });
    expect(scorePair(noData, member(dbDown), deps, cfg).score).toBeLessThan(cfg.joinThreshold);
    // A low-severity symptom of a failing dependency still is one.
    expect(scorePair(alert({ service: "payments-api", severity: "low", min: 2 }), member(dbDown), deps, cfg).score).toBeGreaterThanOrEqual(cfg.joinThreshold);
    // A warning on the dependency is no cause of a dependent's failure, in either order of arrival.
    const apiDown = alert({ service: "payments-api", title: "capture errors above 3%" });
    const kafkaWarn = alert({ service: "kafka", severity: "low", title: "consumer group rebalancing", min: 2 });
    expect(scorePair(kafkaWarn, member(apiDown, null, true), deps, cfg).score).toBeLessThan(cfg.joinThreshold);
    expect(scorePair(alert({ service: "payments-api", title: "capture errors above 3%", min: 3 }), member(kafkaWarn, null, true), deps, cfg).score).toBeLessThan(cfg.joinThreshold);
  });

  it("joins unrelated services failing in the same minutes in one zone, but not an outage that shares only the cluster", () => {
    const zone = { "availability-zone": "us-east-1c", kube_cluster_name: "prod-use1" };
    const auth = alert({ service: "payments-api", title: "error rate above 2%", text: "context deadline exceeded", labels: zone });
    const cart = alert({ service: "cart-service", title: "p99 latency above 800ms", min: 2, labels: zone });
    expect(scorePair(cart, member(auth, null, true), deps, cfg).score).toBeGreaterThanOrEqual(cfg.joinThreshold);
    expect(decideGrouping(cart, [incident("az", [member(auth, null, true)])], [], deps, cfg).reason).toContain("both name us-east-1c");
    const sameCluster = alert({ service: "cart-service", title: "p99 latency above 800ms", min: 2, labels: { kube_cluster_name: "prod-use1" } });
    expect(scorePair(sameCluster, member(auth, null, true), deps, cfg).score).toBeLessThan(cfg.joinThreshold);
    const otherZone = alert({ service: "cart-service", title: "p99 latency above 800ms", min: 2, labels: { "availability-zone": "us-east-1a" } });
    expect(scorePair(otherZone, member(auth, null, true), deps, cfg).score).toBeLessThan(cfg.joinThreshold);
  });

  it("does not follow a dependency from one region into another, also through members that carry no region", () => {
    const dbAlarm = member(alert({ service: "payments-db", title: "ReadIOPS at provisioned limit", region: "us-east-1" }), null, true);
    const dbIssue = member(alert({ service: "payments-db", source: "sentry", title: "QueuePool limit reached", region: null }), null, true);
    const outage = incident("use1", [dbAlarm, dbIssue]);
    const elsewhere = alert({ service: "payments-api", title: "capture errors above 3%", region: "eu-west-1", min: 2 });
    expect(decideGrouping(elsewhere, [outage], [], deps, cfg).kind).toBe("open");
    const here = alert({ service: "payments-api", title: "capture errors above 3%", region: "us-east-1", min: 2 });
    expect(decideGrouping(here, [outage], [], deps, cfg)).toMatchObject({ kind: "join", incidentId: "use1" });
  });

  it("adds a change made on a failing service to its incident, even late, but not a failure to a deploy's incident", () => {
    const failing = alert({ service: "payments-db", title: "ReadIOPS at provisioned limit" });
    const change = alert({ service: "payments-db", severity: "info", title: "Change applied: autovacuum cost limit lowered", min: 38 });
    const join = decideGrouping(change, [incident("db", [member(failing, 0.1, true)])], [], deps, cfg);
    expect(join).toMatchObject({ kind: "join", incidentId: "db" });
    // Once the failure is over, a change on the service is not about it.
    expect(decideGrouping(change, [incident("db", [member(failing, 0.1, false)])], [], deps, cfg).kind).toBe("open");
    // A failure shortly after a deploy of its service, in other words, may be a second problem: the deploy does not pull it in.
    const deploy = alert({ service: "payments-api", severity: "info", title: "Deployment: payments-api v7.3.1 to prod" });
    const failure = alert({ service: "payments-api", title: "KafkaConsumerGroupRebalancing", min: 3 });
    expect(decideGrouping(failure, [incident("release", [member(deploy, 0.1, true)])], [], deps, cfg).kind).toBe("open");
  });

  it("joins services whose new connections time out in the same minutes in one region, not in two regions", () => {
    const sms = alert({ service: "kafka", title: "ConnectTimeoutError: Connection to api.twilio.com timed out", region: "us-east-1" });
    const mail = alert({ service: "checkout-web", title: "sends failing: ETIMEDOUT connecting to api.sendgrid.com:443", region: "us-east-1", min: 1 });
    expect(scorePair(mail, member(sms, null, true), deps, cfg).score).toBeGreaterThanOrEqual(cfg.joinThreshold);
    expect(scorePair({ ...mail, region: "eu-west-1" }, member(sms, null, true), deps, cfg).score).toBeLessThan(cfg.joinThreshold);
  });

  it("keeps unrelated services apart even when they fire in the same minute", () => {
    const s = scorePair(alert({ service: "kafka", min: 0.5 }), member(alert({ service: "checkout-web" })), deps, cfg);
    expect(s.score).toBeLessThan(cfg.joinThreshold);
  });
});

describe("decideGrouping", () => {
  it("does not put a staging alert into a production incident through a member without an environment", () => {
    const noEnv = member(alert({ service: "payments-api", environment: null }), 0.95);
    const prod = member(alert({ service: "payments-api", environment: "prod" }), 0.95);
    const mixed = incident("mixed", [noEnv, prod]);
    expect(decideGrouping(alert({ service: "payments-api", environment: "staging", min: 1 }), [mixed], [], deps, cfg).kind).toBe("open");
    expect(decideGrouping(alert({ service: "payments-api", environment: "prod", min: 1 }), [mixed], [], deps, cfg).kind).toBe("join");
  });

  it("picks the best-scoring incident when several are open", () => {
    const weak = incident("weak", [member(alert({ service: "kafka" }))]);
    const strong = incident("strong", [member(alert({ service: "payments-api" }), 0.9)]);
    expect(decideGrouping(alert({ service: "payments-api", min: 1 }), [weak, strong], [], deps, cfg)).toMatchObject({ kind: "join", incidentId: "strong" });
  });

  it("sends a late database alarm to the incident whose symptoms it explains, not to one that already has its cause", () => {
    const explained = incident("kafka-outage", [
      member(alert({ service: "kafka", min: 0 }), null, true),
      member(alert({ service: "payments-api", min: 1 }), null, true),
    ]);
    const unexplained = incident("api-errors", [member(alert({ service: "payments-api", min: 0 }), null, true)]);
    const dbAlarm = alert({ service: "payments-db", title: "WriteLatency high", min: 14 });
    const d = decideGrouping(dbAlarm, [explained, unexplained], [], deps, cfg);
    expect(d).toMatchObject({ kind: "join", incidentId: "api-errors" });
    expect(d.reason).toContain("the payments-api alert still firing");
    expect(decideGrouping(dbAlarm, [explained], [], deps, cfg).kind).toBe("open");
  });

  it("judges an alert by its own service's alerts in an incident, not by a dependent that names the service", () => {
    const release = incident("release", [
      member(alert({ service: "payments-api", title: "KeyError: 'amount'", min: 0 }), 0.3, true),
      member(alert({ service: "checkout-web", title: "upstream payments-api returned 500", min: 1 }), 0.6, true),
    ]);
    const d = decideGrouping(alert({ service: "payments-api", title: "consumer group rebalancing", min: 2 }), [release], [], deps, cfg);
    expect(d.kind).toBe("open");
  });

  it("ranks the same fingerprint above an incident whose other signals add up to more than 1", () => {
    const flap = incident("flap", [member(alert({ service: "kafka", fingerprint: "fp-flap", min: 0 }))]);
    const strong = incident("strong", [member(alert({ service: "payments-api", errorCode: "E1", min: 0.5 }), 1)]);
    const d = decideGrouping(alert({ service: "payments-api", fingerprint: "fp-flap", errorCode: "E1", min: 1 }), [strong, flap], [], deps, cfg);
    expect(d).toMatchObject({ kind: "join", incidentId: "flap" });
  });

  it("reopens a resolved incident for the same problem within the reopen window, and opens a new one after it", () => {
    const old = alert({ fingerprint: "flap" });
    const resolved = incident("r1", [member(old)], "resolved", 10);
    expect(decideGrouping(alert({ fingerprint: "flap", min: 30 }), [resolved], [], deps, cfg)).toMatchObject({ kind: "reopen", incidentId: "r1" });
    const late = decideGrouping(alert({ fingerprint: "flap", min: 10 + cfg.reopenWindowMinutes + 1 }), [resolved], [], deps, cfg);
    expect(late.kind).toBe("open");
    // A resolved incident does not come back for a merely similar alert.
    expect(decideGrouping(alert({ min: 15 }), [incident("r2", [member(alert({}), 0.95)], "resolved", 12)], [], deps, cfg).kind).toBe("open");
  });

  it("reopens a flapping group for the same upstream group key even when its last alert is older than the window", () => {
    const key = '{}/{}:{alertname="KubePodOOMKilled", namespace="routing"}';
    const first = alert({ service: "cart-service", groupKey: key, fingerprint: "pod-a", min: 0 });
    const resolved = incident("oom", [member(first)], "resolved", 5);
    const again = alert({ service: "cart-service", groupKey: key, fingerprint: "pod-b", min: cfg.windowMinutes + 10 });
    expect(decideGrouping(again, [resolved], [], deps, cfg)).toMatchObject({ kind: "reopen", incidentId: "oom" });
    // In an incident still open for something else, a long-resolved member of the group is no reason to join.
    const other = member(alert({ service: "kafka", min: cfg.windowMinutes + 5 }), null, true);
    const open = incident("busy", [member(first), other]);
    expect(decideGrouping(again, [open], [], deps, cfg).kind).toBe("open");
  });

  it("prefers the open incident that explains an alert over reopening a resolved one on a coarse group key", () => {
    const key = '{}/{}:{alertname="QueueBacklog"}';
    const earlier = incident("email", [member(alert({ service: "payments-api", groupKey: key, fingerprint: "q-email", min: 0 }))], "resolved", 10);
    const dbDown = member(alert({ service: "payments-db", title: "writer unavailable", min: 19 }), null, true);
    const now = incident("db", [dbDown]);
    const backlog = alert({ service: "payments-api", groupKey: key, fingerprint: "q-sms", title: "QueueBacklog", min: 20 });
    expect(decideGrouping(backlog, [earlier, now], [], deps, cfg)).toMatchObject({ kind: "join", incidentId: "db" });
    // With nothing open that explains it, the group key still brings the resolved incident back.
    expect(decideGrouping(backlog, [earlier], [], deps, cfg)).toMatchObject({ kind: "reopen", incidentId: "email" });
  });

  it("holds alerts back below the noise threshold and opens with all matching waiting alerts once reached", () => {
    const noisy = { ...cfg, minAlerts: 3 };
    const w1 = alert({ service: "cart-service", min: 0 });
    const w2 = alert({ service: "cart-service", min: 2 });
    const unrelated = alert({ service: "kafka", min: 1 });
    const second = decideGrouping(w2, [], [member(w1, 0.9)], deps, noisy);
    expect(second).toMatchObject({ kind: "wait", matching: 2, needed: 3 });
    expect(second.reason).toContain("2 of 3");
    const third = decideGrouping(alert({ service: "cart-service", min: 4 }), [], [member(w1, 0.9), member(w2, 0.9), member(unrelated)], deps, noisy);
    expect(third).toMatchObject({ kind: "open", absorbAlertIds: [w1.id, w2.id] });
  });
});

describe("groupingConfigFor", () => {
  it("applies a service override over a source override over the default", () => {
    const e = parseEnv({ GROUPING_MIN_ALERTS: "2", GROUPING_MIN_ALERTS_OVERRIDES: "service:ci-runners=5,source:grafana=3" });
    expect(groupingConfigFor({ service: "ci-runners", source: "grafana" }, e).minAlerts).toBe(5);
    expect(groupingConfigFor({ service: "kafka", source: "grafana" }, e).minAlerts).toBe(3);
    expect(groupingConfigFor({ service: null, source: "datadog" }, e).minAlerts).toBe(2);
  });
});
