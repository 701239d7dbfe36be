import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { POST as moveRoute } from "@/app/api/alerts/[id]/move/route";
import { db } from "@/lib/db";
import { resetEnv } from "@/lib/env";
import { resolveSilentAlerts } from "@/lib/incidents/auto-resolve";
import { groupAlert } from "@/lib/triage/group";
import { resetDatabase } from "../helpers/db";
import { insertAlert, minutesFrom } from "./group-fixtures";

const T0 = new Date("2026-11-22T08:00:00Z");

describe("incident lifecycle edges", () => {
  beforeEach(async () => {
    await resetDatabase();
  });
  afterEach(() => {
    delete process.env.ALERT_SILENCE_RESOLVE_OVERRIDES;
    delete process.env.GROUPING_MIN_ALERTS_OVERRIDES;
    resetEnv();
  });

  it("resolves silent alerts per source: a source set to 0 is never resolved by silence", async () => {
    process.env.ALERT_SILENCE_RESOLVE_OVERRIDES = "sentry=0,cloudwatch=30";
    resetEnv();
    const sentry = await insertAlert({ title: "TypeError in checkout", source: "sentry", service: "checkout-web", at: T0 });
    const cloudwatch = await insertAlert({ title: "RDS CPU high", source: "cloudwatch", service: "payments-db", at: T0 });
    const datadog = await insertAlert({ title: "kafka lag", source: "datadog", service: "kafka", at: T0 });
    for (const id of [sentry, cloudwatch, datadog]) await groupAlert(id);
    await db().alert.updateMany({ data: { lastSeenAt: T0 } });

    const after45 = await resolveSilentAlerts({ now: minutesFrom(T0, 45) });
    expect(after45.alertsResolved).toBe(1);
    expect((await db().alert.findUniqueOrThrow({ where: { id: cloudwatch } })).status).toBe("resolved");
    await resolveSilentAlerts({ now: minutesFrom(T0, 10_000) });
    expect((await db().alert.findUniqueOrThrow({ where: { id: datadog } })).status).toBe("resolved");
    expect((await db().alert.findUniqueOrThrow({ where: { id: sentry } })).status).toBe("firing");
  });

  it("moves an alert that was waiting for the noise threshold into an incident by hand", async () => {
    process.env.GROUPING_MIN_ALERTS_OVERRIDES = "service:ci-runners=5";
    resetEnv();
    const waiting = await insertAlert({ title: "ci-runners queue wait above 10 min", service: "ci-runners", severity: "low", at: T0 });
    expect((await groupAlert(waiting)).decision).toBe("wait");
    const target = await groupAlert(await insertAlert({ title: "k8s node pool draining", service: "k8s-cluster", at: T0 }));

    const res = await moveRoute(
      new Request(`http://localhost/api/alerts/${waiting}/move`, { method: "POST", body: JSON.stringify({ incidentId: target.incidentId, actor: "ana" }) }),
      { params: Promise.resolve({ id: waiting }) },
    );
    expect(await res.json()).toMatchObject({ fromIncidentId: null, toIncidentId: target.incidentId });
    const incident = await db().incident.findUniqueOrThrow({ where: { id: target.incidentId! } });
    expect(incident.alertCount).toBe(2);
    expect(incident.affectedServices).toEqual(["ci-runners", "k8s-cluster"]);
    const stored = await db().alert.findUniqueOrThrow({ where: { id: waiting } });
    expect(stored.groupingReason).toBe("moved manually by ana");

    const unknown = await moveRoute(
      new Request("http://localhost/api/alerts/00000000-0000-4000-8000-000000000000/move", { method: "POST", body: JSON.stringify({ incidentId: "new", actor: "ana" }) }),
      { params: Promise.resolve({ id: "00000000-0000-4000-8000-000000000000" }) },
    );
    expect(unknown.status).toBe(404);
  });
});
