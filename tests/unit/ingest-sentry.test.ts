import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { hmacHex } from "@/lib/ingest/auth";
import { parseJsonPreservingBigInts } from "@/lib/ingest/parse-helpers";
import { sentryAdapter } from "@/lib/ingest/sources/sentry";
import type { WebhookRequest } from "@/lib/ingest/types";

const SECRET = "sentry-client-secret-4f1c";
const env = parseEnv({ SENTRY_CLIENT_SECRET: SECRET });
const text = (name: string) => readFileSync(`tests/fixtures/sentry/${name}.json`, "utf8");
const request = (rawBody: string, headers: Record<string, string> = {}): WebhookRequest => ({
  rawBody,
  headers: new Headers(headers),
  url: new URL("http://localhost/api/webhooks/sentry"),
});

async function parse(name: string, resource: string) {
  const raw = text(name);
  return sentryAdapter.parse(parseJsonPreservingBigInts(raw), request(raw, { "sentry-hook-resource": resource }));
}

describe("sentry adapter", () => {
  it("verifies sentry-hook-signature (hex HMAC-SHA256 of the exact body with the client secret)", () => {
    const raw = text("event-alert");
    const signature = hmacHex(SECRET, raw);
    expect(sentryAdapter.verify(request(raw, { "sentry-hook-signature": signature }), env)).toEqual({ ok: true });
    expect(sentryAdapter.verify(request(raw + "\n", { "sentry-hook-signature": signature }), env)).toMatchObject({ ok: false, status: 401 });
    expect(sentryAdapter.verify(request(raw, { "sentry-hook-signature": hmacHex("other", raw) }), env)).toMatchObject({ ok: false });
    expect(sentryAdapter.verify(request(raw), env)).toMatchObject({ ok: false, reason: expect.stringMatching(/sentry-hook-signature/) });
    expect(sentryAdapter.verify(request(raw, { "sentry-hook-signature": signature }), parseEnv({}))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/SENTRY_CLIENT_SECRET/),
    });
  });

  it("maps an issue alert (event_alert): issue identity, level, environment and project from tags and URL", async () => {
    const result = await parse("event-alert", "event_alert");
    expect(result).toMatchObject({
      kind: "alerts",
      alerts: [
        {
          source: "sentry",
          externalId: "issue:4511293847",
          fingerprint: "sentry:issue:4511293847",
          status: "firing",
          title: expect.stringMatching(/^PSQLException: FATAL: remaining connection slots/),
          message: expect.stringMatching(/^com\.parcelwise\.ledger\.LedgerRepository in postEntry\nPSQLException: FATAL/),
          sourceSeverity: "critical",
          url: "https://parcelwise.sentry.io/issues/4511293847/events/9f2e4b1c7a8d4e6f8b0c1d2e3f405162/",
          labels: { environment: "prod", project: "ledger-service", level: "fatal", service: "ledger-service", alert_rule: "Ledger fatal errors to OpsRelay" },
        },
      ],
    });
    if (result.kind === "alerts") expect(result.alerts[0].occurredAt.toISOString()).toBe("2026-11-25T10:02:11.482Z");
  });

  it("resolves the same alert when the issue webhook says resolved", async () => {
    const fired = await parse("event-alert", "event_alert");
    const resolved = await parse("issue-resolved", "issue");
    expect(resolved).toMatchObject({ kind: "alerts", alerts: [{ status: "resolved", labels: { project: "ledger-service", short_id: "LEDGER-SERVICE-3K" } }] });
    if (fired.kind === "alerts" && resolved.kind === "alerts") expect(resolved.alerts[0].externalId).toBe(fired.alerts[0].externalId);
  });

  it("maps metric alerts: critical/warning severities, the incident as identity, resolution", async () => {
    const critical = await parse("metric-alert-critical", "metric_alert");
    expect(critical).toMatchObject({
      kind: "alerts",
      alerts: [
        {
          externalId: "metric:88213",
          fingerprint: "sentry:metric-rule:19234",
          status: "firing",
          sourceSeverity: "critical",
          title: "Critical: checkout-web LCP p75 above 4s",
          message: "4.8s p75(measurements.lcp) in the last 10 minutes",
          labels: { project: "checkout-web", environment: "production", aggregate: "p75(measurements.lcp)" },
        },
      ],
    });
    // numeric alert_rule.id in the resolved body maps to the same identity
    const resolved = await parse("metric-alert-resolved", "metric_alert");
    expect(resolved).toMatchObject({ kind: "alerts", alerts: [{ externalId: "metric:88213", status: "resolved", fingerprint: "sentry:metric-rule:19234" }] });
    if (resolved.kind === "alerts") expect(resolved.alerts[0].resolvedAt?.toISOString()).toBe("2026-11-25T10:31:00.000Z");
    const warning = JSON.parse(text("metric-alert-critical"));
    warning.action = "warning";
    const w = await sentryAdapter.parse(warning, request("", { "sentry-hook-resource": "metric_alert" }));
    expect(w).toMatchObject({ kind: "alerts", alerts: [{ sourceSeverity: "medium" }] });
  });

  it("guesses the resource from the body when the header is missing", async () => {
    const raw = text("metric-alert-critical");
    const result = await sentryAdapter.parse(JSON.parse(raw), request(raw));
    expect(result).toMatchObject({ kind: "alerts", alerts: [{ externalId: "metric:88213" }] });
  });

  it("acknowledges installation and issue-assignment webhooks without creating alerts", async () => {
    const install = await sentryAdapter.parse({ action: "created", data: { installation: {} } }, request("", { "sentry-hook-resource": "installation" }));
    expect(install).toMatchObject({ kind: "control", status: 200 });
    const assigned = JSON.parse(text("issue-resolved"));
    assigned.action = "assigned";
    expect(await sentryAdapter.parse(assigned, request("", { "sentry-hook-resource": "issue" }))).toMatchObject({ kind: "control" });
  });

  it("keeps unknown shapes as unmapped", async () => {
    expect(await sentryAdapter.parse({ foo: 1 }, request(""))).toMatchObject({ kind: "unmapped" });
    expect(await sentryAdapter.parse({ action: "triggered", data: { event: {} } }, request("", { "sentry-hook-resource": "event_alert" }))).toMatchObject({ kind: "unmapped" });
  });

  it("uses the Request-ID header as the delivery id", () => {
    const raw = text("event-alert");
    expect(sentryAdapter.deliveryId!(request(raw, { "request-id": "a1b2" }), JSON.parse(raw))).toBe("a1b2");
    expect(sentryAdapter.deliveryId!(request(raw, { "sentry-hook-resource": "event_alert" }), JSON.parse(raw))).toBe(
      "event_alert:triggered:9f2e4b1c7a8d4e6f8b0c1d2e3f405162:Ledger fatal errors to OpsRelay",
    );
  });

  it("maps error.created (the error resource) like an issue alert, and issue.created as firing", async () => {
    const eventAlert = JSON.parse(text("event-alert"));
    const errorBody = { action: "created", data: { error: eventAlert.data.event } };
    const error = await sentryAdapter.parse(errorBody, request("", { "sentry-hook-resource": "error" }));
    expect(error).toMatchObject({ kind: "alerts", alerts: [{ externalId: "issue:4511293847", status: "firing", sourceSeverity: "critical" }] });
    const created = JSON.parse(text("issue-resolved"));
    created.action = "created";
    const issue = await sentryAdapter.parse(created, request("", { "sentry-hook-resource": "issue" }));
    expect(issue).toMatchObject({ kind: "alerts", alerts: [{ externalId: "issue:4511293847", status: "firing", title: expect.stringMatching(/^PSQLException/) }] });
    if (issue.kind === "alerts") expect(issue.alerts[0].occurredAt.toISOString()).toBe("2026-11-25T10:02:11.482Z");
  });
});
