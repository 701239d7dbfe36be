import { execFileSync } from "node:child_process";
import { createHmac, createSign } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/[source]/route";
import { platformHeaders } from "@/datasets/alerts/sign-request";
import { db, disconnectDb } from "@/lib/db";
import { env, resetEnv } from "@/lib/env";
import { setSnsFetcher } from "@/lib/ingest/sources/sns-certificates";
import type { SourceName } from "@/lib/ingest/types";
import { drainInProcess } from "@/lib/pipeline/in-process";
import { resetDatabase } from "../helpers/db";

/**
 * Alertmanager, Grafana and CloudWatch (via SNS) webhooks through the real route handler into the real
 * database, plus every committed sample of datasets/alerts/samples signed as its platform would.
 * AWS is unreachable, so the test plays SNS: an RSA key and self-signed certificate made with the
 * openssl CLI, envelopes signed as AWS documents it, and a local server standing in for the allow-listed
 * SNS hosts (certificate download and SubscribeURL), reached through setSnsFetcher().
 */

const SECRETS = {
  ALERTMANAGER_WEBHOOK_TOKEN: "am-token-314",
  GRAFANA_WEBHOOK_SECRET: "grafana-hmac-secret-159",
  DATADOG_WEBHOOK_TOKEN: "dd-token-265",
  SENTRY_CLIENT_SECRET: "sentry-secret-358",
  PAGERDUTY_WEBHOOK_SECRETS: "pd-secret-979",
  GENERIC_WEBHOOK_TOKEN: "generic-token-323",
};
const SETTINGS = [...Object.keys(SECRETS), "GRAFANA_TIMESTAMP_HEADER", "GRAFANA_WEBHOOK_TOKEN", "CLOUDWATCH_SNS_VERIFY", "CLOUDWATCH_SNS_TOPIC_ARNS", "OPSRELAY_INSECURE_WEBHOOKS", "SUMMARY_DEBOUNCE_SECONDS"];
const saved = Object.fromEntries(SETTINGS.map((k) => [k, process.env[k]]));

function setEnv(extra: Record<string, string | undefined> = {}) {
  const values: Record<string, string | undefined> = {
    ...Object.fromEntries(SETTINGS.map((k) => [k, undefined])),
    ...SECRETS,
    CLOUDWATCH_SNS_VERIFY: "1",
    SUMMARY_DEBOUNCE_SECONDS: "0",
    ...extra,
  };
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnv();
}

const fixture = (source: string, name: string) => readFileSync(`tests/fixtures/${source}/${name}.json`, "utf8");
const hmacHex = (secret: string, text: string) => createHmac("sha256", secret).update(text, "utf8").digest("hex");

interface ResponseBody {
  alertIds: string[];
  duplicate?: boolean;
  unmapped?: boolean;
  error: { code: string; message: string };
  [key: string]: unknown;
}

async function post(source: string, body: string, headers: Record<string, string> = {}) {
  const request = new Request(`http://localhost:3000/api/webhooks/${source}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
  const response = await POST(request, { params: Promise.resolve({ source }) });
  const json = (await response.json()) as ResponseBody;
  // The in-process triage runs after each POST; our reads must not overlap it (the embedded server's
  // multiplexed connections can mix up concurrent extended-protocol queries).
  await drainInProcess();
  return { status: response.status, json };
}

async function counts() {
  const [alerts, deliveries] = await Promise.all([db().alert.count(), db().webhookDelivery.count()]);
  return { alerts, deliveries };
}

interface Row {
  id: string;
  source: string;
  fingerprint: string;
  external_id: string;
  group_key: string | null;
  status: string;
  alert_timestamp: Date;
  resolved_at: Date | null;
  last_seen_at: Date;
  occurrence_count: number;
  raw_payload: unknown;
  processing_state: string;
}

const rows = () =>
  db().$queryRaw<Row[]>`
    SELECT a.id::text, a.source, fingerprint, external_id, group_key, status::text, alert_timestamp, resolved_at, last_seen_at,
           occurrence_count, COALESCE(a.raw_payload, d.payload) AS raw_payload, processing_state::text
    FROM alerts a LEFT JOIN webhook_deliveries d ON d.id = a.first_delivery_id ORDER BY fingerprint, alert_timestamp`;

// ---------- fake SNS ----------

type Envelope = Record<string, string | null | undefined>;
let certDir: string;
let privateKey: string;
let certificate: string;
let snsServer: Server;
const snsRequests: string[] = [];

// Written from AWS's documentation ("Verifying the signatures of Amazon SNS messages"), apart from lib/.
function snsCanonical(e: Envelope): string {
  const keys =
    e.Type === "Notification"
      ? ["Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"]
      : ["Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"];
  return keys
    .filter((k) => e[k] != null)
    .map((k) => `${k}\n${e[k]}\n`)
    .join("");
}

function snsSigned(e: Envelope): Envelope {
  const signer = createSign(e.SignatureVersion === "2" ? "RSA-SHA256" : "RSA-SHA1");
  signer.update(snsCanonical(e), "utf8");
  return { ...e, Signature: signer.sign(privateKey, "base64") };
}

/** SNS's HTTP POST: text/plain body, type/id/topic headers. */
function snsPost(e: Envelope, body = JSON.stringify(e)) {
  return post("cloudwatch", body, {
    "content-type": "text/plain; charset=UTF-8",
    "user-agent": "Amazon Simple Notification Service Agent",
    "x-amz-sns-message-type": String(e.Type),
    "x-amz-sns-message-id": String(e.MessageId),
    "x-amz-sns-topic-arn": String(e.TopicArn),
  });
}

const cloudwatchFixture = (name: string): Envelope => JSON.parse(fixture("cloudwatch", name));

// ---------- samples ----------

const SAMPLES_DIR = "datasets/alerts/samples";
/** Platform order: a "-resolved" sample follows the alert it resolves (plain sorting puts it first). */
const sampleOrder = (name: string) => name.replace(/-resolved\.json$/, "~resolved.json");

describe(`platform webhooks through the route handler (${process.env.OPSRELAY_TEST_DB === "embedded" ? "embedded PGlite" : "PostgreSQL server"})`, () => {
  beforeAll(async () => {
    setEnv();
    certDir = mkdtempSync(join(tmpdir(), "opsrelay-sns-it-"));
    execFileSync(
      "openssl",
      ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", join(certDir, "key.pem"), "-out", join(certDir, "cert.pem"), "-days", "2", "-subj", "/CN=sns.amazonaws.com"],
      { stdio: "ignore" },
    );
    privateKey = readFileSync(join(certDir, "key.pem"), "utf8");
    certificate = readFileSync(join(certDir, "cert.pem"), "utf8");
    snsServer = createServer((req, res) => {
      snsRequests.push(req.url ?? "");
      if (req.url?.endsWith(".pem")) res.writeHead(200, { "content-type": "application/x-pem-file" }).end(certificate);
      else if (req.url?.includes("Action=ConfirmSubscription")) res.writeHead(200, { "content-type": "text/xml" }).end("<ConfirmSubscriptionResponse/>");
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => snsServer.listen(0, "127.0.0.1", resolve));
  });

  beforeEach(async () => {
    setEnv();
    // Allow-listed SNS URLs go to the local fake (the allow-list itself still applies); this also empties the certificate cache.
    setSnsFetcher((url) => {
      const u = new URL(url);
      return fetch(`http://127.0.0.1:${(snsServer.address() as AddressInfo).port}${u.pathname}${u.search}`);
    });
    snsRequests.length = 0;
    await resetDatabase();
  });

  afterEach(() => drainInProcess());

  afterAll(async () => {
    // Let the in-process runner finish with what we stored, so the next file starts clean.
    await drainInProcess();
    setSnsFetcher(undefined);
    await new Promise((resolve) => snsServer.close(resolve));
    rmSync(certDir, { recursive: true, force: true });
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    resetEnv();
    await disconnectDb();
  });

  describe("Prometheus Alertmanager", () => {
    const alertmanager = (body: string, token = SECRETS.ALERTMANAGER_WEBHOOK_TOKEN) => post("alertmanager", body, { authorization: `Bearer ${token}`, "user-agent": "Alertmanager/0.28.1" });

    it("stores a 3-alert notification raw, counts a re-sent notification, resolves on recovery, and refuses a wrong token", async () => {
      const raw = fixture("alertmanager", "firing-multi");
      const body = JSON.parse(raw) as { groupKey: string; alerts: { fingerprint: string; startsAt: string; status: string }[] };
      expect(body.alerts).toHaveLength(3);

      const first = await alertmanager(raw);
      expect(first.status).toBe(202);
      expect(first.json).toMatchObject({ accepted: true, source: "alertmanager", duplicate: false, created: 3 });
      expect(new Set(first.json.alertIds).size).toBe(3);

      let stored = await rows();
      expect(stored.map((r) => r.id).sort()).toEqual([...first.json.alertIds].sort());
      for (const alert of body.alerts) {
        const row = stored.find((r) => r.fingerprint === alert.fingerprint);
        expect(row, alert.fingerprint).toBeDefined();
        expect(row!.source).toBe("alertmanager");
        expect(row!.group_key).toBe(body.groupKey);
        expect(row!.alert_timestamp.toISOString()).toBe(new Date(alert.startsAt).toISOString());
        expect(row!.status).toBe(alert.status);
        expect(row!.occurrence_count).toBe(1);
        // the whole notification, kept raw
        expect(row!.raw_payload).toEqual(body);
      }

      // A platform retry of the same bytes is one delivery: nothing counted twice.
      const retry = await alertmanager(raw);
      expect(retry.json).toMatchObject({ duplicate: true, created: 0 });
      expect(await counts()).toEqual({ alerts: 3, deliveries: 1 });
      expect((await rows()).map((r) => r.occurrence_count)).toEqual([1, 1, 1]);

      // Alertmanager re-sends the still-firing group at repeat_interval. With no delivery id from the
      // platform, a body with other bytes (here re-serialized compactly) hashes to a new delivery.
      const resent = JSON.stringify(body);
      expect(resent).not.toBe(raw);
      const again = await alertmanager(resent);
      expect(again.status).toBe(202);
      expect(again.json).toMatchObject({ duplicate: false, created: 0, updated: 3 });
      expect([...again.json.alertIds].sort()).toEqual([...first.json.alertIds].sort());
      expect(await counts()).toEqual({ alerts: 3, deliveries: 2 });
      stored = await rows();
      const byFp = (fp: string) => stored.find((r) => r.fingerprint === fp)!;
      for (const alert of body.alerts) {
        // firing repeats count; a repeated resolution is not an occurrence
        expect(byFp(alert.fingerprint).occurrence_count, alert.fingerprint).toBe(alert.status === "firing" ? 2 : 1);
      }

      // Recovery of one alert (payments-api) resolves exactly that row.
      const resolvedRaw = fixture("alertmanager", "resolved");
      const resolvedAlert = (JSON.parse(resolvedRaw) as { alerts: { fingerprint: string; endsAt: string }[] }).alerts[0];
      const recovered = await alertmanager(resolvedRaw);
      expect(recovered.status).toBe(202);
      expect(recovered.json).toMatchObject({ resolved: 1, created: 0 });
      expect(recovered.json.alertIds).toEqual([byFp(resolvedAlert.fingerprint).id]);
      stored = await rows();
      const statusByFp = Object.fromEntries(stored.map((r) => [r.fingerprint, r.status]));
      expect(statusByFp).toEqual(Object.fromEntries(body.alerts.map((a) => [a.fingerprint, a.fingerprint === resolvedAlert.fingerprint ? "resolved" : a.status])));
      expect(stored.find((r) => r.fingerprint === resolvedAlert.fingerprint)!.resolved_at?.toISOString()).toBe(new Date(resolvedAlert.endsAt).toISOString());

      // A wrong token: 401 naming the problem, nothing added or changed.
      const before = await rows();
      const forged = await alertmanager(JSON.stringify({ ...body, groupKey: "{}:{forged}", alerts: body.alerts.map((a) => ({ ...a, fingerprint: `x${a.fingerprint}` })) }), "not-the-token");
      expect(forged.status).toBe(401);
      expect(forged.json.error.code).toBe("unauthorized");
      const noToken = await post("alertmanager", raw.replace('"truncatedAlerts": 0', '"truncatedAlerts": 1'));
      expect(noToken.status).toBe(401);
      expect(await counts()).toEqual({ alerts: 3, deliveries: 3 });
      expect((await rows()).map((r) => [r.id, r.status, r.occurrence_count])).toEqual(before.map((r) => [r.id, r.status, r.occurrence_count]));
    });
  });

  describe("Grafana", () => {
    const SIG = "X-Grafana-Alerting-Signature";
    const TS = "X-Grafana-Alerting-Timestamp";

    it("accepts a correctly signed notification and refuses a tampered one with nothing stored", async () => {
      const raw = fixture("grafana", "firing");
      const tampered = raw.replace("184k messages behind", "1k messages behind");
      expect(tampered).not.toBe(raw);
      const bad = await post("grafana", tampered, { [SIG]: hmacHex(SECRETS.GRAFANA_WEBHOOK_SECRET, raw), "user-agent": "Grafana" });
      expect(bad.status).toBe(401);
      expect(bad.json.error.code).toBe("unauthorized");
      // once the secret is set, a bearer credential alone is not enough either
      const unsigned = await post("grafana", raw, { authorization: `Bearer ${SECRETS.GRAFANA_WEBHOOK_SECRET}` });
      expect(unsigned.status).toBe(401);
      expect(await counts()).toEqual({ alerts: 0, deliveries: 0 });

      const good = await post("grafana", raw, { [SIG]: hmacHex(SECRETS.GRAFANA_WEBHOOK_SECRET, raw), "user-agent": "Grafana" });
      expect(good.status).toBe(202);
      expect(good.json).toMatchObject({ accepted: true, source: "grafana", created: 2 });
      const stored = await rows();
      expect(stored.map((r) => [r.fingerprint, r.source, r.status, r.alert_timestamp.toISOString()])).toEqual([
        ["0d7c5b3a9e2f1846", "grafana", "firing", "2026-11-24T05:43:10.000Z"],
        ["a3e8f0c2d41b9f77", "grafana", "firing", "2026-11-24T05:42:10.000Z"],
      ]);
      expect(stored.map((r) => r.id).sort()).toEqual([...good.json.alertIds].sort());
      for (const row of stored) expect(row.raw_payload).toEqual(JSON.parse(raw));
    });

    it("with GRAFANA_TIMESTAMP_HEADER set, rejects a correctly signed but stale timestamp and accepts a fresh one", async () => {
      setEnv({ GRAFANA_TIMESTAMP_HEADER: TS });
      const raw = fixture("grafana", "firing");
      const signedAt = (seconds: number) => {
        const ts = String(seconds);
        return { [TS]: ts, [SIG]: hmacHex(SECRETS.GRAFANA_WEBHOOK_SECRET, `${ts}:${raw}`) };
      };
      const now = Math.floor(Date.now() / 1000);

      const stale = await post("grafana", raw, signedAt(now - 3600));
      expect(stale.status).toBe(401);
      expect(stale.json.error.message).toMatch(/replay window/);
      // the signature must cover the timestamp: a body-only signature is refused
      const bodyOnly = await post("grafana", raw, { [TS]: String(now), [SIG]: hmacHex(SECRETS.GRAFANA_WEBHOOK_SECRET, raw) });
      expect(bodyOnly.status).toBe(401);
      expect(await counts()).toEqual({ alerts: 0, deliveries: 0 });

      const fresh = await post("grafana", raw, signedAt(now));
      expect(fresh.status).toBe(202);
      expect(await counts()).toEqual({ alerts: 2, deliveries: 1 });
    });
  });

  describe("CloudWatch via SNS", () => {
    it("stores a signed ALARM, resolves it on the OK, and never stores a retried delivery twice", async () => {
      const alarm = snsSigned(cloudwatchFixture("alarm"));
      const fired = await snsPost(alarm);
      expect(fired.status).toBe(202);
      expect(fired.json).toMatchObject({ source: "cloudwatch", created: 1, deliveryId: alarm.MessageId });
      // the signature really was checked against the certificate from the (fake) SNS host
      expect(snsRequests).toContain("/SimpleNotificationService-9c6465fa7f48f5cacd23014631ec1136.pem");

      const retried = await snsPost(alarm);
      expect(retried.status).toBe(202);
      expect(retried.json).toMatchObject({ duplicate: true, alertIds: fired.json.alertIds });
      expect(await counts()).toEqual({ alerts: 1, deliveries: 1 });
      expect((await rows())[0].occurrence_count).toBe(1);

      const ok = await snsPost(snsSigned(cloudwatchFixture("ok")));
      expect(ok.status).toBe(202);
      expect(ok.json).toMatchObject({ resolved: 1, created: 0, alertIds: fired.json.alertIds });
      const stored = await rows();
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({
        id: fired.json.alertIds[0],
        fingerprint: "arn:aws:cloudwatch:eu-west-1:412398765210:alarm:payments-db-replica-lag-high",
        status: "resolved",
      });
      expect(stored[0].alert_timestamp.toISOString()).toBe("2026-11-24T07:57:14.302Z");
      expect(stored[0].resolved_at?.toISOString()).toBe("2026-11-24T08:31:44.017Z");
      expect((await counts()).deliveries).toBe(2);
    });

    it("refuses a notification whose Message was changed after signing, storing nothing", async () => {
      const alarm = snsSigned(cloudwatchFixture("alarm"));
      const tampered = { ...alarm, Message: alarm.Message!.replace('"NewStateValue":"ALARM"', '"NewStateValue":"OK"') };
      expect(tampered.Message).not.toBe(alarm.Message);
      const res = await snsPost(tampered);
      expect(res.status).toBe(401);
      expect(res.json.error).toMatchObject({ code: "unauthorized", message: expect.stringMatching(/signature does not match/) });
      expect(await counts()).toEqual({ alerts: 0, deliveries: 0 });
    });

    it("confirms a signed SubscriptionConfirmation by calling its SubscribeURL, and not an unsigned one", async () => {
      const confirmation = cloudwatchFixture("subscription-confirmation");
      const forged = await snsPost({ ...confirmation, Signature: snsSigned({ ...confirmation, Token: "someone-else" }).Signature });
      expect(forged.status).toBe(401);
      expect(snsRequests.some((u) => u.includes("Action=ConfirmSubscription"))).toBe(false);

      const res = await snsPost(snsSigned(confirmation));
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ ok: true, type: "SubscriptionConfirmation", topicArn: confirmation.TopicArn, confirming: true });
      const subscribe = new URL(confirmation.SubscribeURL!);
      expect(snsRequests).toContain(`${subscribe.pathname}${subscribe.search}`);
      expect(await counts()).toEqual({ alerts: 0, deliveries: 0 });
    });
  });

  it("accepts every committed sample (7 platforms) signed as its platform would, none stored as unmapped", async () => {
    const sources = readdirSync(SAMPLES_DIR).sort() as SourceName[];
    expect(sources).toEqual(["alertmanager", "cloudwatch", "datadog", "generic", "grafana", "pagerduty", "sentry"]);
    const settings = env();
    let sent = 0;
    for (const source of sources) {
      const names = readdirSync(join(SAMPLES_DIR, source))
        .filter((n) => n.endsWith(".json"))
        .sort((a, b) => (sampleOrder(a) < sampleOrder(b) ? -1 : 1));
      expect(names.length, source).toBeGreaterThan(0);
      for (const name of names) {
        let text = readFileSync(join(SAMPLES_DIR, source, name), "utf8");
        let body = JSON.parse(text) as unknown;
        // Committed SNS samples carry a placeholder signature only AWS could replace: re-signed with
        // the test certificate (their SigningCertURL is an allow-listed SNS host, served by the fake).
        if (source === "cloudwatch") {
          body = snsSigned(body as Envelope);
          text = JSON.stringify(body);
        }
        const { headers, missing } = platformHeaders(source, body, text, settings);
        expect(missing, `${source}/${name}`).toEqual([]);
        const res = await post(source, text, headers);
        sent++;
        expect(res.status, `${source}/${name}: ${JSON.stringify(res.json)}`).toBe(202);
        expect(res.json.unmapped, `${source}/${name}`).toBeUndefined();
        expect(res.json.duplicate, `${source}/${name}`).toBe(false);
        expect(res.json.alertIds.length, `${source}/${name}`).toBeGreaterThan(0);
      }
    }
    expect(sent).toBeGreaterThanOrEqual(sources.length * 2);
    expect((await counts()).deliveries).toBe(sent);
    const perSource = await db().$queryRaw<{ source: string; n: number; unmapped: number; resolved: number }[]>`
      SELECT source, count(*)::int AS n, count(*) FILTER (WHERE processing_state = 'unmapped')::int AS unmapped,
             count(*) FILTER (WHERE status = 'resolved')::int AS resolved
      FROM alerts GROUP BY source ORDER BY source`;
    expect(perSource.map((r) => r.source)).toEqual(sources);
    for (const r of perSource) {
      expect(r.unmapped, r.source).toBe(0);
      // each platform's "-resolved" sample resolved the alert it follows
      expect(r.resolved, r.source).toBeGreaterThan(0);
    }
  });
});
