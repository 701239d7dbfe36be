import { randomUUID } from "node:crypto";
import { db, disconnectDb, setAlertEmbedding } from "@/lib/db";
import { createTempDatabase } from "@/lib/db/temp-database";
import { resetEnv } from "@/lib/env";
import { settleResolvedAlert } from "@/lib/pipeline/settle-resolution";
import { groupAlert } from "@/lib/triage/group";
import type { Scenario } from "./scenario-kit";

/**
 * Replays scenarios through the production path — groupAlert's transaction and SQL candidate selection,
 * and the pipeline's resolution handling (settleResolvedAlert) — on a throwaway database: an in-memory
 * embedded PostgreSQL, or a temporary database on the server at `adminUrl`. Never touches DATABASE_URL's data.
 */
export async function withThrowawayDatabase<T>(adminUrl: string | undefined, fn: () => Promise<T>): Promise<T> {
  const previous = process.env.DATABASE_URL;
  const database = await createTempDatabase({ adminUrl, embedded: !adminUrl, prefix: "opsrelay_eval" });
  process.env.DATABASE_URL = database.url;
  if (database.embedded) process.env.OPSRELAY_EMBEDDED_DB = "1";
  resetEnv();
  try {
    return await fn();
  } finally {
    await disconnectDb();
    await database.drop();
    process.env.DATABASE_URL = previous;
    resetEnv();
  }
}

export async function replayThroughDatabase(
  scenario: Scenario,
  vectors: Map<string, number[] | null>,
  embeddingModel: string,
): Promise<Map<string, string>> {
  await db().$executeRawUnsafe("TRUNCATE alerts, incidents, incident_actions RESTART IDENTITY CASCADE");
  const rowId = new Map<string, string>();
  const pendingResolutions = scenario.alerts
    .filter((a) => a.resolvedAt)
    .map((a) => ({ id: a.id, at: new Date(a.resolvedAt!) }))
    .sort((x, y) => x.at.getTime() - y.at.getTime());

  const resolveUntil = async (t: Date) => {
    while (pendingResolutions.length && pendingResolutions[0].at <= t) {
      const r = pendingResolutions.shift()!;
      const id = rowId.get(r.id);
      if (!id) continue; // resolved before it arrived: cannot happen in these scenarios
      await db().alert.update({ where: { id }, data: { status: "resolved", resolvedAt: r.at } });
      await settleResolvedAlert(id);
    }
  };

  for (const a of scenario.alerts) {
    const at = new Date(a.timestamp);
    await resolveUntil(at);
    const id = randomUUID();
    rowId.set(a.id, id);
    await db().alert.create({
      data: {
        id,
        source: a.source,
        externalId: a.id,
        fingerprint: a.fingerprint,
        groupKey: a.groupKey,
        title: a.title,
        message: a.message,
        labels: a.labels,
        rawPayload: { scenario: scenario.id, alert: a.id },
        alertTimestamp: at,
        lastSeenAt: at,
        severity: a.severity,
        serviceName: a.entities.service,
        environment: a.entities.environment,
        region: a.entities.region,
        errorCode: a.entities.errorCode,
        processingState: "processed",
      },
    });
    const vector = vectors.get(a.id);
    if (vector) await setAlertEmbedding(db(), id, vector, embeddingModel);
    await groupAlert(id);
  }

  const rows = await db().alert.findMany({ select: { id: true, incidentId: true } });
  const incidentOf = new Map(rows.map((r) => [r.id, r.incidentId]));
  return new Map(scenario.alerts.map((a) => [a.id, incidentOf.get(rowId.get(a.id)!) ?? `waiting:${a.id}`]));
}
