import { z } from "zod";
import type { Env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import type { ParseResult, SourceAdapter } from "../adapter";
import type { NormalizedAlert, VerifyResult, WebhookRequest } from "../types";
import { parseDate, parseNestedJson } from "../parse-helpers";
import { awsRegionCode } from "./aws-regions";
import { confirmSnsSubscription, isAwsSnsUrl, signingCertificate } from "./sns-certificates";
import { verifySnsSignature, type SnsEnvelope } from "./sns-signature";

/**
 * Amazon CloudWatch alarms delivered by an SNS HTTP(S) subscription. The body is the SNS envelope; the
 * alarm itself is a JSON string in its Message. Authentication is SNS's RSA signature, checked against
 * a certificate downloaded only from an Amazon SNS host.
 */

const text = z.union([z.string(), z.number(), z.boolean()]).transform(String);

const envelopeSchema = z.looseObject({
  Type: z.string(),
  MessageId: text,
  TopicArn: z.string(),
  Message: z.union([z.string(), z.record(z.string(), z.unknown())]),
  Timestamp: z.string(),
  Subject: z.string().nullish(),
  Token: z.string().optional(),
  SubscribeURL: z.string().optional(),
  SignatureVersion: text.optional(),
  Signature: z.string().optional(),
  SigningCertURL: z.string().optional(),
});
type Envelope = z.infer<typeof envelopeSchema>;

const dimensionSchema = z.looseObject({ name: text, value: text.nullish() });
const metricSchema = z.looseObject({
  MetricName: text.nullish(),
  Namespace: text.nullish(),
  Dimensions: z.array(dimensionSchema).nullish(),
});

const alarmSchema = z.looseObject({
  AlarmName: text,
  AlarmDescription: z.string().nullish(),
  AWSAccountId: text.nullish(),
  NewStateValue: z.string(),
  NewStateReason: z.string().nullish(),
  OldStateValue: z.string().nullish(),
  StateChangeTime: z.string().nullish(),
  Region: z.string().nullish(),
  AlarmArn: z.string().nullish(),
  AlarmRule: z.string().nullish(),
  Trigger: metricSchema
    .extend({
      // Metric-math alarms list their inputs here instead of a single metric.
      Metrics: z
        .array(z.looseObject({ Id: text.nullish(), MetricStat: z.looseObject({ Metric: metricSchema.nullish() }).nullish() }))
        .nullish(),
    })
    .nullish(),
});
type Alarm = z.infer<typeof alarmSchema>;

function snsEnvelopeFromBody(rawBody: string): Envelope | undefined {
  try {
    const parsed = envelopeSchema.safeParse(JSON.parse(rawBody));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

async function verify(req: WebhookRequest, env: Env): Promise<VerifyResult> {
  const envelope = snsEnvelopeFromBody(req.rawBody);
  if (!envelope) {
    const raw = req.headers.get("x-amz-sns-rawdelivery") === "true";
    return {
      ok: false,
      status: 401,
      reason: raw
        ? "SNS raw message delivery carries no signature: turn raw message delivery off on the subscription"
        : "body is not an Amazon SNS message (Type, MessageId, TopicArn, Message and Timestamp are required)",
    };
  }
  const headerType = req.headers.get("x-amz-sns-message-type");
  if (headerType && headerType !== envelope.Type) {
    return { ok: false, status: 401, reason: `x-amz-sns-message-type header (${headerType.slice(0, 40)}) does not match the body Type (${envelope.Type.slice(0, 40)})` };
  }
  if (env.CLOUDWATCH_SNS_TOPIC_ARNS.length > 0 && !env.CLOUDWATCH_SNS_TOPIC_ARNS.includes(envelope.TopicArn)) {
    return { ok: false, status: 403, reason: `SNS topic ${envelope.TopicArn.slice(0, 256)} is not in CLOUDWATCH_SNS_TOPIC_ARNS` };
  }
  if (!env.CLOUDWATCH_SNS_VERIFY) return { ok: true };
  if (typeof envelope.Message !== "string") {
    return { ok: false, status: 401, reason: "SNS Message must be a string to carry a valid signature" };
  }
  let certificate;
  try {
    certificate = await signingCertificate(envelope.SigningCertURL ?? "");
  } catch (error) {
    return { ok: false, status: 401, reason: (error as Error).message };
  }
  const check = verifySnsSignature(envelope as SnsEnvelope, certificate);
  return check.ok ? { ok: true } : { ok: false, status: 401, reason: check.reason };
}

function parse(body: unknown): ParseResult {
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success) return { kind: "unmapped", reason: "not an Amazon SNS envelope" };
  const sns = envelope.data;

  if (sns.Type === "SubscriptionConfirmation") return subscriptionConfirmation(sns);
  if (sns.Type === "UnsubscribeConfirmation") {
    return { kind: "control", status: 200, body: { ok: true, type: sns.Type, topicArn: sns.TopicArn } };
  }
  if (sns.Type !== "Notification") return { kind: "unmapped", reason: `unknown SNS message Type ${sns.Type}` };

  const message = parseNestedJson(sns.Message);
  if (typeof message === "string") return { kind: "unmapped", reason: "SNS Message is not JSON, so not a CloudWatch alarm" };
  const alarm = alarmSchema.safeParse(message);
  if (!alarm.success) {
    return { kind: "unmapped", reason: `SNS Message is not a CloudWatch alarm: ${alarm.error.issues.map((i) => i.path.join(".") || "(root)").join(", ")} missing or invalid` };
  }
  return { kind: "alerts", alerts: [normalizeAlarm(alarm.data, sns)] };
}

function subscriptionConfirmation(sns: Envelope): ParseResult {
  const url = sns.SubscribeURL;
  if (!url || !isAwsSnsUrl(url)) {
    return {
      kind: "control",
      status: 400,
      body: { error: { code: "bad_subscribe_url", message: "SubscribeURL is missing or not an Amazon SNS URL; the subscription was not confirmed" } },
    };
  }
  return {
    kind: "control",
    status: 200,
    body: { ok: true, type: sns.Type, topicArn: sns.TopicArn, confirming: true },
    // SNS retries an unconfirmed subscription, so a failure is answered as an error it will see.
    action: () =>
      confirmSnsSubscription(url).catch((error: Error) => {
        throw new ApiError(502, "sns_confirmation_failed", `Could not confirm the SNS subscription: ${error.message}`);
      }),
  };
}

function normalizeAlarm(alarm: Alarm, sns: Envelope): NormalizedAlert {
  const region = awsRegionCode(alarm.Region ?? undefined, alarm.AlarmArn ?? undefined);
  const account = alarm.AWSAccountId ?? alarm.AlarmArn?.split(":")[4] ?? undefined;
  const fingerprint = alarm.AlarmArn ?? `arn:aws:cloudwatch:${region ?? "unknown"}:${account ?? "unknown"}:alarm:${alarm.AlarmName}`;
  const changedAt = parseDate(alarm.StateChangeTime) ?? parseDate(sns.Timestamp) ?? new Date();
  const state = alarm.NewStateValue.toUpperCase();
  const resolved = state === "OK";

  const labels: Record<string, string> = { alarm_name: alarm.AlarmName, cloudwatch_state: state, sns_topic_arn: sns.TopicArn };
  if (alarm.OldStateValue) labels.cloudwatch_previous_state = alarm.OldStateValue.toUpperCase();
  if (account) labels.aws_account = account;
  if (region) labels.region = region;
  const trigger = alarm.Trigger;
  const metrics = [trigger, ...(trigger?.Metrics ?? []).map((m) => m.MetricStat?.Metric)].filter((m) => m?.MetricName);
  if (metrics.length > 0) {
    labels.metric_name = [...new Set(metrics.map((m) => m!.MetricName!))].join(",");
    const namespaces = [...new Set(metrics.map((m) => m!.Namespace).filter(Boolean))];
    if (namespaces.length > 0) labels.namespace = namespaces.join(",");
  }
  // Dimensions are CloudWatch's tags (InstanceId, DBInstanceIdentifier, LoadBalancer...): kept under their own names.
  for (const metric of metrics) {
    for (const d of metric!.Dimensions ?? []) if (d.value != null && !(d.name in labels)) labels[d.name] = d.value;
  }

  const transition = alarm.OldStateValue ? `${state} (was ${alarm.OldStateValue.toUpperCase()})` : state;
  const message = [`${transition}: ${alarm.NewStateReason ?? "no reason given"}`, alarm.AlarmDescription, alarm.AlarmRule ? `Rule: ${alarm.AlarmRule}` : undefined]
    .filter(Boolean)
    .join("\n");

  return {
    source: "cloudwatch",
    externalId: `${fingerprint}@${changedAt.toISOString()}`,
    fingerprint,
    status: resolved ? "resolved" : "firing",
    // INSUFFICIENT_DATA is neither a confirmed problem nor a recovery: kept visible, and said so in the title.
    title: state === "ALARM" || resolved ? alarm.AlarmName : `${alarm.AlarmName} (${state})`,
    message,
    url: region
      ? `https://${region}.console.aws.amazon.com/cloudwatch/home?region=${region}#alarmsV2:alarm/${encodeURIComponent(alarm.AlarmName)}`
      : undefined,
    labels,
    occurredAt: changedAt,
    resolvedAt: resolved ? changedAt : undefined,
  };
}

export const cloudwatchAdapter: SourceAdapter = {
  source: "cloudwatch",
  verify,
  parse,
  // SNS re-delivers a failed notification with the same MessageId.
  deliveryId: (req, body) =>
    req.headers.get("x-amz-sns-message-id") ?? (envelopeSchema.safeParse(body).data?.MessageId || undefined),
};
