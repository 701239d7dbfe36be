/**
 * Drives autocannon in the three ways the ingest benchmark measures, recording every response's latency
 * itself (exact percentiles, the same computation in every mode):
 * - closed: `connections` connections, each sending its next request as soon as the previous one is
 *   answered (peak throughput; latency ≈ connections / throughput by Little's law);
 * - even: a fixed offered load spread evenly over each second — one connection per time slot, each
 *   sending `perSlot` requests per second at its own offset (webhooks arrive spread out, not in lockstep);
 * - burst: autocannon's own overallRate, which lets every connection send its whole per-second quota at
 *   the start of each second (all connections at once), i.e. a burst of `rate` requests every second.
 *   Runs recorded before the even mode existed used this.
 */
import autocannon, { type Options } from "autocannon";

export type Pacing = "closed" | "even" | "burst";

export interface LoadResult {
  seconds: number;
  responses2xx: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Latency of every 2xx response, ms. */
  latenciesMs: number[];
}

export interface LoadSpec {
  url: string;
  path: string;
  headers: Record<string, string>;
  body: () => string;
  seconds: number;
  pacing: Pacing;
  connections: number;
  /** Requests per second offered (even and burst). */
  requestsPerSecond?: number;
}

/** Even pacing opens at most this many connections; above, each sends several requests per second. */
const MAX_SLOTS = 250;

function run(options: Options, result: LoadResult): Promise<void> {
  const tracker = autocannon({ ...options, timeout: 30 });
  tracker.on("response", (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (status >= 200 && status < 300) {
      result.responses2xx++;
      result.latenciesMs.push(ms);
    } else result.non2xx++;
  });
  return tracker.then((r) => {
    result.errors += r.errors;
    result.timeouts += r.timeouts;
  });
}

export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const result: LoadResult = { seconds: spec.seconds, responses2xx: 0, non2xx: 0, errors: 0, timeouts: 0, latenciesMs: [] };
  const base: Options = {
    url: spec.url,
    duration: spec.seconds,
    requests: [{ method: "POST", path: spec.path, headers: spec.headers, setupRequest: (req) => ({ ...req, body: spec.body() }) }],
  };
  const rate = Math.max(1, Math.round(spec.requestsPerSecond ?? 0));
  if (spec.pacing === "closed") {
    await run({ ...base, connections: spec.connections }, result);
  } else if (spec.pacing === "burst") {
    await run({ ...base, connections: spec.connections, overallRate: rate }, result);
  } else {
    const slots = Math.min(rate, MAX_SLOTS);
    const runs: Promise<void>[] = [];
    for (let i = 0; i < slots; i++) {
      // Slot i sends its share at i/slots of each second, from its start on.
      const perSlot = Math.floor(rate / slots) + (i < rate % slots ? 1 : 0);
      runs.push(new Promise((r) => setTimeout(r, (i * 1000) / slots)).then(() => run({ ...base, connections: 1, overallRate: perSlot }, result)));
    }
    await Promise.all(runs);
  }
  return result;
}

/** The value below which `fraction` of the samples fall (nearest rank). */
export function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))];
}
