import { offlineEmbedder } from "@/lib/ml/embed/offline";
import type { Embedder } from "@/lib/ml/types";

/**
 * The embedder for runbook chunks and questions. Both sides must use the same model (retrieval only
 * compares vectors whose stored model matches).
 */
let cached: Promise<Embedder> | undefined;

export function ragEmbedder(): Promise<Embedder> {
  cached ??= Promise.resolve(offlineEmbedder());
  return cached;
}

export function resetRagEmbedder(): void {
  cached = undefined;
}
