import type { SourceName } from "@/lib/ingest/types";
import type { SampleAlert } from "../sample-alerts";
import { alertmanagerPayload } from "./alertmanager";
import { cloudwatchPayload } from "./cloudwatch";
import { datadogPayload } from "./datadog";
import { genericPayload } from "./generic";
import { grafanaPayload } from "./grafana";
import { pagerdutyPayload } from "./pagerduty";
import { sentryPayload } from "./sentry";

export { alertmanagerPayload, cloudwatchPayload, datadogPayload, genericPayload, grafanaPayload, pagerdutyPayload, sentryPayload };
export { cloudwatchAlarm, type SnsSigning } from "./cloudwatch";
export { sentryResource } from "./sentry";

/** The webhook body `source` would send for these alerts (grouping platforms take them all, others the first). */
export function payloadFor(source: SourceName, alerts: SampleAlert | SampleAlert[]): unknown {
  const list = Array.isArray(alerts) ? alerts : [alerts];
  switch (source) {
    case "alertmanager":
      return alertmanagerPayload(list);
    case "grafana":
      return grafanaPayload(list);
    case "datadog":
      return datadogPayload(list[0]);
    case "sentry":
      return sentryPayload(list[0]);
    case "cloudwatch":
      return cloudwatchPayload(list[0]);
    case "pagerduty":
      return pagerdutyPayload(list[0]);
    case "generic":
      return genericPayload(list[0]);
  }
}
