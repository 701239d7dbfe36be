import { z } from "zod";
import type { ParseResult, SourceAdapter } from "../adapter";
import { verifyToken } from "../auth";
import { num, str, toUrl } from "../parse-helpers";
import { normalizePromAlert, promAlertSchema, promNotificationFields } from "./prometheus-alerts";

/**
 * Prometheus Alertmanager webhook receiver (payload version 4). Alertmanager signs nothing, so the
 * receiver's http_config sends ALERTMANAGER_WEBHOOK_TOKEN as a bearer token or basic-auth password.
 */

const notificationSchema = z.looseObject({ version: z.unknown().optional(), ...promNotificationFields });

function parse(body: unknown): ParseResult {
  const parsed = notificationSchema.safeParse(body);
  if (!parsed.success) return { kind: "unmapped", reason: "not an Alertmanager webhook payload (no alerts array)" };
  const n = parsed.data;
  if (n.alerts.length === 0) return { kind: "unmapped", reason: "Alertmanager notification with no alerts" };

  const externalURL = toUrl(n.externalURL);
  const now = new Date();
  const alerts = [];
  for (const [index, raw] of n.alerts.entries()) {
    const alert = promAlertSchema.safeParse(raw);
    if (!alert.success) return { kind: "unmapped", reason: `alerts[${index}] is not an Alertmanager alert` };
    const alertname = alert.data.labels.alertname;
    alerts.push(
      normalizePromAlert(alert.data, {
        source: "alertmanager",
        groupKey: str(n.groupKey),
        status: n.status,
        commonLabels: n.commonLabels,
        commonAnnotations: n.commonAnnotations,
        // generatorURL points at the Prometheus that evaluated the rule; when it is relative (no
        // --web.external-url upstream) the Alertmanager UI filtered on the alert is the useful link.
        fallbackUrl:
          externalURL && alertname ? `${externalURL.replace(/\/$/, "")}/#/alerts?filter=${encodeURIComponent(`{alertname="${alertname}"}`)}` : externalURL,
        truncatedAlerts: num(n.truncatedAlerts),
        now,
      }),
    );
  }
  return { kind: "alerts", alerts };
}

export const alertmanagerAdapter: SourceAdapter = {
  source: "alertmanager",
  verify: (req, env) => verifyToken(req, env, "ALERTMANAGER_WEBHOOK_TOKEN", env.ALERTMANAGER_WEBHOOK_TOKEN),
  parse,
};
