import { z } from "zod";
import type { SourceAdapter } from "../adapter";
import { verifyToken } from "../auth";
import { firstStr, idString, isRecord, labelsHash, normalizeSeverity, parseDate, parseNestedJson, stableHash, str, tagsToLabels, toUrl } from "../parse-helpers";
import type { NormalizedAlert, WebhookRequest } from "../types";

/**
 * Generic JSON webhook for anything without its own adapter (scripts, cron jobs, in-house tools).
 * Body: one alert object, or { "alerts": [ ... ] } (a bare array is accepted too). Per alert:
 *   title        string, required
 *   id           string|number  the sender's id of this alert instance; repeats bump the occurrence count
 *   fingerprint  string|number  "the same problem" across instances (default: hash of title+service+env+labels)
 *   status       "firing" (default) | "resolved" (also ok, recovered, closed, cleared, inactive, normal)
 *   severity     critical|high|medium|low|info (also P1–P5, sev1–5, error, warning…)
 *   service, environment, message, url, runbook_url: strings
 *   labels       { key: value } or ["key:value", …]
 *   timestamp    ISO 8601, or unix seconds/milliseconds (default: receive time)
 * Auth: GENERIC_WEBHOOK_TOKEN as `Authorization: Bearer <token>`, basic password or X-OpsRelay-Token.
 */

const RESOLVED_WORDS = new Set(["resolved", "ok", "recovered", "closed", "cleared", "inactive", "normal", "resolve"]);
const FIRING_WORDS = new Set(["firing", "triggered", "alerting", "problem", "open", "active", "trigger", "critical", "warning", "error"]);

const scalar = z.union([z.string(), z.number()]);

export const genericAlertSchema = z.looseObject({
  title: z.union([z.string().trim().min(1, "must not be empty"), z.number()], { message: "is required (a non-empty string)" }),
  id: scalar.optional().nullable(),
  fingerprint: scalar.optional().nullable(),
  status: z
    .string()
    .optional()
    .nullable()
    .refine((s) => !s || RESOLVED_WORDS.has(s.trim().toLowerCase()) || FIRING_WORDS.has(s.trim().toLowerCase()), {
      message: 'must be "firing" or "resolved"',
    }),
  severity: scalar.optional().nullable(),
  service: scalar.optional().nullable(),
  environment: scalar.optional().nullable(),
  message: z.string().optional().nullable(),
  description: z.string().optional().nullable(),
  url: z.string().optional().nullable(),
  runbook_url: z.string().optional().nullable(),
  runbookUrl: z.string().optional().nullable(),
  labels: z.union([z.record(z.string(), z.unknown()), z.array(z.unknown()), z.string()]).optional().nullable(),
  tags: z.union([z.record(z.string(), z.unknown()), z.array(z.unknown()), z.string()]).optional().nullable(),
  timestamp: scalar.optional().nullable(),
});

export type GenericAlertInput = z.infer<typeof genericAlertSchema>;

function alertList(body: unknown): unknown[] | undefined {
  if (Array.isArray(body)) return body;
  if (isRecord(body)) {
    const alerts = parseNestedJson(body.alerts);
    if (Array.isArray(alerts)) return alerts;
    return [body];
  }
  return undefined;
}

function normalize(input: GenericAlertInput, receivedAt: Date): NormalizedAlert {
  const labels = { ...tagsToLabels(input.tags), ...tagsToLabels(input.labels) };
  const service = str(input.service);
  const environment = str(input.environment);
  if (service) labels.service = service;
  if (environment) labels.env = environment;
  const title = String(input.title).trim();
  const fingerprint = idString(input.fingerprint) ?? `generic:${stableHash(title, service ?? "", environment ?? "", labelsHash(labels))}`;
  const resolved = RESOLVED_WORDS.has((input.status ?? "").trim().toLowerCase());
  const occurredAt = parseDate(input.timestamp) ?? receivedAt;
  return {
    source: "generic",
    externalId: idString(input.id) ?? fingerprint,
    fingerprint,
    status: resolved ? "resolved" : "firing",
    title,
    message: firstStr(input.message, input.description) ?? "",
    url: toUrl(input.url),
    runbookUrl: toUrl(input.runbook_url ?? input.runbookUrl),
    labels,
    sourceSeverity: normalizeSeverity(input.severity) ?? normalizeSeverity(labels.severity),
    occurredAt,
    resolvedAt: resolved ? occurredAt : undefined,
  };
}

export const genericAdapter: SourceAdapter = {
  source: "generic",

  verify(req: WebhookRequest, env) {
    return verifyToken(req, env, "GENERIC_WEBHOOK_TOKEN", env.GENERIC_WEBHOOK_TOKEN);
  },

  parse(body) {
    const list = alertList(body);
    if (!list) return { kind: "unmapped", reason: "expected an alert object, { alerts: [...] } or an array of alerts" };
    if (list.length === 0) return { kind: "unmapped", reason: "alerts is empty" };
    const receivedAt = new Date();
    const alerts: NormalizedAlert[] = [];
    const problems: string[] = [];
    list.forEach((item, index) => {
      const result = genericAlertSchema.safeParse(item);
      if (!result.success) {
        const where = list.length > 1 || Array.isArray(body) || (isRecord(body) && "alerts" in body) ? `alerts[${index}]` : "(body)";
        for (const issue of result.error.issues) problems.push(`${where}.${issue.path.join(".") || "(root)"}: ${issue.message}`);
      } else alerts.push(normalize(result.data, receivedAt));
    });
    // One bad alert keeps the whole body raw (unmapped) with every problem named, rather than half-storing it.
    if (problems.length > 0) return { kind: "unmapped", reason: `invalid generic alert: ${problems.join("; ")}` };
    return { kind: "alerts", alerts };
  },

  deliveryId(req) {
    return firstStr(req.headers.get("idempotency-key"), req.headers.get("x-delivery-id"), req.headers.get("x-request-id"));
  },
};
