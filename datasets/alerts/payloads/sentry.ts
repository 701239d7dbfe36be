import type { SampleAlert } from "../sample-alerts";
import { stableHex } from "../sample-alerts";

/**
 * Sentry integration-platform webhook body: a firing sample is an issue alert (resource
 * `event_alert`, action "triggered"); a resolved one is the issue webhook (resource `issue`, action
 * "resolved") for the same issue. `sentryResource()` gives the header value for a body.
 */
export function sentryPayload(a: SampleAlert) {
  const app = a.exception.app ?? a.service;
  const issueId = String(4_000_000_000 + (Number.parseInt(stableHex(8, "sentry-issue", a.kind, app), 16) % 900_000_000));
  const projectId = 4_500_000 + (Number.parseInt(stableHex(6, "sentry-project", app), 16) % 400_000);
  const shortId = `${app.toUpperCase()}-${(Number.parseInt(issueId.slice(-4), 10) % 900) + 100}`;
  const ex = a.exception;
  const title = `${ex.type}: ${ex.value}`.slice(0, 200);
  const webIssue = `https://parcelwise.sentry.io/issues/${issueId}/`;
  if (a.status === "resolved") {
    return {
      action: "resolved",
      installation: { uuid: "7a485448-a9e2-4c85-8a3c-4f44175783c9" },
      actor: { type: "user", id: "2213907", name: "on-call" },
      data: {
        issue: {
          id: issueId,
          shortId,
          title,
          culprit: ex.culprit,
          level: ex.level,
          status: "resolved",
          statusDetails: { inNextRelease: false },
          platform: ex.platform,
          project: { id: String(projectId), name: app, slug: app, platform: ex.platform },
          type: "error",
          metadata: { type: ex.type, value: ex.value, filename: ex.culprit.split(" in ")[0] },
          numComments: 0,
          count: "412",
          userCount: 87,
          firstSeen: a.startedAt.toISOString(),
          lastSeen: (a.endedAt ?? a.startedAt).toISOString(),
          web_url: webIssue,
          permalink: webIssue,
        },
      },
    };
  }
  const eventId = stableHex(32, "sentry-event", a.id);
  const seconds = a.startedAt.getTime() / 1000;
  const release = `${app}@${a.labels.version ?? `2026.11.${(a.startedAt.getUTCDate() % 28) + 1}`}`;
  return {
    action: "triggered",
    installation: { uuid: "7a485448-a9e2-4c85-8a3c-4f44175783c9" },
    actor: { type: "application", id: "sentry", name: "Sentry" },
    data: {
      event: {
        event_id: eventId,
        issue_id: issueId,
        project: projectId,
        platform: ex.platform,
        level: ex.level,
        logger: "",
        title,
        culprit: ex.culprit,
        message: "",
        datetime: a.startedAt.toISOString(),
        timestamp: seconds,
        received: seconds + 0.412,
        environment: a.environment,
        release,
        tags: [
          ["environment", a.environment],
          ["level", ex.level],
          ["release", release],
          ["service", app],
          ["team", a.team],
          ["server_name", app === a.service ? (a.labels.pod ?? a.labels.instance ?? `${app}-0`) : `${app}-0`],
          ["region", a.region],
        ],
        metadata: { type: ex.type, value: ex.value, filename: ex.culprit.split(" in ")[0] },
        exception: {
          values: [
            {
              type: ex.type,
              value: ex.value,
              mechanism: { type: "generic", handled: ex.level !== "fatal" },
              stacktrace: { frames: [{ function: ex.culprit.split(" in ")[1] ?? "handle", module: ex.culprit.split(" in ")[0], in_app: true, lineno: 40 + (seconds % 200 | 0) }] },
            },
          ],
        },
        url: `https://sentry.io/api/0/projects/parcelwise/${app}/events/${eventId}/`,
        web_url: `${webIssue}events/${eventId}/`,
        issue_url: `https://sentry.io/api/0/issues/${issueId}/`,
      },
      triggered_rule: `${app}: new or regressed errors → OpsRelay`,
    },
  };
}

export function sentryResource(body: unknown): "event_alert" | "issue" {
  const data = (body as { data?: Record<string, unknown> })?.data;
  return data && "issue" in data ? "issue" : "event_alert";
}
