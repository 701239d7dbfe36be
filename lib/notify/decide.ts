import { SEVERITIES, severityRank, type Severity } from "@/lib/severity";

/**
 * Which Slack message, if any, an incident's current state calls for, compared with what was last
 * announced (incidents.last_notified_state, "<status>:<severity>"). Pure, so the quiet-period rules are
 * unit-tested; repeats inside the quiet period are delayed, not dropped, except critical escalations.
 */

export type NotificationKind = "opened" | "escalated" | "resolved" | "reopened";

export interface NotifyState {
  status: "open" | "investigating" | "resolved";
  severity: Severity;
  /** Alerts still firing; an incident with none was never worth waking anyone for. */
  openAlertCount: number;
  lastNotifiedAt: Date | null;
  lastNotifiedState: string | null;
}

export type NotifyDecision =
  | { action: "none"; why: string }
  | { action: "send"; kind: NotificationKind }
  | { action: "delay"; kind: NotificationKind; until: Date };

export function notifiedState(status: string, severity: Severity): string {
  return `${status}:${severity}`;
}

export function parseNotifiedState(value: string | null): { status: string; severity: Severity } | null {
  if (!value) return null;
  const [status, severity] = value.split(":");
  if (!status || !(SEVERITIES as readonly string[]).includes(severity)) return null;
  return { status, severity: severity as Severity };
}

export function decideNotification(s: NotifyState, now: Date, quietPeriodMs: number): NotifyDecision {
  const last = parseNotifiedState(s.lastNotifiedState);
  let kind: NotificationKind;
  if (!last || !s.lastNotifiedAt) {
    if (s.status === "resolved") return { action: "none", why: "resolved before it was ever announced" };
    if (s.openAlertCount === 0) return { action: "none", why: "nothing firing (alerts arrived already resolved)" };
    return { action: "send", kind: "opened" };
  }
  if (s.status === "resolved") {
    if (last.status === "resolved") return { action: "none", why: "resolution already announced" };
    kind = "resolved";
  } else if (last.status === "resolved") {
    kind = "reopened";
  } else if (severityRank(s.severity) < severityRank(last.severity)) {
    kind = "escalated";
  } else {
    return { action: "none", why: "nothing new since the last message" };
  }
  // A critical escalation must reach people now; everything else waits out the quiet period so a
  // flapping incident does not flood the channel.
  if (kind === "escalated" && s.severity === "critical") return { action: "send", kind };
  const quietUntil = new Date(s.lastNotifiedAt.getTime() + quietPeriodMs);
  if (now < quietUntil) return { action: "delay", kind, until: quietUntil };
  return { action: "send", kind };
}
