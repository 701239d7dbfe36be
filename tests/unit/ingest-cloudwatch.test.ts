import { execFileSync } from "node:child_process";
import { createSign, X509Certificate } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { cloudwatchAdapter } from "@/lib/ingest/sources/cloudwatch";
import { awsRegionCode } from "@/lib/ingest/sources/aws-regions";
import { isAwsSnsCertificateUrl, setSnsFetcher } from "@/lib/ingest/sources/sns-certificates";
import { verifySnsSignature, type SnsEnvelope } from "@/lib/ingest/sources/sns-signature";
import type { NormalizedAlert } from "@/lib/ingest/types";

/**
 * AWS is unreachable here, so the test plays SNS: its own RSA key and self-signed certificate (made
 * with the openssl CLI), envelopes signed exactly as SNS documents, and the certificate served from a
 * local HTTP server that the allow-listed SNS certificate URLs are routed to.
 */

type Envelope = Record<string, string | null | undefined>;
const fixture = (name: string): Envelope => JSON.parse(readFileSync(`tests/fixtures/cloudwatch/${name}.json`, "utf8"));

let dir: string;
let privateKey: string;
let certificate: string;
let server: Server;
const served: string[] = [];

// Written from AWS's documentation independently of lib/ingest/sources/sns-signature.ts.
function canonical(e: Envelope): string {
  const keys =
    e.Type === "Notification"
      ? ["Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"]
      : ["Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"];
  return keys.filter((k) => e[k] != null).map((k) => `${k}\n${e[k]}\n`).join("");
}

function signed(e: Envelope): Envelope {
  const signer = createSign(e.SignatureVersion === "2" ? "RSA-SHA256" : "RSA-SHA1");
  signer.update(canonical(e), "utf8");
  return { ...e, Signature: signer.sign(privateKey, "base64") };
}

function request(e: unknown, headers: Record<string, string> = {}) {
  const rawBody = typeof e === "string" ? e : JSON.stringify(e);
  return { rawBody, headers: new Headers(headers), url: new URL("http://localhost:3000/api/webhooks/cloudwatch") };
}

const env = parseEnv({});

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "opsrelay-sns-"));
  execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", join(dir, "key.pem"), "-out", join(dir, "cert.pem"), "-days", "2", "-subj", "/CN=sns.amazonaws.com"], { stdio: "ignore" });
  privateKey = readFileSync(join(dir, "key.pem"), "utf8");
  certificate = readFileSync(join(dir, "cert.pem"), "utf8");
  server = createServer((req, res) => {
    served.push(req.url ?? "");
    if (req.url?.endsWith(".pem")) res.writeHead(200, { "content-type": "application/x-pem-file" }).end(certificate);
    else if (req.url?.includes("Action=ConfirmSubscription")) res.writeHead(200, { "content-type": "text/xml" }).end("<ConfirmSubscriptionResponse/>");
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
});

afterAll(async () => {
  setSnsFetcher(undefined);
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  // Allow-listed SNS URLs go to the local fake; setting the fetcher also empties the certificate cache.
  setSnsFetcher((url) => {
    const u = new URL(url);
    return fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}${u.pathname}${u.search}`);
  });
  served.length = 0;
});

describe("cloudwatch adapter: SNS signature", () => {
  it("accepts a notification signed with SignatureVersion 1 (SHA1) and 2 (SHA256)", async () => {
    expect(await cloudwatchAdapter.verify(request(signed(fixture("alarm"))), env)).toEqual({ ok: true });
    expect(await cloudwatchAdapter.verify(request(signed(fixture("metric-math-alarm"))), env)).toEqual({ ok: true });
  });

  it("rejects a tampered Message, Subject or Type with 401", async () => {
    const good = signed(fixture("alarm"));
    const tampered = { ...good, Message: good.Message!.replace('"ALARM"', '"OK"') };
    expect(await cloudwatchAdapter.verify(request(tampered), env)).toMatchObject({ ok: false, status: 401, reason: expect.stringMatching(/signature does not match/) });
    expect(await cloudwatchAdapter.verify(request({ ...good, Subject: "OK: all fine" }), env)).toMatchObject({ ok: false, status: 401 });
    // Dropping the Subject changes the signed string too.
    expect(await cloudwatchAdapter.verify(request({ ...good, Subject: undefined }), env)).toMatchObject({ ok: false, status: 401 });
    expect(await cloudwatchAdapter.verify(request({ ...good, SignatureVersion: "3" }), env)).toMatchObject({ ok: false, reason: expect.stringMatching(/SignatureVersion/) });
  });

  it("refuses certificate URLs off the SNS allow-list without fetching them", async () => {
    const hostile = [
      "https://sns.eu-west-1.amazonaws.com.attacker.example/SimpleNotificationService-1.pem",
      "http://sns.eu-west-1.amazonaws.com/SimpleNotificationService-1.pem",
      "https://attacker.example/sns.eu-west-1.amazonaws.com/SimpleNotificationService-1.pem",
      "https://sns.eu-west-1.amazonaws.com:8443/SimpleNotificationService-1.pem",
      "https://user@sns.eu-west-1.amazonaws.com/SimpleNotificationService-1.pem",
      "https://s3.amazonaws.com/SimpleNotificationService-1.pem",
      "https://sns.eu-west-1.amazonaws.com/not-a-certificate",
    ];
    for (const SigningCertURL of hostile) {
      const result = await cloudwatchAdapter.verify(request(signed({ ...fixture("alarm"), SigningCertURL })), env);
      expect(result, SigningCertURL).toMatchObject({ ok: false, status: 401, reason: expect.stringMatching(/not an Amazon SNS certificate URL/) });
    }
    expect(served).toEqual([]);
    expect(isAwsSnsCertificateUrl("https://sns.cn-north-1.amazonaws.com.cn/SimpleNotificationService-1.pem")).toBe(true);
  });

  it("downloads each signing certificate once and serves later messages from the cache", async () => {
    expect(await cloudwatchAdapter.verify(request(signed(fixture("alarm"))), env)).toEqual({ ok: true });
    expect(await cloudwatchAdapter.verify(request(signed(fixture("ok"))), env)).toEqual({ ok: true });
    expect(await cloudwatchAdapter.verify(request(signed(fixture("insufficient-data"))), env)).toEqual({ ok: true });
    expect(served).toEqual(["/SimpleNotificationService-9c6465fa7f48f5cacd23014631ec1136.pem"]);
  });

  it("rejects a signature made with another key even from an allow-listed certificate URL", async () => {
    const other = execFileSync("openssl", ["genrsa", "2048"], { stdio: ["ignore", "pipe", "ignore"] }).toString();
    const e = fixture("alarm");
    const signer = createSign("RSA-SHA1");
    signer.update(canonical(e));
    const forged = { ...e, Signature: signer.sign(other, "base64") };
    expect(await cloudwatchAdapter.verify(request(forged), env)).toMatchObject({ ok: false, status: 401 });
  });

  it("refuses a signature from a certificate outside its validity period", () => {
    const e = signed(fixture("alarm")) as unknown as SnsEnvelope;
    const cert = new X509Certificate(certificate);
    expect(verifySnsSignature(e, cert)).toEqual({ ok: true });
    const later = new Date(Date.now() + 10 * 86_400_000);
    expect(verifySnsSignature(e, cert, later)).toEqual({ ok: false, reason: "SNS signing certificate is not valid at this time" });
  });

  it("enforces the topic allow-list (403) and the message-type header", async () => {
    const restricted = parseEnv({ CLOUDWATCH_SNS_TOPIC_ARNS: "arn:aws:sns:us-east-1:412398765210:checkout-alarms" });
    expect(await cloudwatchAdapter.verify(request(signed(fixture("alarm"))), restricted)).toMatchObject({ ok: false, status: 403, reason: expect.stringMatching(/CLOUDWATCH_SNS_TOPIC_ARNS/) });
    expect(await cloudwatchAdapter.verify(request(signed(fixture("metric-math-alarm"))), restricted)).toEqual({ ok: true });
    const mismatch = await cloudwatchAdapter.verify(request(signed(fixture("alarm")), { "x-amz-sns-message-type": "SubscriptionConfirmation" }), env);
    expect(mismatch).toMatchObject({ ok: false, status: 401 });
  });

  it("rejects bodies that are not SNS envelopes, naming raw delivery when that is the cause", async () => {
    expect(await cloudwatchAdapter.verify(request("not json"), env)).toMatchObject({ ok: false, status: 401 });
    const raw = await cloudwatchAdapter.verify(request(fixture("alarm").Message!, { "x-amz-sns-rawdelivery": "true" }), env);
    expect(raw).toMatchObject({ ok: false, reason: expect.stringMatching(/raw message delivery/) });
  });

  it("skips the signature only when CLOUDWATCH_SNS_VERIFY=0", async () => {
    const unsigned = { ...fixture("alarm"), Signature: "garbage" };
    expect(await cloudwatchAdapter.verify(request(unsigned), env)).toMatchObject({ ok: false });
    expect(await cloudwatchAdapter.verify(request(unsigned), parseEnv({ CLOUDWATCH_SNS_VERIFY: "0" }))).toEqual({ ok: true });
    expect(served).toEqual(["/SimpleNotificationService-9c6465fa7f48f5cacd23014631ec1136.pem"]);
  });
});

describe("cloudwatch adapter: subscription handshake", () => {
  it("verifies a SubscriptionConfirmation and confirms it by GETting SubscribeURL", async () => {
    const confirmation = signed(fixture("subscription-confirmation"));
    expect(await cloudwatchAdapter.verify(request(confirmation), env)).toEqual({ ok: true });
    const result = await cloudwatchAdapter.parse(confirmation, request(confirmation));
    expect(result).toMatchObject({ kind: "control", status: 200 });
    if (result.kind !== "control" || !result.action) throw new Error("expected a confirming action");
    await result.action();
    expect(served.some((u) => u.startsWith("/?Action=ConfirmSubscription&TopicArn=arn:aws:sns:eu-west-1:412398765210:parcelwise-prod-alarms&Token=2336"))).toBe(true);
  });

  it("answers 502 naming the problem when SNS refuses the confirmation", async () => {
    const confirmation = { ...fixture("subscription-confirmation"), SubscribeURL: "https://sns.eu-west-1.amazonaws.com/?Action=Nope" };
    const result = await cloudwatchAdapter.parse(confirmation, request(confirmation));
    if (result.kind !== "control" || !result.action) throw new Error("expected a confirming action");
    await expect(result.action()).rejects.toMatchObject({ status: 502, code: "sns_confirmation_failed", message: expect.stringMatching(/HTTP 404/) });
  });

  it("never GETs a SubscribeURL outside Amazon SNS", async () => {
    const hostile = { ...fixture("subscription-confirmation"), SubscribeURL: "https://attacker.example/?Action=ConfirmSubscription" };
    const result = await cloudwatchAdapter.parse(hostile, request(hostile));
    expect(result).toMatchObject({ kind: "control", status: 400 });
    expect(result.kind === "control" && result.action).toBeFalsy();
    expect(served).toEqual([]);
  });

  it("answers an UnsubscribeConfirmation without creating an alert", async () => {
    const e = { ...fixture("subscription-confirmation"), Type: "UnsubscribeConfirmation" };
    expect(await cloudwatchAdapter.parse(e, request(e))).toMatchObject({ kind: "control", status: 200 });
  });
});

describe("cloudwatch adapter: alarm mapping", () => {
  async function alarmOf(name: string): Promise<NormalizedAlert> {
    const e = fixture(name);
    const result = await cloudwatchAdapter.parse(e, request(e));
    if (result.kind !== "alerts") throw new Error(`expected alerts, got ${JSON.stringify(result)}`);
    expect(result.alerts).toHaveLength(1);
    return result.alerts[0];
  }

  it("maps an ALARM transition from the JSON string inside Message", async () => {
    const alarm = await alarmOf("alarm");
    expect(alarm).toMatchObject({
      source: "cloudwatch",
      status: "firing",
      title: "payments-db-replica-lag-high",
      fingerprint: "arn:aws:cloudwatch:eu-west-1:412398765210:alarm:payments-db-replica-lag-high",
      externalId: "arn:aws:cloudwatch:eu-west-1:412398765210:alarm:payments-db-replica-lag-high@2026-11-24T07:57:14.302Z",
      url: "https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#alarmsV2:alarm/payments-db-replica-lag-high",
    });
    expect(alarm.labels).toMatchObject({
      region: "eu-west-1",
      aws_account: "412398765210",
      namespace: "AWS/RDS",
      metric_name: "ReplicaLag",
      DBInstanceIdentifier: "payments-db-replica-1",
      cloudwatch_state: "ALARM",
      cloudwatch_previous_state: "OK",
    });
    expect(alarm.message).toMatch(/^ALARM \(was OK\): Threshold Crossed: 3 out of the last 3 datapoints/);
    expect(alarm.message).toMatch(/Refund lookups/);
    expect(alarm.occurredAt.toISOString()).toBe("2026-11-24T07:57:14.302Z");
    expect(alarm.sourceSeverity).toBeUndefined(); // CloudWatch has no severity of its own
  });

  it("maps OK as the resolution of the same alarm", async () => {
    const [alarm, ok] = [await alarmOf("alarm"), await alarmOf("ok")];
    expect(ok.status).toBe("resolved");
    expect(ok.fingerprint).toBe(alarm.fingerprint);
    expect(ok.resolvedAt?.toISOString()).toBe("2026-11-24T08:31:44.017Z");
  });

  it("maps metric-math alarms (numeric account id, no Subject, US East display name)", async () => {
    const alarm = await alarmOf("metric-math-alarm");
    expect(alarm.labels).toMatchObject({
      region: "us-east-1",
      aws_account: "412398765210",
      metric_name: "HTTPCode_Target_5XX_Count,RequestCount",
      namespace: "AWS/ApplicationELB",
      LoadBalancer: "app/checkout-web-prod/50dc6c495c0c9188",
    });
    expect(alarm.url).toContain(encodeURIComponent("checkout-web ALB 5xx ratio > 5%"));
  });

  it("keeps INSUFFICIENT_DATA visible as firing and says so in the title", async () => {
    const alarm = await alarmOf("insufficient-data");
    expect(alarm.status).toBe("firing");
    expect(alarm.title).toBe("warehouse-vpn-tunnel-dub-down (INSUFFICIENT_DATA)");
    expect(alarm.labels).toMatchObject({ VpnId: "vpn-0c3f9a1e2b4d5f678", cloudwatch_previous_state: "ALARM" });
  });

  it("accepts a Message that is already an object, and leaves non-alarm messages unmapped", async () => {
    const e = fixture("alarm");
    const asObject = { ...e, Message: JSON.parse(e.Message!) };
    expect(await cloudwatchAdapter.parse(asObject, request(asObject))).toMatchObject({ kind: "alerts" });
    const text = { ...e, Message: "Hello from a plain SNS publish" };
    expect(await cloudwatchAdapter.parse(text, request(text))).toMatchObject({ kind: "unmapped", reason: expect.stringMatching(/not JSON/) });
    const other = { ...e, Message: JSON.stringify({ "detail-type": "EC2 Instance State-change Notification" }) };
    expect(await cloudwatchAdapter.parse(other, request(other))).toMatchObject({ kind: "unmapped", reason: expect.stringMatching(/AlarmName/) });
    expect(await cloudwatchAdapter.parse({ foo: 1 }, request("{}"))).toMatchObject({ kind: "unmapped" });
  });

  it("maps composite alarms, which have a rule instead of a metric", async () => {
    const e = fixture("alarm");
    const composite = {
      AlarmName: "checkout-degraded",
      AlarmDescription: "Checkout is failing for customers",
      AWSAccountId: "412398765210",
      NewStateValue: "ALARM",
      NewStateReason: "arn:aws:cloudwatch:eu-west-1:412398765210:alarm:checkout-web-5xx transitioned to ALARM at Tuesday 24 November, 2026 12:03:02 UTC",
      StateChangeTime: "2026-11-24T12:03:09.114+0000",
      Region: "Europe (Ireland)",
      AlarmArn: "arn:aws:cloudwatch:eu-west-1:412398765210:alarm:checkout-degraded",
      OldStateValue: "OK",
      AlarmRule: 'ALARM("checkout-web-5xx") AND ALARM("payments-api-latency")',
    };
    const body = { ...e, Message: JSON.stringify(composite) };
    const result = await cloudwatchAdapter.parse(body, request(body));
    if (result.kind !== "alerts") throw new Error(JSON.stringify(result));
    expect(result.alerts[0]).toMatchObject({ title: "checkout-degraded", status: "firing", labels: { region: "eu-west-1", alarm_name: "checkout-degraded" } });
    expect(result.alerts[0].labels.metric_name).toBeUndefined();
    expect(result.alerts[0].message).toContain('Rule: ALARM("checkout-web-5xx") AND ALARM("payments-api-latency")');
  });

  it("turns CloudWatch's region display names into codes", () => {
    expect(awsRegionCode("US East (N. Virginia)")).toBe("us-east-1");
    expect(awsRegionCode("EU (Ireland)")).toBe("eu-west-1");
    expect(awsRegionCode("Europe (Frankfurt)")).toBe("eu-central-1");
    expect(awsRegionCode("South America (Sao Paulo)")).toBe("sa-east-1");
    expect(awsRegionCode("South America (São Paulo)")).toBe("sa-east-1");
    expect(awsRegionCode("  asia pacific (tokyo) ")).toBe("ap-northeast-1");
    expect(awsRegionCode("ap-southeast-2")).toBe("ap-southeast-2");
    expect(awsRegionCode("Somewhere (New)", "arn:aws:cloudwatch:ca-west-1:1:alarm:x")).toBe("ca-west-1");
    expect(awsRegionCode("Somewhere (New)")).toBeUndefined();
  });

  it("uses the SNS MessageId as the delivery id (SNS retries keep it)", () => {
    const e = fixture("alarm");
    expect(cloudwatchAdapter.deliveryId?.(request(e), e)).toBe("b8f0e7a4-6c51-5d2e-9a3b-2f7c1d8e4a90");
    expect(cloudwatchAdapter.deliveryId?.(request(e, { "x-amz-sns-message-id": "hdr-id" }), e)).toBe("hdr-id");
  });
});
