import { getEmbedder } from "@/lib/ml";
import type { Embedder } from "@/lib/ml/types";

/**
 * The embedder for runbook chunks and questions: the product's configured one (EMBEDDING_PROVIDER;
 * offline hashing by default). Both sides must use the same model: retrieval only compares vectors whose
 * stored model matches, and re-ingesting re-embeds chunks made by another model.
 */
export function ragEmbedder(): Promise<Embedder> {
  return getEmbedder();
}
