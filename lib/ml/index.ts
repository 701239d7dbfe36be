import { env } from "@/lib/env";
import { anthropicClient } from "./providers/anthropic-client";
import { huggingFace } from "./providers/huggingface-client";
import { HuggingFaceClassifier } from "./classify/huggingface-classifier";
import { LocalClassifier } from "./classify/local-classifier";
import { chooseEmbedder } from "./embed/registry";
import { HuggingFaceEntityExtractor } from "./entities/huggingface-extractor";
import { LocalEntityExtractor } from "./entities/local-extractor";
import { AnthropicSummarizer } from "./summarize/anthropic-summarizer";
import { OfflineSummarizer } from "./summarize/offline-summarizer";
import type { Classifier, Embedder, EntityExtractor, Summarizer } from "./types";

/**
 * The ML layer's entry points: one provider per capability, chosen by configuration (lib/env.ts).
 * Hosted providers need their key (HF_TOKEN, ANTHROPIC_API_KEY); asking for one without its key is a
 * configuration error named at first use. Every hosted provider degrades to the offline default on
 * failure and says so in the result. Providers are cached; resetMl() drops them (tests, new settings).
 */

let classifier: Classifier | undefined;
let extractor: EntityExtractor | undefined;
let embedder: Promise<Embedder> | undefined;
let summarizer: Summarizer | undefined;

function requireHf(setting: string) {
  const hf = huggingFace();
  if (!hf) throw new Error(`${setting}=huggingface needs HF_TOKEN`);
  return hf;
}

export function getClassifier(): Classifier {
  if (!classifier) {
    const e = env();
    const local = new LocalClassifier();
    classifier = e.CLASSIFIER_PROVIDER === "huggingface" ? new HuggingFaceClassifier(requireHf("CLASSIFIER_PROVIDER"), e.HF_CLASSIFIER_MODEL, local) : local;
  }
  return classifier;
}

export function getEntityExtractor(): EntityExtractor {
  if (!extractor) {
    const e = env();
    extractor = e.ENTITY_PROVIDER === "huggingface" ? new HuggingFaceEntityExtractor(requireHf("ENTITY_PROVIDER"), e.HF_NER_MODEL) : new LocalEntityExtractor();
  }
  return extractor;
}

export function getEmbedder(): Promise<Embedder> {
  embedder ??= chooseEmbedder()
    .then((c) => {
      if (c.skipped.length) console.info(`[ml] embedder ${c.embedder.model} (skipped: ${c.skipped.join("; ")})`);
      return c.embedder;
    })
    .catch((err) => {
      embedder = undefined;
      throw err;
    });
  return embedder;
}

/** SUMMARIZER_PROVIDER: auto = Claude when ANTHROPIC_API_KEY is set, else offline. */
export function getSummarizer(): Summarizer {
  if (!summarizer) {
    const e = env();
    const offline = new OfflineSummarizer();
    const client = e.SUMMARIZER_PROVIDER === "offline" ? undefined : anthropicClient();
    if (e.SUMMARIZER_PROVIDER === "anthropic" && !client) throw new Error("SUMMARIZER_PROVIDER=anthropic needs ANTHROPIC_API_KEY");
    const deadline = e.ANTHROPIC_TIMEOUT_MS * (e.ANTHROPIC_MAX_RETRIES + 1) + 1_000;
    summarizer = client ? new AnthropicSummarizer(client, e.ANTHROPIC_MODEL, e.ANTHROPIC_MAX_TOKENS, offline, deadline) : offline;
  }
  return summarizer;
}

export function resetMl(): void {
  classifier = undefined;
  extractor = undefined;
  embedder = undefined;
  summarizer = undefined;
}

export type * from "./types";
