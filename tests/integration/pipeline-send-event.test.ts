import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { resetEnv } from "@/lib/env";
import { resetDatabase } from "../helpers/db";

/**
 * sendEvent with Inngest configured (INNGEST_EVENT_KEY): events go through the real Inngest SDK to a
 * local stand-in for the Inngest event API (POST /e/<event key>, answering { ids, status }). When that
 * API fails, sendEvent still returns normally and the stored alert stays 'pending' for the sweep.
 */

let server: Server;
let received: Array<{ path: string; body: Array<{ name: string; data: unknown }> }> = [];
let failWith: number | null = null;
let hang = false;

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      if (hang) return; // a black-holed event API: never answers
      if (failWith) {
        res.writeHead(failWith, { "content-type": "application/json" }).end(JSON.stringify({ error: "internal error", status: failWith }));
        return;
      }
      const body = JSON.parse(raw);
      received.push({ path: req.url ?? "", body });
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ids: body.map((_: unknown, i: number) => `evt-${i}`), status: 200 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  // Before the Inngest client is first imported: the SDK reads its settings once, at construction.
  process.env.INNGEST_EVENT_KEY = "test-event-key";
  process.env.INNGEST_BASE_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  resetEnv();
});

beforeEach(async () => {
  await resetDatabase();
  received = [];
  failWith = null;
  hang = false;
});

afterAll(async () => {
  delete process.env.INNGEST_EVENT_KEY;
  delete process.env.INNGEST_BASE_URL;
  resetEnv();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await disconnectDb();
});

async function pendingAlert() {
  return db().alert.create({
    data: { source: "generic", externalId: "inn-send-1", fingerprint: "f", title: "fraud-scorer timeouts", rawPayload: {}, alertTimestamp: new Date() },
  });
}

describe("sendEvent with Inngest configured", () => {
  it("selects Inngest and posts the event to the event API with the event key", async () => {
    const { pipelineMode } = await import("@/lib/events/mode");
    expect(pipelineMode()).toBe("inngest");
    const { sendEvent } = await import("@/lib/events/send");
    const alert = await pendingAlert();
    await sendEvent("alert/received", { alertIds: [alert.id] });
    expect(received).toHaveLength(1);
    expect(received[0].path).toBe("/e/test-event-key");
    expect(received[0].body).toEqual([expect.objectContaining({ name: "alert/received", data: { alertIds: [alert.id] } })]);
    // Nothing ran in-process: triage is Inngest's job now.
    expect((await db().alert.findUniqueOrThrow({ where: { id: alert.id } })).processingState).toBe("pending");
  });

  it("a failing event API never throws into the webhook; the alert stays pending for the sweep", async () => {
    failWith = 500;
    const { sendEvent } = await import("@/lib/events/send");
    const { findStuckAlerts } = await import("@/lib/pipeline/alert-state");
    const alert = await pendingAlert();
    await expect(sendEvent("alert/received", { alertIds: [alert.id] })).resolves.toBeUndefined();
    expect((await db().alert.findUniqueOrThrow({ where: { id: alert.id } })).processingState).toBe("pending");
    expect(await findStuckAlerts({ olderThanMinutes: 0 })).toEqual([alert.id]);
  });

  it("an event API that never answers holds the webhook for at most a few seconds", async () => {
    hang = true;
    const { sendEvent } = await import("@/lib/events/send");
    const alert = await pendingAlert();
    const started = Date.now();
    await expect(sendEvent("alert/received", { alertIds: [alert.id] })).resolves.toBeUndefined();
    expect(Date.now() - started).toBeLessThan(10_000);
    expect((await db().alert.findUniqueOrThrow({ where: { id: alert.id } })).processingState).toBe("pending");
  });
});
