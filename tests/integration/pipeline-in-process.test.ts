import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as webhook } from "@/app/api/webhooks/[source]/route";
import { db, disconnectDb } from "@/lib/db";
import { env, resetEnv } from "@/lib/env";
import { payloadFor } from "@/datasets/alerts/payloads";
import { sampleAlert, siblingAlert } from "@/datasets/alerts/sample-alerts";
import { platformHeaders } from "@/datasets/alerts/sign-request";
import { sendEvent } from "@/lib/events/send";
import { drainInProcess } from "@/lib/pipeline/in-process";
import { setProviderOverrides } from "@/lib/pipeline/providers";
import { retriageAlert } from "@/lib/pipeline/retriage";
import { pipelineStatus } from "@/lib/pipeline/status";
import { stopInProcessPipeline, sweepOnce } from "@/lib/pipeline/start";
import { register } from "@/instrumentation";
import { startFakeSlack, type FakeSlack } from "../fakes/slack-server";
import { resetDatabase } from "../helpers/db";

/**
 * The in-process pipeline end to end on the real database: webhook route → stored alert → triage steps
 * (offline ML defaults) → incident → summary → Slack (a local fake webhook speaking Slack's answers).
 */

const TOKEN = "pipeline-test-token";
let slack: FakeSlack;

function post(body: unknown, deliveryId?: string) {
  const headers: Record<string, string> = { "content-type": "application/json", authorization: `Bearer ${TOKEN}` };
  if (deliveryId) headers["idempotency-key"] = deliveryId;
  const request = new Request("http://localhost:3000/api/webhooks/generic", { method: "POST", headers, body: JSON.stringify(body) });
  return webhook(request as never, { params: Promise.resolve({ source: "generic" }) });
}

async function postAndDrain(body: unknown) {
  const res = await post(body);
  expect(res.status).toBe(202);
  await drainInProcess(60_000);
  return res;
}

const actionTypes = async (incidentId: string) =>
  (await db().incidentAction.findMany({ where: { incidentId }, orderBy: { createdAt: "asc" } })).map((a) => a.type);

beforeAll(async () => {
  slack = await startFakeSlack();
});

beforeEach(async () => {
  await resetDatabase();
  Object.assign(process.env, {
    GENERIC_WEBHOOK_TOKEN: TOKEN,
    SLACK_WEBHOOK_URL: slack.url,
    SLACK_QUIET_PERIOD_MINUTES: "0",
    SUMMARY_DEBOUNCE_SECONDS: "0",
    PIPELINE_RETRY_BASE_MS: "5",
    PIPELINE_MAX_ATTEMPTS: "3",
    PIPELINE_CONCURRENCY: "4",
    PIPELINE_STEP_TIMEOUT_SECONDS: "60",
    APP_URL: "https://ops.parcelwise.example",
  });
  resetEnv();
  slack.messages.length = 0;
  slack.requests = 0;
});

afterEach(() => {
  setProviderOverrides(undefined);
  stopInProcessPipeline();
});

afterAll(async () => {
  await slack.close();
  await disconnectDb();
});

describe("in-process triage pipeline", () => {
  it("turns a webhook alert into a triaged alert, an incident with summary and timeline, and a Slack message", async () => {
    const res = await postAndDrain({
      id: "chk-5xx-1",
      title: "checkout-web 5xx error rate above 5% for 10 minutes",
      message: "HTTP 503 responses from checkout-web in eu-west-1; upstream payments-api timing out",
      severity: "critical",
      service: "checkout-web",
      environment: "production",
      labels: { region: "eu-west-1" },
    });
    const { alertIds } = (await res.json()) as { alertIds: string[] };
    expect(alertIds).toHaveLength(1);

    const alert = await db().alert.findUniqueOrThrow({ where: { id: alertIds[0] } });
    expect(alert.processingState).toBe("processed");
    expect(alert.processingError).toBeNull();
    expect(alert.severity).toBe("critical");
    expect(alert.team).toBe("checkout");
    expect(alert.serviceName).toBe("checkout-web");
    expect(alert.environment).toBe("production");
    expect(alert.embeddingModel).toBeTruthy();
    expect(alert.incidentId).toBeTruthy();

    const incident = await db().incident.findUniqueOrThrow({ where: { id: alert.incidentId! } });
    expect(incident.severity).toBe("critical");
    expect(incident.affectedServices).toEqual(["checkout-web"]);
    expect(incident.alertCount).toBe(1);
    expect(incident.summary).toMatch(/checkout-web/);
    expect(incident.summaryModel).toBeTruthy();
    expect(incident.summaryUpdatedAt).toBeInstanceOf(Date);
    expect(incident.lastNotifiedState).toBe("open:critical");

    const types = await actionTypes(incident.id);
    expect(types).toEqual(expect.arrayContaining(["incident_opened", "alert_added", "summary_updated", "notification_sent"]));

    expect(slack.messages).toHaveLength(1);
    expect(slack.messages[0].text).toContain(`https://ops.parcelwise.example/incidents/${incident.id}`);
    expect(slack.messages[0].text).toMatch(/^Incident opened: INC-\d+ \[critical\]/);
  });

  it("an Alertmanager group of three pods of one failure becomes one incident", async () => {
    process.env.ALERTMANAGER_WEBHOOK_TOKEN = "am-token";
    resetEnv();
    const first = sampleAlert("pipeline-am", 0, { start: new Date(Date.now() - 10 * 60_000), status: "firing" });
    const group = [first, siblingAlert(first, 0), siblingAlert(first, 1)];
    const body = payloadFor("alertmanager", group);
    const raw = JSON.stringify(body);
    const { headers } = platformHeaders("alertmanager", body, raw, env());
    const request = new Request("http://localhost:3000/api/webhooks/alertmanager", { method: "POST", headers, body: raw });
    const res = await webhook(request as never, { params: Promise.resolve({ source: "alertmanager" }) });
    expect(res.status).toBe(202);
    await drainInProcess(60_000);

    const alerts = await db().alert.findMany({ where: { source: "alertmanager" } });
    expect(alerts).toHaveLength(3);
    expect(alerts.every((a) => a.processingState === "processed" && a.serviceName === first.service)).toBe(true);
    expect(new Set(alerts.map((a) => a.incidentId)).size).toBe(1);
    const incident = await db().incident.findUniqueOrThrow({ where: { id: alerts[0].incidentId! } });
    expect(incident.alertCount).toBe(3);
    expect(incident.affectedServices).toEqual([first.service]);
    expect(incident.summary).toBeTruthy();
    expect(slack.messages).toHaveLength(1);
  });

  it("a classifier that keeps failing ends 'degraded' with rule-based values, never a lost alert", async () => {
    let calls = 0;
    setProviderOverrides({
      classifier: {
        name: "broken",
        classify: async () => {
          calls++;
          throw new Error("model server unreachable");
        },
      },
    });
    const res = await postAndDrain({
      id: "pay-lat-1",
      title: "payments-api p99 latency high",
      severity: "high",
      service: "payments-api",
      environment: "production",
    });
    const { alertIds } = (await res.json()) as { alertIds: string[] };
    const alert = await db().alert.findUniqueOrThrow({ where: { id: alertIds[0] } });
    expect(calls).toBe(3); // every attempt tried the model before falling back
    expect(alert.processingState).toBe("degraded");
    expect(alert.processingError).toMatch(/classification fell back to rules \(model server unreachable\)/);
    expect(alert.severity).toBe("high"); // the platform's own severity
    expect(alert.severityModel).toMatch(/^fallback:/);
    expect(alert.team).toBe("payments"); // catalog lookup
    expect(alert.teamModel).toMatch(/^fallback:/);
    // The rest of the pipeline still ran.
    expect(alert.serviceName).toBe("payments-api");
    expect(alert.incidentId).toBeTruthy();
  });

  it("a classifier that hangs times out, and the alert ends 'degraded' instead of stalling the queue", async () => {
    process.env.PIPELINE_STEP_TIMEOUT_SECONDS = "1";
    resetEnv();
    setProviderOverrides({ classifier: { name: "hung", classify: () => new Promise(() => {}) } });
    const res = await postAndDrain({ id: "hang-1", title: "pricing-service p99 4s", severity: "medium", service: "pricing-service", environment: "production" });
    const { alertIds } = (await res.json()) as { alertIds: string[] };
    const alert = await db().alert.findUniqueOrThrow({ where: { id: alertIds[0] } });
    expect(alert.processingState).toBe("degraded");
    expect(alert.processingError).toMatch(/classifier timed out after 1000 ms/);
    expect(alert.team).toBe("checkout");
    expect(alert.incidentId).toBeTruthy();
  });

  it("an embedder returning bad vectors ends 'degraded': grouped without similarity", async () => {
    setProviderOverrides({
      embedder: {
        model: "broken-embedder",
        dimensions: 384,
        embed: async () => [[1, 2, 3]], // wrong dimension: rejected by the vector helper, then fallback
      },
    });
    const res = await postAndDrain({ id: "geo-1", title: "geo-service down", service: "geo-service", environment: "production" });
    const { alertIds } = (await res.json()) as { alertIds: string[] };
    const alert = await db().alert.findUniqueOrThrow({ where: { id: alertIds[0] } });
    // A bad vector is an embedder failure: grouped without similarity, recorded as degraded.
    expect(alert.processingState).toBe("degraded");
    expect(alert.processingError).toMatch(/embedding failed.*384-dimension/);
    expect(alert.embeddingModel).toBe("fallback:none");
    expect(alert.incidentId).toBeTruthy();
  });

  it("a step that keeps failing after its retries leaves the alert visibly 'failed', with the error", async () => {
    setProviderOverrides({
      extractor: {
        name: "buggy",
        // A provider bug the database refuses (a service name must be text): not an ML outage, so no fallback.
        extract: async () => ({ provider: "buggy", model: "v0", service: 42 as unknown as string, all: {} }),
      },
    });
    const res = await postAndDrain({ id: "wh-1", title: "warehouse-api 502s", service: "warehouse-api", environment: "production" });
    const { alertIds } = (await res.json()) as { alertIds: string[] };
    const alert = await db().alert.findUniqueOrThrow({ where: { id: alertIds[0] } });
    expect(alert.processingState).toBe("failed");
    expect(alert.processingError).toMatch(/^triage failed: /);
    expect(alert.processingAttempts).toBe(1);
    expect(alert.incidentId).toBeNull();
    // Still stored raw, findable, and never re-queued by the sweep as if it were stuck.
    expect(await sweepOnce()).toEqual({ requeued: 0, autoResolved: 0, followedUp: 0, heartbeatAlerts: 0 });

    // Once the provider is fixed, a person can send it through again.
    setProviderOverrides(undefined);
    expect(await retriageAlert(alert.id)).toBe(true);
    await drainInProcess(60_000);
    const retried = await db().alert.findUniqueOrThrow({ where: { id: alert.id } });
    expect(retried.processingState).toBe("processed");
    expect(retried.processingError).toBeNull();
    expect(retried.processingAttempts).toBe(2);
    expect(retried.incidentId).toBeTruthy();
    expect(await retriageAlert(alert.id)).toBe(false); // already triaged
  });

  it("a resolve notification resolves the alert's incident and Slack hears about it", async () => {
    const firing = { id: "pd-1", title: "dispatch-service consumer lag", severity: "high", service: "dispatch-service", environment: "production" };
    await postAndDrain(firing);
    await postAndDrain({ ...firing, status: "resolved" });

    const alert = await db().alert.findFirstOrThrow({ where: { externalId: "pd-1" } });
    expect(alert.status).toBe("resolved");
    const incident = await db().incident.findUniqueOrThrow({ where: { id: alert.incidentId! } });
    expect(incident.status).toBe("resolved");
    expect(incident.openAlertCount).toBe(0);
    const types = await actionTypes(incident.id);
    expect(types).toEqual(expect.arrayContaining(["alert_resolved", "all_alerts_resolved", "status_changed"]));
    expect(slack.messages.map((m) => m.text?.split(":")[0])).toEqual(["Incident opened", "Incident resolved"]);
    // The summary followed the resolution.
    expect(types.filter((t) => t === "summary_updated")).toHaveLength(2);
  });

  it("an alert that arrives already resolved is triaged and leaves no open incident behind", async () => {
    await postAndDrain({ id: "late-1", title: "promo-service 5xx spike", severity: "high", service: "promo-service", environment: "production", status: "resolved" });
    const alert = await db().alert.findFirstOrThrow({ where: { externalId: "late-1" } });
    expect(alert.status).toBe("resolved");
    expect(alert.processingState).toBe("processed");
    expect(alert.severity).toBe("high");
    if (alert.incidentId) {
      const incident = await db().incident.findUniqueOrThrow({ where: { id: alert.incidentId } });
      expect(incident.status).toBe("resolved");
      expect(incident.openAlertCount).toBe(0);
    }
    expect(await db().incident.count({ where: { status: { not: "resolved" } } })).toBe(0);
    // Nothing ever fired: nobody is paged for it.
    expect(slack.messages).toHaveLength(0);
  });

  it("an alert firing again reopens its recently resolved incident", async () => {
    const firing = { id: "kafka-1", title: "kafka consumer lag on dispatch-events", severity: "high", service: "dispatch-service", environment: "production" };
    await postAndDrain(firing);
    await postAndDrain({ ...firing, status: "resolved" });
    const { incidentId } = await db().alert.findFirstOrThrow({ where: { externalId: "kafka-1" } });
    expect((await db().incident.findUniqueOrThrow({ where: { id: incidentId! } })).status).toBe("resolved");

    // A new delivery (the platform's re-fire carries a new time), not a retry of the first one.
    await postAndDrain({ ...firing, timestamp: new Date().toISOString() });
    const alert = await db().alert.findFirstOrThrow({ where: { externalId: "kafka-1" } });
    expect(alert.status).toBe("firing");
    expect(alert.incidentId).toBe(incidentId);
    const incident = await db().incident.findUniqueOrThrow({ where: { id: incidentId! } });
    expect(incident.status).toBe("open");
    expect(incident.openAlertCount).toBe(1);
    expect(slack.messages.map((m) => m.text?.split(":")[0])).toEqual(["Incident opened", "Incident resolved", "Incident reopened"]);
  });

  it("an alert firing again long after its incident resolved opens a new incident; the old one keeps its history", async () => {
    const firing = { id: "tls-1", title: "TLS certificate expires in 5 days: api.parcelwise.example", severity: "medium", service: "api-gateway", environment: "production" };
    await postAndDrain(firing);
    await postAndDrain({ ...firing, status: "resolved" });
    const { incidentId: oldId } = await db().alert.findFirstOrThrow({ where: { externalId: "tls-1" } });
    const longAgo = new Date(Date.now() - 3 * 3600_000);
    await db().incident.update({ where: { id: oldId! }, data: { resolvedAt: longAgo, lastAlertAt: longAgo } });

    await postAndDrain({ ...firing, timestamp: new Date().toISOString() });
    const alert = await db().alert.findFirstOrThrow({ where: { externalId: "tls-1" } });
    expect(alert.incidentId).toBeTruthy();
    expect(alert.incidentId).not.toBe(oldId);
    expect((await db().incident.findUniqueOrThrow({ where: { id: alert.incidentId! } })).status).toBe("open");
    const old = await db().incident.findUniqueOrThrow({ where: { id: oldId! } });
    expect(old.status).toBe("resolved");
    expect(await actionTypes(oldId!)).toContain("alert_moved");
  });

  it("re-summarizes when the third alert joins, not on the second", async () => {
    for (const n of [1, 2, 3]) {
      await postAndDrain({
        id: `cart-${n}`,
        title: `cart-service redis timeouts (pod ${n})`,
        severity: "medium",
        service: "cart-service",
        environment: "production",
        fingerprint: "cart-redis-timeouts",
      });
    }
    const incidents = await db().incident.findMany();
    expect(incidents).toHaveLength(1);
    expect(incidents[0].alertCount).toBe(3);
    expect(incidents[0].summaryAlertCount).toBe(3);
    const summaries = await db().incidentAction.findMany({ where: { type: "summary_updated" }, orderBy: { createdAt: "asc" } });
    expect(summaries.map((s) => (s.data as { reason: string }).reason)).toEqual(["new_incident", "alert_count"]);
    // One Slack message for the incident: alerts joining at the same severity are not news.
    expect(slack.messages).toHaveLength(1);
  });

  it("recovers alerts a crash left pending or processing, at start-up", async () => {
    const base = { source: "generic", rawPayload: {}, alertTimestamp: new Date(), title: "ledger-db replication lag 45s" };
    const pending = await db().alert.create({ data: { ...base, externalId: "crash-1", fingerprint: "crash-1", labels: { service: "ledger-db", env: "production" } } });
    const processing = await db().alert.create({
      data: { ...base, externalId: "crash-2", fingerprint: "crash-2", processingState: "processing", processingStartedAt: new Date(), processingAttempts: 1 },
    });
    // Server start: Next.js calls instrumentation's register() once, in the Node.js runtime.
    process.env.NEXT_RUNTIME = "nodejs";
    try {
      await register();
    } finally {
      delete process.env.NEXT_RUNTIME;
    }
    await drainInProcess(60_000);
    const rows = await db().alert.findMany({ where: { id: { in: [pending.id, processing.id] } } });
    expect(rows.map((r) => r.processingState).sort()).toEqual(["processed", "processed"]);
    expect(rows.every((r) => r.incidentId)).toBe(true);
    expect(rows.find((r) => r.id === processing.id)!.processingAttempts).toBe(2);
  });

  it("the sweep re-queues alerts whose event was lost, and auto-resolves alerts that went silent", async () => {
    // A lost event: stored but never announced.
    const lost = await db().alert.create({
      data: {
        source: "generic",
        externalId: "lost-1",
        fingerprint: "lost-1",
        title: "search-indexer queue backlog",
        rawPayload: {},
        alertTimestamp: new Date(),
        createdAt: new Date(Date.now() - 30 * 60_000),
      },
    });
    const r1 = await sweepOnce();
    expect(r1.requeued).toBe(1);
    await drainInProcess(60_000);
    const triaged = await db().alert.findUniqueOrThrow({ where: { id: lost.id } });
    expect(triaged.processingState).toBe("processed");

    // Silent for longer than ALERT_SILENCE_RESOLVE_MINUTES (240 by default).
    await db().alert.update({ where: { id: lost.id }, data: { lastSeenAt: new Date(Date.now() - 5 * 3600_000) } });
    const r2 = await sweepOnce();
    expect(r2.autoResolved).toBe(1);
    await drainInProcess(60_000);
    const resolved = await db().alert.findUniqueOrThrow({ where: { id: lost.id } });
    expect(resolved.status).toBe("resolved");
    const incident = await db().incident.findUniqueOrThrow({ where: { id: resolved.incidentId! } });
    expect(incident.status).toBe("resolved");
  });

  it("answers the webhook before triage runs, and triages a storm at most PIPELINE_CONCURRENCY at a time", async () => {
    process.env.PIPELINE_CONCURRENCY = "3";
    resetEnv();
    let running = 0;
    let peak = 0;
    setProviderOverrides({
      classifier: {
        name: "slow",
        classify: async (a) => {
          running++;
          peak = Math.max(peak, running);
          await new Promise((r) => setTimeout(r, 150));
          running--;
          return {
            severity: { provider: "test", model: "slow", value: a.sourceSeverity ?? "medium", confidence: 0.9 },
            team: { provider: "test", model: "slow", value: "routing", confidence: 0.9 },
          };
        },
      },
    });
    const storm = Array.from({ length: 12 }, (_, i) => ({
      id: `storm-${i}`,
      title: `geo-service pod geo-${i} CrashLoopBackOff`,
      severity: "high",
      service: "geo-service",
      environment: "production",
    }));
    const res = await post({ alerts: storm });
    expect(res.status).toBe(202);
    // Nothing was triaged inside the request: the alerts are stored and waiting.
    expect(await db().alert.count({ where: { processingState: "pending" } })).toBe(12);

    const during = await pipelineStatus();
    expect(during.mode).toBe("in-process");
    expect(during.alerts.pending + during.alerts.processing).toBeGreaterThan(0);
    expect(during.oldestPendingSeconds).not.toBeNull();

    await drainInProcess(60_000);
    expect(peak).toBe(3);
    expect(await db().alert.count({ where: { processingState: "processed" } })).toBe(12);
    expect(await pipelineStatus()).toMatchObject({
      alerts: { pending: 0, processing: 0, processed: 12, failed: 0 },
      oldestPendingSeconds: null,
      queue: { queued: 0, active: 0 },
    });
  });

  it("the sweep re-announces an incident whose summary and Slack message were lost", async () => {
    const opened = new Date(Date.now() - 30 * 60_000);
    const incident = await db().incident.create({
      data: {
        title: "notification-gateway SMS provider errors",
        severity: "high",
        firstAlertAt: opened,
        lastAlertAt: opened,
        createdAt: opened,
        alertCount: 1,
        openAlertCount: 1,
      },
    });
    const r = await sweepOnce();
    expect(r.followedUp).toBe(1);
    await drainInProcess(60_000);
    const row = await db().incident.findUniqueOrThrow({ where: { id: incident.id } });
    expect(row.summary).toBeTruthy();
    expect(row.lastNotifiedState).toBe("open:high");
    expect(slack.messages).toHaveLength(1);
    expect((await sweepOnce()).followedUp).toBe(0);
  });

  it("a summarizer that keeps failing still leaves a summary: the offline template, recorded as a fallback", async () => {
    setProviderOverrides({
      summarizer: {
        name: "anthropic",
        summarize: async () => {
          throw new Error("529 overloaded");
        },
      },
    });
    await postAndDrain({ id: "ledger-1", title: "ledger-service posting errors 4%", severity: "high", service: "ledger-service", environment: "production" });
    const incident = await db().incident.findFirstOrThrow();
    expect(incident.summary).toMatch(/ledger-service/);
    expect(incident.summaryModel).toBe("fallback:offline-template");
    const action = await db().incidentAction.findFirstOrThrow({ where: { incidentId: incident.id, type: "summary_updated" } });
    expect(action.data).toMatchObject({ reason: "new_incident", degradedFrom: "529 overloaded" });
  });

  it("debounces summaries: a burst of updates for one incident writes one summary", async () => {
    process.env.SUMMARY_DEBOUNCE_SECONDS = "1";
    resetEnv();
    let calls = 0;
    setProviderOverrides({
      summarizer: {
        name: "counting",
        summarize: async (input) => {
          calls++;
          return { provider: "test", model: "counting", text: `${input.incident.alertCount} alerts` };
        },
      },
    });
    const now = new Date();
    const incident = await db().incident.create({ data: { title: "redis-cache evictions", severity: "medium", firstAlertAt: now, lastAlertAt: now } });
    for (let i = 0; i < 6; i++) await sendEvent("incident/updated", { incidentId: incident.id, reason: "alert_added" });
    await drainInProcess(30_000);
    expect(calls).toBe(1);
    expect(await db().incidentAction.count({ where: { incidentId: incident.id, type: "summary_updated" } })).toBe(1);
  });

  it("sendEvent with invalid data neither throws nor triages anything", async () => {
    await expect(sendEvent("alert/received", { alertIds: ["not-a-uuid"] })).resolves.toBeUndefined();
    await drainInProcess(5_000);
    expect(await db().alert.count()).toBe(0);
  });
});
