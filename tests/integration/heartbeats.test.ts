import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as webhook } from "@/app/api/webhooks/[source]/route";
import { db, disconnectDb } from "@/lib/db";
import { resetEnv } from "@/lib/env";
import { listHeartbeats } from "@/lib/heartbeats/monitor";
import { resolveSilentAlerts } from "@/lib/incidents/auto-resolve";
import { drainInProcess } from "@/lib/pipeline/in-process";
import { stopInProcessPipeline, sweepOnce } from "@/lib/pipeline/start";
import { resetDatabase } from "../helpers/db";

/**
 * Alertmanager's Watchdog end to end on the real database: the webhook stores it, triage records it as
 * a heartbeat (no incident), and when it stops the sweep raises an incident of its own, which resolves
 * when the heartbeat returns.
 */

const TOKEN = "heartbeat-test-token";
const minutes = (n: number) => n * 60_000;

/** The body kube-prometheus-stack's Alertmanager sends for its Watchdog (repeat_interval 1m route). */
function watchdogBody(status: "firing" | "resolved" = "firing") {
  const labels = { alertname: "Watchdog", prometheus: "monitoring/k8s", severity: "none", cluster: "prod-euc1" };
  return {
    version: "4",
    groupKey: '{}/{alertname="Watchdog"}:{alertname="Watchdog"}',
    truncatedAlerts: 0,
    status,
    receiver: "opsrelay-heartbeat",
    groupLabels: { alertname: "Watchdog" },
    commonLabels: labels,
    commonAnnotations: {},
    externalURL: "https://alertmanager.parcelwise.internal",
    alerts: [
      {
        status,
        labels,
        annotations: {
          description:
            "This is an alert meant to ensure that the entire alerting pipeline is functional. This alert is always firing, therefore it should always be firing in Alertmanager and always fire against a receiver.",
          runbook_url: "https://runbooks.prometheus-operator.dev/runbooks/general/watchdog",
          summary: "An alert that should always be firing to certify that Alertmanager is working properly.",
        },
        startsAt: "2026-11-20T08:00:00.000Z",
        endsAt: status === "firing" ? "0001-01-01T00:00:00Z" : "2026-11-26T00:40:00.000Z",
        generatorURL: "https://prometheus.parcelwise.internal/graph?g0.expr=vector%281%29",
        fingerprint: "e0f6c8e5d8a3b1c2",
      },
    ],
  };
}

async function postAlertmanager(body: unknown) {
  const request = new Request("http://localhost:3000/api/webhooks/alertmanager", {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}`, "user-agent": "Alertmanager/0.28.1" },
    body: JSON.stringify(body),
  });
  const res = await webhook(request as never, { params: Promise.resolve({ source: "alertmanager" }) });
  expect(res.status).toBe(202);
  await drainInProcess(60_000);
  return ((await res.json()) as { alertIds: string[] }).alertIds;
}

/** As if the heartbeat had arrived every minute for the last hour and last came `silentMinutes` ago. */
async function giveHistory(alertId: string, silentMinutes: number) {
  const now = Date.now();
  await db().alert.update({
    where: { id: alertId },
    data: { createdAt: new Date(now - minutes(60 + silentMinutes)), lastSeenAt: new Date(now - minutes(silentMinutes)), occurrenceCount: 61 },
  });
}

beforeEach(async () => {
  await resetDatabase();
  Object.assign(process.env, {
    ALERTMANAGER_WEBHOOK_TOKEN: TOKEN,
    PIPELINE_RETRY_BASE_MS: "5",
    SUMMARY_DEBOUNCE_SECONDS: "0",
    HEARTBEAT_MISSING_MINUTES: "10",
  });
  resetEnv();
});

afterEach(() => {
  vi.useRealTimers();
  stopInProcessPipeline();
});

afterAll(async () => {
  await disconnectDb();
});

describe("heartbeats", () => {
  it("records Alertmanager's Watchdog as a heartbeat: processed, informational, in no incident", async () => {
    const [id] = await postAlertmanager(watchdogBody());
    const alert = await db().alert.findUniqueOrThrow({ where: { id } });
    expect(alert).toMatchObject({ isHeartbeat: true, severity: "info", processingState: "processed", incidentId: null });
    expect(alert.groupingReason).toMatch(/heartbeat "Watchdog"/);
    expect(await db().incident.count()).toBe(0);

    const [status] = await listHeartbeats();
    expect(status).toMatchObject({ alertId: id, source: "alertmanager", name: "Watchdog", missing: false, intervalObserved: false });
  });

  it("opens a critical incident when the heartbeat stops and resolves it when the heartbeat returns", async () => {
    const [heartbeatId] = await postAlertmanager(watchdogBody());
    await giveHistory(heartbeatId, 9);
    expect((await sweepOnce()).heartbeatAlerts).toBe(0);

    await giveHistory(heartbeatId, 12);
    expect((await sweepOnce()).heartbeatAlerts).toBe(1);
    await drainInProcess(60_000);
    const raised = await db().alert.findFirstOrThrow({ where: { source: "opsrelay" }, include: { incident: true } });
    expect(raised.title).toBe('Heartbeat "Watchdog" from alertmanager is missing');
    expect(raised.message).toMatch(/nothing received for 12 min; it repeats about every 1 min/);
    expect(raised.labels).toMatchObject({ alertname: "OpsRelayHeartbeatMissing", cluster: "prod-euc1", prometheus: "monitoring/k8s" });
    expect(raised.incident).toMatchObject({ status: "open", severity: "critical" });
    // Already raised: a second sweep changes nothing.
    expect((await sweepOnce()).heartbeatAlerts).toBe(0);
    expect(await db().alert.count({ where: { source: "opsrelay" } })).toBe(1);

    // Alertmanager's next repeat, six minutes later: a new delivery of the same bytes.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + minutes(6) });
    await postAlertmanager(watchdogBody());
    expect((await sweepOnce(new Date())).heartbeatAlerts).toBe(1);
    await drainInProcess(60_000);
    const after = await db().alert.findUniqueOrThrow({ where: { id: raised.id }, include: { incident: true } });
    expect(after.status).toBe("resolved");
    expect(after.incident?.status).toBe("resolved");
    expect((await db().alert.findUniqueOrThrow({ where: { id: heartbeatId } })).occurrenceCount).toBe(62);
  });

  it("treats a resolved notification for the heartbeat as the heartbeat stopping", async () => {
    await postAlertmanager(watchdogBody());
    await postAlertmanager(watchdogBody("resolved"));
    expect((await sweepOnce()).heartbeatAlerts).toBe(1);
    await drainInProcess(60_000);
    const raised = await db().alert.findFirstOrThrow({ where: { source: "opsrelay" } });
    expect(raised.message).toMatch(/alertmanager reported it resolved/);
  });

  it("is never resolved by the silent-alert sweep: its silence is the alarm", async () => {
    const [heartbeatId] = await postAlertmanager(watchdogBody());
    await db().alert.update({ where: { id: heartbeatId }, data: { lastSeenAt: new Date(Date.now() - minutes(600)) } });
    await resolveSilentAlerts();
    expect((await db().alert.findUniqueOrThrow({ where: { id: heartbeatId } })).status).toBe("firing");
  });
});
