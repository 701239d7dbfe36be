import { db, setAlertEmbedding } from "@/lib/db";
import { embeddingText } from "@/lib/pipeline/alert-text";
import { getEmbedderForTriage, mlTimeoutMs } from "@/lib/pipeline/providers";
import { errorMessage, type StepContext, withTimeout } from "@/lib/pipeline/retry";

export type EmbedOutcome = {
  model: string | null;
  degraded?: string;
};

/**
 * Triage step 3: the alert's vector, for similarity grouping. Vectors of different models are never
 * compared, so there is no substitute vector: when the embedder keeps failing the alert is grouped
 * without similarity (embedding_model "fallback:none") and the outcome says so.
 */
export async function embedAlert(alertId: string, ctx: StepContext): Promise<EmbedOutcome> {
  const alert = await db().alert.findUniqueOrThrow({
    where: { id: alertId },
    select: { title: true, message: true, serviceName: true },
  });
  try {
    const embedder = await getEmbedderForTriage();
    const [vector] = await withTimeout(embedder.embed([embeddingText(alert)]), mlTimeoutMs(), "embedder");
    if (!vector) throw new Error("embedder returned no vector");
    await setAlertEmbedding(db(), alertId, vector, embedder.model);
    return { model: embedder.model };
  } catch (error) {
    if (!ctx.finalAttempt) throw error;
    await db().$executeRaw`UPDATE alerts SET embedding = NULL, embedding_model = 'fallback:none' WHERE id = ${alertId}::uuid`;
    return { model: null, degraded: `embedding failed, grouped without similarity (${errorMessage(error)})` };
  }
}
