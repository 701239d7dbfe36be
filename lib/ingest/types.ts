import type { Severity } from "@/lib/severity";

/** The platforms OpsRelay accepts webhooks from; the URL segment of /api/webhooks/{source}. */
export const SOURCES = ["datadog", "sentry", "alertmanager", "grafana", "cloudwatch", "pagerduty", "generic"] as const;
export type SourceName = (typeof SOURCES)[number];

/**
 * One alert in OpsRelay's own shape, whatever platform sent it. Every source adapter maps its payload
 * into a list of these (one webhook body may carry many alerts).
 */
export interface NormalizedAlert {
  source: SourceName;
  /** The platform's identity of this alert instance (unique with source); a repeat bumps occurrence_count. */
  externalId: string;
  /** Stable identity of "the same problem" across instances (resolution matching, grouping). */
  fingerprint: string;
  /** Upstream grouping: Alertmanager/Grafana groupKey, Datadog aggregation key, Sentry issue id... */
  groupKey?: string;
  status: "firing" | "resolved";
  title: string;
  message: string;
  url?: string;
  runbookUrl?: string;
  /** Flattened tags/labels: Datadog `service:x` → { service: "x" }. Values always strings. */
  labels: Record<string, string>;
  /** The platform's explicit severity, normalized; undefined when it said nothing. */
  sourceSeverity?: Severity;
  /** When the platform says it happened. */
  occurredAt: Date;
  /** For resolved notifications: when it stopped. */
  resolvedAt?: Date;
}

/** What a request looks like to an adapter: the exact bytes (signatures are over bytes) and headers. */
export interface WebhookRequest {
  rawBody: string;
  headers: Headers;
  url: URL;
}

export type VerifyResult = { ok: true } | { ok: false; status: 401 | 403; reason: string };
