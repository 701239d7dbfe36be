import { env } from "@/lib/env";
import { LocalClassifier } from "./classify/local-classifier";
import { chooseEmbedder } from "./embed/registry";
import { LocalEntityExtractor } from "./entities/local-extractor";
import { OfflineSummarizer } from "./summarize/offline-summarizer";
import type { Classifier, Embedder, EntityExtractor, Summarizer } from "./types";

/**
 * The ML layer's entry points: one provider per capability, chosen by configuration (lib/env.ts).
 * Providers are cached per process; resetMl() drops them (tests, after changing settings).
 */

let classifier: Classifier | undefined;
let extractor: EntityExtractor | undefined;
let embedder: Promise<Embedder> | undefined;
let summarizer: Summarizer | undefined;

export function getClassifier(): Classifier {
  classifier ??= new LocalClassifier();
  return classifier;
}

export function getEntityExtractor(): EntityExtractor {
  void env().ENTITY_PROVIDER;
  extractor ??= new LocalEntityExtractor();
  return extractor;
}

export function getEmbedder(): Promise<Embedder> {
  embedder ??= chooseEmbedder()
    .then((c) => c.embedder)
    .catch((err) => {
      embedder = undefined;
      throw err;
    });
  return embedder;
}

export function getSummarizer(): Summarizer {
  summarizer ??= new OfflineSummarizer();
  return summarizer;
}

export function resetMl(): void {
  classifier = undefined;
  extractor = undefined;
  embedder = undefined;
  summarizer = undefined;
}

export type * from "./types";
