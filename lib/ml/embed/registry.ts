import { env } from "@/lib/env";
import { huggingFace } from "@/lib/ml/providers/huggingface-client";
import type { Embedder } from "@/lib/ml/types";
import { HuggingFaceEmbedder } from "./huggingface-embedder";
import { offlineEmbedder } from "./offline";
import { TransformersEmbedder, TransformersUnavailableError } from "./transformers-embedder";

export interface EmbedderChoice {
  embedder: Embedder;
  /** Why a preferred provider was skipped (shown in logs/settings), if one was. */
  skipped: string[];
}

/**
 * EMBEDDING_PROVIDER: `auto` = local transformers.js model when its files are present, else the Hugging
 * Face API when HF_TOKEN is set, else the offline hashing embedder. An explicit choice that cannot work
 * is a configuration error, reported with its reason rather than silently replaced.
 */
export async function chooseEmbedder(): Promise<EmbedderChoice> {
  const e = env();
  const skipped: string[] = [];
  const provider = e.EMBEDDING_PROVIDER;

  if (provider === "transformers" || provider === "auto") {
    const t = new TransformersEmbedder(e.TRANSFORMERS_MODEL_DIR, e.TRANSFORMERS_ALLOW_REMOTE);
    try {
      if (provider === "auto" && !e.TRANSFORMERS_MODEL_DIR && !e.TRANSFORMERS_ALLOW_REMOTE) {
        throw new TransformersUnavailableError("TRANSFORMERS_MODEL_DIR is not set");
      }
      await t.load();
      return { embedder: t, skipped };
    } catch (err) {
      if (provider === "transformers") throw new Error(`EMBEDDING_PROVIDER=transformers but the model cannot be loaded: ${(err as Error).message}`);
      skipped.push(`transformers: ${(err as Error).message}`);
    }
  }
  if (provider === "huggingface" || provider === "auto") {
    const hf = huggingFace();
    if (hf) return { embedder: new HuggingFaceEmbedder(hf, e.HF_EMBEDDING_MODEL), skipped };
    if (provider === "huggingface") throw new Error("EMBEDDING_PROVIDER=huggingface needs HF_TOKEN");
    skipped.push("huggingface: HF_TOKEN is not set");
  }
  return { embedder: offlineEmbedder(), skipped };
}
