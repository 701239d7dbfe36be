import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resetEnv } from "@/lib/env";
import { groupAlert } from "@/lib/triage/group";
import { resetDatabase } from "../helpers/db";
import { insertAlert, minutesFrom } from "./group-fixtures";

const T0 = new Date("2026-11-20T10:00:00Z");

async function incidentOf(alertId: string) {
  const alert = await db().alert.findUniqueOrThrow({ where: { id: alertId } });
  return alert.incidentId ? db().incident.findUniqueOrThrow({ where: { id: alert.incidentId } }) : null;
}

describe("groupAlert against PostgreSQL", () => {
  beforeEach(async () => {
    await resetDatabase();
  });
  afterEach(() => {
    delete process.env.GROUPING_MIN_ALERTS;
    delete process.env.GROUPING_MIN_ALERTS_OVERRIDES;
    resetEnv();
  });

  it("opens an incident for the first alert and joins a related one with an explainable reason", async () => {
    const a = await insertAlert({
      title: "checkout-web 5xx rate above 5%",
      message: "HTTP 502 from upstream on /api/checkout",
      service: "checkout-web",
      region: "eu-west-1",
      severity: "high",
      at: T0,
    });
    const b = await insertAlert({
      title: "checkout-web p99 latency above 3s",
      message: "Latency on /api/checkout elevated, upstream timeouts",
      service: "checkout-web",
      region: "eu-west-1",
      severity: "critical",
      at: minutesFrom(T0, 2),
    });
    const first = await groupAlert(a);
    expect(first.decision).toBe("open");
    const second = await groupAlert(b);
    expect(second.decision).toBe("join");
    expect(second.incidentId).toBe(first.incidentId);
    expect(second.reason).toContain("shared service checkout-web + env prod");
    expect(second.reason).toContain("2 min apart");

    const incident = await incidentOf(b);
    expect(incident).toMatchObject({ alertCount: 2, openAlertCount: 2, severity: "critical", affectedServices: ["checkout-web"], environments: ["prod"] });
    expect(incident!.firstAlertAt.toISOString()).toBe(T0.toISOString());
    const stored = await db().alert.findUniqueOrThrow({ where: { id: b } });
    expect(stored.groupingScore).toBeGreaterThanOrEqual(0.55);
    expect(stored.groupingSignals).toMatchObject({ decision: "join", best: { alertId: a, sameService: true } });

    const actions = await db().incidentAction.findMany({ where: { incidentId: first.incidentId! }, orderBy: { createdAt: "asc" } });
    expect(actions.map((x) => x.type)).toEqual(["incident_opened", "alert_added", "alert_added", "severity_changed"]);
  });

  it("keeps production and staging apart, and the same service in two regions apart", async () => {
    const prod = await insertAlert({ title: "payments-api error rate high", service: "payments-api", region: "eu-west-1", at: T0 });
    const staging = await insertAlert({ title: "payments-api error rate high", service: "payments-api", environment: "staging", region: "eu-west-1", at: T0 });
    const otherRegion = await insertAlert({ title: "payments-api error rate high", service: "payments-api", region: "us-east-1", at: minutesFrom(T0, 1) });
    const ids = [];
    for (const id of [prod, staging, otherRegion]) ids.push((await groupAlert(id)).incidentId);
    expect(new Set(ids).size).toBe(3);
  });

  it("puts 50 related alerts arriving concurrently into exactly one incident", async () => {
    const ids = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        insertAlert({
          title: `inventory-service pod inventory-${i} CrashLoopBackOff`,
          message: "Back-off restarting failed container inventory in pod",
          fingerprint: `crashloop-inventory-${i}`,
          service: "inventory-service",
          region: "eu-central-1",
          at: minutesFrom(T0, i * 0.05),
        }),
      ),
    );
    const results = await Promise.all(ids.map((id) => groupAlert(id)));
    const incidents = new Set(results.map((r) => r.incidentId));
    expect(incidents.size).toBe(1);
    expect(results.filter((r) => r.decision === "open")).toHaveLength(1);
    expect(await db().incident.count()).toBe(1);
    const incident = await db().incident.findFirstOrThrow();
    expect(incident.alertCount).toBe(50);
    expect(incident.openAlertCount).toBe(50);
    expect(await db().incidentAction.count({ where: { type: "incident_opened" } })).toBe(1);
  });

  it("is idempotent: grouping the same alert twice leaves it where it is", async () => {
    const a = await insertAlert({ title: "kafka broker offline", service: "kafka", at: T0 });
    const first = await groupAlert(a);
    const again = await groupAlert(a);
    expect(again.decision).toBe("already_grouped");
    expect(again.incidentId).toBe(first.incidentId);
    expect((await incidentOf(a))!.alertCount).toBe(1);
  });

  it("reopens a resolved incident when the same alert re-fires soon, and opens a new one later", async () => {
    const a = await insertAlert({ title: "redis-cache memory above 95%", service: "redis-cache", fingerprint: "redis-mem", at: T0 });
    const opened = await groupAlert(a);
    await db().incident.update({ where: { id: opened.incidentId! }, data: { status: "resolved", resolvedAt: minutesFrom(T0, 10) } });

    const refire = await insertAlert({ title: "redis-cache memory above 95%", service: "redis-cache", fingerprint: "redis-mem", at: minutesFrom(T0, 30) });
    const reopened = await groupAlert(refire);
    expect(reopened.decision).toBe("reopen");
    expect(reopened.incidentId).toBe(opened.incidentId);
    expect((await incidentOf(refire))!.status).toBe("open");

    await db().incident.update({ where: { id: opened.incidentId! }, data: { status: "resolved", resolvedAt: minutesFrom(T0, 40) } });
    const late = await insertAlert({ title: "redis-cache memory above 95%", service: "redis-cache", fingerprint: "redis-mem", at: minutesFrom(T0, 200) });
    const fresh = await groupAlert(late);
    expect(fresh.decision).toBe("open");
    expect(fresh.incidentId).not.toBe(opened.incidentId);
  });

  it("holds noisy alerts back until the per-service threshold is reached, then opens one incident with all of them", async () => {
    process.env.GROUPING_MIN_ALERTS_OVERRIDES = "service:ci-runners=3";
    resetEnv();
    const ids = [];
    for (let i = 0; i < 3; i++) {
      ids.push(await insertAlert({ title: "ci-runners job queue wait above 10 min", service: "ci-runners", severity: "low", at: minutesFrom(T0, i * 3) }));
    }
    const r1 = await groupAlert(ids[0]);
    const r2 = await groupAlert(ids[1]);
    expect(r1).toMatchObject({ decision: "wait", incidentId: null });
    expect(r2.reason).toContain("2 of 3");
    const r3 = await groupAlert(ids[2]);
    expect(r3.decision).toBe("open");
    const incident = await incidentOf(ids[0]);
    expect(incident?.id).toBe(r3.incidentId);
    expect(incident?.alertCount).toBe(3);

    // Other services are not held back.
    const other = await insertAlert({ title: "kafka broker offline", service: "kafka", at: T0 });
    expect((await groupAlert(other)).decision).toBe("open");
  });

  it("follows a cascade through the service catalog, but not to an unrelated service firing at the same time", async () => {
    const dbAlert = await insertAlert({ title: "payments-db writer unavailable", message: "RDS failover in progress", service: "payments-db", region: "eu-west-1", at: T0 });
    const api = await insertAlert({
      title: "payments-api 5xx rate above 5%",
      message: "HTTP 503: could not connect to payments-db:5432",
      service: "payments-api",
      region: "eu-west-1",
      errorCode: "HTTP 503",
      at: minutesFrom(T0, 1.5),
    });
    const unrelated = await insertAlert({ title: "search-cluster health yellow", message: "14 replica shards unassigned", service: "search-cluster", region: "eu-west-1", at: minutesFrom(T0, 2) });
    const root = await groupAlert(dbAlert);
    const dependent = await groupAlert(api);
    expect(dependent.incidentId).toBe(root.incidentId);
    expect(dependent.reason).toContain("payments-api depends on payments-db");
    expect(dependent.reason).toContain("its message names payments-db");
    expect((await groupAlert(unrelated)).incidentId).not.toBe(root.incidentId);
    expect((await incidentOf(api))!.affectedServices).toEqual(["payments-api", "payments-db"]);
  });

  it("links a dead node's pods across unrelated services by the node they run on, not an outage elsewhere in the cluster", async () => {
    const node = "ip-10-4-17-22.eu-west-1.compute.internal";
    const notReady = await insertAlert({ title: "KubeNodeNotReady", message: `${node} has been unready for more than 1 minute.`, service: "k8s-cluster", region: "eu-west-1", at: T0, labels: { cluster: "prod-euw1", node } });
    const unrelated = await insertAlert({ title: "pricing-db CPUUtilization > 90", message: "3 datapoints were greater than the threshold (90.0)", service: "pricing-db", region: "eu-west-1", at: minutesFrom(T0, 0.5), labels: { cluster: "prod-euw1" } });
    const pod = await insertAlert({ title: "KubePodNotReady", message: "Pod warehouse/scanner-ingest-5c7d8-vq2rt has been in a non-ready state for longer than 2 minutes.", service: "scanner-ingest", region: "eu-west-1", at: minutesFrom(T0, 3), labels: { namespace: "warehouse", node } });
    const root = await groupAlert(notReady);
    expect((await groupAlert(unrelated)).incidentId).not.toBe(root.incidentId);
    const joined = await groupAlert(pod);
    expect(joined.incidentId).toBe(root.incidentId);
    expect(joined.reason).toContain(`both name ${node}`);
  });

  it("keeps a slow cascade together while the dependency's alert still fires, and not after it resolved", async () => {
    const slowCascade = async (resolvedAt?: Date) => {
      await resetDatabase();
      const root = await insertAlert({
        title: "routing-db read latency above 20ms",
        message: "ReadLatency 48ms",
        service: "routing-db",
        region: "eu-west-1",
        severity: "medium",
        at: T0,
        ...(resolvedAt ? { status: "resolved" as const, resolvedAt } : {}),
      });
      // A low-severity replica warning keeps the incident open without being a failure that spreads.
      const replica = await insertAlert({ title: "routing-db replica read latency above 20ms", message: "ReadLatency 31ms", service: "routing-db", region: "eu-west-1", severity: "low", at: minutesFrom(T0, 1) });
      const later = await insertAlert({ title: "route-planner p95 plan latency above 5s", message: "p95 7.9s on POST /plan", service: "route-planner", region: "eu-west-1", at: minutesFrom(T0, 18) });
      const opened = await groupAlert(root);
      expect((await groupAlert(replica)).incidentId).toBe(opened.incidentId);
      return { opened, dependent: await groupAlert(later) };
    };
    const firing = await slowCascade();
    expect(firing.dependent).toMatchObject({ decision: "join", incidentId: firing.opened.incidentId });
    expect(firing.dependent.reason).toContain("route-planner depends on routing-db, the routing-db alert still firing");
    const resolved = await slowCascade(minutesFrom(T0, 10));
    expect((await incidentOf(resolved.opened.alertId))!.status).not.toBe("resolved");
    expect(resolved.dependent.decision).toBe("open");
  });


  it("finds an outage still going on an hour and a half after its last alert, and not once it is over or hours later", async () => {
    const longOutage = async (resolvedAt?: Date, lateMinutes = 90) => {
      await resetDatabase();
      const root = await insertAlert({
        title: "email-sender send failures above 5%",
        message: "SMTP 535 authentication failed on every send",
        service: "email-sender",
        region: "eu-west-1",
        severity: "high",
        at: T0,
        ...(resolvedAt ? { status: "resolved" as const, resolvedAt } : {}),
      });
      // A low-severity chatter alert keeps the incident open in the resolved case without being a failure.
      const chatter = await insertAlert({ title: "email-sender send failures above 5% on relay-2", service: "email-sender", region: "eu-west-1", severity: "low", at: minutesFrom(T0, 1) });
      const escalation = await insertAlert({
        title: "Customer support: notification emails not arriving",
        message: "Tickets since the evening: delivery emails missing",
        service: "notification-service",
        severity: "high",
        at: minutesFrom(T0, lateMinutes),
      });
      const opened = await groupAlert(root);
      expect((await groupAlert(chatter)).incidentId).toBe(opened.incidentId);
      return { opened, late: await groupAlert(escalation) };
    };
    const going = await longOutage();
    expect(going.late).toMatchObject({ decision: "join", incidentId: going.opened.incidentId });
    expect(going.late.reason).toContain("notification-service depends on email-sender, the email-sender alert still firing");
    const over = await longOutage(minutesFrom(T0, 20));
    expect(over.late.decision).toBe("open");
    // Past the two-hour horizon an alert that never resolved is more likely stale than the same outage.
    const stale = await longOutage(undefined, 150);
    expect(stale.late.decision).toBe("open");
  });
  it("keeps alerts with and without an environment race-free: concurrent related alerts end in one incident", async () => {
    const ids = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        insertAlert({
          title: "warehouse-gateway cannot reach site LEJ1",
          message: "connect timeout to LEJ1 handheld API",
          fingerprint: `lej1-${i}`,
          service: "warehouse-gateway",
          environment: i % 2 ? null : "prod",
          region: "eu-central-1",
          at: minutesFrom(T0, i * 0.1),
        }),
      ),
    );
    const results = await Promise.all(ids.map((id) => groupAlert(id)));
    expect(new Set(results.map((r) => r.incidentId)).size).toBe(1);
    expect(await db().incident.count()).toBe(1);
  });
});
