import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { hmacHex } from "@/lib/ingest/auth";
import { pagerdutyAdapter, pagerdutySignatures } from "@/lib/ingest/sources/pagerduty";
import type { WebhookRequest } from "@/lib/ingest/types";

const text = (name: string) => readFileSync(`tests/fixtures/pagerduty/${name}.json`, "utf8");
const request = (rawBody: string, headers: Record<string, string> = {}): WebhookRequest => ({
  rawBody,
  headers: new Headers(headers),
  url: new URL("http://localhost/api/webhooks/pagerduty"),
});
const parse = (name: string) => pagerdutyAdapter.parse(JSON.parse(text(name)), request(text(name)));

describe("pagerduty adapter", () => {
  const env = parseEnv({ PAGERDUTY_WEBHOOK_SECRETS: "old-secret, new-secret" });

  it("splits the v1 signature list and ignores other versions", () => {
    expect(pagerdutySignatures("v1=abc,v1=def, v2=zzz")).toEqual(["abc", "def"]);
    expect(pagerdutySignatures(null)).toEqual([]);
  });

  it("accepts a signature made with any configured secret (rotation), among several signatures", () => {
    const raw = text("incident-triggered");
    const withNew = `v1=${hmacHex("unknown", raw)},v1=${hmacHex("new-secret", raw)}`;
    expect(pagerdutyAdapter.verify(request(raw, { "x-pagerduty-signature": withNew }), env)).toEqual({ ok: true });
    expect(pagerdutyAdapter.verify(request(raw, { "x-pagerduty-signature": `v1=${hmacHex("old-secret", raw)}` }), env)).toEqual({ ok: true });
    expect(pagerdutyAdapter.verify(request(raw, { "x-pagerduty-signature": `v1=${hmacHex("retired", raw)}` }), env)).toMatchObject({ ok: false, status: 401 });
    expect(pagerdutyAdapter.verify(request(raw.replace("P1", "P5"), { "x-pagerduty-signature": withNew }), env)).toMatchObject({ ok: false });
    expect(pagerdutyAdapter.verify(request(raw), env)).toMatchObject({ ok: false, reason: expect.stringMatching(/X-PagerDuty-Signature/) });
    expect(pagerdutyAdapter.verify(request(raw, { "x-pagerduty-signature": withNew }), parseEnv({}))).toMatchObject({ ok: false });
  });

  it("maps incident.triggered: priority, service, team, incident key", async () => {
    const result = await parse("incident-triggered");
    expect(result).toMatchObject({
      kind: "alerts",
      alerts: [
        {
          source: "pagerduty",
          externalId: "incident:Q2VNB5QXK1R7AZ",
          fingerprint: "pagerduty:key:route-planner/solver-timeouts/eu-central-1",
          status: "firing",
          title: "route-planner: VRP solver timeouts > 20% in eu-central-1",
          url: "https://parcelwise.pagerduty.com/incidents/Q2VNB5QXK1R7AZ",
          sourceSeverity: "critical",
          labels: { service: "route-planner", team: "Routing", priority: "P1", urgency: "high", escalation_policy: "Routing primary", incident_number: "18422" },
        },
      ],
    });
    if (result.kind === "alerts") expect(result.alerts[0].occurredAt.toISOString()).toBe("2026-11-25T10:04:11.000Z");
  });

  it("falls back to urgency when the incident has no priority", async () => {
    expect(await parse("incident-triggered-low-urgency")).toMatchObject({
      kind: "alerts",
      alerts: [{ sourceSeverity: "low", fingerprint: "pagerduty:incident:Q0LOWURG9", labels: { service: "label-printer-service" } }],
    });
  });

  it("maps incident.resolved to the same alert, resolved at the event time", async () => {
    const result = await parse("incident-resolved");
    expect(result).toMatchObject({ kind: "alerts", alerts: [{ externalId: "incident:Q2VNB5QXK1R7AZ", status: "resolved" }] });
    if (result.kind === "alerts") expect(result.alerts[0].resolvedAt?.toISOString()).toBe("2026-11-25T10:41:27.551Z");
  });

  it("acknowledges pings and non-state updates without storing", async () => {
    expect(await parse("ping")).toMatchObject({ kind: "control", status: 200, body: { ping: true } });
    expect(await parse("incident-acknowledged")).toMatchObject({ kind: "control", status: 200, body: { ignored: expect.stringMatching(/incident.acknowledged/) } });
  });

  it("keeps bodies that are not V3 events as unmapped", async () => {
    expect(await pagerdutyAdapter.parse({ messages: [{ event: "incident.trigger" }] }, request(""))).toMatchObject({ kind: "unmapped" });
    expect(await pagerdutyAdapter.parse({ event: { event_type: "incident.triggered", data: {} } }, request(""))).toMatchObject({ kind: "unmapped" });
  });

  it("uses event.id as the delivery id, X-Webhook-Id as fallback", () => {
    const raw = text("incident-triggered");
    expect(pagerdutyAdapter.deliveryId!(request(raw), JSON.parse(raw))).toBe("01FKQ8NL7BP9J4R1CHXWDF3K0A");
    expect(pagerdutyAdapter.deliveryId!(request("{}", { "x-webhook-id": "wh-1" }), {})).toBe("wh-1");
  });
});
