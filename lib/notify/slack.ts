import type { NotificationKind } from "@/lib/notify/decide";
import type { Severity } from "@/lib/severity";

/** What a Slack message says about an incident. */
export interface IncidentForSlack {
  id: string;
  number: number;
  title: string;
  status: string;
  severity: Severity;
  affectedServices: string[];
  environments: string[];
  alertCount: number;
  openAlertCount: number;
  summary: string | null;
  firstAlertAt: Date;
}

export interface SlackMessage {
  text: string;
  blocks: Array<Record<string, unknown>>;
}

const HEADLINE: Record<NotificationKind, string> = {
  opened: "Incident opened",
  escalated: "Incident escalated",
  resolved: "Incident resolved",
  reopened: "Incident reopened",
};

const ICON: Record<Severity, string> = {
  critical: ":red_circle:",
  high: ":large_orange_circle:",
  medium: ":large_yellow_circle:",
  low: ":large_blue_circle:",
  info: ":white_circle:",
};

/** Slack mrkdwn treats &, < and > as control characters. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function incidentUrl(appUrl: string, incidentId: string): string {
  return `${appUrl.replace(/\/+$/, "")}/incidents/${incidentId}`;
}

/** Context from the incident's alerts and the last message, when known. */
export interface MessageExtras {
  /** Severity announced last time (escalations show "high → critical"). */
  previousSeverity?: Severity;
  /** Owning team(s) from the alerts' classification. */
  teams?: string[];
  /** A runbook link one of the alerts carried. */
  runbookUrl?: string;
}

/** Block Kit message for an incident notification; `text` is the fallback for notifications. */
export function buildIncidentMessage(
  incident: IncidentForSlack,
  kind: NotificationKind,
  appUrl: string,
  extras: MessageExtras = {},
): SlackMessage {
  const url = incidentUrl(appUrl, incident.id);
  const name = `INC-${incident.number}`;
  const severityText =
    kind === "escalated" && extras.previousSeverity && extras.previousSeverity !== incident.severity
      ? `${extras.previousSeverity} → ${incident.severity}`
      : incident.severity;
  const icon = kind === "resolved" ? ":white_check_mark:" : ICON[incident.severity];
  const title = escapeMrkdwn(clip(incident.title, 200));
  const services = incident.affectedServices.length ? incident.affectedServices.join(", ") : "unknown";
  const envs = incident.environments.length ? incident.environments.join(", ") : "unknown";
  const blocks: Array<Record<string, unknown>> = [
    { type: "header", text: { type: "plain_text", text: clip(`${HEADLINE[kind]}: ${name}`, 150), emoji: true } },
    { type: "section", text: { type: "mrkdwn", text: `${icon} *<${url}|${name}: ${title}>*` } },
    {
      type: "section",
      fields: [
        { type: "mrkdwn", text: `*Severity*\n${severityText}` },
        { type: "mrkdwn", text: `*Status*\n${incident.status}` },
        { type: "mrkdwn", text: `*Services*\n${escapeMrkdwn(clip(services, 300))}` },
        { type: "mrkdwn", text: `*Environment*\n${escapeMrkdwn(clip(envs, 100))}` },
        { type: "mrkdwn", text: `*Alerts*\n${incident.alertCount} (${incident.openAlertCount} firing)` },
        { type: "mrkdwn", text: `*Started*\n<!date^${Math.floor(incident.firstAlertAt.getTime() / 1000)}^{date_short_pretty} {time}|${incident.firstAlertAt.toISOString()}>` },
      ],
    },
  ];
  if (incident.summary) {
    // Section text is limited to 3000 characters.
    blocks.push({ type: "section", text: { type: "mrkdwn", text: escapeMrkdwn(clip(incident.summary, 2900)) } });
  }
  if (extras.teams?.length) {
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: `Owner: ${escapeMrkdwn(extras.teams.join(", "))}` }] });
  }
  const buttons: Array<Record<string, unknown>> = [
    { type: "button", text: { type: "plain_text", text: "Open incident" }, url, action_id: "open_incident", style: "primary" },
  ];
  if (extras.runbookUrl && /^https?:\/\//.test(extras.runbookUrl)) {
    buttons.push({ type: "button", text: { type: "plain_text", text: "Runbook" }, url: extras.runbookUrl, action_id: "open_runbook" });
  }
  blocks.push({ type: "actions", elements: buttons });
  const text = `${HEADLINE[kind]}: ${name} [${severityText}] ${clip(incident.title, 200)} — ${url}`;
  return { text, blocks };
}

/** A failed delivery, with what the retry logic needs to know. */
export class SlackDeliveryError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly retryAfterMs?: number,
    /** 4xx other than 429: Slack rejected the message or the URL; retrying will not help. */
    readonly permanent = false,
  ) {
    super(message);
    this.name = "SlackDeliveryError";
  }
}

/** POSTs a message to a Slack incoming webhook. Throws SlackDeliveryError; never logs the URL (a secret). */
export async function postToSlack(webhookUrl: string, message: SlackMessage, timeoutMs: number): Promise<void> {
  let response: Response;
  try {
    response = await fetch(webhookUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(message),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const why = error instanceof Error && error.name === "TimeoutError" ? `timed out after ${timeoutMs} ms` : "network error";
    throw new SlackDeliveryError(`Slack webhook ${why}`, null);
  }
  if (response.ok) {
    await response.body?.cancel();
    return;
  }
  const body = clipBody(await response.text().catch(() => ""));
  if (response.status === 429) {
    const seconds = Number(response.headers.get("retry-after"));
    const retryAfterMs = Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 30_000;
    throw new SlackDeliveryError(`Slack rate limited (429), retry after ${retryAfterMs / 1000}s`, 429, retryAfterMs);
  }
  const permanent = response.status >= 400 && response.status < 500;
  throw new SlackDeliveryError(`Slack answered ${response.status}${body ? `: ${body}` : ""}`, response.status, undefined, permanent);
}

function clipBody(body: string): string {
  return body.replace(/\s+/g, " ").trim().slice(0, 120);
}
