import { z } from "zod";
import type { Severity } from "@/lib/severity";
import { firstStr, idString, isZeroDate, labelsHash, normalizeSeverity, parseDate, str, stringLabels, toUrl, truncate } from "../parse-helpers";
import type { NormalizedAlert, SourceName } from "../types";

/**
 * The alert shape Prometheus Alertmanager's webhook (version 4) defined and Grafana's webhook contact
 * point extends: a notification for one alert group carrying many alerts, each with labels,
 * annotations, a fingerprint and startsAt/endsAt. Both adapters map alerts through here.
 */

const labelMap = z.unknown().optional().transform((v) => stringLabels(v));

export const promAlertSchema = z.looseObject({
  status: z.string().nullish(),
  labels: labelMap,
  annotations: labelMap,
  startsAt: z.unknown().optional(),
  endsAt: z.unknown().optional(),
  generatorURL: z.unknown().optional(),
  fingerprint: z.unknown().optional(),
});
export type PromAlert = z.infer<typeof promAlertSchema>;

/** The group-level fields both payloads share. */
export const promNotificationFields = {
  receiver: z.unknown().optional(),
  status: z.string().nullish(),
  groupKey: z.unknown().optional(),
  groupLabels: labelMap,
  commonLabels: labelMap,
  commonAnnotations: labelMap,
  externalURL: z.unknown().optional(),
  truncatedAlerts: z.unknown().optional(),
  alerts: z.array(z.unknown()),
};

// Words the Prometheus world uses for routing rather than severity ("page" someone vs open a "ticket").
const ROUTING_SEVERITIES: Record<string, Severity> = { page: "critical", pager: "critical", paging: "critical", ticket: "medium", none: "info" };

export function promSeverity(labels: Record<string, string>): Severity | undefined {
  const word = firstStr(labels.severity, labels.Severity, labels.priority, labels.level);
  if (!word) return undefined;
  return ROUTING_SEVERITIES[word.toLowerCase()] ?? normalizeSeverity(word);
}

export interface PromContext {
  source: SourceName;
  groupKey?: string;
  status?: string | null;
  commonLabels: Record<string, string>;
  commonAnnotations: Record<string, string>;
  /** Link for the alert when it has no usable URL of its own. */
  fallbackUrl?: string;
  /** Base for relative URLs. */
  baseUrl?: string;
  truncatedAlerts?: number;
  now: Date;
}

export interface PromExtras {
  title?: string;
  url?: string;
  messageSuffix?: string;
  labels?: Record<string, string>;
}

export function normalizePromAlert(alert: PromAlert, ctx: PromContext, extras: PromExtras = {}): NormalizedAlert {
  const labels = { ...ctx.commonLabels, ...alert.labels, ...extras.labels };
  const annotations = { ...ctx.commonAnnotations, ...alert.annotations };
  if (ctx.truncatedAlerts && ctx.truncatedAlerts > 0) labels.truncated_alerts = String(ctx.truncatedAlerts);

  const fingerprint = idString(alert.fingerprint) ?? labelsHash(alert.labels);
  const startsAt = isZeroDate(alert.startsAt) ? undefined : parseDate(alert.startsAt, ctx.now.getTime());
  const statusWord = (str(alert.status) ?? str(ctx.status) ?? "firing").toLowerCase();
  const resolved = statusWord === "resolved";
  const endsAt = isZeroDate(alert.endsAt) ? undefined : parseDate(alert.endsAt, ctx.now.getTime());

  const alertname = labels.alertname;
  const summary = firstStr(annotations.summary, annotations.title, annotations.message);
  const description = firstStr(annotations.description, annotations.details);
  const title = truncate(extras.title ?? summary ?? alertname ?? "Alert without a name", 300);
  const message = [description ?? summary ?? alertname, extras.messageSuffix].filter(Boolean).join("\n");

  const generator = toUrl(alert.generatorURL, ctx.baseUrl);
  const absoluteGenerator = generator && /^https?:\/\//i.test(generator) ? generator : undefined;

  return {
    source: ctx.source,
    // The instance is the fingerprint's firing episode: a re-notification repeats startsAt, a re-fire after resolution does not.
    externalId: startsAt ? `${fingerprint}:${startsAt.toISOString()}` : fingerprint,
    fingerprint,
    groupKey: ctx.groupKey,
    status: resolved ? "resolved" : "firing",
    title,
    message,
    url: extras.url ?? absoluteGenerator ?? ctx.fallbackUrl,
    runbookUrl: toUrl(firstStr(annotations.runbook_url, annotations.runbook, annotations.runbookURL, annotations.runbook_link)),
    labels,
    sourceSeverity: promSeverity(labels),
    occurredAt: startsAt ?? ctx.now,
    resolvedAt: resolved ? (endsAt ?? ctx.now) : undefined,
  };
}
