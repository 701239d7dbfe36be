import { db, isEmbeddedDatabase } from "@/lib/db";
import { getClassifier, getEmbedder, getSummarizer } from "@/lib/ml";
import { pipelineMode, type PipelineMode } from "@/lib/events/mode";
import { listHeartbeats } from "@/lib/heartbeats/monitor";
import { pipelineStatus, type PipelineStatus } from "@/lib/pipeline/status";

export interface Health {
  status: "ok" | "degraded";
  database: { ok: boolean; embedded: boolean; vector: string | null; error?: string };
  pipeline: PipelineMode;
  /** Triage backlog: alerts per processing state, the oldest pending one, the in-process queue. */
  triage: PipelineStatus | null;
  providers: { summarizer: string; classifier: string; embedding: string };
  /** Heartbeats seen (Alertmanager Watchdog…): a missing one means alerts on its path may not arrive. */
  heartbeats: { source: string; name: string; lastSeenAt: string; missing: boolean }[];
}

/** The providers the ML registry actually chose (a misconfigured one is reported, not thrown). */
async function chosenProviders(): Promise<Health["providers"]> {
  const name = async (pick: () => string | Promise<string>) => {
    try {
      return await pick();
    } catch (error) {
      return `error: ${(error as Error).message}`;
    }
  };
  return {
    summarizer: await name(() => getSummarizer().name),
    classifier: await name(() => getClassifier().name),
    embedding: await name(async () => (await getEmbedder()).model),
  };
}

/** What /api/health reports: can we reach the database (with pgvector), and which backends are chosen. */
export async function checkHealth(): Promise<Health> {
  const pipeline = pipelineMode();
  const providers = await chosenProviders();
  const embedded = isEmbeddedDatabase();
  try {
    const rows = await db().$queryRaw<{ extversion: string }[]>`SELECT extversion FROM pg_extension WHERE extname = 'vector'`;
    const triage = await pipelineStatus();
    const heartbeats = (await listHeartbeats()).map((h) => ({ source: h.source, name: h.name, lastSeenAt: h.lastSeenAt.toISOString(), missing: h.missing }));
    return { status: "ok", database: { ok: true, embedded, vector: rows[0]?.extversion ?? null }, pipeline, triage, providers, heartbeats };
  } catch (error) {
    return { status: "degraded", database: { ok: false, embedded, vector: null, error: (error as Error).message }, pipeline, triage: null, providers, heartbeats: [] };
  }
}
