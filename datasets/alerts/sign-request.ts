import { createHmac, randomUUID } from "node:crypto";
import type { Env } from "@/lib/env";
import type { SourceName } from "@/lib/ingest/types";
import { sentryResource } from "./payloads";

/**
 * The headers each platform sends with a webhook, signed the way that platform signs, with the
 * secrets OpsRelay is configured with (lib/env.ts). A missing secret means no credential at all:
 * OpsRelay then accepts the request only with OPSRELAY_INSECURE_WEBHOOKS=1.
 */
export interface SignedHeaders {
  headers: Record<string, string>;
  /** Setting names whose absence left the request without credentials (never their values). */
  missing: string[];
  /** What the receiving OpsRelay must allow for this request to be accepted, when settings cannot help. */
  note?: string;
}

const hmacHex = (secret: string, text: string) => createHmac("sha256", secret).update(text, "utf8").digest("hex");

export function platformHeaders(source: SourceName, body: unknown, rawBody: string, env: Env, now = new Date()): SignedHeaders {
  const headers: Record<string, string> = { "content-type": "application/json", "user-agent": `${source}-sample/opsrelay` };
  const missing: string[] = [];
  let note: string | undefined;
  const bearer = (name: string, token: string | undefined) => {
    if (token) headers.authorization = `Bearer ${token}`;
    else missing.push(name);
  };
  switch (source) {
    case "datadog":
      bearer("DATADOG_WEBHOOK_TOKEN", env.DATADOG_WEBHOOK_TOKEN);
      break;
    case "alertmanager":
      headers["user-agent"] = "Alertmanager/0.28.1";
      bearer("ALERTMANAGER_WEBHOOK_TOKEN", env.ALERTMANAGER_WEBHOOK_TOKEN);
      break;
    case "generic":
      headers["idempotency-key"] = randomUUID();
      bearer("GENERIC_WEBHOOK_TOKEN", env.GENERIC_WEBHOOK_TOKEN);
      break;
    case "sentry": {
      headers["sentry-hook-resource"] = sentryResource(body);
      headers["sentry-hook-timestamp"] = String(Math.floor(now.getTime() / 1000));
      headers["request-id"] = randomUUID();
      if (env.SENTRY_CLIENT_SECRET) headers["sentry-hook-signature"] = hmacHex(env.SENTRY_CLIENT_SECRET, rawBody);
      else missing.push("SENTRY_CLIENT_SECRET");
      break;
    }
    case "pagerduty": {
      headers["x-webhook-id"] = randomUUID();
      const secret = env.PAGERDUTY_WEBHOOK_SECRETS[0];
      if (secret) headers["x-pagerduty-signature"] = `v1=${hmacHex(secret, rawBody)}`;
      else missing.push("PAGERDUTY_WEBHOOK_SECRETS");
      break;
    }
    case "grafana": {
      headers["user-agent"] = "Grafana";
      if (env.GRAFANA_WEBHOOK_SECRET) {
        let signed = rawBody;
        if (env.GRAFANA_TIMESTAMP_HEADER) {
          const timestamp = String(Math.floor(now.getTime() / 1000));
          headers[env.GRAFANA_TIMESTAMP_HEADER] = timestamp;
          signed = `${timestamp}:${rawBody}`;
        }
        headers[env.GRAFANA_SIGNATURE_HEADER] = hmacHex(env.GRAFANA_WEBHOOK_SECRET, signed);
      } else bearer("GRAFANA_WEBHOOK_SECRET or GRAFANA_WEBHOOK_TOKEN", env.GRAFANA_WEBHOOK_TOKEN);
      break;
    }
    case "cloudwatch": {
      const envelope = body as { Type?: string; MessageId?: string; TopicArn?: string };
      headers["content-type"] = "text/plain; charset=UTF-8"; // what SNS really sends
      headers["user-agent"] = "Amazon Simple Notification Service Agent";
      if (envelope.Type) headers["x-amz-sns-message-type"] = envelope.Type;
      if (envelope.MessageId) headers["x-amz-sns-message-id"] = envelope.MessageId;
      if (envelope.TopicArn) headers["x-amz-sns-topic-arn"] = envelope.TopicArn;
      // Only AWS can sign SNS messages: a local OpsRelay accepts these with CLOUDWATCH_SNS_VERIFY=0.
      note = "sample SNS messages carry no AWS signature: the receiving OpsRelay accepts them only with CLOUDWATCH_SNS_VERIFY=0";
      break;
    }
  }
  return { headers, missing, note };
}
