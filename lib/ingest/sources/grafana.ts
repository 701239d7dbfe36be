import { z } from "zod";
import type { Env } from "@/lib/env";
import type { ParseResult, SourceAdapter } from "../adapter";
import { checkReplayWindow, deny, verifyHmacSignatures, verifyToken } from "../auth";
import { isRecord, num, str, toUrl } from "../parse-helpers";
import type { VerifyResult, WebhookRequest } from "../types";
import { isLegacyGrafana, parseLegacyGrafana } from "./grafana-legacy";
import { normalizePromAlert, promAlertSchema, promNotificationFields } from "./prometheus-alerts";

/**
 * Grafana unified alerting webhook contact point (payload version "1"): Alertmanager's shape plus
 * orgId, title/state/message and per-alert dashboard/panel/silence links and evaluated values.
 * Authentication: Grafana's optional HMAC-SHA256 signature, or a bearer/basic credential. Once
 * GRAFANA_WEBHOOK_SECRET is set the signature is required (a token alone no longer suffices).
 */

const notificationSchema = z.looseObject({
  ...promNotificationFields,
  orgId: z.unknown().optional(),
  version: z.unknown().optional(),
  title: z.unknown().optional(),
  state: z.unknown().optional(),
  message: z.unknown().optional(),
});

const grafanaAlertSchema = promAlertSchema.extend({
  silenceURL: z.unknown().optional(),
  dashboardURL: z.unknown().optional(),
  panelURL: z.unknown().optional(),
  values: z.unknown().optional(),
  valueString: z.unknown().optional(),
  orgId: z.unknown().optional(),
});

export function verifyGrafana(req: WebhookRequest, env: Env): VerifyResult {
  const secret = env.GRAFANA_WEBHOOK_SECRET;
  if (!secret) {
    if (env.GRAFANA_WEBHOOK_TOKEN || env.OPSRELAY_INSECURE_WEBHOOKS) {
      return verifyToken(req, env, "GRAFANA_WEBHOOK_TOKEN", env.GRAFANA_WEBHOOK_TOKEN);
    }
    return deny("neither GRAFANA_WEBHOOK_SECRET nor GRAFANA_WEBHOOK_TOKEN is configured; set one (or OPSRELAY_INSECURE_WEBHOOKS=1 for local development only)");
  }
  const signature = req.headers.get(env.GRAFANA_SIGNATURE_HEADER)?.trim();
  if (!signature) return deny(`missing ${env.GRAFANA_SIGNATURE_HEADER} signature header`);
  let signed = req.rawBody;
  if (env.GRAFANA_TIMESTAMP_HEADER) {
    const timestamp = req.headers.get(env.GRAFANA_TIMESTAMP_HEADER)?.trim();
    const fresh = checkReplayWindow(timestamp, env.WEBHOOK_REPLAY_WINDOW_SECONDS);
    if (!fresh.ok) return fresh;
    signed = `${timestamp}:${req.rawBody}`;
  }
  return verifyHmacSignatures(signed, [signature.replace(/^sha256=/i, "")], [secret]);
}

/** "B=44.2, C=1" from Grafana's evaluated expression values. */
function describeValues(values: unknown): string | undefined {
  if (!isRecord(values)) return undefined;
  const parts = Object.entries(values).map(([ref, v]) => `${ref}=${v === null ? "null" : typeof v === "object" ? JSON.stringify(v) : String(v)}`);
  return parts.length > 0 ? parts.join(", ") : undefined;
}

function parse(body: unknown): ParseResult {
  if (isLegacyGrafana(body)) return parseLegacyGrafana(body);
  const parsed = notificationSchema.safeParse(body);
  if (!parsed.success) return { kind: "unmapped", reason: "not a Grafana webhook payload (no alerts array)" };
  const n = parsed.data;
  if (n.alerts.length === 0) return { kind: "unmapped", reason: "Grafana notification with no alerts" };

  const externalURL = toUrl(n.externalURL);
  const now = new Date();
  const alerts = [];
  for (const [index, raw] of n.alerts.entries()) {
    const alert = grafanaAlertSchema.safeParse(raw);
    if (!alert.success) return { kind: "unmapped", reason: `alerts[${index}] is not a Grafana alert` };
    const a = alert.data;
    const values = str(a.valueString) ?? describeValues(a.values);
    const orgId = str(a.orgId) ?? str(n.orgId);
    // Grafana's own DatasourceNoData/DatasourceError alerts name the failing rule only in a label.
    const rule = a.labels.rulename;
    const special = a.labels.alertname?.startsWith("Datasource") && rule && !a.annotations.summary;
    alerts.push(
      normalizePromAlert(
        a,
        {
          source: "grafana",
          groupKey: str(n.groupKey),
          status: n.status,
          commonLabels: n.commonLabels,
          commonAnnotations: n.commonAnnotations,
          baseUrl: externalURL,
          fallbackUrl: externalURL,
          truncatedAlerts: num(n.truncatedAlerts),
          now,
        },
        {
          title: special ? `${a.labels.alertname}: ${rule}` : undefined,
          // The panel shows the graph that fired; the rule editor (generatorURL) is the next best link.
          url: toUrl(str(a.panelURL) ?? str(a.dashboardURL), externalURL),
          messageSuffix: values ? `Values: ${values}` : undefined,
          labels: orgId ? { grafana_org_id: orgId } : undefined,
        },
      ),
    );
  }
  return { kind: "alerts", alerts };
}

export const grafanaAdapter: SourceAdapter = { source: "grafana", verify: verifyGrafana, parse };
