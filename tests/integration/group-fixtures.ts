import { randomUUID } from "node:crypto";
import { db, setAlertEmbedding } from "@/lib/db";
import { offlineEmbedder } from "@/lib/ml/embed/offline";
import type { Severity } from "@/lib/severity";

/** Inserts an alert as the triage pipeline leaves it just before grouping (classified, extracted, embedded). */
export interface FixtureAlert {
  title: string;
  message?: string;
  source?: string;
  fingerprint?: string;
  groupKey?: string | null;
  service?: string | null;
  environment?: string | null;
  region?: string | null;
  errorCode?: string | null;
  severity?: Severity;
  at?: Date;
  status?: "firing" | "resolved";
  /** When the platform resolved it (status "resolved"). */
  resolvedAt?: Date;
  embed?: boolean;
  /** Flattened platform labels (node, zone, cluster...). */
  labels?: Record<string, string>;
}

const embedder = offlineEmbedder();

export async function insertAlert(a: FixtureAlert): Promise<string> {
  const id = randomUUID();
  await db().alert.create({
    data: {
      id,
      source: a.source ?? "datadog",
      externalId: id,
      fingerprint: a.fingerprint ?? `fp-${id}`,
      groupKey: a.groupKey ?? null,
      title: a.title,
      message: a.message ?? "",
      labels: a.labels ?? {},
      rawPayload: { title: a.title },
      alertTimestamp: a.at ?? new Date(),
      status: a.status ?? "firing",
      resolvedAt: a.resolvedAt ?? null,
      severity: a.severity ?? "high",
      serviceName: a.service ?? null,
      environment: a.environment === undefined ? "prod" : a.environment,
      region: a.region ?? null,
      errorCode: a.errorCode ?? null,
      processingState: "processed",
    },
  });
  if (a.embed !== false) {
    const [vector] = await embedder.embed([[a.service ? `service ${a.service}` : "", a.title, a.message ?? ""].filter(Boolean).join("\n")]);
    await setAlertEmbedding(db(), id, vector, embedder.model);
  }
  return id;
}

export const minutesFrom = (base: Date, minutes: number) => new Date(base.getTime() + minutes * 60_000);
