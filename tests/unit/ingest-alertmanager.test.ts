import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { parseJsonPreservingBigInts } from "@/lib/ingest/parse-helpers";
import { alertmanagerAdapter } from "@/lib/ingest/sources/alertmanager";
import type { NormalizedAlert } from "@/lib/ingest/types";

const fixture = (name: string) => readFileSync(`tests/fixtures/alertmanager/${name}.json`, "utf8");

function request(rawBody: string, headers: Record<string, string> = {}) {
  return { rawBody, headers: new Headers(headers), url: new URL("http://localhost:3000/api/webhooks/alertmanager") };
}

async function alertsOf(name: string): Promise<NormalizedAlert[]> {
  const raw = fixture(name);
  const result = await alertmanagerAdapter.parse(parseJsonPreservingBigInts(raw), request(raw));
  if (result.kind !== "alerts") throw new Error(`expected alerts, got ${JSON.stringify(result)}`);
  return result.alerts;
}

describe("alertmanager adapter: verification", () => {
  const env = parseEnv({ ALERTMANAGER_WEBHOOK_TOKEN: "am-s3cret-token" });
  const body = fixture("firing-multi");

  it("accepts the configured token as bearer or basic password", async () => {
    expect(await alertmanagerAdapter.verify(request(body, { authorization: "Bearer am-s3cret-token" }), env)).toEqual({ ok: true });
    const basic = Buffer.from("alertmanager:am-s3cret-token").toString("base64");
    expect(await alertmanagerAdapter.verify(request(body, { authorization: `Basic ${basic}` }), env)).toEqual({ ok: true });
  });

  it("rejects a wrong or missing token with 401 and a reason", async () => {
    const wrong = await alertmanagerAdapter.verify(request(body, { authorization: "Bearer nope" }), env);
    expect(wrong).toMatchObject({ ok: false, status: 401 });
    const missing = await alertmanagerAdapter.verify(request(body), env);
    expect(missing).toMatchObject({ ok: false, status: 401, reason: expect.stringMatching(/missing credentials/) });
  });

  it("rejects everything when no token is configured, unless insecure webhooks are enabled", async () => {
    const unconfigured = await alertmanagerAdapter.verify(request(body, { authorization: "Bearer x" }), parseEnv({}));
    expect(unconfigured).toMatchObject({ ok: false, status: 401, reason: expect.stringMatching(/ALERTMANAGER_WEBHOOK_TOKEN/) });
    expect(await alertmanagerAdapter.verify(request(body), parseEnv({ OPSRELAY_INSECURE_WEBHOOKS: "1" }))).toEqual({ ok: true });
  });
});

describe("alertmanager adapter: mapping", () => {
  it("maps every alert of a grouped notification, each with its own status", async () => {
    const alerts = await alertsOf("firing-multi");
    expect(alerts).toHaveLength(3);
    expect(alerts.map((a) => a.status)).toEqual(["firing", "firing", "resolved"]);
    const [first, , third] = alerts;
    expect(first).toMatchObject({
      source: "alertmanager",
      fingerprint: "8f1c2a7b9e3d4f60",
      externalId: "8f1c2a7b9e3d4f60:2026-11-24T08:14:37.512Z",
      groupKey: '{}/{team="payments"}:{alertname="PostgresConnectionPoolExhausted", cluster="prod-eu-1"}',
      title: "payments-api has no free connections to payments-db",
      sourceSeverity: "critical",
      runbookUrl: "https://runbooks.parcelwise.internal/payments/pgbouncer-pool-exhausted",
    });
    expect(first.message).toMatch(/143 clients waiting/);
    expect(first.url).toMatch(/^https:\/\/prometheus\.parcelwise\.internal\/graph\?g0\.expr=/);
    expect(first.labels).toMatchObject({ service: "payments-api", database: "payments-db", team: "payments", pod: "payments-api-7d9c8b6f5-x2k4q" });
    expect(first.occurredAt.toISOString()).toBe("2026-11-24T08:14:37.512Z");
    expect(first.resolvedAt).toBeUndefined();
    // Common annotations fill in what an alert lacks (the runbook here).
    expect(alerts[1].runbookUrl).toBe(first.runbookUrl);
    expect(third.resolvedAt?.toISOString()).toBe("2026-11-24T08:16:22.000Z");
  });

  it("gives a re-notification and the resolution of the same firing episode the same externalId", async () => {
    const [firing] = await alertsOf("firing-multi");
    const [resolved] = await alertsOf("resolved");
    expect(resolved.status).toBe("resolved");
    expect(resolved.externalId).toBe(firing.externalId);
    expect(resolved.fingerprint).toBe(firing.fingerprint);
    expect(resolved.resolvedAt?.toISOString()).toBe("2026-11-24T08:41:07.512Z");
  });

  it("gives a re-fire after resolution a new externalId but the same fingerprint", async () => {
    const raw = JSON.parse(fixture("resolved"));
    raw.status = "firing";
    raw.alerts[0].status = "firing";
    raw.alerts[0].startsAt = "2026-11-24T11:02:00Z";
    raw.alerts[0].endsAt = "0001-01-01T00:00:00Z";
    const result = await alertmanagerAdapter.parse(raw, request(JSON.stringify(raw)));
    const [refire] = result.kind === "alerts" ? result.alerts : [];
    const [original] = await alertsOf("firing-multi");
    expect(refire.fingerprint).toBe(original.fingerprint);
    expect(refire.externalId).not.toBe(original.externalId);
  });

  it("copes with real-world variety: numbers, relative URLs, missing fields, page severity, truncation", async () => {
    const [crashloop, bare] = await alertsOf("odd-variety");
    expect(crashloop.groupKey).toBe("7733");
    expect(crashloop.sourceSeverity).toBe("critical"); // severity="page"
    expect(crashloop.labels).toMatchObject({ restarts: "17", ready: "false", reason: "OOMKilled", truncated_alerts: "12" });
    expect(crashloop.runbookUrl).toBe("https://runbooks.parcelwise.internal/platform/kube-pod-crashlooping");
    // A relative generatorURL is not a usable link: the Alertmanager UI filtered on the alert is.
    expect(crashloop.url).toBe(`http://alertmanager-main.monitoring.svc:9093/#/alerts?filter=${encodeURIComponent('{alertname="KubePodCrashLooping"}')}`);
    expect(crashloop.title).toBe("KubePodCrashLooping");
    expect(crashloop.message).toMatch(/OOMKilled, 17 restarts/);

    // No status, annotations, fingerprint or generatorURL: inherits, falls back, derives.
    expect(bare.status).toBe("firing");
    expect(bare.title).toBe("KubePodCrashLooping");
    expect(bare.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(bare.externalId).toBe(`${bare.fingerprint}:2026-11-23T22:05:41.000Z`);
    expect(bare.sourceSeverity).toBe("critical"); // from commonLabels
    expect(bare.labels.pod).toBe("geo-service-6f5b8d7c4-lk3j2");
  });

  it("derives the same fingerprint for the same label set regardless of order", async () => {
    const body = (labels: Record<string, string>) => ({ alerts: [{ labels, startsAt: "2026-11-24T10:00:00Z" }] });
    const a = await alertmanagerAdapter.parse(body({ alertname: "DiskFull", instance: "kafka-3" }), request("{}"));
    const b = await alertmanagerAdapter.parse(body({ instance: "kafka-3", alertname: "DiskFull" }), request("{}"));
    const c = await alertmanagerAdapter.parse(body({ instance: "kafka-4", alertname: "DiskFull" }), request("{}"));
    const fp = (r: typeof a) => (r.kind === "alerts" ? r.alerts[0].fingerprint : "");
    expect(fp(a)).toBe(fp(b));
    expect(fp(a)).not.toBe(fp(c));
  });

  it("normalizes the severity words Prometheus rules use", async () => {
    const severityOf = async (severity: string) => {
      const r = await alertmanagerAdapter.parse({ alerts: [{ labels: { alertname: "X", severity }, fingerprint: "f" }] }, request("{}"));
      return r.kind === "alerts" ? r.alerts[0].sourceSeverity : "unmapped";
    };
    expect(await severityOf("critical")).toBe("critical");
    expect(await severityOf("warning")).toBe("medium");
    expect(await severityOf("info")).toBe("info");
    expect(await severityOf("ticket")).toBe("medium");
    expect(await severityOf("P2")).toBe("high");
    expect(await severityOf("whenever")).toBeUndefined();
  });

  it("marks valid JSON that is not an Alertmanager notification as unmapped instead of throwing", async () => {
    expect(await alertmanagerAdapter.parse({ hello: "world" }, request("{}"))).toMatchObject({ kind: "unmapped" });
    expect(await alertmanagerAdapter.parse({ alerts: [] }, request("{}"))).toMatchObject({ kind: "unmapped" });
    expect(await alertmanagerAdapter.parse({ alerts: ["nope"] }, request("{}"))).toMatchObject({ kind: "unmapped", reason: expect.stringMatching(/alerts\[0\]/) });
    expect(await alertmanagerAdapter.parse([1, 2], request("[]"))).toMatchObject({ kind: "unmapped" });
    expect(await alertmanagerAdapter.parse(null, request("null"))).toMatchObject({ kind: "unmapped" });
  });
});
