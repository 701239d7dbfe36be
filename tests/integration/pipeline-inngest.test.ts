import { InngestTestEngine, mockCtx } from "@inngest/test";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { notifySlack } from "@/inngest/functions/notify-slack";
import { pipelineSweep } from "@/inngest/functions/pipeline-sweep";
import { summarizeIncident } from "@/inngest/functions/summarize-incident";
import { triageAlert } from "@/inngest/functions/triage-alert";
import { db, disconnectDb } from "@/lib/db";
import { resetEnv } from "@/lib/env";
import { drainInProcess } from "@/lib/pipeline/in-process";
import { setProviderOverrides } from "@/lib/pipeline/providers";
import { startFakeSlack, type FakeSlack } from "../fakes/slack-server";
import { resetDatabase } from "../helpers/db";

/**
 * Each Inngest function through @inngest/test (a fresh engine per test), with its steps running for
 * real against PostgreSQL. Events the steps emit go to the in-process runner (no Inngest configured).
 */

let slack: FakeSlack;

async function storedAlert(externalId: string, over: Record<string, unknown> = {}) {
  return db().alert.create({
    data: {
      source: "generic",
      externalId,
      fingerprint: `fp-${externalId}`,
      title: "route-planner p95 latency above 2s",
      message: "route-planner slow responses in eu-central-1",
      labels: { service: "route-planner", env: "production", region: "eu-central-1" },
      sourceSeverity: "high",
      rawPayload: { id: externalId },
      alertTimestamp: new Date(),
      ...over,
    },
  });
}

/** Step ids passed to step.run, in call order. */
const stepIds = (ctx: { step: { run: { mock: { calls: unknown[][] } } } }) => ctx.step.run.mock.calls.map((c) => c[0] as string);

beforeAll(async () => {
  slack = await startFakeSlack();
});

beforeEach(async () => {
  await resetDatabase();
  Object.assign(process.env, {
    SLACK_WEBHOOK_URL: slack.url,
    SLACK_QUIET_PERIOD_MINUTES: "0",
    SUMMARY_DEBOUNCE_SECONDS: "0",
    PIPELINE_RETRY_BASE_MS: "5",
  });
  resetEnv();
  slack.messages.length = 0;
});

afterEach(async () => {
  setProviderOverrides(undefined);
  await drainInProcess(60_000);
});

afterAll(async () => {
  await slack.close();
  await disconnectDb();
});

describe("triage-alert (Inngest)", () => {
  it("runs begin → heartbeat → classify → extract-entities → embed → group → settle → finish for each alert", async () => {
    const a = await storedAlert("inn-1");
    const b = await storedAlert("inn-2", { title: "route-planner error rate 12%", fingerprint: "fp-inn-2" });
    const t = new InngestTestEngine({ function: triageAlert, events: [{ name: "alert/received", data: { alertIds: [a.id, b.id] } }] });
    const { result, ctx } = await t.execute();

    const ids = stepIds(ctx as never);
    const order = ["begin", "heartbeat", "classify", "extract-entities", "embed", "group", "settle", "finish"];
    expect(ids).toEqual([...order.map((s) => `${s}:${a.id}`), ...order.map((s) => `${s}:${b.id}`)]);
    expect(result).toEqual([
      expect.objectContaining({ alertId: a.id, state: "processed", plan: "triage" }),
      expect.objectContaining({ alertId: b.id, state: "processed", plan: "triage" }),
    ]);
    const rows = await db().alert.findMany({ where: { id: { in: [a.id, b.id] } } });
    expect(rows.every((r) => r.processingState === "processed" && r.incidentId && r.serviceName === "route-planner")).toBe(true);
    expect(new Set(rows.map((r) => r.incidentId)).size).toBe(1);
  });

  it("fans a large batch out into events of at most 25 alerts", async () => {
    const ids = Array.from({ length: 60 }, () => crypto.randomUUID());
    const t = new InngestTestEngine({
      function: triageAlert,
      events: [{ name: "alert/received", data: { alertIds: ids } }],
      steps: [{ id: "fan-out", handler: () => ({ ids: ["e1", "e2", "e3"] }) }],
    });
    const { result, ctx } = await t.execute();
    expect(result).toEqual({ fannedOut: 3 });
    const sent = (ctx.step.sendEvent.mock.calls[0] as unknown[])[1] as Array<{ data: { alertIds: string[] } }>;
    expect(sent.map((e) => e.data.alertIds.length)).toEqual([25, 25, 10]);
    expect(sent.flatMap((e) => e.data.alertIds)).toEqual(ids);
  });

  it("skips an alert that is already triaged (a duplicate event)", async () => {
    const a = await storedAlert("inn-3", { processingState: "processed" });
    const t = new InngestTestEngine({ function: triageAlert, events: [{ name: "alert/received", data: { alertIds: [a.id] } }] });
    const { result, ctx } = await t.execute();
    expect(stepIds(ctx as never)).toEqual([`begin:${a.id}`]);
    expect(result).toEqual([expect.objectContaining({ state: "skipped" })]);
  });

  it("a failing classifier throws on early attempts (so Inngest retries) and falls back on the last", async () => {
    setProviderOverrides({
      classifier: {
        name: "down",
        classify: async () => {
          throw new Error("HF endpoint 503");
        },
      },
    });
    const a = await storedAlert("inn-4");
    const events: [{ name: string; data: { alertIds: string[] } }] = [{ name: "alert/received", data: { alertIds: [a.id] } }];

    // First attempt: the classify step fails and Inngest would retry it.
    const first = new InngestTestEngine({ function: triageAlert, events });
    const out = await first.execute();
    expect(stepIds(out.ctx as never)).toEqual([`begin:${a.id}`, `heartbeat:${a.id}`, `classify:${a.id}`]);
    expect(out.result).toBeUndefined();
    expect(JSON.stringify(out.error)).toContain("HF endpoint 503");
    expect((await db().alert.findUniqueOrThrow({ where: { id: a.id } })).processingState).toBe("processing");

    // Last attempt (attempt = retries): rule-based fallback, recorded as degraded.
    const last = new InngestTestEngine({
      function: triageAlert,
      events,
      transformCtx: (raw) => ({ ...mockCtx(raw), attempt: 2, maxAttempts: 3 }),
      steps: [{ id: `begin:${a.id}`, handler: () => ({ action: "triage" }) }],
    });
    const { result } = await last.execute();
    expect(result).toEqual([expect.objectContaining({ state: "degraded" })]);
    const row = await db().alert.findUniqueOrThrow({ where: { id: a.id } });
    expect(row.processingState).toBe("degraded");
    expect(row.severity).toBe("high");
    expect(row.severityModel).toBe("fallback:rules-v1");
    expect(row.processingError).toContain("HF endpoint 503");
  });
});

describe("function configuration", () => {
  it("summaries are debounced per incident; Slack runs one at a time per incident; triage retries per step", () => {
    // Read when the module loads: the defaults (SUMMARY_DEBOUNCE_SECONDS=30, at most 10 periods).
    expect(summarizeIncident.opts.debounce).toEqual({ key: "event.data.incidentId", period: "30s", timeout: "300s" });
    expect(notifySlack.opts.concurrency).toEqual({ key: "event.data.incidentId", limit: 1 });
    expect(triageAlert.opts.retries).toBe(2); // PIPELINE_MAX_ATTEMPTS (3) - 1
    expect(pipelineSweep.opts.triggers).toEqual([{ cron: "*/5 * * * *" }]);
  });
});

describe("summarize-incident and notify-slack (Inngest)", () => {
  async function incidentFromTriage() {
    const a = await storedAlert("inn-10", { sourceSeverity: "critical" });
    await new InngestTestEngine({ function: triageAlert, events: [{ name: "alert/received", data: { alertIds: [a.id] } }] }).execute();
    await drainInProcess(60_000); // the in-process copies of summary/notify triggered by groupAlert's event
    const { incidentId } = await db().alert.findUniqueOrThrow({ where: { id: a.id } });
    return incidentId!;
  }

  it("summarize-incident decides, then writes; a second run with nothing new only decides", async () => {
    const incidentId = await incidentFromTriage();
    await db().incident.update({ where: { id: incidentId }, data: { summary: null, summaryAlertCount: null } });
    const events: [{ name: string; data: { incidentId: string; reason: string } }] = [
      { name: "incident/updated", data: { incidentId, reason: "opened" } },
    ];
    const one = await new InngestTestEngine({ function: summarizeIncident, events }).execute();
    expect(stepIds(one.ctx as never)).toEqual(["decide", "summarize"]);
    expect(one.result).toMatchObject({ summarized: true, reason: "new_incident" });
    const incident = await db().incident.findUniqueOrThrow({ where: { id: incidentId } });
    expect(incident.summary).toContain("route-planner");

    const two = await new InngestTestEngine({ function: summarizeIncident, events }).execute();
    expect(stepIds(two.ctx as never)).toEqual(["decide"]);
    expect(two.result).toEqual({ summarized: false });
  });

  it("notify-slack plans and sends once; the same state is not announced twice", async () => {
    const incidentId = await incidentFromTriage();
    await db().incident.update({ where: { id: incidentId }, data: { lastNotifiedAt: null, lastNotifiedState: null } });
    slack.messages.length = 0;
    const events: [{ name: string; data: { incidentId: string; reason: string } }] = [
      { name: "incident/updated", data: { incidentId, reason: "opened" } },
    ];
    const one = await new InngestTestEngine({ function: notifySlack, events }).execute();
    expect(stepIds(one.ctx as never)).toEqual(["plan-0", "send-0"]);
    expect(one.result).toEqual({ sent: true, kind: "opened" });
    expect(slack.messages).toHaveLength(1);

    const two = await new InngestTestEngine({ function: notifySlack, events }).execute();
    expect(two.result).toEqual({ sent: false, why: "nothing new since the last message" });
    expect(slack.messages).toHaveLength(1);
  });

  it("notify-slack sleeps out the quiet period with step.sleepUntil before announcing a resolution", async () => {
    process.env.SLACK_QUIET_PERIOD_MINUTES = "10";
    resetEnv();
    const incidentId = await incidentFromTriage();
    await db().incident.update({ where: { id: incidentId }, data: { status: "resolved", resolvedAt: new Date() } });
    const events: [{ name: string; data: { incidentId: string; reason: string } }] = [
      { name: "incident/updated", data: { incidentId, reason: "resolved" } },
    ];
    slack.messages.length = 0;
    const { ctx, result } = await new InngestTestEngine({
      function: notifySlack,
      events,
      // Stand-in for the sleep: time passes, the quiet period is over when the run wakes up.
      steps: [
        {
          id: "quiet-period-0",
          handler: async () => {
            await db().incident.update({ where: { id: incidentId }, data: { lastNotifiedAt: new Date(Date.now() - 11 * 60_000) } });
          },
        },
      ],
    }).execute();
    expect(ctx.step.sleepUntil).toHaveBeenCalledWith("quiet-period-0", expect.any(Date));
    const until = (ctx.step.sleepUntil.mock.calls[0] as unknown[])[1] as Date;
    expect(until.getTime()).toBeGreaterThan(Date.now() + 9 * 60_000);
    expect(stepIds(ctx as never)).toEqual(["plan-0", "plan-1", "send-1"]);
    expect(result).toEqual({ sent: true, kind: "resolved" });
    expect(slack.messages.map((m) => m.text?.split(":")[0])).toEqual(["Incident resolved"]);
  });
});

describe("pipeline-sweep (Inngest cron)", () => {
  it("re-queues stuck alerts as alert/received events and auto-resolves silent ones", async () => {
    const stuck = await storedAlert("inn-20", { createdAt: new Date(Date.now() - 3600_000) });
    const silent = await storedAlert("inn-21", { processingState: "processed", lastSeenAt: new Date(Date.now() - 5 * 3600_000) });
    const fresh = await storedAlert("inn-22", { processingState: "processed", fingerprint: "fp-inn-22" });
    // step.sendEvent would reach Inngest: stand in for it, and assert what it was given.
    const t = new InngestTestEngine({ function: pipelineSweep, steps: [{ id: "requeue-0", handler: () => ({ ids: ["evt-1"] }) }] });
    const { result, ctx } = await t.execute();
    expect(result).toEqual({ requeued: 1, autoResolved: 1, incidentsResolved: 0, followedUp: 0, heartbeatAlerts: 0 });
    expect((await db().alert.findUniqueOrThrow({ where: { id: silent.id } })).status).toBe("resolved");
    expect((await db().alert.findUniqueOrThrow({ where: { id: fresh.id } })).status).toBe("firing");
    expect(ctx.step.sendEvent).toHaveBeenCalledWith("requeue-0", { name: "alert/received", data: { alertIds: [stuck.id] } });
  });

  it("raises an alert of OpsRelay's own for a heartbeat that went silent and announces it", async () => {
    const hourAgo = new Date(Date.now() - 3600_000);
    await storedAlert("inn-watchdog", {
      source: "alertmanager",
      title: "An alert that should always be firing to certify that Alertmanager is working properly.",
      labels: { alertname: "Watchdog", severity: "none" },
      processingState: "processed",
      isHeartbeat: true,
      createdAt: new Date(hourAgo.getTime() - 3600_000),
      lastSeenAt: hourAgo,
      occurrenceCount: 13,
    });
    const t = new InngestTestEngine({ function: pipelineSweep, steps: [{ id: "heartbeat-alerts", handler: () => ({ ids: ["evt-2"] }) }] });
    const { result, ctx } = await t.execute();
    expect(result).toMatchObject({ heartbeatAlerts: 1, autoResolved: 0 });
    const raised = await db().alert.findFirstOrThrow({ where: { source: "opsrelay" } });
    expect(raised.title).toBe('Heartbeat "Watchdog" from alertmanager is missing');
    expect(ctx.step.sendEvent).toHaveBeenCalledWith("heartbeat-alerts", { name: "alert/received", data: { alertIds: [raised.id] } });
  });
});
