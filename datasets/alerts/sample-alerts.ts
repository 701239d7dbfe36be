import { createHash } from "node:crypto";
import { loadCatalog, service as catalogService, type Catalog } from "./catalog";
import { FAILURE_STORIES, type FailureStory } from "./failure-stories";
import { Rng } from "./rng";

/**
 * One alert instance of a failure story, independent of any platform: the payload builders turn it
 * into each platform's webhook body. Everything is derived from (seed, index), so samples are
 * reproducible and two platforms can describe the very same failure.
 */
export interface SampleAlert extends FailureStory {
  /** Unique per (seed, index, sibling): the base of every platform id. */
  id: string;
  team: string;
  environment: "production";
  /** AWS region code where it runs. */
  region: string;
  cluster: string;
  status: "firing" | "resolved";
  startedAt: Date;
  endedAt?: Date;
}

/** Default time base for written samples: fixed, so files do not change between runs. */
export const DEFAULT_START = new Date("2026-11-24T06:00:00Z");

export interface SampleOptions {
  /** When the first sample starts; later ones follow minutes apart. */
  start?: Date;
  /** Force a status (otherwise about one in four is resolved). */
  status?: "firing" | "resolved";
  catalog?: Catalog;
}

/** Stable hex digest of the parts (ids, fingerprints). */
export function stableHex(length: number, ...parts: (string | number)[]): string {
  return createHash("sha256").update(parts.join("\u001f")).digest("hex").slice(0, length);
}

export function sampleAlert(seed: number | string, index: number, options: SampleOptions = {}): SampleAlert {
  const rng = new Rng(`${seed}:${index}`);
  const catalog = options.catalog ?? loadCatalog();
  // Walk the stories in an order set by the seed, so a handful of samples covers many failures.
  const order = new Rng(`${seed}:order`);
  const offset = order.int(0, FAILURE_STORIES.length - 1);
  const story = FAILURE_STORIES[(index + offset) % FAILURE_STORIES.length](rng);
  const owner = catalogService(catalog, story.service); // throws if a story names an unknown service
  const region = rng.pick(["eu-west-1", "eu-west-1", "eu-central-1", "us-east-1"]);
  const start = options.start ?? DEFAULT_START;
  const startedAt = new Date(start.getTime() + index * 7 * 60_000 + rng.int(0, 300) * 1000 + rng.int(0, 999));
  const status = options.status ?? (rng.chance(0.25) ? "resolved" : "firing");
  return {
    ...story,
    id: stableHex(16, seed, index),
    team: owner.team,
    environment: "production",
    region,
    cluster: `eks-prod-${region}`,
    status,
    startedAt,
    endedAt: status === "resolved" ? new Date(startedAt.getTime() + rng.int(4, 55) * 60_000) : undefined,
  };
}

export function sampleAlerts(seed: number | string, count: number, options: SampleOptions = {}): SampleAlert[] {
  return Array.from({ length: count }, (_, i) => sampleAlert(seed, i, options));
}

/** Another instance of the same failure (another pod/replica), as grouped notifications carry. */
export function siblingAlert(alert: SampleAlert, k: number): SampleAlert {
  const rng = new Rng(`${alert.id}:sibling:${k}`);
  const labels = { ...alert.labels };
  if (labels.pod) labels.pod = `${alert.service}-${rng.podSuffix()}`;
  else labels.instance = `${labels.instance ?? alert.service}-${k + 1}`;
  return {
    ...alert,
    id: stableHex(16, alert.id, "sibling", k),
    labels,
    startedAt: new Date(alert.startedAt.getTime() + rng.int(5, 120) * 1000),
  };
}

/** Re-tells a sample as resolved (for firing → resolved pairs). */
export function resolvedAlert(alert: SampleAlert, afterMinutes = 17): SampleAlert {
  return { ...alert, status: "resolved", endedAt: alert.endedAt ?? new Date(alert.startedAt.getTime() + afterMinutes * 60_000) };
}
