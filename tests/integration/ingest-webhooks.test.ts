import { readFileSync } from "node:fs";
import http from "node:http";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as GET_ALERT } from "@/app/api/alerts/[id]/route";
import { POST } from "@/app/api/webhooks/[source]/route";
import { getAlert } from "@/lib/alerts/queries";
import { db, disconnectDb } from "@/lib/db";
import { resetEnv } from "@/lib/env";
import { hmacHex } from "@/lib/ingest/auth";
import { inProcessBusy } from "@/lib/pipeline/in-process";
import { resetDatabase } from "../helpers/db";

const SECRETS = {
  DATADOG_WEBHOOK_TOKEN: "dd-token-123",
  SENTRY_CLIENT_SECRET: "sentry-secret-456",
  PAGERDUTY_WEBHOOK_SECRETS: "pd-old,pd-new",
  GENERIC_WEBHOOK_TOKEN: "generic-token-789",
};
const fixture = (source: string, name: string) => readFileSync(`tests/fixtures/${source}/${name}.json`, "utf8");

/**
 * Waits (yielding to timers) until the in-process pipeline has finished with what we stored, so the
 * next reset does not race it. Summaries are not debounced here (SUMMARY_DEBOUNCE_SECONDS=0).
 */
async function settlePipeline(timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (inProcessBusy() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
}

function setEnv(extra: Record<string, string | undefined> = {}) {
  const base = { ...SECRETS, OPSRELAY_INSECURE_WEBHOOKS: undefined, WEBHOOK_MAX_BODY_BYTES: undefined, SUMMARY_DEBOUNCE_SECONDS: "0" };
  for (const [k, v] of Object.entries({ ...base, ...extra })) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnv();
}

/** What the webhook answers: 202 summary fields, or { error } for rejections. */
interface ResponseBody {
  alertIds: string[];
  error: { code: string; message: string; details?: unknown };
  [key: string]: unknown;
}

interface StoredRow {
  alert_timestamp: Date;
  created_at: Date;
  raw_id_text: string;
  raw_body_field: string;
  [key: string]: unknown;
}

async function post(source: string, body: string | ReadableStream<Uint8Array>, headers: Record<string, string> = {}) {
  const init: RequestInit & { duplex?: "half" } = { method: "POST", headers: { "content-type": "application/json", ...headers }, body };
  if (typeof body !== "string") init.duplex = "half";
  const response = await POST(new Request(`http://localhost:3000/api/webhooks/${source}`, init), { params: Promise.resolve({ source }) });
  const json = (await response.json()) as ResponseBody;
  // Our reads then never overlap the background triage (the embedded server's multiplexed
  // connections can mix up concurrent extended-protocol queries).
  await settlePipeline();
  return { status: response.status, json };
}

const datadog = (body: string, token = SECRETS.DATADOG_WEBHOOK_TOKEN) => post("datadog", body, { authorization: `Bearer ${token}` });
const generic = (body: unknown) => post("generic", typeof body === "string" ? body : JSON.stringify(body), { "x-opsrelay-token": SECRETS.GENERIC_WEBHOOK_TOKEN });

async function counts() {
  const [alerts, deliveries] = await Promise.all([db().alert.count(), db().webhookDelivery.count()]);
  return { alerts, deliveries };
}

describe(`webhook ingestion through the route handler (${process.env.OPSRELAY_TEST_DB === "embedded" ? "embedded PGlite" : "PostgreSQL server"})`, () => {
  beforeAll(() => setEnv());
  beforeEach(resetDatabase);
  // The in-process pipeline triages what we store; let it finish before the next reset.
  afterEach(() => settlePipeline());
  afterAll(async () => {
    setEnv(Object.fromEntries([...Object.keys(SECRETS), "SUMMARY_DEBOUNCE_SECONDS"].map((k) => [k, undefined])));
    await disconnectDb();
  });

  it("stores a Datadog alert raw with received time apart from occurrence time, and answers 202 with its id", async () => {
    const raw = fixture("datadog", "custom-triggered");
    const before = Date.now();
    const res = await datadog(raw);
    expect(res.status).toBe(202);
    expect(res.json).toMatchObject({ accepted: true, source: "datadog", duplicate: false, created: 1, deliveryId: "event:7183398437473470464" });
    expect(res.json.alertIds).toHaveLength(1);
    const rows = await db().$queryRaw<StoredRow[]>`
      SELECT a.source, external_id, fingerprint, status::text, title, occurrence_count, alert_timestamp, created_at,
             (d.payload->'id')::text AS raw_id_text, d.payload->>'body' AS raw_body_field,
             labels, source_severity::text
      FROM alerts a JOIN webhook_deliveries d ON d.id = a.first_delivery_id WHERE a.id = ${res.json.alertIds[0]}::uuid`;
    expect(rows).toHaveLength(1);
    const row = rows[0];
    expect(row).toMatchObject({
      source: "datadog",
      external_id: "48213377:env:prod,service:payments-api:7183398437400000000",
      fingerprint: "datadog:48213377:env:prod,service:payments-api",
      status: "firing",
      title: "payments-api p99 latency above 1.5s",
      occurrence_count: 1,
      source_severity: "high",
      labels: expect.objectContaining({ service: "payments-api", env: "prod" }),
    });
    // the complete raw payload, the 19-digit unquoted $ID exact (JSONB numeric, not a rounded double)
    expect(row.raw_id_text).toBe("7183398437473470464");
    expect(row.raw_body_field).toContain("p99 latency is 2.31s");
    expect(row.alert_timestamp.toISOString()).toBe("2026-11-25T10:00:00.000Z");
    expect(row.created_at.getTime()).toBeGreaterThanOrEqual(before - 5);
  });

  it("rejects wrong or missing credentials with 401 and stores nothing", async () => {
    const raw = fixture("datadog", "custom-triggered");
    for (const res of [await datadog(raw, "wrong"), await post("datadog", raw)]) {
      expect(res.status).toBe(401);
      expect(res.json.error).toMatchObject({ code: "unauthorized" });
    }
    const sentryRaw = fixture("sentry", "event-alert");
    const badSig = await post("sentry", sentryRaw, { "sentry-hook-resource": "event_alert", "sentry-hook-signature": hmacHex("not-the-secret", sentryRaw) });
    expect(badSig.status).toBe(401);
    const pd = fixture("pagerduty", "incident-triggered");
    expect((await post("pagerduty", pd, { "x-pagerduty-signature": `v1=${hmacHex("pd-retired", pd)}` })).status).toBe(401);
    expect(await counts()).toEqual({ alerts: 0, deliveries: 0 });
  });

  it("rejects a source whose secret is not configured unless OPSRELAY_INSECURE_WEBHOOKS is set", async () => {
    const raw = fixture("sentry", "event-alert");
    try {
      setEnv({ SENTRY_CLIENT_SECRET: undefined });
      const res = await post("sentry", raw, { "sentry-hook-resource": "event_alert" });
      expect(res.status).toBe(401);
      expect(res.json.error.message).toMatch(/SENTRY_CLIENT_SECRET is not configured/);
      expect(await counts()).toEqual({ alerts: 0, deliveries: 0 });
      setEnv({ SENTRY_CLIENT_SECRET: undefined, OPSRELAY_INSECURE_WEBHOOKS: "1" });
      expect((await post("sentry", raw, { "sentry-hook-resource": "event_alert" })).status).toBe(202);
      expect((await counts()).alerts).toBe(1);
    } finally {
      setEnv();
    }
  });

  it("never stores a platform retry twice, counts repeats of a firing alert, and resolves on recovery", async () => {
    const triggered = fixture("datadog", "custom-triggered");
    const first = await datadog(triggered);
    const retry = await datadog(triggered);
    expect(retry.status).toBe(202);
    expect(retry.json).toMatchObject({ duplicate: true, alertIds: first.json.alertIds, created: 0 });
    expect(await counts()).toEqual({ alerts: 1, deliveries: 1 });

    // Re-notification of the same firing alert: a new event id, same alert cycle
    const renotify = await datadog(triggered.replace("7183398437473470464", "7183398499999999999").replace('"last_updated": 1795600800000', '"last_updated": 1795601100000'));
    expect(renotify.json).toMatchObject({ duplicate: false, created: 0, updated: 1, alertIds: first.json.alertIds });
    let alert = await db().alert.findUniqueOrThrow({ where: { id: first.json.alertIds[0] } });
    expect(alert.occurrenceCount).toBe(2);
    expect(alert.lastSeenAt.getTime()).toBeGreaterThan(alert.createdAt.getTime() - 1);

    const recovered = await datadog(fixture("datadog", "custom-recovered"));
    expect(recovered.json).toMatchObject({ resolved: 1, alertIds: first.json.alertIds });
    alert = await db().alert.findUniqueOrThrow({ where: { id: first.json.alertIds[0] } });
    expect(alert.status).toBe("resolved");
    expect(alert.resolvedAt?.toISOString()).toBe("2026-11-25T10:15:00.000Z");
    expect(alert.occurrenceCount).toBe(2);
    expect(await counts()).toEqual({ alerts: 1, deliveries: 3 });

    // A stale firing retry older than the resolution does not reopen it
    await datadog(triggered.replace("7183398437473470464", "7183398400000000001"));
    alert = await db().alert.findUniqueOrThrow({ where: { id: first.json.alertIds[0] } });
    expect(alert.status).toBe("resolved");
  });

  it("reopens a resolved alert when it fires again later, and a new Datadog alert cycle is a new alert", async () => {
    const body = (id: string, transition: string, at: string, extra: Record<string, unknown> = {}) =>
      JSON.stringify({ id, alert_id: 777, alert_scope: "service:cart-service", alert_transition: transition, title: "cart-service 5xx rate", last_updated: at, ...extra });
    const fired = await datadog(body("1", "Triggered", "2026-11-25T10:00:00Z"));
    await datadog(body("2", "Recovered", "2026-11-25T10:10:00Z"));
    const again = await datadog(body("3", "Re-Triggered", "2026-11-25T10:20:00Z"));
    expect(again.json).toMatchObject({ created: 0, updated: 1, alertIds: fired.json.alertIds });
    const alert = await db().alert.findUniqueOrThrow({ where: { id: fired.json.alertIds[0] } });
    expect(alert).toMatchObject({ status: "firing", resolvedAt: null, occurrenceCount: 2 });
    // with $ALERT_CYCLE_KEY each trigger→recover cycle is its own alert, sharing the fingerprint
    const cycle = await datadog(body("4", "Triggered", "2026-11-25T11:00:00Z", { alert_cycle_key: "cycle-2" }));
    expect(cycle.json).toMatchObject({ created: 1 });
    const rows = await db().alert.findMany({ select: { fingerprint: true } });
    expect(new Set(rows.map((r) => r.fingerprint)).size).toBe(1);
    expect(rows).toHaveLength(2);
  });

  it("resolves by fingerprint among firing alerts of the source when the external id is unknown", async () => {
    const fired = await generic({ id: "run-1", fingerprint: "disk:inventory-db-1", title: "Disk 95% on inventory-db-1", service: "inventory-db" });
    const otherSource = await post("datadog", JSON.stringify({ id: "1", alert_id: 5, title: "x", aggreg_key: "disk:inventory-db-1" }), { authorization: `Bearer ${SECRETS.DATADOG_WEBHOOK_TOKEN}` });
    expect(otherSource.status).toBe(202);
    const resolved = await generic({ id: "run-2", fingerprint: "disk:inventory-db-1", title: "Disk 95% on inventory-db-1", status: "resolved" });
    expect(resolved.json).toMatchObject({ resolved: 1, created: 0, alertIds: fired.json.alertIds });
    const rows = await db().alert.findMany({ orderBy: { source: "asc" } });
    expect(rows.map((r) => [r.source, r.status])).toEqual([
      ["datadog", "firing"],
      ["generic", "resolved"],
    ]);
  });

  it("stores a resolution nobody fired as a resolved alert instead of dropping it", async () => {
    const res = await generic({ id: "late", title: "Queue depth normal again", status: "resolved", timestamp: "2026-11-25T10:00:00Z" });
    expect(res.json).toMatchObject({ created: 1 });
    const alert = await db().alert.findUniqueOrThrow({ where: { id: res.json.alertIds[0] } });
    expect(alert).toMatchObject({ status: "resolved", externalId: "late" });
  });

  it("50 concurrent identical deliveries create exactly one alert and one delivery", async () => {
    const raw = fixture("datadog", "custom-triggered");
    const results = await Promise.all(Array.from({ length: 50 }, () => datadog(raw)));
    expect(results.every((r) => r.status === 202)).toBe(true);
    const ids = new Set(results.flatMap((r) => r.json.alertIds));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => !r.json.duplicate)).toHaveLength(1);
    expect(await counts()).toEqual({ alerts: 1, deliveries: 1 });
    const alert = await db().alert.findFirstOrThrow();
    expect(alert.occurrenceCount).toBe(1);
  });

  it("50 concurrent distinct notifications of the same alert make one row counting 50 occurrences", async () => {
    // With no platform delivery id, identical bodies share a derived one (body hash): one delivery
    const same = await Promise.all(Array.from({ length: 50 }, () => generic({ id: "flapping-1", title: "Redis evictions", service: "redis-cache" })));
    expect(same.every((r) => r.status === 202)).toBe(true);
    expect(await counts()).toEqual({ alerts: 1, deliveries: 1 });
    await settlePipeline();
    await resetDatabase();
    const distinct = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        post("generic", JSON.stringify({ id: "flapping-1", title: "Redis evictions", service: "redis-cache" }), {
          "x-opsrelay-token": SECRETS.GENERIC_WEBHOOK_TOKEN,
          "idempotency-key": `n-${i}`,
        }),
      ),
    );
    expect(distinct.every((r) => r.status === 202)).toBe(true);
    expect(await counts()).toEqual({ alerts: 1, deliveries: 50 });
    expect((await db().alert.findFirstOrThrow()).occurrenceCount).toBe(50);
  });

  it("concurrent multi-alert bodies naming the same alerts in different orders neither deadlock nor lose counts", async () => {
    const ids = ["a", "b", "c", "d", "e"];
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => {
        const order = i % 2 === 0 ? ids : [...ids].reverse();
        return post("generic", JSON.stringify({ alerts: order.map((id) => ({ id: `shared-${id}`, title: `Shared ${id}` })) }), {
          "x-opsrelay-token": SECRETS.GENERIC_WEBHOOK_TOKEN,
          "idempotency-key": `batch-${i}`,
        });
      }),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(202));
    const rows = await db().alert.findMany({ select: { externalId: true, occurrenceCount: true }, orderBy: { externalId: "asc" } });
    expect(rows).toEqual(ids.map((id) => ({ externalId: `shared-${id}`, occurrenceCount: 20 })));
    expect((await counts()).deliveries).toBe(20);
  });

  it("stores every alert of a multi-alert body in one request", async () => {
    const res = await generic(fixture("generic", "batch"));
    expect(res.status).toBe(202);
    expect(res.json).toMatchObject({ created: 3 });
    expect(res.json.alertIds).toHaveLength(3);
    const rows = await db().alert.findMany({ select: { externalId: true, sourceSeverity: true } });
    expect(rows.map((r) => r.externalId)).toContain("1234567890123456789");
    const dd = await datadog(fixture("datadog", "multi-alert"));
    expect(dd.json.alertIds).toHaveLength(2);
    expect(await counts()).toEqual({ alerts: 5, deliveries: 2 });
  });

  it("stores a multi-alert body once, on its delivery, and shows it whole as each alert's raw payload; a repeat keeps the first body", async () => {
    const body = fixture("generic", "batch");
    const res = await generic(body);
    expect(res.json.alertIds).toHaveLength(3);
    const stored = await db().$queryRaw<{ own: number; pointing: number; bodies: number }[]>`
      SELECT count(*) FILTER (WHERE a.raw_payload IS NOT NULL)::int AS own, count(DISTINCT a.first_delivery_id)::int AS pointing,
             (SELECT count(*)::int FROM webhook_deliveries WHERE payload IS NOT NULL) AS bodies
      FROM alerts a`;
    expect(stored[0]).toEqual({ own: 0, pointing: 1, bodies: 1 });
    for (const id of res.json.alertIds) expect((await getAlert(id))!.rawPayload).toEqual(JSON.parse(body));

    // The same alerts again in a new delivery: counted as repeats, the new body is not stored, and every
    // alert still shows the body that first carried it.
    const again = await generic(body.replace(/^\{/, '{"note": "second delivery",'));
    expect(again.json).toMatchObject({ created: 0, updated: 3 });
    expect(await db().$queryRaw`SELECT count(*)::int AS n FROM webhook_deliveries WHERE payload IS NOT NULL`).toEqual([{ n: 1 }]);
    expect((await getAlert(res.json.alertIds[0]))!.rawPayload).toEqual(JSON.parse(body));
    const api = await GET_ALERT(new Request(`http://localhost:3000/api/alerts/${res.json.alertIds[1]}`), { params: Promise.resolve({ id: res.json.alertIds[1] }) });
    expect(((await api.json()) as { rawPayload: unknown }).rawPayload).toEqual(JSON.parse(body));
  });

  it("answers malformed JSON with 400 naming the problem, and stores nothing", async () => {
    for (const body of ['{"title": "x",', "", "not json at all"]) {
      const res = await generic(body);
      expect(res.status).toBe(400);
      expect(res.json.error.code).toMatch(/invalid_json|empty_body/);
      expect(res.json.error.message).toMatch(/JSON/);
    }
    expect(await counts()).toEqual({ alerts: 0, deliveries: 0 });
  });

  it("answers a body over WEBHOOK_MAX_BODY_BYTES with 413, declared or streamed", async () => {
    try {
      setEnv({ WEBHOOK_MAX_BODY_BYTES: "2048" });
      const big = JSON.stringify({ title: "big", message: "x".repeat(5000) });
      const declared = await generic(big);
      expect(declared.status).toBe(413);
      expect(declared.json.error).toMatchObject({ code: "payload_too_large", message: expect.stringMatching(/2048 bytes/) });
      // no Content-Length: a stream that keeps sending
      const bytes = new TextEncoder().encode(big);
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < bytes.length; i += 512) controller.enqueue(bytes.slice(i, i + 512));
          controller.close();
        },
      });
      const streamed = await post("generic", stream, { "x-opsrelay-token": SECRETS.GENERIC_WEBHOOK_TOKEN });
      expect(streamed.status).toBe(413);
      expect(await counts()).toEqual({ alerts: 0, deliveries: 0 });
      expect((await generic({ title: "small" })).status).toBe(202);
    } finally {
      setEnv();
    }
  });

  it("keeps valid JSON it cannot map as an unmapped alert with the raw payload", async () => {
    const res = await generic({ alerts: [{ severity: "high", message: "no title here" }] });
    expect(res.status).toBe(202);
    expect(res.json).toMatchObject({ unmapped: true, reason: expect.stringMatching(/title/) });
    const alert = await getAlert(res.json.alertIds[0]);
    expect(alert).toMatchObject({ processingState: "unmapped", source: "generic", title: "Unmapped generic payload" });
    expect(alert!.rawPayload).toEqual({ alerts: [{ severity: "high", message: "no title here" }] });
    // the same unmapped delivery retried stays one row
    await generic({ alerts: [{ severity: "high", message: "no title here" }] });
    expect(await counts()).toEqual({ alerts: 1, deliveries: 1 });
  });

  it("stores payloads with NUL characters and unpaired surrogates (PostgreSQL rejects both) instead of failing, bounding title and message", async () => {
    const res = await generic('{"title": "bad\\u0000byte", "message": "a\\u0000b", "labels": {"k": "\\\\u0000 literal"}}');
    expect(res.status).toBe(202);
    const alert = await db().alert.findUniqueOrThrow({ where: { id: res.json.alertIds[0] } });
    expect(alert.title).toBe("bad\ufffdbyte");
    const long = await generic({ title: "t".repeat(2000), message: "m".repeat(50_000) });
    const longRow = (await getAlert(long.json.alertIds[0]))!;
    expect([longRow.title.length, longRow.message.length]).toEqual([500, 10_000]);
    expect(((longRow.rawPayload as { message: string }).message).length).toBe(50_000);
    const surrogate = await generic('{"title": "lone \\ud800 surrogate", "message": "pair \\ud83d\\ude00 ok"}');
    expect(surrogate.status).toBe(202);
    const s2 = await db().alert.findUniqueOrThrow({ where: { id: surrogate.json.alertIds[0] } });
    expect(s2.title).toBe("lone \ufffd surrogate");
    expect(s2.message).toBe("pair \u{1F600} ok");
    expect((alert.labels as Record<string, string>).k).toBe("\\u0000 literal");
  });

  it("answers 503 with Retry-After when the database is unreachable, so the platform redelivers", async () => {
    const good = process.env.DATABASE_URL;
    try {
      process.env.DATABASE_URL = "postgresql://postgres@127.0.0.1:1/unreachable";
      const res = await POST(
        new Request("http://localhost:3000/api/webhooks/generic", {
          method: "POST",
          headers: { "x-opsrelay-token": SECRETS.GENERIC_WEBHOOK_TOKEN },
          body: JSON.stringify({ title: "db down" }),
        }),
        { params: Promise.resolve({ source: "generic" }) },
      );
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("10");
      expect(await res.json()).toMatchObject({ error: { code: "storage_unavailable" } });
    } finally {
      process.env.DATABASE_URL = good;
    }
    // the same delivery succeeds once the database is back
    expect((await generic({ title: "db down" })).status).toBe(202);
  });

  it("answers an unknown source with 404 JSON listing the known ones", async () => {
    const res = await post("nagios", "{}");
    expect(res.status).toBe(404);
    expect(res.json.error).toMatchObject({ code: "unknown_source", details: { knownSources: expect.arrayContaining(["datadog", "generic"]) } });
  });

  it("ingests signed Sentry and PagerDuty deliveries and follows their lifecycle", async () => {
    const sentryEvent = fixture("sentry", "event-alert");
    const sign = (raw: string) => hmacHex(SECRETS.SENTRY_CLIENT_SECRET, raw);
    const s1 = await post("sentry", sentryEvent, { "sentry-hook-resource": "event_alert", "sentry-hook-signature": sign(sentryEvent), "request-id": "req-1" });
    expect(s1).toMatchObject({ status: 202, json: { created: 1 } });
    const sentryResolved = fixture("sentry", "issue-resolved");
    const s2 = await post("sentry", sentryResolved, { "sentry-hook-resource": "issue", "sentry-hook-signature": sign(sentryResolved), "request-id": "req-2" });
    expect(s2.json).toMatchObject({ resolved: 1, alertIds: s1.json.alertIds });

    const pdSign = (raw: string) => `v1=${hmacHex("pd-new", raw)}`;
    const ping = fixture("pagerduty", "ping");
    expect(await post("pagerduty", ping, { "x-pagerduty-signature": pdSign(ping) })).toMatchObject({ status: 200, json: { ping: true } });
    const triggered = fixture("pagerduty", "incident-triggered");
    const p1 = await post("pagerduty", triggered, { "x-pagerduty-signature": pdSign(triggered) });
    expect(p1).toMatchObject({ status: 202, json: { created: 1 } });
    const ack = fixture("pagerduty", "incident-acknowledged");
    expect((await post("pagerduty", ack, { "x-pagerduty-signature": pdSign(ack) })).status).toBe(200);
    const resolved = fixture("pagerduty", "incident-resolved");
    const p2 = await post("pagerduty", resolved, { "x-pagerduty-signature": pdSign(resolved) });
    expect(p2.json).toMatchObject({ resolved: 1, alertIds: p1.json.alertIds });

    const rows = await db().alert.findMany({ select: { source: true, status: true }, orderBy: { source: "asc" } });
    expect(rows).toEqual([
      { source: "pagerduty", status: "resolved" },
      { source: "sentry", status: "resolved" },
    ]);
    expect((await counts()).deliveries).toBe(4);
  });

  it("emits alert/received with the new alert ids (through the Inngest SDK to a local event API), not for duplicates", async () => {
    const received: { name: string; data: { alertIds: string[] } }[] = [];
    const server = http.createServer((req, res) => {
      let body = "";
      req.on("data", (d) => (body += d));
      req.on("end", () => {
        const parsed = JSON.parse(body);
        received.push(...(Array.isArray(parsed) ? parsed : [parsed]));
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ ids: ["01TEST"], status: 200 }));
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    const { port } = server.address() as { port: number };
    try {
      setEnv({ INNGEST_EVENT_KEY: "test-event-key", INNGEST_BASE_URL: `http://127.0.0.1:${port}` });
      const raw = fixture("generic", "batch");
      const first = await generic(raw);
      await generic(raw); // a retry: nothing new to process
      expect(received).toHaveLength(1);
      expect(received[0].name).toBe("alert/received");
      expect(received[0].data.alertIds.sort()).toEqual([...first.json.alertIds].sort());
    } finally {
      setEnv({ INNGEST_EVENT_KEY: undefined, INNGEST_BASE_URL: undefined });
      await new Promise((r) => server.close(r));
    }
  });
});
