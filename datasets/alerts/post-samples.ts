import type { Env } from "@/lib/env";
import type { SourceName } from "@/lib/ingest/types";
import { platformHeaders } from "./sign-request";

export interface SampleFile {
  source: SourceName;
  name: string;
  body: unknown;
  text: string;
}

export interface PostSummary {
  sent: number;
  accepted: number;
  failed: { name: string; status: number; detail: string }[];
}

/** POSTs each sample to `${baseUrl}/api/webhooks/<source>`, signed as its platform would, one at a time. */
export async function postSamples(samples: SampleFile[], baseUrl: string, env: Env, log: (line: string) => void): Promise<PostSummary> {
  const summary: PostSummary = { sent: 0, accepted: 0, failed: [] };
  const warned = new Set<string>();
  const base = baseUrl.replace(/\/+$/, "");
  for (const [i, sample] of samples.entries()) {
    const { headers, missing, note } = platformHeaders(sample.source, sample.body, sample.text, env);
    const notes = [...missing.map((m) => `${m} is not set, so ${sample.source} requests go without credentials`), ...(note ? [`${sample.source}: ${note}`] : [])];
    for (const n of notes) {
      if (!warned.has(n)) log(`  note: ${n}`);
      warned.add(n);
    }
    const url = `${base}/api/webhooks/${sample.source}`;
    let status = 0;
    let detail = "";
    try {
      const response = await fetch(url, { method: "POST", headers, body: sample.text, signal: AbortSignal.timeout(30_000) });
      status = response.status;
      detail = (await response.text()).slice(0, 300);
    } catch (error) {
      detail = (error as Error).message;
    }
    summary.sent++;
    const ok = status >= 200 && status < 300;
    if (ok) summary.accepted++;
    else summary.failed.push({ name: sample.name, status, detail });
    log(`  [${i + 1}/${samples.length}] ${sample.source}/${sample.name} → ${status || "network error"}${ok ? "" : ` ${detail}`}`);
  }
  return summary;
}
