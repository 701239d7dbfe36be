import type { SourceAdapter } from "../adapter";
import type { SourceName } from "../types";
import { datadogAdapter } from "./datadog";
import { genericAdapter } from "./generic";
import { pagerdutyAdapter } from "./pagerduty";
import { sentryAdapter } from "./sentry";
import { alertmanagerAdapter } from "./alertmanager";
import { grafanaAdapter } from "./grafana";
import { cloudwatchAdapter } from "./cloudwatch";

/** Every source adapter; the URL segment /api/webhooks/{source} picks one by its `source`. */
const ADAPTERS: SourceAdapter[] = [
  datadogAdapter,
  sentryAdapter,
  pagerdutyAdapter,
  genericAdapter,
  alertmanagerAdapter,
  grafanaAdapter,
  cloudwatchAdapter,
];

const BY_SOURCE = new Map<string, SourceAdapter>(ADAPTERS.map((a) => [a.source, a]));

/** The adapter for a URL segment (case-insensitive), or undefined for an unknown source. */
export function getAdapter(source: string): SourceAdapter | undefined {
  return BY_SOURCE.get(source.toLowerCase());
}

export function knownSources(): SourceName[] {
  return ADAPTERS.map((a) => a.source);
}
