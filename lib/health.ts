import { db } from "@/lib/db";
import { env } from "@/lib/env";

export interface Health {
  status: "ok" | "degraded";
  database: { ok: boolean; embedded: boolean; vector: string | null; error?: string };
  pipeline: "inngest" | "in-process";
  providers: { summarizer: string; classifier: string; embedding: string };
}

/** What /api/health reports: can we reach the database (with pgvector), and which backends are chosen. */
export async function checkHealth(): Promise<Health> {
  const e = env();
  const pipeline = e.INNGEST_DEV || e.INNGEST_EVENT_KEY ? "inngest" : "in-process";
  const providers = {
    summarizer: e.SUMMARIZER_PROVIDER === "offline" || (e.SUMMARIZER_PROVIDER === "auto" && !e.ANTHROPIC_API_KEY) ? "offline" : "anthropic",
    classifier: e.CLASSIFIER_PROVIDER,
    embedding: e.EMBEDDING_PROVIDER,
  };
  const embedded = process.env.OPSRELAY_EMBEDDED_DB === "1";
  try {
    const rows = await db().$queryRaw<{ extversion: string }[]>`SELECT extversion FROM pg_extension WHERE extname = 'vector'`;
    return { status: "ok", database: { ok: true, embedded, vector: rows[0]?.extversion ?? null }, pipeline, providers };
  } catch (error) {
    return { status: "degraded", database: { ok: false, embedded, vector: null, error: (error as Error).message }, pipeline, providers };
  }
}
