import type { SourceName } from "@/lib/ingest/types";
import { SOURCES } from "@/lib/ingest/types";
import { toJsonText } from "./json-text";
import { payloadFor } from "./payloads";
import type { SampleFile } from "./post-samples";
import { resolvedAlert, sampleAlert, siblingAlert, type SampleAlert, type SampleOptions } from "./sample-alerts";

export interface BuildOptions extends SampleOptions {
  seed: number | string;
  perSource: number;
  sources?: readonly SourceName[];
  /** Every source reports the same failures (as one outage pages through several tools), seconds apart. */
  correlated?: boolean;
}

/**
 * The sample set: for each source, `perSource` payloads about different failures. Grouping platforms
 * (Alertmanager, Grafana) get 1–3 instances per notification; every fifth sample is followed by its
 * resolution, so a demo shows firing → resolved transitions.
 */
export function buildSamples(options: BuildOptions): SampleFile[] {
  const sources = options.sources ?? SOURCES;
  const files: SampleFile[] = [];
  let index = 0;
  for (const [sourceIndex, source] of sources.entries()) {
    for (let i = 0; i < options.perSource; i++, index++) {
      const story = sampleAlert(options.seed, options.correlated ? i : index, { ...options, status: options.status ?? "firing" });
      const alert = options.correlated ? shifted(story, sourceIndex * 23_000) : story;
      const group = source === "alertmanager" || source === "grafana" ? withSiblings(alert, index) : [alert];
      files.push(file(source, `${String(i + 1).padStart(2, "0")}-${alert.kind}`, group));
      if (i % 5 === 4 || (options.perSource < 5 && i === options.perSource - 1 && source !== "generic")) {
        files.push(file(source, `${String(i + 1).padStart(2, "0")}-${alert.kind}-resolved`, group.map((a) => resolvedAlert(a))));
      }
    }
  }
  return files;
}

function shifted(alert: SampleAlert, ms: number): SampleAlert {
  const move = (d: Date) => new Date(d.getTime() + ms);
  return { ...alert, startedAt: move(alert.startedAt), endedAt: alert.endedAt && move(alert.endedAt) };
}

function withSiblings(alert: SampleAlert, index: number): SampleAlert[] {
  const extra = index % 3; // 0, 1 or 2 more instances
  return [alert, ...Array.from({ length: extra }, (_, k) => siblingAlert(alert, k))];
}

function file(source: SourceName, name: string, alerts: SampleAlert[]): SampleFile {
  const body = payloadFor(source, alerts);
  return { source, name, body, text: toJsonText(body) };
}
