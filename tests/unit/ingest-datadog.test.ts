import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import type { NormalizedAlert, WebhookRequest } from "@/lib/ingest/types";
import { parseJsonPreservingBigInts } from "@/lib/ingest/parse-helpers";
import { datadogAdapter } from "@/lib/ingest/sources/datadog";

const text = (name: string) => readFileSync(`tests/fixtures/datadog/${name}.json`, "utf8");
const request = (rawBody: string, headers: Record<string, string> = {}): WebhookRequest => ({
  rawBody,
  headers: new Headers(headers),
  url: new URL("http://localhost/api/webhooks/datadog"),
});

async function parse(name: string): Promise<NormalizedAlert[]> {
  const raw = text(name);
  const result = await datadogAdapter.parse(parseJsonPreservingBigInts(raw), request(raw));
  if (result.kind !== "alerts") throw new Error(`expected alerts, got ${JSON.stringify(result)}`);
  return result.alerts;
}

describe("datadog adapter", () => {
  it("maps the default webhook template (title, body, date, org) without custom variables", async () => {
    const [alert] = await parse("default-template");
    expect(alert).toMatchObject({
      source: "datadog",
      status: "firing",
      title: "payments-api p99 latency above 1.5s",
      message: "@slack-payments-alerts p99 latency on payments-api is above 1.5s\n\n[Monitor Status](https://app.datadoghq.eu/monitors/48213377)",
      labels: { org: "Parcelwise" },
    });
    expect(alert.occurredAt.toISOString()).toBe("2026-11-25T10:00:00.000Z");
    expect(alert.sourceSeverity).toBeUndefined();
  });

  it("maps a customized template: monitor id, scope, tags, priority, cycle key, big unquoted $ID", async () => {
    const raw = text("custom-triggered");
    const [alert] = await parse("custom-triggered");
    expect(alert).toMatchObject({
      status: "firing",
      title: "payments-api p99 latency above 1.5s",
      message: "p99 latency is 2.31s (threshold 1.5s) for service:payments-api",
      groupKey: "a1b2c3d4e5f60718",
      sourceSeverity: "high",
      fingerprint: "datadog:48213377:env:prod,service:payments-api",
      externalId: "48213377:env:prod,service:payments-api:7183398437400000000",
      url: "https://app.datadoghq.eu/event/event?id=7183398437473470464",
      labels: {
        env: "prod",
        service: "payments-api",
        team: "payments",
        monitor: "",
        region: "eu-west-1",
        metric: "trace.http.request.duration.by.service.99p",
        monitor_id: "48213377",
        org: "Parcelwise",
      },
    });
    // the unquoted 19-digit $ID survives exactly as the delivery id
    expect(datadogAdapter.deliveryId!(request(raw), parseJsonPreservingBigInts(raw))).toBe("event:7183398437473470464");
    expect(JSON.parse(raw).id).not.toBe(7183398437473470464n.toString()); // plain JSON.parse would have lost it
  });

  it("maps Recovered to a resolution of the same alert cycle", async () => {
    const [fired] = await parse("custom-triggered");
    const [recovered] = await parse("custom-recovered");
    expect(recovered.status).toBe("resolved");
    expect(recovered.externalId).toBe(fired.externalId);
    expect(recovered.fingerprint).toBe(fired.fingerprint);
    expect(recovered.resolvedAt?.toISOString()).toBe("2026-11-25T10:15:00.000Z");
    expect(recovered.title).toBe(fired.title);
  });

  it("reads a nested template with renamed keys, numeric priority, JSON-string tags and epoch seconds", async () => {
    const [alert] = await parse("custom-warn-nested");
    expect(alert).toMatchObject({
      status: "firing",
      title: "kafka consumer lag high on dispatch-events",
      message: "Consumer lag 182k messages (warn at 100k)",
      sourceSeverity: "medium",
      labels: { service: "dispatch-service", env: "prod", team: "routing", consumer_group: "dispatch-service", kafka_cluster: "main" },
    });
    expect(alert.occurredAt.toISOString()).toBe("2026-11-25T09:55:00.000Z");
  });

  it("maps several alerts in one body, each with its own identity", async () => {
    const alerts = await parse("multi-alert");
    expect(alerts).toHaveLength(2);
    expect(alerts.map((a) => a.title)).toEqual(["redis-cache evictions spiking", "scanner-ingest heartbeat"]);
    expect(alerts.map((a) => a.sourceSeverity)).toEqual(["critical", "low"]);
    expect(alerts.map((a) => a.status)).toEqual(["firing", "firing"]);
    expect(alerts[0].labels.host).toBe("redis-cache-2");
    expect(new Set(alerts.map((a) => a.externalId)).size).toBe(2);
    const raw = text("multi-alert");
    expect(datadogAdapter.deliveryId!(request(raw), JSON.parse(raw))).toBe("event:7183401111111111111,7183401111111111112");
  });

  it("recognises a recovery from alert_type or the title prefix when the template has no transition", async () => {
    const body = { id: "1", alert_id: 9, alert_type: "success", title: "[Recovered] disk full on inventory-db" };
    const result = await datadogAdapter.parse(body, request(JSON.stringify(body)));
    expect(result).toMatchObject({ kind: "alerts", alerts: [{ status: "resolved", title: "disk full on inventory-db" }] });
    const byTitle = { id: "2", alert_id: 9, title: "[Recovered on {host:db-1}] disk full" };
    const r2 = await datadogAdapter.parse(byTitle, request(JSON.stringify(byTitle)));
    expect(r2).toMatchObject({ kind: "alerts", alerts: [{ status: "resolved", title: "disk full" }] });
  });

  it("keeps bodies it cannot map as unmapped, never throws", async () => {
    for (const body of [{ hello: "world" }, [], "just a string", 42, null]) {
      const result = await datadogAdapter.parse(body, request(JSON.stringify(body)));
      expect(result.kind).toBe("unmapped");
    }
  });

  it("authenticates with the configured token (bearer, basic or header) and rejects anything else", () => {
    const env = parseEnv({ DATADOG_WEBHOOK_TOKEN: "dd-token" });
    expect(datadogAdapter.verify(request("{}", { authorization: "Bearer dd-token" }), env)).toEqual({ ok: true });
    expect(datadogAdapter.verify(request("{}", { "x-opsrelay-token": "dd-token" }), env)).toEqual({ ok: true });
    expect(datadogAdapter.verify(request("{}", { authorization: "Bearer nope" }), env)).toMatchObject({ ok: false, status: 401 });
    expect(datadogAdapter.verify(request("{}"), env)).toMatchObject({ ok: false, status: 401 });
    expect(datadogAdapter.verify(request("{}"), parseEnv({}))).toMatchObject({ ok: false, reason: expect.stringMatching(/DATADOG_WEBHOOK_TOKEN/) });
    expect(datadogAdapter.verify(request("{}"), parseEnv({ OPSRELAY_INSECURE_WEBHOOKS: "true" }))).toEqual({ ok: true });
  });

  it("reads a template nested as a JSON string, with empty $TAGS, legacy priority words and a relative link", async () => {
    const raw = text("messy-template");
    const [alert] = await parse("messy-template");
    expect(alert).toMatchObject({
      status: "firing",
      title: "inventory-db replication lag > 30s",
      message: "Replication lag 47s on host:inventory-db-2\n\n@pagerduty-warehouse",
      fingerprint: "datadog:55501234:host:inventory-db-2,role:replica",
      url: "/monitors/55501234?from_ts=1795600000000",
      labels: { host: "inventory-db-2", role: "replica", monitor_id: "55501234" },
    });
    expect(alert.sourceSeverity).toBeUndefined(); // "normal" is an event priority, not a severity
    expect(alert.occurredAt.toISOString()).toBe("2026-11-25T10:01:00.000Z");
    expect(datadogAdapter.deliveryId!(request(raw), parseJsonPreservingBigInts(raw))).toBe("event:7183405555555555555");
  });

  it("treats Renotify and No Data as still firing, with the same identity as the trigger", async () => {
    const base = { alert_id: 12, alert_scope: "service:geo-service", title: "geo-service latency" };
    const ids = [];
    for (const transition of ["Triggered", "Renotify", "No Data", "Warn"]) {
      const result = await datadogAdapter.parse({ ...base, alert_transition: transition }, request("{}"));
      if (result.kind !== "alerts") throw new Error("expected alerts");
      expect(result.alerts[0].status).toBe("firing");
      ids.push(result.alerts[0].externalId);
    }
    expect(new Set(ids).size).toBe(1);
  });
});
