import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { parseJsonPreservingBigInts } from "@/lib/ingest/parse-helpers";
import { grafanaAdapter } from "@/lib/ingest/sources/grafana";
import type { NormalizedAlert } from "@/lib/ingest/types";

const fixture = (name: string) => readFileSync(`tests/fixtures/grafana/${name}.json`, "utf8");

function request(rawBody: string, headers: Record<string, string> = {}) {
  return { rawBody, headers: new Headers(headers), url: new URL("http://localhost:3000/api/webhooks/grafana") };
}

async function parseFixture(name: string) {
  const raw = fixture(name);
  return grafanaAdapter.parse(parseJsonPreservingBigInts(raw), request(raw));
}

async function alertsOf(name: string): Promise<NormalizedAlert[]> {
  const result = await parseFixture(name);
  if (result.kind !== "alerts") throw new Error(`expected alerts, got ${JSON.stringify(result)}`);
  return result.alerts;
}

const sign = (secret: string, text: string) => createHmac("sha256", secret).update(text).digest("hex");

describe("grafana adapter: HMAC signature", () => {
  const secret = "grafana-hmac-secret";
  const body = fixture("firing");

  it("accepts Grafana's hex HMAC-SHA256 of the body in the default header", async () => {
    const env = parseEnv({ GRAFANA_WEBHOOK_SECRET: secret });
    const ok = await grafanaAdapter.verify(request(body, { "X-Grafana-Alerting-Signature": sign(secret, body) }), env);
    expect(ok).toEqual({ ok: true });
  });

  it("rejects a tampered body, a wrong secret and a missing header", async () => {
    const env = parseEnv({ GRAFANA_WEBHOOK_SECRET: secret });
    const tampered = body.replace("184233", "184234");
    expect(await grafanaAdapter.verify(request(tampered, { "X-Grafana-Alerting-Signature": sign(secret, body) }), env)).toMatchObject({
      ok: false,
      status: 401,
    });
    expect(await grafanaAdapter.verify(request(body, { "X-Grafana-Alerting-Signature": sign("other", body) }), env)).toMatchObject({ ok: false });
    expect(await grafanaAdapter.verify(request(body), env)).toMatchObject({ ok: false, reason: expect.stringMatching(/X-Grafana-Alerting-Signature/) });
  });

  it("uses the configured header names and signs `timestamp:body` within the replay window", async () => {
    const env = parseEnv({
      GRAFANA_WEBHOOK_SECRET: secret,
      GRAFANA_SIGNATURE_HEADER: "X-Parcelwise-Signature",
      GRAFANA_TIMESTAMP_HEADER: "X-Parcelwise-Timestamp",
      WEBHOOK_REPLAY_WINDOW_SECONDS: "300",
    });
    const now = String(Math.floor(Date.now() / 1000));
    const good = { "X-Parcelwise-Signature": sign(secret, `${now}:${body}`), "X-Parcelwise-Timestamp": now };
    expect(await grafanaAdapter.verify(request(body, good), env)).toEqual({ ok: true });

    // Signature over the body alone is not enough once a timestamp header is configured.
    const bodyOnly = { "X-Parcelwise-Signature": sign(secret, body), "X-Parcelwise-Timestamp": now };
    expect(await grafanaAdapter.verify(request(body, bodyOnly), env)).toMatchObject({ ok: false });

    // A replayed request, correctly signed 10 minutes ago.
    const old = String(Math.floor(Date.now() / 1000) - 600);
    const replay = { "X-Parcelwise-Signature": sign(secret, `${old}:${body}`), "X-Parcelwise-Timestamp": old };
    expect(await grafanaAdapter.verify(request(body, replay), env)).toMatchObject({ ok: false, reason: expect.stringMatching(/replay window/) });

    // The timestamp cannot be swapped without breaking the signature.
    const swapped = { "X-Parcelwise-Signature": sign(secret, `${old}:${body}`), "X-Parcelwise-Timestamp": now };
    expect(await grafanaAdapter.verify(request(body, swapped), env)).toMatchObject({ ok: false });
    expect(await grafanaAdapter.verify(request(body, { "X-Parcelwise-Signature": good["X-Parcelwise-Signature"] }), env)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/timestamp/),
    });
  });

  it("falls back to a bearer/basic token when no secret is set, and refuses when neither is configured", async () => {
    const env = parseEnv({ GRAFANA_WEBHOOK_TOKEN: "graf-token" });
    expect(await grafanaAdapter.verify(request(body, { authorization: "Bearer graf-token" }), env)).toEqual({ ok: true });
    const basic = Buffer.from("grafana:graf-token").toString("base64");
    expect(await grafanaAdapter.verify(request(body, { authorization: `Basic ${basic}` }), env)).toEqual({ ok: true });
    expect(await grafanaAdapter.verify(request(body, { authorization: "Bearer wrong" }), env)).toMatchObject({ ok: false, status: 401 });
    expect(await grafanaAdapter.verify(request(body, { authorization: "Bearer graf-token" }), parseEnv({}))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/GRAFANA_WEBHOOK_SECRET nor GRAFANA_WEBHOOK_TOKEN/),
    });
  });
});

describe("grafana adapter: mapping", () => {
  it("maps each alert with the panel link, evaluated values and org", async () => {
    const [dispatch, tracking] = await alertsOf("firing");
    expect(dispatch).toMatchObject({
      source: "grafana",
      status: "firing",
      fingerprint: "a3e8f0c2d41b9f77",
      externalId: "a3e8f0c2d41b9f77:2026-11-24T05:42:10.000Z",
      title: "dispatch-service is 184k messages behind on parcel.scanned.v2",
      url: "https://grafana.parcelwise.internal/d/kafka-lag?orgId=1&viewPanel=4",
      runbookUrl: "https://runbooks.parcelwise.internal/routing/kafka-consumer-lag",
      sourceSeverity: "medium",
    });
    expect(dispatch.groupKey).toContain('alertname="Kafka consumer lag high"');
    expect(dispatch.labels).toMatchObject({ service: "dispatch-service", consumergroup: "dispatch-service.assignments", grafana_org_id: "1" });
    expect(dispatch.message).toMatch(/not being assigned to drivers/);
    expect(dispatch.message).toMatch(/Values: \[ var='A'.*value=184233/);
    expect(dispatch.occurredAt.toISOString()).toBe("2026-11-24T05:42:10.000Z");

    // Empty panel/dashboard URLs and valueString: rule link and values map instead.
    expect(tracking.url).toBe("https://grafana.parcelwise.internal/alerting/grafana/edd8f2ka0t1hcb/view?orgId=1");
    expect(tracking.message).toMatch(/Values: A=97120.5, C=1/);
  });

  it("resolves the same episode under the same externalId, with its end time", async () => {
    const [firing] = await alertsOf("firing");
    const [resolved] = await alertsOf("resolved");
    expect(resolved.status).toBe("resolved");
    expect(resolved.externalId).toBe(firing.externalId);
    expect(resolved.resolvedAt?.toISOString()).toBe("2026-11-24T06:20:10.000Z");
  });

  it("handles Grafana's own DatasourceNoData alerts: relative links, huge numeric fingerprint, null values, string orgId", async () => {
    const [noData] = await alertsOf("datasource-nodata");
    expect(noData.title).toBe("DatasourceNoData: Warehouse VPN tunnel up");
    expect(noData.fingerprint).toBe("93847261528394017");
    expect(noData.url).toBe("https://grafana.parcelwise.internal/d/wh-vpn/warehouse-vpn?orgId=3");
    expect(noData.labels).toMatchObject({ grafana_org_id: "3", datasource_uid: "P1809F7CD0C75ACF3", truncated_alerts: "3" });
    expect(noData.sourceSeverity).toBeUndefined();
    expect(noData.message).toBe("DatasourceNoData");
  });

  it("maps legacy dashboard alerting (Grafana ≤ 10): one identity per rule, ok resolves it", async () => {
    const [firing] = await alertsOf("legacy");
    expect(firing).toMatchObject({
      status: "firing",
      title: "Label printer queue full",
      externalId: "legacy:1:31",
      url: "https://grafana.parcelwise.internal/d/labels/label-printing?tab=alert&viewPanel=4&orgId=1",
      labels: { team: "warehouse", grafana_rule_id: "31", grafana_org_id: "1" },
    });
    expect(firing.message).toBe("Label printer queue above 95% for 10m\nValues: label-printer-service=97.3");
    const ok = JSON.parse(fixture("legacy"));
    Object.assign(ok, { state: "ok", title: "[OK] Label printer queue full", evalMatches: [] });
    const resolved = await grafanaAdapter.parse(ok, request(JSON.stringify(ok)));
    expect(resolved).toMatchObject({ kind: "alerts", alerts: [{ status: "resolved", externalId: "legacy:1:31" }] });
    const paused = { ...ok, state: "paused" };
    expect(await grafanaAdapter.parse(paused, request("{}"))).toMatchObject({ kind: "unmapped", reason: expect.stringMatching(/paused/) });
  });

  it("keeps bodies it cannot map as unmapped with a reason", async () => {
    expect(await grafanaAdapter.parse({ alerts: [] }, request("{}"))).toMatchObject({ kind: "unmapped" });
    expect(await grafanaAdapter.parse("text", request('"text"'))).toMatchObject({ kind: "unmapped" });
  });
});
