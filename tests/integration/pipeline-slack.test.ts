import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { resetEnv } from "@/lib/env";
import { dispatchInProcess, drainInProcess } from "@/lib/pipeline/in-process";
import { startFakeSlack, type FakeSlack } from "../fakes/slack-server";
import { resetDatabase } from "../helpers/db";

/** Slack delivery through real HTTP to a local fake webhook: retries, Retry-After, permanent failures. */

let slack: FakeSlack;

async function openIncident(severity: "critical" | "high" = "high") {
  const now = new Date();
  return db().incident.create({
    data: {
      title: "payouts-worker stuck: 0 payouts processed in 20 min",
      severity,
      affectedServices: ["payouts-worker"],
      environments: ["production"],
      alertCount: 1,
      openAlertCount: 1,
      firstAlertAt: now,
      lastAlertAt: now,
      summary: "Payout batches are not being processed.",
    },
  });
}

async function notify(incidentId: string) {
  dispatchInProcess("incident/updated", { incidentId, reason: "opened" });
  await drainInProcess(30_000);
}

const actions = (incidentId: string) => db().incidentAction.findMany({ where: { incidentId }, orderBy: { createdAt: "asc" } });

beforeAll(async () => {
  slack = await startFakeSlack();
});

beforeEach(async () => {
  await resetDatabase();
  Object.assign(process.env, {
    SLACK_WEBHOOK_URL: slack.url,
    SLACK_QUIET_PERIOD_MINUTES: "0",
    SUMMARY_DEBOUNCE_SECONDS: "0",
    PIPELINE_RETRY_BASE_MS: "10",
    PIPELINE_MAX_ATTEMPTS: "3",
    SLACK_TIMEOUT_MS: "2000",
  });
  resetEnv();
  slack.messages.length = 0;
  slack.requests = 0;
});

afterAll(async () => {
  await slack.close();
  await disconnectDb();
});

describe("Slack notifications", () => {
  it("retries a 500 and records one notification_sent", async () => {
    const incident = await openIncident();
    slack.respondWith({ status: 500, body: "internal_error" });
    await notify(incident.id);
    expect(slack.requests).toBe(2);
    expect(slack.messages).toHaveLength(1);
    const types = (await actions(incident.id)).map((a) => a.type);
    expect(types.filter((t) => t.startsWith("notification_"))).toEqual(["notification_sent"]);
    const row = await db().incident.findUniqueOrThrow({ where: { id: incident.id } });
    expect(row.lastNotifiedState).toBe("open:high");
  });

  it("waits as long as a 429's Retry-After says before retrying", async () => {
    const incident = await openIncident();
    slack.respondWith({ status: 429, body: "rate_limited", retryAfterSeconds: 1 });
    const started = Date.now();
    await notify(incident.id);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(slack.messages).toHaveLength(1);
  });

  it("gives up at once on a revoked webhook (404) and records notification_failed, leaving it un-announced", async () => {
    const incident = await openIncident();
    slack.respondWith({ status: 404, body: "no_service" });
    await notify(incident.id);
    expect(slack.requests).toBe(1);
    const failed = (await actions(incident.id)).filter((a) => a.type === "notification_failed");
    expect(failed).toHaveLength(1);
    expect(failed[0].message).toContain("Slack answered 404: no_service");
    expect(failed[0].message).not.toContain(slack.url); // the webhook URL is a secret
    const row = await db().incident.findUniqueOrThrow({ where: { id: incident.id } });
    expect(row.lastNotifiedState).toBeNull(); // a later change will try again
  });

  it("after the last attempt of a failing Slack, records notification_failed with the attempt count", async () => {
    const incident = await openIncident();
    slack.respondWith({ status: 503 }, { status: 503 }, { status: 503 });
    await notify(incident.id);
    expect(slack.requests).toBe(3);
    const failed = (await actions(incident.id)).filter((a) => a.type === "notification_failed");
    expect(failed).toHaveLength(1);
    expect(failed[0].data).toMatchObject({ kind: "opened", attempts: 3, status: 503 });
  });

  it("an unreachable Slack (connection refused) fails the same way, never throwing into the pipeline", async () => {
    const incident = await openIncident();
    process.env.SLACK_WEBHOOK_URL = "http://127.0.0.1:9/services/nothing-listens-here";
    resetEnv();
    await notify(incident.id);
    const failed = (await actions(incident.id)).filter((a) => a.type === "notification_failed");
    expect(failed).toHaveLength(1);
    expect(failed[0].message).toContain("network error");
  });

  it("many updates in a burst produce one message per real change", async () => {
    const incident = await openIncident("high");
    for (let i = 0; i < 5; i++) dispatchInProcess("incident/updated", { incidentId: incident.id, reason: "alert_added" });
    await drainInProcess(30_000);
    expect(slack.messages).toHaveLength(1);
    await db().incident.update({ where: { id: incident.id }, data: { severity: "critical" } });
    for (let i = 0; i < 3; i++) dispatchInProcess("incident/updated", { incidentId: incident.id, reason: "escalated" });
    await drainInProcess(30_000);
    expect(slack.messages.map((m) => m.text?.split(":")[0])).toEqual(["Incident opened", "Incident escalated"]);
    expect(slack.messages[1].text).toContain("[high → critical]");
  });

  it("does nothing without SLACK_WEBHOOK_URL", async () => {
    delete process.env.SLACK_WEBHOOK_URL;
    resetEnv();
    const incident = await openIncident();
    await notify(incident.id);
    expect(slack.requests).toBe(0);
    expect((await actions(incident.id)).filter((a) => a.type.startsWith("notification_"))).toHaveLength(0);
  });
});
